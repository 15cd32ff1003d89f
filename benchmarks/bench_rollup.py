"""Benchmark: the provincial / national roll-up over KPU's 553 satker × 5 years.

Generates, in this process, one office-year per satker and year: a budget of about 1,000 akun
lines (SAKTI GLP039 as tests/real_exports/glp039.py writes it, or the flat ``kd*`` download),
about 60 indicators (the sample's Bab III layout), about 300 asset lines (the sample's BMN list)
and about 30 staff (a SIASN export from tests/real_exports/staff.py). Each file is read once the
way an upload is read (``inspect_bytes``: the reading the upload's sandbox child runs, here in
process) and saved as versions into SQLite and into PostgreSQL (a private cluster started here,
like tests/test_store_postgres.py, with PostgreSQL's default durability), then every roll-up view
(the queries and functions behind pages/provinsi_nasional.py) and one satker's report (rebuilt
from its stored files, what the other pages show) are timed on each backend.

Prints import throughput (versions/s, MB/s), the time of each view (first call and median of
``--repeat``), and memory (peak RSS of the process; tracemalloc peak of one page rerun).
Goals (issue 13): every view ≤ 2 s, peak memory ≤ 1 GB.

Usage:
    python benchmarks/bench_rollup.py                      # 553 satker × 5 years (about an hour here)
    python benchmarks/bench_rollup.py --satker 50 --years 2  # a quick check (a minute or two)
    python benchmarks/bench_rollup.py --backends sqlite --budget-layout flat

``--budget-layout auto`` (the default) uses GLP039 when this checkout reads GLP039 files (it checks
one first), else the flat layout, and says which one it measured.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lakip_core.analysis.regions import regions  # noqa: E402
from lakip_core.analysis.report import report_from_files  # noqa: E402
from lakip_core.analysis.rollup import METRICS, filtered, ranked, satker_table  # noqa: E402
from lakip_core.intake.inspection import Inspection, inspect_bytes  # noqa: E402
from lakip_core.presentation.charts import DESK  # noqa: E402
from lakip_core.presentation.export import csv_bytes  # noqa: E402
from lakip_core.presentation.export_xlsx import to_xlsx  # noqa: E402
from lakip_core.presentation.rollup import ranking_bars, ranking_columns, ranking_export, spread_chart  # noqa: E402
from lakip_core.store import Store  # noqa: E402
from lakip_core.store.auth import SYSTEM  # noqa: E402
from tests.postgres import private_cluster  # noqa: E402
from tests.real_exports.budget_codes import AKUN, GENERIC_AKUN, KEGIATAN, RO_OF_KEGIATAN, SUBKOMPONEN  # noqa: E402
from tests.real_exports.common import MONTHS, round_to  # noqa: E402
from tests.real_exports.glp039 import glp039  # noqa: E402
from tests.real_exports.staff import siasn_staff  # noqa: E402
from tests.real_exports.xlsx_raw import Workbook  # noqa: E402

LAST_YEAR = 2025
LAST_MONTH = 10  # the newest year is a monthly snapshot (IKPA pace); older years are December
GLP039_ROWS_PER_AKUN = 4.7  # glp039(rows=...) writes about one akun line per 4,7 hierarchy rows
KINDS = ("budget", "indicators", "assets", "staff")
# One satker's pages: not part of the roll-up page's rerun (the second is the "before" of a fix).
REPORT_VIEWS = ("laporan satu satker (dari berkas)", "  sebelum: Store.version lewat semua versi")
# Built when its download button is clicked, not on every rerun of the page.
ON_CLICK = "ekspor xlsx + CSV (saat diklik)"


# --- the satker ------------------------------------------------------------------------------


def satker_names(count: int) -> list[str]:
    """KPU RI, the 38 KPU Provinsi and the 514 KPU Kabupaten/Kota (Aceh's are KIP); ``count`` of
    them spread evenly over the list, so a small run still covers many provinces."""
    names = ["KPU RI"]
    for region in regions():
        body = "KIP" if region.province_code == "11" else "KPU"
        if region.level == "provinsi":
            names.append(f"{body} Provinsi {region.name}")
        else:
            names.append(f"{body} {region.name.replace('Administrasi ', '')}")
    if count >= len(names):
        return names
    step = len(names) / count
    return [names[int(i * step)] for i in range(count)]


# --- the files -------------------------------------------------------------------------------


@dataclass
class Office:
    """One satker-year's character: how well it performs and spends (makes the spread)."""

    name: str
    year: int
    month: int
    seed: int
    skill: float
    spending: float


def budget_flat(path: Path, office: Office, akun_lines: int) -> None:
    """A flat SAKTI download: title rows, then one row per akun with its code columns."""
    rng = random.Random(office.seed)
    share = office.month / 12
    rows: list[list[object]] = []
    kegiatan = sorted(KEGIATAN)
    number = 51
    while len(rows) < akun_lines:
        for giat in kegiatan:
            for ro in RO_OF_KEGIATAN[giat]:
                kro, ro_code = ro.split(".")
                komponen = f"{number:03d}"
                for sub, _name in SUBKOMPONEN[: rng.randint(1, 4)]:
                    for akun in rng.sample(GENERIC_AKUN, rng.randint(2, 5)) + (["511111"] if giat == "3360" else []):
                        pagu = round_to(rng.uniform(2e6, 150e6), 1000)
                        if akun.startswith("51"):
                            fraction = share * rng.uniform(0.92, 1.0)
                        elif akun.startswith("53"):
                            fraction = rng.choice((0.0, 0.97, 1.0))
                        else:
                            fraction = min(1.0, share * office.spending * rng.uniform(0.6, 1.2))
                        rows.append(
                            [
                                "WA",
                                giat,
                                kro,
                                ro_code,
                                komponen,
                                f"{komponen}.{sub}",
                                akun,
                                AKUN[akun],
                                pagu,
                                round(pagu * fraction),
                            ]  # fmt: skip
                        )
                number += 1
    with Workbook(path) as book:
        sheet = book.sheet("Sheet1")
        sheet.append([f"LAPORAN REALISASI ANGGARAN {office.name.upper()}"])
        sheet.append([f"TAHUN ANGGARAN {office.year}"])
        sheet.append([f"Periode {MONTHS[office.month - 1]} {office.year}"])
        sheet.append([])
        columns = ["kdprogram", "kdgiat", "kdkro", "kdro", "kdkmpnen", "kdskmpnen", "kdakun", "nmakun"]
        sheet.append([*columns, "Pagu", "Realisasi"])
        sheet.append_many(rows[:akun_lines])


def budget_glp039(path: Path, office: Office, akun_lines: int) -> None:
    code = f"{654000 + office.seed % 1000:06d}"
    glp039(path, rows=int(akun_lines * GLP039_ROWS_PER_AKUN), seed=office.seed, month=office.month,
           year=office.year, satker=(code, office.name.upper()))  # fmt: skip


OBJECTIVES = (
    "Terlaksananya Akuntabilitas Pengelolaan Keuangan (3355)",
    "Tersedianya Sarana dan Prasarana Pemilu (3356)",
    "Terlaksananya Manajemen Perencanaan dan Data (3357)",
    "Terselenggaranya Operasional Perkantoran (3360)",
    "Terlaksananya Pengawasan Internal (3361)",
    "Tersusunnya Produk Hukum dan Advokasi (3363)",
    "Meningkatnya Partisipasi Masyarakat dalam Pemilu (3364)",
)
MEASURES = (
    "Persentase laporan keuangan yang disusun tepat waktu",
    "Persentase dokumen perencanaan yang ditetapkan",
    "Persentase layanan perkantoran yang terpenuhi",
    "Persentase kegiatan sosialisasi yang terlaksana",
    "Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti",
    "Persentase produk hukum yang diselesaikan",
    "Persentase data pemilih yang dimutakhirkan",
    "Persentase barang milik negara yang ditatausahakan",
)


def indicators_file(path: Path, office: Office, count: int) -> None:
    """The sample's Bab III table: No. | Sasaran | Indikator Kinerja | Target | Capaian | %."""
    rng = random.Random(office.seed + 1)
    with Workbook(path) as book:
        sheet = book.sheet("Capaian Kinerja")
        for text in ("PENGUKURAN CAPAIAN KINERJA", office.name.upper(), f"TAHUN {office.year}"):
            sheet.append([text])
        sheet.append([])
        sheet.append(["No.", "Sasaran", "Indikator Kinerja", "Target", "Capaian", "%"])
        for number in range(1, count + 1):
            objective = OBJECTIVES[(number - 1) * len(OBJECTIVES) // count]
            measure = f"{MEASURES[number % len(MEASURES)]} ({number})"
            value = min(130.0, max(0.0, rng.gauss(office.skill, 12)))
            actual = "-" if rng.random() < 0.08 else f"{value:.2f}%".replace(".", ",")
            sheet.append([f"{number}.", objective, measure, "100%", actual, None])


ASSETS = (
    ("Kendaraan Roda 4", "Toyota Kijang Innova"),
    ("Kendaraan Roda 2", "Honda Supra X"),
    ("Laptop", "Lenovo ThinkPad"),
    ("PC Unit", "HP ProDesk"),
    ("Printer", "Epson L3110"),
    ("AC Split", "Daikin 1 PK"),
    ("Meja Kerja", "Olympic"),
    ("Kursi Kerja", "Chitose"),
    ("Filling Cabinet Besi", "Elite"),
    ("Lemari Arsip", "Brother"),
)


def assets_file(path: Path, office: Office, count: int) -> None:
    """The sample's BMN list: No. | Nama Barang | Merk Barang | Tahun Perolehan | Jumlah | Kondisi."""
    rng = random.Random(office.seed + 2)
    with Workbook(path) as book:
        sheet = book.sheet("Peralatan")
        for text in ("DAFTAR BARANG MILIK NEGARA (BMN)", f"{office.name.upper()} TAHUN {office.year}"):
            sheet.append([text])
        sheet.append([])
        sheet.append(["No.", "Nama Barang", "Merk Barang", "Tahun Perolehan", "Jumlah (Buah)", "Kondisi Barang"])
        for number in range(1, count + 1):
            name, brand = rng.choice(ASSETS)
            acquired = rng.randint(1998, office.year)
            condition = rng.choices(("Baik", "Rusak Ringan", "Rusak Berat"), (80, 12, 8))[0]
            sheet.append([number, name, brand, acquired, rng.choice((1, 1, 1, 2, 4)), condition])


def office_files(folder: Path, office: Office, layout: str, akun_lines: int) -> dict[str, tuple[bytes, str]]:
    """The four files of one satker-year: kind → (bytes, file name)."""
    names = {"budget": "anggaran.xlsx", "indicators": "indikator.xlsx", "assets": "aset.xlsx", "staff": "pegawai.xlsx"}
    paths = {kind: folder / name for kind, name in names.items()}
    (budget_glp039 if layout == "glp039" else budget_flat)(paths["budget"], office, akun_lines)
    indicators_file(paths["indicators"], office, 60)
    assets_file(paths["assets"], office, 300)
    siasn_staff(paths["staff"], rows=30, seed=office.seed, year=office.year)
    return {kind: (path.read_bytes(), names[kind]) for kind, path in paths.items()}


def glp039_reads(folder: Path) -> bool:
    """True when this checkout reads a GLP039 download to the totals it states (s8a's reader)."""
    office = Office("KPU Kabupaten Contoh", LAST_YEAR, LAST_MONTH, 7, 90.0, 1.0)
    path = folder / "probe.xlsx"
    expected = glp039(path, rows=400, seed=7, month=LAST_MONTH, year=LAST_YEAR, satker=("654321", office.name.upper()))
    try:
        inspection = inspect_bytes(path.read_bytes(), path.name, "budget", LAST_YEAR)
    except Exception:  # noqa: BLE001 (any failure means: not readable here)
        return False
    budget = inspection.summary.get("budget", {})
    return inspection.ok and budget.get("allocation") == expected.pagu and budget.get("realized") == expected.realisasi


# --- import ----------------------------------------------------------------------------------


def memory_mb() -> tuple[float, float]:
    """(resident now, peak since the last :func:`reset_peak`) of this process, MB (Linux /proc)."""
    found = {}
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0]) / 1024
    return found.get("VmRSS", float("nan")), found.get("VmHWM", float("nan"))


