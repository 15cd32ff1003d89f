"""Large .xlsx sheets read column by column (fastexcel → Arrow) instead of cell by cell.

python-calamine turns every cell of a sheet into a Python object before anything else can look at
it; for a 100,000-row asset register that is most of the reading time. For a large workbook this
module finds the header from the first rows only (:mod:`lakip_core.reading.xlsx_head`), then has
fastexcel (the same Rust calamine underneath) load just the mapped columns below it as typed
Arrow arrays, and decides blank rows, notes and total rows with Arrow compute functions.

It is an exact shortcut or nothing: fastexcel is asked for *strict* column types, so a column
that mixes numbers and text (``"1.234,5"`` beside ``1234.5``, a ``-`` among amounts), whose text
rendering of numbers could differ from calamine's cells, makes it give up; so does a known export
layout, a percent column, a sheet without a complete header, or a mapped column that would be a
silent zero. Then :func:`read_tables_columnar` returns ``None`` and the caller reads the file
cell by cell, which gives every message and every figure. Either way the :class:`Table` is the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from lakip_core.reading.builder import (
    _NAME_ONLY_COLUMNS,
    _NOTE,
    _TOTAL,
    _TOTAL_ALONE,
    _TOTAL_LABEL_COLUMNS,
    _drop_column_number_rows,
    multiplier,
    title_lines,
    unmapped_headers,
)
from lakip_core.reading.grids import Grid
from lakip_core.reading.model import Ambiguity, DatasetSpec, Table, column_letter
from lakip_core.reading.numbers import MISSING_TEXTS, cell_text
from lakip_core.reading.xlsx_head import head_rows
from lakip_core.schema import FILE, ROW, SHEET

# Smaller workbooks are read cell by cell: the shortcut only pays off on large sheets.
MIN_BYTES = 1 << 20
HEAD_ROWS = 40


def read_tables_columnar(data: bytes, name: str, spec: DatasetSpec) -> list[Table] | None:
    """Every sheet's table of a large .xlsx read column by column, or ``None`` to read it cell by
    cell (see the module docstring for when)."""
    if len(data) < MIN_BYTES:
        return None
    try:
        import fastexcel
    except ImportError:  # pragma: no cover - pinned in requirements.txt
        return None
    from lakip_core.reading.layouts import read_layout
    from lakip_core.reading.tables import (
        HEADER_SEARCH_ROWS,
        _best_header,
        _label_of,
        _resolve_duplicates,
        _two_row_header,
    )

    try:
        reader = fastexcel.read_excel(data)
        sheets = list(reader.sheet_names)
    except Exception:  # anything fastexcel cannot open, calamine will explain
        return None
    tables: list[Table] = []
    for sheet in sheets:
        head = head_rows(data, sheet, max(HEAD_ROWS, HEADER_SEARCH_ROWS))
        if head is None:
            return None
        grid = Grid(name, sheet, head)
        if not head:
            continue
        if read_layout(grid, spec) is not None:
            return None
        candidate = _best_header(grid, spec)
        if candidate is None:
            continue
        idx, mapping, data_start = _two_row_header(grid, *candidate, spec)
        found = set(mapping.values())
        if any(c.required and c.name not in found for c in spec.columns) or any(
            not found.intersection(group) for group in spec.one_of
        ):
            return None
        mapping, ambiguities = _resolve_duplicates(grid, idx, mapping, spec, data_start)
        if any(spec.has(n) and spec.column(n).percent for n in mapping.values()):
            return None
        try:
            loaded = reader.load_sheet(
                sheet,
                header_row=None,
                skip_rows=data_start,
                dtype_coercion="strict",
                schema_sample_rows=None,
                use_columns=",".join(column_letter(col) for col in sorted(mapping)),
            )
            body = loaded.to_arrow()
        except Exception:  # mixed types, a mapped column outside the used range ...
            return None
        if body.num_columns != len(mapping):
            return None
        labels = {n: _label_of(grid, idx, col, data_start) for col, n in mapping.items()}
        columns = {col: body.column(i) for i, col in enumerate(sorted(mapping))}
        table = _build(grid, spec, idx, mapping, data_start, columns, labels, ambiguities)
        if table is None:
            return None
        tables.append(table)
    return tables or None


def _column(array: object) -> Any:
    import pyarrow as pa

    return array if isinstance(array, pa.ChunkedArray) else pa.chunked_array(array)


def _is_text(column: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(column.type) or pa.types.is_large_string(column.type))


def _encode(column: Any) -> tuple[np.ndarray, list[object]]:
    """Dictionary codes (-1 for blanks) and distinct values of a text column, by Arrow."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(column).combine_chunks()
    codes = np.asarray(pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False), dtype=np.int32)
    return codes, encoded.dictionary.to_pylist()


