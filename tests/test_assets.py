"""State assets (BMN): conditions, counts weighted by Jumlah, useful life, checks, the seed sample."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from conftest import SAMPLE_ASSETS

from lakip_core import load_report
from lakip_core.analysis import assets
from lakip_core.rules.settings import Settings, load_useful_life

MakeXlsx = Callable[..., Path]


def read_assets(source: object, settings: Settings) -> assets.AssetData:
    """The asset dataset as the dashboard reads it (through :func:`load_report`)."""
    data = load_report(assets=source, settings=settings).assets  # type: ignore[arg-type]
    assert data is not None
    return data


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("B", "Baik"),
        ("b", "Baik"),
        ("Baik", "Baik"),
        ("BAIK", "Baik"),
        ("RR", "Rusak Ringan"),
        ("R.R", "Rusak Ringan"),
        ("Rusak Ringan", "Rusak Ringan"),
        ("rusak-ringan", "Rusak Ringan"),
        ("Kurang Baik", "Rusak Ringan"),
        ("RB", "Rusak Berat"),
        ("R B", "Rusak Berat"),
        ("RUSAK BERAT", "Rusak Berat"),
        ("1", "Baik"),
        ("2", "Rusak Ringan"),
        ("3", "Rusak Berat"),
        (1, "Baik"),
        (2.0, "Rusak Ringan"),
        (3, "Rusak Berat"),
        ("Rusak", "Rusak"),  # the seed does not say how badly: kept as plain "Rusak"
        ("Hilang", "Hilang"),  # other text is kept, not guessed
        ("", "Tidak diketahui"),
        ("-", "Tidak diketahui"),
        (None, "Tidak diketahui"),
    ],
)
def test_normalize_condition(raw: object, expected: str) -> None:
    assert assets.normalize_condition(raw) == expected


REGISTER_HEADER = [
    "Kode Barang",
    "NUP",
    "Nama Barang",
    "Merk/Tipe",
    "Tanggal Perolehan",
    "Jumlah",
    "Nilai Perolehan",
    "Kondisi",
]


def register(xlsx: MakeXlsx, rows: list[list[object]], name: str = "register.xlsx") -> assets.AssetData:
    sheet = [["DAFTAR BARANG MILIK NEGARA"], ["KPU KOTA CONTOH"], [], REGISTER_HEADER, *rows]
    return read_assets(xlsx(sheet, name=name), Settings(year=2024))


def test_counts_are_weighted_by_jumlah_and_good_pct_uses_known_conditions(xlsx: MakeXlsx) -> None:
    data = register(
        xlsx,
        [
            ["3100102001", 1, "Personal Computer", "HP", datetime(2022, 5, 1), 10, 12_000_000, "B"],
            ["3100102001", 2, "Personal Computer", "HP", datetime(2022, 5, 1), 2, 12_000_000, "RR"],
            ["3050201003", 1, "Kursi", "Ergotec", datetime(2015, 1, 2), 5, 1_000_000, "RB"],
            ["3050201003", 2, "Kursi", "Ergotec", datetime(2015, 1, 2), 3, 1_000_000, "Baik"],
            ["3050201003", 3, "Kursi", "Ergotec", datetime(2015, 1, 2), 4, 1_000_000, None],
        ],
    )
    summary = assets.summarize(data)
    assert summary.units == 24
    assert summary.by_condition == {"Baik": 13, "Rusak Ringan": 2, "Rusak Berat": 5, "Tidak diketahui": 4}
    assert summary.unknown_condition == 4
    assert summary.good_pct == pytest.approx(13 / 20 * 100)
    assert summary.total_value == pytest.approx(27_000_000.0)  # Σ Nilai Perolehan of the lines
    table = assets.condition_by_group(data)
    assert table.loc["Komputer Unit"].to_dict() == {
        "Baik": 10,
        "Rusak Ringan": 2,
        "Rusak Berat": 0,
        "Tidak diketahui": 0,
    }
    assert table.loc["Alat Rumah Tangga"].to_dict() == {
        "Baik": 3,
        "Rusak Ringan": 0,
        "Rusak Berat": 5,
        "Tidak diketahui": 4,
    }


def test_past_useful_life_by_kode_barang_or_name(xlsx: MakeXlsx) -> None:
    data = register(
        xlsx,
        [
            ["3020104001", 1, "Kendaraan Roda 4", "Toyota", datetime(2016, 1, 1), 1, 200_000_000, "B"],  # 8 ≥ 7
            ["3020104001", 2, "Kendaraan Roda 4", "Toyota", datetime(2018, 1, 1), 1, 200_000_000, "B"],  # 6 < 7
            [None, None, "Notebook", "Asus", datetime(2020, 7, 1), 3, 10_000_000, "B"],  # by name: 4 ≥ 4
            [None, None, "Meja Kerja", "Kayu", 2021, 2, 1_000_000, "B"],  # 3 < 5
            [None, None, "Barang Aneh", "-", 1990, 1, 1, "B"],  # no group, no useful life
        ],
    )
    frame = data.frame
    assert list(frame["group"]) == [
        "Kendaraan Bermotor",
        "Kendaraan Bermotor",
        "Komputer Unit",
        "Alat Rumah Tangga",
        "Lainnya",
    ]
    assert list(frame["useful_life_years"].astype("float64").fillna(-1)) == [7, 7, 4, 5, -1]
    assert list(frame["acquired_year"].astype("float64")) == [2016, 2018, 2020, 2021, 1990]
    assert list(frame["past_useful_life"]) == [True, False, True, False, False]
    assert assets.summarize(data).past_useful_life == 4  # weighted: 1 vehicle + 3 notebooks
    assert len(assets.attention_list(data)) == 2


def test_classify_prefers_the_kode_barang() -> None:
    table = load_useful_life()
    by_code = assets.classify("Notebook", "3.02.01.04.001", table)
    assert by_code is not None and by_code.group == "Kendaraan Bermotor"
    by_name = assets.classify("Notebook Asus", "", table)
    assert by_name is not None and (by_name.group, by_name.years) == ("Komputer Unit", 4)
    assert assets.classify("Kapal", "", table) is None
    assert assets.classify("Pacar", "", table) is None  # "ac" only as a whole word


def test_useful_life_table_is_editable() -> None:
    table = load_useful_life(
        "kode_kelompok,kelompok,masa_manfaat_tahun,kata_kunci\n30201,Mobil Dinas,10,mobil|kendaraan\n"
    )
    entry = assets.classify("Kendaraan Roda 4", "", table)
    assert entry is not None and (entry.group, entry.years) == ("Mobil Dinas", 10)


def test_duplicate_kode_barang_and_nup(xlsx: MakeXlsx) -> None:
    data = register(
        xlsx,
        [
            ["3100102001", 1, "Personal Computer", "HP", 2022, 1, 12_000_000, "B"],
            ["3100102001", 2, "Personal Computer", "HP", 2022, 1, 12_000_000, "B"],
            ["3100102001", 1, "Personal Computer", "HP", 2022, 1, 12_000_000, "B"],
            [None, None, "Kursi", "Ergotec", 2022, 1, 1_000_000, "B"],
            [None, None, "Kursi", "Ergotec", 2022, 1, 1_000_000, "B"],  # no NUP: separate units
        ],
    )
    findings = assets.check(data, Settings(year=2024))
    assert [(f.code, f.row) for f in findings] == [("DUPLICATE_ROW", 7)]
    assert "3100102001" in findings[0].message and "NUP 1" in findings[0].message


def test_codes_read_as_numbers_keep_their_digits(xlsx: MakeXlsx) -> None:
    data = register(xlsx, [[3100102001, 7.0, "Notebook", "Dell", 2020, 1, 1, "B"]])
    assert (data.frame["code"].iloc[0], data.frame["nup"].iloc[0]) == ("3100102001", "7")


def test_value_problems(xlsx: MakeXlsx) -> None:
    data = register(
        xlsx,
        [
            ["3100102001", 1, "Notebook", "Dell", 2020, 1, "Rp 10.000.000", "B"],
            ["3100102001", 2, "Notebook", "Dell", 2020, "dua", -5, "B"],
            ["3100102001", 3, "Notebook", "Dell", 2026, 1, "sepuluh juta", "B"],
        ],
    )
    findings = assets.check(data, Settings(year=2024))
    assert sorted((f.code, f.row) for f in findings) == [
        ("ACQUIRED_AFTER_REPORT", 7),
        ("AMOUNT_NOT_NUMBER", 6),
        ("AMOUNT_NOT_NUMBER", 7),
        ("NEGATIVE_AMOUNT", 6),
    ]
    assert list(data.frame["value"].fillna(0)) == [10_000_000, -5, 0]
    assert list(data.frame["quantity"]) == [1, 1, 1]  # unreadable Jumlah counts as one unit
    messages = sorted(f.message for f in findings if f.code == "AMOUNT_NOT_NUMBER")
    assert messages == [
        "Jumlah 'dua' bukan angka; baris ini dihitung 1 unit.",
        "Nilai Perolehan 'sepuluh juta' bukan angka; nilai ini tidak dihitung.",
    ]


def test_stated_total_row_is_checked_against_the_units(xlsx: MakeXlsx) -> None:
    rows = [["No", "Nama Barang", "Jumlah"], [1, "Kursi", 4], [2, "Meja", 3], ["Jumlah", None, 9]]
    data = read_assets(xlsx(rows), Settings())
    (finding,) = assets.check(data, Settings())
    assert (finding.code, finding.row) == ("TOTAL_MISMATCH", 4)
    assert "9 unit" in finding.message and "7 unit" in finding.message
    assert assets.summarize(data).units == 7


def test_no_condition_column_means_not_recorded_and_no_good_pct(xlsx: MakeXlsx) -> None:
    data = read_assets(xlsx([["Nama Barang", "Jumlah"], ["Kursi", 4]]), Settings())
    summary = assets.summarize(data)
    assert summary.by_condition == {"Tidak tercatat": 4}
    assert not summary.condition_recorded
    assert summary.good_pct is None
    assert summary.total_value is None


def test_unit_line_multiplies_asset_values(xlsx: MakeXlsx) -> None:
    data = load_report(
        assets=xlsx([["(dalam ribuan rupiah)"], ["Nama Barang", "Nilai Perolehan"], ["Kursi", 1500]]),
        settings=Settings(),
    ).assets
    assert assets.summarize(data).total_value == 1_500_000


# --- the seed sample ------------------------------------------------------------------------------


def _jumlah_from_workbook(path: Path, sheet: str, header: str) -> float:
    rows = list(openpyxl.load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if header in row)
    column = rows[start].index(header)
    return float(sum(row[column] for row in rows[start + 1 :] if isinstance(row[column], (int, float))))


def test_seed_sample_vehicles_and_equipment_are_all_counted() -> None:
    data = read_assets(SAMPLE_ASSETS, Settings(year=2024))
    per_sheet = data.frame.groupby("category_sheet")["quantity"].sum().to_dict()
    equipment_units = _jumlah_from_workbook(SAMPLE_ASSETS, "Peralatan", "Jumlah (Buah)")
    assert equipment_units == 210
    assert per_sheet == {"Kendaraan": 11, "Peralatan": equipment_units}
    assert (data.frame["category_sheet"] == "Peralatan").sum() == 85  # 85 lines
    summary = assets.summarize(data)
    assert summary.units == 11 + 210
    # The Peralatan sheet has no Kondisi column: its 210 units' condition is not recorded.
    assert summary.by_condition == {"Baik": 8, "Rusak": 3, "Tidak tercatat": 210}
    assert summary.good_pct == pytest.approx(8 / 11 * 100)
    assert summary.total_value is None
    assert assets.check(data, Settings(year=2024)) == []


def test_seed_sample_sources_are_normalised() -> None:
    data = read_assets(SAMPLE_ASSETS, Settings())
    assert assets.by_source(data).to_dict() == {"Pengadaan Sendiri": 208, "Hibah Bank BTN": 7, "KPU RI": 6}


# --- issue 9: blank Jumlah, ages from dates, useful-life groups ------------------------------------


def test_a_blank_jumlah_counts_one_unit_with_a_finding(xlsx: MakeXlsx) -> None:
    sheet = [
        ["Nama Barang", "Tahun Perolehan", "Jumlah", "Kondisi"],
        ["Kursi Kerja", 2019, 10, "Baik"],
        ["Meja Rapat", 2019, None, "Baik"],
        ["Lemari Arsip", 2020, "", "Baik"],
    ]
    data = read_assets(xlsx(sheet), Settings(year=2024))
    assert assets.summarize(data).units == 12
    (finding,) = [f for f in assets.check(data, Settings(year=2024)) if f.code == "ASSET_QUANTITY_BLANK"]
    assert finding.row == 3 and "2 baris" in finding.message and "baris 3, 4" in finding.message


def test_age_from_the_acquisition_date_against_the_report_date(xlsx: MakeXlsx) -> None:
    rows = [[None, None, "Notebook", "Asus", datetime(2020, 12, 15), 1, 10_000_000, "B"]]
    mid_year = Settings(year=2024, report_date=date(2024, 6, 30))
    data = read_assets(xlsx([REGISTER_HEADER, *rows]), mid_year)
    frame = data.frame
    # 3 whole years at 30-06-2024: within its 4 years (by calendar year it was 4, "past").
    assert (frame["age_years"].iloc[0], bool(frame["past_useful_life"].iloc[0])) == (3, False)
    year_end = read_assets(xlsx([REGISTER_HEADER, *rows], name="b.xlsx"), Settings(year=2024))
    assert (year_end.frame["age_years"].iloc[0], bool(year_end.frame["past_useful_life"].iloc[0])) == (4, True)
    by_year = [["Nama Barang", "Tahun Perolehan", "Jumlah"], ["Notebook", 2020, 1]]
    calendar = read_assets(xlsx(by_year, name="c.xlsx"), mid_year)
    assert calendar.frame["age_years"].iloc[0] == 4  # only a year: calendar years, as before


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("Software Komputer", "Software (Aset Tak Berwujud)"),
        ("Meubelair Lainnya", "Alat Rumah Tangga"),
        ("Peralatan Komputer Lainnya", "Peralatan Komputer"),
        ("Meja Komputer", "Alat Rumah Tangga"),
        ("Notebook", "Komputer Unit"),
    ],
)
def test_useful_life_group_by_the_first_thing_the_name_says(name: str, group: str) -> None:
    entry = assets.classify(name, "", load_useful_life())
    assert entry is not None and entry.group == group
