"""The column-by-column reader of large .xlsx gives exactly the tables the cell-by-cell reader
gives, or steps aside (``None``) so the cell-by-cell reader can answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from lakip_core.analysis import assets, budget, indicators, staff
from lakip_core.reading import columnar
from lakip_core.reading.grids import load_grids
from lakip_core.reading.tables import find_tables, read_tables
from lakip_core.reading.xlsx_head import head_rows
from lakip_core.rules.settings import Settings
from tests.real_exports import bmn_register, glp039, percent_cells, siasn_staff, sipd_lra


@pytest.fixture(autouse=True)
def every_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(columnar, "MIN_BYTES", 0)  # the shortcut is for large files; test it on small ones


def both(path: Path, spec: Any) -> tuple[Any, Any]:
    data = path.read_bytes()
    return columnar.read_tables_columnar(data, path.name, spec), find_tables(load_grids(data, path.name), spec)


@pytest.mark.parametrize("style", ["simak", "sakti", "siman"])
@pytest.mark.parametrize("with_condition", [True, False])
def test_registers_read_column_by_column_equal_the_cell_by_cell_tables(
    tmp_path: Path, style: str, with_condition: bool
) -> None:
    expected = bmn_register(tmp_path / f"{style}.xlsx", style=style, rows=700, with_condition=with_condition)
    fast, slow = both(expected.path, assets.SPEC)
    assert fast is not None
    for quick, exact in zip(fast, slow, strict=True):
        assert (quick.header_row, quick.mapping, quick.title, quick.unmapped, quick.columns) == (
            exact.header_row,
            exact.mapping,
            exact.title,
            exact.unmapped,
            exact.columns,
        )
        assert len(quick.data) == len(exact.data) == expected.rows
    settings = Settings(year=2025)
    quick_frame = assets.from_tables(fast, settings).frame
    exact_frame = assets.from_tables(slow, settings).frame
    pd.testing.assert_frame_equal(quick_frame, exact_frame, check_dtype=False)
    summary = assets.summarize(assets.from_tables(fast, settings))
    assert summary.units == expected.quantity and summary.total_value == expected.nilai_perolehan


def test_total_rows_notes_and_blank_rows_as_the_cell_by_cell_reader(xlsx: Any) -> None:
    rows = [
        ["DAFTAR BARANG"],
        [],
        ["Kode Barang", "Nama Barang", "Jumlah", "Nilai Perolehan", "Kondisi"],
        ["3100102001", "PC", 2.0, 24_000_000.0, "B"],
        [None, None, None, None, None],
        ["3100203003", "Printer", 1.0, 2_800_000.0, "RB"],
        ["JUMLAH", None, 3.0, 26_800_000.0, None],
        ["*) Sumber: SIMAK BMN", None, None, None, None],
    ]
    fast, slow = both(xlsx(rows, name="aset.xlsx"), assets.SPEC)
    assert fast is not None
    (quick,), (exact,) = fast, slow

    def cells(frame: pd.DataFrame) -> pd.DataFrame:  # an empty number cell: NaN here, "" from calamine
        return frame.astype(object).replace("", None).where(frame.notna(), None)

    pd.testing.assert_frame_equal(cells(quick.data), cells(exact.data), check_dtype=False)
    pd.testing.assert_frame_equal(cells(quick.totals), cells(exact.totals), check_dtype=False)
    assert list(quick.data["_row"]) == [4, 6] and list(quick.totals["_row"]) == [7]


@pytest.mark.parametrize(
    "case",
    ["glp039", "sipd", "percent", "mixed", "staff_serial_dates", "silent_zero", "missing_columns"],
)
def test_steps_aside_when_only_the_cell_by_cell_reader_is_exact(tmp_path: Path, xlsx: Any, case: str) -> None:
    path: Path
    spec: Any = budget.SPEC
    if case == "glp039":
        path = glp039(tmp_path / "glp.xlsx", rows=80).path  # a known layout
    elif case == "sipd":
        path = sipd_lra(tmp_path / "lra.xlsx", rows=10).path
    elif case == "percent":
        path, spec = percent_cells(tmp_path / "persen.xlsx").path, indicators.SPEC  # number formats
    elif case == "mixed":  # "1.234,5" beside 1234.5: the text a number would become is not the cell
        path = xlsx([["Uraian", "Pagu", "Realisasi"], ["A", "1.234,5", 5.0], ["B", 100.123, 7.0]])
    elif case == "staff_serial_dates":
        path, spec = siasn_staff(tmp_path / "pns.xlsx", rows=30).path, staff.SPEC  # dates and serials mixed
    elif case == "silent_zero":
        path = xlsx([["Uraian", None, "Pagu", "Realisasi"], ["A", 5.0, None, 1.0], ["B", 6.0, None, 2.0]])
    else:
        path = xlsx([["Uraian", "Realisasi"], ["A", 1.0]])
    assert columnar.read_tables_columnar(path.read_bytes(), path.name, spec) is None
    read_tables(path, spec) if case != "missing_columns" else None  # the cell-by-cell reader answers


def test_head_rows_are_the_first_rows_calamine_reads(tmp_path: Path) -> None:
    expected = bmn_register(tmp_path / "sakti.xlsx", style="sakti", rows=300)
    data = expected.path.read_bytes()
    head = head_rows(data, expected.sheet, 40)
    (grid,) = load_grids(data, expected.path.name)
    assert head is not None and len(head) == 40
    for mine, theirs in zip(head, grid.rows[:40], strict=True):
        # Dates stay serial numbers in the head (only labels are read from it); the rest is equal.
        assert [c for c in mine if not isinstance(c, float)] == [
            c for c in theirs[: len(mine)] if not isinstance(c, (float, int)) and not hasattr(c, "year")
        ]
    assert head[4][: len(expected.columns)] == list(expected.columns)
