"""Hand-made layouts (lakip_core.reading.mapping, intake.layouts): reading, fingerprint, JSON.

A layout reads through the same table builder as automatic reading, so the sample budget read
by a layout that names its columns gives exactly the automatic figures; sheets whose headers
the reader does not know ("Nilai A" / "Nilai B") read to the totals the sheet states; next
month's file of the same export has the same fingerprint; JSON from elsewhere is checked and
refused with an Indonesian reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakip_core.analysis.report import SPECS, build_report, load_report, report_from_files, summary_dict
from lakip_core.errors import LakipError
from lakip_core.intake.inspection import ColumnsNotPlacedError, inspect_bytes, inspection_from_json, inspection_to_json
from lakip_core.intake.layouts import KnownLayout, parse_layout
from lakip_core.reading.grids import load_grids
from lakip_core.reading.mapping import (
    MAX_JSON_BYTES,
    PREVIEW_ROWS,
    PREVIEW_TAIL,
    Layout,
    LayoutError,
    column_index,
    column_letter,
    field_problems,
    find_header,
    grid_previews,
    layout_from_json,
    make_layout,
    preview_grid,
    read_with_layout,
    suggest_columns,
)
from lakip_core.rules.settings import Settings
from tests import golden
from tests.conftest import SAMPLE_BUDGET
from tests.intake_helpers import xlsx_bytes
from tests.real_exports import glp039

BUDGET = SPECS["budget"]


def nilai_rows(month: str = "OKTOBER", year: int = 2024, realized: tuple[int, ...] = (500, 1_500, 0)) -> list[list]:
    """An office recap whose amount columns the reader cannot place ("Nilai A" / "Nilai B")."""
    rows: list[list] = [
        ["REKAP ANGGARAN KPU KOTA JAKARTA SELATAN"],
        [f"TAHUN ANGGARAN {year} · KEADAAN {month}"],
        [],
        ["No", "Kegiatan", f"Nilai A {year}", f"Nilai B s.d. {month.title()}", "Keterangan"],
    ]
    for i, (code, value) in enumerate(zip(("3355", "3357", "3360"), realized, strict=True)):
        rows.append([i + 1, f"Kegiatan ({code})", 1_000 * (i + 1), value, None])
    rows.append([None, "JUMLAH", 6_000, sum(realized), None])
    return rows


def nilai_layout(rows: list[list] | None = None, **kwargs: object) -> Layout:
    grid = load_grids(xlsx_bytes(rows or nilai_rows()), "rekap.xlsx")[0]
    columns = {"B": "name", "C": "allocation", "D": "realized"}
    return make_layout("Rekap kantor", "budget", grid, [4], columns, **kwargs)  # type: ignore[arg-type]


def budget_summary(data: bytes, layout: Layout) -> dict:
    tables = read_with_layout(load_grids(data, "rekap.xlsx"), layout, BUDGET).tables
    return summary_dict(build_report({"budget": tables}, Settings(year=2024)))["budget"]


# --- reading -------------------------------------------------------------------------------------


def test_unknown_headers_read_to_the_stated_totals() -> None:
    data = xlsx_bytes(nilai_rows())
    with pytest.raises(LakipError, match="Pagu, Realisasi"):  # the reader alone cannot place them
        load_report(budget=data)
    summary = budget_summary(data, nilai_layout())
    assert (summary["allocation"], summary["realized"], summary["absorption_pct"]) == (6_000, 2_000, 33.33)
    assert [line["code"] for line in summary["lines"]] == ["3355", "3357", "3360"]


def test_a_layout_reads_like_the_automatic_reader() -> None:
    """The sample budget through a layout naming its columns: the same figures and findings."""
    grid = load_grids(SAMPLE_BUDGET)[0]
    layout = make_layout("Contoh", "budget", grid, [4], {"A": "no", "B": "name", "C": "allocation", "D": "realized"})
    automatic = summary_dict(load_report(budget=SAMPLE_BUDGET, year=2024))
    mapped = summary_dict(load_report(budget=SAMPLE_BUDGET, year=2024, layouts={"budget": layout}))
    assert mapped == automatic
    assert mapped["budget"]["allocation"] == golden.ALLOCATION.value  # the seed's rows, not its Jumlah row
    assert any(c["code"] == "TOTAL_MISMATCH" for c in mapped["checks"])  # the stated total is checked


def test_stated_total_that_disagrees_is_a_finding_not_a_figure() -> None:
    rows = nilai_rows()
    rows[-1][2] = 9_999  # JUMLAH says 9.999, the rows add up to 6.000
    summary = summary_dict(
        build_report(
            {"budget": read_with_layout(load_grids(xlsx_bytes(rows)), nilai_layout(rows), BUDGET).tables},
            Settings(year=2024),
        )
    )
    assert summary["budget"]["allocation"] == 6_000
    assert any(c["code"] == "TOTAL_MISMATCH" for c in summary["checks"])


def test_total_rows_auto_off_and_marked_by_text() -> None:
    rows = nilai_rows()
    rows.insert(7, [None, "Rekapitulasi kegiatan", 6_000, 2_000, None])  # a subtotal the rule does not know
    data = xlsx_bytes(rows)
    grid = load_grids(data)[0]
    plain = make_layout("a", "budget", grid, [4], {"B": "name", "C": "allocation", "D": "realized"})
    read = read_with_layout([grid], plain, BUDGET)
    assert read.total_rows == (9,)  # JUMLAH only: "Rekapitulasi" reads as a data row
    marked = make_layout("b", "budget", grid, [4], {"B": "name", "C": "allocation", "D": "realized"}, total_rows=[8])
    assert marked.total_labels == ("rekapitulasi kegiatan",)
    assert read_with_layout([grid], marked, BUDGET).total_rows == (8, 9)
    assert budget_summary(data, marked)["allocation"] == 6_000
    manual = make_layout(
        "c", "budget", grid, [4], {"B": "name", "C": "allocation", "D": "realized"}, totals_auto=False, total_rows=[8]
    )
    assert read_with_layout([grid], manual, BUDGET).total_rows == (8,)  # JUMLAH is data now
    # Next month the marked row sits elsewhere: found again by its text.
    later = nilai_rows("NOVEMBER")
    later.insert(5, [None, "Rekapitulasi kegiatan", 6_000, 2_000, None])
    assert read_with_layout(load_grids(xlsx_bytes(later)), marked, BUDGET).total_rows == (6, 9)


def test_header_on_two_rows() -> None:
    rows = [
        ["LAPORAN REALISASI KPU KOTA CONTOH TAHUN 2024"],
        ["Uraian", "Anggaran", None, "Catatan"],
        [None, "Nilai 1", "Nilai 2", None],
        ["Honor", 100, 90, ""],
        ["Belanja barang", 300, 150, ""],
    ]
    grid = load_grids(xlsx_bytes(rows))[0]
    layout = make_layout("Dua baris", "budget", grid, [2, 3], {"A": "name", "B": "allocation", "C": "realized"})
    read = read_with_layout([grid], layout, BUDGET)
    assert read.header_row == 2 and read.tables[0].mapping == {
        "name": "Uraian",
        "allocation": "Anggaran · Nilai 1",
        "realized": "Nilai 2",
    }
    assert budget_summary(xlsx_bytes(rows), layout)["allocation"] == 400
    with pytest.raises(LayoutError, match="berurutan"):
        make_layout("x", "budget", grid, [2, 4], {"A": "name"})


def test_other_kinds_count_what_they_should() -> None:
    assets = [
        ["DAFTAR BARANG KPU KOTA CONTOH 2024"],
        ["Barangnya", "Harga beli", "Keadaan"],
        ["Laptop", 15_000_000, "Baik"],
        ["Mobil", 300_000_000, "Rusak Berat"],
        ["Meja", 2_000_000, "Baik"],
    ]
    grid = load_grids(xlsx_bytes(assets))[0]
    layout = make_layout("Aset", "assets", grid, [2], {"A": "name", "B": "value", "C": "condition"})
    tables = read_with_layout([grid], layout, SPECS["assets"]).tables
    summary = summary_dict(build_report({"assets": tables}, Settings(year=2024)))["assets"]
    assert summary["units"] == 3 and summary["total_value"] == 317_000_000
    staff = [["Pegawai", "Kelamin"], ["Ani", "P"], ["Budi", "L"], ["Citra", "P"], ["Dedi", "L"]]
    grid = load_grids(xlsx_bytes(staff))[0]
    layout = make_layout("Pegawai", "staff", grid, [1], {"A": "name", "B": "gender"})
    tables = read_with_layout([grid], layout, SPECS["staff"]).tables
    summary = summary_dict(build_report({"staff": tables}, Settings(year=2024)))["staff"]
    assert summary["count"] == 4 and summary["female_pct"] == 50.0


def test_field_problems_in_indonesian() -> None:
    layout = nilai_layout()
    assert field_problems(layout, BUDGET) == []
    missing = Layout("x", "budget", (4,), (("no", "kegiatan"),), (("A", "no"),))
    problems = field_problems(missing, BUDGET)
    assert "Kolom wajib belum dipilih: Pagu, Realisasi." in problems
    assert any(p == "Pilih kolom untuk salah satu dari: Uraian, Kode, Kode kegiatan, Kode akun." for p in problems)
    twice = Layout("x", "budget", (4,), (("a",),), (("B", "name"), ("C", "allocation"), ("D", "allocation")))
    assert "Pagu dipilih untuk dua kolom (C dan D); pilih salah satu." in field_problems(twice, BUDGET)
    with pytest.raises(LayoutError, match="tidak dapat dipakai: Kolom wajib"):
        read_with_layout(load_grids(xlsx_bytes(nilai_rows())), missing, BUDGET)


# --- fingerprint -----------------------------------------------------------------------------------


def test_same_export_next_month_and_year_has_the_same_fingerprint() -> None:
    october = nilai_layout(nilai_rows("OKTOBER", 2024))
    november = nilai_layout(nilai_rows("NOVEMBER", 2025, realized=(900, 1_900, 5)))
    assert october.fingerprint == november.fingerprint
    assert october.header == (("no", "kegiatan", "nilai a #", "nilai b s d #", "keterangan"),)
    renamed = nilai_rows()
    renamed[3][3] = "Realisasi Kas"
    assert nilai_layout(renamed).fingerprint != october.fingerprint


def test_header_found_when_the_title_grows_a_row() -> None:
    layout = nilai_layout()
    rows = [["SEKRETARIAT"], *nilai_rows("DESEMBER")]
    grid = load_grids(xlsx_bytes(rows))[0]
    assert find_header(grid, layout) == 4  # 0-based: one row lower than where it was made
    read = read_with_layout([grid], layout, BUDGET)
    assert read.header_matched and read.header_row == 5
    other = load_grids(xlsx_bytes([["Judul"], [], [], ["Nama", "Biaya", "Terpakai"], ["Honor", 10, 5]]))
    read = read_with_layout(other, nilai_layout(), BUDGET)  # read at the stated rows, and said so
    assert not read.header_matched and read.header_row == 4
    with pytest.raises(LayoutError, match="Baris judul kolom 4 tidak ada: lembar Anggaran hanya 2 baris"):
        read_with_layout(load_grids(xlsx_bytes([["a", "b"], [1, 2]])), nilai_layout(), BUDGET)


def test_layout_on_the_preview_matches_the_file() -> None:
    """The mapping screen makes its layout from the preview: it must fingerprint like the file."""
    data = xlsx_bytes(nilai_rows())
    grids = load_grids(data)
    (preview,) = grid_previews(grids)
    from_preview = make_layout(
        "p", "budget", preview_grid(preview), [4], {"B": "name", "C": "allocation", "D": "realized"}
    )
    assert from_preview == make_layout("p", "budget", grids[0], [4], {"B": "name", "C": "allocation", "D": "realized"})
    assert suggest_columns(preview, [4], BUDGET) == {"A": "no", "B": "name"}


# --- JSON ------------------------------------------------------------------------------------------


def test_json_round_trip_and_kind_slug() -> None:
    layout = nilai_layout(total_rows=[8])
    text = layout.to_json()
    assert layout_from_json(text) == layout
    assert layout_from_json(text.encode("utf-8-sig")) == layout
    data = json.loads(text)
    assert data["format"] == "dasbor-lakip/tata-letak" and data["version"] == 1
    assert parse_layout(json.dumps({**data, "kind": "anggaran"})) == layout  # the Indonesian name works too


def _json(**changes: object) -> str:
    data = json.loads(nilai_layout().to_json())
    data.update(changes)
    return json.dumps(data)


HOSTILE = {
    "not-json": ("{ini bukan json", "bukan JSON yang sah"),
    "array": ("[1, 2, 3]", "satu objek JSON"),
    "nan": ('{"format": NaN}', "NaN tidak diperbolehkan"),
    "duplicate-key": ('{"name": "a", "name": "b"}', "muncul dua kali"),
    "other-format": (_json(format="lain"), "bukan berkas tata letak"),
    "future-version": (_json(version=99), "versi format 99"),
    "version-text": (_json(version="1"), "Versi format"),
    "kind-path": (_json(kind="../../etc"), "Jenis data tata letak"),
    "letter-digits": (_json(columns={"1A": "name"}), "bukan huruf kolom"),
    "letter-beyond-xfd": (_json(columns={"XFE": "name"}), "melewati kolom terakhir"),
    "letter-too-long": (_json(columns={"ABCD": "name"}), "bukan huruf kolom"),
    "field-injection": (_json(columns={"B": "name; DROP TABLE"}), "nama kolom data tidak sah"),
    "no-columns": (_json(columns={}), "'columns'"),
    "row-zero": (_json(header_rows=[0], header=[["a", "b"]]), "antara baris 1"),
    "row-bool": (_json(header_rows=[True], header=[["a", "b"]]), "bilangan bulat"),
    "rows-apart": (_json(header_rows=[3, 5], header=[["a"], ["b"]]), "berurutan"),
    "three-rows": (_json(header_rows=[1, 2, 3], header=[["a"], ["b"], ["c"]]), "satu atau dua"),
    "header-count": (_json(header=[["a"], ["b"]]), "'header'"),
    "tampered": (_json(header=[["pagu", "realisasi"]]), "Sidik judul kolom"),
    "empty-name": (_json(name="   "), "Beri nama"),
    "long-name": (_json(name="x" * 200), "terlalu panjang"),
    "labels-not-text": (_json(totals={"auto": True, "labels": [1, 2]}), "'totals.labels'"),
    "auto-not-bool": (_json(totals={"auto": "ya"}), "'totals'"),
    "deep": ("[" * 100_000 + "]" * 100_000, "terlalu besar"),
    "huge": (_json(name="x", sheet="a") + " " * (MAX_JSON_BYTES + 1), "terlalu besar"),
    "nested-deep-small": ('{"a":' * 3000 + "1" + "}" * 3000, "tidak dapat dibaca"),
}


@pytest.mark.parametrize(("text", "words"), list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_json_is_refused_in_indonesian(text: str, words: str) -> None:
    with pytest.raises(LayoutError) as info:
        parse_layout(text)
    message = str(info.value)
    assert words in message, message
    assert len(message) < 400 and "Traceback" not in message


def test_unknown_field_and_kind_refused_by_parse_layout() -> None:
    with pytest.raises(LayoutError, match="Kolom tidak dikenal untuk data anggaran: nomor_rekening"):
        parse_layout(_json(columns={"B": "name", "C": "allocation", "D": "realized", "E": "nomor_rekening"}))
    with pytest.raises(LayoutError, match="Jenis data tata letak 'keuangan' tidak dikenal"):
        parse_layout(_json(kind="keuangan"))
    with pytest.raises(LayoutError, match="Kolom wajib belum dipilih: Realisasi"):
        parse_layout(_json(columns={"B": "name", "C": "allocation"}))
    name = json.loads(parse_layout(_json(name="Tata <b>letak</b>\u0007")).to_json())["name"]
    assert name == "Tata <b>letak</b>"  # control characters dropped; markup stays text (escaped where shown)


@given(st.integers(min_value=0, max_value=16_383))
def test_column_letters_round_trip(index: int) -> None:
    assert column_index(column_letter(index)) == index


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 701, 702, 16_383)] == ["A", "Z", "AA", "AZ", "ZZ", "AAA", "XFD"]


# --- preview ---------------------------------------------------------------------------------------


def test_preview_of_a_5000_row_glp039_stays_small(tmp_path: Path) -> None:
    expected = glp039(tmp_path / "glp039.xlsx", rows=5_000)
    grids = load_grids(expected.path)
    (preview,) = grid_previews(grids)
    assert preview.row_count == len(grids[0].rows) > 5_000
    assert len(preview.rows) == PREVIEW_ROWS + PREVIEW_TAIL
    assert [n for n, _ in preview.rows][:3] == [1, 2, 3] and preview.rows[-1][0] == preview.row_count
    assert preview.letters[0] == "A" and preview.letters[-1] == "AF" and len(preview.columns) <= 32
    assert len(json.dumps([list(c) for _, c in preview.rows], default=str)) < 40_000


# --- intake ----------------------------------------------------------------------------------------


def test_inspection_with_a_kept_layout_and_its_json() -> None:
    data = xlsx_bytes(nilai_rows())
    with pytest.raises(ColumnsNotPlacedError) as info:
        inspect_bytes(data, "rekap.xlsx")
    assert info.value.preview and info.value.preview[0].cells(4)[:2] == ("No", "Kegiatan")
    kept = KnownLayout(nilai_layout(), "sekretariat", "2024-11-27T03:04:05.000000Z")
    inspection = inspect_bytes(data, "rekap.xlsx", layouts=[kept])
    use = inspection.layout_use
    assert use is not None and use.automatic and use.header_matched and use.name == "Rekap kantor"
    assert (use.saved_by, use.total_rows, inspection.kind) == ("sekretariat", (8,), "budget")
    assert inspection.summary["budget"]["allocation"] == 6_000
    again = inspection_from_json(inspection_to_json(inspection), data)
    assert again == inspection and again.layout_use == use and again.preview == inspection.preview
    # The same layout chosen by hand, and a kind the layout does not fit: no automatic match.
    assert inspect_bytes(data, "rekap.xlsx", chosen_layout=kept).layout_use.automatic is False  # type: ignore[union-attr]
    with pytest.raises(ColumnsNotPlacedError):
        inspect_bytes(data, "rekap.xlsx", "aset", layouts=[kept])


def test_stored_bytes_are_read_again_with_their_layout() -> None:
    data = xlsx_bytes(nilai_rows())
    layout = nilai_layout()
    report = report_from_files({"budget": (data, "rekap.xlsx")}, 2024, None, {"budget": layout.to_json()})
    assert report.budget_totals is not None and report.budget_totals.allocation == 6_000
    with pytest.raises(LakipError):
        report_from_files({"budget": (data, "rekap.xlsx")}, 2024)
