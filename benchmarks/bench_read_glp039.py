"""Benchmark: reading a 5,000-row SAKTI GLP039 (the monthly budget report) through the core.

Run ``python benchmarks/bench_read_glp039.py``. The file comes from the test generator
(``tests/real_exports/glp039.py``: title rows, merged two-row header, shifted JUMLAH SELURUHNYA
row, footnotes at every page break, inline strings and Java doubles), written once under
``benchmarks/.cache/``. Timed: ``load_report(budget=...)`` (read, codes joined, totals), then the
same with every budget check (items against their akun, parents against children, stated total).
Each timing is the best of 5 runs after one warm-up; python-calamine alone is printed as the
floor. The target (issue 8) is a read in under 1 s, judged on CPU time (steady on a busy machine).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lakip_core import load_report  # noqa: E402
from tests.real_exports import glp039  # noqa: E402

ROWS = 5_000
CACHE = Path(__file__).resolve().parent / ".cache"
REPORT = CACHE / f"glp039_{ROWS}.xlsx"
TARGET_SECONDS = 1.0


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    expected = glp039(REPORT, rows=ROWS, seed=2025)
    report = load_report(budget=REPORT)
    totals = report.budget_totals
    assert totals is not None and totals.allocation == expected.pagu and totals.realized == expected.realisasi
    calamine, calamine_cpu = best_of(
        lambda: CalamineWorkbook.from_path(str(REPORT)).get_sheet_by_name(expected.sheet).to_python(), args.runs
    )
    read, read_cpu = best_of(lambda: load_report(budget=REPORT), args.runs)
    checked, checked_cpu = best_of(lambda: load_report(budget=REPORT).findings, args.runs)
    print(f"rows written:          {expected.rows:,} ({expected.akun_rows:,} akun, {expected.item_rows:,} item)")
    print(f"python-calamine only:  {calamine:.3f} s (CPU {calamine_cpu:.3f} s)")
    print(f"read (load_report):    {read:.3f} s (CPU {read_cpu:.3f} s)")
    print(f"read + budget checks:  {checked:.3f} s (CPU {checked_cpu:.3f} s)")
    # The verdict is on CPU time: on a shared machine the wall clock measures the other processes.
    verdict = "OK" if read_cpu <= TARGET_SECONDS else "ABOVE TARGET"
    print(f"target:                read ≤ {TARGET_SECONDS:.1f} s (CPU) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
