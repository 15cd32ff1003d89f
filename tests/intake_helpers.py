"""Files for the intake, store and upload tests, generated here (nothing hostile is committed)."""

from __future__ import annotations

import functools
import io
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

import openpyxl

from lakip_core.intake.inspection import inspect_bytes
from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "sample_data"
SATKER = "KPU Kota Jakarta Selatan"
PASSWORD = "rahasia-kantor-1"


def xlsx_bytes(rows: Sequence[Sequence[object]], sheet: str = "Anggaran") -> bytes:
    """A real workbook with one sheet of ``rows`` (``None`` = empty cell)."""
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet
    for row in rows:
        worksheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def budget_rows(realized: Sequence[float], allocation: float = 1_000_000_000, names: Sequence[str] = ()) -> list[list]:
    """A small budget table (title rows naming the satker and year, header, one row per kegiatan)."""
    codes = ["3355", "3357", "3360", "3363"]
    rows: list[list] = [["ALOKASI ANGGARAN KPU KOTA JAKARTA SELATAN"], ["TAHUN ANGGARAN 2024"], []]
    rows.append(["No", "Kode", "Uraian", "Pagu Anggaran", "Realisasi"])
    for i, value in enumerate(realized):
        name = names[i] if i < len(names) else f"Kegiatan {codes[i]}"
        rows.append([i + 1, codes[i], name, allocation, value])
    return rows


def budget_xlsx(realized: Sequence[float], allocation: float = 1_000_000_000, names: Sequence[str] = ()) -> bytes:
    return xlsx_bytes(budget_rows(realized, allocation, names))


def rewrite_member(data: bytes, member: str, content: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """The workbook ``data`` with one archive member replaced (and others added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == member else source.read(info.filename))
        for name, body in (extra or {}).items():
            target.writestr(name, body)
    return out.getvalue()


def store_with_uploader(directory: Path) -> Store:
    """A fresh SQLite store in ``directory`` with accounts admin / sekretariat (pengunggah) / komisioner (pembaca)."""
    (directory / "lakip.db").write_bytes(_accounts_database())
    return Store(f"sqlite:///{directory / 'lakip.db'}")


@functools.cache
def _accounts_database() -> bytes:
    """The database file of a store holding just the three accounts, made once per test run: each
    account costs an Argon2 hash (64 MiB, three passes), too slow to repeat for every test."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'lakip.db'}")
        store.create_user(SYSTEM, "admin", PASSWORD, "admin")
        store.create_user(SYSTEM, "sekretariat", PASSWORD, "pengunggah")
        store.create_user(SYSTEM, "komisioner", PASSWORD, "pembaca")
        store.dispose()  # the last connection closes: the WAL is checkpointed into the file
        return (Path(folder) / "lakip.db").read_bytes()


def store_file(
    store: Store, data: bytes, filename: str, kind: str | None, year: int = 2024, satker: str = SATKER
) -> int:
    """Keep a file as the current version, read in this process (``Store.import_file`` reads it in a
    sandboxed child, about a second each): for tests whose subject is not the sandbox."""
    return store.save(SYSTEM, inspect_bytes(data, filename, kind, year), satker, year).version_id


def data_state(store: Store) -> tuple[list[tuple[int, str, bool]], int]:
    """What the data is: the versions (id, sha256, current) and the number of activations."""
    import sqlalchemy as sa

    from lakip_core.store.tables import activations

    versions = [(v.id, v.sha256, v.is_current) for v in store.versions()]
    if not store.exists():
        return versions, 0
    with store.engine.connect() as conn:
        count = conn.execute(sa.select(sa.func.count()).select_from(activations)).scalar_one()
    return versions, int(count)


def login(at: object, username: str) -> str:
    """Log ``username`` in for the AppTest ``at`` with a real server-side session in the store of
    ``$LAKIP_DATA_DIR`` (what the sidebar login form leaves in the session); returns its token."""
    from lakip_core.store import default_url

    store = Store(default_url())
    role = store.role_of(username)
    token, _ = store.start_session(username)
    store.dispose()
    at.session_state["akun"] = {"username": username, "role": role, "token": token}  # type: ignore[attr-defined]
    return token
