"""SAKTI "RPD DIPA Petikan" (Rencana Penarikan Dana, halaman III DIPA), cell by cell.

Layout (``../shared/DOMAIN.md``, "SAKTI RPD / DIPA petikan": six title rows, five footer rows, one
Kode column whose length gives the level, monthly plan amounts, often in thousands); columns as a
public RPD tool reads the petikan download (see Sources), 0-based in brackets:

- Rows 1–6: the title; ``Satuan Kerja`` in A2 with the code at the end of E2 (``076.01.123456``,
  the tool keeps its last six characters) and the name in G2; ``TAHUN ANGGARAN 2025``;
  ``(dalam ribuan rupiah)``; the print date; a blank row.
- Row 7: the header. ``Kode`` B [1], ``Uraian`` C [2] (merged C:Q); the months January–June in
  R–W [17–22]; July, August and December merged over two columns with their values in the right
  one: ``Juli`` X:Y (values Y [24]), ``Agustus`` Z:AA (AA [26]), ``September`` AB, ``Oktober``
  AC, ``November`` AD [27–29], ``Desember`` AE:AF (AF [31]).
- Then one row per level, every level with its own sums, the code alone telling the level by its
  length: program ``076.01.WA`` (9), kegiatan ``3360`` (4), KRO ``3360.EBA`` (8), RO ``EBA.994``
  (7), komponen ``002`` (3), subkomponen ``A`` / ``0B`` (1–2), akun ``521211`` (6, as text).
  Amounts in thousands of rupiah.
- Five footer rows: ``JUMLAH`` (no code, the month totals), then the signature block.

Assumed where the sources are silent: the title wording, the header texts (the tool reads by
position), the merge ranges, that every level carries sums, the footer's content (only its five
rows are known) and the amounts. The plan per akun spreads its pagu over the months by jenis
belanja (pegawai evenly with the 13th salary in June, barang rising through the year, modal in
two lumps), then rounds each month to a thousand rupiah; December takes the rounding remainder,
so each akun's plan equals its pagu.

Sources: gpersada/perawasRPD ``app.py`` (Kanwil DJPb Bangka Belitung's RPD tool: ``header=6``,
``skipfooter=5``, columns 1, 2, 17–22, 24, 26–29, 31, values ×1000, code lengths 9/4/8/7/3/1–2/6,
kdsatker = last six characters of E2, nmsatker in G2).
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.real_exports.budget_codes import AKUN, KEGIATAN, KOMPONEN_NAMES, KRO, RO, SUBKOMPONEN
from tests.real_exports.common import MONTHS, round_to
from tests.real_exports.glp039 import Glp039Expected
from tests.real_exports.xlsx_raw import Workbook, column_index

SHEET = "RPD DIPA Petikan"
# The value column of each month (0-based) and the header label's column (merged ranges).
MONTH_COLUMNS = ("R", "S", "T", "U", "V", "W", "Y", "AA", "AB", "AC", "AD", "AF")
MONTH_LABELS = ("R", "S", "T", "U", "V", "W", "X", "Z", "AB", "AC", "AD", "AE")
MERGES = ("C{0}:Q{0}", "X{0}:Y{0}", "Z{0}:AA{0}", "AE{0}:AF{0}")
LAST_COL = column_index("AF")
HEADER_ROW = 7
PROGRAM = "076.01.WA"


@dataclass(frozen=True)
class RpdAkun:
    """One akun of the plan: its path (``3360.EBA.994.002.0A.521211``), row and monthly rupiah."""

    row: int
    path: str
    akun: str
    months: tuple[int, ...]  # rupiah, January..December

    @property
    def total(self) -> int:
        return sum(self.months)


@dataclass(frozen=True)
class RpdExpected:
    """What an RPD file states about itself, in rupiah (the file writes thousands)."""

    path: Path
    sheet: str
    satker_code: str
    satker_name: str
    year: int
    multiplier: int
    months: tuple[int, ...]  # the plan per month, all jenis
    per_jenis: Mapping[str, tuple[int, ...]] = field(default_factory=dict)  # "52" -> 12 months
    akun: tuple[RpdAkun, ...] = ()
    rows: int = 0  # level rows written (program … akun), without header, JUMLAH and footer
    total_row: int = 0
    footer_rows: tuple[int, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.months)


def _profile(jenis: str, rng: random.Random) -> list[float]:
    """Shares of an akun's pagu per month (sum 1) for its jenis belanja."""
    if jenis == "51":
        weights = [1.0] * 12
        weights[5] += 1.0  # the 13th salary in June
    elif jenis == "53":
        first, second = rng.sample(range(3, 11), 2)
        weights = [0.0] * 12
        weights[first], weights[second] = 0.6, 0.4
    else:
        weights = [0.5 + month * rng.uniform(0.05, 0.15) for month in range(12)]
    whole = sum(weights)
    return [w / whole for w in weights]


