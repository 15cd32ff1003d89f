"""Find the header row of a dataset in a sheet's cells and map its columns to canonical names.

Files staff really have carry title rows, blank rows, notes, a column-number row (``1 2 3 4``)
and JUMLAH / TOTAL rows. This module finds the header by matching column aliases, maps the
columns to canonical names, keeps total rows aside and records each row's sheet row number so
that findings can point at it. Opening the file is :mod:`lakip_core.reading.grids`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from lakip_core.errors import DuplicateColumnsError, HeaderNotFoundError, LakipError, MissingColumnsError
from lakip_core.reading.grids import Grid, Source, load_grids
from lakip_core.reading.numbers import MISSING_TEXTS, cell_text, is_missing_text
from lakip_core.schema import FILE, ROW, SHEET

HEADER_SEARCH_ROWS = 40


@dataclass(frozen=True)
class Column:
    """A canonical column: its name, the header texts that mean it, and whether it is required."""

    name: str
    aliases: tuple[str, ...]
    required: bool = False
    label: str = ""


@dataclass(frozen=True)
class DatasetSpec:
    """The columns of one kind of dataset (indicators, budget, assets, staff)."""

    kind: str
    label: str
    columns: tuple[Column, ...]
    # Required alternatives: at least one column of each group must be present.
    one_of: tuple[tuple[str, ...], ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass(frozen=True)
class Table:
    """A sheet's data under canonical column names, with total rows kept aside.

    ``data`` and ``totals`` hold raw cell values (object dtype) in the mapped columns plus
    ``_row`` (1-based row number in the sheet), ``_sheet`` and ``_file``.
    """

    file: str
    sheet: str
    header_row: int
    mapping: dict[str, str]
    data: pd.DataFrame
    totals: pd.DataFrame
    multiplier: int = 1
    title: tuple[str, ...] = ()
    unmapped: tuple[str, ...] = field(default=())


def normalize_label(text: object) -> str:
    """Lower-case a header cell, read ``%`` as ``persen``, drop punctuation and currency words."""
    if text is None:
        return ""
    label = str(text).lower().replace("%", " persen ").replace("_", " ")
    label = re.sub(r"[^0-9a-z]+", " ", label)
    words = [w for w in label.split() if w not in ("rp", "rupiah", "idr")]
    return " ".join(words)


# --- header detection ----------------------------------------------------------------------------


def _match_column(label: str, spec: DatasetSpec) -> str | None:
    """Exact alias match first, then the longest alias that the label starts with."""
    if not label:
        return None
    for column in spec.columns:
        if label in column.aliases:
            return column.name
    best: tuple[int, str] | None = None
    for column in spec.columns:
        for alias in column.aliases:
            if label.startswith(alias + " "):
                rest = label[len(alias) :]
                if "persen" in rest and "persen" not in alias:
                    continue
                if best is None or len(alias) > best[0]:
                    best = (len(alias), column.name)
    return best[1] if best else None


def _map_header(cells: Sequence[object], spec: DatasetSpec) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for idx, cell in enumerate(cells):
        name = _match_column(normalize_label(cell), spec)
        if name is not None:
            mapping[idx] = name
    return mapping


_UNIT_LINE = (
    (re.compile(r"\b(miliar|milyar)\b"), 1_000_000_000),
    (re.compile(r"\b(jutaan|juta)\b"), 1_000_000),
    (re.compile(r"\b(ribuan|ribu)\b|\brp\s*000\b|\(000\)"), 1_000),
)


def _multiplier(lines: Sequence[str]) -> int:
    for line in lines:
        text = line.lower()
        if "dalam" in text or "rp" in text or "000" in text:
            for pattern, factor in _UNIT_LINE:
                if pattern.search(text):
                    return factor
    return 1


_NOTE = re.compile(r"^(\*|sumber\b|catatan\b|keterangan\b|ket\b)")


_TOTAL_WORDS = r"(?:grand total|total keseluruhan|jumlah total|jumlah seluruhnya|sub ?total|jumlah|total)"
# In a No / Kode / Uraian column a total row starts with the word ("Jumlah Belanja Pegawai").
_TOTAL = re.compile(rf"^\W*{_TOTAL_WORDS}\b")
# An indicator or sasaran may itself start with "Jumlah" ("Jumlah laporan yang disusun"): there
# only the bare word, perhaps with a number or code, marks a total row.
_TOTAL_ALONE = re.compile(rf"^\W*{_TOTAL_WORDS}[^a-z]*$")


_NON_TEXT = frozenset(
    {"empty", "floating", "integer", "mixed-integer-float", "decimal", "boolean", "datetime", "date", "time"}
)


def _column_flags(values: np.ndarray, totals: re.Pattern[str] | None) -> tuple[np.ndarray, np.ndarray]:
    """(blank, total) masks of one column of cells, deciding once per distinct value.

    Blank: empty, NaN or a 'no data' placeholder (``-``, ``n/a`` ...). Total (only computed when
    a ``totals`` pattern is given): lower-case text under 60 characters matching it (JUMLAH /
    TOTAL / SUB TOTAL / GRAND TOTAL). Numbers, dates and other non-text cells are never blank
    (NaN aside) and never totals.
    """
    if infer_dtype(values, skipna=True) in _NON_TEXT:  # numbers or dates only: no text to look at
        return np.asarray(pd.isna(values), dtype=bool), np.zeros(len(values), dtype=bool)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lowered = [cell_text(u).lower() if isinstance(u, str) else None for u in uniques]
    # The appended last entry is what code -1 (None / NaN) picks.
    blank = np.array([low in MISSING_TEXTS for low in lowered] + [True], dtype=bool)[codes]
    if totals is None:
        return blank, np.zeros(len(values), dtype=bool)
    total = [low is not None and len(low) < 60 and bool(totals.match(low)) for low in lowered]
    return blank, np.array([*total, False], dtype=bool)[codes]


def find_tables(grids: Sequence[Grid], spec: DatasetSpec) -> list[Table]:
    """Find the header in each sheet and return one :class:`Table` per sheet that has one.

    A header is the row among the first rows with the most cells matching the spec's aliases
    (at least two). Sheets without such a row are skipped. When no sheet has a header the best
    candidate's missing columns are reported (:class:`MissingColumnsError`), or
    :class:`HeaderNotFoundError` when nothing matched at all.
    """
    tables: list[Table] = []
    best_failure: tuple[int, LakipError] | None = None
    for grid in grids:
        candidate = _best_header(grid, spec)
        if candidate is None:
            continue
        idx, mapping, data_start = _two_row_header(grid, *candidate, spec)
        found_names = set(mapping.values())
        missing = [c.label or c.name for c in spec.columns if c.required and c.name not in found_names]
        for group in spec.one_of:
            if not found_names.intersection(group):
                missing.append(" atau ".join(spec.column(n).label or n for n in group))
        if missing:
            found = [cell_text(c) for c in grid.rows[idx] if cell_text(c)]
            error = MissingColumnsError(spec.label, missing, found, where=_where(grid, idx + 1))
            if best_failure is None or len(found_names) > best_failure[0]:
                best_failure = (len(found_names), error)
            continue
        tables.append(_build_table(grid, idx, mapping, spec, data_start))
    if tables:
        return tables
    if best_failure is not None:
        raise best_failure[1]
    names = ", ".join(sorted({g.file for g in grids}))
    expected = ", ".join(c.label or c.name for c in spec.columns if c.required)
    raise HeaderNotFoundError(
        f"Baris judul kolom data {spec.label} tidak ditemukan di {names}. "
        f"Pastikan ada satu baris berisi nama kolom, misalnya: {expected}."
    )


def _where(grid: Grid, row: int | None = None) -> str:
    place = grid.file if grid.sheet in ("", Path(grid.file).stem) else f"{grid.file}, lembar {grid.sheet}"
    return f"{place}, baris {row}" if row else place


def _best_header(grid: Grid, spec: DatasetSpec) -> tuple[int, dict[int, str]] | None:
    best: tuple[int, dict[int, str]] | None = None
    for idx, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        mapping = _map_header(row, spec)
        if len(set(mapping.values())) >= 2 and (
            best is None or len(set(mapping.values())) > len(set(best[1].values()))
        ):
            best = (idx, mapping)
    return best


def _two_row_header(
    grid: Grid, idx: int, mapping: dict[int, str], spec: DatasetSpec
) -> tuple[int, dict[int, str], int]:
    """Headers printed on two rows, like the seed's ``No. | Sasaran | Indikator Kinerja`` over
    ``Uraian | Target | Capaian | %``: fill the chosen row's blank cells from the row above, or
    take a sub-header row below (two or more matching labels), then start the data after it.

    Returns (header row, mapping, index of the first data row).
    """
    found = set(mapping.values())
    merged = dict(mapping)

    def fill(row_index: int, override: bool) -> int:
        row = grid.rows[row_index]
        other = _map_header(row, spec)
        header = grid.rows[idx]
        added = 0
        for col, name in other.items():
            blank_here = col >= len(header) or not cell_text(header[col])
            if name not in found and (blank_here or override) and col not in merged:
                merged[col] = name
                found.add(name)
                added += 1
            elif override and col in merged and merged[col] != name and name not in found:
                found.discard(merged[col])
                merged[col] = name
                found.add(name)
                added += 1
        return added

    if idx > 0:
        fill(idx - 1, override=False)
    data_start = idx + 1
    if idx + 1 < len(grid.rows) and len(set(_map_header(grid.rows[idx + 1], spec).values())) >= 2:
        fill(idx + 1, override=True)
        data_start = idx + 2
    return idx, merged, data_start


def _check_duplicates(grid: Grid, idx: int, mapping: dict[int, str], spec: DatasetSpec) -> dict[int, str]:
    seen: dict[str, int] = {}
    for col, name in mapping.items():
        if name in seen:
            first = cell_text(grid.rows[idx][seen[name]])
            second = cell_text(grid.rows[idx][col])
            label = spec.column(name).label or name
            raise DuplicateColumnsError(
                f"Kolom {label} muncul dua kali ({_where(grid, idx + 1)}): '{first}' dan '{second}'. "
                "Hapus atau ganti nama salah satunya."
            )
        seen[name] = col
    return mapping


def _build_table(grid: Grid, idx: int, mapping: dict[int, str], spec: DatasetSpec, data_start: int) -> Table:
    mapping = _check_duplicates(grid, idx, mapping, spec)
    header = grid.rows[idx]
    title = tuple(
        " ".join(cell_text(c) for c in row if cell_text(c)) for row in grid.rows[:idx] if any(cell_text(c) for c in row)
    )
    body = grid.rows[data_start:]
    cols = list(mapping.values())
    # One object array for the whole body, then column views: a 100,000-row register stays cheap.
    width = max(max(map(len, body), default=0), max(mapping) + 1)
    if body and min(map(len, body)) != width:
        body = [[*row, *([None] * (width - len(row)))] for row in body]
    grid_cells = np.empty((len(body), width), dtype=object)
    if body:
        grid_cells[:] = body
    cells = {name: grid_cells[:, col] for col, name in mapping.items()}
    frame = pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in cells.items()})
    frame[ROW] = range(data_start + 1, data_start + 1 + len(frame))
    text_cols = [c for c in cols if c in _TOTAL_LABEL_COLUMNS] or cols[:3]
    flags = {
        c: _column_flags(cells[c], (_TOTAL_ALONE if c in _NAME_ONLY_COLUMNS else _TOTAL) if c in text_cols else None)
        for c in cols
    }
    blank = np.column_stack([flags[c][0] for c in cols])
    filled = (~blank).sum(axis=1)
    # A blank row, or a note under the table ("*) Sumber : ..."), is not data.
    keep = filled > 0
    for position in np.flatnonzero(filled == 1):
        first = cols[int(np.flatnonzero(~blank[position])[0])]
        keep[position] = not _NOTE.match(cell_text(cells[first][position]).lower())
    is_total_rows = np.zeros(len(frame), dtype=bool)
    for c in text_cols:
        is_total_rows |= flags[c][1]
    frame = _drop_column_number_rows(frame if keep.all() else frame[keep], cols)
    is_total = pd.Series(is_total_rows, index=range(len(is_total_rows))).loc[frame.index]
    frame = frame.assign(**{SHEET: grid.sheet, FILE: grid.file})
    totals = frame[is_total].reset_index(drop=True)
    data = frame[~is_total].reset_index(drop=True)
    unmapped = tuple(cell_text(c) for i, c in enumerate(header) if i not in mapping and cell_text(c))
    return Table(
        file=grid.file,
        sheet=grid.sheet,
        header_row=idx + 1,
        mapping={name: cell_text(header[col]) for col, name in mapping.items()},
        data=data,
        totals=totals,
        multiplier=_multiplier(list(title) + [cell_text(c) for c in header]),
        title=title,
        unmapped=unmapped,
    )


# Columns whose text may say JUMLAH / TOTAL on a total row.
_TOTAL_LABEL_COLUMNS = frozenset({"no", "name", "code", "objective", "indicator"})
_NAME_ONLY_COLUMNS = frozenset({"objective", "indicator"})


def _drop_column_number_rows(frame: pd.DataFrame, cols: list[str]) -> pd.DataFrame:
    """Drop the ``1 2 3 4`` row printed under many report headers (the first few rows only)."""
    drop = []
    for index in frame.index[:3]:
        # "1 2 3 4" or "(1) (2) (3) (4)"
        values = [cell_text(v).strip("()") for v in frame.loc[index, cols] if not is_missing_text(v)]
        if len(values) >= 2 and all(v.isdigit() for v in values):
            numbers = [int(v) for v in values]
            if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
                drop.append(index)
    return frame.drop(index=drop) if drop else frame  # drop([]) would still copy every column


def read_tables(source: Source, spec: DatasetSpec, filename: str | None = None) -> list[Table]:
    """Open ``source`` and return every sheet's table for ``spec`` (see :func:`find_tables`)."""
    return find_tables(load_grids(source, filename), spec)


def aliases(*labels: str) -> tuple[str, ...]:
    """Normalise alias spellings once, so specs can be written the way headers look."""
    return tuple(dict.fromkeys(normalize_label(label) for label in labels))


# --- for hand-made layouts (lakip_core.reading.mapping) --------------------------------------------


def match_header(cells: Sequence[object], spec: DatasetSpec) -> dict[int, str]:
    """The columns of one header row that the spec's aliases recognise (0-based index → column name)."""
    return _map_header(cells, spec)


def build_table(grid: Grid, header_index: int, mapping: dict[int, str], spec: DatasetSpec, data_start: int) -> Table:
    """A :class:`Table` under a header placed by hand (0-based header row and first data row):
    the same builder as automatic reading (blank and note rows, JUMLAH / TOTAL rows, the
    column-number row, the unit multiplier), so a hand-made layout reads figures the same way."""
    return _build_table(grid, header_index, mapping, spec, data_start)
