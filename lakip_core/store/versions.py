"""Stored versions: every upload kept as an immutable version; the newest activation is current."""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.analysis.report import Report, report_from_files
from lakip_core.errors import LakipError
from lakip_core.intake.inspection import Inspection, TableLayout, layouts_from_json, rows_frame
from lakip_core.intake.kinds import KINDS, kind_name
from lakip_core.intake.layouts import KnownLayout
from lakip_core.intake.sandbox import inspect_upload
from lakip_core.intake.security import DEFAULT_LIMITS, Limits
from lakip_core.reading.mapping import layout_from_json
from lakip_core.reading.model import month_name
from lakip_core.rules.findings import Finding
from lakip_core.store.auth import Actor
from lakip_core.store.engine import StoreError, now_utc
from lakip_core.store.keys import clean_satker, clean_year
from lakip_core.store.summaries import Summaries, settings_fingerprint
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
    period_month: int | None = None  # the month the file's period states (GLP039), else None
    file_satker: str | None = None  # the satker code a file with several satker was narrowed to
    reading_layout: str | None = None  # JSON of the hand-made layout it was read with; None = automatic

    @property
    def reading_layout_name(self) -> str | None:
        return layout_from_json(self.reading_layout).name if self.reading_layout else None

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


# Added after the first release: an older database gets them on its next write
# (:func:`~lakip_core.store.migrate.add_missing_columns`) and reads them as NULL until then.
_LATER_COLUMNS = ("period_month", "file_satker")


