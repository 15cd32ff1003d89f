"""Percent number formats read from styles.xml and the sheet XML (calamine drops them).

Most packages here are built by hand, part by part, so each test controls exactly the XML that a
writer produced: builtin and custom formats, attribute order, prefixes, missing ``r`` attributes.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from lakip_core.reading import xlsx_formats
from lakip_core.reading.xlsx_formats import is_percent_format, percent_cells, percent_styles
from tests.real_exports import glp039
from tests.real_exports import percent_cells as percent_fixture

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def styles_xml(xf_formats: Sequence[int], custom: Mapping[int, str] | None = None, extra: str = "") -> str:
    """A styles part whose ``cellXfs[i]`` uses number format id ``xf_formats[i]``."""
    fmts = "".join(
        f'<numFmt numFmtId="{i}" formatCode="{code.replace(chr(34), "&quot;")}"/>' for i, code in (custom or {}).items()
    )
    xfs = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0" xfId="0"/>' for i in xf_formats)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
        + (f'<numFmts count="{len(custom or {})}">{fmts}</numFmts>' if custom else "")
        + f'<cellXfs count="{len(xf_formats)}">{xfs}</cellXfs>{extra}</styleSheet>'
    )


def package(
    sheets: Mapping[str, str],
    styles: str | None,
    workbook_part: str = "xl/workbook.xml",
    absolute_targets: bool = False,
) -> bytes:
    """An .xlsx package: ``sheets`` maps a sheet name to the body of its ``<sheetData>``.

    Sheet ``i`` (in order) is stored as ``worksheets/sheet{n - i}.xml`` (reversed), so the part
    names never match the sheet order and the relationships must be followed.
    """
    buffer = io.BytesIO()
    base = workbook_part.rsplit("/", 1)[0]
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC}/officeDocument" '
            f'Target="{workbook_part}"/></Relationships>',
        )
        entries, rels = [], []
        for index, (name, body) in enumerate(sheets.items(), start=1):
            part = f"worksheets/sheet{len(sheets) + 1 - index}.xml"
            target = f"/{base}/{part}" if absolute_targets else part
            entries.append(f'<sheet name="{name}" sheetId="{index}" r:id="rId{index}"/>')
            rels.append(f'<Relationship Id="rId{index}" Type="{DOC}/worksheet" Target="{target}"/>')
            archive.writestr(
                f"{base}/{part}",
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
                f"<sheetData>{body}</sheetData></worksheet>",
            )
        if styles is not None:
            rels.append(f'<Relationship Id="rIdS" Type="{DOC}/styles" Target="styles.xml"/>')
            archive.writestr(f"{base}/styles.xml", styles)
        archive.writestr(
            workbook_part,
            f'<workbook xmlns="{MAIN}" xmlns:r="{DOC}"><sheets>{"".join(entries)}</sheets></workbook>',
        )
        name = workbook_part.rsplit("/", 1)[1]
        archive.writestr(f"{base}/_rels/{name}.rels", f'<Relationships xmlns="{RELS}">{"".join(rels)}</Relationships>')
    return buffer.getvalue()


def cells_of(result: xlsx_formats.PercentCells | None) -> set[tuple[int, int]]:
    assert result is not None
    return set(result.cells())


# --- format codes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("0%", True),
        ("0.00%", True),
        ("0.0%", True),
        ("#,##0.00%", True),
        ("[Red]0.00%", True),
        ("0.00%;[Red]-0.00%", True),
        ('"capaian "0%', True),
        ('0.00"%"', False),  # a literal % in quotes: the value is not scaled
        ("0.00\\%", False),  # an escaped % is literal too
        ("0.00_%", False),  # _ pads the width of the next character
        ("*%0", False),  # * repeats the next character as a fill
        ("[$%-409]0.00", False),  # brackets are locale / colour / condition
        ("0.00;-0.00%", False),  # only the first (positive) section counts
        ("General", False),
        ("dd/mm/yyyy", False),
        ("", False),
    ],
)
def test_percent_format_codes(code: str, expected: bool) -> None:
    assert is_percent_format(code) is expected


def test_percent_styles_builtin_custom_and_redefined() -> None:
    styles = styles_xml(
        [0, 9, 10, 164, 165, 166, 14, 167],
        custom={164: "0.00%", 165: "0%", 166: '0.00"%"', 167: "#,##0"},
        # A differential format (conditional formatting) is not a cell style.
        extra='<dxfs count="1"><dxf><numFmt numFmtId="168" formatCode="0%"/></dxf></dxfs>',
    )
    assert percent_styles(styles.encode()) == frozenset({1, 2, 3, 4})
    redefined = styles_xml([9, 10], custom={9: "0.0"})  # a numFmt may redefine a builtin id
    assert percent_styles(redefined.encode()) == frozenset({1})


# --- which cells ----------------------------------------------------------------------------------


STYLES = styles_xml([0, 9, 10, 164, 165, 166, 14], custom={164: "0.00%", 165: "0%", 166: '0.00"%"'})


def test_numeric_cells_with_percent_styles_only() -> None:
    body = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Realisasi</t></is></c></row>'
        '<row r="2"><c r="A2" s="1"><v>1</v></c>'  # builtin 9
        '<c r="B2" s="2" t="n"><v>0.9985</v></c>'  # builtin 10, explicit t="n"
        '<c r="C2" s="3"><v>0.5</v></c>'  # custom 0.00%
        '<c r="D2" s="4"><v>0.25</v></c>'  # custom 0%
        '<c r="E2" s="5"><v>98.5</v></c>'  # custom 0.00"%": not a percent
        '<c r="F2"><v>0.75</v></c>'  # no s: style 0
        '<c r="G2" s="6"><v>45000</v></c></row>'  # a date
        '<row r="3"><c r="A3" s="2" t="s"><v>1</v></c>'  # shared string with a percent style
        '<c r="B3" s="2" t="inlineStr"><is><t>100%</t></is></c>'  # inline string
        '<c r="C3" s="2" t="str"><f>"x"</f><v>x</v></c>'  # formula string
        '<c r="D3" s="2" t="b"><v>1</v></c>'  # boolean
        '<c r="E3" s="2"/>'  # styled but empty
        '<c r="F3" s="2" t="e"><v>#DIV/0!</v></c></row>'
    )
    result = percent_cells(package({"Data": body}, STYLES), "Data")
    assert cells_of(result) == {(1, 0), (1, 1), (1, 2), (1, 3)}


def test_columns_limit_the_answer() -> None:
    body = "".join(
        f'<row r="{r}"><c r="A{r}" s="2"><v>0.5</v></c><c r="C{r}" s="2"><v>0.7</v></c></row>' for r in range(1, 6)
    )
    data = package({"Data": body}, STYLES)
    assert cells_of(percent_cells(data, "Data", columns=[2])) == {(r, 2) for r in range(5)}
    assert cells_of(percent_cells(data, "Data", columns=range(10))) == {(r, c) for r in range(5) for c in (0, 2)}
    assert cells_of(percent_cells(data, "Data", columns=[1])) == set()


def test_sheets_are_found_through_relationships() -> None:
    first = '<row r="1"><c r="A1" s="2"><v>0.5</v></c></row>'
    second = '<row r="4"><c r="B4" s="1"><v>1</v></c></row>'
    for absolute in (False, True):
        data = package({"Pertama": first, "GLP039_LAPORAN REALISASI SUPER ": second}, STYLES, absolute_targets=absolute)
        assert cells_of(percent_cells(data, "Pertama")) == {(0, 0)}
        assert cells_of(percent_cells(data, "GLP039_LAPORAN REALISASI SUPER ")) == {(3, 1)}
        fallback = percent_cells(data, "glp039_laporan realisasi super")  # case and spaces forgiven
        assert fallback is not None and fallback.sheet == "GLP039_LAPORAN REALISASI SUPER "
        assert percent_cells(data, "Tidak Ada") is None
    moved = package({"Data": first}, STYLES, workbook_part="xl/main/book.xml")
    assert cells_of(percent_cells(moved, "Data")) == {(0, 0)}


@pytest.mark.parametrize(
    "body",
    [
        '<row r="2"><x:c r="B2" s="2"><x:v>0.5</x:v></x:c><x:c r="C2" s="2" t="s"><x:v>0</x:v></x:c></row>',
        '<row r="2"><c s="2" r="B2"><v>0.5</v></c><c t="s" s="2" r="C2"><v>0</v></c></row>',
        "<row r='2'><c r='B2' s='2'><v>0.5</v></c><c r='C2' s='2' t='s'><v>0</v></c></row>",
        '<row r="2" s="2" customFormat="1"><c r="A2" s="0"/><c r="B2" s="2"><v>0.5</v></c></row>',
        '<row r = "2"><c r = "A2"/><c r = "B2" s = "2"><v>0.5</v></c><c r = "C2" s = "2" t = "s"><v>0</v></c></row>',
    ],
    ids=["namespace-prefix", "s-before-r", "single-quotes", "styled-row", "spaces"],
)
def test_cells_written_in_other_ways(body: str) -> None:
    assert cells_of(percent_cells(package({"Data": body}, STYLES), "Data")) == {(1, 1)}


def test_cells_without_r_are_placed_by_counting() -> None:
    body = (
        '<row r="2"><c><v>1</v></c><c s="2"><v>0.5</v></c></row>'
        '<row><c r="C3" s="1"><v>1</v></c><c s="2"><v>0.25</v></c></row>'
        '<row r="7"><c s="2" t="s"><v>0</v></c><c s="2"><v>0.1</v></c></row>'
    )
    assert cells_of(percent_cells(package({"Data": body}, STYLES), "Data")) == {(1, 1), (2, 2), (2, 3), (6, 1)}


def test_a_percent_default_style_makes_unstyled_cells_percent() -> None:
    styles = styles_xml([10, 0])
    body = '<row r="1"><c r="A1"><v>0.5</v></c><c r="B1" s="1"><v>2</v></c><c r="C1" s="0"><v>0.1</v></c></row>'
    assert cells_of(percent_cells(package({"Data": body}, styles), "Data")) == {(0, 0), (0, 2)}


def test_no_percent_style_or_no_styles_part_gives_an_empty_answer() -> None:
    body = '<row r="1"><c r="A1" s="1"><v>0.5</v></c></row>'
    for data in (package({"Data": body}, styles_xml([0, 14])), package({"Data": body}, None)):
        result = percent_cells(data, "Data")
        assert result is not None and len(result) == 0 and not result


def test_chunk_boundaries_do_not_lose_cells(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>baris {r}</t></is></c>'
        f'<c r="B{r}" s="{1 + r % 2}"><v>0.{r}</v></c>'
        f'<c r="C{r}" s="3" t="s"><v>{r}</v></c></row>'
        for r in range(1, 400)
    )
    data = package({"Data": body}, STYLES)
    whole = cells_of(percent_cells(data, "Data"))
    assert whole == {(r - 1, 1) for r in range(1, 400)}
    for size in (7, 64, 1000):
        monkeypatch.setattr(xlsx_formats, "_CHUNK", size)
        assert cells_of(percent_cells(data, "Data")) == whole
        assert cells_of(percent_cells(data, "Data", columns=[1])) == whole


# --- not an xlsx -------------------------------------------------------------------------------


def _ods() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _xls() -> bytes:
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Data")
    sheet.write(0, 0, 0.5, xlwt.easyxf(num_format_str="0.00%"))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [b"", b"No;Indikator;Realisasi\r\n1;Penyerapan;99,85%\r\n", b"%PDF-1.7\n", b"PK\x03\x04broken", _xls(), _ods()],
    ids=["empty", "csv", "pdf", "broken-zip", "xls", "ods"],
)
def test_other_inputs_give_none(data: bytes) -> None:
    assert percent_cells(data, "Data") is None


def test_hostile_or_binary_parts_give_none() -> None:
    body = '<row r="1"><c r="A1" s="1"><v>0.5</v></c></row>'
    dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "0%">]>' + styles_xml([0, 9]).split("?>", 1)[1]
    assert percent_cells(package({"Data": body}, dtd), "Data") is None
    xlsb = io.BytesIO()
    with zipfile.ZipFile(xlsb, "w") as archive:
        relation = f'<Relationship Id="r" Type="{DOC}/officeDocument" Target="xl/workbook.bin"/>'
        archive.writestr("_rels/.rels", f'<Relationships xmlns="{RELS}">{relation}</Relationships>')
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    assert percent_cells(xlsb.getvalue(), "Data") is None


# --- real files ------------------------------------------------------------------------------------


def test_indicator_sheet_written_by_openpyxl(tmp_path: Path) -> None:
    expected = percent_fixture(tmp_path / "indikator.xlsx", rows=21)
    data = expected.path.read_bytes()
    result = percent_cells(data, expected.sheet)
    assert result is not None
    assert set(result.cells()) == expected.percent_cells
    assert not expected.literal_cells & set(result.cells())
    grid = (
        CalamineWorkbook.from_filelike(io.BytesIO(data))
        .get_sheet_by_name(expected.sheet)
        .to_python(skip_empty_area=False)
    )
    mask = result.mask(len(grid), len(grid[0]))
    assert mask.sum() == len(expected.percent_cells)
    for row, col in expected.percent_cells:
        assert mask[row, col] and isinstance(grid[row][col], float)
    # With the percent mask the realisasi column reads as percent points whatever its cells are.
    for line in expected.rows:
        value = grid[line.row - 1][5]
        if (line.row - 1, 5) in result:
            value = value * 100
        elif isinstance(value, str):
            value = float(value.rstrip("%").replace(",", "."))
        assert value == pytest.approx(line.realisasi), line


def test_mask_with_an_origin_and_membership() -> None:
    body = (
        '<row r="3"><c r="B3" s="2"><v>0.5</v></c><c r="D3" s="2"><v>0.5</v></c></row>'
        '<row r="5"><c r="D5" s="1"><v>1</v></c></row>'
    )
    result = percent_cells(package({"Data": body}, STYLES), "Data")
    assert result is not None and len(result) == 3
    assert (2, 1) in result and (4, 3) in result and (4, 1) not in result and "B3" not in result
    assert result.rows(3).tolist() == [2, 4] and result.rows(9).tolist() == []
    trimmed = result.mask(3, 3, origin=(2, 1))  # calamine's default grid starts at the first used cell
    assert trimmed.tolist() == [[True, False, True], [False, False, False], [False, False, True]]
    assert result.mask(2, 2).sum() == 0


def test_glp039_has_no_percent_formats_and_agrees_with_the_slow_path(tmp_path: Path) -> None:
    expected = glp039(tmp_path / "glp039.xlsx", rows=120)
    data = expected.path.read_bytes()
    result = percent_cells(data, expected.sheet)
    assert result is not None and len(result) == 0  # its "%" column holds plain fractions
    # Give every number cell a percent style: fast and slow paths must agree.
    patched = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(patched, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "xl/styles.xml":
                content = styles_xml([0, 10]).encode()
            elif item.filename.startswith("xl/worksheets/"):
                content = content.replace(b'"><v>', b'" s="1"><v>')
            target.writestr(item, content)
    fast = percent_cells(patched.getvalue(), expected.sheet)
    assert fast is not None and len(fast) > expected.rows
    with zipfile.ZipFile(patched) as archive, archive.open("xl/worksheets/sheet1.xml") as stream:
        slow = xlsx_formats._scan_positions(stream, frozenset({1}), None)
    assert {(r, c) for c, rows in slow.items() for r in rows} == set(fast.cells())


def test_openpyxl_agrees_on_a_mixed_sheet(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    formats = ["0%", "0.00%", "0.0%", '0.00"%"', "General", "#,##0", "0.00%;[Red]-0.00%"]
    for r in range(1, 30):
        for c, fmt in enumerate(formats, start=1):
            cell = sheet.cell(r, c, 0.5 if (r + c) % 4 else "teks")
            cell.number_format = fmt
    workbook.save(tmp_path / "mixed.xlsx")
    expected = {
        (cell.row - 1, cell.column - 1)
        for row in openpyxl.load_workbook(tmp_path / "mixed.xlsx").active.iter_rows()
        for cell in row
        if isinstance(cell.value, float) and is_percent_format(cell.number_format)
    }
    result = percent_cells((tmp_path / "mixed.xlsx").read_bytes(), sheet.title)
    assert cells_of(result) == expected and len(expected) > 50
    assert np.array_equal(result.rows(0), sorted(r for r, c in expected if c == 0))


def test_a_damaged_sheet_gives_none() -> None:
    body = "".join(f'<row r="{r}"><c r="A{r}" s="2"><v>0.{r}</v></c></row>' for r in range(1, 3000))
    deflated = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package({"Data": body}, STYLES))) as source,
        zipfile.ZipFile(deflated, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, source.read(item))
    data = bytearray(deflated.getvalue())
    assert cells_of(percent_cells(bytes(data), "Data")) == {(r, 0) for r in range(2999)}
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        member = next(i for i in archive.infolist() if "worksheets" in i.filename)
    middle = member.header_offset + 30 + len(member.filename) + member.compress_size // 2
    data[middle : middle + 40] = bytes(40)
    assert percent_cells(bytes(data), "Data") is None
