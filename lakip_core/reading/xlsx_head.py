"""The first rows of an .xlsx sheet, read without parsing the rest of it.

Finding a header needs the first few dozen rows only; a 100,000-row register should not be turned
into Python objects just for that. :func:`head_rows` inflates the sheet XML until it has the rows it
needs and reads the shared strings only up to the highest index those rows use. Cells come back
as calamine gives them from ``to_python(skip_empty_area=False)``: ``""`` for an empty cell, text,
floats, booleans (dates stay serial numbers: header detection reads labels, not dates).

All XML goes through defusedxml (no DTDs, no entities); the sheet is cut at row boundaries before
it is parsed, so nothing larger than those rows is ever built.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from typing import IO

from defusedxml import ElementTree

from lakip_core.reading.xlsx_formats import _locate, _resolve

_ROW_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?row>|<(?:[A-Za-z_][\w.-]*:)?row\b[^>]*/>")
_SHEET_DATA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?sheetData\b[^>]*>")
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CHUNK = 1 << 16


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _column(letters: str) -> int:
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index - 1


def _rows_xml(stream: IO[bytes], count: int) -> bytes:
    """The ``<row>`` elements of the first ``count`` rows written, as one XML fragment."""
    buffer = b""
    start = -1
    while True:
        block = stream.read(_CHUNK)
        buffer += block
        if start < 0:
            match = _SHEET_DATA.search(buffer)
            if match:
                start = match.end()
        if start >= 0:
            ends = list(_ROW_END.finditer(buffer, start))
            if len(ends) >= count:
                return buffer[start : ends[count - 1].end()]
            if not block:
                return buffer[start : ends[-1].end()] if ends else b""
        if not block:
            return b""


def _shared_strings_part(archive: zipfile.ZipFile) -> str | None:
    names = set(archive.namelist())
    workbook = "xl/workbook.xml"
    rels = posixpath.join(posixpath.dirname(workbook), "_rels", "workbook.xml.rels")
    if rels in names:
        for rel in ElementTree.fromstring(archive.read(rels), forbid_dtd=True):
            if rel.get("Type", "").endswith("/sharedStrings"):
                part = _resolve(posixpath.dirname(workbook), rel.get("Target", ""))
                return part if part in names else None
    return "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else None


def _shared_strings(archive: zipfile.ZipFile, part: str, upto: int) -> list[str]:
    """Shared strings ``0 .. upto``, parsed as a stream that stops once it has them."""
    found: list[str] = []
    with archive.open(part) as stream:
        for _, element in ElementTree.iterparse(stream, events=("end",), forbid_dtd=True):
            if _local(element.tag) != "si":
                continue
            found.append("".join(t.text or "" for t in element.iter() if _local(t.tag) == "t"))
            element.clear()
            if len(found) > upto:
                break
    return found


def head_rows(data: bytes, sheet: str, count: int) -> list[list[object]] | None:
    """The first ``count`` rows of ``sheet`` (fewer when the sheet is shorter), from row 1 and
    column A, padded to one width; ``None`` when the workbook or sheet cannot be read this way."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    try:
        with archive:
            located = _locate(archive, sheet)
            if located is None:
                return None
            with archive.open(located[1]) as stream:
                fragment = _rows_xml(stream, count)
            root = ElementTree.fromstring(
                b'<sheetData xmlns="' + _NS.encode() + b'">' + _strip_prefixes(fragment) + b"</sheetData>",
                forbid_dtd=True,
            )
            cells: dict[tuple[int, int], tuple[str | None, str]] = {}
            shared_needed = -1
            row_number = 0
            for row in root:
                row_number = int(row.get("r") or row_number + 1)
                col = -1
                for cell in row:
                    ref = _REF.match(cell.get("r") or "")
                    col = _column(ref.group(1)) if ref else col + 1
                    kind = cell.get("t")
                    if kind == "inlineStr":
                        text = "".join(t.text or "" for t in cell.iter() if _local(t.tag) == "t")
                    else:
                        text = next((v.text or "" for v in cell if _local(v.tag) == "v"), "")
                    if kind == "s" and text.isdigit():
                        shared_needed = max(shared_needed, int(text))
                    cells[(row_number - 1, col)] = (kind, text)
            part = _shared_strings_part(archive) if shared_needed >= 0 else None
            shared = _shared_strings(archive, part, shared_needed) if part else []
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError, ValueError, SyntaxError):
        return None
    except Exception:  # a hostile part refused by defusedxml
        return None
    rows = min(count, max((r for r, _ in cells), default=-1) + 1)
    width = max((c for _, c in cells), default=-1) + 1
    grid: list[list[object]] = [[""] * width for _ in range(rows)]
    for (r, c), (kind, text) in cells.items():
        if r < rows:
            grid[r][c] = _value(kind, text, shared)
    return grid


def _strip_prefixes(fragment: bytes) -> bytes:
    """``<x:row>`` → ``<row>``: some writers prefix the main namespace."""
    return re.sub(rb"<(/?)[A-Za-z_][\w.-]*:", rb"<\1", fragment)


def _value(kind: str | None, text: str, shared: list[str]) -> object:
    if kind == "s":
        index = int(text) if text.isdigit() else -1
        return shared[index] if 0 <= index < len(shared) else ""
    if kind in ("inlineStr", "str", "e"):
        return text
    if kind == "b":
        return text == "1"
    if not text:
        return ""
    try:
        return float(text)
    except ValueError:
        return text
