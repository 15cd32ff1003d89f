"""The pace of absorption against IKPA targets: the quarter's target, weighted by pagu.

The targets themselves (cumulative % of pagu by the end of each quarter, per jenis belanja) are a
setting: :attr:`lakip_core.rules.settings.Settings.ikpa` (published per jenis from 2024, flat
15/40/60/90 before; an admin may change them). This module only applies them.
"""

from __future__ import annotations

from collections.abc import Mapping

Targets = Mapping[str, tuple[float, float, float, float]]


def quarter_of(month: int) -> int:
    """1 for January–March … 4 for October–December; raises ``ValueError`` outside 1–12."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, not {month}")
    return (month - 1) // 3 + 1


def quarter_target(month: int, pagu_by_jenis: Mapping[str, float], targets: Targets) -> float | None:
    """The pagu-weighted IKPA target (% of pagu) of the quarter that ``month`` falls in.

    target = Σ pagu_j × target_j(quarter) / Σ pagu_j over the jenis belanja that have a target
    (a jenis without one, e.g. 54, is left out of both sums). ``None`` when no jenis with a
    target has a positive pagu: nothing to weigh, so no target rather than a target of 0.
    """
    quarter = quarter_of(month)
    weighted = total = 0.0
    for jenis, pagu in pagu_by_jenis.items():
        if jenis in targets and pagu and pagu > 0:
            weighted += pagu * targets[jenis][quarter - 1]
            total += pagu
    return weighted / total if total else None


def pace_gap(absorption_pct: float | None, target_pct: float | None) -> float | None:
    """Absorption minus its quarter's target, in percentage points (positive = ahead of target).

    ``None`` when either side is unknown: a missing period or budget is no data, not a gap of 0.
    """
    if absorption_pct is None or target_pct is None:
        return None
    return absorption_pct - target_pct
