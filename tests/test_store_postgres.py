"""The store on PostgreSQL: the same behaviour through a ``postgresql+psycopg://`` URL.

Uses ``$LAKIP_TEST_PG_URL`` when set; otherwise starts a throw-away cluster from Debian's
postgresql binaries (initdb / pg_ctl) on a Unix socket in a temporary folder. Skipped when neither
is available, except in CI (``CI=true``), where that is a failure.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from lakip_core.errors import LakipError
from lakip_core.intake.inspection import inspect_bytes
from lakip_core.store.auth import SYSTEM, Actor
from tests.intake_helpers import SAMPLE, SATKER, budget_xlsx

pytestmark = pytest.mark.slow  # a private PostgreSQL cluster per run


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    if os.environ.get("LAKIP_TEST_PG_URL"):
        yield os.environ["LAKIP_TEST_PG_URL"]
        return
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL (initdb/pg_ctl) is not installed; .ci/run installs it")
        pytest.skip("PostgreSQL not installed")
    base = Path(tempfile.mkdtemp(prefix="lakip-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(base, "postgres", "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    data = base / "data"
    subprocess.run([*run_as, initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
                   check=True, capture_output=True)  # fmt: skip
    options = f"-p {port} -k {base} -c listen_addresses='' -c fsync=off"
    subprocess.run([*run_as, pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(base / "log"), "start"],
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={base}&port={port}"
    finally:
        subprocess.run([*run_as, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_store(pg_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from lakip_core.store import Store
    from lakip_core.store.tables import metadata

    engine = sa.create_engine(pg_url)
    metadata.drop_all(engine)
    engine.dispose()
    store = Store(pg_url)
    assert not store.exists()
    yield store
    store.dispose()


def test_postgres_versions_restore_and_report(pg_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from lakip_core.store import Store

    a = pg_store.save(SYSTEM, inspect_bytes(budget_xlsx([400_000_000]), "a.xlsx"), SATKER, 2024)
    # One set of bytes: openpyxl stamps the time, so two workbooks written a second apart differ.
    b_bytes = budget_xlsx([800_000_000])
    b = pg_store.save(SYSTEM, inspect_bytes(b_bytes, "b.xlsx"), SATKER, 2024)
    again = pg_store.save(SYSTEM, inspect_bytes(b_bytes, "b.xlsx"), SATKER, 2024)
    assert (a.created, b.created, again.created) == (True, True, False)
    report = pg_store.current_report(SATKER, 2024)
    assert report.budget_totals.absorption_pct == pytest.approx(80.0)
    pg_store.restore(SYSTEM, a.version_id)
    assert pg_store.current_report(SATKER, 2024).budget_totals.absorption_pct == pytest.approx(40.0)
    assert pg_store.content(b.version_id) == b_bytes
    # The same results from a second Store on the same URL (another server process).
    other = Store(pg_store.url)
    assert [(v.id, v.is_current) for v in other.versions()] == [(b.version_id, False), (a.version_id, True)]
    other.dispose()


def test_postgres_summary_matches_files(pg_store) -> None:  # type: ignore[no-untyped-def]
    from lakip_core import load_report, summary_dict

    files = {
        "indikator": "indikator_kinerja_2024.xlsx",
        "anggaran": "anggaran_2024.xlsx",
        "aset": "aset_bmn_2024.xlsx",
        "pegawai": "pegawai_2024.xlsx",
    }
    for kind, name in files.items():
        pg_store.import_file(SYSTEM, (SAMPLE / name).read_bytes(), name, kind, SATKER, 2024)
    expected = summary_dict(
        load_report(
            [SAMPLE / files["indikator"]],
            budget=SAMPLE / files["anggaran"],
            assets=SAMPLE / files["aset"],
            staff=SAMPLE / files["pegawai"],
        )
    )
    assert summary_dict(pg_store.current_report(SATKER, 2024)) == expected


def test_postgres_roles_and_concurrent_saves(pg_store) -> None:  # type: ignore[no-untyped-def]
    for name, role in (("sekretariat", "pengunggah"), ("komisioner", "pembaca")):
        pg_store.create_user(SYSTEM, name, "sandi-kuat-1", role)
    inspection = inspect_bytes(budget_xlsx([1]), "a.xlsx")
    with pytest.raises(LakipError, match="tidak berwenang"):
        pg_store.save(Actor("komisioner"), inspection, SATKER, 2024)
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: pg_store.save(Actor("sekretariat"), inspection, SATKER, 2024), range(10)))
    assert sum(r.created for r in results) == 1
    assert pg_store.authenticate("sekretariat", "sandi-kuat-1").role == "pengunggah"


def test_postgres_scenarios_never_touch_versions(pg_store) -> None:  # type: ignore[no-untyped-def]
    from lakip_core.analysis import whatif
    from lakip_core.store.auth import PermissionDeniedError

    for name, role in (("sekretariat", "pengunggah"), ("komisioner", "pembaca")):
        pg_store.create_user(SYSTEM, name, "sandi-kuat-1", role)
    version = pg_store.save(SYSTEM, inspect_bytes(budget_xlsx([400_000_000]), "a.xlsx"), SATKER, 2024)
    before = [(v.id, v.sha256, v.is_current) for v in pg_store.versions()]
    scenario = whatif.Scenario("Serap penuh", budget={"3355": whatif.BudgetEdit(realized=1_000_000_000)})
    saved = pg_store.save_scenario(Actor("sekretariat"), SATKER, 2024, "Serap penuh", scenario)
    again = pg_store.save_scenario(Actor("sekretariat"), SATKER, 2024, "Serap penuh", scenario)
    assert again.id == saved.id and pg_store.scenario(saved.id).scenario.budget == scenario.budget
    with pytest.raises(PermissionDeniedError):
        pg_store.save_scenario(Actor("komisioner"), SATKER, 2024, "Lain", scenario)
    assert [s.name for s in pg_store.scenarios(SATKER, 2024)] == ["Serap penuh"]
    assert [(v.id, v.sha256, v.is_current) for v in pg_store.versions()] == before
    assert pg_store.current(SATKER, 2024)["budget"].id == version.version_id
    pg_store.delete_scenario(Actor("sekretariat"), saved.id)
    assert pg_store.scenarios(SATKER, 2024) == []


def test_postgres_layouts_and_the_column_migration(pg_store) -> None:  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from lakip_core.store import Store
    from tests.test_store_layouts import nilai_layout, nilai_xlsx

    kept = pg_store.save_layout(SYSTEM, nilai_layout())
    inspection = inspect_bytes(nilai_xlsx(), "rekap.xlsx", layouts=[kept.known()])
    version = pg_store.save(SYSTEM, inspection, SATKER, 2024)
    assert pg_store.version(version.version_id).reading_layout_name == "Rekap kantor"
    assert pg_store.current_report(SATKER, 2024).budget_totals.allocation == 3_000
    engine = sa.create_engine(pg_store.url)
    with engine.begin() as conn:  # a database made before layouts
        conn.exec_driver_sql("ALTER TABLE versions DROP COLUMN reading_layout")
    engine.dispose()
    pg_store.dispose()
    reopened = Store(pg_store.url)
    assert [v.reading_layout for v in reopened.versions()] == [None]  # the column is back, empty
    assert [s.name for s in reopened.layouts()] == ["Rekap kantor"]
    reopened.dispose()
