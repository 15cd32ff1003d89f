"""Build a layout's table from rows it has already placed (see :func:`aligned_table`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from lakip_core.reading.builder import build_table
from lakip_core.reading.grids import Grid
from lakip_core.reading.model import DatasetSpec, Period, Table


def aligned_table(
    grid: Grid,
    spec: DatasetSpec,
    *,
    layout: str,
    title_rows: Sequence[Sequence[object]],
    columns: Mapping[str, int],
    labels: Mapping[str, str],
    body: Sequence[tuple[int, Mapping[str, object]]],
    total_rows: Collection[int] = (),
    satker: tuple[str, str] = ("", ""),
    period: Period | None = None,
    internal: Collection[str] = (),
) -> Table:
    """A table of rows a layout has already placed: ``body`` is (1-based sheet row, field → value).

    ``columns`` gives each field's column in the sheet (for letters in messages and the mapping
    screen); ``internal`` fields (a row's level, a key the layout computed) have no column of
    their own and are left out of :attr:`Table.columns`. Rows in ``total_rows`` are totals; no
    other row is guessed to be one.
    """
    width = max(columns.values(), default=-1) + 1
    header: list[object] = [None] * width
    for name, col in columns.items():
        header[col] = labels.get(name, "")
    rows: list[list[object]] = [list(row) for row in title_rows]
    rows.append(header)
    for _, values in body:
        cells: list[object] = [None] * width
        for name, value in values.items():
            cells[columns[name]] = value
        rows.append(cells)
    # No workbook bytes: the layout has read number formats (a "%" fraction) itself.
    aligned = Grid(grid.file, grid.sheet, rows)
    table = build_table(
        aligned,
        spec,
        len(title_rows),
        {col: name for name, col in columns.items()},
        total_rows=total_rows,
        auto_rows=False,
        labels=labels,
        row_numbers=[number for number, _ in body],
        layout=layout,
        satker=satker,
        period=period,
    )
    return replace(table, columns={n: c for n, c in table.columns.items() if n not in internal})
