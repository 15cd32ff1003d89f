"""Achievement (capaian kinerja) of one indicator, and the rating scale.

Rules from DOMAIN.md (PermenPANRB 6/2022, Permendagri 86/2017 style scales):

* positive polarity: ``R / T × 100``;
* negative polarity, standard formula: ``(2T − R) / T × 100``, floored at 0;
  negative polarity, ``inverse`` formula (some offices): ``T / R × 100`` (R = 0 → no ratio);
* target 0: realisasi 0 → 100, anything else → 0 (both polarities);
* range target ``L–H``: inside → 100, above → R / H × 100, below → R / L × 100
  (for negative polarity mirrored: below → 100 ... see :func:`achievement`);
* ordinal targets (BPK opinion, SAKIP grade): the scores, then the positive formula;
  a realisasi on another scale than the target cannot be compared → no ratio;
* missing realisasi → ``None`` (no data, left out of every mean); realisasi ``0`` → 0;
* a negative target has no meaningful ratio → ``None``;
* no cap by default; ``cap`` (e.g. 120) limits the result when set.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from lakip_core.reading.numbers import Value

Polarity = Literal["positif", "negatif"]
Formula = Literal["standar", "terbalik"]


@dataclass(frozen=True)
class RatingScale:
    """Lower bounds (inclusive, descending) and their category names."""

    name: str
    bands: tuple[tuple[float, str], ...]
    no_data: str = "Tidak ada data"

    def rate(self, pct: float | None) -> str:
        """Category of an achievement; ``None`` → ``no_data``. Below every bound → the last band."""
        if pct is None:
            return self.no_data
        for lower, label in self.bands:
            if pct >= lower:
                return label
        return self.bands[-1][1]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(label for _, label in self.bands)

    def lower_bound(self, label: str) -> float:
        return next(lower for lower, name in self.bands if name == label)


DEFAULT_SCALE = RatingScale(
    "Tinggi–Rendah (Permendagri 86/2017)",
    ((91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah"), (float("-inf"), "Sangat Rendah")),
)
BAIK_SCALE = RatingScale(
    "Baik–Kurang",
    ((91, "Sangat Baik"), (76, "Baik"), (66, "Cukup"), (51, "Kurang"), (float("-inf"), "Sangat Kurang")),
)
SAKIP_PREDICATES = RatingScale(
    "Predikat SAKIP (PermenPANRB 88/2021)",
    ((90.0001, "AA"), (80.0001, "A"), (70.0001, "BB"), (60.0001, "B"), (50.0001, "CC"), (30.0001, "C"), (0, "D")),
)


def parse_polarity(text: object) -> Polarity:
    """``negatif`` / ``minimal`` / ``min`` / ``turun`` / ``-`` → negatif; anything else → positif."""
    label = str(text or "").strip().lower()
    if label in {"negatif", "negative", "minimal", "minimize", "min", "turun", "-", "rendah lebih baik"}:
        return "negatif"
    return "positif"


def parse_formula(text: object) -> Formula:
    """``T/R``, ``terbalik``, ``inverse`` → terbalik; anything else (``(2T-R)/T``) → standar."""
    label = str(text or "").replace(" ", "").lower()
    if label in {"t/r", "terbalik", "inverse", "target/realisasi"}:
        return "terbalik"
    return "standar"


def _ratio(target: float, actual: float, polarity: Polarity, formula: Formula) -> float | None:
    if target == 0:
        return 100.0 if actual == 0 else 0.0
    if target < 0:
        return None
    if polarity == "positif":
        return actual / target * 100
    if formula == "terbalik":
        if actual == 0:
            return None
        return target / actual * 100
    return max(0.0, (2 * target - actual) / target * 100)


def achievement(
    target: Value,
    actual: Value,
    polarity: Polarity = "positif",
    formula: Formula = "standar",
    cap: float | None = None,
) -> float | None:
    """Achievement in percent, or ``None`` when there is no data or no meaningful ratio.

    See the module docstring for every rule. Ranges: for positive polarity a realisasi inside
    ``[L, H]`` scores 100, above it ``R/H``, below it ``R/L``; for negative polarity inside scores
    100, below ``L`` scores 100 too and above ``H`` uses the negative formula against ``H``.
    """
    if actual.kind in ("missing", "text", "range") or actual.number is None:
        return None
    r = actual.number
    result: float | None
    if target.kind == "range" and target.low is not None and target.high is not None:
        low, high = target.low, target.high
        if low <= r <= high:
            result = 100.0
        elif polarity == "negatif":
            result = 100.0 if r < low else _ratio(high, r, polarity, formula)
        else:
            result = _ratio(high if r > high else low, r, polarity, formula)
    elif target.kind == "ordinal" or actual.kind == "ordinal":
        if target.kind != "ordinal" or actual.kind != "ordinal" or target.scale != actual.scale:
            return None
        assert target.number is not None
        result = _ratio(target.number, r, polarity, formula)
    elif target.number is None:
        return None
    else:
        result = _ratio(target.number, r, polarity, formula)
    if result is not None and cap is not None:
        result = float(min(result, cap))
    return result


def required_actual(
    target: Value, pct: float, polarity: Polarity = "positif", formula: Formula = "standar"
) -> float | None:
    """The realisasi that reaches ``pct`` achievement against ``target`` (``None`` if unreachable).

    Positive: ``T × pct/100``; negative standard: ``T × (2 − pct/100)``; negative inverse:
    ``T / (pct/100)``. Ranges use the lower bound (positive) or the upper bound (negative).
    Target 0 needs realisasi 0 for any pct up to 100.
    """
    bound = (target.low if polarity == "positif" else target.high) if target.kind == "range" else target.number
    if bound is None or bound < 0:
        return None
    if bound == 0:
        return 0.0 if pct <= 100 else None
    share = pct / 100
    if polarity == "positif":
        return bound * share
    if formula == "terbalik":
        return bound / share if share > 0 else None
    return max(0.0, bound * (2 - share))
