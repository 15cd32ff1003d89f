"""Login back-off: waits that grow with real password failures, per account name and per client.

Rules (issue 10, item 4), enforced by :meth:`lakip_core.store.accounts.Accounts.authenticate`:

- Only a real password check that fails counts (a wrong password, an unknown name). An attempt
  refused because of a wait is not checked and not counted, so nobody can keep a name locked by
  trying once in a while.
- Per client address (``st.context.ip_address``; ``None``, a local or proxied visitor, is the
  client ``lokal``; IPv6 by /64 network): after :data:`CLIENT_FREE` failures every further failure doubles the wait,
  from :data:`BASE_SECONDS` up to :data:`MAX_SECONDS`. It covers every name tried from there.
- Per account name: after :data:`NAME_FREE` failures the same doubling wait, but it holds only
  clients that have failed themselves: the owner, typing the right password from a client that
  has not failed, always gets in; a new address gets one guess before the name's wait holds it too.
- Failures are forgotten :data:`RESET_HOURS` after the last one. A successful login clears the
  name's count (not the client's: logging into one's own account must not wash a client clean).
- Unknown names cost an Argon2 check (as slow as a known one) only up to :data:`UNKNOWN_PER_MINUTE`
  per minute for the whole server; beyond that they are refused after a plain sleep of the same
  length, and the audit log gets one aggregated entry per minute instead of one per attempt.

Rows live in ``login_backoff`` (key ``nama:<name>``, ``klien:<address>``, ``tak-dikenal``); the
clock is the store's (:attr:`StoreEngine.clock`), so tests move time instead of sleeping.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.store.engine import parse_stamp, stamp
from lakip_core.store.tables import login_backoff

NAME_FREE = 5
CLIENT_FREE = 10
BASE_SECONDS = 30
MAX_SECONDS = 3600
RESET_HOURS = 12
UNKNOWN_PER_MINUTE = 20
LOCAL_CLIENT = "lokal"
UNKNOWN_KEY = "tak-dikenal"


def name_key(name: str) -> str:
    return "nama:" + name[:100]


def client_key(client: str | None) -> str:
    """``klien:<address>``; an IPv6 address counts by its /64 network (one host holds a whole
    /64, and would otherwise get a fresh address for every guess)."""
    if not client:
        return "klien:" + LOCAL_CLIENT
    try:
        address = ipaddress.ip_address(client.strip())
    except ValueError:
        return "klien:" + client[:100]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return f"klien:{address.ipv4_mapped}"
        return f"klien:{ipaddress.IPv6Network((address, 64), strict=False)}"
    return f"klien:{address}"


def wait_after(failures: int, free: int) -> timedelta:
    """The wait after ``failures`` real failures: none up to ``free - 1``, then 30 s, 1 min, 2 min … 1 h."""
    if failures < free:
        return timedelta(0)
    return timedelta(seconds=min(BASE_SECONDS * 2 ** min(failures - free, 20), MAX_SECONDS))


@dataclass(frozen=True)
class Counter:
    """One key's state: real failures (forgotten after :data:`RESET_HOURS`) and the wait they set."""

    key: str
    failures: int = 0
    refused: int = 0
    last_failure: datetime | None = None
    blocked_until: datetime | None = None

    def active(self, now: datetime) -> bool:
        """True while the failures still count (the last one is less than RESET_HOURS old)."""
        return self.last_failure is not None and now - self.last_failure < timedelta(hours=RESET_HOURS)

    def wait(self, now: datetime) -> timedelta:
        if self.blocked_until is None or not self.active(now) or self.blocked_until <= now:
            return timedelta(0)
        return self.blocked_until - now


def read(conn: Connection, key: str, lock: bool = False) -> Counter:
    query = sa.select(login_backoff).where(login_backoff.c.key == key)
    row = conn.execute(query.with_for_update() if lock else query).mappings().first()
    if row is None:
        return Counter(key)
    return Counter(
        key, row["failures"], row["refused"], parse_stamp(row["last_failure"]), parse_stamp(row["blocked_until"])
    )


def _put(conn: Connection, counter: Counter, exists: bool) -> None:
    assert counter.last_failure is not None and counter.blocked_until is not None
    values = {
        "failures": counter.failures,
        "refused": counter.refused,
        "last_failure": stamp(counter.last_failure),
        "blocked_until": stamp(counter.blocked_until),
    }
    if exists:
        conn.execute(login_backoff.update().where(login_backoff.c.key == counter.key).values(**values))
    else:  # a concurrent insert of the same key fails on the primary key; the write is then retried
        conn.execute(login_backoff.insert().values(key=counter.key, **values))


def record_failure(conn: Connection, key: str, free: int, now: datetime) -> Counter:
    """Count one real failure for ``key`` (inside the caller's write transaction)."""
    current = read(conn, key, lock=True)
    failures = current.failures + 1 if current.active(now) else 1
    counter = Counter(key, failures, 0, now, now + wait_after(failures, free))
    _put(conn, counter, current.last_failure is not None)
    return counter


def record_refusal(conn: Connection, key: str) -> int:
    """Count an attempt refused during a wait; returns how many were refused before it."""
    before = conn.execute(sa.select(login_backoff.c.refused).where(login_backoff.c.key == key)).scalar() or 0
    conn.execute(login_backoff.update().where(login_backoff.c.key == key).values(refused=login_backoff.c.refused + 1))
    return int(before)


def clear(conn: Connection, key: str) -> None:
    conn.execute(login_backoff.delete().where(login_backoff.c.key == key))


def unknown_name_budget(conn: Connection, now: datetime) -> tuple[bool, int]:
    """Take one unknown-name check from this minute's budget: (within budget, attempts beyond it so far)."""
    current = read(conn, UNKNOWN_KEY, lock=True)
    fresh = current.last_failure is None or now - current.last_failure >= timedelta(minutes=1)
    used = 1 if fresh else current.failures + 1
    start = now if fresh else current.last_failure
    assert start is not None
    _put(conn, Counter(UNKNOWN_KEY, used, 0, start, start), current.last_failure is not None)
    return used <= UNKNOWN_PER_MINUTE, max(used - UNKNOWN_PER_MINUTE, 0)


def prune(conn: Connection, now: datetime) -> None:
    """Forget counters whose last failure is older than RESET_HOURS (keeps the table small)."""
    cutoff = stamp(now - timedelta(hours=RESET_HOURS))
    conn.execute(login_backoff.delete().where(login_backoff.c.last_failure < cutoff))


def describe(wait: timedelta) -> str:
    """``45 detik`` / ``3 menit``: how long to wait, rounded up."""
    seconds = max(int(wait.total_seconds() + 0.999), 1)
    return f"{seconds} detik" if seconds < 60 else f"{-(-seconds // 60)} menit"
