"""Server-side login sessions: a login lasts across reloads and tabs, and can be ended from anywhere.

A login is a row in ``sessions`` (kind ``sesi``) holding the SHA-256 of a random token; the
browser holds the token itself in an HttpOnly, SameSite=Strict cookie (ui/server.py) and the
Streamlit session in its state. Every script run looks the token up (:meth:`Sessions.session`),
so an ended session is logged out at its next click or reload, in every process that shares the
database. The cookie is set by an HTTP route, which gets the login through a single-use ticket
(kind ``tiket``, :data:`TICKET_SECONDS` long) that the login form hands to the browser; claiming
it gives the login a fresh token for the cookie and retires the one the login form's Streamlit
session held (that page is being reloaded anyway), so only the cookie holds a working token.

A session ends when it is idle longer than the idle timeout, after :data:`MAX_HOURS`, on logout,
when the account's password is changed or reset (all its other sessions) or the account is
deactivated (:func:`lakip_core.store.accounts.end_user_sessions`).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.store.engine import parse_stamp, stamp
from lakip_core.store.setup_key import SetupKey
from lakip_core.store.tables import sessions_table, users

TICKET_SECONDS = 30
MAX_HOURS = 24
TOUCH_SECONDS = 60  # last_seen is written at most once a minute per session, not on every click


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class ActiveSession:
    """A valid login: its row id, the account and its role as stored now."""

    id: int
    username: str
    role: str


@dataclass(frozen=True)
class SessionCheck:
    """The result of looking a token up: the session, or why there is none ("" = unknown token)."""

    session: ActiveSession | None
    ended: str = ""  # "idle" (idle timeout or maximum age reached) or "inactive" (account deactivated)


class Sessions(SetupKey):
    """Issuing, checking and ending login sessions."""

    def start_session(self, username: str, client: str | None = None) -> tuple[str, str]:
        """A new session for ``username`` (after its password was checked): (token, claim ticket)."""
        self.ensure_schema()
        now = self.clock()
        token, ticket = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        common = {"username": username, "client": (client or "lokal")[:64], "created_at": stamp(now)}

        def work(conn: Connection) -> None:
            inserted = conn.execute(
                sessions_table.insert().values(
                    token_hash=token_hash(token),
                    kind="sesi",
                    last_seen=stamp(now),
                    expires_at=stamp(now + timedelta(hours=MAX_HOURS)),
                    **common,
                )
            ).inserted_primary_key
            assert inserted is not None
            session_id = inserted[0]
            conn.execute(
                sessions_table.insert().values(
                    token_hash=token_hash(ticket),
                    kind="tiket",
                    session_id=session_id,
                    last_seen=stamp(now),
                    expires_at=stamp(now + timedelta(seconds=TICKET_SECONDS)),
                    **common,
                )
            )

        self._write(work)
        return token, ticket

    def claim_ticket(self, ticket: str) -> str | None:
        """Spend a claim ticket (once, within TICKET_SECONDS): the login's new token, or ``None``."""
        if not isinstance(ticket, str) or not ticket or not self.exists():
            return None
        self.ensure_schema()
        now, token = self.clock(), secrets.token_urlsafe(32)

        def work(conn: Connection) -> str | None:
            row = conn.execute(
                sa.select(sessions_table.c.id, sessions_table.c.session_id, sessions_table.c.expires_at).where(
                    sessions_table.c.token_hash == token_hash(ticket), sessions_table.c.kind == "tiket"
                )
            ).first()
            if row is None:
                return None
            conn.execute(sessions_table.delete().where(sessions_table.c.id == row.id))
            if parse_stamp(row.expires_at) <= now:
                return None
            updated = conn.execute(
                sessions_table.update()
                .where(sessions_table.c.id == row.session_id, sessions_table.c.kind == "sesi")
                .values(token_hash=token_hash(token), last_seen=stamp(now))
            )
            return token if updated.rowcount else None

        return self._write(work)

    def session(self, token: str | None, idle_minutes: float) -> SessionCheck:
        """The login behind ``token``, read on every script run; an idle or too old one is ended here.

        ``idle_minutes`` 0 means no idle timeout (the maximum age still applies).
        """
        if not isinstance(token, str) or not token or not self.exists():
            return SessionCheck(None)
        self.ensure_schema()
        now = self.clock()
        with self._read() as conn:
            row = conn.execute(
                sa.select(sessions_table, users.c.role, users.c.active)
                .select_from(sessions_table.outerjoin(users, users.c.username == sessions_table.c.username))
                .where(sessions_table.c.token_hash == token_hash(token), sessions_table.c.kind == "sesi")
            ).first()
        if row is None:
            return SessionCheck(None)
        idle = idle_minutes > 0 and now - parse_stamp(row.last_seen) > timedelta(minutes=idle_minutes)
        if idle or parse_stamp(row.expires_at) <= now:
            self._end(row.id, row.username, "sesi-habis")
            return SessionCheck(None, "idle")
        if row.role is None or not row.active:
            self._end(row.id, row.username, "keluar")
            return SessionCheck(None, "inactive")
        if now - parse_stamp(row.last_seen) > timedelta(seconds=TOUCH_SECONDS):
            self._write(
                lambda conn: conn.execute(
                    sessions_table.update().where(sessions_table.c.id == row.id).values(last_seen=stamp(now))
                )
            )
        return SessionCheck(ActiveSession(row.id, row.username, str(row.role)))

    def end_session(self, token: str | None, action: str = "keluar") -> bool:
        """Log out: the session of ``token`` ends everywhere (True when there was one)."""
        if not isinstance(token, str) or not token or not self.exists():
            return False
        self.ensure_schema()
        with self._read() as conn:
            row = conn.execute(
                sa.select(sessions_table.c.id, sessions_table.c.username).where(
                    sessions_table.c.token_hash == token_hash(token), sessions_table.c.kind == "sesi"
                )
            ).first()
        if row is None:
            return False
        self._end(row.id, row.username, action)
        return True

    def _end(self, session_id: int, username: str, action: str) -> None:
        def work(conn: Connection) -> None:
            ended = conn.execute(
                sessions_table.delete().where(
                    (sessions_table.c.id == session_id) | (sessions_table.c.session_id == session_id)
                )
            ).rowcount
            if ended:
                self._audit(conn, username, action)

        self._write(work)

    def session_count(self, username: str) -> int:
        """How many logins of ``username`` are open (for the Akun page and the tests)."""
        if not self.exists():
            return 0
        self.ensure_schema()
        with self._read() as conn:
            query = sa.select(sa.func.count()).where(
                sessions_table.c.username == username, sessions_table.c.kind == "sesi"
            )
            return int(conn.execute(query).scalar_one())