class Versions(Summaries):
    """Saving inspected files as versions, restoring, listing, and the current report.

    Months are history, not replacements: a budget file that states its month (GLP039) is kept as
    that month's version; the current version is the latest month (an earlier month uploaded
    later is stored, not made current), and :meth:`budget_history` gives every month of a year.
    The same month uploaded again is a new version of that month.
    """

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
        month = inspection.detected_month if kind == "budget" and inspection.detected_year == year else None
        rows_blob = zlib.compress(inspection.rows_json.encode("utf-8"), 6)
        findings_json = json.dumps([f.to_dict() for f in inspection.findings], ensure_ascii=False)
        summary_json = json.dumps(inspection.summary, ensure_ascii=False, default=str)
        reading_layout = inspection.layout_use.layout_json if inspection.layout_use is not None else None
        settings_key = settings_fingerprint(self.settings_for(year))

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
                kept = conn.execute(sa.select(versions.c.reading_layout).where(versions.c.id == existing)).scalar()
                if kept != reading_layout:
                    raise StoreError(
                        f"Berkas yang sama persis sudah tersimpan sebagai versi #{existing}, dibaca "
                        f"{_how(kept)}; berkas yang sama tidak disimpan dua kali dengan cara baca lain. Pulihkan "
                        "versi itu, atau simpan ulang berkasnya dari Excel sebagai berkas baru lalu unggah lagi."
                    )
                current = self._current_id(conn, satker, year, kind)
                activated = current != existing
                has_figures = conn.execute(
                    sa.select(version_summaries.c.version_id).where(version_summaries.c.version_id == existing)
                ).scalar()
                if has_figures is None:  # stored before figures were kept
                    stated = conn.execute(sa.select(versions.c.period_month).where(versions.c.id == existing)).scalar()
                    self._write_summary(conn, existing, satker, year, kind, inspection.figures, stated, settings_key)
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
                    reading_layout=reading_layout,
                    period_month=month,
                    file_satker=inspection.narrowed_to,
                )
            )
            assert inserted.inserted_primary_key is not None
            version_id = int(inserted.inserted_primary_key[0])
            self._write_summary(conn, version_id, satker, year, kind, inspection.figures, month, settings_key)
            later = self._later_month(conn, satker, year, kind, month)
            if later is None:
                self._activate(conn, version_id, satker, year, kind, "unggah", actor.username)
            self._audit(
                conn, actor.username, "unggah", version=version_id, satker=satker, year=year, kind=kind,
                filename=inspection.filename, sha256=inspection.sha256, rows=inspection.row_count, month=month,
                layout=inspection.layout_use.name if inspection.layout_use is not None else None,
            )  # fmt: skip
            if later is not None:
                message = (
                    f"Tersimpan sebagai versi #{version_id} (periode {_month_name(month)} {year}), sebagai riwayat: "
                    f"versi berlaku tetap periode {_month_name(later)} {year}, bulan yang lebih akhir."
                )
                return SaveResult(version_id, True, False, message)
            period = f" periode {_month_name(month)} {year}" if month else ""
            return SaveResult(int(version_id), True, True, f"Tersimpan sebagai versi #{version_id}{period} (berlaku).")

        return self._write_checked(actor, "upload", work)

    def _later_month(self, conn: Connection, satker: str, year: int, kind: str, month: int | None) -> int | None:
        """The current version's month when it is later than ``month`` (then the new version is
        history, not current); ``None`` otherwise."""
        current = self._current_id(conn, satker, year, kind)
        if month is None or current is None or not self._has_later_columns(conn):
            return None
        stated = conn.execute(sa.select(versions.c.period_month).where(versions.c.id == current)).scalar()
        return int(stated) if stated is not None and int(stated) > month else None

    def _has_later_columns(self, conn: Connection) -> bool:
        if getattr(self, "_later_columns", False):
            return True
        present = {c["name"] for c in sa.inspect(conn).get_columns("versions")}
        found = all(name in present for name in _LATER_COLUMNS)
        self._later_columns = found  # once present they stay
        return found

    def budget_history(self, satker: str, year: int) -> list[tuple[int, VersionInfo]]:
        """The budget of a satker/year month by month: ``(month, version)`` for every month a stored
        file states (GLP039), oldest month first; per month the newest upload of that month.

        The current budget is the latest month (see the class docstring); a file without a
        month (a plain pagu/realisasi table) is not part of the history.
        """
        by_month: dict[int, VersionInfo] = {}
        for info in self.versions(satker, year, "budget"):  # newest first
            if info.period_month is not None and info.period_month not in by_month:
                by_month[info.period_month] = info
        return sorted(by_month.items())

    def import_file(
        self,
        actor: Actor,
        data: bytes,
        filename: str,
        kind: str | None,
        satker: str,
        year: int,
        limits: Limits = DEFAULT_LIMITS,
        layouts: Sequence[KnownLayout] = (),
        chosen_layout: KnownLayout | None = None,
    ) -> SaveResult:
        """Check, read (in a child process) and store one file: the path of the CLI ``import``.

        ``layouts``: kept layouts the file is recognised by (its header cells); ``chosen_layout``:
        read with this one. The role is checked before the file is even read, and again inside the
        write. A rejected file leaves the data untouched and an ``unggah-ditolak`` entry in the audit log.
        """
        satker, year = clean_satker(satker), clean_year(year)
        self._require(actor, "upload")
        try:
            # A file with several satker (ADK) is narrowed to the one named; else satker is the label.
            inspection = inspect_upload(
                data,
                filename,
                kind,
                year,
                limits,
                layouts,
                chosen_layout,
                satker=satker,
                settings=self.overrides().text,
            )
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
            row = (
                conn.execute(sa.select(*self._info_columns(conn)).where(versions.c.id == version_id)).mappings().first()
            )
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

    def _info_columns(self, conn: Connection | None = None) -> list[Any]:
        """The columns of a version's info; on a database from before ``period_month`` and
        ``file_satker`` existed (not written to since), those read as NULL."""
        present = self._has_later_columns(conn) if conn is not None else True
        return [
            c if present or c.name not in _LATER_COLUMNS else sa.null().label(c.name)
            for c in versions.c
            if c.name not in ("content", "rows")
        ]

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
            reading_layout=row.get("reading_layout"),
            period_month=row.get("period_month"),
            file_satker=row.get("file_satker"),
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
        with self._read() as conn:
            query = sa.select(*self._info_columns(conn)).order_by(versions.c.id.desc())
            if satker is not None:
                query = query.where(versions.c.satker == satker)
            if year is not None:
                query = query.where(versions.c.year == year)
            if kind is not None:
                query = query.where(versions.c.kind == kind_name(kind))
            current = self._current_ids(conn)
            rows = conn.execute(query).mappings().all()
        return [self._info(r, int(r["id"]) in current) for r in rows]

    def version(self, version_id: int) -> VersionInfo:
        """One stored version (one indexed read, whatever the size of the store)."""
        if not self.exists():
            raise StoreError(f"Versi #{version_id} tidak ada.")
        with self._read() as conn:
            query = sa.select(*self._info_columns(conn)).where(versions.c.id == version_id)
            row = conn.execute(query).mappings().first()
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
        """The report built from the stored bytes of the current versions under the office's settings
        (``None`` when none)."""
        current = self.current(satker, year)
        if not current:
            return None
        files = {kind: (self.content(v.id), v.filename) for kind, v in current.items()}
        layouts = {kind: v.reading_layout for kind, v in current.items()}
        narrow = {kind: v.file_satker for kind, v in current.items() if v.file_satker}
        return report_from_files(files, year, satker, layouts, narrow, self.settings_for(year))


def _how(reading_layout: str | None) -> str:
    """How a version was read, for a message."""
    return f"dengan tata letak '{layout_from_json(reading_layout).name}'" if reading_layout else "otomatis"


def _month_name(month: int | None) -> str:
    return month_name(month) if month else ""
