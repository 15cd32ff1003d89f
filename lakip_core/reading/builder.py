"""Turn a sheet's cells under a known header into a :class:`~lakip_core.reading.model.Table`.

The one table builder: header detection (:mod:`lakip_core.reading.tables`) and a person's own
column mapping both come through :func:`build_table`. It keeps total rows (JUMLAH / TOTAL)
aside, drops blank rows, notes under the table and the ``1 2 3 4`` column-number row, reads
Excel percent cells of the columns that need them, and reports a mapped column that holds no
usable value (:class:`~lakip_core.reading.model.EmptyField`: what would be a silent zero).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence

import numpy as np
import pandas as pd
from pandas.api.types import infer_dtype

from lakip_core.reading.grids import Grid
from lakip_core.reading.model import Ambiguity, DatasetSpec, EmptyField, Period, Table, column_letter
from lakip_core.reading.numbers import MISSING_TEXTS, cell_text, is_missing_text, parse_numbers
from lakip_core.reading.xlsx_formats import percent_cells
from lakip_core.schema import FILE, ROW, SHEET

_UNIT_LINE = (
    (re.compile(r"\b(miliar|milyar)\b"), 1_000_000_000),
    (re.compile(r"\b(jutaan|juta)\b"), 1_000_000),
    (re.compile(r"\b(ribuan|ribu)\b|\brp\s*000\b|\(000\)"), 1_000),
)


def multiplier(lines: Sequence[str]) -> int:
    """The unit a title or header line states: "dalam ribuan" → 1000, "(Rp juta)" → 1,000,000."""
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
# Columns whose text may say JUMLAH / TOTAL on a total row.
_TOTAL_LABEL_COLUMNS = frozenset({"no", "name", "code", "objective", "indicator"})
_NAME_ONLY_COLUMNS = frozenset({"objective", "indicator"})
_NON_TEXT = frozenset(
    {"empty", "floating", "integer", "mixed-integer-float", "decimal", "boolean", "datetime", "date", "time"}
)


def is_total_label(text: object) -> bool:
    """True for a cell that names a total row (``JUMLAH``, ``Jumlah Seluruhnya``, ``SUB TOTAL``)."""
    low = cell_text(text).lower()
    return len(low) < 60 and bool(_TOTAL.match(low))


def _column_flags(
    values: np.ndarray, totals: re.Pattern[str] | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(blank, total) masks of one column of cells, deciding once per distinct value, and the
    text column's codes (one per distinct value, -1 for a blank cell; ``None`` for other columns).

    Blank: empty, NaN or a 'no data' placeholder (``-``, ``n/a`` ...). Total (only computed when
    a ``totals`` pattern is given): lower-case text under 60 characters matching it (JUMLAH /
    TOTAL / SUB TOTAL / GRAND TOTAL). Numbers, dates and other non-text cells are never blank
    (NaN aside) and never totals.
    """
    if infer_dtype(values, skipna=True) in _NON_TEXT:  # numbers or dates only: no text to look at
        return np.asarray(pd.isna(values), dtype=bool), np.zeros(len(values), dtype=bool), None
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lowered = [cell_text(u).lower() if isinstance(u, str) else None for u in uniques]
    # The appended last entry is what code -1 (None / NaN) picks.
    blank = np.array([low in MISSING_TEXTS for low in lowered] + [True], dtype=bool)[codes]
    codes32 = codes.astype(np.int32)
    if totals is None:
        return blank, np.zeros(len(values), dtype=bool), codes32
    total = [low is not None and len(low) < 60 and bool(totals.match(low)) for low in lowered]
    return blank, np.array([*total, False], dtype=bool)[codes], codes32


