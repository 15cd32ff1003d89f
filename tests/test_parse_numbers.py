"""Indonesian numbers: every format the seed and office files use, and round trips."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from babel.numbers import format_decimal
from hypothesis import example, given
from hypothesis import strategies as st

from lakip_core.presentation.format import format_number, format_percent, format_rupiah
from lakip_core.reading.numbers import is_missing_text, normalize_unit, parse_number, parse_numbers, parse_value


@pytest.mark.parametrize(
    ("text", "kind", "number", "unit"),
    [
        ("99,85%", "percent", 99.85, "%"),
        ("100 %", "percent", 100.0, "%"),
        ("87,48 %", "percent", 87.48, "%"),
        ("Rp. 2.419.466.148,-", "number", 2_419_466_148.0, None),
        ("Rp.3,829,011,000,-", "number", 3_829_011_000.0, None),
        ("1.234,5", "number", 1234.5, None),
        ("2 Lap", "number", 2.0, "Laporan"),
        ("12 bulan", "number", 12.0, "Bulan"),
        ("1 Paket", "number", 1.0, "Paket"),
        ("4 Unit", "number", 4.0, "Unit"),
        ("0", "number", 0.0, None),
    ],
)
def test_parse_value_reads_numbers_percentages_and_units(text: str, kind: str, number: float, unit: str | None) -> None:
    value = parse_value(text)
    assert value.kind == kind
    assert value.number == pytest.approx(number)
    assert value.unit == unit
    assert value.raw == text


@pytest.mark.parametrize("text", ["-", "", "   ", "belum ada data", "N/A", "—", None, float("nan")])
def test_missing_is_no_data_not_zero(text: object) -> None:
    value = parse_value(text)
    assert value.kind == "missing"
    assert value.number is None
    assert parse_number(text) is None


@pytest.mark.parametrize("zero", ["0", 0, 0.0, "0,00", "Rp 0", "0%"])
def test_zero_is_zero_not_missing(zero: object) -> None:
    assert parse_number(zero) == 0.0
    assert parse_value(zero).kind in ("number", "percent")
    assert parse_value(zero).number == 0.0


@pytest.mark.parametrize(
    ("text", "scale", "label", "score"),
    [
        ("WTP", "opini_bpk", "WTP", 4.0),
        ("WDP", "opini_bpk", "WDP", 3.0),
        ("TMP", "opini_bpk", "TMP", 1.0),
        ("Wajar Tanpa Pengecualian", "opini_bpk", "WTP", 4.0),
        ("BB", "sakip", "BB", 5.0),
        ("AA", "sakip", "AA", 7.0),
        ("d", "sakip", "D", 1.0),
    ],
)
def test_ordinal_targets_get_their_scores(text: str, scale: str, label: str, score: float) -> None:
    value = parse_value(text)
    assert (value.kind, value.scale, value.label, value.number) == ("ordinal", scale, label, score)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("80-90%", 80.0, 90.0, "%"),
        ("80 - 90 %", 80.0, 90.0, "%"),
        ("80 s.d. 90%", 80.0, 90.0, "%"),
        ("90–100", 90.0, 100.0, None),
        ("90-80%", 80.0, 90.0, "%"),
        ("2 - 4 Lap", 2.0, 4.0, "Laporan"),
    ],
)
def test_ranges_keep_both_bounds(text: str, low: float, high: float, unit: str | None) -> None:
    value = parse_value(text)
    assert (value.kind, value.low, value.high, value.unit, value.number) == ("range", low, high, unit, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3.277.955.000", 3_277_955_000.0),
        ("3,829,011.50", 3_829_011.5),
        ("12.500", 12_500.0),
        ("100.00", 100.0),
        ("0.500", 0.5),
        ("0,5", 0.5),
        ("1.234", 1234.0),
        ("1,234", 1.234),
        ("Rp 2,500", 2500.0),
        ("-7", -7.0),
        ("(1.500)", -1500.0),
        ("-Rp 5.000", -5000.0),
        ("Rp -5.000", -5000.0),
        ("Rp. -2.500,-", -2500.0),
        ("(Rp 1.000)", -1000.0),
        ("IDR 1.000.000", 1_000_000.0),
        ("1\u00a0234,5", 1234.5),
    ],
)
def test_parse_number_separator_rules(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["WTP", "abc", "1.2.3,4,5", "12,34,56", "tiga", "1e5", ",-", ".-", "()", "Rp"])
def test_text_that_is_not_a_number_is_none(text: str) -> None:
    assert parse_number(text) is None


def test_text_values_are_kept_not_guessed() -> None:
    value = parse_value("Sesuai jadwal")
    assert (value.kind, value.number, value.raw) == ("text", None, "Sesuai jadwal")


@pytest.mark.parametrize("value", [True, False, np.bool_(True), float("inf"), float("-inf")])
def test_booleans_and_infinities_are_not_numbers(value: object) -> None:
    assert parse_number(value) is None


@pytest.mark.parametrize("value", [np.float64(2.5), np.int64(3), np.float32(0.5), 7])
def test_numpy_scalars_are_numbers(value: object) -> None:
    assert parse_number(value) == float(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("unit", "expected"),
    [("Lap", "Laporan"), ("Dok.", "Dokumen"), ("org", "Orang"), ("Thn", "Tahun"), ("Keping", "Keping"), ("", None)],
)
def test_units_are_spelled_out(unit: str, expected: str | None) -> None:
    assert normalize_unit(unit) == expected


def test_missing_placeholders() -> None:
    assert is_missing_text(" - ")
    assert is_missing_text("Belum  Ada Data")
    assert not is_missing_text("0")
    assert not is_missing_text(0)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [(1_234_567.891, 0, "1.234.568"), (1234.5, 2, "1.234,50"), (None, 0, "-"), (-0.4, 0, "0"), (-1234.0, 0, "-1.234")],
)
def test_format_number_is_indonesian(value: float | None, decimals: int, expected: str) -> None:
    assert format_number(value, decimals) == expected


def test_format_rupiah_and_percent() -> None:
    assert format_rupiah(3_277_955_000) == "Rp 3.277.955.000"
    assert format_rupiah(-5000) == "-Rp 5.000"
    assert format_rupiah(-0.4) == "Rp 0"
    assert format_rupiah(None) == "-"
    assert format_percent(95.797_433) == "95,80%"
    assert format_percent(None) == "-"
    assert format_percent(float("nan")) == "-"


# --- properties -----------------------------------------------------------------------------------

finite = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)


@example(0.0005)
@example(-1234.5675)
@example(1e15)
@given(finite)
def test_babel_indonesian_format_parses_back(x: float) -> None:
    text = format_decimal(x, locale="id_ID")  # at most 3 decimals, "." thousands, "," decimals
    # Babel rounds half-even on the decimal value, Python's round() on the binary one: they may
    # differ by one unit of the last decimal shown (0.0005 → "0" vs 0.001), never more.
    assert parse_number(text) == pytest.approx(x, rel=1e-12, abs=0.0005 + 1e-9)


@given(finite, st.integers(min_value=0, max_value=4))
def test_format_number_parses_back(x: float, decimals: int) -> None:
    assert parse_number(format_number(x, decimals)) == pytest.approx(round(x, decimals), rel=1e-12, abs=1e-9)


@given(st.integers(min_value=-(10**14), max_value=10**14))
def test_rupiah_parses_back_with_its_sign(amount: int) -> None:
    text = format_rupiah(amount)
    assert text.startswith("-Rp " if amount < 0 else "Rp ")
    assert parse_number(text) == amount
    assert parse_number(f"Rp. {format_number(abs(amount))},-") == abs(amount)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), st.integers(min_value=0, max_value=3))
def test_percent_parses_back(x: float, decimals: int) -> None:
    text = format_percent(x, decimals)
    value = parse_value(text)
    assert value.kind == "percent"
    assert value.number == pytest.approx(round(x, decimals), rel=1e-12, abs=1e-9)


cells = st.one_of(
    st.none(),
    st.just(float("nan")),
    st.just(float("inf")),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, min_value=-1e12, max_value=1e12),
    finite.map(lambda x: format_decimal(x, locale="id_ID")),
    st.integers(min_value=0, max_value=10**12).map(format_rupiah),
    st.sampled_from(["-", "", "n/a", "belum ada data", "abc", "1.2.3,4,5", "99,85%", "(1.500)", "Rp.3,829,011,000,-"]),
    st.text(alphabet="0123456789.,- Rp%", max_size=12),
)


@example([".-", ",-", "()"])  # once raised IndexError: nothing left after the trailing ",-"
@given(st.lists(cells, max_size=30))
def test_parse_numbers_agrees_with_parse_number(values: list[object]) -> None:
    series = pd.Series(values, dtype=object, index=range(10, 10 + len(values)))
    numbers, bad = parse_numbers(series)
    assert list(numbers.index) == list(series.index)
    for value, number, is_bad in zip(values, numbers, bad, strict=True):
        expected = parse_number(value)
        if expected is None:
            assert math.isnan(number)
        else:
            assert number == expected
        assert is_bad == (isinstance(value, str) and expected is None and not is_missing_text(value))


def test_parse_numbers_on_numeric_dtypes() -> None:
    numbers, bad = parse_numbers(pd.Series([1, 2, 3], dtype="int64"))
    assert numbers.tolist() == [1.0, 2.0, 3.0]
    assert not bad.any()
    numbers, _ = parse_numbers(pd.Series([1.5, np.inf, np.nan]))
    assert numbers.iloc[0] == 1.5
    assert numbers.iloc[1:].isna().all()
    numbers, _ = parse_numbers(pd.Series([True, False]))
    assert numbers.isna().all()


def test_parse_numbers_flags_text_in_a_number_column() -> None:
    numbers, bad = parse_numbers(pd.Series(["Rp 1.000", "seribu", "-", None, 5], dtype=object))
    assert numbers.tolist()[0] == 1000.0
    assert numbers.tolist()[4] == 5.0
    assert bad.tolist() == [False, True, False, False, False]


def test_formatting_odd_magnitudes_never_raises() -> None:
    # A mistyped 30-digit amount is shown (and reported) rather than crashing the report.
    assert format_rupiah(1e30) == "Rp 1" + ".000" * 10
    assert format_percent(1e27, 0) == "1" + ".000" * 9 + "%"
    for value in (float("inf"), float("-inf"), float("nan")):
        assert format_number(value) == "-"
        assert format_rupiah(value) == "-"
        assert format_percent(value) == "-"
