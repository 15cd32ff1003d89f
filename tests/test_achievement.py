"""Achievement (capaian) rules of DOMAIN.md: polarity, target 0, ranges, ordinals, cap, scale."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lakip_core.analysis import indicators
from lakip_core.reading.numbers import Value, parse_value
from lakip_core.rules.achievement import (
    BAIK_SCALE,
    DEFAULT_SCALE,
    SAKIP_PREDICATES,
    achievement,
    parse_formula,
    parse_polarity,
    required_actual,
)
from lakip_core.rules.settings import Settings


def pct(target: str, actual: str, *args: object, **kwargs: object) -> float | None:
    return achievement(parse_value(target), parse_value(actual), *args, **kwargs)  # type: ignore[arg-type]


def test_positive_is_actual_over_target() -> None:
    assert pct("100%", "99,85%") == pytest.approx(99.85)
    assert pct("2 Lap", "1 Lap") == pytest.approx(50.0)
    assert pct("12 bulan", "12 bulan") == pytest.approx(100.0)
    assert pct("90%", "99%") == pytest.approx(110.0)


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [("10", "8", 120.0), ("10", "10", 100.0), ("10", "12", 80.0), ("10", "20", 0.0), ("10", "25", 0.0)],
)
def test_negative_standard_formula_is_floored_at_zero(target: str, actual: str, expected: float) -> None:
    # (2T − R) / T × 100, never below 0 (PermenPANRB 6/2022).
    assert pct(target, actual, "negatif") == pytest.approx(expected)


@pytest.mark.parametrize(("target", "actual", "expected"), [("10", "8", 125.0), ("10", "20", 50.0), ("10", "0", None)])
def test_negative_inverse_formula(target: str, actual: str, expected: float | None) -> None:
    result = pct(target, actual, "negatif", "terbalik")
    assert result == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize("polarity", ["positif", "negatif"])
def test_target_zero(polarity: str) -> None:
    assert pct("0", "0", polarity) == 100.0
    # DOMAIN.md: positive polarity with target 0 is met by any realisasi ≥ 0 (never 0%, "Sangat
    # Rendah"); negative polarity: anything above 0 misses it.
    assert pct("0", "3", polarity) == (100.0 if polarity == "positif" else 0.0)
    assert pct("0", "-", polarity) is None


def test_negative_realisasi_has_no_ratio() -> None:
    assert pct("10%", "-5%") is None
    assert pct("10", "-5", "negatif") is None


def test_units_must_match() -> None:
    assert pct("1 Paket", "96,57%") is None
    assert pct("4 Unit", "100.00") is None
    assert pct("12 bulan", "12 Bln") == 100.0  # Bln = Bulan
    assert pct("100%", "0") == 0.0  # a bare realisasi under a % target is a percentage


def test_negative_target_has_no_ratio() -> None:
    assert pct("-5", "3") is None


@pytest.mark.parametrize(
    ("actual", "polarity", "expected"),
    [
        ("85%", "positif", 100.0),  # inside
        ("80%", "positif", 100.0),  # on the lower bound
        ("90%", "positif", 100.0),  # on the upper bound
        ("99%", "positif", 110.0),  # above: R / H
        ("60%", "positif", 75.0),  # below: R / L
        ("85%", "negatif", 100.0),
        ("70%", "negatif", 100.0),  # below a "lower is better" range
        ("99%", "negatif", 90.0),  # above: (2H − R) / H
    ],
)
def test_range_targets(actual: str, polarity: str, expected: float) -> None:
    assert pct("80-90%", actual, polarity) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("target", "actual", "expected"),
    [("WTP", "WTP", 100.0), ("WTP", "WDP", 75.0), ("WTP", "TMP", 25.0), ("BB", "A", 120.0), ("A", "BB", 500 / 6)],
)
def test_ordinal_targets_use_their_scores(target: str, actual: str, expected: float) -> None:
    assert pct(target, actual) == pytest.approx(expected)


@pytest.mark.parametrize(("target", "actual"), [("WTP", "BB"), ("WTP", "90"), ("90", "WTP"), ("BB", "baik")])
def test_ordinals_on_another_scale_are_not_comparable(target: str, actual: str) -> None:
    assert pct(target, actual) is None


@pytest.mark.parametrize("actual", ["-", "", "belum ada data", "Sesuai", "80-90%"])
def test_missing_or_text_actual_has_no_achievement(actual: str) -> None:
    assert pct("100%", actual) is None


def test_zero_actual_is_zero_achievement() -> None:
    assert pct("100%", "0") == 0.0


def test_no_cap_by_default_and_a_cap_when_set() -> None:
    assert pct("100", "150") == pytest.approx(150.0)
    assert pct("100", "150", cap=120) == 120.0
    assert isinstance(pct("100", "150", cap=120), float)
    assert pct("100", "110", cap=120) == pytest.approx(110.0)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (150, "Sangat Tinggi"),
        (91, "Sangat Tinggi"),
        (90.99, "Tinggi"),
        (76, "Tinggi"),
        (75.99, "Sedang"),
        (66, "Sedang"),
        (65.99, "Rendah"),
        (51, "Rendah"),
        (50.99, "Sangat Rendah"),
        (0, "Sangat Rendah"),
        (-3, "Sangat Rendah"),
        (None, "Tidak ada data"),
    ],
)
def test_default_rating_scale_bounds(value: float | None, label: str) -> None:
    assert DEFAULT_SCALE.rate(value) == label


@pytest.mark.parametrize(
    ("value", "label"), [(91, "Sangat Baik"), (76, "Baik"), (66, "Cukup"), (51, "Kurang"), (50.9, "Sangat Kurang")]
)
def test_baik_scale_uses_the_same_bounds(value: float, label: str) -> None:
    assert BAIK_SCALE.rate(value) == label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (100, "AA"),
        (90.01, "AA"),
        (90, "A"),
        (80.01, "A"),
        (80, "BB"),
        (70, "B"),
        (60, "CC"),
        (50, "C"),
        (30, "D"),
        (0, "D"),
    ],
)
def test_sakip_predicates_have_exclusive_lower_bounds(value: float, label: str) -> None:
    assert SAKIP_PREDICATES.rate(value) == label


def test_scale_helpers() -> None:
    assert DEFAULT_SCALE.labels == ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah")
    assert DEFAULT_SCALE.lower_bound("Sedang") == 66


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Negatif", "negatif"), ("minimal", "negatif"), ("Min", "negatif"), ("positif", "positif"), (None, "positif")],
)
def test_parse_polarity(text: object, expected: str) -> None:
    assert parse_polarity(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("T/R", "terbalik"), ("Terbalik", "terbalik"), ("(2T-R)/T", "standar")])
def test_parse_formula(text: str, expected: str) -> None:
    assert parse_formula(text) == expected


@pytest.mark.parametrize(
    ("target", "share", "args", "expected"),
    [
        ("100%", 100, (), 100.0),
        ("80%", 50, (), 40.0),
        ("10", 100, ("negatif",), 10.0),
        ("10", 50, ("negatif",), 15.0),
        ("10", 80, ("negatif", "terbalik"), 12.5),
        ("80-90%", 100, (), 80.0),
        ("80-90%", 100, ("negatif",), 90.0),
        ("0", 100, (), 0.0),
        ("0", 120, (), None),
        ("-", 100, (), None),
    ],
)
def test_required_actual(target: str, share: float, args: tuple[str, ...], expected: float | None) -> None:
    result = required_actual(parse_value(target), share, *args)  # type: ignore[arg-type]
    assert result == (pytest.approx(expected) if expected is not None else None)


@pytest.mark.parametrize("polarity", ["positif", "negatif"])
@pytest.mark.parametrize("share", [50.0, 90.0, 100.0, 120.0])
def test_required_actual_reaches_the_share(polarity: str, share: float) -> None:
    target = parse_value("40")
    needed = required_actual(target, share, polarity)  # type: ignore[arg-type]
    assert needed is not None
    assert achievement(target, Value("number", needed), polarity) == pytest.approx(share)  # type: ignore[arg-type]


# --- properties -----------------------------------------------------------------------------------

amounts = st.one_of(st.just(0.0), st.floats(min_value=1e-3, max_value=1e9, allow_nan=False))
factors = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False)


@given(
    amounts,
    amounts,
    factors,
    st.sampled_from(["positif", "negatif"]),
    st.sampled_from(["standar", "terbalik"]),
)
def test_scaling_target_and_actual_together_leaves_achievement_unchanged(
    target: float, actual: float, k: float, polarity: str, formula: str
) -> None:
    base = achievement(Value("number", target), Value("number", actual), polarity, formula)  # type: ignore[arg-type]
    scaled = achievement(
        Value("number", target * k),
        Value("number", actual * k),
        polarity,  # type: ignore[arg-type]
        formula,  # type: ignore[arg-type]
    )
    if base is None:
        assert scaled is None
    else:
        assert scaled == pytest.approx(base, rel=1e-9, abs=1e-9)


@given(amounts, amounts, factors)
def test_scaling_a_range_and_actual_together_leaves_achievement_unchanged(low: float, actual: float, k: float) -> None:
    high = low * 1.25 + 1
    base = achievement(Value("range", low=low, high=high), Value("number", actual))
    scaled = achievement(Value("range", low=low * k, high=high * k), Value("number", actual * k))
    assert base is not None and scaled is not None
    assert scaled == pytest.approx(base, rel=1e-9, abs=1e-9)


@given(amounts, amounts)
def test_negative_standard_achievement_is_never_below_zero(target: float, actual: float) -> None:
    result = achievement(Value("number", target), Value("number", actual), "negatif")
    assert result is not None and result >= 0


# --- the cap and the scale as settings, through indicators.compute ----------------------------------


def test_cap_and_scale_are_settings() -> None:
    frame = pd.DataFrame(
        {
            "document": ["D", "D"],
            "objective": ["S", "S"],
            "indicator": ["a", "b"],
            "target_text": ["100%", "100%"],
            "actual_text": ["150%", ""],
            "unit_text": ["", ""],
            "polarity": ["positif", "positif"],
            "formula": ["standar", "standar"],
            "stated_pct": [None, None],
        }
    )
    plain = indicators.compute(frame, Settings())
    assert plain["achievement_pct"].iloc[0] == pytest.approx(150.0)
    assert pd.isna(plain["achievement_pct"].iloc[1])
    assert list(plain["has_data"]) == [True, False]
    capped = indicators.compute(frame, Settings(cap_pct=120, scale=BAIK_SCALE))
    assert capped["achievement_pct"].iloc[0] == 120.0
    assert list(capped["category"]) == ["Sangat Baik", "Tidak ada data"]