def _percent_text(value: object) -> object:
    """A number shown with a percent format as the text a person typed: 0.9985 → ``"99,85%"``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return value
    points = round(float(value) * 100, 9)
    text = str(int(points)) if points.is_integer() else repr(points).replace(".", ",")
    return f"{text}%"


def _apply_percent_formats(
    grid: Grid, cells: np.ndarray, columns: Mapping[int, str], spec: DatasetSpec, data_start: int
) -> None:
    """Read Excel percent formats for the spec's percent columns (in place on ``cells``)."""
    wanted = [col for col, name in columns.items() if spec.has(name) and spec.column(name).percent]
    if not wanted or grid.book is None or not len(cells):
        return
    found = percent_cells(grid.book, grid.sheet, wanted)
    if not found:
        return
    for col in wanted:
        rows = found.rows(col) - data_start
        for row in rows[(rows >= 0) & (rows < len(cells))].tolist():
            cells[row, col] = _percent_text(cells[row, col])


def title_lines(rows: Sequence[Sequence[object]]) -> tuple[str, ...]:
    """The rows above a header as lines of text (blank rows left out): what a table says of itself."""
    return tuple(" ".join(cell_text(c) for c in row if cell_text(c)) for row in rows if any(cell_text(c) for c in row))


def unmapped_headers(header: Sequence[object], mapped: Collection[int]) -> tuple[str, ...]:
    """The header texts of the columns no field took."""
    return tuple(cell_text(c) for i, c in enumerate(header) if i not in mapped and cell_text(c))


def build_table(
    grid: Grid,
    spec: DatasetSpec,
    header_row: int,
    columns: Mapping[int, str],
    data_start: int | None = None,
    *,
    total_rows: Collection[int] = (),
    auto_rows: bool = True,
    labels: Mapping[str, str] | None = None,
    row_numbers: Sequence[int] | None = None,
    ambiguities: tuple[Ambiguity, ...] = (),
    layout: str = "",
    satker: tuple[str, str] = ("", ""),
    period: Period | None = None,
) -> Table:
    """A :class:`Table` of ``grid`` with ``columns`` (0-based column → field of ``spec``).

    ``header_row`` is the 0-based index of the (last) header row; data start at ``data_start``
    (default: the next row). Rows whose label cells say JUMLAH / TOTAL, and the 1-based sheet
    rows in ``total_rows`` (marked by a person), are kept aside as totals; with ``auto_rows`` off
    (a layout that knows its rows) only ``total_rows`` are totals and no column-number row is
    looked for. ``labels`` are the
    header texts per field (default: the header row's cells). ``row_numbers`` are the 1-based sheet
    rows of the body rows when they are not simply the rows below the header (a layout that
    realigned or split rows); findings point at them.
    """
    start = header_row + 1 if data_start is None else data_start
    header = grid.rows[header_row] if header_row < len(grid.rows) else []
    if labels is None:
        labels = {name: cell_text(header[col]) if col < len(header) else "" for col, name in columns.items()}
    title = title_lines(grid.rows[:header_row])
    body = grid.rows[start:]
    cols = list(columns.values())
    # One object array for the whole body, then column views: a 100,000-row register stays cheap.
    width = max(max(map(len, body), default=0), max(columns, default=-1) + 1)
    if body and min(map(len, body)) != width:
        body = [[*row, *([None] * (width - len(row)))] for row in body]
    grid_cells = np.empty((len(body), width), dtype=object)
    if body:
        grid_cells[:] = body
    _apply_percent_formats(grid, grid_cells, columns, spec, start)
    cells = {name: grid_cells[:, col] for col, name in columns.items()}
    frame = pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in cells.items()})
    frame[ROW] = range(start + 1, start + 1 + len(frame)) if row_numbers is None else list(row_numbers)
    text_cols = [c for c in cols if c in _TOTAL_LABEL_COLUMNS] or cols[:3]
    flags = {
        c: _column_flags(cells[c], (_TOTAL_ALONE if c in _NAME_ONLY_COLUMNS else _TOTAL) if c in text_cols else None)
        for c in cols
    }
    blank = np.column_stack([flags[c][0] for c in cols]) if cols else np.ones((len(frame), 1), dtype=bool)
    filled = (~blank).sum(axis=1)
    # A blank row, or a note under the table ("*) Sumber : ..."), is not data.
    keep = filled > 0
    for position in np.flatnonzero(filled == 1):
        first = cols[int(np.flatnonzero(~blank[position])[0])]
        keep[position] = not _NOTE.match(cell_text(cells[first][position]).lower())
    is_total_rows = np.zeros(len(frame), dtype=bool)
    for c in text_cols if auto_rows else ():
        is_total_rows |= flags[c][1]
    if total_rows:
        is_total_rows |= frame[ROW].isin(list(total_rows)).to_numpy()
    frame = frame if keep.all() else frame[keep]
    if auto_rows:
        frame = _drop_column_number_rows(frame, cols)
    is_total = pd.Series(is_total_rows, index=range(len(is_total_rows))).loc[frame.index]
    frame = frame.assign(**{SHEET: grid.sheet, FILE: grid.file})
    totals = frame[is_total].reset_index(drop=True)
    data = frame[~is_total]
    if data.empty and len(grid_cells):
        # Every mapped cell is blank, yet rows below the header hold something: check the fields
        # against those rows, so a misplaced header is an error, not an empty table.
        content = np.array([any(cell_text(c) for c in row) for row in grid_cells], dtype=bool)
        rows = np.flatnonzero(content)
        empty = _empty_fields(spec, columns, labels, frame.iloc[0:0].reindex(rows), grid_cells, rows)
    else:
        empty = _empty_fields(spec, columns, labels, data, grid_cells, data.index.to_numpy())
    unmapped = unmapped_headers(header, set(columns))
    positions = data.index.to_numpy()
    distinct = {c: flags[c][2][positions] for c in cols if flags[c][2] is not None}  # type: ignore[index]
    return Table(
        file=grid.file,
        sheet=grid.sheet,
        header_row=header_row + 1,
        mapping={name: labels.get(name, "") for name in columns.values()},
        data=data.reset_index(drop=True),
        totals=totals,
        multiplier=multiplier(list(title) + [cell_text(c) for c in header]),
        title=title,
        unmapped=unmapped,
        columns={name: col for col, name in columns.items()},
        layout=layout,
        satker_code=satker[0],
        satker_name=satker[1],
        period=period,
        ambiguities=ambiguities,
        empty_fields=empty,
        data_row=start + 1,
        distinct=distinct,
    )


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


