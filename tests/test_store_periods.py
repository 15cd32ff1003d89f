"""Months are history, not replacements: GLP039 uploads of one year keep every month; the latest
month is current; older databases get the new columns; a file with many satker is stored narrowed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from lakip_core.intake.inspection import inspect_bytes
from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM
from lakip_core.store.migrate import add_missing_columns
from tests.real_exports import Glp039Expected, adk_items, glp039

REPO = Path(__file__).resolve().parents[1]
SATKER = "KPU Kabupaten Contoh"


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Glp039Expected]:
    out = tmp_path_factory.mktemp("glp")
    return {m: glp039(out / f"glp039_{m:02d}.xlsx", rows=120, seed=m, month=m) for m in (8, 9, 10)}


def save(store: Store, expected: Glp039Expected, data: bytes | None = None) -> int:
    inspection = inspect_bytes(data or expected.path.read_bytes(), expected.path.name, "anggaran", 2025)
    return store.save(SYSTEM, inspection, SATKER, 2025).version_id


def test_every_month_is_kept_and_the_latest_month_is_current(tmp_path: Path, months: dict) -> None:
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    ids = {m: save(store, months[m]) for m in (9, 10)}
    # August's file uploaded after October's: kept as August, October stays current.
    late = store.save(
        SYSTEM,
        inspect_bytes(months[8].path.read_bytes(), months[8].path.name, "anggaran", 2025),
        SATKER,
        2025,
    )
    assert late.created and not late.activated
    assert "versi berlaku tetap periode Oktober 2025" in late.message
    ids[8] = late.version_id
    current = store.current(SATKER, 2025)["budget"]
    assert current.id == ids[10] and current.period_month == 10
    history = store.budget_history(SATKER, 2025)
    assert [(month, info.id) for month, info in history] == [(8, ids[8]), (9, ids[9]), (10, ids[10])]
    report = store.current_report(SATKER, 2025)
    assert report is not None and report.budget_totals is not None
    assert report.budget_totals.allocation == months[10].pagu
    assert report.period is not None and report.period.month == 10


def test_the_same_month_again_is_a_new_version_of_that_month(tmp_path: Path, months: dict) -> None:
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    first = save(store, months[10])
    again = glp039(tmp_path / "glp039_10_revisi.xlsx", rows=120, seed=99, month=10)
    second = save(store, again)
    assert second != first
    history = store.budget_history(SATKER, 2025)
    assert [(month, info.id) for month, info in history] == [(10, second)]
    assert {v.id for v in store.versions(SATKER, 2025)} == {first, second}  # history preserved
    assert store.current(SATKER, 2025)["budget"].id == second


def test_an_older_database_gets_the_new_columns(tmp_path: Path, months: dict) -> None:
    path = tmp_path / "lama.db"
    store = Store(f"sqlite:///{path}")
    first = save(store, months[9])
    store.dispose()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:  # the schema as the first release made it
        conn.exec_driver_sql("ALTER TABLE versions DROP COLUMN period_month")
        conn.exec_driver_sql("ALTER TABLE versions DROP COLUMN file_satker")
    engine.dispose()
    reader = Store(f"sqlite:///{path}")
    (old,) = reader.versions()  # readable before any write, the month unknown
    assert old.id == first and old.period_month is None
    reader.dispose()
    writer = Store(f"sqlite:///{path}")
    second = save(writer, months[10])
    assert writer.version(second).period_month == 10
    with writer.engine.connect() as conn:
        assert add_missing_columns(conn) == []  # nothing left to add
    writer.dispose()


@pytest.mark.slow  # the import command and its sandboxed reader run as child processes
def test_import_narrows_a_file_with_many_satker(tmp_path: Path) -> None:
    expected = adk_items(tmp_path / "d_item25.csv", header=False, seed=11)
    code, pagu = list(expected.per_satker.items())[1]
    db = tmp_path / "lakip.db"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "lakip_core", *args], cwd=REPO, capture_output=True, text=True, timeout=120
        )

    done = run("import", str(expected.path), "--kind", "anggaran", "--satker", code, "--year", "2025", "--db", str(db))
    assert done.returncode == 0, done.stderr
    store = Store(f"sqlite:///{db}")
    (version,) = store.versions()
    assert version.file_satker == code and version.summary["budget"]["allocation"] == pagu
    report = store.current_report(code, 2025)  # re-read from the stored bytes, narrowed again
    assert report is not None and report.budget_totals is not None
    assert report.budget_totals.allocation == pagu and report.budget_totals.realized is None
    store.dispose()
    refused = run(
        "import", str(expected.path), "--kind", "anggaran", "--satker", "KPU X", "--year", "2025", "--db", str(db)
    )
    assert refused.returncode == 2 and code in refused.stderr
