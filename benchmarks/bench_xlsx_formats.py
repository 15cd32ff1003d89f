"""Benchmark: finding percent-formatted cells vs reading the sheet with python-calamine.

Run ``python benchmarks/bench_xlsx_formats.py``. The workbook (100,000 rows × 15 columns, written
once with openpyxl's write-only mode and cached under ``benchmarks/.cache/``, gitignored) looks
like an indicator or budget export saved by Excel: shared strings, integers, amounts, dates, and
two percent columns (builtin ``0.00%`` and a custom ``0.0%``), one of them mixing percent cells
with typed text ``"100%"``. Timings are the best of 5 runs after one warm-up run:

- calamine: ``CalamineWorkbook.from_filelike(...).get_sheet_by_name(...).to_python()``
- ``percent_cells`` on the same bytes (all columns, and only the two percent columns)
- the positional fallback (every ``<c>`` tag walked), the worst case
- only inflating the sheet XML, the floor for anything that reads the sheet

The target is a small fraction of calamine's own time.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lakip_core.reading import xlsx_formats  # noqa: E402

ROWS = 100_000
COLUMNS = 15
SHEET = "Data"
CACHE = Path(__file__).resolve().parent / ".cache"
WORKBOOK = CACHE / f"percent_formats_{ROWS}x{COLUMNS}.xlsx"
PERCENT_COLUMNS = (9, 12)  # J (0.00%) and M (0.0%, mixed with text)


def generate(path: Path, rows: int = ROWS, seed: int = 2025) -> None:
    """Write the workbook (deterministic for a given seed)."""
    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET)
    sheet.append([f"Kolom {c + 1}" for c in range(COLUMNS)])
    start = date(2020, 1, 1)
    units = ("Dokumen", "Laporan", "%", "Unit", "Paket")
    for number in range(1, rows + 1):
        pct2 = WriteOnlyCell(sheet, value=round(rng.uniform(0.5, 1.0), 4))
        pct2.number_format = "0.00%"
        if rng.random() < 0.2:
            pct1: object = "100%"
        else:
            cell = WriteOnlyCell(sheet, value=round(rng.uniform(0.5, 1.0), 3))
            cell.number_format = "0.0%"
            pct1 = cell
        day = WriteOnlyCell(sheet, value=start + timedelta(days=rng.randrange(1500)))
        day.number_format = "dd/mm/yyyy"
        sheet.append(
            [
                number,
                f"{rng.randrange(100000, 999999)}",
                f"Indikator kinerja nomor {rng.randrange(5000)}",
                rng.choice(units),
                rng.randrange(1, 500),
                round(rng.uniform(1e6, 5e9)),
                round(rng.uniform(1e6, 5e9)),
                day,
                rng.random() * 100,
                pct2,
                f"Keterangan {rng.randrange(300)}",
                rng.randrange(0, 2),
                pct1,
                round(rng.uniform(0, 1e8), 2),
                rng.choice(("Baik", "Rusak Ringan", "Rusak Berat")),
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    workbook.save(partial)
    partial.replace(path)


def best_of(func: Callable[[], object], runs: int) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest of ``runs`` calls, after one warm-up call."""
    func()
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return min(walls), min(cpus)


def calamine_only(data: bytes) -> list[list[object]]:
    return CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name(SHEET).to_python()


def positional(data: bytes) -> dict[int, list[int]]:
    """The fallback that walks every cell tag (used when cells lack ``r`` or style 0 is a percent)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = xlsx_formats.percent_styles(archive.read("xl/styles.xml"))
        with archive.open("xl/worksheets/sheet1.xml") as stream:
            return xlsx_formats._scan_positions(stream, styles, None)


def inflate_only(data: bytes) -> int:
    """Only decompress the sheet XML: the floor for any reader of the sheet."""
    import zipfile

    size = 0
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("xl/worksheets/sheet1.xml") as stream:
        while block := stream.read(1 << 22):
            size += len(block)
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not WORKBOOK.exists():
        print(f"Membuat {WORKBOOK.name} ({ROWS:,} baris × {COLUMNS} kolom) ...", flush=True)
        generate(WORKBOOK)
    data = WORKBOOK.read_bytes()
    found = xlsx_formats.percent_cells(data, SHEET)
    assert found is not None and sorted(found.by_column) == list(PERCENT_COLUMNS), found
    assert len(found.rows(PERCENT_COLUMNS[0])) == ROWS
    assert len(found) == sum(len(r) for r in positional(data).values())
    base, base_cpu = best_of(lambda: calamine_only(data), args.runs)
    every, every_cpu = best_of(lambda: xlsx_formats.percent_cells(data, SHEET), args.runs)
    some, some_cpu = best_of(lambda: xlsx_formats.percent_cells(data, SHEET, PERCENT_COLUMNS), args.runs)
    slow, slow_cpu = best_of(lambda: positional(data), args.runs)
    floor, floor_cpu = best_of(lambda: inflate_only(data), args.runs)
    print(f"cells:                         {ROWS:,} × {COLUMNS} ({len(found):,} percent cells)")
    print(f"python-calamine to_python:     {base:.3f} s (CPU {base_cpu:.3f} s)")
    for label, wall, cpu in (
        ("percent_cells (all columns)", every, every_cpu),
        ("percent_cells (2 columns)", some, some_cpu),
        ("positional fallback", slow, slow_cpu),
        ("(inflating the sheet XML only)", floor, floor_cpu),
    ):
        print(f"{label + ':':<30} {wall:.3f} s (CPU {cpu:.3f} s)  ratio {wall / base:.2f} (CPU {cpu / base_cpu:.2f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
