"""Uploads: the dataset kinds, container checks, the sandboxed reader, the inspection it returns."""
