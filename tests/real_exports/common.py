"""Pieces shared by the export generators: amounts, Indonesian number text, month names."""

from __future__ import annotations

from dataclasses import dataclass

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
NBSP = "\u00a0"


@dataclass(frozen=True)
class Amounts:
    """Pagu and realisasi of one group, in whole rupiah."""

    pagu: int
    realisasi: int

    @property
    def sisa(self) -> int:
        return self.pagu - self.realisasi

    def __add__(self, other: Amounts) -> Amounts:
        return Amounts(self.pagu + other.pagu, self.realisasi + other.realisasi)


ZERO = Amounts(0, 0)


def add_to(totals: dict[str, Amounts], key: str, amounts: Amounts) -> None:
    totals[key] = totals.get(key, ZERO) + amounts


def rupiah_text(value: float, decimals: int = 2) -> str:
    """Indonesian number text as SIPD prints it: ``10701893800`` → ``"10.701.893.800,00"``."""
    negative = value < 0
    whole, _, fraction = f"{abs(value):.{decimals}f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join(groups) + ("," + fraction if decimals else "")
    return "-" + text if negative else text


def round_to(value: float, step: int) -> int:
    """Round to a multiple of ``step`` (budgets are planned in thousands of rupiah)."""
    return int(round(value / step)) * step
