"""Bytes → cells → tables: opening files, finding headers, parsing cell text (numbers, dates)."""
