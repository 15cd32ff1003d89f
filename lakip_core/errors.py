"""Domain exceptions raised by the core; the UI and the CLI turn them into Indonesian messages."""

from __future__ import annotations

from collections.abc import Sequence


class LakipError(Exception):
    """Base class: every error the core raises on purpose. ``str(err)`` is a user message."""


class UnreadableFileError(LakipError):
    """The file is not a spreadsheet we can open (wrong format, corrupt, encrypted ...)."""


class HeaderNotFoundError(LakipError):
    """No row in the first rows of any sheet looks like the header of this kind of dataset."""


class MissingColumnsError(LakipError):
    """Required columns are absent; lists what was expected and what was found."""

    def __init__(self, kind: str, missing: Sequence[str], found: Sequence[str], where: str = "") -> None:
        self.kind = kind
        self.missing = list(missing)
        self.found = list(found)
        self.where = where
        found_text = ", ".join(f"'{f}'" for f in self.found) or "(tidak ada)"
        place = f" ({where})" if where else ""
        super().__init__(
            f"Kolom wajib tidak ditemukan pada data {kind}{place}: {', '.join(self.missing)}. "
            f"Kolom yang ditemukan: {found_text}."
        )


class DuplicateColumnsError(LakipError):
    """Two header cells mean the same column (``Pagu`` and ``Pagu Anggaran``): which to use is unclear."""


class EmptyDataError(LakipError):
    """The sheet has a header but no data rows."""
