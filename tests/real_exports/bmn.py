"""BMN asset registers as SIMAK-BMN, SAKTI (modul aset) and SIMAN list them: one row per unit.

Layouts (``../shared/DOMAIN.md``, "Real export layouts"), one per ``style``:

- ``"simak"``: the table dump, header in row 1: ``UR_SATKER | KD_SATKER | KD_BRG | UR_SSKEL |
  NO_ASET | MEREK_TIPE | TGL_PERLH | Q_AST | RPH_ASET | RPH_SUSUT | NILAI_BUKU | KOND`` with
  ``KOND`` 1 / 2 / 3.
- ``"sakti"``: three title rows and a blank row, header in row 5: ``No | Nama Satker | Kode Satker
  | Kode Barang | NUP | Nama Barang | Merk | Tipe | Tgl Perolehan | Kuantitas | Nilai Perolehan |
  Nilai Penyusutan | Nilai Buku | Kondisi`` with ``Baik / Rusak Ringan / Rusak Berat``.
- ``"siman"``: a title and a blank row, header in row 3: ``Nama Satker | Kode Satker | Kode Barang
  | NUP | Nama Barang | Merk/Tipe | Tanggal Perolehan | Nilai Perolehan | Nilai Penyusutan |
  Nilai Buku | Kondisi`` with ``B / RR / RB``.

Kode Satker sits beside Kode Barang and Merk beside Tipe: neither is a duplicate column.
``with_condition=False`` leaves the condition column out (such lists exist). Codes are text
(10-digit kode barang, 6-digit satker); dates are real date cells; amounts are numbers;
penyusutan is straight-line over the useful life of the kelompok (KMK 295/KM.6/2019 values from
DOMAIN.md) up to 31 December of ``year``. Written with the streaming writer, so 100,000 rows take
a couple of seconds. Assumed: the title wording, column order beyond the pairs DOMAIN.md names,
and the items and values.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from tests.real_exports.common import round_to
from tests.real_exports.xlsx_raw import Workbook

STYLES = ("simak", "sakti", "siman")
COLUMNS = {
    "simak": (
        "UR_SATKER",
        "KD_SATKER",
        "KD_BRG",
        "UR_SSKEL",
        "NO_ASET",
        "MEREK_TIPE",
        "TGL_PERLH",
        "Q_AST",
        "RPH_ASET",
        "RPH_SUSUT",
        "NILAI_BUKU",
        "KOND",
    ),
    "sakti": (
        "No",
        "Nama Satker",
        "Kode Satker",
        "Kode Barang",
        "NUP",
        "Nama Barang",
        "Merk",
        "Tipe",
        "Tgl Perolehan",
        "Kuantitas",
        "Nilai Perolehan",
        "Nilai Penyusutan",
        "Nilai Buku",
        "Kondisi",
    ),
    "siman": (
        "Nama Satker",
        "Kode Satker",
        "Kode Barang",
        "NUP",
        "Nama Barang",
        "Merk/Tipe",
        "Tanggal Perolehan",
        "Nilai Perolehan",
        "Nilai Penyusutan",
        "Nilai Buku",
        "Kondisi",
    ),
}
CONDITION_COLUMN = {"simak": "KOND", "sakti": "Kondisi", "siman": "Kondisi"}
CONDITION_TEXT = {
    "simak": {"B": 1, "RR": 2, "RB": 3},
    "sakti": {"B": "Baik", "RR": "Rusak Ringan", "RB": "Rusak Berat"},
    "siman": {"B": "B", "RR": "RR", "RB": "RB"},
}
USEFUL_LIFE = {"30201": 7, "30501": 5, "30502": 5, "31001": 4, "31002": 4, "40101": 50}
# (kode barang, nama barang, (merk, tipe) choices, typical value)
ITEMS = (
    ("3020104001", "Kendaraan Roda 4", (("Toyota", "Innova G"), ("Suzuki", "APV"), ("Toyota", "Kijang LX")), 250e6),
    ("3020105010", "Kendaraan Roda 2", (("Honda", "Vario 125"), ("Yamaha", "Jupiter Z"), ("Suzuki", "FL 125")), 18e6),
    ("3050104001", "Filling Cabinet Besi", (("Elite", "4 Laci"), ("Brother", "FC-104"), ("Lion", "44")), 3.5e6),
    ("3050105048", "LCD Projector/Infocus", (("Epson", "EB-S400"), ("NEC", "V260X"), ("BenQ", "MS506")), 7e6),
    ("3050201002", "Meja Kerja Kayu", (("Olympic", "1/2 Biro"), ("Informa", "Meja 120"), ("Lokal", "-")), 2.5e6),
    ("3050201003", "Kursi Kerja", (("Chairman", "AC 930"), ("Ergotec", "LX 835"), ("Futura", "Besi")), 1.2e6),
    ("3050206002", "Televisi", (("Samsung", "UA43T6500"), ("LG", "42 Inch"), ("Sharp", "2T-C42")), 6e6),
    ("3050204004", "Air Conditioner", (("Daikin", "FTV25"), ("Panasonic", "CS-PN9"), ("Sharp", "AH-A9")), 5.5e6),
    ("3100102001", "Personal Computer", (("HP", "ProOne 400 G2"), ("Lenovo", "V530"), ("Dell", "Optiplex 3080")), 12e6),
    ("3100102002", "Notebook", (("Dell", "Vostro 3468"), ("Asus", "X441"), ("Lenovo", "IdeaPad 100")), 11e6),
    ("3100203003", "Printer", (("HP", "LaserJet M15a"), ("Epson", "L360"), ("Brother", "HL-1201")), 2.8e6),
    ("3100203004", "Scanner", (("Fujitsu", "ix500"), ("Canon", "DR-C225"), ("Epson", "DS-530")), 9e6),
    ("4010101001", "Bangunan Gedung Kantor Permanen", (("-", "-"),), 2.5e9),
)
WEIGHTS = (2, 4, 8, 4, 14, 20, 4, 8, 12, 8, 10, 3, 0.2)


@dataclass(frozen=True)
class BmnExpected:
    """What a register states: unit count, values, conditions (``None`` when not recorded)."""

    path: Path
    sheet: str
    style: str
    header_row: int
    columns: tuple[str, ...]
    satker_code: str
    satker_name: str
    rows: int
    quantity: int
    nilai_perolehan: int
    nilai_penyusutan: int
    nilai_buku: int
    conditions: Mapping[str, int] | None  # keys B / RR / RB
    per_kelompok: Mapping[str, int] = field(default_factory=dict)  # 5-digit kode kelompok → units

    @property
    def good_share(self) -> float | None:
        """Share of units in good condition (0..1), ``None`` when the list has no condition."""
        if self.conditions is None or not self.rows:
            return None
        return self.conditions.get("B", 0) / self.rows


def bmn_register(
    path: Path,
    style: str = "simak",
    rows: int = 500,
    seed: int = 0,
    with_condition: bool = True,
    year: int = 2025,
    satker: tuple[str, str] = ("123456", "KPU KABUPATEN CONTOH"),
) -> BmnExpected:
    """Write a register of ``rows`` asset units in the given ``style``; return its totals."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, not {style!r}")
    rng = random.Random(seed)
    columns = tuple(c for c in COLUMNS[style] if with_condition or c != CONDITION_COLUMN[style])
    report_date = date(year, 12, 31)
    start = date(1995, 1, 1)
    span = (report_date - start).days
    nup: dict[str, int] = {}
    cumulative = list(itertools.accumulate(WEIGHTS))
    conditions = {"B": 0, "RR": 0, "RB": 0}
    per_kelompok: dict[str, int] = {}
    totals = {"aset": 0, "susut": 0}
    path = Path(path)
    with Workbook(path) as book:
        sheet = book.sheet({"simak": "Sheet1", "sakti": "Daftar Barang", "siman": "Daftar Aset"}[style])
        if style == "sakti":
            sheet.append(["DAFTAR BARANG MILIK NEGARA"])
            sheet.append([f"SATUAN KERJA : {satker[0]} - {satker[1]}"])
            sheet.append([f"POSISI PER 31 DESEMBER {year}"])
            sheet.append([])
        elif style == "siman":
            sheet.append([f"LAPORAN DAFTAR BARANG - {satker[1]}"])
            sheet.append([])
        header_row = sheet.append(list(columns))
        for number in range(1, rows + 1):
            code, name, models, value = rng.choices(ITEMS, cum_weights=cumulative)[0]
            nup[code] = nup.get(code, 0) + 1
            acquired = start + timedelta(days=rng.randrange(span))
            aset = round_to(value * rng.uniform(0.6, 1.4), 100)
            life_months = USEFUL_LIFE[code[:5]] * 12
            months = (report_date.year - acquired.year) * 12 + report_date.month - acquired.month + 1
            susut = min(aset, round(aset * months / life_months))
            old = months / life_months
            state = rng.choices(("B", "RR", "RB"), weights=(85 - 20 * min(old, 2), 10, 5 + 20 * min(old, 2)))[0]
            conditions[state] += 1
            per_kelompok[code[:5]] = per_kelompok.get(code[:5], 0) + 1
            totals["aset"] += aset
            totals["susut"] += susut
            merk, tipe = rng.choice(models)
            values = {
                "No": number,
                "KD_SATKER": satker[0],
                "Kode Satker": satker[0],
                "UR_SATKER": satker[1],
                "Nama Satker": satker[1],
                "KD_BRG": code,
                "Kode Barang": code,
                "UR_SSKEL": name,
                "Nama Barang": name,
                "NO_ASET": nup[code],
                "NUP": nup[code],
                "MEREK_TIPE": f"{merk} {tipe}",
                "Merk/Tipe": f"{merk}/{tipe}",
                "Merk": merk,
                "Tipe": tipe,
                "TGL_PERLH": acquired,
                "Tgl Perolehan": acquired,
                "Tanggal Perolehan": acquired,
                "Q_AST": 1,
                "Kuantitas": 1,
                "RPH_ASET": aset,
                "Nilai Perolehan": aset,
                "RPH_SUSUT": susut,
                "Nilai Penyusutan": susut,
                "NILAI_BUKU": aset - susut,
                "Nilai Buku": aset - susut,
                "KOND": CONDITION_TEXT[style][state],
                "Kondisi": CONDITION_TEXT[style][state],
            }
            sheet.append([values[c] for c in columns])
    return BmnExpected(
        path=path,
        sheet=sheet.name,
        style=style,
        header_row=header_row,
        columns=columns,
        satker_code=satker[0],
        satker_name=satker[1],
        rows=rows,
        quantity=rows,
        nilai_perolehan=totals["aset"],
        nilai_penyusutan=totals["susut"],
        nilai_buku=totals["aset"] - totals["susut"],
        conditions=conditions if with_condition else None,
        per_kelompok=per_kelompok,
    )
