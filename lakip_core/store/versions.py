"""Stored versions: every upload kept as an immutable version; the newest activation is current."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.analysis.report import Report, report_from_files
from lakip_core.errors import LakipError
from lakip_core.intake.inspection import Inspection, TableLayout, layouts_from_json, rows_frame
from lakip_core.intake.kinds import KINDS, kind_name
from lakip_core.intake.sandbox import inspect_upload
from lakip_core.intake.security import DEFAULT_LIMITS, Limits
from lakip_core.rules.findings import Finding
from lakip_core.store.accounts import Accounts
from lakip_core.store.auth import Actor
from lakip_core.store.engine import StoreError, now_utc
from lakip_core.store.keys import clean_satker, clean_year
from lakip_core.store.summaries import Summaries
from lakip_core.store.tables import activations, version_summaries, versions


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


class Versions(Summaries, Accounts):
    """Saving inspected files as versions, restoring, listing, and the current report."""

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
        (:class:`~lakip_core.store.auth.PermissionDeniedError`) an actor whose role in the database does
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
                has_figures = conn.execute(
                    sa.select(version_summaries.c.version_id).where(version_summaries.c.version_id == existing)
                ).scalar()
                if has_figures is None:  # stored before figures were kept
                    self._write_summary(conn, existing, satker, year, kind, inspection.figures)
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
            self._write_summary(conn, version_id, satker, year, kind, inspection.figures)
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
        """One stored version (one indexed read, whatever the size of the store)."""
        if not self.exists():
            raise StoreError(f"Versi #{version_id} tidak ada.")
        with self._read() as conn:
            row = conn.execute(sa.select(*self._info_columns()).where(versions.c.id == version_id)).mappings().first()
            if row is None:
                raise StoreError(f"Versi #{version_id} tidak ada.")
            current = self._current_id(conn, row["satker"], row["year"], row["kind"])
        return self._info(row, current == version_id)

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
        files = {kind: (self.content(v.id), v.filename) for kind, v in current.items()}
        return report_from_files(files, year, satker)
