"""Pure rules, no I/O: achievement and rating scales, findings, the settings that are conventions."""
