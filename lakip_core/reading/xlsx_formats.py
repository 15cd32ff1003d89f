"""Which cells of an .xlsx sheet carry a percent number format, read without openpyxl.

python-calamine returns 0.9985 for a cell that Excel shows as 99,85% and drops the number format.
:func:`percent_cells` recovers it: it reads ``xl/styles.xml`` (``numFmts`` + ``cellXfs``) to find
the style indexes whose format is a percent format, then streams the sheet's XML looking only
for ``<c … s="N">`` start tags with one of those indexes. The sheet is never parsed into a tree
and shared strings are never opened: on a 100,000 × 15 sheet it takes about a third of the time
calamine needs to read the sheet, a quarter when the columns are given (mostly the inflating of
the sheet XML, which both must do; ``benchmarks/bench_xlsx_formats.py``).

Only the small package parts (``_rels/.rels``, the workbook part and its relationships, the
styles part) are parsed as XML, with defusedxml (no DTDs, no entities). The sheet is scanned
with byte patterns, which expand nothing.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import IO

import numpy as np
import numpy.typing as npt

PERCENT_BUILTIN_IDS = frozenset({9, 10})  # "0%" and "0.00%"
_CHUNK = 1 << 22
_REL_OFFICE_DOCUMENT = "/officeDocument"
_REL_WORKSHEET = "/worksheet"
_REL_STYLES = "/styles"
_TAG_NAME = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(c|row)(?=[\s/>])")
_ATTR_R = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]{1,3})(\d+)["']""")
_ATTR_ROW_R = re.compile(rb"""\sr\s*=\s*["'](\d+)["']""")
_ATTR_S = re.compile(rb"""\ss\s*=\s*["'](\d+)["']""")
_ATTR_T = re.compile(rb"""\st\s*=\s*["'](\w+)["']""")
_FIRST_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_ANY_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(c|row)(?=[\s/>])([^>]*)>")
_NUMERIC_TYPES = (None, b"n")


@dataclass(frozen=True, eq=False)
class PercentCells:
    """The numeric cells of one sheet whose number format is a percent format.

    Indexes are 0-based and absolute (row 0 = Excel row 1, column 0 = A), the same as a grid read
    with calamine's ``to_python(skip_empty_area=False)``. ``by_column`` maps a column index to the
    sorted row indexes of its percent cells.
    """

    sheet: str
    by_column: Mapping[int, npt.NDArray[np.int64]]

    def __contains__(self, cell: object) -> bool:
        if not isinstance(cell, tuple) or len(cell) != 2:
            return False
        row, col = cell
        rows = self.by_column.get(col)
        if rows is None:
            return False
        index = int(np.searchsorted(rows, row))
        return index < len(rows) and int(rows[index]) == row

    def __len__(self) -> int:
        return sum(len(rows) for rows in self.by_column.values())

    def __bool__(self) -> bool:
        return len(self) > 0

    def rows(self, column: int) -> npt.NDArray[np.int64]:
        """Row indexes of the percent cells in ``column`` (empty when there are none)."""
        return self.by_column.get(column, np.empty(0, dtype=np.int64))

    def cells(self) -> Iterator[tuple[int, int]]:
        """Every percent cell as ``(row, column)``, column by column."""
        for col in sorted(self.by_column):
            for row in self.by_column[col]:
                yield int(row), col

    def mask(self, height: int, width: int, origin: tuple[int, int] = (0, 0)) -> npt.NDArray[np.bool_]:
        """A ``height × width`` boolean grid, True where the cell is a percent cell.

        ``origin`` is the absolute (row, column) of the grid's top-left cell: ``(0, 0)`` for
        ``to_python(skip_empty_area=False)``, ``sheet.start`` for calamine's default trimmed grid.
        Cells outside the grid are ignored.
        """
        grid = np.zeros((height, width), dtype=bool)
        top, left = origin
        for col, rows in self.by_column.items():
            if 0 <= col - left < width:
                inside = rows[(rows >= top) & (rows < top + height)]
                grid[inside - top, col - left] = True
        return grid


