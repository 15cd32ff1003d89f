"""Accounts: roles and the server-side permission check, passwords, login with back-off.

Login back-off rules: :mod:`lakip_core.store.backoff`. A password change or reset and a
deactivation end the account's other sessions (:mod:`lakip_core.store.sessions`).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.store import auth, backoff
from lakip_core.store.audit import AuditEntry, AuditLog
from lakip_core.store.auth import Account, Actor, AuthError
from lakip_core.store.engine import now_utc
from lakip_core.store.tables import audit_log, sessions_table, users

T = TypeVar("T")


def end_user_sessions(conn: Connection, username: str, keep: int | None = None) -> int:
    """End every session of ``username`` except the one with id ``keep`` (and their tickets)."""
    mine = sessions_table.c.username == username
    if keep is not None:
        mine = (
            mine
            & (sessions_table.c.id != keep)
            & (sessions_table.c.session_id.is_(None) | (sessions_table.c.session_id != keep))
        )
    ended = conn.execute(sessions_table.delete().where(mine & (sessions_table.c.kind == "sesi"))).rowcount
    conn.execute(sessions_table.delete().where(mine))
    return int(ended or 0)


class Accounts(AuditLog):
    """Who may do what (checked against the database in the writing transaction), and logins."""

    def _role(self, conn: Connection, username: str) -> str | None:
        row = conn.execute(
            sa.select(users.c.role, users.c.active).where(users.c.username == username.strip().lower())
        ).first()
        return str(row.role) if row is not None and row.active else None

    def _check(self, conn: Connection, actor: Actor, action: str) -> None:
        """The server-side role check, inside the caller's transaction."""
        if actor.system:
            return
        role = self._role(conn, actor.username)
        if not auth.can(role, action):
            raise auth.PermissionDeniedError(
                f"Akun {actor.username} ({auth.ROLE_LABELS.get(role or '', 'tidak aktif atau tidak dikenal')}) "
                f"tidak berwenang {auth.ACTION_LABELS.get(action, action)}."
            )

    def _require(self, actor: Actor, action: str) -> None:
        """Check ``actor`` may do ``action`` (reading the role from the database); audit refusals."""
        if actor.system:
            return
        if not self.exists():
            raise auth.PermissionDeniedError(f"Akun {actor.username} tidak dikenal: belum ada akun di basis data ini.")
        try:
            with self._read() as conn:
                self._check(conn, actor, action)
        except auth.PermissionDeniedError as err:
            self.audit(actor.username, "ditolak", False, attempted=action, reason=str(err))
            raise

    def _write_checked(self, actor: Actor, action: str, work: Callable[[Connection], T]) -> T:
        """A write whose permission refusal is audited (in a separate transaction)."""
        try:
            return self._write(work)
        except auth.PermissionDeniedError as err:
            self.audit(actor.username, "ditolak", False, attempted=action, reason=str(err))
            raise

    def role_of(self, username: str) -> str | None:
        """The role of an active account, else ``None``."""
        if not self.exists():
            return None
        with self._read() as conn:
            return self._role(conn, username)

    def has_accounts(self) -> bool:
        if not self.exists():
            return False
        with self._read() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(users)).scalar_one() > 0

    def has_admin(self) -> bool:
        if not self.exists():
            return False
        with self._read() as conn:
            query = sa.select(sa.func.count()).select_from(users).where(users.c.role == "admin", users.c.active)
            return conn.execute(query).scalar_one() > 0

    def accounts(self) -> list[Account]:
        if not self.exists():
            return []
        with self._read() as conn:
            rows = conn.execute(sa.select(users).order_by(users.c.username)).mappings().all()
        return [Account(r["username"], r["role"], bool(r["active"]), r["created_at"]) for r in rows]

    def _insert_user(self, conn: Connection, username: str, password_hash: str, role: str) -> None:
        if conn.execute(sa.select(users.c.id).where(users.c.username == username)).first() is not None:
            raise AuthError(f"Nama pengguna {username} sudah dipakai.")
        conn.execute(
            users.insert().values(
                username=username, password_hash=password_hash, role=role, active=True, created_at=now_utc()
            )
        )

    def create_user(self, actor: Actor, username: str, password: str, role: str) -> Account:
        """Add an account (admin, or the command line)."""
        name, role = auth.check_username(username), auth.check_role(role)
        password_hash = auth.hash_password(password)
        self.ensure_schema()

        def work(conn: Connection) -> None:
            self._check(conn, actor, "manage_accounts")
            self._insert_user(conn, name, password_hash, role)
            if role == "admin":  # the one-time first-admin key has no use any more
                self._put_setting(conn, "setup_secret", None)
            self._audit(conn, actor.username, "akun-dibuat", target=name, role=role)

        self._write_checked(actor, "manage_accounts", work)
        if role == "admin":
            self._admin_exists()
        return Account(name, role, True, now_utc())

    def _admin_exists(self) -> None:
        """Called once an admin exists (the setup key's file is removed: :mod:`.setup_key`)."""

    def update_user(self, actor: Actor, username: str, *, role: str | None = None, active: bool | None = None) -> None:
        """Change an account's role or active flag (admin). The last active admin stays admin."""
        name = username.strip().lower()

        def work(conn: Connection) -> None:
            self._check(conn, actor, "manage_accounts")
            row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
            if row is None:
                raise AuthError(f"Akun {name} tidak ada.")
            new_role = auth.check_role(role) if role is not None else row["role"]
            new_active = bool(row["active"]) if active is None else active
            admins = conn.execute(
                sa.select(sa.func.count()).select_from(users).where(users.c.role == "admin", users.c.active)
            ).scalar_one()
            if row["role"] == "admin" and row["active"] and (new_role != "admin" or not new_active) and admins <= 1:
                raise AuthError("Harus tetap ada minimal satu admin aktif. Jadikan akun lain admin terlebih dahulu.")
            conn.execute(users.update().where(users.c.username == name).values(role=new_role, active=new_active))
            ended = 0 if new_active else end_user_sessions(conn, name)
            self._audit(
                conn, actor.username, "akun-diubah", target=name, role=new_role, active=new_active, sesi_diakhiri=ended
            )

        self.ensure_schema()
        self._write_checked(actor, "manage_accounts", work)

    def set_password(
        self,
        actor: Actor,
        username: str,
        new_password: str,
        old_password: str | None = None,
        keep_session: int | None = None,
    ) -> None:
        """Set a password: an admin for anyone, or an account for itself with its old password.

        Every other session of the account ends (logged out on its next click or reload); only
        ``keep_session``, the session making the change, stays. The name's login back-off is cleared.
        """
        name = username.strip().lower()
        password_hash = auth.hash_password(new_password)

        def work(conn: Connection) -> None:
            own = not actor.system and actor.username == name
            if own and old_password is not None:
                row = conn.execute(sa.select(users.c.password_hash).where(users.c.username == name)).first()
                if row is None or not auth.verify_password(row.password_hash, old_password):
                    raise AuthError("Kata sandi lama salah.")
            else:
                self._check(conn, actor, "manage_accounts")
            updated = conn.execute(users.update().where(users.c.username == name).values(password_hash=password_hash))
            if updated.rowcount == 0:
                raise AuthError(f"Akun {name} tidak ada.")
            ended = end_user_sessions(conn, name, keep=keep_session if own else None)
            backoff.clear(conn, backoff.name_key(name))
            self._audit(conn, actor.username, "sandi-diubah", target=name, sesi_diakhiri=ended)

        self.ensure_schema()
        self._write_checked(actor, "manage_accounts", work)

    def authenticate(self, username: str, password: str, client: str | None = None) -> Account:
        """Check a login from ``client`` (an address; ``None`` = local); audit success and failure.

        Raises :class:`AuthError` with a neutral message on a wrong name or password, and with the
        time to wait while a back-off holds this name or client (:mod:`.backoff`: no password is
        checked then and nothing is counted).
        """
        name = username.strip().lower()[:64]
        failure = AuthError("Nama pengguna atau kata sandi salah.")
        if not self.exists():
            auth.dummy_verify(password)
            raise failure
        self.ensure_schema()  # the back-off table of an older database
        now = self.clock()
        name_key, client_key = backoff.name_key(name), backoff.client_key(client)
        with self._read() as conn:
            row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
            by_client, by_name = backoff.read(conn, client_key), backoff.read(conn, name_key)
        # The name's wait holds only clients that have failed themselves: the owner gets in.
        blocking = by_client if by_client.wait(now) else (by_name if by_client.active(now) else None)
        if blocking is not None and blocking.wait(now):
            self._refuse(name, blocking, client)
            raise AuthError(
                f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {backoff.describe(blocking.wait(now))}, "
                "atau minta admin mengatur ulang kata sandi."
            )
        if row is None:
            self._unknown_name(name, password, client, now)
            raise failure
        if not auth.verify_password(row["password_hash"], password):
            self._failed(name, client, now, reason="kata sandi salah")
            raise failure
        if not row["active"]:
            self.audit(name, "gagal-masuk", False, reason="akun nonaktif", klien=client or backoff.LOCAL_CLIENT)
            raise AuthError("Akun ini dinonaktifkan. Hubungi admin.")
        new_hash = auth.hash_password(password) if auth.needs_rehash(row["password_hash"]) else None

        def work(conn: Connection) -> None:
            if new_hash is not None:
                conn.execute(users.update().where(users.c.username == name).values(password_hash=new_hash))
            backoff.clear(conn, name_key)
            self._audit(conn, name, "masuk", klien=client or backoff.LOCAL_CLIENT)

        self._write(work)
        return Account(name, row["role"], True, row["created_at"])

    def _failed(self, name: str, client: str | None, now: datetime, reason: str, audit: bool = True) -> None:
        """Count one real failure for the name and the client (and audit it, unless aggregated)."""

        def work(conn: Connection) -> None:
            backoff.prune(conn, now)
            backoff.record_failure(conn, backoff.name_key(name), backoff.NAME_FREE, now)
            backoff.record_failure(conn, backoff.client_key(client), backoff.CLIENT_FREE, now)
            if audit:
                self._audit(
                    conn, name or "-", "gagal-masuk", False, reason=reason, klien=client or backoff.LOCAL_CLIENT
                )

        self._write(work)

    def _unknown_name(self, name: str, password: str, client: str | None, now: datetime) -> None:
        """An unknown name: as slow as a known one, but Argon2 only within the server's minute budget."""
        within, beyond = self._write(lambda conn: backoff.unknown_name_budget(conn, now))
        if within:
            auth.dummy_verify(password)
        else:  # the same delay without the 64 MiB check
            time.sleep(auth.VERIFY_SECONDS)
        self._failed(name, client, now, reason="akun tidak dikenal", audit=within)
        if beyond == 1:  # one entry for the flood of this minute, not one per name
            self.audit(
                "-", "gagal-masuk", False, reason="banyak nama tidak dikenal: pemeriksaan dan pencatatan dibatasi"
            )

    def _refuse(self, name: str, blocking: backoff.Counter, client: str | None) -> None:
        """An attempt during a wait: not checked, not counted; audited once per wait."""

        def work(conn: Connection) -> None:
            if backoff.record_refusal(conn, blocking.key) == 0:
                self._audit(
                    conn,
                    name or "-",
                    "gagal-masuk",
                    False,
                    reason="ditahan: terlalu banyak percobaan gagal",
                    penahan=blocking.key,
                    klien=client or backoff.LOCAL_CLIENT,
                )

        self._write(work)

    def audit_entries(self, actor: Actor | None = None, limit: int = 500) -> list[AuditEntry]:
        """The newest audit entries first (admin only when ``actor`` is given)."""
        if actor is not None:
            self._require(actor, "view_audit")
        if not self.exists():
            return []
        with self._read() as conn:
            rows = conn.execute(sa.select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)).mappings().all()
        return [
            AuditEntry(r["id"], r["at"], r["username"], r["action"], bool(r["success"]), json.loads(r["detail"]))
            for r in rows
        ]

    def set_setting(self, actor: Actor, key: str, value: str) -> None:
        """Change a setting (admin only)."""
        self.ensure_schema()

        def work(conn: Connection) -> None:
            self._check(conn, actor, "manage_accounts")
            self._put_setting(conn, key, value)
            self._audit(conn, actor.username, "pengaturan", key=key, value=value)

        self._write(work)

    def public_read(self) -> bool:
        """Whether the dashboard may be viewed without logging in.

        ``$LAKIP_PUBLIC_READ`` (1/0) wins; else the ``public_read`` setting; a store without any
        account is always viewable (a fresh installation shows the sample data).
        """
        env = os.environ.get("LAKIP_PUBLIC_READ")
        if env is not None and env.strip() != "":
            return env.strip().lower() in ("1", "true", "ya", "yes")
        if not self.has_accounts():
            return True
        return self.get_setting("public_read", "0") == "1"
