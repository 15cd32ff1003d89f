"""SIPD "Laporan Realisasi Anggaran" of a regional government (Pemda), cell by cell.

Layout (``../shared/DOMAIN.md``, "Real export layouts"):

- Title rows in column A (merged across the table): ``PEMERINTAH KABUPATEN CONTOH``,
  ``LAPORAN REALISASI ANGGARAN``, ``TAHUN ANGGARAN 2026``, then a blank row.
- Three header rows: ``Kode`` (A5:D7 merged) | ``Uraian Urusan / Bidang Urusan / Program /
  Kegiatan`` (E5:E7) | ``Kelompok Belanja`` (F5:M5); then ``Operasi | Modal | Tak Terduga |
  Transfer`` (two columns each); then ``Anggaran | Realisasi`` under each. A fourth row holds the
  column numbers ``1 .. 10`` (``1`` merged over the four code columns).
- The code split over four columns: urusan ``1`` (A), bidang urusan ``01`` (B), program ``01``
  (C), kegiatan ``2.01`` (D). Parent rows (urusan, bidang, program) carry the sums of their
  kegiatan; totals come from the kegiatan rows only.
- Amounts mostly TEXT in Indonesian format (``"10.701.893.800,00"``); the Operasi Realisasi
  column mixes such text with real numbers. A final ``Jumlah`` row (A:E merged) states the totals.

Assumed where DOMAIN.md is silent: the uraian header wording, the urusan / program / kegiatan
names (Permendagri 90/2019 nomenclature), that parent rows exist, and the amounts.
Expected pagu = every Anggaran column of the kegiatan rows; realisasi = every Realisasi column.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from tests.real_exports.common import Amounts, add_to, round_to, rupiah_text

GROUPS = ("Operasi", "Modal", "Tak Terduga", "Transfer")
FIRST_AMOUNT_COL = 6  # F (1-based)
LAST_COL = FIRST_AMOUNT_COL + 2 * len(GROUPS) - 1  # M
URAIAN = "Uraian Urusan / Bidang Urusan / Program / Kegiatan"
# urusan → (name, {bidang: (name, {program: (name, [kegiatan names])})})
URUSAN = {
    "1": (
        "URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR",
        {
            "01": (
                "PENDIDIKAN",
                ("PENGELOLAAN PENDIDIKAN", "PENGEMBANGAN KURIKULUM", "PENDIDIK DAN TENAGA PENDIDIKAN"),
            ),
            "02": ("KESEHATAN", ("PEMENUHAN UPAYA KESEHATAN PERORANGAN", "PENINGKATAN KAPASITAS SDM KESEHATAN")),
            "03": ("PEKERJAAN UMUM DAN PENATAAN RUANG", ("PENGELOLAAN SUMBER DAYA AIR", "PENYELENGGARAAN JALAN")),
        },
    ),
    "4": (
        "UNSUR PENDUKUNG URUSAN PEMERINTAHAN",
        {"01": ("SEKRETARIAT DAERAH", ("PEMERINTAHAN DAN KESEJAHTERAAN RAKYAT", "PEREKONOMIAN DAN PEMBANGUNAN"))},
    ),
    "5": (
        "UNSUR PENUNJANG URUSAN PEMERINTAHAN",
        {
            "01": ("PERENCANAAN", ("PERENCANAAN, PENGENDALIAN DAN EVALUASI PEMBANGUNAN DAERAH",)),
            "02": ("KEUANGAN", ("PENGELOLAAN KEUANGAN DAERAH",)),
        },
    ),
}
PROGRAM_SUPPORT = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"
KEGIATAN = (
    ("2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
    ("2.02", "Administrasi Keuangan Perangkat Daerah"),
    ("2.05", "Administrasi Kepegawaian Perangkat Daerah"),
    ("2.06", "Administrasi Umum Perangkat Daerah"),
    ("2.07", "Pengadaan Barang Milik Daerah Penunjang Urusan Pemerintah Daerah"),
    ("2.09", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"),
    ("2.10", "Peningkatan Pelayanan BLUD"),
    ("2.11", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah"),
)


@dataclass(frozen=True)
class SipdExpected:
    """What a SIPD LRA file states about itself (totals from its kegiatan rows)."""

    path: Path
    sheet: str
    region: str
    year: int
    pagu: int
    realisasi: int
    stated: Amounts  # the Jumlah row as written
    rows: int  # kegiatan rows
    parent_rows: int
    header_rows: tuple[int, ...]
    number_row: int
    total_row: int
    text_amount_cells: int
    numeric_amount_cells: int
    merged: tuple[str, ...]
    per_kelompok: Mapping[str, Amounts] = field(default_factory=dict)

    @property
    def amounts(self) -> Amounts:
        return Amounts(self.pagu, self.realisasi)


def _amounts(rng: random.Random, urusan: str, bidang: str, number: int) -> list[tuple[int, int]]:
    """(anggaran, realisasi) per kelompok belanja for one kegiatan."""
    result = []
    for group in GROUPS:
        if group == "Operasi":
            pagu = round_to(rng.uniform(50e6, 15e9), 100)
        elif group == "Modal":
            pagu = round_to(rng.uniform(20e6, 5e9), 100) if rng.random() < 0.45 else 0
        elif group == "Tak Terduga":
            pagu = round_to(rng.uniform(1e9, 8e9), 1000) if (urusan, bidang, number) == ("5", "02", 0) else 0
        else:
            pagu = round_to(rng.uniform(5e9, 60e9), 1000) if (urusan, bidang) == ("5", "02") and number < 2 else 0
        realisasi = round(pagu * rng.uniform(0.05, 0.98)) if pagu and rng.random() < 0.9 else 0
        result.append((pagu, realisasi))
    return result


def sipd_lra(
    path: Path,
    rows: int = 40,
    seed: int = 0,
    year: int = 2026,
    region: str = "KABUPATEN CONTOH",
    jumlah_delta: int = 0,
) -> SipdExpected:
    """Write a SIPD LRA with about ``rows`` kegiatan rows; return what the file states.

    ``jumlah_delta`` is added to the stated Jumlah Anggaran Operasi (a stated total that does not
    match its rows, to be reported, not used).
    """
    rng = random.Random(seed)
    path = Path(path)
    # Decide the tree: spread the kegiatan over the bidang urusan.
    bidang_keys = [(u, b) for u, (_, bidang) in URUSAN.items() for b in bidang]
    per_bidang = max(1, rows // len(bidang_keys))
    tree: list[tuple[str, str, str, str, list[tuple[str, str, list[tuple[int, int]]]]]] = []
    for urusan, bidang in bidang_keys:
        name, programs = URUSAN[urusan][1][bidang]
        names = [PROGRAM_SUPPORT, *(f"PROGRAM {p}" for p in programs)]
        remaining = per_bidang
        for number, program_name in enumerate(names, start=1):
            if remaining <= 0:
                break
            take = min(remaining, rng.randint(1, len(KEGIATAN)), len(KEGIATAN))
            kegiatan = sorted(rng.sample(KEGIATAN, take))
            rows_k = [(code, kname, _amounts(rng, urusan, bidang, i)) for i, (code, kname) in enumerate(kegiatan)]
            tree.append((urusan, bidang, f"{number:02d}", program_name, rows_k))
            remaining -= take

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "LRA"
    merged: list[str] = []

    def merge(ref: str) -> None:
        sheet.merge_cells(ref)
        merged.append(ref)

    last = openpyxl.utils.get_column_letter(LAST_COL)
    for row, text in enumerate((f"PEMERINTAH {region}", "LAPORAN REALISASI ANGGARAN", f"TAHUN ANGGARAN {year}"), 1):
        sheet.cell(row, 1, text)
        merge(f"A{row}:{last}{row}")
    sheet.cell(5, 1, "Kode")
    merge("A5:D7")
    sheet.cell(5, 5, URAIAN)
    merge("E5:E7")
    sheet.cell(5, FIRST_AMOUNT_COL, "Kelompok Belanja")
    merge(f"F5:{last}5")
    for index, group in enumerate(GROUPS):
        col = FIRST_AMOUNT_COL + 2 * index
        sheet.cell(6, col, group)
        merge(f"{openpyxl.utils.get_column_letter(col)}6:{openpyxl.utils.get_column_letter(col + 1)}6")
        sheet.cell(7, col, "Anggaran")
        sheet.cell(7, col + 1, "Realisasi")
    sheet.cell(8, 1, 1)
    merge("A8:D8")
    for number in range(2, 11):
        sheet.cell(8, number + 3, number)

    counts = {"text": 0, "numeric": 0}

    def amount_cells(row: int, values: list[tuple[int, int]], mixed: bool) -> None:
        for index, (pagu, realisasi) in enumerate(values):
            col = FIRST_AMOUNT_COL + 2 * index
            for offset, value in ((0, pagu), (1, realisasi)):
                if mixed and index == 0 and offset == 1 and rng.random() < 0.5:
                    sheet.cell(row, col + offset, float(value))
                    counts["numeric"] += 1
                else:
                    sheet.cell(row, col + offset, rupiah_text(value))
                    counts["text"] += 1

    def sums(groups: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
        return [(sum(g[i][0] for g in groups), sum(g[i][1] for g in groups)) for i in range(len(GROUPS))]

    row = 9
    leaves = parents = 0
    per_kelompok: dict[str, Amounts] = {}
    seen: set[tuple[str, ...]] = set()
    for urusan, bidang, program, program_name, kegiatan in tree:
        for key, codes, name in (
            ((urusan,), (urusan,), URUSAN[urusan][0]),
            ((urusan, bidang), (urusan, bidang), URUSAN[urusan][1][bidang][0]),
        ):
            if key in seen:
                continue
            seen.add(key)
            under = [k[2] for t in tree if t[: len(key)] == key for k in t[4]]
            for col, code in enumerate(codes, start=1):
                sheet.cell(row, col, code)
            sheet.cell(row, 5, name)
            amount_cells(row, sums(under), mixed=True)
            row += 1
            parents += 1
        for col, code in enumerate((urusan, bidang, program), start=1):
            sheet.cell(row, col, code)
        sheet.cell(row, 5, program_name)
        amount_cells(row, sums([k[2] for k in kegiatan]), mixed=True)
        row += 1
        parents += 1
        for code, name, values in kegiatan:
            for col, part in enumerate((urusan, bidang, program, code), start=1):
                sheet.cell(row, col, part)
            sheet.cell(row, 5, name)
            amount_cells(row, values, mixed=True)
            for group, (pagu, realisasi) in zip(GROUPS, values, strict=True):
                add_to(per_kelompok, group, Amounts(pagu, realisasi))
            row += 1
            leaves += 1

    total = sums([k[2] for t in tree for k in t[4]])
    stated = [(total[0][0] + jumlah_delta, total[0][1]), *total[1:]]
    sheet.cell(row, 1, "Jumlah")
    merge(f"A{row}:E{row}")
    amount_cells(row, stated, mixed=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return SipdExpected(
        path=path,
        sheet="LRA",
        region=region,
        year=year,
        pagu=sum(a.pagu for a in per_kelompok.values()),
        realisasi=sum(a.realisasi for a in per_kelompok.values()),
        stated=Amounts(sum(p for p, _ in stated), sum(r for _, r in stated)),
        rows=leaves,
        parent_rows=parents,
        header_rows=(5, 6, 7),
        number_row=8,
        total_row=row,
        text_amount_cells=counts["text"],
        numeric_amount_cells=counts["numeric"],
        merged=tuple(merged),
        per_kelompok={g: per_kelompok.get(g, Amounts(0, 0)) for g in GROUPS},
    )
