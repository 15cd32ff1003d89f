"""Where the store is, and how it writes: one transaction per write, retried on lock contention.

Durability: on SQLite every connection runs ``journal_mode=WAL``, ``synchronous=FULL``,
``foreign_keys=ON`` and a 60 s busy timeout; write transactions start with ``BEGIN IMMEDIATE`` so
concurrent writers queue on the lock instead of failing on a lock upgrade, and a write that
still meets "database is locked" (or, on PostgreSQL, a serialization failure or a unique-key
race) is retried from the start. Reading never creates anything: a store whose SQLite file does
not exist is simply empty.

Files only the server can read: the data folder is kept at mode 0700 and the database with its
``-wal``/``-shm`` files at 0600, checked on every start (the first use of the engine) and on every
new connection; SQLite opens them under umask 077 and gives files it creates later the database
file's own mode.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from lakip_core.errors import LakipError
from lakip_core.store.migrate import add_missing_columns, missing_columns
from lakip_core.store.tables import metadata, settings_table

T = TypeVar("T")
SCHEMA_VERSION = "1"
DB_FILENAME = "lakip.db"
WRITE_ATTEMPTS = 30
SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")
_UMASK_LOCK = threading.Lock()  # the umask is process-wide: only one connection opens under 077 at a time


def now_utc() -> str:
    """Current time as ISO 8601 UTC with microseconds (sorts as text)."""
    return stamp(datetime.now(UTC))


def stamp(when: datetime) -> str:
    """``when`` as ISO 8601 UTC text with microseconds (``…Z``; sorts as text)."""
    return when.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _system_clock() -> datetime:
    return datetime.now(UTC)


def private_files(folder: Path | None, database: Path | None) -> None:
    """Mode 0700 on ``folder`` and 0600 on ``database`` and its SQLite side files, where they exist
    and belong to this user (a file of someone else is left as it is)."""
    targets = [(folder, 0o700)] if folder is not None else []
    targets += [(Path(f"{database}{suffix}"), 0o600) for suffix in SQLITE_SUFFIXES] if database is not None else []
    for path, mode in targets:
        try:
            info = path.stat()
        except OSError:
            continue
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) != mode:
            path.chmod(mode)


def data_dir() -> Path:
    """The data folder: ``$LAKIP_DATA_DIR``, else ``data/`` beside the ``lakip_core`` package."""
    configured = os.environ.get("LAKIP_DATA_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[2] / "data"


def default_url() -> str:
    """``$LAKIP_DB_URL``, else a SQLite file ``lakip.db`` in :func:`data_dir`."""
    return os.environ.get("LAKIP_DB_URL") or f"sqlite:///{data_dir() / DB_FILENAME}"


def normalize_url(url: str) -> str:
    """A database URL; a plain path is taken as a SQLite file."""
    return url if "://" in url else f"sqlite:///{Path(url).resolve()}"


class StoreError(LakipError):
    """The store refused an operation (unknown version, invalid satker/year ...)."""


def _retryable(err: DBAPIError) -> bool:
    text = str(err.orig).lower()
    if "locked" in text or "busy" in text:
        return True
    code = getattr(err.orig, "sqlstate", None) or getattr(err.orig, "pgcode", None)
    return code in ("40001", "40P01", "23505")


class StoreEngine:
    """The database behind one URL: the engine, the schema, and the write/read transactions."""

    def __init__(self, url: str | None = None) -> None:
        self.url = normalize_url(url) if url else default_url()
        self._engine: Engine | None = None
        self._ready = False
        self._created = False
        # The store's clock (UTC): login back-off and sessions read it, so tests move time instead of sleeping.
        self.clock: Callable[[], datetime] = _system_clock

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

    def _private_folder(self) -> Path | None:
        """The folder kept at 0700: the database's folder when it is the data folder or the store made it."""
        path = self.sqlite_path
        if path is None:
            return None
        folder = path.parent.resolve()
        return folder if folder == data_dir().resolve() or getattr(self, "_made_folder", False) else None

    def _make_engine(self) -> Engine:
        if not self.is_sqlite:
            return sa.create_engine(self.url, pool_pre_ping=True)
        private_files(self._private_folder(), self.sqlite_path)  # every start, not only the first
        engine = sa.create_engine(self.url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "do_connect")
        def _open(_dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
            # A new database file (and side files SQLite creates while opening) start as 0600.
            with _UMASK_LOCK:
                previous = os.umask(0o077)
                try:
                    return sqlite3.connect(*cargs, **cparams)
                finally:
                    os.umask(previous)

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
            private_files(None, self.sqlite_path)  # -wal/-shm made by another process or an older version

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
                stale = found and bool(missing_columns(conn))
        except OperationalError:
            return False
        if stale:  # made by an older release: add the columns declared since (store.migrate)
            self._write(self._migrate)
        self._ready = found
        return found

    @staticmethod
    def _migrate(conn: Connection) -> None:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242004)")
        add_missing_columns(conn)

    def ensure_schema(self) -> None:
        """Create the database (and its folder) and the tables when missing; idempotent.

        Runs once per :class:`Store` even when :meth:`exists` already found the older tables, so a
        database made before a table was added (``scenarios``) gets it on its first write.
        """
        if self._created:
            return
        path = self.sqlite_path
        if path is not None and not path.parent.exists():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            self._made_folder = True
            private_files(path.parent, None)

        def create(conn: Connection) -> None:
            if conn.dialect.name == "postgresql":
                conn.exec_driver_sql("SELECT pg_advisory_xact_lock(4242004)")
            metadata.create_all(conn)
            add_missing_columns(conn)
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

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check`` on SQLite ("ok" when intact); "ok" elsewhere."""
        if not self.is_sqlite or not self.exists():
            return "ok"
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())
