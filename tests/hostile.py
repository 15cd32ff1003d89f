"""Hostile names for the escaping tests: the sample's files with HTML, markdown, KaTeX, directives,
autolinks, RTL overrides and 10,000-character strings put into every name a page shows.

Each payload carries a capital-letter marker (TEBAL, TAUTAN, ...) so a test can find where it ended
up; :data:`RAW_MARKUP` lists the pieces that must never reach a markdown element unescaped.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import openpyxl

from tests.intake_helpers import SAMPLE

HTML = "<b>TEBAL</b><a href='https://evil.example/b'>TAUTANB</a><img src=x onerror=alert(1)>"
MARKDOWN = "[TAUTAN](http://evil.example/x) ![GAMBAR](http://127.0.0.1:9/s.png) __GARIS__ **BINTANG** ~CORET~"
DIRECTIVES = "$x^2$ :red[MERAH] :material/home: :streamlit: :smile:"
AUTOLINKS = "www.evil.example https://evil.example/a budi@evil.example"
RTL = "\u202eTERBALIK\u202c"
ENTITY = "&lt;i&gt;ENTITAS&lt;/i&gt;"
LONG = "PANJANG" + "x" * 10_000
# Excel sheet names: at most 31 characters, none of []:*?/\
SHEET = "PK <b>x<b> __T__ $x^2$ ~S~"
SATKER = "KPU ![s](http://127.0.0.1:9999/s.png) <b>TEBAL</b> $x^2$ www.evil.example \u202eKOTA"
FILENAME = "<b>berkas</b> [TAUTAN](http://evil.example) $x$ \u202e.xlsx"
SCENARIO = "Skenario <b>TEBAL</b> [TAUTAN](http://evil.example) :red[MERAH]"

NAMES = [HTML, MARKDOWN, DIRECTIVES, AUTOLINKS + " " + RTL, ENTITY, LONG]

# Unescaped, any of these in a markdown element would become markup, a link, an image, maths,
# colour, an icon or reversed text.
RAW_MARKDOWN = [
    "<b>",
    "<a ",
    "<img",
    "](",
    "![",
    "$x^2$",
    "$x$",
    ":red[",
    ":material/",
    ":material_",
    ":streamlit:",
    ":smile:",
    "http://",
    "https://",
    "www.",
    "@evil",
    "__GARIS__",
    "**BINTANG**",
    "~CORET~",
    "\u202e",
    "&lt;",
]
MARKERS = ["TEBAL", "TAUTAN", "GARIS", "MERAH", "evil", "TERBALIK", "ENTITAS", "PANJANG"]
# The only markup chart code adds itself; anything else in a figure string came from data.
PLOTLY_TAGS = re.compile(r"<(/?b|br|/span|span style='font-size:\d+px'|/?extra)>")


def _replace_column(sheet: Any, header: str, names: list[str], suffix_keep: bool = False) -> None:
    """Put ``names`` (cycled) into the cells under the column titled ``header``."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.strip() == header:
                column, start = cell.column, cell.row + 1
                count = 0
                for number in range(start, sheet.max_row + 1):
                    target = sheet.cell(number, column)
                    if isinstance(target.value, str) and target.value.strip() and not target.value.isdigit():
                        name = names[count % len(names)]
                        code = re.search(r"\(\d+\)\s*$", target.value) if suffix_keep else None
                        target.value = f"{name} {code.group(0)}" if code else name
                        count += 1
                return


def _save(workbook: Any) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def indicators_xlsx() -> bytes:
    """The sample's indicator workbook: hostile sasaran and indicator names, a hostile PK sheet name."""
    workbook = openpyxl.load_workbook(SAMPLE / "indikator_kinerja_2024.xlsx")
    main = workbook["Capaian Kinerja"]
    _replace_column(main, "Sasaran", NAMES, suffix_keep=True)
    _replace_column(main, "Indikator Kinerja", list(reversed(NAMES)))
    pk = workbook["PK Ketua"]
    _replace_column(pk, "Sasaran Strategis", NAMES)
    pk.title = SHEET
    return _save(workbook)


def budget_xlsx() -> bytes:
    """The sample's budget with hostile kegiatan names (the kegiatan code in brackets kept)."""
    workbook = openpyxl.load_workbook(SAMPLE / "anggaran_2024.xlsx")
    _replace_column(workbook["Anggaran"], "Program", NAMES, suffix_keep=True)
    return _save(workbook)


def assets_xlsx() -> bytes:
    """The sample's asset register with hostile item names, brands and origins."""
    workbook = openpyxl.load_workbook(SAMPLE / "aset_bmn_2024.xlsx")
    for sheet in workbook.worksheets:
        _replace_column(sheet, "Nama Barang", NAMES)
        _replace_column(sheet, "Merk Barang", list(reversed(NAMES)))
    _replace_column(workbook["Peralatan"], "Perolehan", [HTML, MARKDOWN])
    return _save(workbook)


def staff_xlsx() -> bytes:
    """The sample's staff list with hostile names, divisions and Korwil."""
    workbook = openpyxl.load_workbook(SAMPLE / "pegawai_2024.xlsx")
    for sheet in workbook.worksheets:
        _replace_column(sheet, "Nama", NAMES)
    _replace_column(workbook["Komisioner"], "Divisi", [MARKDOWN, DIRECTIVES, HTML])
    _replace_column(workbook["Komisioner"], "Korwil Kecamatan", [AUTOLINKS, RTL, ENTITY])
    return _save(workbook)


def strings(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every string inside a JSON-like value (dicts, lists) with its path."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{path}[{index}]")
