"""The export generators themselves: each file opens, looks as DOMAIN.md describes, and states
the totals its ``...Expected`` says, recomputed here from the cells (not from the generator).

These test the fixtures, not the product's readers (those tests come with issue 8).
"""

from __future__ import annotations

import re
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests.real_exports import (
    D_ITEM_COLUMNS,
    Glp039Expected,
    adk_items,
    bmn_register,
    glp039,
    percent_cells,
    siasn_staff,
    sipd_lra,
)
from tests.real_exports.__main__ import main as write_all
from tests.real_exports.glp039 import DETAIL, FOOTNOTE, TOTAL
from tests.real_exports.xlsx_raw import column_index, java_double

Grid = list[list[object]]
Glp = tuple[Glp039Expected, Grid]


def grid(path: Path, sheet: str | None = None) -> Grid:
    workbook = CalamineWorkbook.from_path(str(path))
    name = sheet if sheet is not None else workbook.sheet_names[0]
    return workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)


def at(rows: Grid, ref: str) -> object:
    """A cell by its Excel reference (``"AE12"``); '' when outside the used area."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert match
    row, col = int(match.group(2)) - 1, column_index(match.group(1))
    return rows[row][col] if row < len(rows) and col < len(rows[row]) else ""


def indonesian(text: object) -> float:
    """``"10.701.893.800,00"`` → 10701893800.0; numbers pass through."""
    if isinstance(text, int | float):
        return float(text)
    assert isinstance(text, str) and re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d{2}", text), text
    return float(text.replace(".", "").replace(",", "."))


# --- GLP039 -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def glp(tmp_path_factory: pytest.TempPathFactory) -> Glp:
    expected = glp039(tmp_path_factory.mktemp("glp") / "glp039.xlsx", rows=400, seed=3)
    return expected, grid(expected.path, expected.sheet)


def _kind(rows: Grid, row: int) -> str:
    """What a data row is, from which column holds its code."""
    cells = rows[row - 1]
    for letter, kind in (("N", "item"), ("H", "akun"), ("F", "subkomponen"), ("E", "komponen")):
        if cells[column_index(letter)] != "":
            return kind
    if cells[column_index("C")] != "":
        return "ro" if "." in str(cells[column_index("C")]) else "kro"
    if cells[column_index("B")] != "":
        return "kegiatan" if "." in str(cells[column_index("B")]) else "program"
    return "other"


def test_glp039_title_and_header_rows(glp: Glp) -> None:
    expected, rows = glp
    assert expected.sheet == "GLP039_LAPORAN REALISASI SUPER "
    assert "TA 2025" in str(at(rows, "A1"))
    assert at(rows, "A2") == "Per Program; Kegiatan; Output; SubOutput; Komponen; SubKomponen; Akun; Item;"
    assert at(rows, "A3") == "Periode Oktober 2025"
    assert (at(rows, "A4"), at(rows, "A5"), at(rows, "A6")) == (
        "Kementerian\t:",
        "Unit Organisasi",
        "Satuan Kerja   \t:",
    )
    assert (at(rows, "O6"), at(rows, "P6")) == ("123456", "KPU KABUPATEN CONTOH")
    assert (at(rows, "AE4"), at(rows, "AF4")) == ("Hal 1 dari", f" {expected.pages}")
    # Every value label sits one column right of its values.
    labels = {"R7": "Pagu Revisi", "T7": "Lock Pagu", "X7": "Realisasi TA 2025", "AF7": "SISA ANGGARAN"}
    labels |= {"X8": "Periode Lalu", "Y8": "Periode Ini", "AA8": "s.d. Periode", "AD8": "%"}
    for ref, text in labels.items():
        assert at(rows, ref) == text, ref
    assert at(rows, "B7") == "Uraian"
    for key, letter in DETAIL.items():
        value_col = column_index(letter)
        if key in ("pagu", "lock", "sisa"):
            assert rows[6][value_col] == "" and rows[6][value_col + 1] != "", key


def test_glp039_merged_ranges_exist_where_claimed(glp: Glp) -> None:
    expected, _ = glp
    workbook = openpyxl.load_workbook(expected.path)
    sheet = workbook[expected.sheet]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert set(expected.merged) == merged
    assert {"B7:P8", "R7:S8", "T7:V8", "X7:AD7", "Y8:Z8", "AA8:AC8", "AF7:AF8", "A1:AF1"} <= merged
    assert sheet["R7"].value == "Pagu Revisi" and sheet["Q10"].value == expected.pagu


def test_glp039_total_row_is_shifted_and_equals_the_akun_level(glp: Glp) -> None:
    expected, rows = glp
    assert expected.total_row == 9 and at(rows, "A9") == "JUMLAH SELURUHNYA"
    akun_rows = [r for r in range(10, len(rows) + 1) if _kind(rows, r) == "akun"]
    assert len(akun_rows) == expected.akun_rows
    for key in DETAIL:
        if key == "pct":
            continue
        total = at(rows, f"{TOTAL[key]}9")
        summed = sum(float(at(rows, f"{DETAIL[key]}{r}")) for r in akun_rows)
        assert total == pytest.approx(summed), key
        if DETAIL[key] not in TOTAL.values():
            assert at(rows, f"{DETAIL[key]}9") == ""  # the detail column is empty on the total row
    # W holds "Periode Lalu" on detail rows but "Periode Ini" on the total row.
    assert at(rows, "W9") == expected.periode_ini and at(rows, "V9") == expected.periode_lalu
    assert at(rows, "P9") == expected.pagu and at(rows, "Y9") == expected.realisasi
    assert at(rows, "AD9") == expected.sisa == expected.pagu - expected.realisasi
    assert at(rows, "Q10") == expected.pagu and at(rows, "B10") == "WA"  # the program row, not shifted
    assert expected.stated == expected.amounts
    assert sum(a.pagu for a in expected.per_kegiatan.values()) == expected.pagu
    assert sum(a.realisasi for a in expected.per_jenis_belanja.values()) == expected.realisasi
    assert {"51", "52", "53"} <= set(expected.per_jenis_belanja)
    assert len(expected.per_kegiatan) >= 3


def test_glp039_every_level_carries_its_own_sums(glp: Glp) -> None:
    _, rows = glp
    order = ("program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "akun")
    data = [r for r in range(10, len(rows) + 1) if _kind(rows, r) != "other"]
    checked = 0
    for index, row in enumerate(data):
        kind = _kind(rows, row)
        if kind in ("item", "akun"):
            continue
        level = order.index(kind)
        children = []
        for other in data[index + 1 :]:
            other_kind = _kind(rows, other)
            if other_kind != "item" and order.index(other_kind) <= level:
                break
            if other_kind != "item" and order.index(other_kind) == level + 1:
                children.append(other)
        pagu = sum(float(at(rows, f"Q{c}")) for c in children)
        realisasi = sum(float(at(rows, f"Z{c}")) for c in children)
        assert (at(rows, f"Q{row}"), at(rows, f"Z{row}")) == pytest.approx((pagu, realisasi)), (kind, row)
        checked += 1
    assert checked > 20


def test_glp039_travel_items_do_not_add_up_to_their_akun(glp: Glp) -> None:
    expected, rows = glp
    assert expected.mismatched_akun_rows
    for line in expected.akun:
        items, row = [], line.row + 1
        while row <= len(rows) and _kind(rows, row) in ("item", "other"):
            if _kind(rows, row) == "item":
                items.append(row)
            row += 1
        assert sum(float(at(rows, f"Q{r}")) for r in items) == line.pagu == at(rows, f"Q{line.row}")
        item_realisasi = sum(float(at(rows, f"Z{r}")) for r in items)
        assert item_realisasi == line.items_realisasi
        if line.row in expected.mismatched_akun_rows:
            assert line.akun.startswith("5241") and item_realisasi > line.realisasi
        else:
            assert item_realisasi == line.realisasi


def test_glp039_codes_names_and_fractions(glp: Glp) -> None:
    expected, rows = glp
    seen = {kind: 0 for kind in ("program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "akun", "item")}
    patterns = {
        "program": ("B", r"[A-Z]{2}", "D"),
        "kegiatan": ("B", r"[A-Z]{2}\.\d{4}", "I"),
        "kro": ("C", r"[A-Z]{3}", "G"),
        "ro": ("C", r"[A-Z]{3}\.\d{3}", "K"),
        "komponen": ("E", r"\d{3}", "J"),
        "subkomponen": ("F", r"\d{3}\.0[A-D]", "L"),
        "item": ("N", r"\d{6}\. .+", "N"),
    }
    for row in range(10, len(rows) + 1):
        kind = _kind(rows, row)
        if kind == "other":
            continue
        seen[kind] += 1
        if kind == "akun":
            code = at(rows, f"H{row}")
            assert isinstance(code, float) and 510000 < code < 540000 and at(rows, f"M{row}")
        else:
            letter, pattern, name = patterns[kind]
            assert re.fullmatch(pattern, str(at(rows, f"{letter}{row}"))), (kind, row)
            assert at(rows, f"{name}{row}") != ""
        pagu, realisasi, pct = at(rows, f"Q{row}"), at(rows, f"Z{row}"), at(rows, f"AC{row}")
        assert pct == (round(float(realisasi) / float(pagu), 4) if pagu else 0.0)
        assert at(rows, f"AE{row}") == float(pagu) - float(realisasi)
        assert float(at(rows, f"W{row}")) + float(at(rows, f"X{row}")) == realisasi
    assert all(seen.values()), seen
    assert seen["item"] == expected.item_rows and sum(seen.values()) == expected.rows
    assert expected.zero_pagu_items == sum(
        1 for r in range(10, len(rows) + 1) if _kind(rows, r) == "item" and at(rows, f"Q{r}") == 0
    )


def test_glp039_footnote_repeats_at_page_breaks_inside_the_data(glp: Glp) -> None:
    expected, rows = glp
    notes = [r for r in range(1, len(rows) + 1) if at(rows, f"A{r}") == FOOTNOTE]
    assert notes == list(expected.footnote_rows) and len(notes) == expected.pages >= 5
    assert notes[-1] == len(rows)  # the last page closes with it too
    starts = [9, *(n + 1 for n in notes[:-1])]
    sizes = [note - start for start, note in zip(starts, notes, strict=True)]
    assert all(40 <= size <= 60 for size in sizes[:-1]) and 0 < sizes[-1] <= 60  # the last page is what is left
    assert all(_kind(rows, n - 1) != "other" and _kind(rows, n + 1) != "other" for n in notes[:-1])


def test_glp039_is_written_like_sakti(glp: Glp) -> None:
    expected, _ = glp
    with zipfile.ZipFile(expected.path) as archive:
        assert "xl/sharedStrings.xml" not in archive.namelist()
        sheet = archive.read("xl/worksheets/sheet1.xml")
    assert b't="inlineStr"' in sheet and b"<v>" + java_double(expected.pagu).encode() + b"</v>" in sheet
    assert re.search(rb"<v>\d\.\d+E\d+</v>", sheet)
    assert java_double(20373920000) == "2.037392E10" and java_double(1500000) == "1500000.0"
    assert java_double(0.7712) == "0.7712" and java_double(0) == "0.0"


def test_glp039_options(tmp_path: Path) -> None:
    repeated = glp039(tmp_path / "repeat.xlsx", rows=150, repeat_header=True, jumlah_delta=1_000_000)
    rows = grid(repeated.path, repeated.sheet)
    assert len(repeated.header_rows) == 2 * repeated.pages
    assert all(at(rows, f"R{r}") == "Pagu Revisi" for r in repeated.header_rows[::2])
    assert repeated.stated.pagu == repeated.pagu + 1_000_000 == at(rows, "P9")
    other = glp039(
        tmp_path / "juli.xlsx", rows=150, month=7, year=2026, satker=("654321", "KPU KOTA LAIN"), numeric_akun=False
    )
    rows = grid(other.path, other.sheet)
    assert (at(rows, "A3"), at(rows, "O6"), other.month, other.year) == ("Periode Juli 2026", "654321", 7, 2026)
    assert "TA 2026" in str(at(rows, "A1")) and isinstance(at(rows, f"H{other.akun[0].row}"), str)


def test_glp039_is_deterministic(tmp_path: Path) -> None:
    first = glp039(tmp_path / "a.xlsx", rows=200, seed=7)
    second = glp039(tmp_path / "b.xlsx", rows=200, seed=7)
    third = glp039(tmp_path / "c.xlsx", rows=200, seed=8)
    assert first.path.read_bytes() == second.path.read_bytes()
    assert (first.pagu, first.realisasi, first.akun) == (second.pagu, second.realisasi, second.akun)
    assert third.pagu != first.pagu


def test_glp039_five_thousand_rows_in_seconds(tmp_path: Path) -> None:
    start = time.perf_counter()
    expected = glp039(tmp_path / "besar.xlsx", rows=5000)
    elapsed = time.perf_counter() - start
    assert elapsed < 10, f"{elapsed:.1f} s"
    assert 5000 <= expected.rows <= 5600 and expected.pages >= 80
    rows = grid(expected.path, expected.sheet)
    assert len(rows) == 8 + 1 + expected.rows + expected.pages
    assert len(expected.per_kegiatan) == 7 and len(expected.mismatched_akun_rows) > 20


# --- SIPD LRA ---------------------------------------------------------------------------------------


def test_sipd_layout_and_totals(tmp_path: Path) -> None:
    expected = sipd_lra(tmp_path / "lra.xlsx", rows=40, seed=1)
    rows = grid(expected.path)
    assert (at(rows, "A1"), at(rows, "A3")) == ("PEMERINTAH KABUPATEN CONTOH", "TAHUN ANGGARAN 2026")
    assert (at(rows, "A5"), at(rows, "F5")) == ("Kode", "Kelompok Belanja") and str(at(rows, "E5")).startswith("Uraian")
    assert [at(rows, f"{c}6") for c in "FHJL"] == ["Operasi", "Modal", "Tak Terduga", "Transfer"]
    assert [at(rows, f"{c}7") for c in "FGHIJKLM"] == ["Anggaran", "Realisasi"] * 4
    assert [at(rows, f"{c}8") for c in "AEFGHIJKLM"] == list(range(1, 11))
    merged = {str(r) for r in openpyxl.load_workbook(expected.path).active.merged_cells.ranges}
    assert {"A5:D7", "E5:E7", "F5:M5", "F6:G6", "A8:D8"} <= merged == set(expected.merged)
    leaves = [r for r in range(9, expected.total_row) if at(rows, f"D{r}") != ""]
    assert len(leaves) == expected.rows and expected.rows + expected.parent_rows == expected.total_row - 9
    assert all(at(rows, f"{c}{r}") != "" for r in leaves for c in "ABCD")
    pagu = sum(indonesian(at(rows, f"{c}{r}")) for r in leaves for c in "FHJL")
    realisasi = sum(indonesian(at(rows, f"{c}{r}")) for r in leaves for c in "GIKM")
    assert (pagu, realisasi) == (expected.pagu, expected.realisasi)
    assert at(rows, f"A{expected.total_row}") == "Jumlah"
    stated = sum(indonesian(at(rows, f"{c}{expected.total_row}")) for c in "FHJL")
    assert stated == expected.stated.pagu == expected.pagu
    for group, (anggaran, real) in zip(expected.per_kelompok, ("FG", "HI", "JK", "LM"), strict=True):
        assert sum(indonesian(at(rows, f"{anggaran}{r}")) for r in leaves) == expected.per_kelompok[group].pagu
        assert sum(indonesian(at(rows, f"{real}{r}")) for r in leaves) == expected.per_kelompok[group].realisasi
    mixed = [at(rows, f"G{r}") for r in range(9, expected.total_row)]
    assert any(isinstance(v, float) for v in mixed) and any(isinstance(v, str) for v in mixed)
    assert all(expected.per_kelompok[g].pagu > 0 for g in expected.per_kelompok)
    # Parent rows carry the sums of the kegiatan under them: summing every row would count twice.
    everything = sum(indonesian(at(rows, f"F{r}")) for r in range(9, expected.total_row))
    assert everything > 2 * expected.per_kelompok["Operasi"].pagu


def test_sipd_stated_total_can_disagree(tmp_path: Path) -> None:
    expected = sipd_lra(tmp_path / "lra.xlsx", rows=12, jumlah_delta=-5_000_000)
    rows = grid(expected.path)
    assert indonesian(at(rows, f"F{expected.total_row}")) == expected.per_kelompok["Operasi"].pagu - 5_000_000
    assert expected.stated.pagu == expected.pagu - 5_000_000


# --- ADK ---------------------------------------------------------------------------------------------


def _adk_lines(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("ascii")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    return [line.split("|") for line in text.split("\r\n") if line]


def test_adk_raw_form(tmp_path: Path) -> None:
    expected = adk_items(tmp_path / "d_item25.csv", header=False, satkers=4, rows_per_satker=50, seed=2)
    lines = _adk_lines(expected.path)
    assert len(D_ITEM_COLUMNS) == 77 and expected.columns == D_ITEM_COLUMNS
    assert len(lines) == expected.rows and all(len(line) == 77 for line in lines)
    index = {name: i for i, name in enumerate(D_ITEM_COLUMNS)}
    assert lines[0][index["thang"]] == "^2025^" and lines[0][index["kddept"]] == "^076^"
    assert all(re.fullmatch(r"\^\d{6}\^", line[index["kdsatker"]]) for line in lines)
    assert all(re.fullmatch(r"\d+", line[index["jumlah"]]) for line in lines)  # numbers stay bare
    per_satker: dict[str, int] = {}
    for line in lines:
        satker = line[index["kdsatker"]].strip("^")
        per_satker[satker] = per_satker.get(satker, 0) + int(line[index["jumlah"]])
        months = sum(int(line[index[m]]) for m in D_ITEM_COLUMNS[index["januari"] : index["desember"] + 1])
        assert months == int(line[index["jumlah"]])
        assert int(line[index["jumlah"]]) == int(line[index["volkeg"]]) * int(line[index["hargasat"]])
    assert per_satker == dict(expected.per_satker) and len(per_satker) == 4
    assert sum(per_satker.values()) == expected.pagu
    assert {line[index["kdakun"]].strip("^")[:2] for line in lines} == {"51", "52", "53"}
    headings = [line for line in lines if line[index["kdheader"]] == "^1^"]
    assert headings and all(int(line[index["jumlah"]]) == 0 for line in headings)
    assert expected.item_rows == expected.rows - len(headings)


def test_adk_with_header_and_legacy_list(tmp_path: Path) -> None:
    expected = adk_items(tmp_path / "adk.csv", header=True, satkers=2, rows_per_satker=20)
    lines = _adk_lines(expected.path)
    assert lines[0] == list(D_ITEM_COLUMNS) and not expected.wrapped
    assert "^" not in expected.path.read_text() and len(lines) == expected.rows + 1
    jumlah = D_ITEM_COLUMNS.index("jumlah")
    assert sum(int(line[jumlah]) for line in lines[1:]) == expected.pagu
    legacy = adk_items(tmp_path / "lama.csv", legacy=True)
    assert len(_adk_lines(legacy.path)[0]) == 75 and "jumlah2" not in legacy.columns


# --- BMN ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["simak", "sakti", "siman"])
@pytest.mark.parametrize("with_condition", [True, False])
def test_bmn_registers(tmp_path: Path, style: str, with_condition: bool) -> None:
    expected = bmn_register(tmp_path / f"{style}.xlsx", style=style, rows=300, with_condition=with_condition)
    rows = grid(expected.path)
    header = [c for c in rows[expected.header_row - 1] if c != ""]
    assert tuple(header) == expected.columns
    body = rows[expected.header_row :]
    assert len(body) == expected.rows
    col = {name: i for i, name in enumerate(rows[expected.header_row - 1])}
    names = {
        "simak": ("KD_SATKER", "KD_BRG", "NO_ASET", "RPH_ASET", "RPH_SUSUT", "NILAI_BUKU", "KOND"),
        "sakti": ("Kode Satker", "Kode Barang", "NUP", "Nilai Perolehan", "Nilai Penyusutan", "Nilai Buku", "Kondisi"),
        "siman": ("Kode Satker", "Kode Barang", "NUP", "Nilai Perolehan", "Nilai Penyusutan", "Nilai Buku", "Kondisi"),
    }[style]
    satker, kode, nup, aset, susut, buku, kondisi = names
    assert col[kode] == col[satker] + 1  # side by side, neither a duplicate
    assert all(r[col[satker]] == "123456" and re.fullmatch(r"\d{10}", str(r[col[kode]])) for r in body)
    assert sum(r[col[aset]] for r in body) == expected.nilai_perolehan
    assert sum(r[col[susut]] for r in body) == expected.nilai_penyusutan
    assert sum(r[col[buku]] for r in body) == expected.nilai_buku
    assert all(
        isinstance(r[col[next(c for c in col if "TGL" in str(c) or "Tgl" in str(c) or "Tanggal" in str(c))]], date)
        for r in body
    )
    seen: dict[tuple[object, object], int] = {}
    for r in body:
        seen[(r[col[kode]], r[col[nup]])] = seen.get((r[col[kode]], r[col[nup]]), 0) + 1
    assert max(seen.values()) == 1  # NUP numbers the units of one kode barang
    if style == "sakti":
        assert col["Tipe"] == col["Merk"] + 1
    if with_condition:
        words = {
            "simak": {1.0: "B", 2.0: "RR", 3.0: "RB"},
            "sakti": {"Baik": "B", "Rusak Ringan": "RR", "Rusak Berat": "RB"},
        }
        mapping = words.get(style, {"B": "B", "RR": "RR", "RB": "RB"})
        counts = {"B": 0, "RR": 0, "RB": 0}
        for r in body:
            counts[mapping[r[col[kondisi]]]] += 1  # type: ignore[index]
        assert counts == dict(expected.conditions or {})
        assert expected.good_share == counts["B"] / expected.rows
    else:
        assert kondisi not in col and expected.conditions is None and expected.good_share is None
    assert sum(expected.per_kelompok.values()) == expected.rows


def test_bmn_hundred_thousand_rows_quickly(tmp_path: Path) -> None:
    start = time.perf_counter()
    expected = bmn_register(tmp_path / "besar.xlsx", style="sakti", rows=100_000)
    elapsed = time.perf_counter() - start
    assert elapsed < 30, f"{elapsed:.1f} s"
    rows = grid(expected.path)
    assert len(rows) == expected.header_row + 100_000
    assert sum(r[10] for r in rows[expected.header_row :]) == expected.nilai_perolehan


# --- staff ---------------------------------------------------------------------------------------------


def test_siasn_staff_list(tmp_path: Path) -> None:
    expected = siasn_staff(tmp_path / "pegawai.xlsx", rows=40, ppnpn=5, seed=4)
    workbook = openpyxl.load_workbook(expected.path)
    sheet = workbook[expected.sheet]
    header = [c.value for c in sheet[1]]
    assert tuple(header) == expected.columns
    col = {name: i + 1 for i, name in enumerate(header)}
    assert expected.serial_birth_cells and expected.date_birth_cells and expected.nbsp_cells
    for person, row in zip(expected.people, range(2, expected.rows + 2), strict=True):
        nip = sheet.cell(row, col["nip"]).value
        assert isinstance(nip, str) and re.fullmatch(r"\d{18}", nip) and nip == person.nip
        birth_cell = sheet.cell(row, col["Tanggal Lahir"])
        if birth_cell.coordinate in expected.serial_birth_cells:
            assert isinstance(birth_cell.value, int) and birth_cell.number_format == "General"
            birth = date(1899, 12, 30) + timedelta(days=birth_cell.value)
        else:
            assert birth_cell.is_date and birth_cell.number_format == "dd-mm-yyyy"
            birth = birth_cell.value.date()
        gender = sheet.cell(row, col["Jenis Kelamin"]).value.replace("\u00a0", "")
        assert gender in ("LAKI-LAKI", "PEREMPUAN")
        assert (nip[:8], nip[14]) == (birth.strftime("%Y%m%d"), "1" if gender == "LAKI-LAKI" else "2")
        tmt = sheet.cell(row, col["TMT CPNS"]).value
        assert nip[8:14] == tmt.strftime("%Y%m") and birth == person.birth
        assert sheet.cell(row, col["pangkat"]).value and sheet.cell(row, col["golongan"]).value == person.golongan
    assert all("\u00a0" in sheet[ref].value for ref in expected.nbsp_cells)
    assert expected.men + expected.women == expected.rows and 0 < expected.women < expected.rows
    ppnpn = workbook[expected.ppnpn_sheet or ""]
    assert ppnpn.max_row == 6 and "nip" not in [c.value for c in ppnpn[1]]


# --- percent cells ----------------------------------------------------------------------------------------


def test_percent_cells_sheet(tmp_path: Path) -> None:
    expected = percent_cells(tmp_path / "indikator.xlsx", rows=14)
    sheet = openpyxl.load_workbook(expected.path)[expected.sheet]
    assert [c.value for c in sheet[expected.header_row]][:6] == [
        "No",
        "Sasaran Strategis",
        "Indikator Kinerja",
        "Satuan",
        "Target",
        "Realisasi",
    ]
    kinds = {line.kind for line in expected.rows}
    assert kinds == {"pct2", "pct0", "pct1", "text", "number", "literal", "count"}
    for line in expected.rows:
        cell = sheet.cell(line.row, 6)
        if line.kind in ("pct2", "pct0", "pct1"):
            assert cell.number_format in ("0.00%", "0%", "0.0%") and cell.value * 100 == pytest.approx(line.realisasi)
        elif line.kind == "text":
            assert isinstance(cell.value, str) and cell.value.endswith("%")
        elif line.kind == "literal":
            assert cell.number_format == '0.00"%"' and cell.value == line.realisasi
        else:
            assert cell.number_format == "General" and cell.value == line.realisasi
        assert ((line.row - 1, 5) in expected.percent_cells) is line.realisasi_is_percent_cell
    targets = [sheet.cell(line.row, 5) for line in expected.rows if line.satuan == "%"]
    assert {type(c.value) for c in targets} == {int, str}


# --- all at once ------------------------------------------------------------------------------------------


def test_write_one_of_each(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert write_all([str(tmp_path), "--rows", "120"]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert len(written) == 10 and "glp039_oktober_2025.xlsx" in written and "d_item25.csv" in written
    assert "pagu=" in capsys.readouterr().out
    for path in tmp_path.glob("*.xlsx"):
        assert openpyxl.load_workbook(path, read_only=True).sheetnames