def is_percent_format(code: str) -> bool:
    """True when an Excel number format code scales numbers by 100 and shows ``%``.

    Only the first section (positive numbers) counts. A ``%`` inside double quotes (``0.00"%"``),
    escaped (``0\\%``), inside brackets (``[$%-409]``, ``[Red]``) or after ``_`` / ``*`` (spacing
    and fill characters) is literal text and does not make a percent format.
    """
    index = 0
    while index < len(code):
        char = code[index]
        if char == '"':
            end = code.find('"', index + 1)
            index = len(code) if end < 0 else end + 1
            continue
        if char == "[":
            end = code.find("]", index + 1)
            index = len(code) if end < 0 else end + 1
            continue
        if char in "\\_*":
            index += 2
            continue
        if char == ";":
            return False
        if char == "%":
            return True
        index += 1
    return False


def percent_styles(styles_xml: bytes) -> frozenset[int]:
    """Indexes into ``cellXfs`` (a cell's ``s`` attribute) whose number format is a percent format.

    Builtin ids 9 (``0%``) and 10 (``0.00%``) are percent unless ``numFmts`` redefines them;
    custom ids (164 and up) are judged by :func:`is_percent_format`. Raises whatever defusedxml
    raises for a DTD, an entity or broken XML.
    """
    from defusedxml import ElementTree

    root = ElementTree.fromstring(styles_xml, forbid_dtd=True)
    codes: dict[int, str] = {}
    percent: set[int] = set()
    for element in root:
        if _local(element.tag) == "numFmts":
            for fmt in element:
                fmt_id = _int(fmt.get("numFmtId"))
                if fmt_id is not None:
                    codes[fmt_id] = fmt.get("formatCode", "")
    for element in root:
        if _local(element.tag) != "cellXfs":
            continue
        for index, xf in enumerate(x for x in element if _local(x.tag) == "xf"):
            fmt_id = _int(xf.get("numFmtId")) or 0
            code = codes.get(fmt_id)
            if (fmt_id in PERCENT_BUILTIN_IDS and code is None) or (code is not None and is_percent_format(code)):
                percent.add(index)
        break
    return frozenset(percent)


