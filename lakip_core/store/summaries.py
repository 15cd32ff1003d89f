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

import hashlib
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from lakip_core.analysis.regions import region_of
from lakip_core.analysis.version_summary import SUMMARY_FORMAT, VersionFigures, figures_from_file
from lakip_core.errors import LakipError
from lakip_core.rules.settings import Settings
from lakip_core.store.engine import now_utc
from lakip_core.store.settings import SettingsStore
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


def settings_fingerprint(settings: Settings) -> str:
    """A short key of the settings figures were computed under (scale, cap, group counting ...):
    figures kept under other settings are recomputed, not mixed in. The year and the IKPA targets
    are left out: the roll-up applies the targets itself, to stored absorption."""
    neutral = replace(settings, year=0, ikpa_targets=None)
    return hashlib.sha256(repr(neutral).encode("utf-8")).hexdigest()[:16]


def summary_row(
    version_id: int, satker: str, year: int, kind: str, figures: VersionFigures, settings_key: str
) -> dict[str, Any]:
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
        "settings_key": settings_key,
        "computed_at": now_utc(),
        "region_level": region.level if region else None,
        "region_code": region.code if region else None,
        "province_code": region.province_code if region else None,
        "province": region.province if region else None,
    }


class Summaries(SettingsStore):
    """Writing and reading the per-version roll-up figures."""

    def _write_summary(
        self,
        conn: Connection,
        version_id: int,
        satker: str,
        year: int,
        kind: str,
        figures: dict[str, Any],
        month: int | None,
        settings_key: str,
    ) -> None:
        """Insert the figures of a version in the caller's transaction (replacing older ones).

        ``month`` is the version's own (``versions.period_month``), so the roll-up's month is
        always the one the store made the version current by.
        """
        if not figures:
            return  # an inspection made without figures: the backfill computes them from the file
        conn.execute(version_summaries.delete().where(version_summaries.c.version_id == version_id))
        found = VersionFigures.from_dict({**figures, "period_month": month if kind == "budget" else None})
        conn.execute(
            version_summaries.insert().values(**summary_row(version_id, satker, year, kind, found, settings_key))
        )

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

    def satker_codes(self) -> dict[str, str]:
        """Stored satker name → the satker code its files stated (the newest version that stated one).

        For the upload preview's check that a file belongs to the satker it is stored under. Satker
        whose files never stated a code are left out."""
        if not self.exists():
            return {}
        with self._read() as conn:
            if not self._has_summaries(conn):
                return {}
            rows = conn.execute(
                sa.select(version_summaries.c.satker, version_summaries.c.satker_code)
                .where(version_summaries.c.satker_code.is_not(None), version_summaries.c.satker_code != "")
                .order_by(version_summaries.c.version_id)
            ).all()
        return {str(satker): str(code) for satker, code in rows}

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

    def _settings_keys(self, years: set[int]) -> dict[int, str]:
        overrides = self.overrides()
        return {year: settings_fingerprint(overrides.settings(year)) for year in years}

    def missing_summaries(self, year: int | None = None) -> list[int]:
        """Ids of current versions without figures of the current format and settings (oldest first).

        Figures computed under settings since changed by an admin (another scale, a cap ...) count
        as missing: the roll-up still shows them until they are computed again.
        """
        if not self.exists():
            return []
        with self._read() as conn:
            current = self._current_versions(year)
            if not self._has_summaries(conn):
                return sorted(int(v) for v in conn.execute(sa.select(current.c.version_id)).scalars())
            figures = (version_summaries.c.summary_format, version_summaries.c.settings_key)
            query = sa.select(current.c.version_id, versions.c.year, *figures).select_from(
                current.join(versions, versions.c.id == current.c.version_id).outerjoin(
                    version_summaries, version_summaries.c.version_id == current.c.version_id
                )
            )  # fmt: skip
            rows = conn.execute(query).all()
        keys = self._settings_keys({int(r[1]) for r in rows})
        return sorted(int(vid) for vid, y, fmt, key in rows if fmt != SUMMARY_FORMAT or key != keys[int(y)])

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
                columns = (
                    versions.c.satker, versions.c.year, versions.c.kind, versions.c.filename, versions.c.content,
                    versions.c.period_month, versions.c.reading_layout, versions.c.file_satker,
                )  # fmt: skip
                row = conn.execute(sa.select(*columns).where(versions.c.id == version_id)).mappings().first()
            if row is None:
                continue
            year = int(row["year"])
            settings = self.settings_for(year)
            key = settings_fingerprint(settings)
            try:
                figures = figures_from_file(
                    bytes(row["content"]), row["filename"], row["kind"], year, settings, row["reading_layout"],
                    row["file_satker"],
                )  # fmt: skip
            except LakipError as err:
                problems.append(f"Versi #{version_id} ({row['filename']}): {err}")
                continue

            def work(
                conn: Connection, vid: int = version_id, found: Any = row, fig: VersionFigures = figures, key: str = key
            ) -> None:
                stored = conn.execute(
                    sa.select(version_summaries.c.summary_format, version_summaries.c.settings_key).where(
                        version_summaries.c.version_id == vid
                    )
                ).first()
                if stored is None or tuple(stored) != (SUMMARY_FORMAT, key):  # another process may have done it
                    self._write_summary(
                        conn, vid, found["satker"], int(found["year"]), found["kind"], fig.to_dict(),
                        found["period_month"], key,
                    )  # fmt: skip

            self._write(work)
            done += 1
            if progress is not None:
                progress(position, len(ids))
        return done, problems
