"""Stores holding several satker for the roll-up tests: small files shaped like the sample's.

Each satker gets an indicator table (``PENGUKURAN CAPAIAN KINERJA`` with the satker and year in its
title rows, like ``sample_data/indikator_kinerja_2024.xlsx``) and a flat SAKTI budget download
(``kdgiat``/``kdakun`` columns, one row per akun), so the figures the roll-up shows are known in
advance. A flat download states no month, so it has no IKPA pace; :func:`store_glp039` stores a
SAKTI GLP039 download (``Periode <bulan> <tahun>``) for that.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lakip_core.intake.inspection import inspect_bytes
from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM
from tests.intake_helpers import xlsx_bytes
from tests.real_exports.glp039 import Glp039Expected, glp039

# (sasaran, indikator) as the sample's Bab III table words them.
MEASURES = (
    (
        "Terlaksananya Akuntabilitas Pengelolaan Keuangan (3355)",
        "Persentase laporan keuangan yang disusun tepat waktu",
    ),
    ("Terlaksananya Manajemen Perencanaan dan Data (3357)", "Persentase dokumen perencanaan yang ditetapkan"),
    ("Terselenggaranya Operasional Perkantoran (3360)", "Persentase layanan perkantoran yang terpenuhi"),
    ("Meningkatnya Partisipasi Masyarakat (3364)", "Persentase kegiatan sosialisasi yang terlaksana"),
)


@dataclass(frozen=True)
class Satker:
    """One satker's data: indicator achievements (targets 100%) and (kegiatan, akun, pagu, realisasi) lines."""

    name: str
    achievements: Sequence[float | None]
    lines: Sequence[tuple[str, str, int, int]]

    @property
    def achievement_pct(self) -> float:
        known = [a for a in self.achievements if a is not None]
        return sum(known) / len(known)

    @property
    def absorption_pct(self) -> float:
        return 100 * sum(r for *_, r in self.lines) / sum(p for _, _, p, _ in self.lines)


def indicator_xlsx(satker: Satker, year: int) -> bytes:
    rows: list[list[object]] = [["PENGUKURAN CAPAIAN KINERJA"], [satker.name.upper()], [f"TAHUN {year}"], []]
    rows.append(["No.", "Sasaran", "Indikator Kinerja", "Target", "Capaian", "%"])
    for number, value in enumerate(satker.achievements, start=1):
        actual = "-" if value is None else f"{value:.2f}%".replace(".", ",")
        objective, indicator = MEASURES[(number - 1) % len(MEASURES)]
        rows.append([f"{number}.", objective, indicator, "100%", actual, None])
    return xlsx_bytes(rows, "Capaian Kinerja")


def budget_xlsx(satker: Satker, year: int) -> bytes:
    rows: list[list[object]] = [[f"LAPORAN REALISASI ANGGARAN {satker.name.upper()}"], [f"TAHUN ANGGARAN {year}"]]
    rows += [[], ["kdgiat", "kdakun", "nmakun", "Pagu", "Realisasi"]]
    rows += [[giat, akun, f"Belanja {akun}", pagu, real] for giat, akun, pagu, real in satker.lines]
    return xlsx_bytes(rows, "Anggaran")


def store_satker(store: Store, satker: Satker, year: int) -> None:
    """Save the satker's two files as current versions (the upload's reading, without the child process)."""
    for kind, data, name in (
        ("indicators", indicator_xlsx(satker, year), "indikator.xlsx"),
        ("budget", budget_xlsx(satker, year), "anggaran.xlsx"),
    ):
        store.save(SYSTEM, inspect_bytes(data, name, kind, year), satker.name, year)


THREE = (
    Satker(
        "KPU Kota Bandung",
        [95.0, 105.0, 100.0, None],
        [("3360", "511111", 600_000_000, 540_000_000), ("3360", "521111", 400_000_000, 230_000_000)],
    ),
    Satker(
        "KPU Kabupaten Bogor",
        [70.0, 80.0, 90.0],
        [("3360", "511111", 800_000_000, 700_000_000), ("3364", "524111", 200_000_000, 180_000_000)],
    ),
    Satker(
        "KPU Kota Surabaya",
        [110.0, 120.0],
        [("3360", "511111", 500_000_000, 300_000_000), ("3360", "532111", 500_000_000, 0)],
    ),
)


def store_glp039(store: Store, name: str, year: int, month: int, seed: int, code: str = "654321") -> Glp039Expected:
    """Save a SAKTI GLP039 download of ``month`` (about 150 akun lines) as the satker's budget; what it states."""
    with tempfile.TemporaryDirectory() as folder:
        expected = glp039(Path(folder) / "glp039.xlsx", rows=700, seed=seed, month=month, year=year,
                          satker=(code, name.upper()))  # fmt: skip
        data = expected.path.read_bytes()
    store.save(SYSTEM, inspect_bytes(data, f"glp039_{seed}.xlsx", "budget", year), name, year)
    return expected