def reset_peak() -> bool:
    """Start a new peak-RSS measurement (Linux: ``5`` into clear_refs resets VmHWM)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


@dataclass
class ImportStats:
    versions: int = 0
    bytes: int = 0
    generate_s: float = 0.0
    read_s: float = 0.0
    read_cpu_s: float = 0.0
    save_s: dict[str, float] = field(default_factory=dict)


def import_all(
    stores: dict[str, Store], names: list[str], years: list[int], layout: str, akun_lines: int, folder: Path
) -> ImportStats:
    stats = ImportStats(save_s=dict.fromkeys(stores, 0.0))
    total = len(names) * len(years)
    started = time.perf_counter()
    done = 0
    for index, name in enumerate(names):
        rng = random.Random(index)
        skill = rng.gauss(88, 8) if rng.random() > 0.03 else rng.uniform(30, 55)  # a few offices far behind
        spending = rng.gauss(1.0, 0.08) if rng.random() > 0.03 else rng.uniform(0.3, 0.6)
        for year in years:
            month = LAST_MONTH if year == LAST_YEAR else 12
            office = Office(name, year, month, index * 100 + year % 100, skill + rng.gauss(0, 3), spending)
            start = time.perf_counter()
            files = office_files(folder, office, layout, akun_lines)
            stats.generate_s += time.perf_counter() - start
            inspections: list[Inspection] = []
            start, start_cpu = time.perf_counter(), time.process_time()
            for kind, (data, filename) in files.items():
                inspections.append(inspect_bytes(data, filename, kind, year))
                stats.bytes += len(data)
            stats.read_s += time.perf_counter() - start
            stats.read_cpu_s += time.process_time() - start_cpu
            for backend, store in stores.items():
                start = time.perf_counter()
                for inspection in inspections:
                    store.save(SYSTEM, inspection, name, year)
                stats.save_s[backend] += time.perf_counter() - start
            stats.versions += len(inspections)
            done += 1
            if done % max(1, total // 20) == 0 or done == total:
                elapsed = time.perf_counter() - started
                resident, _peak = memory_mb()
                print(
                    f"  {done}/{total} satker-tahun diimpor ({elapsed:.0f} s; memori {resident:.0f} MB)",
                    file=sys.stderr,
                    flush=True,
                )
    return stats


# --- views -----------------------------------------------------------------------------------


def page_views(store: Store, year: int, province: str, satker: str) -> dict[str, Callable[[], Any]]:
    """The work of the roll-up page (each step a view) and of one satker's pages."""
    state: dict[str, Any] = {}

    def summaries() -> Any:
        state["summaries"] = store.current_summaries()
        return state["summaries"]

    def table() -> Any:
        state["table"] = satker_table(state["summaries"])
        return state["table"]

    def rank(metric: str, province_code: str | None = None) -> Callable[[], Any]:
        def run() -> Any:
            rows, found = ranked(filtered(state["table"], year, province_code), METRICS[metric])
            state[("ranked", metric, province_code)] = (rows, found)
            return rows

        return run

    def charts() -> Any:
        rows, found = state[("ranked", "capaian", None)]
        province_rows, _ = state[("ranked", "capaian", province)]
        return (
            spread_chart(rows, METRICS["capaian"], found, DESK).to_plotly_json(),
            ranking_bars(province_rows, METRICS["capaian"], DESK).to_plotly_json(),
        )

    def screen_table() -> Any:
        rows, _ = state[("ranked", "capaian", None)]
        return ranking_columns(rows, METRICS["capaian"]).screen()

    def exports() -> Any:
        rows, found = state[("ranked", "capaian", None)]
        tables = ranking_export(rows, METRICS["capaian"], found, f"Tahun {year}")
        return to_xlsx(tables), csv_bytes(ranking_columns(rows, METRICS["capaian"]).screen())

    def satker_report() -> Any:
        current = store.current(satker, year)
        files = {kind: (store.content(v.id), store.version(v.id).filename) for kind, v in current.items()}
        return report_from_files(files, year, satker).computed()

    def satker_report_before() -> Any:
        """The same, with Store.version as it was before this benchmark (every version listed,
        its summary and findings JSON parsed, to find one): the "before" of that fix."""
        current = store.current(satker, year)
        every = store.versions()
        names = {v.id: v.filename for v in every}
        files = {kind: (store.content(v.id), names[v.id]) for kind, v in current.items()}
        return report_from_files(files, year, satker).computed()

    return {
        "token (kunci cache)": store.summaries_token,
        "daftar data (sidebar)": store.datasets,
        "ringkasan versi berlaku (SQL)": summaries,
        "tabel satker × tahun": table,
        "peringkat capaian nasional": rank("capaian"),
        "peringkat penyerapan nasional": rank("penyerapan"),
        "peringkat laju IKPA nasional": rank("laju"),
        "peringkat capaian satu provinsi": rank("capaian", province),
        "grafik sebaran + batang provinsi": charts,
        "tabel peringkat (layar)": screen_table,
        ON_CLICK: exports,
        REPORT_VIEWS[0]: satker_report,
        REPORT_VIEWS[1]: satker_report_before,
    }


