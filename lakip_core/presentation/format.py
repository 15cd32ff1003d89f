"""Numbers as Indonesian text: ``Rp 3.277.955.000``, ``95,80%``, ``Rp 3,28 miliar``, ``+6,43``.

Formatting uses Babel's CLDR data for the ``id_ID`` locale rather than hand-made separators.
Every function shows ``-`` for no data (``None``, NaN, ±inf).
"""

from __future__ import annotations

import decimal
import math

from babel.numbers import format_decimal


def format_number(value: float | None, decimals: int = 0) -> str:
    """``1234567.891`` → ``1.234.568`` (or with ``decimals``); ``None``, NaN, ±inf → ``-``."""
    if value is None or not math.isfinite(value):
        return "-"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    # Babel rounds in the current decimal context (28 digits): a mistyped 30-digit amount would
    # raise InvalidOperation instead of being shown (and reported as the odd number it is).
    with decimal.localcontext() as context:
        context.prec = 400
        # + 0.0 turns a -0.0 left by rounding (-0.4 → -0.0) into 0.0, which is not shown as "-0".
        return format_decimal(round(value, decimals) + 0.0, format=pattern, locale="id_ID")


def format_rupiah(value: float | None) -> str:
    """``3277955000`` → ``Rp 3.277.955.000``; negative → ``-Rp 5.000``; ``None`` → ``-``."""
    if value is None or not math.isfinite(value):
        return "-"
    sign = "-" if round(value) < 0 else ""
    return f"{sign}Rp {format_number(abs(value))}"


def format_percent(value: float | None, decimals: int = 2) -> str:
    """``95.797`` → ``95,80%``; ``None`` (no data), NaN, ±inf → ``-``."""
    if value is None or not math.isfinite(value):
        return "-"
    return f"{format_number(value, decimals)}%"


def format_rupiah_short(value: float | None) -> str:
    """Rupiah for a headline: ``137758252`` → ``Rp 137,76 juta``; ``3277955000`` → ``Rp 3,28 miliar``.

    Below one million the full figure is shown; ``None`` → ``-``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    amount = abs(value)
    sign = "-" if value < 0 and round(amount) > 0 else ""
    for factor, word in ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta")):
        if amount >= factor:
            return f"{sign}Rp {format_number(amount / factor, 2)} {word}"
    return f"{sign}Rp {format_number(amount)}"


def format_points(delta: float | None) -> str:
    """A change in percentage points with its sign: ``+6,43`` / ``-2,10`` / ``0``; no data → ``-``."""
    if delta is None or math.isnan(delta):
        return "-"
    if abs(delta) < 0.005:
        return "0"
    return ("+" if delta > 0 else "") + format_number(delta, 2)


def format_share(part: float, base: float, unit: str = "", of_what: str = "") -> str:
    """A share that says what it is a share of: ``72,73% (8 dari 11 unit yang tercatat kondisinya)``.

    ``unit`` follows the counts (``unit``, ``orang``, ``indikator``); ``of_what`` describes the base.
    A base of 0 has no share: ``- (0 unit ...)``.
    """
    pct = part / base * 100 if base else None
    words = " ".join(w for w in (unit, of_what) if w)
    return f"{format_percent(pct)} ({format_number(part)} dari {format_number(base)}{' ' + words if words else ''})"
