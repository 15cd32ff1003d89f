"""The versioned store: every upload kept as an immutable version, accounts, the audit log.

SQLite by default (a file in the data folder, no server), any SQLAlchemy URL otherwise
(``postgresql+psycopg://...`` is tested). Schema (SQLAlchemy Core):

- ``versions``: one row per stored file, never updated or deleted: satker, year, kind, the
  original bytes and their sha256, who uploaded it and when (UTC), the parser version, the
  detected layout (JSON), the parsed rows (zlib-compressed JSON), the summary and the findings.
  ``(satker, year, kind, sha256)`` is unique: the same file twice is stored once.
- ``activations``: append-only. Uploading or restoring a version appends a row; the current
  version of a satker/year/kind is the one named by its newest activation. "Making an old
  version current again" therefore changes nothing that exists.
- ``users``, ``audit_log`` (logins, failed logins, uploads, rejected files, restores, account
  changes, scenario saves and deletions, refusals), ``settings`` (small key/value pairs such as
  ``public_read``).
- ``scenarios``: named Simulasi scenarios (what-if edits as the JSON of
  :meth:`lakip_core.whatif.Scenario.to_dict`) per satker/year, with who saved them and when (UTC).
  ``(satker, year, name)`` is unique: saving again under the same name replaces that one row
  (its id stays; the audit log keeps every save). Scenarios never touch ``versions`` or
  ``activations``: the stored figures stay exactly as uploaded. Older databases get the table
  on their next write.

Durability: on SQLite every connection runs ``journal_mode=WAL``, ``synchronous=FULL``,
``foreign_keys=ON`` and a 60 s busy timeout; write transactions start with ``BEGIN IMMEDIATE`` so
concurrent writers queue on the lock instead of failing on a lock upgrade, and a write that
still meets "database is locked" (or, on PostgreSQL, a serialization failure or a unique-key
race) is retried from the start. Each upload is one transaction: after a crash at any moment it
is wholly there or wholly absent.

Reading never creates anything: a store whose SQLite file does not exist is simply empty.
"""

from __future__ import annotations

import json
import os
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from . import auth
from .auth import Account, Actor, AuthError
from .errors import LakipError
from .findings import Finding
from .intake import (
    DEFAULT_LIMITS,
    KINDS,
    Inspection,
    Limits,
    TableLayout,
    build_report,
    inspect_upload,
    kind_name,
    layouts_from_json,
    rows_frame,
)
from .report import Report
from .whatif import BASELINE_LABEL, Scenario

T = TypeVar("T")
SCHEMA_VERSION = "1"
DB_FILENAME = "lakip.db"
SETUP_SECRET_FILE = "kunci-admin-pertama.txt"
WRITE_ATTEMPTS = 30

