"""The pace of absorption against IKPA targets: the quarter's target weighted by pagu, and the
target at any month (the one rule both the budget through the year and the roll-up use).

The targets themselves (cumulative % of pagu by the end of each quarter, per jenis belanja) are a
setting: :attr:`lakip_core.rules.settings.Settings.ikpa` (published per jenis from 2024, flat
15/40/60/90 before; an admin may change them). This module only applies them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Targets = Mapping[str, tuple[float, float, float, float]]


def quarter_of(month: int) -> int:
    """1 for January–March … 4 for October–December; raises ``ValueError`` outside 1–12."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, not {month}")
    return (month - 1) // 3 + 1


QUARTER_MONTHS = (3, 6, 9, 12)


def weighted_target(quarter: int, pagu_by_jenis: Mapping[str, float], targets: Targets) -> float | None:
    """The pagu-weighted IKPA target (% of pagu) at the end of ``quarter`` (1–4).

    target = Σ pagu_j × target_j(quarter) / Σ pagu_j over the jenis belanja that have a target
    (a jenis without one, e.g. 54, is left out of both sums). ``None`` when no jenis with a
    target has a positive pagu: nothing to weigh, so no target rather than a target of 0.
    """
    weighted = total = 0.0
    for jenis, pagu in pagu_by_jenis.items():
        if jenis in targets and pagu and pagu > 0:
            weighted += pagu * targets[jenis][quarter - 1]
            total += pagu
    return weighted / total if total else None


def quarter_target(month: int, pagu_by_jenis: Mapping[str, float], targets: Targets) -> float | None:
    """The pagu-weighted IKPA target of the quarter that ``month`` falls in (at that quarter's end)."""
    return weighted_target(quarter_of(month), pagu_by_jenis, targets)


def target_at(quarter_targets: Sequence[float], month: int) -> float:
    """The target at the end of ``month`` from the four quarter-end targets: linear between quarter
    ends, from 0 before January (a satker in May is measured against two thirds of the way from
    March's target to June's, not against June's whole target)."""
    points = [(0, 0.0), *zip(QUARTER_MONTHS, quarter_targets, strict=True)]
    for (m0, t0), (m1, t1) in zip(points, points[1:], strict=False):
        if m0 <= month <= m1:
            return t0 + (t1 - t0) * (month - m0) / (m1 - m0)
    return float(quarter_targets[-1])


def month_target(month: int, pagu_by_jenis: Mapping[str, float], targets: Targets) -> float | None:
    """The pagu-weighted target at the end of ``month`` (:func:`target_at` of the weighted quarter
    targets); ``None`` when nothing can be weighed (:func:`weighted_target`)."""
    quarters = [weighted_target(q, pagu_by_jenis, targets) for q in (1, 2, 3, 4)]
    if any(q is None for q in quarters):
        return None
    return target_at([float(q) for q in quarters if q is not None], month)


def pace_gap(absorption_pct: float | None, target_pct: float | None) -> float | None:
    """Absorption minus its quarter's target, in percentage points (positive = ahead of target).

    ``None`` when either side is unknown: a missing period or budget is no data, not a gap of 0.
    """
    if absorption_pct is None or target_pct is None:
        return None
    return absorption_pct - target_pct
