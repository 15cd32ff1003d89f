"""The first admin: a one-time key written to a file in the data folder, spent on first use."""

from __future__ import annotations

import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.store import auth
from lakip_core.store.accounts import Accounts
from lakip_core.store.auth import Account, AuthError
from lakip_core.store.engine import data_dir, now_utc
from lakip_core.store.tables import settings_table, users

SETUP_SECRET_FILE = "kunci-admin-pertama.txt"


class SetupKey(Accounts):
    """Creating the first admin with the one-time key."""

    def setup_secret_path(self) -> Path:
        return data_dir() / SETUP_SECRET_FILE

    def ensure_setup_secret(self) -> Path | None:
        """While no admin exists: make sure a one-time secret exists; return the file holding it.

        The secret is written to ``kunci-admin-pertama.txt`` in the data folder (mode 600) and
        only its SHA-256 is kept in the database. Returns ``None`` once an admin exists.
        """
        if self.has_admin():
            return None
        self.ensure_schema()
        path = self.setup_secret_path()
        if self.get_setting("setup_secret") is not None and path.exists():
            return path
        secret = auth.new_setup_secret()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(secret + "\n")
        self._write(lambda conn: self._put_setting(conn, "setup_secret", auth.secret_digest(secret)))
        return path

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