def time_views(views: dict[str, Callable[[], Any]], repeat: int) -> dict[str, tuple[float, float, float]]:
    """(first call, median of ``repeat`` more, median CPU time of those) seconds per view, in order
    (later views use earlier results). The CPU time is this process's: on a shared machine the
    wall time also holds the wait for a core, the CPU time does not."""
    first: dict[str, float] = {}
    runs: dict[str, list[float]] = {name: [] for name in views}
    cpu: dict[str, list[float]] = {name: [] for name in views}
    for round_ in range(repeat + 1):
        for name, view in views.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            view()
            elapsed, elapsed_cpu = time.perf_counter() - start, time.process_time() - start_cpu
            if round_ == 0:
                first[name] = elapsed
            else:
                runs[name].append(elapsed)
                cpu[name].append(elapsed_cpu)
    return {name: (first[name], statistics.median(runs[name]), statistics.median(cpu[name])) for name in views}


def page_peak(views: dict[str, Callable[[], Any]]) -> float:
    """tracemalloc peak (MB) of one pass over the roll-up views (one page rerun without cache)."""
    gc.collect()
    tracemalloc.start()
    for name, view in views.items():
        if name not in REPORT_VIEWS:
            view()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def database_mb(store: Store) -> float:
    if store.is_sqlite and store.sqlite_path is not None:
        return sum(p.stat().st_size for p in store.sqlite_path.parent.glob(store.sqlite_path.name + "*")) / 1e6
    with store.engine.connect() as conn:
        return float(conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar() or 0) / 1e6


