"""Parse cell values the way Indonesian reports write them; the one cell-text cleaner.

Parsing rules (``parse_number``), applied after removing currency marks (``Rp``, ``Rp.``, ``IDR``),
trailing ``,-`` / ``.-`` and spaces:

* both ``.`` and ``,`` present: the one that comes last is the decimal separator
  (``1.234,5`` → 1234.5, ``3,829,011.50`` → 3829011.5);
* only one kind, more than once: thousands separators (``3,829,011,000``, ``2.419.466.148``);
* a single ``.`` followed by exactly three digits with a non-zero integer part: thousands
  (``12.500`` → 12500, the Indonesian convention); otherwise decimal (``100.00``, ``0.500``);
* a single ``,``: decimal (``99,85``), except in an amount written with a currency mark and
  exactly three digits after it (``Rp 2,500`` → 2500);
* ``(1.234)`` and a leading ``-`` are negative.

Formatting numbers back into Indonesian text is :mod:`lakip_core.presentation.format`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from numbers import Real
from typing import Literal

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype, is_bool_dtype, is_numeric_dtype

ValueKind = Literal["number", "percent", "range", "ordinal", "missing", "text"]

MISSING_TEXTS = frozenset(
    {
        "",
        "-",
        "--",
        "–",
        "—",
        "n/a",
        "na",
        "nan",
        "none",
        "null",
        "belum ada data",
        "tidak ada data",
        "tdk ada data",
        "belum tersedia",
        "belum ada",
        "tidak tersedia",
    }
)

# Ordinal targets (DOMAIN.md): BPK audit opinion and SAKIP evaluation grade, scored 1..n.
ORDINAL_SCALES: dict[str, dict[str, int]] = {
    "opini_bpk": {"TMP": 1, "TW": 2, "WDP": 3, "WTP": 4},
    "sakip": {"D": 1, "C": 2, "CC": 3, "B": 4, "BB": 5, "A": 6, "AA": 7},
}
_ORDINAL_WORDS = {
    "tidak menyatakan pendapat": ("opini_bpk", "TMP"),
    "disclaimer": ("opini_bpk", "TMP"),
    "tidak wajar": ("opini_bpk", "TW"),
    "wajar dengan pengecualian": ("opini_bpk", "WDP"),
    "wajar tanpa pengecualian": ("opini_bpk", "WTP"),
}

# Units as written in reports (lower-case key) → the spelled-out unit we show.
UNIT_NAMES: dict[str, str] = {
    "%": "%",
    "persen": "%",
    "lap": "Laporan",
    "lap.": "Laporan",
    "laporan": "Laporan",
    "dok": "Dokumen",
    "dok.": "Dokumen",
    "dokumen": "Dokumen",
    "org": "Orang",
    "org.": "Orang",
    "orang": "Orang",
    "thn": "Tahun",
    "thn.": "Tahun",
    "th": "Tahun",
    "tahun": "Tahun",
    "bln": "Bulan",
    "bln.": "Bulan",
    "bulan": "Bulan",
    "pkt": "Paket",
    "paket": "Paket",
    "unit": "Unit",
    "kasus": "Kasus",
    "keg": "Kegiatan",
    "kegiatan": "Kegiatan",
    "kali": "Kali",
    "buah": "Buah",
    "bh": "Buah",
    "stel": "Stel",
    "set": "Set",
    "hari": "Hari",
    "rp": "Rupiah",
    "rupiah": "Rupiah",
}

_CURRENCY = re.compile(r"^\s*(?:rp\.?|idr)\s*", re.IGNORECASE)
_TRAILING_DASH = re.compile(r"(?:[.,]\s*-+|\s+-+)\s*$")
_NUMBER_BODY = re.compile(r"^\d[\d.,]*$|^[.,]\d+$")
_NUM = r"[-+]?\(?(?:rp\.?\s*)?\d[\d.,]*\)?"
_RANGE = re.compile(
    rf"^({_NUM})\s*%?\s*(?:-|–|—|s\.?\s*d\.?|s/d|sampai|hingga)\s*({_NUM})\s*(%|[A-Za-z][A-Za-z. ]*)?$",
    re.IGNORECASE,
)
_WITH_UNIT = re.compile(rf"^({_NUM})\s*(%|[A-Za-z][A-Za-z./ ]*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Value:
    """A parsed cell: its kind, number (for ``ordinal`` the score), range bounds and unit."""

    kind: ValueKind
    number: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    label: str | None = None
    scale: str | None = None
    raw: str = ""


def cell_text(value: object, blank_placeholders: bool = False) -> str:
    """A cell as one line of text: blanks (None, NaN) → ``''``; a whole float → ``12``, not ``12.0``.

    Runs of spaces, tabs, line breaks and non-breaking spaces become one space; the ends are
    trimmed. With ``blank_placeholders`` the 'no data' marks (``-``, ``n/a``, ``belum ada data`` ...,
    :data:`MISSING_TEXTS`) are blanks too. The one place the core cleans a cell's text.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = " ".join(str(value).split())
    return "" if blank_placeholders and text.lower() in MISSING_TEXTS else text