def percent_cells(data: bytes, sheet: str, columns: Iterable[int] | None = None) -> PercentCells | None:
    """The numeric cells of ``sheet`` that carry a percent number format.

    ``data`` is the whole .xlsx file; ``columns`` (0-based) limits the answer to those columns.
    Returns ``None`` when the formats cannot be known: not an .xlsx (csv, .xls, .ods, .xlsb,
    an encrypted workbook), no sheet of that name, or a package whose workbook or styles part is
    missing or refused by defusedxml. A sheet name matches exactly, else ignoring case and
    surrounding spaces (SAKTI's ``"GLP039_LAPORAN REALISASI SUPER "`` ends with a space).

    Edge cases: only numeric cells count (no ``t`` or ``t="n"``); text cells with a percent
    style (shared strings, inline strings, formula strings), booleans, errors, ISO dates and
    empty self-closing cells are left out. A percent format in ``cellXfs[0]`` (the default
    style) makes every cell without ``s`` a percent cell. Cells without an ``r`` attribute are
    placed by counting, as Excel does. Column default styles (``<col style=…>``) do not apply
    to stored cells, so they are ignored. The sheet's first cell tag tells how the writer lays
    out attributes; a sheet that mixed two layouts (no known writer does) could lose the cells
    written the other way. Indexes are absolute and 0-based, aligned with calamine's
    ``to_python(skip_empty_area=False)``; see :meth:`PercentCells.mask` for trimmed grids.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    with archive:
        try:
            located = _locate(archive, sheet)
            if located is None:
                return None
            name, sheet_part, styles_part = located
            styles = percent_styles(archive.read(styles_part)) if styles_part else frozenset()
        except Exception:  # a broken or hostile package part (defusedxml refusals included)
            return None
        wanted = None if columns is None else frozenset(columns)
        if not styles:
            return PercentCells(name, {})
        try:
            with archive.open(sheet_part) as stream:
                found = _scan(stream, styles, wanted) if 0 not in styles else None
            if found is None:
                with archive.open(sheet_part) as stream:
                    found = _scan_positions(stream, styles, wanted)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError):
            return None
    return PercentCells(name, {col: np.unique(np.asarray(rows, dtype=np.int64)) for col, rows in found.items()})


# --- locating the parts -------------------------------------------------------------------------


def _locate(archive: zipfile.ZipFile, sheet: str) -> tuple[str, str, str | None] | None:
    """(sheet name as stored, worksheet part, styles part) or None."""
    from defusedxml import ElementTree

    names = set(archive.namelist())
    workbook_part = "xl/workbook.xml"
    if "_rels/.rels" in names:
        for rel in ElementTree.fromstring(archive.read("_rels/.rels"), forbid_dtd=True):
            if rel.get("Type", "").endswith(_REL_OFFICE_DOCUMENT):
                workbook_part = _resolve("", rel.get("Target", ""))
                break
    if workbook_part not in names:
        return None
    base = posixpath.dirname(workbook_part)
    rels_part = posixpath.join(base, "_rels", posixpath.basename(workbook_part) + ".rels")
    targets: dict[str, str] = {}
    styles_part = None
    if rels_part in names:
        for rel in ElementTree.fromstring(archive.read(rels_part), forbid_dtd=True):
            target = _resolve(base, rel.get("Target", ""))
            kind = rel.get("Type", "")
            if kind.endswith(_REL_WORKSHEET):
                targets[rel.get("Id", "")] = target
            elif kind.endswith(_REL_STYLES):
                styles_part = target
    stored: dict[str, str] = {}
    for element in ElementTree.fromstring(archive.read(workbook_part), forbid_dtd=True).iter():
        if _local(element.tag) == "sheet":
            rel_id = next((v for k, v in element.attrib.items() if _local(k) == "id"), "")
            if rel_id in targets:
                stored[element.get("name", "")] = targets[rel_id]
    name = (
        sheet
        if sheet in stored
        else next((n for n in stored if n.strip().casefold() == sheet.strip().casefold()), None)
    )
    if name is None or stored[name] not in names:
        return None
    return name, stored[name], styles_part if styles_part in names else None


def _resolve(base: str, target: str) -> str:
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    return posixpath.normpath(posixpath.join(base, target))


def _local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1] if "}" in text else text.rsplit(":", 1)[-1]


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


# --- scanning the sheet -------------------------------------------------------------------------


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """The sheet XML in pieces that each end just before a ``<``, so no tag is ever split."""
    rest = b""
    while True:
        block = stream.read(_CHUNK)
        if not block:
            if rest:
                yield rest
            return
        buffer = rest + block
        cut = buffer.rfind(b"<")
        if cut <= 0:
            rest = buffer
            continue
        yield buffer[:cut]
        rest = buffer[cut:]


def _column(letters: bytes) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + char - 64
    return index - 1


def _scan(stream: IO[bytes], styles: frozenset[int], wanted: frozenset[int] | None) -> dict[int, list[int]] | None:
    """Fast path: C-level ``findall`` over each chunk, for sheets written the canonical way.

    Every writer we know (Excel, LibreOffice, openpyxl, XlsxWriter, POI, SAKTI) writes cells as
    ``<c r="J12" s="2" t="n">``: ``r``, then ``s``, then ``t``, double quotes, single spaces, no
    namespace prefix. A writer is consistent, so the sheet's first cell tag decides: written that
    way, the whole sheet is matched with one pattern (one per wanted column when ``columns`` is
    given, whose literal prefix ``<c r="J`` makes the scan several times faster); written any
    other way (``<x:c``, ``s`` before ``r``, single quotes), every percent ``s`` attribute is read
    in its enclosing tag (:func:`_scan_tags`). Returns None when a percent cell has no ``r``
    attribute (the caller then counts positions).
    """
    values = b"|".join(str(s).encode() for s in sorted(styles))
    tail = rb' s="(?:' + values + rb')"(?: t="n")?(?: (?:cm|vm|ph)="\w*")*>'
    literal = re.compile(rb's="(?:' + values + rb')"')
    general = re.compile(rb"""\ss\s*=\s*["'](?:""" + values + rb""")["']""")
    every = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"' + tail)
    per_column = (
        {col: re.compile(rb'<c r="' + _letters(col) + rb'(\d+)"' + tail) for col in wanted}
        if wanted is not None and len(wanted) <= 4
        else None
    )
    mode: str | None = None  # "canonical" or "tags", decided by the first percent cell
    by_letters: dict[bytes, list[bytes]] = {}
    by_column: dict[int, list[bytes]] = {}
    slow: dict[int, list[int]] = {}
    for chunk in _chunks(stream):
        if mode is None:
            cell = _FIRST_CELL.search(chunk)
            if cell is None:
                continue  # no cell yet, so no percent cell either
            mode = "canonical" if chunk.startswith(b'<c r="', cell.start()) else "tags"
        first = literal.search(chunk)
        if mode == "tags":
            if not _scan_tags(chunk, general, wanted, slow):
                return None
        elif first is not None and per_column is not None:
            for col, pattern in per_column.items():
                by_column.setdefault(col, []).extend(pattern.findall(chunk))
        elif first is not None:
            for letters, row in every.findall(chunk):
                by_letters.setdefault(letters, []).append(row)
    result: dict[int, list[int]] = dict(slow)
    for col, rows in by_column.items():
        result[col] = [int(row) - 1 for row in rows]
    for letters, rows in by_letters.items():
        col = _column(letters)
        if wanted is None or col in wanted:
            result[col] = [int(row) - 1 for row in rows]
    return result


def _letters(col: int) -> bytes:
    letters = b""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = bytes([65 + rest]) + letters
    return letters


def _scan_tags(
    chunk: bytes, pattern: re.Pattern[bytes], wanted: frozenset[int] | None, found: dict[int, list[int]]
) -> bool:
    """Read the whole start tag around every percent ``s`` attribute; False if one lacks ``r``."""
    for match in pattern.finditer(chunk):
        start = chunk.rfind(b"<", 0, match.start())
        name = _TAG_NAME.match(chunk, start) if start >= 0 else None
        if name is None or name.group(1) != b"c":
            continue  # a <row s=…> or another element's attribute
        end = chunk.find(b">", match.end())
        tag = chunk[start : end + 1]
        if tag.endswith(b"/>"):
            continue  # an empty cell
        kind = _ATTR_T.search(tag)
        if (kind.group(1) if kind else None) not in _NUMERIC_TYPES:
            continue
        ref = _ATTR_R.search(tag)
        if ref is None:
            return False
        col = _column(ref.group(1))
        if wanted is None or col in wanted:
            found.setdefault(col, []).append(int(ref.group(2)) - 1)
    return True


def _scan_positions(stream: IO[bytes], styles: frozenset[int], wanted: frozenset[int] | None) -> dict[int, list[int]]:
    """Slow path: walk every ``<row>`` and ``<c>`` tag, counting positions where ``r`` is missing."""
    found: dict[int, list[int]] = {}
    row, col = -1, -1
    for chunk in _chunks(stream):
        for match in _ANY_TAG.finditer(chunk):
            attrs = match.group(2)
            if match.group(1) == b"row":
                number = _ATTR_ROW_R.search(attrs)
                row = int(number.group(1)) - 1 if number else row + 1
                col = -1
                continue
            ref = _ATTR_R.search(attrs)
            if ref is not None:
                col = _column(ref.group(1))
                row = int(ref.group(2)) - 1
            else:
                col += 1
            style = _ATTR_S.search(attrs)
            if (int(style.group(1)) if style else 0) not in styles or attrs.endswith(b"/"):
                continue
            kind = _ATTR_T.search(attrs)
            if (kind.group(1) if kind else None) in _NUMERIC_TYPES and (wanted is None or col in wanted):
                found.setdefault(col, []).append(row)
    return found