# --- main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--satker", type=int, default=553, help="how many satker (553 = all of KPU)")
    parser.add_argument("--years", type=int, default=5, help=f"how many years, ending {LAST_YEAR}")
    parser.add_argument("--akun", type=int, default=1000, help="akun lines per budget")
    parser.add_argument("--budget-layout", choices=("auto", "glp039", "flat"), default="auto")
    parser.add_argument("--backends", default="sqlite,postgresql", help="comma-separated: sqlite, postgresql")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per view after the first")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="lakip-bench-rollup-"))
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    layout = args.budget_layout
    if layout == "auto":
        layout = "glp039" if glp039_reads(work) else "flat"
        print(
            f"Tata letak anggaran: {layout} (otomatis: GLP039 {'terbaca' if layout == 'glp039' else 'belum terbaca'})"
        )
    names = satker_names(args.satker)
    years = list(range(LAST_YEAR - args.years + 1, LAST_YEAR + 1))
    with contextlib.ExitStack() as stack:
        stores: dict[str, Store] = {}
        if "sqlite" in backends:
            stores["SQLite"] = Store(f"sqlite:///{work / 'lakip.db'}")
        if "postgresql" in backends:
            stores["PostgreSQL"] = Store(stack.enter_context(private_cluster(fsync=True)))
        print(
            f"{len(names)} satker × {len(years)} tahun ({years[0]}–{years[-1]}) × {len(KINDS)} berkas, "
            f"anggaran {args.akun} baris akun ({layout}); basis data: {', '.join(stores)}",
            flush=True,
        )
        stats = import_all(stores, names, years, layout, args.akun, work)
        for store in stores.values():
            store.dispose()
        mb = stats.bytes / 1e6
        print(f"\nImpor: {stats.versions} versi, {mb:.1f} MB berkas")
        print(f"{'tahap':<34}{'detik':>9}{'versi/s':>10}{'MB/s':>8}")
        print(f"{'buat berkas (generator)':<34}{stats.generate_s:>9.1f}")
        print(f"{'baca berkas (inspect_bytes)':<34}{stats.read_s:>9.1f}{stats.versions / stats.read_s:>10.1f}"
              f"{mb / stats.read_s:>8.2f}   (CPU {stats.read_cpu_s:.1f} s)")  # fmt: skip
        for backend, seconds in stats.save_s.items():
            label = f"simpan ke {backend} (1 transaksi/versi)"
            print(f"{label:<34}{seconds:>9.1f}{stats.versions / seconds:>10.1f}{mb / seconds:>8.2f}")
        for backend, seconds in stats.save_s.items():
            total = stats.read_s + seconds
            label = f"baca + simpan, {backend}"
            print(f"{label:<34}{total:>9.1f}{stats.versions / total:>10.1f}{mb / total:>8.2f}")

        resident, peak = memory_mb()
        print(f"Memori setelah impor: {resident:.0f} MB (puncak selama impor {peak:.0f} MB)")
        measured = reset_peak()  # from here: what a server serving the roll-up needs

        year = years[-1]
        satker = "KPU Kota Jakarta Selatan" if "KPU Kota Jakarta Selatan" in names else names[len(names) // 2]
        results: dict[str, dict[str, tuple[float, float, float]]] = {}
        peaks: dict[str, float] = {}
        serving: dict[str, float] = {}
        baselines: dict[str, dict[str, Callable[[], Any]]] = {}
        fresh_stores = {backend: Store(store.url) for backend, store in stores.items()}  # as a new server has
        for backend, fresh in fresh_stores.items():
            views = page_views(fresh, year, "32", satker)
            # The "before" baseline lists every version with its JSON parsed (GBs at full scale, not
            # all given back to the system): timed after every backend's serving views and peaks.
            baselines[backend] = {REPORT_VIEWS[1]: views.pop(REPORT_VIEWS[1])}
            gc.collect()
            reset_peak()
            results[backend] = time_views(views, args.repeat)
            peaks[backend] = page_peak(views)
            serving[backend] = memory_mb()[1]
        for backend, fresh in fresh_stores.items():
            results[backend].update(time_views(baselines[backend], min(args.repeat, 2)))
            print(f"Ukuran basis data {backend}: {database_mb(fresh):.0f} MB")
            fresh.dispose()
        print(f"\nTampilan, detik (pertama / median {args.repeat} berikutnya / median CPU proses ini)")
        print(f"{'tampilan (view)':<44}" + "".join(f"{b:>26}" for b in results))
        for name in next(iter(results.values())):
            line = f"{name:<44}"
            for backend in results:
                first, median, cpu = results[backend][name]
                line += f"{first:>10.3f}{median:>8.3f}{cpu:>8.3f}"
            print(line)
        for backend in results:
            page = {n: r for n, r in results[backend].items() if n not in (*REPORT_VIEWS, ON_CLICK)}
            rerun = sum(m for _, m, _c in page.values())
            worst = max(max(f, m) for n, (f, m, _c) in results[backend].items() if "sebelum" not in n)
            print(f"{backend}: satu putaran halaman rekap (tanpa cache) {rerun:.3f} s; tampilan terlama {worst:.3f} s "
                  f"(sasaran ≤ 2 s); puncak tracemalloc satu putaran {peaks[backend]:.1f} MB")  # fmt: skip
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if measured:
            for backend, peak in serving.items():
                print(f"{backend}: puncak memori proses selama tampilan rekap dan satu satker: {peak:.0f} MB "
                      "(sasaran ≤ 1024 MB; tanpa tampilan 'sebelum')")  # fmt: skip
        print(f"Puncak memori proses seluruhnya, termasuk impor (ru_maxrss): {rss:.0f} MB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
