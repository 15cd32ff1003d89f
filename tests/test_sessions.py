"""Server-side login sessions: claim tickets, idle timeout, ended by logout, password change or deactivation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lakip_core.store import Store
from lakip_core.store.auth import Actor
from lakip_core.store.sessions import TICKET_SECONDS
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
