"""Findings: problems in the data, reported with a stable code and an Indonesian message."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

import pandas as pd

Severity = Literal["error", "warning", "info"]

SEVERITY_LABELS: dict[str, str] = {"error": "Galat", "warning": "Peringatan", "info": "Informasi"}


@dataclass(frozen=True)
class Finding:
    """One problem: how bad, a stable code, a message in Indonesian, and where it is."""

    severity: Severity
    code: str
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    dataset: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def location(self) -> str:
        """``anggaran.xlsx, lembar Anggaran, baris 12`` (the parts that are known)."""
        parts = [p for p in (self.file, f"lembar {self.sheet}" if self.sheet else None) if p]
        if self.row is not None:
            parts.append(f"baris {self.row}")
        return ", ".join(parts)


def at(row: pd.Series | Mapping[str, Any], severity: Severity, code: str, message: str, dataset: str) -> Finding:
    """A finding located at a frame row (a Series or dict with ``_file``, ``_sheet``, ``_row``)."""
    file, sheet, number = row.get("_file"), row.get("_sheet"), row.get("_row")
    return Finding(
        severity,
        code,
        message,
        file=str(file) if file is not None else None,
        sheet=str(sheet) if sheet is not None else None,
        row=int(number) if number is not None else None,
        dataset=dataset,
    )
