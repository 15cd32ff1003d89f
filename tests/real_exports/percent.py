"""An indicator sheet whose Target / Realisasi columns mix Excel percent cells, typed text and numbers.

Typing ``99,85%`` in Excel stores 0.9985 with a percent number format; typing ``'100%`` or pasting
from Word stores the text ``"100%"``; others type the number ``98.5`` into a column whose unit
is %. One column holds all of them (``../shared/DOMAIN.md``, "Excel percent cells"):

===============  =====================================  ===========================
kind             cell                                   meaning (percent points)
===============  =====================================  ===========================
``pct2``         0.9985, format ``0.00%`` (builtin 10)  99.85
``pct0``         1, format ``0%`` (builtin 9)           100
``pct1``         0.9657, format ``0.0%`` (custom 164+)  96.57
``text``         ``"100%"`` / ``"96,57%"``               100 / 96.57
``number``       98.5, General                          98.5
``literal``      98.5, format ``0.00"%"`` (a quoted     98.5 (the % is only text,
                 literal: NOT a percent format)          the value is not scaled)
``count``        4 with unit ``Dokumen``                4 (not a percentage)
===============  =====================================  ===========================

Header in row 4 (``No | Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi |
Capaian (%)``), two title rows above it. Written with openpyxl, which stores ``0%`` / ``0.00%`` as
the builtin ids 9 / 10 and anything else as a custom format.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import openpyxl

KINDS = ("pct2", "text", "number", "pct0", "literal", "pct1", "count")
COLUMNS = ("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)")
HEADER_ROW = 4
TARGET_COL, REALISASI_COL = 5, 6  # 1-based
SASARAN = (
    "Terwujudnya akuntabilitas pengelolaan keuangan",
    "Tersedianya dokumen perencanaan dan data",
    "Terselenggaranya operasional perkantoran",
)
INDIKATOR = (
    "Persentase penyerapan anggaran",
    "Persentase laporan keuangan tepat waktu",
    "Persentase pemutakhiran data pemilih",
    "Persentase sarana prasarana dalam kondisi baik",
    "Indeks kepuasan layanan",
    "Persentase arsip tertata",
)


@dataclass(frozen=True)
class PercentRow:
    row: int  # 1-based
    satuan: str
    target: float  # percent points for unit %, else the count
    realisasi: float
    kind: str
    realisasi_is_percent_cell: bool


@dataclass(frozen=True)
class PercentExpected:
    path: Path
    sheet: str
    header_row: int
    rows: tuple[PercentRow, ...]
    percent_cells: frozenset[tuple[int, int]]  # 0-based (row, col) of numbers with a percent format
    literal_cells: frozenset[tuple[int, int]]  # 0-based: '0.00"%"' numbers, NOT percent formats


def percent_cells(path: Path, rows: int = 14, seed: int = 0) -> PercentExpected:
    """Write the indicator sheet with ``rows`` indicators cycling through every cell kind."""
    rng = random.Random(seed)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Capaian Kinerja"
    sheet.append(["PENGUKURAN KINERJA TAHUN 2024"])
    sheet.append(["KPU KABUPATEN CONTOH"])
    sheet.append([])
    sheet.append(list(COLUMNS))
    written: list[PercentRow] = []
    percent: set[tuple[int, int]] = set()
    literal: set[tuple[int, int]] = set()
    for index in range(rows):
        row = HEADER_ROW + 1 + index
        kind = KINDS[index % len(KINDS)]
        points = round(rng.uniform(85, 100), 2)
        satuan = "Dokumen" if kind == "count" else "%"
        target = 100.0
        sheet.cell(row, 1, index + 1)
        sheet.cell(row, 2, SASARAN[index % len(SASARAN)])
        sheet.cell(row, 3, INDIKATOR[index % len(INDIKATOR)])
        sheet.cell(row, 4, satuan)
        # Target: alternate a percent cell (1 with "0%") and typed text.
        if kind == "count":
            target = 4.0
            sheet.cell(row, TARGET_COL, 4)
        elif index % 2:
            sheet.cell(row, TARGET_COL, 1).number_format = "0%"
            percent.add((row - 1, TARGET_COL - 1))
        else:
            sheet.cell(row, TARGET_COL, "100%")
        cell = sheet.cell(row, REALISASI_COL)
        if kind == "pct2":
            cell.value, cell.number_format = round(points / 100, 4), "0.00%"
        elif kind == "pct0":
            points = 100.0
            cell.value, cell.number_format = 1, "0%"
        elif kind == "pct1":
            cell.value, cell.number_format = round(points / 100, 4), "0.0%"
        elif kind == "text":
            points = 100.0 if index % 2 else points
            cell.value = "100%" if index % 2 else f"{points:.2f}%".replace(".", ",")
        elif kind == "number":
            cell.value = points
        elif kind == "literal":
            cell.value, cell.number_format = points, '0.00"%"'
            literal.add((row - 1, REALISASI_COL - 1))
        else:
            points = float(rng.randint(2, 4))
            cell.value = int(points)
        is_percent = kind in ("pct2", "pct0", "pct1")
        if is_percent:
            percent.add((row - 1, REALISASI_COL - 1))
        sheet.cell(row, 7, round(points / target * 100, 2))
        written.append(PercentRow(row, satuan, target, points, kind, is_percent))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return PercentExpected(
        path=path,
        sheet=sheet.title,
        header_row=HEADER_ROW,
        rows=tuple(written),
        percent_cells=frozenset(percent),
        literal_cells=frozenset(literal),
    )
