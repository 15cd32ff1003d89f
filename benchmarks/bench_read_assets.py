"""Benchmark: reading a 100,000-row asset register, calamine alone vs ``load_report(assets=...)``.

Run ``python benchmarks/bench_read_assets.py`` (add ``--profile`` for a cProfile of the core path).
The register is generated once and cached under ``benchmarks/.cache/`` (gitignored): three title
rows, a blank row, the header ``Kode Satker | Kode Barang | NUP | Nama Barang | Merk | Tipe |
Tanggal Perolehan | Jumlah | Nilai Perolehan | Kondisi | Asal Perolehan`` (Kode Satker beside Kode
Barang and Merk beside Tipe, as SAKTI writes them: neither is a duplicate), then one row per unit
with real Excel dates, numeric values and conditions mixed as B / RR / RB / Baik. Each timing is
the best of 5 runs after one warm-up run. The target is ``load_report(assets=...)`` ≤ 1.2 ×
calamine alone (issue 8); CPU time is printed too, steadier than the wall clock on a busy machine.
The declared schema check of the asset frame (part of ``load_report``) is also timed on its own.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lakip_core import load_report  # noqa: E402
from lakip_core.analysis.assets import AssetData  # noqa: E402
from lakip_core.frame_schemas import ASSETS, check  # noqa: E402
from lakip_core.rules.settings import Settings  # noqa: E402

ROWS = 100_000
CACHE = Path(__file__).resolve().parent / ".cache"
REGISTER = CACHE / f"aset_register_satker_merk_tipe_{ROWS}.xlsx"
TARGET = 1.2
HEADER = (
    "Kode Satker",
    "Kode Barang",
    "NUP",
    "Nama Barang",
    "Merk",
    "Tipe",
    "Tanggal Perolehan",
    "Jumlah",
    "Nilai Perolehan",
    "Kondisi",
    "Asal Perolehan",
)
SATKER = "654321"
# (kode barang, nama barang, (merk, tipe) choices, typical value in rupiah)
ITEMS = (
    ("3020104001", "Kendaraan Roda 4", (("Toyota", "Innova G"), ("Suzuki", "APV"), ("Toyota", "Kijang LX")), 250e6),
    ("3020105010", "Kendaraan Roda 2", (("Suzuki", "FL 125 SD"), ("Yamaha", "Jupiter"), ("Honda", "Vario")), 18e6),
    ("3050104001", "Filling Cabinet Besi", (("Elite", "4 Laci"), ("Brother", "FC-104"), ("Lion", "44")), 3.5e6),
    ("3050105048", "LCD Projector/ Infocus", (("Epson", "EB-S400"), ("NEC", "V260X"), ("BenQ", "MS506")), 7e6),
    ("3050201002", "Meja Kerja Kayu", (("Olympic", "1/2 Biro"), ("Informa", "Meja 120"), ("Lokal", "-")), 2.5e6),
    ("3050201003", "Kursi", (("Chairman", "AC 930"), ("Ergotec", "LX 835"), ("Futura", "Besi/ Metal")), 1.2e6),
    ("3050206002", "Televisi", (("Samsung", "UA43T6500"), ("LG", "42 Inch"), ("Sharp", "2T-C42")), 6e6),
    ("3050204004", "Air Conditioner", (("Daikin", "FTV25"), ("Panasonic", "CS-PN9"), ("Sharp", "AH-A9")), 5.5e6),
    ("3100102001", "Personal Computer/PC", (("HP", "ProOne 400 G2"), ("Lenovo", "V530"), ("Dell", "Optiplex")), 12e6),
    ("3100102002", "Notebook", (("Dell", "Vostro 3468"), ("Asus", "X441"), ("Lenovo", "IP 100")), 11e6),
    ("3100203003", "Printer", (("HP", "Laserjet M15a"), ("Epson", "L360"), ("Brother", "HL-1201")), 2.8e6),
    ("3100203004", "Scanner", (("Fujitsu", "ix500"), ("Canon", "DR-C225"), ("Epson", "DS-530")), 9e6),
)
CONDITIONS = ("B", "B", "B", "Baik", "Baik", "RR", "RB")
SOURCES = ("Pengadaan Sendiri", "Pengadaan Sendiri", "KPU RI", "Hibah Bank BTN", "Transfer Masuk")


def read_assets() -> AssetData | None:
    """The core path: the register read through :func:`load_report`, as the dashboard does."""
    return load_report(assets=REGISTER, settings=Settings()).assets


def generate(path: Path, rows: int = ROWS, seed: int = 2024) -> None:
    """Write the register with openpyxl in write-only mode (deterministic for a given seed)."""
    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Daftar BMN")
    sheet.append(["DAFTAR BARANG MILIK NEGARA (BMN)"])
    sheet.append(["KPU KOTA JAKARTA SELATAN"])
    sheet.append(["POSISI PER 31 DESEMBER 2024"])
    sheet.append([])
    sheet.append(list(HEADER))
    nup: dict[str, int] = {}
    start = datetime(1995, 1, 1)
    for _ in range(rows):
        code, name, models, value = rng.choice(ITEMS)
        nup[code] = nup.get(code, 0) + 1
        acquired = start + timedelta(days=rng.randrange(0, 30 * 365))
        merk, tipe = rng.choice(models)
        sheet.append(
            [
                SATKER,
                code,
                nup[code],
                name,
                merk,
                tipe,
                acquired,
                1,
                round(value * rng.uniform(0.6, 1.4)),
                rng.choice(CONDITIONS),
                rng.choice(SOURCES),
            ]
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    workbook.save(partial)
    partial.replace(path)


def best_of(func: Callable[[], object], runs: int = 5) -> tuple[float, float]:
    """(wall, CPU) seconds of the fastest of ``runs`` calls, after one warm-up call.

    CPU time is printed too: on a busy machine it moves much less than the wall clock.
    """
    func()
    walls, cpus = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        func()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - start_cpu)
    return min(walls), min(cpus)


def calamine_only(path: Path) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of read_assets")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if not REGISTER.exists():
        print(f"Membuat {REGISTER.name} ({ROWS:,} baris) ...", flush=True)
        generate(REGISTER)
    data = read_assets()
    assert data is not None and len(data.frame) == ROWS, f"expected {ROWS} rows"
    assert data.tables[0].mapping["satker_code"] == "Kode Satker" and data.tables[0].mapping["code"] == "Kode Barang"
    assert data.tables[0].mapping["brand"] == "Merk" and data.tables[0].mapping["model"] == "Tipe"
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(read_assets)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    base, base_cpu = best_of(lambda: calamine_only(REGISTER), args.runs)
    core, core_cpu = best_of(lambda: read_assets(), args.runs)
    assert data is not None
    schema, schema_cpu = best_of(lambda: check(data.frame, ASSETS), args.runs)
    ratio = core / base
    print(f"rows:                 {ROWS:,}")
    print(f"python-calamine only: {base:.3f} s (CPU {base_cpu:.3f} s)")
    print(f"read_assets:          {core:.3f} s (CPU {core_cpu:.3f} s)")
    print(
        f"  of which the schema check (frame_schemas.check): {schema * 1000:.1f} ms (CPU {schema_cpu * 1000:.1f} ms, "
        f"{schema_cpu / core_cpu:.1%} of read_assets' CPU)"
    )
    verdict = "OK" if ratio <= TARGET else "ABOVE TARGET"
    print(f"ratio:                {ratio:.2f} (CPU {core_cpu / base_cpu:.2f}; target ≤ {TARGET:.2f}) {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