# --- never a silent zero -------------------------------------------------------------------------


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not pd.isna(value)


def _nearby(cells: np.ndarray, rows: np.ndarray, col: int, wanted: str, mapped: set[int]) -> tuple[str, ...]:
    """The letter of the column nearest to ``col`` (an unmapped one first, then the left one)
    holding ``wanted`` values (non-zero numbers, or text) in at least half of the data ``rows``."""
    if not len(rows):
        return ()
    body = cells[rows]
    need = max(1, len(rows) // 2)
    hits = []
    for other in range(body.shape[1]):
        if other == col:
            continue
        values = body[:, other]
        if wanted == "number":
            count = sum(1 for v in values if _is_number(v) and v != 0)
        else:
            count = sum(1 for v in values if isinstance(v, str) and not is_missing_text(v))
        if count >= need:
            hits.append((other in mapped, abs(other - col), other > col, other))
    hits.sort()
    return tuple(column_letter(h[3]) for h in hits[:1])


def _empty_fields(
    spec: DatasetSpec,
    columns: Mapping[int, str],
    labels: Mapping[str, str],
    data: pd.DataFrame,
    cells: np.ndarray,
    rows: np.ndarray,
) -> tuple[EmptyField, ...]:
    """Mapped columns that must hold values (``Column.fill``) but hold none in any data row."""
    if data.empty:
        return ()
    found: list[EmptyField] = []
    mapped = set(columns)
    for col, name in columns.items():
        if not spec.has(name):
            continue
        column = spec.column(name)
        if not column.fill:
            continue
        values = data[name]
        all_zero = False
        if column.fill == "number":
            numbers, _ = parse_numbers(values)
            present = bool(numbers.notna().any())
            if present and column.positive and not (numbers.fillna(0) != 0).any():
                present, all_zero = False, True
            wanted = "number"
        else:
            present = not all(is_missing_text(v) for v in values)
            wanted = "text"
        if present:
            continue
        label = column.label or name
        near = _nearby(cells, rows, col, wanted, mapped)
        found.append(EmptyField(name, label, labels.get(name, ""), column_letter(col), near, column.fill, all_zero))
    return tuple(found)