def _spread(pagu: int, shares: Sequence[float]) -> tuple[int, ...]:
    """Monthly rupiah in whole thousands; December takes the remainder, so the sum is the pagu."""
    months = [round_to(pagu * share, 1000) for share in shares[:11]]
    while sum(months) > pagu:  # rounding up never plans more than the pagu
        largest = max(range(11), key=lambda i: months[i])
        months[largest] -= 1000
    return (*months, pagu - sum(months))


def _akun_from_glp039(source: Glp039Expected) -> list[tuple[str, str, int]]:
    """(path without the program, akun, pagu) of every akun of a GLP039, so a plan fits its budget."""
    return [(a.path.split(".", 1)[1], a.akun, a.pagu) for a in source.akun]


def _akun_generated(rng: random.Random) -> list[tuple[str, str, int]]:
    lines = []
    for kegiatan in ("3360", "3357"):
        ro = "EBA.994" if kegiatan == "3360" else "EBA.963"
        for number, (sub, _) in enumerate(SUBKOMPONEN[:2], start=1):
            komponen = f"{number:03d}"
            codes = ["511111", "511121", "521111"] if number == 1 else ["521211", "524111", "532111"]
            for akun in codes:
                pagu = round_to(rng.uniform(20e6, 400e6), 1000)
                lines.append((f"{kegiatan}.{ro}.{komponen}.{sub}.{akun}", akun, pagu))
    return lines


