"""A small streaming .xlsx writer that writes cells the way SAKTI's report engine does.

openpyxl always writes text through ``sharedStrings.xml`` and integers as integers. The real
GLP039 download has no ``sharedStrings.xml``: every text cell is ``t="inlineStr"`` with
``<is><t>…</t></is>``, and every number is a Java double (``2.037392E10``, ``1500000.0``).
Readers must cope with both, so the SAKTI fixtures are written with this module (it is also
~8x faster than openpyxl's write-only mode, which matters for the 100,000-row registers).

Only what the fixtures need: several sheets, text / numbers / dates, a number format per cell,
merged ranges. Rows are streamed to a temporary file, so memory stays flat for large sheets.
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape

EXCEL_EPOCH = date(1899, 12, 30)
# Number formats Excel knows by id; anything else gets a custom id from 164 on.
BUILTIN_FORMATS = {"General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "mm-dd-yy": 14}
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Fmt:
    """A cell value with an explicit number format (``Fmt(0.9985, "0.00%")``)."""

    value: object
    number_format: str


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_index(letters: str) -> int:
    """A → 0, AA → 26."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def java_double(value: float) -> str:
    """Java's ``Double.toString``: plain between 10^-3 and 10^7, else ``2.037392E10``."""
    number = float(value)
    if number == 0:
        return "0.0"
    if 1e-3 <= abs(number) < 1e7:
        text = repr(number)
        return text if ("." in text or "e" in text) else text + ".0"
    sign, digits, exponent = Decimal(repr(number)).normalize().as_tuple()
    assert isinstance(exponent, int)
    mantissa = "".join(map(str, digits))
    power = len(digits) - 1 + exponent
    return f"{'-' if sign else ''}{mantissa[0]}.{mantissa[1:] or '0'}E{power}"


def excel_serial(value: date) -> float:
    """Days since 1899-12-30 (Excel's 1900 system), with the time as a fraction."""
    if isinstance(value, datetime):
        delta = value - datetime(1899, 12, 30)
        return delta.days + delta.seconds / 86400
    return float((value - EXCEL_EPOCH).days)


class _Styles:
    def __init__(self) -> None:
        self.formats: list[str] = []  # index i → cellXfs index i + 1

    def index(self, number_format: str) -> int:
        if number_format not in self.formats:
            self.formats.append(number_format)
        return self.formats.index(number_format) + 1

    def xml(self) -> str:
        custom: dict[str, int] = {}
        xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
        for code in self.formats:
            fmt_id = BUILTIN_FORMATS.get(code)
            if fmt_id is None:
                fmt_id = custom.setdefault(code, 164 + len(custom))
            xfs.append(f'<xf numFmtId="{fmt_id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>')
        num_fmts = "".join(
            f'<numFmt numFmtId="{fmt_id}" formatCode="{escape(code, {chr(34): "&quot;"})}"/>'
            for code, fmt_id in custom.items()
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN_NS}">'
            + (f'<numFmts count="{len(custom)}">{num_fmts}</numFmts>' if custom else "")
            + '<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill>'
            '<fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )


