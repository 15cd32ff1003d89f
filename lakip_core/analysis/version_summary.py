"""The few figures of one stored file that a provincial or national roll-up needs.

Computed once, when the file is read for storing (:func:`figures_of`), and kept beside the
version (:mod:`lakip_core.store.summaries`), so ranking 553 satker reads 553 small rows instead
of re-reading 2,000 files. Each version holds one kind of data, so only that kind's fields are
filled; the others stay ``None`` (no data, never 0).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from lakip_core.analysis import budget as budget_mod
from lakip_core.analysis.report import Report, report_from_files
from lakip_core.rules.settings import Settings
from lakip_core.schema import BudgetCol

# Bumped when a field is added or computed differently: older rows are then recomputed
# (``python -m lakip_core summaries``) instead of mixing two definitions in one ranking.
SUMMARY_FORMAT = 1


@dataclass(frozen=True)
class VersionFigures:
    """Headline figures of one version (one kind of data); percentages in points (95.8 = 95,8%)."""

    kind: str
    satker_code: str | None = None
    satker_name: str | None = None
    period_month: int | None = None
    indicator_count: int | None = None
    indicators_with_data: int | None = None
    indicators_met: int | None = None
    achievement_pct: float | None = None
    objectives_achievement_pct: float | None = None
    achievement_category: str | None = None
    allocation: float | None = None
    realized: float | None = None
    absorption_pct: float | None = None
    jenis_belanja: dict[str, tuple[float, float]] = field(default_factory=dict)  # "52" → (pagu, realisasi)
    asset_units: int | None = None
    asset_good_pct: float | None = None
    staff_count: int | None = None
    staff_female_pct: float | None = None
    findings_error: int = 0
    findings_warning: int = 0
    findings_info: int = 0
    summary_format: int = SUMMARY_FORMAT

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able values (NaN becomes ``None``)."""
        out = asdict(self)
        out["jenis_belanja"] = {k: [_clean(a), _clean(r)] for k, (a, r) in self.jenis_belanja.items()}
        return {k: _clean(v) if isinstance(v, float) else v for k, v in out.items()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VersionFigures:
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        values["jenis_belanja"] = {
            str(k): (float(a), float(r)) for k, (a, r) in (data.get("jenis_belanja") or {}).items()
        }
        return cls(**values)


def _clean(value: float | None) -> float | None:
    if value is None or math.isnan(float(value)):
        return None
    return float(value)


def _counts(report: Report) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in report.findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return counts


def figures_of(report: Report, kind: str) -> VersionFigures:
    """The roll-up figures of the ``kind`` dataset of ``report`` (the one file being stored).

    Findings are counted by severity over the report's findings, which for a one-file report are
    that file's. The budget's month is the version's (``versions.period_month``, from the file's
    stated period): the store adds it, so the two never disagree.
    """
    counts = _counts(report)
    common: dict[str, Any] = {
        "kind": kind,
        "satker_code": report.satker_code,
        "satker_name": report.satker,
        "findings_error": counts["error"],
        "findings_warning": counts["warning"],
        "findings_info": counts["info"],
    }
    if kind == "indicators" and report.indicators is not None:
        office = report.office
        return VersionFigures(
            **common,
            indicator_count=office.count,
            indicators_with_data=office.with_data,
            indicators_met=office.met,
            achievement_pct=_clean(office.mean_pct),
            objectives_achievement_pct=_clean(office.mean_of_objectives_pct),
            achievement_category=office.category,
        )
    if kind == "budget" and report.budget is not None and report.budget_totals is not None:
        totals = report.budget_totals
        rows = budget_mod.leaves(report.budget)
        by_jenis: dict[str, tuple[float, float]] = {}
        if len(rows):
            akun = rows[rows[BudgetCol.AKUN] != ""]
            sums = akun.groupby(akun[BudgetCol.AKUN].str[:2])[[BudgetCol.ALLOCATION, BudgetCol.REALIZED]].sum()
            by_jenis = {
                str(code): (float(row[BudgetCol.ALLOCATION]), float(row[BudgetCol.REALIZED]))
                for code, row in sums.iterrows()
            }
        return VersionFigures(
            **common,
            allocation=_clean(totals.allocation),
            realized=_clean(totals.realized),  # None for a pagu-only file (ADK): no realisasi, not 0
            absorption_pct=_clean(totals.absorption_pct),
            jenis_belanja=by_jenis,
        )
    if kind == "assets" and report.asset_summary is not None:
        assets = report.asset_summary
        return VersionFigures(**common, asset_units=assets.units, asset_good_pct=_clean(assets.good_pct))
    if kind == "staff" and report.staff_summary is not None:
        people = report.staff_summary
        return VersionFigures(**common, staff_count=people.count, staff_female_pct=_clean(people.female_pct))
    return VersionFigures(**common)


def figures_from_file(
    data: bytes,
    filename: str,
    kind: str,
    year: int,
    settings: Settings | None = None,
    layout: str | None = None,
    narrowed_to: str | None = None,
) -> VersionFigures:
    """:func:`figures_of` a stored file read again the way its version was read (the office's
    ``settings``, the hand-made ``layout`` JSON it was read with, the satker a many-satker file was
    narrowed to): for versions stored before their figures were kept, or under other settings.
    Raises :class:`~lakip_core.errors.LakipError` when the file no longer reads."""
    report = report_from_files(
        {kind: (data, filename)}, year, layouts={kind: layout}, narrow={kind: narrowed_to} if narrowed_to else None,
        settings=settings,
    )  # fmt: skip
    return figures_of(report, kind)
