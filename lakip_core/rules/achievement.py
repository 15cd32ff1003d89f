"""Achievement (capaian kinerja) of one indicator, and the rating scale.

Rules from DOMAIN.md (PermenPANRB 6/2022, Permendagri 86/2017 style scales):

* positive polarity: ``R / T × 100``;
* negative polarity, standard formula: ``(2T − R) / T × 100``, floored at 0;
  negative polarity, ``inverse`` formula (some offices): ``T / R × 100`` (R = 0 → no ratio);
* target 0, positive polarity: any realisasi ≥ 0 meets it → 100 (an info finding says the target
  is zero; never 0%); negative polarity: realisasi 0 → 100, anything else → 0;
* a negative realisasi has no meaningful ratio → ``None`` (a finding reports it);
* target and realisasi must be in the same unit (:func:`units_comparable`): ``1 Paket`` against
  ``96,57%`` or ``4 Unit`` against ``100.00`` gives no ratio;
* range target ``L–H``: inside → 100, above → R / H × 100, below → R / L × 100
  (for negative polarity mirrored: below → 100 ... see :func:`achievement`);
* ordinal targets (BPK opinion, SAKIP grade): the scores, then the positive formula;
  a realisasi on another scale than the target cannot be compared → no ratio;
* missing realisasi → ``None`` (no data, left out of every mean); realisasi ``0`` → 0;
* a negative target has no meaningful ratio → ``None``;
* no cap by default; ``cap`` (e.g. 120) limits the result when set;
* a rating is given to the value as shown (rounded to two decimals): ``90,996`` is shown as
  ``91,00%`` and rated as 91.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from lakip_core.reading.numbers import Value, normalize_unit

Polarity = Literal["positif", "negatif"]
Formula = Literal["standar", "terbalik"]


SHOWN_DECIMALS = 2  # percentages are shown with two decimals (95,80%)


def shown(pct: float, decimals: int = SHOWN_DECIMALS) -> float:
    """The value as it is shown (``90.996`` → ``91.0``), rounded exactly as
    :func:`lakip_core.presentation.format.format_number` rounds, so that a rating agrees with the
    figure printed beside it."""
    return round(pct, decimals)


@dataclass(frozen=True)
class RatingScale:
    """Lower bounds (descending) and their category names.

    ``strict`` = the bounds are exclusive (SAKIP predicates: AA is *more than* 90). The value rated
    is the value shown, rounded to ``decimals``.
    """

    name: str
    bands: tuple[tuple[float, str], ...]
    no_data: str = "Tidak ada data"
    strict: bool = False
    decimals: int = SHOWN_DECIMALS

    def rate(self, pct: float | None) -> str:
        """Category of an achievement; ``None`` / NaN → ``no_data``. Below every bound → the last band."""
        if pct is None or math.isnan(pct):
            return self.no_data
        value = shown(pct, self.decimals)
        for lower, label in self.bands:
            if value > lower or (value == lower and not self.strict):
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
    ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C"), (float("-inf"), "D")),
    strict=True,
)


def met(pct: float | None) -> bool:
    """Target met: the value shown is 100% or more (99,996% is shown, and counted, as 100,00%)."""
    return pct is not None and not math.isnan(pct) and shown(pct) >= 100


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


def unit_of(value: Value) -> str | None:
    """The unit a value states (``%`` for a percentage), spelled out and lower-case; ``None`` if bare."""
    if value.kind == "percent":
        return "%"
    unit = normalize_unit(value.unit)
    return unit.lower() if unit else None


def units_comparable(target: Value, actual: Value, bare_actual_in_target_unit: bool = False) -> bool:
    """Whether a ratio of ``actual`` to ``target`` compares like with like (DOMAIN.md, Units).

    * both state a unit: the same unit (``Thn`` = ``Tahun``, ``Org`` = ``Orang``) → comparable;
    * a bare realisasi against a ``%`` target → comparable (``0`` under ``100%`` is zero);
    * a bare realisasi against a target in another unit (``4 Unit`` vs ``100.00``) → not comparable,
      unless ``bare_actual_in_target_unit`` (a setting) reads it in the target's unit;
    * a bare target takes the realisasi's unit; missing, text and ordinal values are judged elsewhere.
    """
    if actual.kind in ("missing", "text") or target.kind in ("missing", "text", "ordinal") or actual.kind == "ordinal":
        return True
    t_unit, a_unit = unit_of(target), unit_of(actual)
    if t_unit is None or t_unit == a_unit:
        return True
    if a_unit is None:
        return t_unit == "%" or bare_actual_in_target_unit
    return False


def _ratio(target: float, actual: float, polarity: Polarity, formula: Formula) -> float | None:
    if target == 0:
        if polarity == "positif":
            return 100.0  # any realisasi ≥ 0 meets a target of 0 (negative realisasi never gets here)
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
    bare_actual_in_target_unit: bool = False,
) -> float | None:
    """Achievement in percent, or ``None`` when there is no data or no meaningful ratio.

    ``None`` too when target and realisasi are in different units (:func:`units_comparable`).

    See the module docstring for every rule. Ranges: for positive polarity a realisasi inside
    ``[L, H]`` scores 100, above it ``R/H``, below it ``R/L``; for negative polarity inside scores
    100, below ``L`` scores 100 too and above ``H`` uses the negative formula against ``H``.
    """
    if actual.kind in ("missing", "text", "range") or actual.number is None or actual.number < 0:
        return None
    if not units_comparable(target, actual, bare_actual_in_target_unit):
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
