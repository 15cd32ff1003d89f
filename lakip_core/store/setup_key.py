"""The first admin: a one-time key written to a file in the data folder, spent on first use.

The key file and the digest in the database are made together, under the database's write lock
(one transaction: SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's advisory lock), the file written to
a private temporary file first and renamed into place, so simultaneous first visits (threads or
server processes) leave exactly one key whose file matches the stored digest. A file that does
not match the digest (an interrupted older version, a hand edit) is replaced on the next visit.
Once an admin exists the digest is cleared and the file removed.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.store import auth
from lakip_core.store.accounts import Accounts
from lakip_core.store.auth import Account, AuthError
from lakip_core.store.engine import data_dir, now_utc
from lakip_core.store.tables import settings_table, users

SETUP_SECRET_FILE = "kunci-admin-pertama.txt"
_SETUP_LOCK = 4242005  # PostgreSQL advisory lock: one key maker at a time across processes


def _read_key(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except (OSError, UnicodeDecodeError):
        return None


def _write_key(path: Path, secret: str) -> None:
    """Write ``secret`` to ``path`` atomically: a new private file (O_EXCL, 0600), then a rename."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secret + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


class SetupKey(Accounts):
    """Creating the first admin with the one-time key."""

    def setup_secret_path(self) -> Path:
        return data_dir() / SETUP_SECRET_FILE

    def ensure_setup_secret(self) -> str | None:
        """While no admin exists: make sure a one-time key exists and its file matches the stored
        digest; returns the file's name (never its folder: visitors see no server paths).

        Returns ``None`` once an admin exists (and removes a left-over key file).
        """
        if self.has_admin():
            self._admin_exists()
            return None
        self.ensure_schema()
        path = self.setup_secret_path()

        def work(conn: Connection) -> None:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SETUP_LOCK})")
            digest = conn.execute(
                sa.select(settings_table.c.value).where(settings_table.c.key == "setup_secret")
            ).scalar()
            current = _read_key(path)
            if digest is not None and current is not None and auth.secret_matches(str(digest), current):
                return
            secret = auth.new_setup_secret()
            _write_key(path, secret)  # inside the write transaction: no other maker runs meanwhile
            self._put_setting(conn, "setup_secret", auth.secret_digest(secret))

        self._write(work)
        return path.name

    def _admin_exists(self) -> None:
        """The key is spent: clear its digest and remove its file."""
        if self.get_setting("setup_secret") is not None:
            self._write(lambda conn: self._put_setting(conn, "setup_secret", None))
        self.setup_secret_path().unlink(missing_ok=True)

    def create_first_admin(self, secret: str, username: str, password: str) -> Account:
        """Create the first admin with the one-time secret; the secret is then spent."""
        name = auth.check_username(username)
        password_hash = auth.hash_password(password)
        self.ensure_schema()

        def work(conn: Connection) -> None:
            digest = conn.execute(
                sa.select(settings_table.c.value).where(settings_table.c.key == "setup_secret")
            ).scalar()
            admins = conn.execute(
                sa.select(sa.func.count()).select_from(users).where(users.c.role == "admin")
            ).scalar_one()
            if admins or digest is None or not auth.secret_matches(str(digest), secret):
                raise AuthError("Kunci sekali pakai salah atau sudah terpakai.")
            self._insert_user(conn, name, password_hash, "admin")
            self._put_setting(conn, "setup_secret", None)
            self._audit(conn, name, "akun-dibuat", target=name, role="admin", via="kunci sekali pakai")

        try:
            self._write(work)
        except AuthError:
            self.audit(name, "gagal-masuk", False, reason="kunci admin pertama salah")
            raise
        self.setup_secret_path().unlink(missing_ok=True)
        return Account(name, "admin", True, now_utc())
