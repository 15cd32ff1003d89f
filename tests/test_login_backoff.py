"""Login back-off (issue 10, item 4): only real failures count, per name and per client, the owner
keeps getting in, unknown names cost a bounded amount. Time is the store's injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from lakip_core.store import Store, auth, backoff
from lakip_core.store.auth import AuthError
from tests.intake_helpers import PASSWORD, store_with_uploader

WRONG = "tebak-tebak"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = datetime(2024, 11, 27, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    store = store_with_uploader(tmp_path)
    store.clock = clock
    return store


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The Argon2 checks made (each 64 MiB): counts the calls, still checks for real."""
    calls: list[str] = []
    real = auth.verify_password

    def counted(password_hash: str, password: str) -> bool:
        calls.append(password)
        return real(password_hash, password)

    monkeypatch.setattr(auth, "verify_password", counted)
    return calls


def fail(store: Store, name: str, client: str | None, password: str = WRONG) -> str:
    with pytest.raises(AuthError) as refused:
        store.authenticate(name, password, client)
    return str(refused.value)


def held(message: str) -> bool:
    return message.startswith("Terlalu banyak percobaan")


@pytest.mark.slow  # a dozen Argon2 checks
def test_attempts_during_a_wait_are_not_checked_or_counted(store: Store, clock: Clock, checks: list[str]) -> None:
    for _ in range(backoff.NAME_FREE):
        assert fail(store, "admin", "10.0.0.5") == "Nama pengguna atau kata sandi salah."
    before = len(checks)
    assert "dalam 30 detik" in fail(store, "admin", "10.0.0.5", PASSWORD)
    for _ in range(50):  # someone keeps trying while the wait holds: never checked, never counted
        assert held(fail(store, "admin", "10.0.0.5", PASSWORD))
        clock.advance(seconds=0.5)
    assert len(checks) == before
    clock.advance(seconds=6)  # 30 s after the fifth failure: the wait is over, not prolonged
    assert store.authenticate("admin", PASSWORD, "10.0.0.5").role == "admin"
    reasons = [e.detail.get("reason") for e in store.audit_entries() if e.action == "gagal-masuk"]
    assert reasons.count("ditahan: terlalu banyak percobaan gagal") == 1  # one entry per wait, not 50


@pytest.mark.slow  # a dozen Argon2 checks
def test_waits_double_per_failure_and_are_forgotten(store: Store, clock: Clock) -> None:
    waits = []
    for _ in range(backoff.NAME_FREE + 3):
        fail(store, "komisioner", "10.0.0.5")
        with store._read() as conn:
            waits.append(backoff.read(conn, backoff.name_key("komisioner")).wait(clock.now))
        clock.advance(hours=1)  # longer than any wait; the failures still count (forgotten after 12 h)
    assert [w.total_seconds() for w in waits] == [0] * 4 + [30, 60, 120, 240]
    clock.advance(hours=backoff.RESET_HOURS)
    fail(store, "komisioner", "10.0.0.5")
    assert store.authenticate("komisioner", PASSWORD, "10.0.0.5").username == "komisioner"


@pytest.mark.slow  # a dozen Argon2 checks
def test_the_owner_gets_in_from_a_client_that_has_not_failed(store: Store, clock: Clock) -> None:
    for number in range(backoff.NAME_FREE + 2):  # an attacker from three addresses
        fail(store, "admin", f"203.0.113.{number % 3}")
    # The owner, at the office, with the right password: no wait.
    assert store.authenticate("admin", PASSWORD, "192.168.1.20").username == "admin"
    # The success cleared the name's count; the attacker starts again, and a fresh address gets
    # one guess before the name's wait holds it too.
    for number in range(backoff.NAME_FREE):
        fail(store, "admin", f"203.0.113.{number % 3}")
    assert held(fail(store, "admin", "203.0.113.1", PASSWORD))
    assert not held(fail(store, "admin", "198.51.100.9"))
    assert held(fail(store, "admin", "198.51.100.9", PASSWORD))
    assert store.authenticate("admin", PASSWORD, "192.168.1.20").username == "admin"
    # Local visitors (no address) are one client, "lokal": they have not failed either.
    assert store.authenticate("admin", PASSWORD, None).username == "admin"


@pytest.mark.slow  # a dozen Argon2 checks
def test_a_client_that_keeps_failing_is_held_for_every_name(store: Store, clock: Clock) -> None:
    for number in range(backoff.CLIENT_FREE):
        fail(store, ["admin", "sekretariat", "komisioner", f"tamu{number}"][number % 4], "203.0.113.7")
    assert held(fail(store, "sekretariat", "203.0.113.7", PASSWORD))  # even the right password, from there
    assert store.authenticate("sekretariat", PASSWORD, "192.168.1.20").username == "sekretariat"
    clock.advance(seconds=31)
    assert store.authenticate("sekretariat", PASSWORD, "203.0.113.7").username == "sekretariat"


def test_unknown_names_cost_a_bounded_number_of_checks_and_audit_entries(
    store: Store, clock: Clock, checks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backoff, "UNKNOWN_PER_MINUTE", 3)
    monkeypatch.setattr(auth, "VERIFY_SECONDS", 0.0)
    start = len(store.audit_entries(limit=10_000))
    for number in range(40):  # a flood of made-up names from many addresses
        fail(store, f"nama{number}", f"203.0.113.{number}")
    assert len(checks) == 3  # three Argon2 checks, then no more this minute
    every = store.audit_entries(limit=10_000)
    entries = every[: len(every) - start]
    assert len(entries) == 4  # three failures and one entry for the rest of the flood
    assert entries[0].detail["reason"].startswith("banyak nama tidak dikenal")
    clock.advance(minutes=1)
    fail(store, "nama-baru", "203.0.113.200")
    assert len(checks) == 4  # a new minute, a new budget


def test_cheap_limits() -> None:
    assert backoff.wait_after(backoff.NAME_FREE - 1, backoff.NAME_FREE) == timedelta(0)
    assert backoff.wait_after(backoff.NAME_FREE, backoff.NAME_FREE) == timedelta(seconds=30)
    assert backoff.wait_after(1_000, backoff.NAME_FREE) == timedelta(hours=1)
    assert backoff.describe(timedelta(seconds=61)) == "2 menit"
    assert backoff.client_key(None) == "klien:lokal"
    assert (
        backoff.client_key("2001:db8:1:2:aaaa::1")
        == backoff.client_key("2001:db8:1:2:ffff::9")
        == "klien:2001:db8:1:2::/64"
    )
    assert backoff.client_key("::ffff:127.0.0.1") == backoff.client_key("127.0.0.1") == "klien:127.0.0.1"
