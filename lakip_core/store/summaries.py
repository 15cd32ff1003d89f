"""Each version's roll-up figures (:class:`~lakip_core.analysis.version_summary.VersionFigures`).

Written by :meth:`Versions.save` in the same transaction as the version, so a version is never
stored without its figures, and read back for every current version at once by
:meth:`Summaries.current_summaries` — the provincial / national roll-up reads these small rows,
never the stored files or parsed rows.

Databases made before the table existed get it on their next write (``create_all``); their
versions get figures from :meth:`Summaries.backfill_summaries` (the roll-up page does it for a
few, ``python -m lakip_core summaries`` for many). The province is derived from the satker the
version is stored under (:func:`lakip_core.analysis.regions.region_of`), else from the satker named
in the file, and recorded with the figures.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.analysis.regions import region_of
from lakip_core.analysis.version_summary import SUMMARY_FORMAT, VersionFigures, figures_from_file
from lakip_core.errors import LakipError
from lakip_core.store.engine import StoreEngine, now_utc
from lakip_core.store.tables import activations, version_summaries, versions

# The columns of :meth:`Summaries.current_summaries`, in order.
SUMMARY_COLUMNS = (
    "version_id",
    "satker",
    "year",
    "kind",
    "uploaded_at",
    *(c.name for c in version_summaries.c if c.name not in ("version_id", "satker", "year", "kind")),
)


def summary_row(version_id: int, satker: str, year: int, kind: str, figures: VersionFigures) -> dict[str, Any]:
    """The ``version_summaries`` row of one version's figures (region from the satker name)."""
    region = region_of(satker) or region_of(figures.satker_name)
    values = figures.to_dict()
    values.pop("kind", None)
    values["jenis_belanja"] = json.dumps(values["jenis_belanja"], sort_keys=True)
    return {
        **values,
        "version_id": version_id,
        "satker": satker,
        "year": year,
        "kind": kind,
        "computed_at": now_utc(),
        "region_level": region.level if region else None,
        "region_code": region.code if region else None,
        "province_code": region.province_code if region else None,
        "province": region.province if region else None,
    }


class Summaries(StoreEngine):
    """Writing and reading the per-version roll-up figures."""

    def _write_summary(
        self, conn: Connection, version_id: int, satker: str, year: int, kind: str, figures: dict[str, Any]
    ) -> None:
        """Insert the figures of a version in the caller's transaction (replacing an older format)."""
        if not figures:
            return  # an inspection made without figures: the backfill computes them from the file
        conn.execute(version_summaries.delete().where(version_summaries.c.version_id == version_id))
        row = summary_row(version_id, satker, year, kind, VersionFigures.from_dict(figures))
        conn.execute(version_summaries.insert().values(**row))

    def _has_summaries(self, conn: Connection) -> bool:
        return sa.inspect(conn).has_table(version_summaries.name)

    @staticmethod
    def _current_versions(year: int | None) -> Any:
        latest = sa.select(sa.func.max(activations.c.id)).group_by(
            activations.c.satker, activations.c.year, activations.c.kind
        )
        if year is not None:
            latest = latest.where(activations.c.year == year)
        return sa.select(activations.c.version_id).where(activations.c.id.in_(latest.scalar_subquery())).subquery()

    def current_summaries(self, year: int | None = None) -> pd.DataFrame:
        """The figures of every current version (one row per satker/year/kind), for ``year`` or all.

        Versions without figures (stored before the table existed, or of an older format) are
        left out; :meth:`missing_summaries` lists them.
        """
        empty = pd.DataFrame(columns=list(SUMMARY_COLUMNS))
        if not self.exists():
            return empty
        with self._read() as conn:
            if not self._has_summaries(conn):
                return empty
            current = self._current_versions(year)
            query = (
                sa.select(
                    version_summaries.c.version_id,
                    version_summaries.c.satker,
                    version_summaries.c.year,
                    version_summaries.c.kind,
                    versions.c.uploaded_at,
                    *(c for c in version_summaries.c if c.name not in ("version_id", "satker", "year", "kind")),
                )
                .select_from(
                    version_summaries.join(current, current.c.version_id == version_summaries.c.version_id).join(
                        versions, versions.c.id == version_summaries.c.version_id
                    )
                )
                .where(version_summaries.c.summary_format == SUMMARY_FORMAT)
            )
            rows = conn.execute(query).all()
        frame = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
        return frame if len(frame) else empty

    def summaries_token(self) -> tuple[int, int]:
        """Changes whenever the roll-up's input changes (a version made current, figures written):
        (newest activation id, figures of the current format). A cache key that every server
        process computes the same way from the database."""
        if not self.exists():
            return (0, 0)
        with self._read() as conn:
            newest = conn.execute(sa.select(sa.func.max(activations.c.id))).scalar() or 0
            if not self._has_summaries(conn):
                return (int(newest), 0)
            count = conn.execute(
                sa.select(sa.func.count()).where(version_summaries.c.summary_format == SUMMARY_FORMAT)
            ).scalar()
        return (int(newest), int(count or 0))

    def missing_summaries(self, year: int | None = None) -> list[int]:
        """Ids of current versions that have no figures of the current format (oldest first)."""
        if not self.exists():
            return []
        with self._read() as conn:
            current = self._current_versions(year)
            if not self._has_summaries(conn):
                return sorted(int(v) for v in conn.execute(sa.select(current.c.version_id)).scalars())
            query = (
                sa.select(current.c.version_id)
                .select_from(
                    current.outerjoin(version_summaries, version_summaries.c.version_id == current.c.version_id)
                )
                .where(
                    sa.or_(
                        version_summaries.c.version_id.is_(None),
                        version_summaries.c.summary_format != SUMMARY_FORMAT,
                    )
                )
            )
            return sorted(int(v) for v in conn.execute(query).scalars())

    def backfill_summaries(
        self, version_ids: list[int] | None = None, progress: Callable[[int, int], None] | None = None
    ) -> tuple[int, list[str]]:
        """Compute and store the figures of versions that lack them (default: every current one).

        Reads each stored file again (the same reading as the upload), one transaction per
        version, so an interruption keeps what was done. Returns (how many were written, the
        Indonesian reasons of files that no longer read — they are skipped, not guessed).
        """
        ids = self.missing_summaries() if version_ids is None else version_ids
        if not ids:
            return 0, []
        self.ensure_schema()
        done, problems = 0, []
        for position, version_id in enumerate(ids, start=1):
            with self._read() as conn:
                row = (
                    conn.execute(
                        sa.select(
                            versions.c.satker, versions.c.year, versions.c.kind, versions.c.filename, versions.c.content
                        ).where(versions.c.id == version_id)
                    )
                    .mappings()
                    .first()
                )
            if row is None:
                continue
            try:
                figures = figures_from_file(bytes(row["content"]), row["filename"], row["kind"], int(row["year"]))
            except LakipError as err:
                problems.append(f"Versi #{version_id} ({row['filename']}): {err}")
                continue

            def work(conn: Connection, vid: int = version_id, found: Any = row, fig: VersionFigures = figures) -> None:
                stored = conn.execute(
                    sa.select(version_summaries.c.summary_format).where(version_summaries.c.version_id == vid)
                ).scalar()
                if stored != SUMMARY_FORMAT:  # another process may have written it meanwhile
                    self._write_summary(conn, vid, found["satker"], int(found["year"]), found["kind"], fig.to_dict())

            self._write(work)
            done += 1
            if progress is not None:
                progress(position, len(ids))
        return done, problems
