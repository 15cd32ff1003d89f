"""Files only the server can read, and a first-admin key that cannot race (issue 10, items 5–7).

Written against the store's public API only, so the same file shows the old behaviour failing.
"""

from __future__ import annotations

import multiprocessing
import os
import stat
import threading
from pathlib import Path

import pytest

from lakip_core.store import Store, auth
from lakip_core.store.auth import SYSTEM
from tests.intake_helpers import PASSWORD

SETUP_SECRET_FILE = "kunci-admin-pertama.txt"


def _first_visit(url: str, data: str) -> None:
    os.environ["LAKIP_DATA_DIR"] = data
    Store(url).ensure_setup_secret()


def _key_matches(store: Store) -> bool:
    secret = store.setup_secret_path().read_text().strip()
    digest = store.get_setting("setup_secret")
    return digest is not None and auth.secret_matches(digest, secret)


@pytest.mark.slow  # rounds of four processes
def test_simultaneous_first_visits_leave_one_matching_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    context = multiprocessing.get_context("spawn")
    for trial in range(4):
        folder = tmp_path / f"proses-{trial}"
        folder.mkdir()
        monkeypatch.setenv("LAKIP_DATA_DIR", str(folder))
        url = f"sqlite:///{folder / 'lakip.db'}"
        workers = [context.Process(target=_first_visit, args=(url, str(folder))) for _ in range(4)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(60)
            assert worker.exitcode == 0
        assert _key_matches(Store(url)), trial
        assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []  # no temporary file left
    for trial in range(10):  # and threads of one server process, one store each
        folder = tmp_path / f"utas-{trial}"
        folder.mkdir()
        monkeypatch.setenv("LAKIP_DATA_DIR", str(folder))
        url = f"sqlite:///{folder / 'lakip.db'}"
        threads = [threading.Thread(target=Store(url).ensure_setup_secret) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert _key_matches(Store(url)), trial


def test_a_key_file_that_does_not_match_is_replaced_and_the_key_goes_once_an_admin_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    store.ensure_setup_secret()
    store.setup_secret_path().write_text("kunci-lama-yang-tidak-cocok\n")
    assert not _key_matches(store)
    shown = store.ensure_setup_secret()
    assert _key_matches(store)  # repaired: a new key, its file and digest matching
    assert str(shown) == SETUP_SECRET_FILE  # what the page may show: a file name, no server path
    # An admin made on the command line spends the key too: file and digest gone.
    store.create_user(SYSTEM, "kepala", PASSWORD, "admin")
    assert not store.setup_secret_path().exists() and store.get_setting("setup_secret") is None
    store.setup_secret_path().write_text("sisa\n")
    assert store.ensure_setup_secret() is None and not store.setup_secret_path().exists()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_data_folder_and_database_files_only_for_the_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "data"
    monkeypatch.setenv("LAKIP_DATA_DIR", str(folder))
    store = Store(f"sqlite:///{folder / 'lakip.db'}")
    store.create_user(SYSTEM, "admin", PASSWORD, "admin")  # makes the folder and the database
    files = [folder / name for name in ("lakip.db", "lakip.db-wal", "lakip.db-shm")]
    assert mode(folder) == 0o700 and all(path.exists() and mode(path) == 0o600 for path in files)
    store.dispose()
    # An installation made before (or by hand) with 755/644: fixed on the next start, not only the first.
    folder.chmod(0o755)
    for path in files:
        if path.exists():
            path.chmod(0o644)
    again = Store(f"sqlite:///{folder / 'lakip.db'}")
    assert again.role_of("admin") == "admin"
    assert mode(folder) == 0o700 and all(mode(path) == 0o600 for path in files if path.exists())
    again.audit("admin", "masuk")  # -wal/-shm made again by SQLite after a checkpoint: 0600 too
    assert all(mode(path) == 0o600 for path in files if path.exists())