def is_missing_text(value: object) -> bool:
    """True for blank cells and the placeholders reports use for 'no data' (``-``, ``n/a`` ...)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str):
        return cell_text(value).lower() in MISSING_TEXTS
    return False


def _digits_to_float(body: str, currency: bool) -> float | None:
    """Turn ``1.234,5``-style digit groups into a float using the module's separator rules."""
    if not _NUMBER_BODY.match(body):
        return None
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if body.count(decimal) > 1:
            return None
        body = body.replace(thousands, "").replace(decimal, ".")
    elif dots > 1 or commas > 1:
        sep = "." if dots else ","
        head, *groups = body.split(sep)
        if not head or any(len(g) != 3 for g in groups):
            return None
        body = head + "".join(groups)
    elif dots == 1:
        head, tail = body.split(".")
        if len(tail) == 3 and head not in ("", "0") and len(head) <= 3:
            body = head + tail
    elif commas == 1:
        head, tail = body.split(",")
        body = head + tail if currency and len(tail) == 3 and head not in ("", "0") else head + "." + tail
    try:
        return float(body)
    except ValueError:
        return None


def parse_number(value: object) -> float | None:
    """Parse an amount or a plain number; ``None`` when the cell is blank, ``-`` or not a number.

    Accepts ints and floats as they are (NaN → None), and text such as ``Rp. 2.419.466.148,-``,
    ``Rp.3,829,011,000,-``, ``1.234,5``, ``-7``, ``(1.500)`` (negative) and ``99,85%`` (→ 99.85).
    Booleans are not numbers.
    """
    if isinstance(value, (bool, np.bool_)) or value is None:
        return None
    if isinstance(value, Real):  # int, float and the numpy scalar types
        number = float(value)
        return None if math.isnan(number) or math.isinf(number) else number
    if not isinstance(value, str):
        return None
    text = cell_text(value)
    if text.lower() in MISSING_TEXTS:
        return None
    text = _TRAILING_DASH.sub("", text)
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text.startswith(("-", "+")):  # not text[:1] in "-+": "" is in every string
        negative, text = text[0] == "-", text[1:].strip()
    currency = bool(_CURRENCY.match(text))
    text = _CURRENCY.sub("", text)
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if currency and text[:1] == "-":  # "Rp -5.000" as well as "-Rp 5.000"
        negative, text = not negative, text[1:].strip()
    text = text.rstrip("%").strip().replace(" ", "")
    parsed = _digits_to_float(text, currency)
    if parsed is None:
        return None
    return -parsed if negative else parsed


def normalize_unit(unit: str | None) -> str | None:
    """Spell out a unit abbreviation (``Lap`` → ``Laporan``); unknown units are kept as written."""
    if unit is None:
        return None
    text = cell_text(unit)
    if not text:
        return None
    return UNIT_NAMES.get(text.lower(), text)