def _flags(column: Any, totals: re.Pattern[str] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray]:
    """(blank, total, codes, values) of one Arrow column: text is decided once per distinct value,
    as the cell-by-cell builder does, and the cells are the distinct values' objects, shared."""
    import pyarrow.compute as pc

    length = len(column)
    if not _is_text(column):
        blank = np.asarray(pc.is_null(column).to_numpy(zero_copy_only=False), dtype=bool)
        return blank, np.zeros(length, dtype=bool), None, _values(column)
    codes, uniques = _encode(column)
    lowered = [cell_text(u).lower() for u in uniques]
    # The appended last entry is what code -1 (a blank cell) picks.
    blank = np.array([low in MISSING_TEXTS for low in lowered] + [True], dtype=bool)[codes]
    total = np.zeros(length, dtype=bool)
    if totals is not None:
        hits = [len(low) < 60 and bool(totals.match(low)) for low in lowered]
        total = np.array([*hits, False], dtype=bool)[codes]
    cells = np.empty(len(uniques) + 1, dtype=object)
    cells[:] = [*uniques, ""]  # an empty cell is "", as calamine gives it
    return blank, total, codes, cells[codes]


def _values(column: Any) -> np.ndarray:
    """A non-text Arrow column as calamine's values: floats (NaN for blanks), datetimes, booleans."""
    import pyarrow as pa

    kind = column.type
    if pa.types.is_floating(kind) or pa.types.is_integer(kind):
        return np.asarray(column.to_numpy(), dtype="float64")
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        values = pd.Series(column.to_pandas())
        if not values.isna().any():
            return values.to_numpy()  # datetime64: read as the same dates, without a Python object per cell
        objects = values.astype(object)
        return objects.where(values.notna(), None).to_numpy(dtype=object)
    return np.asarray(column.to_numpy(zero_copy_only=False), dtype=object)


def _build(
    grid: Grid,
    spec: DatasetSpec,
    header_row: int,
    mapping: Mapping[int, str],
    data_start: int,
    columns: Mapping[int, object],
    labels: Mapping[str, str],
    ambiguities: tuple[Ambiguity, ...],
) -> Table | None:
    """The :class:`Table` of Arrow columns, as :func:`~lakip_core.reading.builder.build_table`
    builds it from cells; ``None`` when a mapped column would be a silent zero (the cell-by-cell
    path names the columns where the values are)."""
    cols = list(mapping.values())
    text_cols = [c for c in cols if c in _TOTAL_LABEL_COLUMNS] or cols[:3]
    flags = {
        name: _flags(
            _column(columns[col]),
            (_TOTAL_ALONE if name in _NAME_ONLY_COLUMNS else _TOTAL) if name in text_cols else None,
        )
        for col, name in mapping.items()
    }
    values = {name: flags[name][3] for name in cols}
    length = len(next(iter(values.values())))
    blank = np.column_stack([flags[c][0] for c in cols])
    filled = (~blank).sum(axis=1)
    keep = filled > 0
    for position in np.flatnonzero(filled == 1):
        first = cols[int(np.flatnonzero(~blank[position])[0])]
        keep[position] = not _NOTE.match(cell_text(values[first][position]).lower())
    is_total = np.zeros(length, dtype=bool)
    for name in text_cols:
        is_total |= flags[name][1]
    frame = pd.DataFrame(
        {name: pd.Series(v, dtype=object) if v.dtype == object else pd.Series(v) for name, v in values.items()}
    )
    frame[ROW] = np.arange(data_start + 1, data_start + 1 + length)
    frame = frame if keep.all() else frame[keep]
    frame = _drop_column_number_rows(frame, cols)
    frame = frame.assign(**{SHEET: grid.sheet, FILE: grid.file})
    totals_mask = is_total[frame.index.to_numpy()]
    totals = frame[totals_mask].reset_index(drop=True)
    data = frame[~totals_mask]
    positions = data.index.to_numpy()
    data = data.reset_index(drop=True)
    for name in cols:
        column = spec.column(name) if spec.has(name) else None
        if column is None or not column.fill or data.empty:
            continue
        if column.fill == "number":
            numbers = pd.to_numeric(data[name], errors="coerce")
            if numbers.isna().all() or (column.positive and not numbers.fillna(0).ne(0).any()):
                return None
        elif flags[name][0][positions].all():
            return None
    title = title_lines(grid.rows[:header_row])
    header = grid.rows[header_row]
    distinct = {name: flags[name][2][positions] for name in cols if flags[name][2] is not None}  # type: ignore[index]
    return Table(
        file=grid.file,
        sheet=grid.sheet,
        header_row=header_row + 1,
        mapping={name: labels.get(name, "") for name in mapping.values()},
        data=data,
        totals=totals,
        multiplier=multiplier(list(title) + [cell_text(c) for c in header]),
        title=title,
        unmapped=unmapped_headers(header, mapping),
        columns={name: col for col, name in mapping.items()},
        ambiguities=ambiguities,
        distinct=distinct,
    )
