"""Staff: gender and education spellings, NIP, stated ages, women among commissioners, roles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import SAMPLE_STAFF

from lakip_core import load_report
from lakip_core.analysis import staff
from lakip_core.rules.findings import Finding
from lakip_core.rules.settings import Settings

MakeXlsx = Callable[..., Path]


def read_staff(source: object, settings: Settings) -> staff.StaffData:
    """The staff dataset as the dashboard reads it (through :func:`load_report`)."""
    data = load_report(staff=source, settings=settings).staff  # type: ignore[arg-type]
    assert data is not None
    return data


def codes_rows(findings: list[Finding]) -> list[tuple[str, int | None]]:
    return sorted((f.code, f.row) for f in findings)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("L", "Laki-laki"),
        ("l", "Laki-laki"),
        ("Laki-laki", "Laki-laki"),
        ("Laki-Laki", "Laki-laki"),
        ("LAKI-LAKI", "Laki-laki"),
        ("Pria", "Laki-laki"),
        ("Lk", "Laki-laki"),
        ("P", "Perempuan"),
        ("Perempuan", "Perempuan"),
        ("WANITA", "Perempuan"),
        ("Pr", "Perempuan"),
        ("X", "Tidak diketahui"),
        ("", "Tidak diketahui"),
        (None, "Tidak diketahui"),
    ],
)
def test_normalize_gender(raw: object, expected: str) -> None:
    assert staff.normalize_gender(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("D-III", "D3"),
        ("DIII", "D3"),
        ("D III", "D3"),
        ("D.III", "D3"),
        ("Diploma III", "D3"),
        ("D3", "D3"),
        ("D-IV", "D4"),
        ("Sarjana Terapan", "D4"),
        ("D-I", "D1"),
        ("S-1", "S1"),
        ("S1", "S1"),
        ("S.1", "S1"),
        ("Strata 1", "S1"),
        ("Strata-1", "S1"),
        ("Strata I", "S1"),
        ("Sarjana", "S1"),
        ("Sarjana Hukum", "S1"),
        ("S1 Hukum", "S1"),
        ("S2", "S2"),
        ("S-2", "S2"),
        ("Magister Manajemen", "S2"),
        ("S3", "S3"),
        ("Doktor", "S3"),
        ("SLTA", "SMA"),
        ("SMA", "SMA"),
        ("SMK", "SMA"),
        ("SMA/SMK", "SMA"),
        ("SLTA/Sederajat", "SMA"),
        ("STM", "SMA"),
        ("SLTP", "SMP"),
        ("SMP", "SMP"),
        ("SD", "SD"),
        ("Paket C", "Lainnya"),
        ("", "Tidak diketahui"),
        ("-", "Tidak diketahui"),
    ],
)
def test_normalize_education(raw: str, expected: str) -> None:
    assert staff.normalize_education(raw) == expected


def test_parse_nip() -> None:
    nip = staff.parse_nip("19930301 201903 1 002")
    assert nip == staff.Nip(date(1993, 3, 1), "201903", "Laki-laki", "002")
    female = staff.parse_nip("198908152015032001")
    assert female is not None and (female.birth, female.gender) == (date(1989, 8, 15), "Perempuan")
    assert staff.parse_nip(199303012019031002) == nip
    assert staff.parse_nip("1993030120190310") is None  # 16 digits
    assert staff.parse_nip("199313012019031002") is None  # month 13
    assert staff.parse_nip("199303012019033002") is None  # gender digit 3
    assert staff.parse_nip(None) is None


@pytest.mark.parametrize(
    ("value", "sheet", "position", "expected"),
    [
        (None, "Komisioner", None, "Komisioner"),
        (None, "Anggota KPU", None, "Komisioner"),
        (None, "PPNPN", None, "PPNPN"),
        (None, "Honorer", None, "PPNPN"),
        (None, "Tenaga Non ASN", None, "PPNPN"),
        (None, "Sekretariat", None, "ASN"),
        (None, "PNS", None, "ASN"),
        (None, "Sheet1", "Ketua", "Komisioner"),
        (None, "Sheet1", "Kasubbag KUL", "ASN"),
        ("PPPK", "Sheet1", None, "ASN"),
        ("Honorer", "Komisioner", None, "PPNPN"),  # the role cell wins over the sheet name
    ],
)
def test_role(value: object, sheet: str, position: object, expected: str) -> None:
    assert staff.role_from(value, sheet, position) == expected


def test_role_from_sheet_name_in_a_workbook(xlsx: MakeXlsx) -> None:
    path = xlsx(
        {
            "Komisioner": [["Nama", "L/P"], ["A", "L"], ["B", "P"]],
            "Sekretariat": [["NAMA", "JK", "Pendidikan"], ["C", "P", "S-1"]],
            "Honorer": [["nama", "Jenis Kelamin", "Pendidikan Terakhir"], ["D", "Pria", "SLTA"]],
        }
    )
    data = read_staff(path, Settings(year=2024))
    assert list(data.frame["role"]) == ["Komisioner", "Komisioner", "ASN", "PPNPN"]
    summary = staff.summarize(data)
    assert summary.by_role == {"Komisioner": 2, "ASN": 1, "PPNPN": 1}
    assert summary.by_gender == {"Laki-laki": 2, "Perempuan": 2}
    assert summary.by_education == {"SMA": 1, "S1": 1, "Tidak diketahui": 2}
    assert summary.female_pct == 50.0
    assert summary.female_commissioner_pct == 50.0


def test_nip_against_birth_date_and_gender(xlsx: MakeXlsx) -> None:
    rows = [
        ["No", "Nama", "NIP", "Jenis Kelamin", "Tanggal Lahir"],
        [1, "Cocok", "199303012019031002", "L", "01-03-1993"],
        [2, "Salah Tanggal", "199303012019031003", "L", "2 Maret 1993"],
        [3, "Salah Kelamin", "198908152015031001", "P", "15-08-1989"],
        [4, "Pendek", "19930301", "L", "01-03-1993"],
        [5, "Kembar", "199303012019031002", "L", "01-03-1993"],
    ]
    data = read_staff(xlsx({"ASN": rows}), Settings(year=2024))
    findings = staff.check(data, Settings(year=2024))
    assert codes_rows(findings) == [
        ("DUPLICATE_ROW", 6),
        ("NIP_BIRTHDATE_MISMATCH", 3),
        ("NIP_GENDER_MISMATCH", 4),
        ("NIP_INVALID", 5),
    ]
    text = {f.code: f.message for f in findings}
    assert "01-03-1993" in text["NIP_BIRTHDATE_MISMATCH"] and "02-03-1993" in text["NIP_BIRTHDATE_MISMATCH"]
    assert "Laki-laki" in text["NIP_GENDER_MISMATCH"] and "Perempuan" in text["NIP_GENDER_MISMATCH"]


def test_stated_age_against_birth_date_at_the_report_date(xlsx: MakeXlsx) -> None:
    rows = [
        ["Nama", "Tempat/Tanggal Lahir", "Usia"],
        ["Tepat", "Jakarta/1 Maret 1993", "31 Tahun"],
        ["Tahun Lalu", "Jakarta/1 Maret 1993", "30 Tahun"],
        ["Tanpa Usia", "Jakarta/1 Maret 1993", None],
    ]
    path = xlsx({"Komisioner": rows})
    at_year_end = Settings(year=2024)
    findings = [f for f in staff.check(read_staff(path, at_year_end), at_year_end) if f.code == "AGE_MISMATCH"]
    assert [f.row for f in findings] == [3]
    assert "30 tahun" in findings[0].message and "31 tahun" in findings[0].message
    early = Settings(year=2024, report_date=date(2024, 2, 1))  # before the birthday: 30 is right
    findings = [f for f in staff.check(read_staff(path, early), early) if f.code == "AGE_MISMATCH"]
    assert [f.row for f in findings] == [2]


def test_women_commissioners_below_thirty_percent(xlsx: MakeXlsx) -> None:
    women = ["P", "L", "L", "L", "L"]
    path = xlsx({"Komisioner": [["Nama", "L/P"], *[[f"K{i}", g] for i, g in enumerate(women)]]})
    findings = staff.check(read_staff(path, Settings()), Settings())
    (finding,) = [f for f in findings if f.code == "WOMEN_COMMISSIONERS_BELOW_MIN"]
    assert "20%" in finding.message and "30%" in finding.message
    path = xlsx({"Komisioner": [["Nama", "L/P"], *[[f"K{i}", g] for i, g in enumerate(["P", "P", "L", "L", "L"])]]})
    assert staff.check(read_staff(path, Settings()), Settings()) == []
    assert staff.check(read_staff(path, Settings()), Settings(women_commissioner_min_pct=50)) != []


def test_unknown_gender_text_is_a_finding(xlsx: MakeXlsx) -> None:
    path = xlsx({"ASN": [["Nama", "L/P"], ["A", "X"], ["B", None]]})
    findings = staff.check(read_staff(path, Settings()), Settings())
    assert [(f.code, f.row) for f in findings] == [("GENDER_UNKNOWN", 2)]


def test_seed_sample_staff() -> None:
    data = read_staff(SAMPLE_STAFF, Settings(year=2024))
    summary = staff.summarize(data)
    assert summary.count == 28
    assert summary.by_role == {"Komisioner": 5, "ASN": 15, "PPNPN": 8}
    assert summary.by_gender == {"Laki-laki": 17, "Perempuan": 11}
    assert summary.by_education == {"SMA": 5, "D1": 1, "S1": 15, "S2": 7}
    assert summary.female_pct == pytest.approx(11 / 28 * 100)
    assert summary.female_commissioner_pct == 20.0
    commissioners = data.frame[data.frame["role"] == "Komisioner"]
    assert list(commissioners["birth_date"]) == [
        date(1993, 3, 1),
        date(1989, 8, 13),
        date(1992, 8, 22),
        date(1989, 8, 15),
        date(1990, 7, 5),
    ]
    assert list(commissioners["age"]) == [31, 35, 32, 35, 34]
    assert list(commissioners["stated_age"]) == [30, 33, 30, 33, 32]
    assert list(commissioners["birth_place"]) == ["Jakarta"] * 5


def test_seed_commissioners_ages_are_stated_as_of_an_earlier_year() -> None:
    findings = staff.check(read_staff(SAMPLE_STAFF, Settings(year=2024)), Settings(year=2024))
    ages = [f for f in findings if f.code == "AGE_MISMATCH"]
    assert [f.row for f in ages] == [6, 7, 8, 9, 10]
    assert {f.sheet for f in ages} == {"Komisioner"}
    assert "Muhammad Taqiyuddin tertulis 30 tahun" in ages[0].message
    assert "usianya 31 tahun pada 31-12-2024" in ages[0].message
    # DOMAIN.md: every stated age fits a reference date between 1 March and 4 July 2023.
    as_of_2023 = Settings(year=2023, report_date=date(2023, 6, 1))
    earlier = staff.check(read_staff(SAMPLE_STAFF, as_of_2023), as_of_2023)
    assert [f for f in earlier if f.code == "AGE_MISMATCH"] == []


def test_birth_date_after_the_report_date_has_no_age_band(xlsx: MakeXlsx) -> None:
    path = xlsx({"ASN": [["Nama", "Tanggal Lahir"], ["Salah Ketik", "1 Maret 2093"], ["Benar", "1 Maret 1993"]]})
    data = read_staff(path, Settings(year=2024))
    assert list(data.frame["age"]) == [-69, 31]
    assert list(data.frame["age_band"]) == ["Tidak diketahui", "30–39"]


# --- issue 9: NIP TMT digits, groups apart -------------------------------------------------------


@pytest.mark.parametrize(
    ("nip", "problem"),
    [
        ("199303012019031002", None),
        ("199303012019131002", "bulan 13"),
        ("199303012019001002", "bulan 00"),
        ("199303011990031002", "sebelum tahun lahir"),
        ("199302302019031002", "bukan tanggal lahir"),
        ("199303012019033002", "digit ke-15"),
        ("19930301201903100", "17 digit"),
    ],
)
def test_nip_problems(nip: str, problem: str | None) -> None:
    found = staff.nip_problem(nip)
    assert (found is None) if problem is None else (found is not None and problem in found)
    assert (staff.parse_nip(nip) is None) == (problem is not None)


def test_a_nip_with_month_13_in_its_tmt_is_invalid(xlsx: MakeXlsx) -> None:
    sheet = [["Nama", "NIP", "Jenis Kelamin", "Tanggal Lahir"], ["Budi", "199303012019131002", "L", "1 Maret 1993"]]
    data = read_staff(xlsx({"ASN": sheet}), Settings(year=2024))
    (finding,) = [f for f in staff.check(data, Settings(year=2024)) if f.code == "NIP_INVALID"]
    assert "bulan 13" in finding.message


def test_commissioners_are_counted_apart_with_women_per_group(xlsx: MakeXlsx) -> None:
    board = [["Nama", "Jenis Kelamin"], *[[f"Anggota {i}", "P" if i == 1 else "L"] for i in range(1, 6)]]
    asn = [["Nama", "Jenis Kelamin"], ["A", "P"], ["B", "P"], ["C", "L"]]
    ppnpn = [["Nama", "Jenis Kelamin"], ["D", "L"], ["E", "-"]]
    data = read_staff(xlsx({"Komisioner": board, "Sekretariat": asn, "PPNPN": ppnpn}), Settings(year=2024))
    summary = staff.summarize(data)
    assert (summary.count, summary.commissioners, summary.secretariat) == (10, 5, 5)
    roles = {r.role: r for r in summary.roles}
    assert (roles["Komisioner"].women, roles["Komisioner"].female_pct) == (1, 20.0)
    assert roles["ASN"].female_pct == pytest.approx(200 / 3)
    assert (roles["PPNPN"].gender_known, roles["PPNPN"].female_pct) == (1, 0.0)
