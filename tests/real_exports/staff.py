"""Staff list as SIASN / SIMPEG export it: one civil servant per row, header in row 1.

Layout (``../shared/DOMAIN.md``, "Real export layouts"): ``nama | nip | jabatan | pangkat |
golongan | unit kerja | Jenis Kelamin | Tanggal Lahir | Tempat Lahir | TMT CPNS | TMT Golongan``.

- ``nip``: 18 digits stored as TEXT (birth date yyyymmdd, TMT CPNS yyyymm, gender digit 1/2,
  sequence), always consistent with ``Tanggal Lahir``, ``Jenis Kelamin`` and ``TMT CPNS``.
- ``Jenis Kelamin``: ``LAKI-LAKI`` / ``PEREMPUAN``.
- ``Tanggal Lahir``: about half are real date cells (a number with a ``dd-mm-yyyy`` format), the
  other half bare Excel serial numbers in General format (``31234``); TMT columns are date cells.
- Non-breaking spaces (U+00A0) inside and at the end of some names, jabatan and gender cells.
- ``ppnpn=N`` adds a separate ``PPNPN`` sheet (honorer staff have no NIP), as DOMAIN.md expects.

Assumed: the exact header spelling and order beyond DOMAIN.md's list, names and positions.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import openpyxl

from tests.real_exports.common import NBSP
from tests.real_exports.xlsx_raw import EXCEL_EPOCH

COLUMNS = (
    "nama",
    "nip",
    "jabatan",
    "pangkat",
    "golongan",
    "unit kerja",
    "Jenis Kelamin",
    "Tanggal Lahir",
    "Tempat Lahir",
    "TMT CPNS",
    "TMT Golongan",
)
PPNPN_COLUMNS = ("nama", "jabatan", "Jenis Kelamin", "Tanggal Lahir", "Tempat Lahir")
PANGKAT = {
    "II/a": "Pengatur Muda",
    "II/b": "Pengatur Muda Tingkat I",
    "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I",
    "III/a": "Penata Muda",
    "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata",
    "III/d": "Penata Tingkat I",
    "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I",
}
JABATAN = (
    "Kepala Subbagian Keuangan, Umum dan Logistik",
    "Kepala Subbagian Teknis Penyelenggaraan Pemilu dan Hukum",
    "Kepala Subbagian Perencanaan, Data dan Informasi",
    "Kepala Subbagian Partisipasi, Hubungan Masyarakat dan SDM",
    "Penata Kelola Pemilu Ahli Pertama",
    "Penata Kelola Pemilu Terampil",
    "Pengelola Keuangan",
    "Pengadministrasi Umum",
    "Analis Data dan Informasi",
    "Arsiparis Terampil",
    "Pranata Komputer Ahli Pertama",
)
MEN = ("Agus", "Budi", "Dedi", "Eko", "Hendra", "Joko", "Rudi", "Yusuf", "Ahmad", "Rizky", "Fajar", "Bambang")
WOMEN = ("Siti", "Dewi", "Rina", "Sri", "Wulan", "Ayu", "Nur", "Fitri", "Lestari", "Maya", "Indah", "Ratna")
FAMILY = ("Santoso", "Wijaya", "Hidayat", "Saputra", "Lestari", "Rahmawati", "Kurniawan", "Nugroho", "Pratama")
DEGREES = ("", "", ", S.E.", ", S.Sos", ", S.Kom", ", S.H.", ", A.Md.")
PLACES = ("Jakarta", "Bogor", "Bandung", "Surabaya", "Medan", "Padang", "Makassar", "Semarang", "Palembang", "Garut")


@dataclass(frozen=True)
class Person:
    nama: str  # without non-breaking spaces
    nip: str
    male: bool
    birth: date
    golongan: str


@dataclass(frozen=True)
class StaffExpected:
    """What a staff list states: people, their gender and birth dates (from the NIP too)."""

    path: Path
    sheet: str
    header_row: int
    columns: tuple[str, ...]
    rows: int
    men: int
    women: int
    people: tuple[Person, ...]
    serial_birth_cells: tuple[str, ...]  # bare serial numbers, General format
    date_birth_cells: tuple[str, ...]  # numbers with a date format
    nbsp_cells: tuple[str, ...]
    ppnpn_sheet: str | None = None
    ppnpn_rows: int = 0
    per_golongan: Mapping[str, int] = field(default_factory=dict)


def _nbsp(rng: random.Random, text: str) -> str:
    if rng.random() < 0.5 and " " in text:
        index = text.index(" ")
        return text[:index] + NBSP + text[index + 1 :]
    return text + NBSP


def siasn_staff(path: Path, rows: int = 25, seed: int = 0, year: int = 2025, ppnpn: int = 0) -> StaffExpected:
    """Write a SIASN-style list of ``rows`` civil servants (and ``ppnpn`` honorer staff)."""
    rng = random.Random(seed)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Data PNS"
    sheet.append(list(COLUMNS))
    people: list[Person] = []
    serial_cells: list[str] = []
    date_cells: list[str] = []
    nbsp_cells: list[str] = []
    golongan_keys = list(PANGKAT)
    per_golongan: dict[str, int] = {}
    for index in range(rows):
        row = index + 2
        male = rng.random() < 0.55
        birth = date(1965, 1, 1) + timedelta(days=rng.randrange(365 * 35))
        tmt = date(min(year - 1, birth.year + rng.randint(22, 30)), rng.choice((1, 3, 4, 12)), 1)
        nip = f"{birth:%Y%m%d}{tmt:%Y%m}{1 if male else 2}{rng.randint(1, 12):03d}"
        service = year - tmt.year
        golongan = golongan_keys[min(len(golongan_keys) - 1, max(0, rng.randint(0, 3) + service // 4))]
        per_golongan[golongan] = per_golongan.get(golongan, 0) + 1
        nama = f"{rng.choice(MEN if male else WOMEN)} {rng.choice(FAMILY)}{rng.choice(DEGREES)}"
        jabatan = "Sekretaris" if index == 0 else rng.choice(JABATAN)
        gender = "LAKI-LAKI" if male else "PEREMPUAN"
        cells: dict[str, object] = {
            "nama": nama,
            "nip": nip,
            "jabatan": jabatan,
            "pangkat": PANGKAT[golongan],
            "golongan": golongan,
            "unit kerja": "Sekretariat KPU Kabupaten Contoh",
            "Jenis Kelamin": gender,
            "Tanggal Lahir": birth,
            "Tempat Lahir": rng.choice(PLACES),
            "TMT CPNS": tmt,
            "TMT Golongan": date(year - rng.randint(0, 4), rng.choice((4, 10)), 1),
        }
        for key, chance in (("nama", 0.3), ("jabatan", 0.15), ("Jenis Kelamin", 0.08)):
            if rng.random() < chance:
                cells[key] = _nbsp(rng, str(cells[key]))
                nbsp_cells.append(f"{openpyxl.utils.get_column_letter(COLUMNS.index(key) + 1)}{row}")
        birth_ref = f"{openpyxl.utils.get_column_letter(COLUMNS.index('Tanggal Lahir') + 1)}{row}"
        bare = rng.random() < 0.5
        if bare:
            cells["Tanggal Lahir"] = (birth - EXCEL_EPOCH).days
            serial_cells.append(birth_ref)
        else:
            date_cells.append(birth_ref)
        for col, key in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row, col, cells[key])
            if isinstance(cells[key], date):
                cell.number_format = "dd-mm-yyyy"
            elif key == "nip":
                cell.number_format = "@"
        people.append(Person(nama, nip, male, birth, golongan))
    ppnpn_sheet = None
    if ppnpn:
        ppnpn_sheet = "PPNPN"
        extra = workbook.create_sheet(ppnpn_sheet)
        extra.append(list(PPNPN_COLUMNS))
        for _ in range(ppnpn):
            male = rng.random() < 0.6
            birth = date(1975, 1, 1) + timedelta(days=rng.randrange(365 * 30))
            extra.append(
                [
                    f"{rng.choice(MEN if male else WOMEN)} {rng.choice(FAMILY)}",
                    rng.choice(("Pramubakti", "Pengemudi", "Satpam", "Petugas Kebersihan", "Operator Komputer")),
                    "LAKI-LAKI" if male else "PEREMPUAN",
                    birth,
                    rng.choice(PLACES),
                ]
            )
            extra.cell(extra.max_row, 4).number_format = "dd-mm-yyyy"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    men = sum(p.male for p in people)
    return StaffExpected(
        path=path,
        sheet="Data PNS",
        header_row=1,
        columns=COLUMNS,
        rows=rows,
        men=men,
        women=rows - men,
        people=tuple(people),
        serial_birth_cells=tuple(serial_cells),
        date_birth_cells=tuple(date_cells),
        nbsp_cells=tuple(nbsp_cells),
        ppnpn_sheet=ppnpn_sheet,
        ppnpn_rows=ppnpn,
        per_golongan=per_golongan,
    )
