"""The shapes every reader produces: column specs, the :class:`Table` of one sheet, and what a file
states about itself (its :class:`Period`), plus the two reading problems a person must see:
columns that fit one field equally well (:class:`Ambiguity`) and mapped columns that hold nothing
(:class:`EmptyField`, the cause of a silent zero).

Header matching and table building are :mod:`lakip_core.reading.tables` and
:mod:`lakip_core.reading.builder`; known export layouts are :mod:`lakip_core.reading.layouts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

Fill = Literal["", "number", "text", "any"]


@dataclass(frozen=True)
class Column:
    """A canonical column: its name, the header texts that mean it, and whether it is required.

    ``fill`` says what a mapped column must hold when the table has data rows (never a silent
    zero): ``"number"`` at least one number (``positive``: at least one that is not 0), ``"text"``
    at least one text cell, ``"any"`` anything. ``percent`` columns read Excel percent number
    formats (0.9985 shown as 99,85% is read as ``"99,85%"``).
    """

    name: str
    aliases: tuple[str, ...]
    required: bool = False
    label: str = ""
    fill: Fill = ""
    positive: bool = False
    percent: bool = False


@dataclass(frozen=True)
class DatasetSpec:
    """The columns of one kind of dataset (indicators, budget, assets, staff)."""

    kind: str
    label: str
    columns: tuple[Column, ...]
    # Required alternatives: at least one column of each group must be present.
    one_of: tuple[tuple[str, ...], ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def has(self, name: str) -> bool:
        return any(c.name == name for c in self.columns)


@dataclass(frozen=True)
class Period:
    """The period a file states about itself: the budget year and, for monthly reports, the month."""

    year: int
    month: int | None = None

    @property
    def label(self) -> str:
        """``Oktober 2025`` (or ``2025`` without a month)."""
        return f"{MONTH_NAMES[self.month - 1]} {self.year}" if self.month else str(self.year)


@dataclass(frozen=True)
class Ambiguity:
    """Two or more header cells that fit one field equally well; the reader took ``chosen``.

    ``candidates`` are (column letter, header text) pairs, left to right. The file is read (the
    leftmost column is used for the preview) but not stored until a person chooses: the upload
    preview puts the choice to them, the ``import`` command refuses it with this message.
    ``settled``: a person chose ``chosen`` (the reading was given that choice); no longer a finding,
    still listed so the preview can show the choice and let it be changed.
    """

    field: str
    label: str
    candidates: tuple[tuple[str, str], ...]
    chosen: str
    settled: bool = False

    def message(self) -> str:
        listed = " dan ".join(f"'{text}' (kolom {letter})" for letter, text in self.candidates)
        return (
            f"Kolom {self.label} muncul dua kali: {listed}. Pratinjau memakai kolom {self.chosen}; pilih kolom "
            "yang benar lewat pemetaan kolom, atau ganti nama salah satu judulnya, sebelum menyimpan."
        )


@dataclass(frozen=True)
class EmptyField:
    """A mapped column that holds no usable value although the table has data rows.

    Reading it would give a silent zero (pagu Rp 0, no staff): it is an error naming the column
    the header is in and the columns where the values actually are.
    """

    field: str
    label: str
    header: str
    letter: str
    found: tuple[str, ...]  # column letters nearby that hold such values, nearest first
    fill: Fill
    all_zero: bool = False

    def message(self) -> str:
        what = self.label.lower()
        if self.fill == "number":
            if self.all_zero:
                head = f"Semua angka {what} di kolom {self.letter} ('{self.header}') bernilai 0"
            else:
                head = f"Kolom {self.letter} ('{self.header}') tidak berisi angka {what}"
            if self.found:
                head = (
                    f"Angka {what} ada di kolom {_letters_text(self.found)}, tetapi judul '{self.header}' ada di "
                    f"kolom {self.letter}" + (" yang isinya 0 semua" if self.all_zero else "")
                )
            return head + (
                f"; {what} akan terbaca 0. Perbaiki letak judul kolomnya, atau petakan kolomnya sendiri "
                "(bila kolom itu memang belum berisi angka, hapus kolomnya)."
            )
        head = f"Kolom {self.letter} ('{self.header}') kosong pada semua baris data"
        if self.found:
            head += f", sedangkan isinya tampaknya ada di kolom {_letters_text(self.found)}"
        return head + ". Perbaiki letak judul kolomnya, atau petakan kolomnya sendiri."


def _letters_text(letters: Sequence[str]) -> str:
    return " atau ".join(letters)


@dataclass(frozen=True)
class Table:
    """A sheet's data under canonical column names, with total rows kept aside.

    ``data`` and ``totals`` hold raw cell values (object dtype) in the mapped columns plus
    ``_row`` (1-based row number in the sheet), ``_sheet`` and ``_file``. ``columns`` gives each
    mapped field's 0-based column in the sheet. A known export layout (``layout``, e.g. ``SAKTI
    GLP039``) also states the satker and the period it covers.
    """

    file: str
    sheet: str
    header_row: int
    mapping: dict[str, str]
    data: pd.DataFrame
    totals: pd.DataFrame
    multiplier: int = 1
    title: tuple[str, ...] = ()
    unmapped: tuple[str, ...] = field(default=())
    columns: dict[str, int] = field(default_factory=dict)
    layout: str = ""
    satker_code: str = ""
    satker_name: str = ""
    period: Period | None = None
    ambiguities: tuple[Ambiguity, ...] = ()
    empty_fields: tuple[EmptyField, ...] = ()
    data_row: int = 0  # 1-based row where the data start (under one or two header rows); 0 unknown
    # Per text column, an integer code per data row (-1 blank): rows with one code hold one value.
    # Readers fill it from the factorisation they did anyway, so the analysis need not hash
    # 100,000 strings again (``analysis.assets``); rows with different codes may still be equal.
    distinct: dict[str, np.ndarray] = field(default_factory=dict, repr=False, compare=False)

    def letters(self) -> dict[str, str]:
        """Each mapped field's column letter (``allocation`` → ``Q``)."""
        return {name: column_letter(index) for name, index in self.columns.items()}


MONTH_NAMES = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def month_name(month: int) -> str:
    """``10`` → ``Oktober`` (1-based, as periods and budget months count)."""
    return MONTH_NAMES[month - 1]


def column_letter(index: int) -> str:
    """0-based column index → spreadsheet letters: 0 → ``A``, 16 → ``Q``, 27 → ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def normalize_label(text: object) -> str:
    """Lower-case a header cell, read ``%`` as ``persen``, drop punctuation and currency words."""
    if text is None:
        return ""
    label = str(text).lower().replace("%", " persen ").replace("_", " ")
    label = re.sub(r"[^0-9a-z]+", " ", label)
    words = [w for w in label.split() if w not in ("rp", "rupiah", "idr")]
    return " ".join(words)


# --- header detection ----------------------------------------------------------------------------


def aliases(*labels: str) -> tuple[str, ...]:
    """Normalise alias spellings once, so specs can be written the way headers look."""
    return tuple(dict.fromkeys(normalize_label(label) for label in labels))
