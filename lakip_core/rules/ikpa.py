"""IKPA absorption targets: how much of the pagu should be spent by the end of each quarter.

Cumulative % of pagu by jenis belanja (first two digits of the akun), 2024 on (DOMAIN.md, "Budget";
reported by two independent tools): 51 pegawai 20/50/75/95, 52 barang 15/50/70/90, 53 modal
10/40/70/90, 57 bansos 25/50/75/95. A convention of the Treasury's IKPA scoring, not a law of the
report: callers may pass other targets (issue 12 makes them a setting).
"""

from __future__ import annotations

from collections.abc import Mapping

IKPA_TARGETS: dict[str, tuple[float, float, float, float]] = {
    "51": (20.0, 50.0, 75.0, 95.0),
    "52": (15.0, 50.0, 70.0, 90.0),
    "53": (10.0, 40.0, 70.0, 90.0),
    "57": (25.0, 50.0, 75.0, 95.0),
}


def quarter_of(month: int) -> int:
    """1 for January–March … 4 for October–December; raises ``ValueError`` outside 1–12."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1..12, not {month}")
    return (month - 1) // 3 + 1


def quarter_target(
    month: int,
    pagu_by_jenis: Mapping[str, float],
    targets: Mapping[str, tuple[float, float, float, float]] = IKPA_TARGETS,
) -> float | None:
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
