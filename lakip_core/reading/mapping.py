"""Layouts mapped by hand: which rows are the header, which column is which field, which rows are totals.

When the reader cannot place the columns of a file (or places them wrongly), a person says it
once: header row(s), column letter → field, how total rows are recognised. A :class:`Layout` is
that statement. It reads a sheet through the same table builder as automatic reading
(:func:`lakip_core.reading.tables.build_table_at`), so figures, total rows and findings come out
the same way, and it carries the normalised text of its header cells: the *fingerprint* by which
the next file of the same export (next month's, next year's) is recognised.

Layouts travel as JSON (:meth:`Layout.to_json` / :func:`layout_from_json`, format
``dasbor-lakip/tata-letak`` version 1) so one office can hand its layout to another; loading
checks every field and answers bad input with an Indonesian :class:`LayoutError`.

Kinds and their fields are not known here (the reading layer sits below the analysis): callers
pass the kind's :class:`~lakip_core.reading.tables.DatasetSpec` (:func:`field_problems`,
:func:`read_with_layout`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from lakip_core.errors import LakipError
from lakip_core.reading.grids import Grid
from lakip_core.reading.numbers import cell_text
from lakip_core.reading.tables import DatasetSpec, Table, build_table_at, normalize_label
from lakip_core.schema import ROW

FORMAT_NAME = "dasbor-lakip/tata-letak"
FORMAT_VERSION = 1
MAX_JSON_BYTES = 64 * 1024
MAX_NAME = 80
MAX_COLUMNS = 16_384  # XFD, the last column of a worksheet
MAX_HEADER_ROW = 1_000
MAX_TOTAL_LABELS = 50
HEADER_SCAN_ROWS = 60  # a stored header is looked for among a file's first rows
PREVIEW_ROWS = 30
PREVIEW_TAIL = 5
PREVIEW_COLUMNS = 60
PREVIEW_TEXT = 1_000  # whole header texts (the fingerprint needs them); the screen cuts them shorter
PREVIEW_SHEETS = 10

# Labels of spec columns that have none of their own (code columns of flat SAKTI downloads ...).
_FALLBACK_LABELS = {
    "no": "Nomor urut",
    "capaian": "Capaian",
    "kdprogram": "Kode program",
    "kdgiat": "Kode kegiatan",
    "kdkro": "Kode KRO",
    "kdro": "Kode RO",
    "kdkmpnen": "Kode komponen",
    "kdskmpnen": "Kode subkomponen",
    "kdakun": "Kode akun",
}

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MONTH = re.compile(
    r"\b(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november|"
    r"desember|jan|feb|peb|mar|apr|jun|jul|agu|agt|ags|sep|okt|nop|nov|des)\b"
)
# A row whose first text cell is nothing but a total word ("JUMLAH SELURUHNYA", "TOTAL :").
_TOTAL_ROW = re.compile(
    r"^\W*(?:grand total|total keseluruhan|jumlah total|jumlah seluruhnya|sub ?total|jumlah|total)[^a-z]*$"
)
_LETTERS = re.compile(r"^[A-Z]{1,3}$")
_KIND = re.compile(r"^[a-z]{2,20}$")


class LayoutError(LakipError):
    """A layout that cannot be used: bad JSON, a field or row out of range (message in Indonesian)."""


# --- column letters ------------------------------------------------------------------------------


def column_letter(index: int) -> str:
    """0 → ``A``, 25 → ``Z``, 26 → ``AA`` (the letters Excel shows above a column)."""
    if index < 0:
        raise ValueError(index)
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(letter: str) -> int:
    """``A`` → 0, ``AA`` → 26; :class:`LayoutError` for anything that is not a column of a worksheet."""
    text = str(letter).strip().upper()
    if not _LETTERS.match(text):
        raise LayoutError(f"'{cell_text(letter)[:10]}' bukan huruf kolom (A, B, … XFD).")
    index = 0
    for char in text:
        index = index * 26 + (ord(char) - ord("A") + 1)
    if index > MAX_COLUMNS:
        raise LayoutError(f"Kolom {text} melewati kolom terakhir lembar kerja (XFD).")
    return index - 1


# --- header text and fingerprint -------------------------------------------------------------------


def header_label(cell: object) -> str:
    """A header cell as the fingerprint sees it: :func:`normalize_label`, with years and month
    names replaced by ``#`` (``Realisasi TA 2025`` and ``Realisasi TA 2026``, ``s.d. Oktober`` and
    ``s.d. November`` are the same column of the same export)."""
    text = _MONTH.sub("#", _YEAR.sub("#", normalize_label(_plain(cell))))
    return " ".join(text.split())


def _plain(cell: object) -> object:
    """Dates as ISO text, as the preview carries them (so a layout made on the preview matches the file)."""
    return cell.isoformat() if isinstance(cell, dt.datetime | dt.date | dt.time) else cell


def header_labels(rows: Sequence[Sequence[object]]) -> tuple[tuple[str, ...], ...]:
    """The header rows as :func:`header_label` texts, trailing blank cells dropped."""
    out = []
    for row in rows:
        labels = [header_label(cell) for cell in row]
        while labels and not labels[-1]:
            labels.pop()
        out.append(tuple(labels))
    return tuple(out)


def fingerprint(header: Sequence[Sequence[str]]) -> str:
    """SHA-256 (hex) of the normalised header rows: equal for the same export, month after month."""
    return hashlib.sha256(json.dumps([list(r) for r in header], ensure_ascii=False).encode("utf-8")).hexdigest()


def looks_like_total(label: str) -> bool:
    """A row label (:func:`row_label`) that is nothing but a total word: ``jumlah seluruhnya``, ``total``."""
    return bool(_TOTAL_ROW.match(label))


def _first_text(row: Sequence[object]) -> str | None:
    """The first cell of a row holding text with a letter (numbers, dates and blanks are passed)."""
    for cell in row:
        if isinstance(cell, str) and any(ch.isalpha() for ch in cell):
            return cell
    return None


def row_label(row: Sequence[object]) -> str:
    """A row's first text cell, normalised: how a marked total row is recognised again (its
    number, code or amounts would not be the same next month; its words are)."""
    text = _first_text(row)
    return normalize_label(text) if text is not None else ""


# --- the layout ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How one export is read: header rows, column letter → field, and the total-row rule.

    ``header_rows`` are 1-based sheet rows (one, or two adjacent for headers printed on two
    rows); data starts under the last. ``header`` holds their cells as :func:`header_label`
    texts (the :attr:`fingerprint`'s input). ``columns`` pairs column letters with the kind's
    field names. Total rows: with ``totals_auto`` the reader's JUMLAH / TOTAL rule, plus any
    row whose first text cell is only a total word; and always rows whose first text cell
    reads as one of ``total_labels`` (rows a person marked, remembered by their text so they
    are found again in next month's file). ``sheet`` "" = whichever sheet holds the header.
    """

    name: str
    kind: str
    header_rows: tuple[int, ...]
    header: tuple[tuple[str, ...], ...]
    columns: tuple[tuple[str, str], ...]
    totals_auto: bool = True
    total_labels: tuple[str, ...] = ()
    sheet: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "columns", tuple(sorted(self.columns, key=lambda c: column_index(c[0]))))

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.header)

    def column_map(self) -> dict[int, str]:
        """0-based column index → field."""
        return {column_index(letter): name for letter, name in self.columns}

    def fields(self) -> dict[str, str]:
        """Field → column letter."""
        return {name: letter for letter, name in self.columns}

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "name": self.name,
            "kind": self.kind,
            "sheet": self.sheet,
            "header_rows": list(self.header_rows),
            "header": [list(r) for r in self.header],
            "columns": dict(self.columns),
            "totals": {"auto": self.totals_auto, "labels": list(self.total_labels)},
            "fingerprint": self.fingerprint,
        }

    def to_json(self) -> str:
        """The layout as JSON text (keys sorted, so equal layouts give equal text)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True, indent=1)


def make_layout(
    name: str,
    kind: str,
    grid: Grid,
    header_rows: Sequence[int],
    columns: Mapping[str, str],
    totals_auto: bool = True,
    total_rows: Iterable[int] = (),
) -> Layout:
    """The layout a person made on ``grid``: header cells and marked total rows read from it.

    ``total_rows`` are 1-based rows the person marked as totals; they are remembered by the text
    of their first text cell. Raises :class:`LayoutError` for rows outside the sheet, a header
    with fewer than two filled cells, or a bad column letter.
    """
    rows = _check_header_rows(header_rows)
    if rows[-1] > len(grid.rows):
        raise LayoutError(f"Baris {rows[-1]} tidak ada: lembar {grid.sheet} hanya {len(grid.rows)} baris.")
    header = header_labels([grid.rows[r - 1] for r in rows])
    if sum(1 for r in header for label in r if label) < 2:
        raise LayoutError(
            "Baris judul kolom yang dipilih hampir kosong: pilih baris yang berisi nama-nama kolom (mis. Uraian, Pagu)."
        )
    labels = []
    for number in total_rows:
        if not 1 <= number <= len(grid.rows):
            raise LayoutError(f"Baris jumlah {number} tidak ada di lembar {grid.sheet}.")
        label = row_label(grid.rows[number - 1])
        if not label:
            raise LayoutError(f"Baris {number} tidak berisi teks; tidak dapat ditandai sebagai baris jumlah.")
        labels.append(label)
    return Layout(
        name=clean_name(name),
        kind=kind,
        header_rows=rows,
        header=header,
        columns=tuple((column_letter(column_index(k)), v) for k, v in columns.items()),
        totals_auto=totals_auto,
        total_labels=tuple(dict.fromkeys(labels)),
        sheet=grid.sheet,
    )


def clean_name(name: object) -> str:
    """A layout name: one line, 1–80 characters; :class:`LayoutError` otherwise."""
    text = cell_text(name if isinstance(name, str) else "")
    text = "".join(ch for ch in text if ch.isprintable())
    if not text:
        raise LayoutError("Beri nama tata letak (mis. 'GLP039 kantor kami').")
    if len(text) > MAX_NAME:
        raise LayoutError(f"Nama tata letak terlalu panjang ({len(text)} karakter; paling banyak {MAX_NAME}).")
    return text


def _check_header_rows(rows: Sequence[int]) -> tuple[int, ...]:
    if not rows or len(rows) > 2:
        raise LayoutError("Pilih satu atau dua baris judul kolom.")
    if any(isinstance(r, bool) or not isinstance(r, int) for r in rows):
        raise LayoutError("Nomor baris judul kolom harus bilangan bulat.")
    numbers = tuple(sorted(rows))
    if numbers[0] < 1 or numbers[-1] > MAX_HEADER_ROW:
        raise LayoutError(f"Baris judul kolom harus di antara baris 1 dan {MAX_HEADER_ROW}.")
    if len(numbers) == 2 and numbers[1] != numbers[0] + 1:
        raise LayoutError("Dua baris judul kolom harus berurutan (mis. baris 7 dan 8).")
    return numbers


# --- fields against a spec -------------------------------------------------------------------------


def field_label(spec: DatasetSpec, name: str) -> str:
    """The Indonesian label of a field of ``spec``."""
    column = next((c for c in spec.columns if c.name == name), None)
    return (column.label if column is not None else "") or _FALLBACK_LABELS.get(name, name)


def field_problems(layout: Layout, spec: DatasetSpec) -> list[str]:
    """What keeps ``layout`` from reading ``spec``'s data, in Indonesian (empty list: usable).

    Unknown fields, a field given two columns, required fields (and ``one_of`` groups) without a column.
    """
    problems = []
    known = {c.name for c in spec.columns}
    unknown = sorted({name for _, name in layout.columns if name not in known})
    if unknown:
        problems.append(f"Kolom tidak dikenal untuk data {spec.label}: {', '.join(unknown)}.")
    seen: dict[str, str] = {}
    for letter, name in layout.columns:
        if name in seen:
            problems.append(
                f"{field_label(spec, name)} dipilih untuk dua kolom ({seen[name]} dan {letter}); pilih salah satu."
            )
        seen.setdefault(name, letter)
    missing = [field_label(spec, c.name) for c in spec.columns if c.required and c.name not in seen]
    if missing:
        problems.append(f"Kolom wajib belum dipilih: {', '.join(missing)}.")
    for group in spec.one_of:
        if not seen.keys() & set(group):
            names = ", ".join(field_label(spec, n) for n in group)
            problems.append(f"Pilih kolom untuk salah satu dari: {names}.")
    return problems


# --- JSON ------------------------------------------------------------------------------------------


def layout_from_json(text: str | bytes) -> Layout:
    """A layout from its JSON (:meth:`Layout.to_json`); :class:`LayoutError` for anything else.

    Checked: size (≤ 64 KB), the format name and version, every field's type and range, column
    letters, duplicate keys, NaN/Infinity, and that the stated fingerprint (when given) matches
    the header cells. The kind's fields are checked by :func:`field_problems`.
    """
    if isinstance(text, bytes):
        if len(text) > MAX_JSON_BYTES:
            raise LayoutError(_too_big(len(text)))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise LayoutError("Berkas tata letak bukan teks JSON (UTF-8).") from err
    if len(text.encode("utf-8")) > MAX_JSON_BYTES:
        raise LayoutError(_too_big(len(text.encode("utf-8"))))
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except (ValueError, RecursionError) as err:
        detail = str(err) if isinstance(err, LayoutError) else "isinya bukan JSON yang sah"
        raise LayoutError(f"Berkas tata letak tidak dapat dibaca: {detail}.") from err
    return layout_from_dict(data)


def _too_big(size: int) -> str:
    return f"Berkas tata letak terlalu besar ({size // 1024} KB; paling besar {MAX_JSON_BYTES // 1024} KB)."


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise LayoutError(f"kunci '{key[:20]}' muncul dua kali")
        out[key] = value
    return out


def _no_constant(name: str) -> Any:
    raise LayoutError(f"nilai {name} tidak diperbolehkan")


def layout_from_dict(data: object) -> Layout:
    """A layout from the dict of :meth:`Layout.to_dict` (see :func:`layout_from_json`)."""
    if not isinstance(data, dict):
        raise LayoutError("Berkas tata letak harus berisi satu objek JSON ({...}).")
    if data.get("format") != FORMAT_NAME:
        raise LayoutError("Ini bukan berkas tata letak Dasbor LAKIP (kunci 'format' tidak sesuai).")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LayoutError("Versi format tata letak tidak sah.")
    if version > FORMAT_VERSION:
        raise LayoutError(
            f"Tata letak ini dibuat dengan versi format {version}, lebih baru dari yang dikenal dasbor ini "
            f"({FORMAT_VERSION}). Perbarui dasbor terlebih dahulu."
        )
    kind = data.get("kind")
    if not isinstance(kind, str) or not _KIND.match(kind):
        raise LayoutError("Jenis data tata letak ('kind') tidak sah.")
    sheet = data.get("sheet", "")
    if not isinstance(sheet, str) or len(sheet) > 100:
        raise LayoutError("Nama lembar ('sheet') tidak sah.")
    rows = data.get("header_rows")
    if not isinstance(rows, list):
        raise LayoutError("'header_rows' harus daftar nomor baris judul kolom.")
    header_rows = _check_header_rows(rows)
    header = data.get("header")
    if (
        not isinstance(header, list)
        or len(header) != len(header_rows)
        or not all(isinstance(r, list) and len(r) <= MAX_COLUMNS for r in header)
        or not all(isinstance(c, str) and len(c) <= 200 for r in header for c in r)
    ):
        raise LayoutError("'header' harus berisi teks judul kolom untuk setiap baris judul.")
    header_cells = tuple(tuple(" ".join(c.split()) for c in r) for r in header)
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        raise LayoutError('\'columns\' harus memetakan huruf kolom ke kolom data, mis. {"Q": "allocation"}.')
    if len(columns) > 200:
        raise LayoutError("Terlalu banyak kolom dalam tata letak (paling banyak 200).")
    pairs = []
    for letter, name in columns.items():
        if not isinstance(name, str) or not re.match(r"^[a-z_]{1,40}$", name):
            raise LayoutError(f"Kolom {cell_text(letter)[:10]}: nama kolom data tidak sah.")
        pairs.append((column_letter(column_index(letter)), name))
    if len({letter for letter, _ in pairs}) != len(pairs):
        raise LayoutError("Satu huruf kolom muncul dua kali dalam 'columns'.")
    totals = data.get("totals", {"auto": True, "labels": []})
    if not isinstance(totals, dict) or not isinstance(totals.get("auto", True), bool):
        raise LayoutError("'totals' harus berisi 'auto' (true/false) dan 'labels' (daftar teks).")
    labels = totals.get("labels", [])
    if (
        not isinstance(labels, list)
        or len(labels) > MAX_TOTAL_LABELS
        or not all(isinstance(x, str) and 0 < len(x) <= 200 for x in labels)
    ):
        raise LayoutError(f"'totals.labels' harus daftar teks (paling banyak {MAX_TOTAL_LABELS}).")
    layout = Layout(
        name=clean_name(data.get("name")),
        kind=kind,
        header_rows=header_rows,
        header=header_cells,
        columns=tuple(pairs),
        totals_auto=bool(totals.get("auto", True)),
        total_labels=tuple(dict.fromkeys(normalize_label(x) for x in labels if normalize_label(x))),
        sheet=" ".join(sheet.split()) if sheet.strip() else "",
    )
    stated = data.get("fingerprint")
    if stated is not None and stated != layout.fingerprint:
        raise LayoutError(
            "Sidik judul kolom dalam berkas tata letak tidak cocok dengan judul kolomnya: berkas telah diubah "
            "atau rusak. Minta berkas aslinya lagi."
        )
    return layout


# --- reading with a layout -------------------------------------------------------------------------


@dataclass(frozen=True)
class LayoutRead:
    """Tables read with a layout: where its header was found and whether its cells matched."""

    tables: list[Table]
    sheet: str
    header_row: int  # 1-based first header row in this file
    header_matched: bool  # the file's header cells equal the layout's (else read at the stated rows)
    total_rows: tuple[int, ...] = field(default=())  # 1-based rows read as totals


def find_header(grid: Grid, layout: Layout) -> int | None:
    """0-based row where ``layout``'s header rows are found among the sheet's first rows, else ``None``."""
    count = len(layout.header)
    labels = header_labels(grid.rows[: HEADER_SCAN_ROWS + count])
    for start in range(0, max(0, len(labels) - count + 1)):
        if labels[start : start + count] == layout.header:
            return start
    return None


def match_layout(grids: Sequence[Grid], layouts: Sequence[Layout]) -> tuple[Layout, Grid, int] | None:
    """The first of ``layouts`` whose header is found in one of ``grids`` (its sheet first):
    (layout, grid, 0-based header row), else ``None``."""
    labels = {id(g): header_labels(g.rows[: HEADER_SCAN_ROWS + 2]) for g in grids}
    for layout in layouts:
        count = len(layout.header)
        ordered = sorted(grids, key=lambda g: g.sheet != layout.sheet)
        for grid in ordered:
            rows = labels[id(grid)]
            for start in range(0, max(0, len(rows) - count + 1)):
                if rows[start : start + count] == layout.header:
                    return layout, grid, start
    return None


def read_with_layout(grids: Sequence[Grid], layout: Layout, spec: DatasetSpec) -> LayoutRead:
    """Read the sheet ``layout`` describes into a :class:`Table` for ``spec``.

    The header is looked for by its cells (so one extra title row next month still reads); when
    no sheet has it, the stated rows of the layout's sheet (else the first sheet) are used and
    ``header_matched`` is False. Raises :class:`LayoutError` when the layout does not fit ``spec``
    or the stated rows are not in the sheet.
    """
    problems = field_problems(layout, spec)
    if problems:
        raise LayoutError(f"Tata letak '{layout.name}' tidak dapat dipakai: " + " ".join(problems))
    if not grids:
        raise LayoutError("Berkas tidak berisi lembar kerja.")
    found = match_layout(grids, [layout])
    if found is not None:
        _, grid, start = found
        matched = True
    else:
        grid = next((g for g in grids if g.sheet == layout.sheet), grids[0])
        start, matched = layout.header_rows[0] - 1, False
    last = start + len(layout.header_rows) - 1
    if last >= len(grid.rows):
        raise LayoutError(f"Baris judul kolom {last + 1} tidak ada: lembar {grid.sheet} hanya {len(grid.rows)} baris.")
    mapping = layout.column_map()
    width = max(mapping) + 1
    if any(len(grid.rows[r]) < width for r in range(start, last + 1)):  # the builder reads labels there
        rows = list(grid.rows)
        for r in range(start, last + 1):
            rows[r] = [*rows[r], *([None] * (width - len(rows[r])))]
        grid = Grid(grid.file, grid.sheet, rows)
    table = build_table_at(grid, start, mapping, spec, last + 1)
    labels = {
        name: " · ".join(
            dict.fromkeys(
                t for r in range(start, last + 1) if col < len(grid.rows[r]) and (t := cell_text(grid.rows[r][col]))
            )
        )
        or column_letter(col)
        for col, name in mapping.items()
    }
    table = _apply_totals(replace(table, mapping=labels), grid, layout)
    return LayoutRead(
        tables=[table],
        sheet=grid.sheet,
        header_row=start + 1,
        header_matched=matched,
        total_rows=tuple(int(r) for r in table.totals[ROW].head(50)),
    )


def _apply_totals(table: Table, grid: Grid, layout: Layout) -> Table:
    """Split the rows into data and totals by the layout's rule (see :class:`Layout`).

    Only rows whose first text cell could say a total word or a marked label are looked at
    closely, so a 100,000-row register costs one short loop.
    """
    first_words = tuple({label.split()[0] for label in layout.total_labels})

    def marked(row: Sequence[object], alone: bool) -> bool:
        text = _first_text(row)
        if text is None:
            return False
        low = text.lower()
        if alone and ("jumlah" in low or "total" in low) and looks_like_total(normalize_label(text)):
            return True
        return any(w in low for w in first_words) and normalize_label(text) in layout.total_labels

    rows = grid.rows
    data_flags = np.array([marked(rows[int(r) - 1], layout.totals_auto) for r in table.data[ROW]], dtype=bool)
    if layout.totals_auto:
        keep = np.ones(len(table.totals), dtype=bool)
    else:
        keep = np.array([marked(rows[int(r) - 1], False) for r in table.totals[ROW]], dtype=bool)
    if not data_flags.any() and keep.all():
        return table

    def ordered(*frames: pd.DataFrame) -> pd.DataFrame:
        return pd.concat(frames, ignore_index=True).sort_values(ROW, kind="stable").reset_index(drop=True)

    return replace(
        table,
        data=ordered(table.data[~data_flags], table.totals[~keep]),
        totals=ordered(table.totals[keep], table.data[data_flags]),
    )


# --- what the mapping screen shows -----------------------------------------------------------------


@dataclass(frozen=True)
class SheetPreview:
    """The first rows of one sheet (and its last few) for the mapping screen: never the whole sheet.

    ``columns`` are the 0-based indexes of the columns with data; ``rows`` pairs each shown
    1-based row number with its cells in those columns (text cut to 1,000 characters, dates as
    ISO text, numbers as numbers).
    """

    sheet: str
    row_count: int
    columns: tuple[int, ...]
    rows: tuple[tuple[int, tuple[object, ...]], ...]

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(column_letter(c) for c in self.columns)

    def cells(self, row_number: int) -> tuple[object, ...]:
        """The shown cells of one row (empty when that row is not in the preview)."""
        return next((cells for number, cells in self.rows if number == row_number), ())

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> SheetPreview:
        return SheetPreview(
            sheet=str(data["sheet"]),
            row_count=int(data["row_count"]),
            columns=tuple(int(c) for c in data["columns"]),
            rows=tuple((int(n), tuple(cells)) for n, cells in data["rows"]),
        )


def _preview_cell(value: object) -> object:
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    text = cell_text(value)
    return text if len(text) <= PREVIEW_TEXT else text[: PREVIEW_TEXT - 1] + "…"


def _filled(value: object) -> bool:
    return value is not None and value != "" and not (isinstance(value, float) and math.isnan(value))


def sheet_preview(grid: Grid) -> SheetPreview:
    """The first :data:`PREVIEW_ROWS` rows and the last :data:`PREVIEW_TAIL` of a sheet, in the
    columns that hold anything among its first 200 rows and those last rows (at most 60)."""
    count = len(grid.rows)
    numbers = list(range(min(count, PREVIEW_ROWS)))
    numbers += [n for n in range(max(PREVIEW_ROWS, count - PREVIEW_TAIL), count)]
    scan = [*range(min(count, 200)), *numbers[-PREVIEW_TAIL:]]
    used: set[int] = set()
    for n in scan:
        used.update(i for i, value in enumerate(grid.rows[n]) if _filled(value))
    columns = tuple(sorted(used)[:PREVIEW_COLUMNS])
    rows = tuple(
        (
            n + 1,
            tuple(_preview_cell(grid.rows[n][c]) if c < len(grid.rows[n]) else None for c in columns),
        )
        for n in numbers
    )
    return SheetPreview(grid.sheet, count, columns, rows)


def grid_previews(grids: Sequence[Grid]) -> tuple[SheetPreview, ...]:
    """:func:`sheet_preview` of each sheet that holds anything (at most 10 sheets)."""
    previews = [sheet_preview(g) for g in grids if any(_filled(v) for row in g.rows[:200] for v in row)]
    return tuple(previews[:PREVIEW_SHEETS])


def preview_grid(preview: SheetPreview) -> Grid:
    """The preview's rows as a :class:`Grid` with the sheet's row numbers and column positions
    (blank rows and columns between): enough to make a layout from the header rows it shows."""
    width = (max(preview.columns) + 1) if preview.columns else 0
    last = max((n for n, _ in preview.rows), default=0)
    rows: list[list[object]] = [[None] * width for _ in range(last)]
    for number, cells in preview.rows:
        for column, value in zip(preview.columns, cells, strict=True):
            rows[number - 1][column] = value
    return Grid("", preview.sheet, rows)


def suggest_columns(preview: SheetPreview, header_rows: Sequence[int], spec: DatasetSpec) -> dict[str, str]:
    """Column letter → field the spec's aliases recognise in the chosen header rows (a starting
    point for the person mapping; the lower row wins where both name a column)."""
    from lakip_core.reading.tables import match_header

    found: dict[str, str] = {}
    for number in sorted(header_rows):
        cells = preview.cells(number)
        for position, name in match_header(cells, spec).items():
            letter = column_letter(preview.columns[position])
            found = {k: v for k, v in found.items() if v != name}
            found[letter] = name
    return found