def parse_value(value: object) -> Value:
    """Parse an indicator target or realisation cell into a :class:`Value`.

    ``99,85%`` → percent 99.85; ``2 Lap`` → number 2, unit Laporan; ``80-90%`` → range 80..90;
    ``WTP`` → ordinal 4 on the BPK opinion scale; ``BB`` → ordinal 5 on the SAKIP scale;
    ``-`` / blank / ``belum ada data`` → missing (no data, which is not zero); ``0`` → number 0;
    anything else → text (kept, never guessed).
    """
    if isinstance(value, bool):
        return Value("text", raw=str(value))
    if isinstance(value, (int, float)):
        number = parse_number(value)
        return Value("missing") if number is None else Value("number", number, raw=str(value))
    if value is None:
        return Value("missing")
    raw = str(value)
    text = cell_text(raw)
    if text.lower() in MISSING_TEXTS:
        return Value("missing", raw=raw)
    upper = text.upper()
    for scale, scores in ORDINAL_SCALES.items():
        if upper in scores:
            return Value("ordinal", float(scores[upper]), label=upper, scale=scale, raw=raw)
    if text.lower() in _ORDINAL_WORDS:
        scale, label = _ORDINAL_WORDS[text.lower()]
        return Value("ordinal", float(ORDINAL_SCALES[scale][label]), label=label, scale=scale, raw=raw)
    number = parse_number(text)
    if number is not None:
        kind: ValueKind = "percent" if text.endswith("%") else "number"
        return Value(kind, number, unit="%" if kind == "percent" else None, raw=raw)
    match = _RANGE.match(text)
    if match:
        low, high = parse_number(match.group(1)), parse_number(match.group(2))
        if low is not None and high is not None:
            unit = normalize_unit(match.group(3)) or ("%" if "%" in text else None)
            low, high = min(low, high), max(low, high)
            return Value("range", None, low=low, high=high, unit=unit, raw=raw)
    match = _WITH_UNIT.match(text)
    if match:
        number = parse_number(match.group(1))
        if number is not None:
            unit = normalize_unit(match.group(2))
            kind = "percent" if unit == "%" else "number"
            return Value(kind, number, unit=unit, raw=raw)
    return Value("text", raw=raw)


def parse_numbers(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Vectorised :func:`parse_number`: (float values with NaN for blanks, mask of unparseable text).

    Gives exactly what :func:`parse_number` gives cell by cell (``None`` → NaN). Cells that are
    already floats are taken as they are and text is parsed once per distinct value, which keeps
    a 100,000-row register fast. The mask marks text that is neither a number nor a blank
    placeholder (``-``, ``n/a`` ...).
    """
    index = series.index
    if is_numeric_dtype(series.dtype) and not is_bool_dtype(series.dtype):
        values = series.astype("float64")
        return values.where(np.isfinite(values)), pd.Series(False, index=index, dtype=bool)
    cells = series.to_numpy(dtype=object)
    parsed: dict[str, float | None] = {}
    if infer_dtype(cells, skipna=True) in ("floating", "integer", "mixed-integer-float", "empty"):
        numbers = pd.Series(cells, dtype=object).astype("float64").to_numpy(copy=True)  # numbers, blanks
    else:

        def number(value: object) -> float | None:
            if value.__class__ is float:
                return value  # NaN and inf are cleaned below
            if value.__class__ is str:
                if value not in parsed:
                    parsed[value] = parse_number(value)
                return parsed[value]
            return parse_number(value)

        numbers = np.array([number(value) for value in cells], dtype="float64")
    numbers[~np.isfinite(numbers)] = np.nan
    unparsed = [text for text, result in parsed.items() if result is None and not is_missing_text(text)]
    bad = pd.Series(cells, dtype=object).isin(unparsed).to_numpy() if unparsed else np.zeros(len(cells), dtype=bool)
    return pd.Series(numbers, index=index, dtype="float64"), pd.Series(bad, index=index, dtype=bool)