class Sheet:
    """One worksheet being written; rows are appended in order (1-based row numbers)."""

    def __init__(self, name: str, styles: _Styles, spool: IO[str]) -> None:
        self.name = name
        self._styles = styles
        self._spool = spool
        self.row_count = 0
        self.merges: list[str] = []
        self.max_col = 0

    def append(self, cells: Sequence[object]) -> int:
        """Write the next row (``None`` = empty cell); returns its 1-based row number."""
        self.row_count += 1
        number = self.row_count
        parts = [f'<row r="{number}">']
        for col, value in enumerate(cells):
            if value is None:
                continue
            parts.append(self._cell(f"{column_letter(col)}{number}", value))
            self.max_col = max(self.max_col, col)
        parts.append("</row>")
        self._spool.write("".join(parts))
        return number

    def append_many(self, rows: Iterable[Sequence[object]]) -> None:
        for row in rows:
            self.append(row)

    def merge(self, ref: str) -> None:
        """Merge a range such as ``"R7:S8"`` (the value stays in its top-left cell)."""
        self.merges.append(ref)

    def _cell(self, ref: str, value: object) -> str:
        style = ""
        if isinstance(value, Fmt):
            style = f' s="{self._styles.index(value.number_format)}"'
            value = value.value
        elif isinstance(value, date):
            style = f' s="{self._styles.index("dd/mm/yyyy")}"'
        if isinstance(value, str):
            space = ' xml:space="preserve"' if value != value.strip() or "\t" in value or "\n" in value else ""
            return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{escape(value)}</t></is></c>'
        if isinstance(value, bool):
            return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
        if isinstance(value, date):
            value = excel_serial(value)
        if isinstance(value, int | float):
            return f'<c r="{ref}"{style}><v>{java_double(value)}</v></c>'
        raise TypeError(f"cannot write {type(value).__name__} at {ref}")


class Workbook:
    """``with Workbook(path) as book: sheet = book.sheet("Data"); sheet.append([...])``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._styles = _Styles()
        self._sheets: list[tuple[Sheet, IO[str]]] = []

    def sheet(self, name: str) -> Sheet:
        spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (closed in __exit__)
        sheet = Sheet(name, self._styles, spool)
        self._sheets.append((sheet, spool))
        return sheet

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if exc[0] is None:
                self.save()
        finally:
            for _, spool in self._sheets:
                spool.close()

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:

            def member(name: str) -> zipfile.ZipInfo:  # a fixed timestamp: same seed, same bytes
                info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                return info

            archive.writestr(member("[Content_Types].xml"), self._content_types())
            archive.writestr(
                member("_rels/.rels"),
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
            )
            archive.writestr(member("xl/workbook.xml"), self._workbook())
            archive.writestr(member("xl/_rels/workbook.xml.rels"), self._workbook_rels())
            archive.writestr(member("xl/styles.xml"), self._styles.xml())
            for number, (sheet, spool) in enumerate(self._sheets, start=1):
                with archive.open(member(f"xl/worksheets/sheet{number}.xml"), "w") as out:
                    dimension = f"A1:{column_letter(sheet.max_col)}{max(sheet.row_count, 1)}"
                    out.write(
                        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN_NS}" '
                        f'xmlns:r="{REL_NS}"><dimension ref="{dimension}"/><sheetData>'.encode()
                    )
                    spool.seek(0)
                    while chunk := spool.read(1 << 20):
                        out.write(chunk.encode())
                    out.write(b"</sheetData>")
                    if sheet.merges:
                        refs = "".join(f'<mergeCell ref="{ref}"/>' for ref in sheet.merges)
                        out.write(f'<mergeCells count="{len(sheet.merges)}">{refs}</mergeCells>'.encode())
                    out.write(b"</worksheet>")

    def _content_types(self) -> str:
        sheets = "".join(
            f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for n in range(1, len(self._sheets) + 1)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.'
            'org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/'
            f'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>{sheets}</Types>'
        )

    def _workbook(self) -> str:
        sheets = "".join(
            f'<sheet name="{escape(sheet.name, {chr(34): "&quot;"})}" sheetId="{n}" r:id="rId{n}"/>'
            for n, (sheet, _) in enumerate(self._sheets, start=1)
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN_NS}" '
            f'xmlns:r="{REL_NS}"><sheets>{sheets}</sheets></workbook>'
        )

    def _workbook_rels(self) -> str:
        base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        rels = "".join(
            f'<Relationship Id="rId{n}" Type="{base}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(self._sheets) + 1)
        )
        styles = f'<Relationship Id="rId{len(self._sheets) + 1}" Type="{base}/styles" Target="styles.xml"/>'
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL_NS}">'
            f"{rels}{styles}</Relationships>"
        )
