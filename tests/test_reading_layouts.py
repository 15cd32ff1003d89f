"""Reading real office files: header detection, title rows, notes, totals, encodings, bad files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES

from lakip_core import load_report
from lakip_core.analysis import assets, budget, indicators, staff
from lakip_core.errors import (
    EmptyDataError,
    HeaderNotFoundError,
    LakipError,
    MissingColumnsError,
    UnreadableFileError,
)
from lakip_core.intake.inspection import inspect_bytes
from lakip_core.reading.grids import load_grids
from lakip_core.reading.tables import normalize_label, read_tables
from lakip_core.schema import FILE, ROW, SHEET

SPECS = (indicators.SPEC, budget.SPEC, assets.SPEC, staff.SPEC)

MakeXlsx = Callable[..., Path]
MakeCsv = Callable[..., Path]


def values(table_frame: object, column: str) -> list[object]:
    return list(table_frame[column])  # type: ignore[index]


def test_title_rows_blank_rows_notes_and_column_numbers(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            ["ALOKASI ANGGARAN SEKRETARIAT KPU KOTA JAKARTA SELATAN"],
            ["TAHUN ANGGARAN 2024"],
            [],
            ["No.", "Program", "Pagu Anggaran (Rp)", "Realisasi (Rp)"],
            ["1", "2", "3", "4"],
            ["1.", "Keuangan (3355)", "Rp. 1.000.000", "Rp. 900.000"],
            [None, None, None, None],
            ["2.", "Logistik (3356)", "Rp. 500.000", "0"],
            [],
            ["*) Sumber : SAKTI KPU Kota Jakarta Selatan Tahun 2024"],
            ["Catatan: angka sementara"],
        ]
    )
    (table,) = read_tables(path, budget.SPEC)
    assert table.header_row == 4
    assert table.title == ("ALOKASI ANGGARAN SEKRETARIAT KPU KOTA JAKARTA SELATAN", "TAHUN ANGGARAN 2024")
    assert table.mapping == {
        "no": "No.",
        "name": "Program",
        "allocation": "Pagu Anggaran (Rp)",
        "realized": "Realisasi (Rp)",
    }
    assert values(table.data, "name") == ["Keuangan (3355)", "Logistik (3356)"]
    assert values(table.data, ROW) == [6, 8]  # sheet row numbers, for findings
    assert set(table.data[SHEET]) == {"Data"}
    assert set(table.data[FILE]) == {"data.xlsx"}
    assert table.totals.empty


def test_numeric_column_number_row_is_dropped_too(xlsx: MakeXlsx) -> None:
    path = xlsx([["No", "Uraian", "Pagu", "Realisasi"], [1, 2, 3, 4], [1, "Keuangan", 1000, 900]])
    (table,) = read_tables(path, budget.SPEC)
    assert values(table.data, "name") == ["Keuangan"]


def test_parenthesised_column_number_row_is_dropped(xlsx: MakeXlsx) -> None:
    path = xlsx([["No", "Uraian", "Pagu", "Realisasi"], ["(1)", "(2)", "(3)", "(4)"], [1, "Keuangan", 1000, 900]])
    (table,) = read_tables(path, budget.SPEC)
    assert values(table.data, "name") == ["Keuangan"]


def test_a_data_row_of_small_numbers_is_not_a_column_number_row(xlsx: MakeXlsx) -> None:
    path = xlsx([["No", "Uraian", "Pagu", "Realisasi"], [1, "Keuangan", 2, 3]])
    (table,) = read_tables(path, budget.SPEC)
    assert values(table.data, "allocation") == [2]


@pytest.mark.parametrize(
    "header",
    [
        "Pagu Anggaran (Rp)",
        "PAGU",
        "  pagu  ",
        "pagu_dipa",
        "Pagu DIPA",
        "PAGU   ANGGARAN",
        "Alokasi (Rp)",
        "Pagu Revisi",
    ],
)
def test_allocation_aliases_are_case_and_spacing_insensitive(xlsx: MakeXlsx, header: str) -> None:
    path = xlsx([["Uraian", header, "REALISASI  (Rp)"], ["Keuangan", 1000, 900]])
    (table,) = read_tables(path, budget.SPEC)
    assert table.mapping["allocation"] == " ".join(header.split())
    assert values(table.data, "allocation") == [1000]
    assert values(table.data, "realized") == [900]


@pytest.mark.parametrize("header", ["L/P", "JK", "Jenis Kelamin", "JENIS KELAMIN", "L / P", "Gender"])
def test_gender_aliases(xlsx: MakeXlsx, header: str) -> None:
    path = xlsx([["Nama", header], ["Siti", "P"]])
    (table,) = read_tables(path, staff.SPEC)
    assert "gender" in table.mapping
    assert values(table.data, "gender") == ["P"]


def test_normalize_label() -> None:
    assert normalize_label("Pagu Anggaran (Rp)") == "pagu anggaran"
    assert normalize_label("Capaian (%)") == "capaian persen"
    assert normalize_label("pagu_dipa") == "pagu dipa"
    assert normalize_label(None) == ""


def test_header_is_the_row_with_most_known_columns(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            ["Uraian anggaran dan realisasi"],  # mentions words, but one cell only
            ["Kode", "Uraian", "Pagu", "Realisasi", "Sisa"],
            ["3355", "Keuangan", 1000, 900, 100],
        ]
    )
    (table,) = read_tables(path, budget.SPEC)
    assert table.header_row == 2
    assert set(table.mapping) == {"code", "name", "allocation", "realized", "remaining"}


def test_unmapped_columns_are_listed(xlsx: MakeXlsx) -> None:
    path = xlsx([["Uraian", "Pagu", "Realisasi", "Penanggung Jawab"], ["Keuangan", 1000, 900, "Bendahara"]])
    (table,) = read_tables(path, budget.SPEC)
    assert table.unmapped == ("Penanggung Jawab",)


# --- CSV ------------------------------------------------------------------------------------------

CSV_ROWS = [
    ["Laporan Realisasi Anggaran 2024"],
    [],
    ["Kode", "Uraian", "Pagu", "Realisasi"],
    ["3355", "Pengelolaan Keuangan – Sekretariat", "1.000.000,50", "900.000,25"],
    ["3356", "Logistik", "2.000,5", "0"],
]


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ";"),
        ("utf-8-sig", ";"),
        ("utf-16", ";"),
        ("utf-16-le", ";"),
        ("cp1252", ";"),
        ("utf-8", "\t"),
        ("utf-8-sig", ","),
    ],
)
def test_csv_encodings_and_delimiters(csv_file: MakeCsv, encoding: str, delimiter: str) -> None:
    path = csv_file(CSV_ROWS, encoding=encoding, delimiter=delimiter)
    data = load_report(budget=path).budget
    assert list(data.frame["code"]) == ["3355", "3356"]
    assert list(data.frame["name"]) == ["Pengelolaan Keuangan – Sekretariat", "Logistik"]
    assert list(data.frame["allocation"]) == [1_000_000.5, 2000.5]
    assert list(data.frame["realized"]) == [900_000.25, 0.0]


def test_utf8_bom_does_not_stick_to_the_first_header(csv_file: MakeCsv) -> None:
    path = csv_file([["Nama", "L/P"], ["Siti", "P"]], encoding="utf-8-sig")
    (table,) = read_tables(path, staff.SPEC)
    assert table.mapping == {"name": "Nama", "gender": "L/P"}


def test_csv_table_is_named_after_the_file(csv_file: MakeCsv) -> None:
    path = csv_file([["Nama", "L/P"], ["Siti", "P"]], name="pegawai.csv")
    (table,) = read_tables(path, staff.SPEC)
    assert (table.file, table.sheet) == ("pegawai.csv", "pegawai")


def test_bytes_with_a_filename(tmp_path: Path) -> None:
    data = b"Nama;L/P\nSiti;P\n"
    (table,) = read_tables(data, staff.SPEC, filename="unggah.csv")
    assert table.file == "unggah.csv"
    assert values(table.data, "name") == ["Siti"]


# --- errors ---------------------------------------------------------------------------------------


def test_missing_required_column_lists_expected_and_found(xlsx: MakeXlsx) -> None:
    path = xlsx([["Laporan"], [], ["No", "Uraian", "Realisasi"], [1, "Keuangan", 5]], name="anggaran.xlsx")
    with pytest.raises(MissingColumnsError) as info:
        load_report(budget=path)
    err = info.value
    assert err.missing == ["Pagu"]
    assert err.found == ["No", "Uraian", "Realisasi"]
    message = str(err)
    assert "Pagu" in message
    assert "'No', 'Uraian', 'Realisasi'" in message
    assert "anggaran.xlsx" in message
    assert "baris 3" in message


def test_missing_one_of_a_group_names_the_group(xlsx: MakeXlsx) -> None:
    path = xlsx([["Pagu", "Realisasi"], [1000, 900]])
    with pytest.raises(MissingColumnsError) as info:
        load_report(budget=path)
    assert info.value.missing == ["Uraian atau Kode atau kdgiat atau kdakun"]


def test_two_equally_good_columns_are_an_ambiguity_not_a_refusal(xlsx: MakeXlsx) -> None:
    path = xlsx([["Uraian", "Pagu", "Pagu Anggaran", "Realisasi"], ["Keuangan", 1000, 2000, 900]])
    report = load_report(budget=path)
    (table,) = report.budget.tables
    (ambiguity,) = table.ambiguities
    assert ambiguity.field == "allocation"
    assert ambiguity.candidates == (("B", "Pagu"), ("C", "Pagu Anggaran"))
    assert ambiguity.chosen == "B"
    assert report.budget_totals.allocation == 1000  # the leftmost, until the person chooses
    (finding,) = [f for f in report.findings if f.code == "COLUMN_AMBIGUOUS"]
    assert finding.severity == "error"  # read for the preview, not stored until a person chooses
    assert "Kolom Pagu muncul dua kali: 'Pagu' (kolom B) dan 'Pagu Anggaran' (kolom C)" in finding.message
    inspection = inspect_bytes(path.read_bytes(), path.name)
    assert not inspection.ok and inspection.ambiguities == (ambiguity,)


def test_the_more_specific_header_wins_without_ambiguity(xlsx: MakeXlsx) -> None:
    # "Kode Satker" is not "Kode"; "Nilai Buku" is not "Nilai"; an exact alias beats a prefix.
    path = xlsx(
        [
            ["Kode Satker", "Kode Barang", "Nama Barang", "Merk", "Tipe", "Nilai Buku", "Nilai Perolehan"],
            ["123456", "3100102001", "PC", "HP", "ProOne", 100, 900],
        ]
    )
    (table,) = read_tables(path, assets.SPEC)
    assert table.ambiguities == ()
    assert table.mapping["code"] == "Kode Barang"
    assert table.mapping["satker_code"] == "Kode Satker"
    assert (table.mapping["brand"], table.mapping["model"]) == ("Merk", "Tipe")
    assert (table.mapping["value"], table.mapping["book_value"]) == ("Nilai Perolehan", "Nilai Buku")
    assert table.letters()["value"] == "G"


def test_a_one_word_alias_claims_only_qualified_headers(xlsx: MakeXlsx) -> None:
    path = xlsx([["Indikator", "Target 2024", "Realisasi", "Kode Satker"], ["Dokumen", 1, 1, "123"]])
    (table,) = read_tables(path, indicators.SPEC)
    assert table.mapping["target"] == "Target 2024"
    assert "code" not in table.mapping  # "Kode Satker" names something else
    assert "Kode Satker" in table.unmapped


def test_no_header_at_all(xlsx: MakeXlsx) -> None:
    path = xlsx([["Catatan rapat"], ["tidak ada tabel di sini"]])
    with pytest.raises(HeaderNotFoundError, match="Pagu, Realisasi"):
        load_report(budget=path)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "gambar"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "gambar"),
        (b"PK\x03\x04 not really a zip archive", "tidak dapat dibuka"),
    ],
)
def test_files_that_are_not_spreadsheets(tmp_path: Path, content: bytes, fragment: str) -> None:
    path = tmp_path / "anggaran.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=fragment):
        load_grids(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="tidak ditemukan"):
        load_grids(tmp_path / "tidak_ada.xlsx")
    with pytest.raises(UnreadableFileError, match="folder"):
        load_grids(tmp_path)


@pytest.mark.parametrize("name", ["kosong.xlsx", "kosong.csv"])
@pytest.mark.parametrize("content", [b"", b"  \r\n\r\n"])
def test_empty_file(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(EmptyDataError, match="kosong"):
        load_report(budget=path)


def test_header_without_rows_is_an_empty_table(xlsx: MakeXlsx) -> None:
    data = load_report(budget=xlsx([["Uraian", "Pagu", "Realisasi"]])).budget
    assert data.frame.empty
    assert budget.totals(data).allocation == 0.0
    assert budget.totals(data).absorption_pct is None


# --- totals, units, sheets ------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["JUMLAH", "Jumlah", "TOTAL", "GRAND TOTAL", "Sub Total", "SUBTOTAL", "Jumlah Total"])
def test_total_rows_are_kept_aside(xlsx: MakeXlsx, label: str) -> None:
    path = xlsx(
        [
            ["No", "Uraian", "Pagu", "Realisasi"],
            [1, "Keuangan", 1000, 900],
            [2, "Logistik", 500, 400],
            [label, None, 1500, 1300],
        ]
    )
    (table,) = read_tables(path, budget.SPEC)
    assert values(table.data, "name") == ["Keuangan", "Logistik"]
    assert values(table.totals, "no") == [label]
    assert values(table.totals, ROW) == [4]


def test_a_total_label_in_the_name_column(xlsx: MakeXlsx) -> None:
    path = xlsx([["Uraian", "Pagu", "Realisasi"], ["Keuangan", 1000, 900], ["Jumlah Belanja Pegawai", 1000, 900]])
    (table,) = read_tables(path, budget.SPEC)
    assert values(table.data, "name") == ["Keuangan"]
    assert values(table.totals, "name") == ["Jumlah Belanja Pegawai"]


def test_an_indicator_named_jumlah_is_data_not_a_total(xlsx: MakeXlsx) -> None:
    path = xlsx(
        [
            ["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi"],
            [1, "Tersedianya laporan", "Jumlah laporan keuangan yang disusun", "4 Lap", "4 Lap"],
            [None, None, "Jumlah dokumen perencanaan", "2 Dok", "1 Dok"],
            [None, None, "JUMLAH", None, None],
            ["Total", None, None, None, None],
        ]
    )
    (table,) = read_tables(path, indicators.SPEC)
    assert values(table.data, "indicator") == ["Jumlah laporan keuangan yang disusun", "Jumlah dokumen perencanaan"]
    assert values(table.totals, ROW) == [4, 5]


@pytest.mark.parametrize(
    ("unit_line", "factor"),
    [
        ("(dalam ribuan rupiah)", 1_000),
        ("Dalam Ribuan Rupiah", 1_000),
        ("(dalam jutaan rupiah)", 1_000_000),
        ("Satuan: Rp 000", 1_000),
        ("Anggaran Tahun 2024", 1),
    ],
)
def test_unit_line_multiplies_amounts(xlsx: MakeXlsx, unit_line: str, factor: int) -> None:
    path = xlsx(
        [["Realisasi Anggaran"], [unit_line], ["Kode", "Uraian", "Pagu", "Realisasi"], ["3355", "a", 1250, 1000]]
    )
    data = load_report(budget=path).budget
    assert data.tables[0].multiplier == factor
    assert list(data.frame["allocation"]) == [1250 * factor]
    assert list(data.frame["realized"]) == [1000 * factor]
    assert budget.totals(data).absorption_pct == pytest.approx(80.0)


def test_multi_sheet_workbook(xlsx: MakeXlsx) -> None:
    header = ["Kode", "Uraian", "Pagu", "Realisasi"]
    path = xlsx(
        {
            "Petunjuk": [["Isi lembar APBN dan Hibah"]],
            "APBN": [header, ["3355", "Keuangan", 1000, 900]],
            "Hibah": [["Dana hibah Pilkada"], header, ["3364", "Fasilitasi", 500, 100]],
        }
    )
    tables = read_tables(path, budget.SPEC)
    assert [t.sheet for t in tables] == ["APBN", "Hibah"]
    assert [t.header_row for t in tables] == [1, 2]
    data = load_report(budget=path).budget
    assert list(data.frame[SHEET]) == ["APBN", "Hibah"]
    assert budget.totals(data).allocation == 1500


def test_a_sheet_missing_columns_is_skipped_when_another_sheet_is_complete(xlsx: MakeXlsx) -> None:
    path = xlsx(
        {"Ringkas": [["Uraian", "Realisasi"], ["a", 1]], "Rinci": [["Uraian", "Pagu", "Realisasi"], ["a", 2, 1]]}
    )
    tables = read_tables(path, budget.SPEC)
    assert [t.sheet for t in tables] == ["Rinci"]


# --- every sample file ----------------------------------------------------------------------------


# Seed tables in the sample that no dataset reads today: Kegiatan / IKK lists without a target,
# and a DIPA pagu without realisasi (sample_data/README.md). When a reader learns them, move them out.
NOT_A_DATASET_TODAY = {
    ("perencanaan_kinerja_2024.xlsx", "Tabel 1.10 Kegiatan dan IKK"),
    ("perencanaan_kinerja_2024.xlsx", "Tabel 1.12 Kegiatan dan IKK"),
    ("pagu_dipa_2024.xlsx", "Tabel 1.15 Besaran Anggaran"),
}


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_sample_sheet_has_a_header_for_some_dataset(path: Path) -> None:
    grids = load_grids(path)
    assert grids
    for grid in grids:
        found = []
        for spec in SPECS:
            try:
                found += read_tables(path, spec)
            except LakipError:
                continue
        sheets = {t.sheet for t in found}
        if (path.name, grid.sheet) in NOT_A_DATASET_TODAY:
            assert grid.sheet not in sheets, f"{path.name}: {grid.sheet} is read now: update NOT_A_DATASET_TODAY"
            continue
        assert grid.sheet in sheets, f"{path.name}: no dataset header found on sheet {grid.sheet}"


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_sample_tables_hold_no_notes_or_blank_rows(path: Path) -> None:
    for spec in SPECS:
        try:
            tables = read_tables(path, spec)
        except LakipError:
            continue
        for table in tables:
            for _, row in table.data.iterrows():
                texts = [str(v) for k, v in row.items() if k not in (ROW, SHEET, FILE) and v not in (None, "")]
                assert texts, f"blank row {row[ROW]} in {table.sheet}"
                assert not texts[0].startswith("*)"), f"note row {row[ROW]} in {table.sheet}"


def test_two_row_header_as_printed_in_the_seed(xlsx) -> None:  # type: ignore[no-untyped-def]
    """Bab III A prints ``No. | Sasaran | Indikator Kinerja`` over ``Uraian | Target | Capaian | %``."""

    path = xlsx(
        {
            "Capaian": [
                ["PENGUKURAN CAPAIAN KINERJA"],
                [],
                ["No.", "Sasaran", "Indikator Kinerja", None, None, None],
                [None, None, "Uraian", "Target", "Capaian", "%"],
                ["1.", "Terlaksananya Akuntabilitas (3355)", "1. Laporan keuangan", "100%", "99,85%", "99"],
                [None, None, "2. Laporan LPPA", "100%", "99,50%", "99"],
            ]
        }
    )
    frame = load_report([path]).indicators.frame
    assert list(frame["objective"]) == ["Terlaksananya Akuntabilitas"] * 2
    assert list(frame["objective_code"]) == ["3355", "3355"]
    assert list(frame["actual_text"]) == ["99,85%", "99,50%"]  # "Capaian" is the realisasi here
    assert list(frame["stated_pct"]) == [99.0, 99.0]
    assert list(frame["_row"]) == [5, 6]
