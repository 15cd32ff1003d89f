"""Server-side sessions, the setup key and the data folder's permissions (issue 10, items 5–7)."""

from __future__ import annotations

import multiprocessing
import os
import stat
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lakip_core.store import Store, auth
from lakip_core.store.auth import SYSTEM, Actor
from lakip_core.store.sessions import TICKET_SECONDS
from lakip_core.store.setup_key import SETUP_SECRET_FILE
from tests.intake_helpers import PASSWORD, store_with_uploader


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 11, 27, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    store = store_with_uploader(tmp_path)
    store.clock = clock
    return store


def user(store: Store, token: str | None) -> str | None:
    found = store.session(token, idle_minutes=30).session
    return found.username if found else None


def test_a_claim_ticket_is_spent_once_and_gives_the_cookie_a_fresh_token(store: Store, clock: Clock) -> None:
    token, ticket = store.start_session("sekretariat", "192.168.1.20")
    assert user(store, token) == "sekretariat"
    cookie = store.claim_ticket(ticket)
    assert cookie and cookie != token
    assert user(store, cookie) == "sekretariat" and user(store, token) is None  # one working token: the cookie's
    assert store.claim_ticket(ticket) is None  # single use
    _, late = store.start_session("sekretariat")
    clock.now += timedelta(seconds=TICKET_SECONDS + 1)
    assert store.claim_ticket(late) is None
    assert user(store, "forged-token") is None and store.claim_ticket("") is None


def test_idle_sessions_end_and_active_ones_last(store: Store, clock: Clock) -> None:
    token, _ = store.start_session("komisioner")
    for _ in range(5):  # used every 20 minutes for 100 minutes: stays
        clock.now += timedelta(minutes=20)
        assert user(store, token) == "komisioner"
    clock.now += timedelta(minutes=31)
    check = store.session(token, idle_minutes=30)
    assert check.session is None and check.ended == "idle"
    assert store.session(token, idle_minutes=30).ended == ""  # gone for good
    assert store.audit_entries()[0].action == "sesi-habis"
    # Without an idle timeout (a meeting-room screen) the maximum age still ends it.
    kept, _ = store.start_session("komisioner")
    clock.now += timedelta(hours=23)
    assert store.session(kept, idle_minutes=0).session is not None
    clock.now += timedelta(hours=2)
    assert store.session(kept, idle_minutes=0).session is None


def test_a_password_change_ends_the_accounts_other_sessions(store: Store) -> None:
    here, _ = store.start_session("komisioner")
    phone, _ = store.start_session("komisioner")
    other, _ = store.start_session("sekretariat")
    current = store.session(here, 30).session
    assert current is not None
    store.set_password(Actor("komisioner"), "komisioner", "sandi-baru-1", PASSWORD, keep_session=current.id)
    assert user(store, here) == "komisioner" and user(store, phone) is None and user(store, other) == "sekretariat"
    # An admin's reset ends all of them, the admin's own sessions untouched.
    admin, _ = store.start_session("admin")
    store.set_password(Actor("admin"), "komisioner", "sandi-baru-2")
    assert user(store, here) is None and user(store, admin) == "admin"
    assert store.session_count("komisioner") == 0


def test_deactivation_and_logout_end_sessions(store: Store) -> None:
    token, _ = store.start_session("sekretariat")
    second, _ = store.start_session("sekretariat")
    assert store.end_session(token) and user(store, token) is None and user(store, second) == "sekretariat"
    store.update_user(Actor("admin"), "sekretariat", active=False)
    assert user(store, second) is None


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
    assert store.ensure_setup_secret() == SETUP_SECRET_FILE
    assert _key_matches(store)
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
