"""Text for people: Indonesian number formats, charts, display tables, exports, templates."""