metadata = sa.MetaData()
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)
versions = sa.Table(
    "versions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("satker", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("filename", sa.String(255), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("uploaded_by", sa.String(64), nullable=False),
    sa.Column("uploaded_at", sa.String(32), nullable=False),
    sa.Column("parser_version", sa.String(64), nullable=False),
    sa.Column("layout", sa.Text, nullable=False),
    sa.Column("rows", sa.LargeBinary, nullable=False),
    sa.Column("row_count", sa.Integer, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("findings", sa.Text, nullable=False),
    sa.UniqueConstraint("satker", "year", "kind", "sha256", name="uq_versions_file"),
    sa.Index("ix_versions_key", "satker", "year", "kind"),
)
activations = sa.Table(
    "activations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False),
    sa.Column("satker", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),
    sa.Column("by", sa.String(64), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Index("ix_activations_key", "satker", "year", "kind"),
)
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("username", sa.String(64), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("success", sa.Boolean, nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Index("ix_audit_user_action", "username", "action"),
)
scenarios_table = sa.Table(
    "scenarios",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("satker", sa.String(200), nullable=False),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("scenario", sa.Text, nullable=False),
    sa.Column("created_by", sa.String(64), nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.UniqueConstraint("satker", "year", "name", name="uq_scenarios_name"),
)
settings_table = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# Audit actions, as shown on the Akun page.
AUDIT_LABELS = {
    "masuk": "Masuk",
    "gagal-masuk": "Gagal masuk",
    "keluar": "Keluar",
    "sesi-habis": "Sesi berakhir (tidak aktif)",
    "unggah": "Unggah versi baru",
    "unggah-ulang": "Unggah berkas yang sama",
    "unggah-ditolak": "Berkas ditolak",
    "pulihkan": "Pulihkan versi",
    "skenario-simpan": "Skenario simulasi disimpan",
    "skenario-hapus": "Skenario simulasi dihapus",
    "ditolak": "Tindakan ditolak (tanpa wewenang)",
    "akun-dibuat": "Akun dibuat",
    "akun-diubah": "Akun diubah",
    "sandi-diubah": "Kata sandi diubah",
    "pengaturan": "Pengaturan diubah",
}


def now_utc() -> str:
    """Current time as ISO 8601 UTC with microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def data_dir() -> Path:
    """The data folder: ``$LAKIP_DATA_DIR``, else ``data/`` beside the ``lakip_core`` package."""
    configured = os.environ.get("LAKIP_DATA_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[1] / "data"


def default_url() -> str:
    """``$LAKIP_DB_URL``, else a SQLite file ``lakip.db`` in :func:`data_dir`."""
    return os.environ.get("LAKIP_DB_URL") or f"sqlite:///{data_dir() / DB_FILENAME}"


def normalize_url(url: str) -> str:
    """A database URL; a plain path is taken as a SQLite file."""
    return url if "://" in url else f"sqlite:///{Path(url).resolve()}"


class StoreError(LakipError):
    """The store refused an operation (unknown version, invalid satker/year ...)."""


@dataclass(frozen=True)
class VersionInfo:
    """One stored version, without its bytes or rows."""

    id: int
    satker: str
    year: int
    kind: str
    filename: str
    sha256: str
    size: int
    uploaded_by: str
    uploaded_at: str
    parser_version: str
    row_count: int
    summary: dict[str, Any]
    findings: tuple[Finding, ...]
    layout: tuple[TableLayout, ...]
    is_current: bool = False

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind].label if self.kind in KINDS else self.kind


@dataclass(frozen=True)
class SaveResult:
    """What :meth:`Store.save` did: a new version, or the same file recognised."""

    version_id: int
    created: bool
    activated: bool
    message: str


@dataclass(frozen=True)
class StoredScenario:
    """One Simulasi scenario kept in the store (``scenario.name`` == ``name``)."""

    id: int
    satker: str
    year: int
    name: str
    scenario: Scenario
    created_by: str
    created_at: str


SCENARIO_NAME_MAX = 120


def clean_scenario_name(name: str) -> str:
    text = " ".join(str(name or "").split())
    if not text or text == BASELINE_LABEL:
        raise StoreError(f"Beri nama skenario terlebih dahulu (bukan '{BASELINE_LABEL}').")
    if len(text) > SCENARIO_NAME_MAX:
        raise StoreError(f"Nama skenario terlalu panjang (maksimal {SCENARIO_NAME_MAX} karakter).")
    return text


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    username: str
    action: str
    success: bool
    detail: dict[str, Any] = field(default_factory=dict)


def clean_satker(satker: str) -> str:
    name = " ".join(str(satker or "").split())
    if not name:
        raise StoreError("Nama satuan kerja (satker) wajib diisi, misalnya 'KPU Kota Jakarta Selatan'.")
    if len(name) > 200:
        raise StoreError("Nama satuan kerja terlalu panjang (maksimal 200 karakter).")
    return name


def clean_year(year: int) -> int:
    if not 2000 <= int(year) <= 2100:
        raise StoreError(f"Tahun {year} tidak masuk akal; isi tahun laporan antara 2000 dan 2100.")
    return int(year)


def _retryable(err: DBAPIError) -> bool:
    text = str(err.orig).lower()
    if "locked" in text or "busy" in text:
        return True
    code = getattr(err.orig, "sqlstate", None) or getattr(err.orig, "pgcode", None)
    return code in ("40001", "40P01", "23505")


class Store:
    """The data store behind one database URL (see the module docstring)."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalize_url(url) if url else default_url()
        self._engine: Engine | None = None
        self._ready = False
        self._created = False

    # --- connection ------------------------------------------------------------------------

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        database = sa.engine.make_url(self.url).database
        return Path(database) if database and database != ":memory:" else None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._make_engine()
        return self._engine

    def _make_engine(self) -> Engine:
        if not self.is_sqlite:
            return sa.create_engine(self.url, pool_pre_ping=True)
        engine = sa.create_engine(self.url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            # Take transactions out of pysqlite's hands so BEGIN IMMEDIATE is ours to send.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA busy_timeout = 60000")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("lakip_write") else "BEGIN")

        return engine

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def exists(self) -> bool:
        """True when the database has the store's tables (never creates the database)."""
        if self._ready:
            return True
        path = self.sqlite_path
        if self.is_sqlite and (path is None or not path.exists()):
            return False
        try:
            with self.engine.connect() as conn:
                found = sa.inspect(conn).has_table("activations")
        except OperationalError:
            return False
        self._ready = found
        return found

    def ensure_schema(self) -> None:
        """Create the database (and its folder) and the tables when missing; idempotent.

        Runs once per :class:`Store` even when :meth:`exists` already found the older tables, so a
        database made before a table was added (``scenarios``) gets it on its first write.
        """
        if self._created:
            return
        path = self.sqlite_path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)

        def create(conn: Connection) -> None:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242004)")
            metadata.create_all(conn)
            current = conn.execute(sa.select(settings_table.c.value).where(settings_table.c.key == "schema")).scalar()
            if current is None:
                conn.execute(settings_table.insert().values(key="schema", value=SCHEMA_VERSION))

        self._write(create)
        self._ready = self._created = True

    def _write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one write transaction, retrying it whole on lock contention."""
        delay = 0.02
        for attempt in range(WRITE_ATTEMPTS):
            try:
                with self.engine.connect() as conn:
                    conn.execution_options(lakip_write=True)
                    with conn.begin():
                        return work(conn)
            except (OperationalError, IntegrityError) as err:
                if attempt == WRITE_ATTEMPTS - 1 or not _retryable(err):
                    raise
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
        raise AssertionError("unreachable")

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # --- audit and settings ----------------------------------------------------------------

    def _audit(self, conn: Connection, username: str, action: str, success: bool = True, **detail: Any) -> None:
        conn.execute(
            audit_log.insert().values(
                at=now_utc(),
                username=username,
                action=action,
                success=success,
                detail=json.dumps(detail, ensure_ascii=False, default=str),
            )
        )

    def audit(self, username: str, action: str, success: bool = True, **detail: Any) -> None:
        """Append one audit entry in its own transaction."""
        self.ensure_schema()
        self._write(lambda conn: self._audit(conn, username, action, success, **detail))

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

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        if not self.exists():
            return default
        with self._read() as conn:
            value = conn.execute(sa.select(settings_table.c.value).where(settings_table.c.key == key)).scalar()
        return default if value is None else str(value)

    def _put_setting(self, conn: Connection, key: str, value: str | None) -> None:
        conn.execute(settings_table.delete().where(settings_table.c.key == key))
        if value is not None:
            conn.execute(settings_table.insert().values(key=key, value=value))

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

    # --- accounts ---------------------------------------------------------------------------

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

    def _write_checked(self, actor: Actor, action: str, work: Callable[[Connection], T]) -> T:
        """A write whose permission refusal is audited (in a separate transaction)."""
        try:
            return self._write(work)
        except auth.PermissionDeniedError as err:
            self.audit(actor.username, "ditolak", False, attempted=action, reason=str(err))
            raise

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

    # --- the first admin --------------------------------------------------------------------

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

    # --- versions ---------------------------------------------------------------------------

    def _current_id(self, conn: Connection, satker: str, year: int, kind: str) -> int | None:
        return conn.execute(
            sa.select(activations.c.version_id)
            .where(activations.c.satker == satker, activations.c.year == year, activations.c.kind == kind)
            .order_by(activations.c.id.desc())
            .limit(1)
        ).scalar()

    def _activate(
        self, conn: Connection, version_id: int, satker: str, year: int, kind: str, action: str, by: str
    ) -> None:
        conn.execute(
            activations.insert().values(
                version_id=version_id, satker=satker, year=year, kind=kind, action=action, by=by, at=now_utc()
            )
        )

    def save(self, actor: Actor, inspection: Inspection, satker: str, year: int) -> SaveResult:
        """Store an inspected file as the current version of its satker/year/kind, in one transaction.

        Refuses (:class:`StoreError`) an inspection with blocking problems, and
        (:class:`~lakip_core.auth.PermissionDeniedError`) an actor whose role in the database does
        not allow uploading. The same bytes already stored for that satker/year/kind are not
        stored again; if that version is not current it becomes current again.
        """
        satker, year = clean_satker(satker), clean_year(year)
        kind = kind_name(inspection.kind)
        if not inspection.ok:
            raise StoreError(
                f"{inspection.filename} masih memiliki {len(inspection.problems)} masalah; perbaiki berkasnya dulu."
            )
        self.ensure_schema()
        rows_blob = zlib.compress(inspection.rows_json.encode("utf-8"), 6)
        findings_json = json.dumps([f.to_dict() for f in inspection.findings], ensure_ascii=False)
        summary_json = json.dumps(inspection.summary, ensure_ascii=False, default=str)

        def work(conn: Connection) -> SaveResult:
            self._check(conn, actor, "upload")
            existing = conn.execute(
                sa.select(versions.c.id).where(
                    versions.c.satker == satker,
                    versions.c.year == year,
                    versions.c.kind == kind,
                    versions.c.sha256 == inspection.sha256,
                )
            ).scalar()
            if existing is not None:
                current = self._current_id(conn, satker, year, kind)
                activated = current != existing
                if activated:
                    self._activate(conn, existing, satker, year, kind, "unggah-ulang", actor.username)
                self._audit(
                    conn, actor.username, "unggah-ulang", version=existing, satker=satker, year=year, kind=kind,
                    filename=inspection.filename, sha256=inspection.sha256,
                )  # fmt: skip
                message = (
                    f"Berkas yang sama persis sudah tersimpan sebagai versi #{existing}; tidak disimpan dua kali."
                    + (" Versi itu kini kembali menjadi versi berlaku." if activated else " Versi itu sudah berlaku.")
                )
                return SaveResult(existing, False, activated, message)
            inserted = conn.execute(
                versions.insert().values(
                    satker=satker,
                    year=year,
                    kind=kind,
                    filename=inspection.filename[:255],
                    sha256=inspection.sha256,
                    size=inspection.size,
                    content=inspection.content,
                    uploaded_by=actor.username,
                    uploaded_at=now_utc(),
                    parser_version=inspection.parser_version,
                    layout=inspection.layout_json(),
                    rows=rows_blob,
                    row_count=inspection.row_count,
                    summary=summary_json,
                    findings=findings_json,
                )
            )
            assert inserted.inserted_primary_key is not None
            version_id = int(inserted.inserted_primary_key[0])
            self._activate(conn, version_id, satker, year, kind, "unggah", actor.username)
            self._audit(
                conn, actor.username, "unggah", version=version_id, satker=satker, year=year, kind=kind,
                filename=inspection.filename, sha256=inspection.sha256, rows=inspection.row_count,
            )  # fmt: skip
            return SaveResult(int(version_id), True, True, f"Tersimpan sebagai versi #{version_id} (berlaku).")

        return self._write_checked(actor, "upload", work)

    def import_file(
        self,
        actor: Actor,
        data: bytes,
        filename: str,
        kind: str | None,
        satker: str,
        year: int,
        limits: Limits = DEFAULT_LIMITS,
    ) -> SaveResult:
        """Check, read (in a child process) and store one file: the path of the CLI ``import``.

        The role is checked before the file is even read, and again inside the write. A rejected
        file leaves the data untouched and an ``unggah-ditolak`` entry in the audit log.
        """
        satker, year = clean_satker(satker), clean_year(year)
        self._require(actor, "upload")
        try:
            inspection = inspect_upload(data, filename, kind, year, limits)
            if not inspection.ok:
                listed = "; ".join(
                    f"{p.sheet or ''} baris {p.row}: {p.message}" if p.row else p.message for p in inspection.problems
                )
                raise StoreError(f"{filename} ditolak, {len(inspection.problems)} masalah: {listed}")
        except LakipError as err:
            self.audit(actor.username, "unggah-ditolak", False, filename=filename, reason=str(err)[:500])
            raise
        return self.save(actor, inspection, satker, year)

    def restore(self, actor: Actor, version_id: int) -> VersionInfo:
        """Make a stored version current again (pengunggah or admin); nothing is overwritten."""

        def work(conn: Connection) -> VersionInfo:
            self._check(conn, actor, "restore")
            row = conn.execute(sa.select(*self._info_columns()).where(versions.c.id == version_id)).mappings().first()
            if row is None:
                raise StoreError(f"Versi #{version_id} tidak ada.")
            current = self._current_id(conn, row["satker"], row["year"], row["kind"])
            if current != version_id:
                self._activate(conn, version_id, row["satker"], row["year"], row["kind"], "pulihkan", actor.username)
            self._audit(
                conn, actor.username, "pulihkan", version=version_id, previous=current, satker=row["satker"],
                year=row["year"], kind=row["kind"],
            )  # fmt: skip
            return self._info(row, is_current=True)

        if not self.exists():
            raise StoreError(f"Versi #{version_id} tidak ada.")
        return self._write_checked(actor, "restore", work)

    @staticmethod
    def _info_columns() -> list[sa.Column[Any]]:
        return [c for c in versions.c if c.name not in ("content", "rows")]

    @staticmethod
    def _info(row: sa.RowMapping, is_current: bool) -> VersionInfo:
        return VersionInfo(
            id=int(row["id"]),
            satker=row["satker"],
            year=int(row["year"]),
            kind=row["kind"],
            filename=row["filename"],
            sha256=row["sha256"],
            size=int(row["size"]),
            uploaded_by=row["uploaded_by"],
            uploaded_at=row["uploaded_at"],
            parser_version=row["parser_version"],
            row_count=int(row["row_count"]),
            summary=json.loads(row["summary"]),
            findings=tuple(Finding(**f) for f in json.loads(row["findings"])),
            layout=layouts_from_json(row["layout"]),
            is_current=is_current,
        )

    def _current_ids(self, conn: Connection) -> set[int]:
        latest = sa.select(sa.func.max(activations.c.id)).group_by(
            activations.c.satker, activations.c.year, activations.c.kind
        )
        query = sa.select(activations.c.version_id).where(activations.c.id.in_(latest))
        return {int(v) for v in conn.execute(query).scalars()}

    def versions(
        self, satker: str | None = None, year: int | None = None, kind: str | None = None
    ) -> list[VersionInfo]:
        """Stored versions, newest first, each marked current or not."""
        if not self.exists():
            return []
        query = sa.select(*self._info_columns()).order_by(versions.c.id.desc())
        if satker is not None:
            query = query.where(versions.c.satker == satker)
        if year is not None:
            query = query.where(versions.c.year == year)
        if kind is not None:
            query = query.where(versions.c.kind == kind_name(kind))
        with self._read() as conn:
            current = self._current_ids(conn)
            rows = conn.execute(query).mappings().all()
        return [self._info(r, int(r["id"]) in current) for r in rows]

    def version(self, version_id: int) -> VersionInfo:
        found = [v for v in self.versions() if v.id == version_id] if self.exists() else []
        if not found:
            raise StoreError(f"Versi #{version_id} tidak ada.")
        return found[0]

    def content(self, version_id: int) -> bytes:
        """The original bytes of a version."""
        with self._read() as conn:
            data = conn.execute(sa.select(versions.c.content).where(versions.c.id == version_id)).scalar()
        if data is None:
            raise StoreError(f"Versi #{version_id} tidak ada.")
        return bytes(data)

    def rows(self, version_id: int) -> pd.DataFrame:
        """The parsed rows stored with a version."""
        with self._read() as conn:
            blob = conn.execute(sa.select(versions.c.rows).where(versions.c.id == version_id)).scalar()
        if blob is None:
            raise StoreError(f"Versi #{version_id} tidak ada.")
        return rows_frame(zlib.decompress(bytes(blob)).decode("utf-8"))

    def datasets(self) -> list[tuple[str, int]]:
        """(satker, year) pairs that have a current version, newest year first."""
        if not self.exists():
            return []
        with self._read() as conn:
            rows = conn.execute(sa.select(activations.c.satker, activations.c.year).distinct()).all()
        return sorted({(str(s), int(y)) for s, y in rows}, key=lambda p: (-p[1], p[0]))

    def current(self, satker: str, year: int) -> dict[str, VersionInfo]:
        """The current version of each kind stored for a satker/year."""
        return {v.kind: v for v in self.versions(satker, year) if v.is_current}

    def current_report(self, satker: str, year: int) -> Report | None:
        """The report built from the stored bytes of the current versions (``None`` when none)."""
        current = self.current(satker, year)
        if not current:
            return None
        sources = {kind: (self.content(v.id), v.filename) for kind, v in current.items()}
        return build_report(sources, year, satker)

    # --- Simulasi scenarios -------------------------------------------------------------------

    def _has_scenarios(self) -> bool:
        """Whether the ``scenarios`` table exists (an older database gets it on its next write)."""
        if self._created:
            return True
        if not self.exists():
            return False
        with self.engine.connect() as conn:
            return sa.inspect(conn).has_table("scenarios")

    @staticmethod
    def _stored_scenario(row: sa.RowMapping) -> StoredScenario:
        scenario = Scenario.from_dict(json.loads(row["scenario"]))
        return StoredScenario(
            id=int(row["id"]),
            satker=row["satker"],
            year=int(row["year"]),
            name=row["name"],
            scenario=Scenario(row["name"], scenario.indicators, scenario.budget, scenario.note),
            created_by=row["created_by"],
            created_at=row["created_at"],
        )

    def save_scenario(
        self, actor: Actor, satker: str, year: int, name: str, payload: Scenario | Mapping[str, Any]
    ) -> StoredScenario:
        """Keep a Simulasi scenario for a satker/year (pengunggah or admin), in one transaction.

        ``payload`` is a :class:`~lakip_core.whatif.Scenario` or its :meth:`~Scenario.to_dict`.
        Saving again under the same name replaces that scenario's row (same id); no version,
        activation or other scenario is touched. Audited as ``skenario-simpan``.
        """
        satker, year, name = clean_satker(satker), clean_year(year), clean_scenario_name(name)
        scenario = payload if isinstance(payload, Scenario) else Scenario.from_dict(payload)
        data = json.dumps({**scenario.to_dict(), "name": name}, ensure_ascii=False, sort_keys=True)
        self.ensure_schema()

        def work(conn: Connection) -> StoredScenario:
            self._check(conn, actor, "save_scenario")
            at = now_utc()
            key = (scenarios_table.c.satker == satker, scenarios_table.c.year == year, scenarios_table.c.name == name)
            existing = conn.execute(sa.select(scenarios_table.c.id).where(*key)).scalar()
            values = {"scenario": data, "created_by": actor.username, "created_at": at}
            if existing is None:
                inserted = conn.execute(scenarios_table.insert().values(satker=satker, year=year, name=name, **values))
                assert inserted.inserted_primary_key is not None
                scenario_id = int(inserted.inserted_primary_key[0])
            else:
                scenario_id = int(existing)
                conn.execute(scenarios_table.update().where(scenarios_table.c.id == scenario_id).values(**values))
            self._audit(
                conn, actor.username, "skenario-simpan", scenario=scenario_id, name=name, satker=satker, year=year,
                replaced=existing is not None, indicators=len(scenario.indicators), budget=len(scenario.budget),
            )  # fmt: skip
            row = conn.execute(sa.select(scenarios_table).where(scenarios_table.c.id == scenario_id)).mappings().one()
            return self._stored_scenario(row)

        return self._write_checked(actor, "save_scenario", work)

    def scenarios(self, satker: str, year: int) -> list[StoredScenario]:
        """The scenarios kept for a satker/year, by name (anyone who may view may open them)."""
        if not self._has_scenarios():
            return []
        query = (
            sa.select(scenarios_table)
            .where(scenarios_table.c.satker == " ".join(str(satker).split()), scenarios_table.c.year == int(year))
            .order_by(scenarios_table.c.name, scenarios_table.c.id)
        )
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
        return [self._stored_scenario(r) for r in rows]

    def scenario(self, scenario_id: int) -> StoredScenario:
        """One kept scenario; :class:`StoreError` when there is none with that id."""
        row = None
        if self._has_scenarios():
            with self._read() as conn:
                query = sa.select(scenarios_table).where(scenarios_table.c.id == scenario_id)
                row = conn.execute(query).mappings().first()
        if row is None:
            raise StoreError(f"Skenario #{scenario_id} tidak ada.")
        return self._stored_scenario(row)

    def delete_scenario(self, actor: Actor, scenario_id: int) -> StoredScenario:
        """Remove a kept scenario (pengunggah or admin); audited as ``skenario-hapus``."""
        self.ensure_schema()

        def work(conn: Connection) -> StoredScenario:
            self._check(conn, actor, "save_scenario")
            row = conn.execute(sa.select(scenarios_table).where(scenarios_table.c.id == scenario_id)).mappings().first()
            if row is None:
                raise StoreError(f"Skenario #{scenario_id} tidak ada.")
            conn.execute(scenarios_table.delete().where(scenarios_table.c.id == scenario_id))
            self._audit(
                conn, actor.username, "skenario-hapus", scenario=scenario_id, name=row["name"], satker=row["satker"],
                year=row["year"],
            )  # fmt: skip
            return self._stored_scenario(row)

        return self._write_checked(actor, "save_scenario", work)

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check`` on SQLite ("ok" when intact); "ok" elsewhere."""
        if not self.is_sqlite or not self.exists():
            return "ok"
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())


# --- comparing versions --------------------------------------------------------------------------

# Columns that identify a row of each kind when comparing two versions.
COMPARE_KEYS: dict[str, tuple[str, ...]] = {
    "indicators": ("document", "objective", "indicator"),
    "budget": ("code", "name"),
    "assets": ("category_sheet", "code", "nup", "name", "brand"),
    "staff": ("name", "nip"),
}


@dataclass(frozen=True)
class VersionDiff:
    """What changed between two versions' parsed rows (matched by :data:`COMPARE_KEYS`)."""

    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # key, kolom, lama, baru
    unchanged: int


def _keyed(frame: pd.DataFrame, keys: tuple[str, ...]) -> pd.DataFrame:
    present = [k for k in keys if k in frame.columns]
    data = frame.drop(columns=[c for c in frame.columns if c.startswith("_")]).astype(object)
    data = data.where(pd.notna(data), None)
    label = data[present].astype(str).agg(" · ".join, axis=1) if present else pd.Series("", index=data.index)
    # Duplicated keys are matched in file order.
    data.index = label + label.groupby(label).cumcount().map(lambda n: "" if n == 0 else f" (#{n + 1})")
    return data


def compare_rows(old: pd.DataFrame, new: pd.DataFrame, kind: str) -> VersionDiff:
    """Rows added, removed and changed (per column) from ``old`` to ``new``.

    Values are compared as stored (text as text, numbers as numbers); a column present in only
    one version counts as changed for every matched row whose value differs from blank.
    """
    keys = COMPARE_KEYS[kind_name(kind)]
    before, after = _keyed(old, keys), _keyed(new, keys)
    added = after.loc[[k for k in after.index if k not in before.index]]
    removed = before.loc[[k for k in before.index if k not in after.index]]
    columns = [c for c in dict.fromkeys([*before.columns, *after.columns]) if c not in keys]
    changes: list[dict[str, Any]] = []
    unchanged = 0
    for key in (k for k in after.index if k in before.index):
        differs = False
        for column in columns:
            a = before.at[key, column] if column in before.columns else None
            b = after.at[key, column] if column in after.columns else None
            if not _same(a, b):
                changes.append({"baris": key, "kolom": column, "lama": a, "baru": b})
                differs = True
        unchanged += not differs
    changed = pd.DataFrame(changes, columns=["baris", "kolom", "lama", "baru"])
    return VersionDiff(added.reset_index(drop=True), removed.reset_index(drop=True), changed, unchanged)


def _same(a: object, b: object) -> bool:
    # A blank is a blank: rows stored before a column existed (None) equal an empty cell ("").
    if a is None or b is None or a == "" or b == "":
        return a in (None, "") and b in (None, "")
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) < 1e-9
    return str(a) == str(b)
