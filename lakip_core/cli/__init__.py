"""``python -m lakip_core``: summary, store commands, export."""
