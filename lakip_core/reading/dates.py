"""Dates as Indonesian files write them: ``1 Maret 1993``, ``01-03-1993``, ``Jakarta/1 Maret 1993``."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta

from lakip_core.reading.numbers import cell_text

MONTHS = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "pebruari": 2,
    "february": 2,
    "maret": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "desember": 12,
    "des": 12,
    "dec": 12,
    "december": 12,
}
_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$")
_YEAR = re.compile(r"^(19|20)\d{2}$")
_EXCEL_EPOCH = date(1899, 12, 30)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """A date from a cell: date/datetime objects, Excel serial numbers, ``1 Maret 1993``,
    ``01-03-1993`` / ``01/03/1993`` (day first, the Indonesian order), ``1993-03-01``.
    Anything else (including an impossible date such as 31-02-1990) → ``None``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and math.isnan(value):
            return None
        if 1 <= value < 80000:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    text = cell_text(value)
    match = _WORDS.match(text)
    if match and match.group(2).lower() in MONTHS:
        return _safe(int(match.group(3)), MONTHS[match.group(2).lower()], int(match.group(1)))
    match = _DMY.match(text)
    if match:
        return _safe(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    match = _YMD.match(text)
    if match:
        return _safe(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def parse_year(value: object) -> int | None:
    """A year from a year cell (``2008``, ``2008.0``) or from any date :func:`parse_date` reads."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and math.isnan(value):
            return None
        if 1900 <= value <= 2100 and float(value).is_integer():
            return int(value)
    if isinstance(value, str) and _YEAR.match(value.strip()):
        return int(value.strip())
    parsed = parse_date(value)
    return parsed.year if parsed else None


def split_birth(value: object) -> tuple[str, date | None]:
    """``Jakarta/1 Maret 1993`` or ``Jakarta, 01-03-1993`` → (``Jakarta``, 1993-03-01)."""
    direct = parse_date(value)
    if direct is not None or not isinstance(value, str):
        return "", direct
    text = cell_text(value)
    match = re.match(r"^([^\d/,]+?)\s*[/,]\s*(.+)$", text)
    if match:
        return match.group(1).strip(), parse_date(match.group(2).strip())
    return "", None


def age_on(born: date, on: date) -> int:
    """Whole years from ``born`` to ``on`` (a birthday on ``on`` counts)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
