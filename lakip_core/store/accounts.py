"""Accounts: roles and the server-side permission check, passwords, login with lockout."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.store import auth
from lakip_core.store.audit import AuditEntry, AuditLog
from lakip_core.store.auth import Account, Actor, AuthError
from lakip_core.store.engine import now_utc
from lakip_core.store.tables import audit_log, users

T = TypeVar("T")


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
            self._audit(conn, actor.username, "akun-dibuat", target=name, role=role)

        self._write_checked(actor, "manage_accounts", work)
        return Account(name, role, True, now_utc())

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
            self._audit(conn, actor.username, "akun-diubah", target=name, role=new_role, active=new_active)

        self.ensure_schema()
        self._write_checked(actor, "manage_accounts", work)

    def set_password(self, actor: Actor, username: str, new_password: str, old_password: str | None = None) -> None:
        """Set a password: an admin for anyone, or an account for itself with its old password."""
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
            self._audit(conn, actor.username, "sandi-diubah", target=name)

        self.ensure_schema()
        self._write_checked(actor, "manage_accounts", work)

    def _recent_failures(self, conn: Connection, username: str) -> int:
        since = datetime.now(UTC).timestamp() - auth.LOCKOUT_MINUTES * 60
        since_text = datetime.fromtimestamp(since, UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")
        last_ok = conn.execute(
            sa.select(sa.func.max(audit_log.c.id)).where(
                audit_log.c.username == username, audit_log.c.action == "masuk"
            )
        ).scalar()
        query = (
            sa.select(sa.func.count())
            .select_from(audit_log)
            .where(audit_log.c.username == username, audit_log.c.action == "gagal-masuk", audit_log.c.at >= since_text)
        )
        if last_ok is not None:
            query = query.where(audit_log.c.id > last_ok)
        return int(conn.execute(query).scalar_one())

    def authenticate(self, username: str, password: str) -> Account:
        """Check a login; audit success and failure. Raises :class:`AuthError` with a neutral message.

        After ``auth.MAX_FAILED_LOGINS`` failures in ``auth.LOCKOUT_MINUTES`` minutes the account
        name is locked for that long (counted from the audit log).
        """
        name = username.strip().lower()
        failure = AuthError("Nama pengguna atau kata sandi salah.")
        if not self.exists():
            auth.dummy_verify(password)
            raise failure
        with self._read() as conn:
            row = conn.execute(sa.select(users).where(users.c.username == name)).mappings().first()
            failures = self._recent_failures(conn, name)
        if failures >= auth.MAX_FAILED_LOGINS:
            self.audit(name or "-", "gagal-masuk", False, reason="terkunci")
            raise AuthError(
                f"Terlalu banyak percobaan masuk yang gagal. Coba lagi setelah {auth.LOCKOUT_MINUTES} menit "
                "atau minta admin mengatur ulang kata sandi."
            )
        if row is None:
            auth.dummy_verify(password)
            self.audit(name or "-", "gagal-masuk", False, reason="akun tidak dikenal")
            raise failure
        if not auth.verify_password(row["password_hash"], password):
            self.audit(name, "gagal-masuk", False, reason="kata sandi salah")
            raise failure
        if not row["active"]:
            self.audit(name, "gagal-masuk", False, reason="akun nonaktif")
            raise AuthError("Akun ini dinonaktifkan. Hubungi admin.")
        new_hash = auth.hash_password(password) if auth.needs_rehash(row["password_hash"]) else None

        def work(conn: Connection) -> None:
            if new_hash is not None:
                conn.execute(users.update().where(users.c.username == name).values(password_hash=new_hash))
            self._audit(conn, name, "masuk")

        self._write(work)
        return Account(name, row["role"], True, row["created_at"])

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