def rpd(
    path: Path,
    seed: int = 0,
    year: int = 2025,
    satker: tuple[str, str] = ("123456", "KPU KABUPATEN CONTOH"),
    budget: Glp039Expected | None = None,
    thousands: bool = True,
) -> RpdExpected:
    """Write an RPD DIPA petikan; its akun and pagu those of ``budget`` (a GLP039) when given.

    Deterministic for a given ``seed``. ``thousands=False`` writes whole rupiah without the
    ``(dalam ribuan rupiah)`` line.
    """
    rng = random.Random(seed)
    source = _akun_from_glp039(budget) if budget is not None else _akun_generated(rng)
    if budget is not None:
        satker, year = (budget.satker_code, budget.satker_name), budget.year
    plans = [(p, a, _spread(pagu, _profile(a[:2], rng))) for p, a, pagu in source]
    unit = 1000 if thousands else 1

    # Level rows: every prefix of every akun path, in order, with its sums.
    sums: dict[str, list[int]] = {}
    order: list[tuple[str, str, str]] = []  # (level key, kode as printed, name)
    seen: set[str] = set()

    def add(key: str, kode: str, name: str, months: Sequence[int]) -> None:
        if key not in seen:
            seen.add(key)
            order.append((key, kode, name))
            sums[key] = [0] * 12
        sums[key] = [a + b for a, b in zip(sums[key], months, strict=True)]

    for path_text, akun, months in plans:
        kegiatan, kro, ro, komponen, sub, _ = path_text.split(".")
        sub_printed = sub[1:] if sub.startswith("0") and rng.random() < 0.5 else sub  # "A" or "0B"
        add("program", PROGRAM, "Program Dukungan Manajemen", months)
        add(kegiatan, kegiatan, KEGIATAN.get(kegiatan, f"Kegiatan {kegiatan}"), months)
        add(f"{kegiatan}.{kro}", f"{kegiatan}.{kro}", KRO.get(kro, kro), months)
        add(f"{kegiatan}.{kro}.{ro}", f"{kro}.{ro}", RO.get(f"{kro}.{ro}", ro), months)
        key = f"{kegiatan}.{kro}.{ro}.{komponen}"
        add(key, komponen, KOMPONEN_NAMES[int(komponen) % len(KOMPONEN_NAMES)], months)
        key += f".{sub}"
        add(key, sub_printed, dict(SUBKOMPONEN).get(sub, sub), months)
        add(path_text, akun, AKUN.get(akun, f"Belanja {akun}"), months)

    per_jenis: dict[str, list[int]] = {}
    for _, akun, months in plans:
        per_jenis[akun[:2]] = [a + b for a, b in zip(per_jenis.get(akun[:2], [0] * 12), months, strict=True)]
    totals = [sum(m[i] for _, _, m in plans) for i in range(12)]

    akun_rows: list[RpdAkun] = []
    footer: list[int] = []
    path = Path(path)
    with Workbook(path) as book:
        sheet = book.sheet(SHEET)
        title = (
            ["RENCANA PENARIKAN DANA (HALAMAN III DIPA PETIKAN)"],
            ["Satuan Kerja", None, None, None, f"076.01.{satker[0]}", None, satker[1]],
            [f"TAHUN ANGGARAN {year}"],
            ["(dalam ribuan rupiah)" if thousands else "(dalam rupiah)"],
            [f"Tanggal cetak: 14-01-{year}"],
            [],
        )
        for cells in title:
            sheet.append(list(cells))
        header: list[object] = [None] * (LAST_COL + 1)
        header[column_index("B")], header[column_index("C")] = "Kode", "Uraian"
        for name, letter in zip(MONTHS, MONTH_LABELS, strict=True):
            header[column_index(letter)] = name
        row = sheet.append(header)
        assert row == HEADER_ROW
        for ref in MERGES:
            sheet.merge(ref.format(row))
        by_path = {p: a for p, a, _ in plans}
        for key, kode, name in order:
            cells: list[object] = [None] * (LAST_COL + 1)
            cells[column_index("B")], cells[column_index("C")] = kode, name
            for value, letter in zip(sums[key], MONTH_COLUMNS, strict=True):
                cells[column_index(letter)] = value / unit
            number = sheet.append(cells)
            if key in by_path:
                akun_rows.append(RpdAkun(number, key, by_path[key], tuple(sums[key])))
        jumlah: list[object] = [None] * (LAST_COL + 1)
        jumlah[column_index("C")] = "JUMLAH"
        for value, letter in zip(totals, MONTH_COLUMNS, strict=True):
            jumlah[column_index(letter)] = value / unit
        total_row = sheet.append(jumlah)
        footer.append(total_row)
        for text in ("", "KUASA PENGGUNA ANGGARAN", "", "NAMA PEJABAT, NIP 197001011995031001"):
            cells = [None] * (LAST_COL + 1)
            cells[column_index("AB")] = text or None
            footer.append(sheet.append(cells))
    return RpdExpected(
        path=path,
        sheet=SHEET,
        satker_code=satker[0],
        satker_name=satker[1],
        year=year,
        multiplier=unit,
        months=tuple(totals),
        per_jenis={k: tuple(v) for k, v in sorted(per_jenis.items())},
        akun=tuple(akun_rows),
        rows=len(order),
        total_row=total_row,
        footer_rows=tuple(footer),
    )
