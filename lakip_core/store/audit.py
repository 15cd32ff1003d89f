"""The audit log (append-only) and the small key/value settings table."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.store.engine import StoreEngine, now_utc
from lakip_core.store.tables import audit_log, settings_table

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
    "tata-letak-simpan": "Tata letak kolom disimpan",
    "tata-letak-impor": "Tata letak kolom diimpor (JSON)",
    "tata-letak-hapus": "Tata letak kolom dihapus",
    "ditolak": "Tindakan ditolak (tanpa wewenang)",
    "akun-dibuat": "Akun dibuat",
    "akun-diubah": "Akun diubah",
    "sandi-diubah": "Kata sandi diubah",
    "pengaturan": "Pengaturan diubah",
}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    username: str
    action: str
    success: bool
    detail: dict[str, Any] = field(default_factory=dict)


class AuditLog(StoreEngine):
    """Appending to the audit log; reading and writing settings without a permission check."""

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
