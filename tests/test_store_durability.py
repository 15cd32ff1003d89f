"""Crash safety and concurrency of the SQLite store.

- ``kill -9`` at random moments while a process stores versions, many times: afterwards
  ``PRAGMA integrity_check`` is ok and every version is whole (bytes match their sha256, parsed
  rows readable, exactly one activation and one audit entry each). The driver reports when it is
  inside a save, so the test also proves that kills did land mid-transaction.
- ``kill -9`` of the real ``python -m lakip_core import`` (and its parser child).
- Ten concurrent imports (ten processes) and ten concurrent saves (ten threads, like ten browser
  sessions): all succeed, none reports "database is locked".
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa

from lakip_core.intake.inspection import inspect_bytes
from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM, Actor
from lakip_core.store.tables import activations, audit_log, versions
from tests.intake_helpers import REPO, SAMPLE, SATKER, budget_xlsx, store_with_uploader

pytestmark = pytest.mark.slow  # kill -9 and many concurrent writers

KILL_ROUNDS = 12

DRIVER = textwrap.dedent(
    """
    import hashlib, os, sys
    from dataclasses import replace
    from lakip_core.store.auth import SYSTEM
    from lakip_core.intake.inspection import inspect_bytes
    from lakip_core.store import Store
    store = Store(sys.argv[1])
    store.ensure_schema()
    base = inspect_bytes(open(sys.argv[2], "rb").read(), "anggaran.xlsx")
    print("ready", flush=True)
    while True:
        content = base.content + os.urandom(3 * 1024 * 1024)  # a few MB: the write takes a while
        inspection = replace(base, content=content, sha256=hashlib.sha256(content).hexdigest(), size=len(content))
        print("begin", flush=True)
        store.save(SYSTEM, inspection, "KPU Kota Jakarta Selatan", 2024)
        print("done", flush=True)
    """
)


def assert_whole(db: Path) -> int:
    """Integrity ok and no partial version; return the number of versions."""
    store = Store(f"sqlite:///{db}")
    assert store.integrity_check() == "ok"
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(versions.c.id, versions.c.sha256, versions.c.content, versions.c.size)).all()
        for row in rows:
            assert hashlib.sha256(row.content).hexdigest() == row.sha256 and len(row.content) == row.size
        ids = [r.id for r in rows]
        activated = conn.execute(sa.select(activations.c.version_id)).scalars().all()
        uploads = conn.execute(sa.select(audit_log.c.detail).where(audit_log.c.action == "unggah")).scalars().all()
    assert sorted(activated) == sorted(ids)  # one activation per version, none dangling
    assert len(uploads) == len(ids)  # the audit entry commits with the version
    for version_id in ids:
        assert len(store.rows(version_id)) == 7
    store.dispose()
    return len(ids)


def test_kill_9_during_saves_never_leaves_a_partial_version(tmp_path: Path) -> None:
    db = tmp_path / "lakip.db"
    url = f"sqlite:///{db}"
    rng = random.Random(4)
    mid_save = stored = 0
    for _ in range(KILL_ROUNDS):
        process = subprocess.Popen(
            [sys.executable, "-c", DRIVER, url, str(SAMPLE / "anggaran_2024.xlsx")],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        last = process.stdout.read().split()
        mid_save += bool(last) and last[-1] == "begin"
        stored = assert_whole(db)
    print(f"{KILL_ROUNDS} kills, {mid_save} inside a save, {stored} versions whole")
    assert stored > 0
    assert mid_save >= KILL_ROUNDS // 4, f"only {mid_save} kills landed inside a save"


def _import_command(path: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "lakip_core", "import", str(path), "--kind", "anggaran", "--satker", SATKER,
            "--year", "2024", "--db", str(db)]  # fmt: skip


def test_kill_9_of_the_import_command(tmp_path: Path) -> None:
    """Kill the real command (and its parser child) at random moments of its run: the store stays whole.

    The first import runs to the end: it creates the database, so every kill after it is checked
    against a store that exists, and it times a whole run, so the kills land inside the next runs
    (between 20% and 100% of that time), not before they start or after they end.
    """
    db = tmp_path / "lakip.db"
    first = tmp_path / "anggaran-0.xlsx"
    first.write_bytes(budget_xlsx([100_000_000]))
    start = time.perf_counter()
    subprocess.run(_import_command(first, db), cwd=REPO, check=True, capture_output=True, timeout=300)
    whole_run = time.perf_counter() - start
    assert assert_whole_budget(db) == 1
    rng = random.Random(9)
    killed = 0
    for round_number in range(1, 5):
        path = tmp_path / f"anggaran-{round_number}.xlsx"
        path.write_bytes(budget_xlsx([100_000_000 + round_number]))
        process = subprocess.Popen(
            _import_command(path, db), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )  # fmt: skip
        time.sleep(rng.uniform(0.2, 1.0) * whole_run)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the command and its parser child
            killed += 1
        process.wait()
        assert 1 <= assert_whole_budget(db) <= round_number + 1
    assert killed >= 2, f"only {killed} of 4 kills landed while the command ran"
    # After the kills the store still takes a new version.
    last = tmp_path / "anggaran-5.xlsx"
    last.write_bytes(budget_xlsx([100_000_005]))
    before = assert_whole_budget(db)
    subprocess.run(_import_command(last, db), cwd=REPO, check=True, capture_output=True, timeout=300)
    assert assert_whole_budget(db) == before + 1


def assert_whole_budget(db: Path) -> int:
    """Integrity ok and every version whole; the number of versions. The store must exist."""
    store = Store(f"sqlite:///{db}")
    assert store.exists(), f"no store at {db}: nothing was checked"
    assert store.integrity_check() == "ok"
    count = 0
    for version in store.versions():
        assert hashlib.sha256(store.content(version.id)).hexdigest() == version.sha256
        assert len(store.rows(version.id)) == 1
        count += 1
    store.dispose()
    return count


def test_ten_concurrent_imports(tmp_path: Path) -> None:
    db = tmp_path / "lakip.db"
    paths = []
    for i in range(10):
        path = tmp_path / f"anggaran-{i}.xlsx"
        path.write_bytes(budget_xlsx([100_000_000 * (i + 1)]))
        paths.append(path)
    start = time.perf_counter()
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "lakip_core",
                "import",
                str(path),
                "--kind",
                "anggaran",
                "--satker",
                SATKER,
                "--year",
                str(2015 + i),
                "--db",
                str(db),
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for i, path in enumerate(paths)
    ]
    outputs = [p.communicate(timeout=300) for p in processes]
    elapsed = time.perf_counter() - start
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert "locked" not in err.lower() and "busy" not in err.lower()
        assert out.strip().isdigit()
    store = Store(f"sqlite:///{db}")
    assert len(store.versions()) == 10 and len(store.datasets()) == 10
    assert store.integrity_check() == "ok"
    print(f"10 concurrent imports (processes) in {elapsed:.1f} s")


def test_ten_concurrent_saves_from_threads(tmp_path: Path) -> None:
    store = store_with_uploader(tmp_path)
    base = inspect_bytes(budget_xlsx([1]), "a.xlsx")

    def save(i: int) -> str:
        content = base.content + os.urandom(512 * 1024)
        inspection = replace(base, content=content, sha256=hashlib.sha256(content).hexdigest(), size=len(content))
        return store.save(Actor("sekretariat"), inspection, SATKER, 2024).message

    with ThreadPoolExecutor(max_workers=10) as pool:
        messages = list(pool.map(save, range(10)))
    assert all(m.startswith("Tersimpan sebagai versi") for m in messages)
    listed = store.versions()
    assert len(listed) == 10 and sum(v.is_current for v in listed) == 1
    assert store.integrity_check() == "ok"
    # Same file from ten sessions at once: stored once.
    with ThreadPoolExecutor(max_workers=10) as pool:
        results = list(pool.map(lambda _: store.save(SYSTEM, base, SATKER, 2030), range(10)))
    assert sum(r.created for r in results) == 1 and len({r.version_id for r in results}) == 1
