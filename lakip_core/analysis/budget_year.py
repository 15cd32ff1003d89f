"""The budget through the year: cumulative absorption month by month against the IKPA targets.

Input: the stored months of one satker-year (SAKTI GLP039 snapshots, each with its cumulative
realisasi "s.d. Periode" and that month's pagu), as :class:`MonthBudget` — built from a read
budget (:func:`month_budget`) or from a version's stored summary (:func:`month_from_summary`).

- **Absorption** each month = realisasi s.d. that month ÷ *that month's* pagu × 100, total and
  per jenis belanja (first two digits of the akun: 51 pegawai, 52 barang, 53 modal, 57 bansos).
  A revisi DIPA changes the pagu between months; every change is listed (:attr:`Line.pagu_changes`).
  Realisasi on rows without a pagu stays out, as in :func:`lakip_core.analysis.budget.totals`.
- **IKPA targets** (``Settings.ikpa``, DOMAIN.md "Budget"): cumulative % of pagu at the end of
  each quarter per jenis belanja. A quarter is judged at its last month's snapshot (March, June,
  September, December): *tercapai* when absorption ≥ target, *tidak tercapai* below it. Without
  that month stored it is *tidak tersimpan* when a later month is stored (never guessed from its
  neighbours) and *belum* when no month that late is stored yet. The total's target is the
  pagu-weighted mean of the jenis targets (jenis without a target left out of the weights).
- **Projection** to December (:data:`PROJECTION_METHOD`): linear on the average monthly increase
  of realisasi (rupiah) over about the last three stored months, capped at the latest pagu; none
  with fewer than two months with realisasi, and none once December is stored.
- **RPD plan** (halaman III DIPA, :mod:`lakip_core.analysis.plan`): :func:`plan_deviation`.

Pure: no I/O, no Streamlit. :func:`pace_vs_ikpa` is the one-figure summary the roll-up ranks by.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from lakip_core.analysis import budget as budget_mod
from lakip_core.analysis.budget import JENIS_BELANJA, BudgetData
from lakip_core.reading.model import month_name as month_name  # re-exported: the CLI and the year screen
from lakip_core.rules import ikpa
from lakip_core.rules.settings import Settings
from lakip_core.schema import BudgetCol

TOTAL = "total"
QUARTER_MONTHS = ikpa.QUARTER_MONTHS
QUARTER_NAMES = ("I", "II", "III", "IV")
PROJECTION_WINDOW = 3  # months: the increase is averaged from the latest month ≥ 3 months back
PROJECTION_METHOD = (
    "Proyeksi: realisasi terakhir ditambah rata-rata kenaikan realisasi per bulan selama ±3 bulan terakhir "
    "yang tersimpan, dikali sisa bulan sampai Desember; paling tinggi sebesar pagu. Perkiraan kasar, bukan janji."
)
# The deviation of a month's realisasi from its RPD above which IKPA no longer gives full marks
# (PER-5/PB/2024 as the KPPN and KPU explain it: "deviasi bulanan tak boleh melebihi 5%").
PLAN_DEVIATION_FULL_MARKS_PCT = 5.0

Status = Literal["met", "missed", "missing", "pending"]
STATUS_LABELS: dict[str, str] = {
    "met": "tercapai",
    "missed": "tidak tercapai",
    "missing": "bulan akhir triwulan tidak tersimpan",
    "pending": "belum",
}


def jenis_label(key: str) -> str:
    """``52`` → ``Belanja Barang (52)``; the total → ``Total``; a stated kelompok stays as written."""
    if key == TOTAL:
        return "Total"
    return f"{JENIS_BELANJA[key]} ({key})" if key in JENIS_BELANJA else key


@dataclass(frozen=True)
class Amounts:
    """Pagu and the realisasi counted in absorption (``None``: the file records no realisasi)."""

    allocation: float
    realized: float | None

    @property
    def pct(self) -> float | None:
        return budget_mod.absorption(self.allocation, self.realized)


@dataclass(frozen=True)
class MonthBudget:
    """One stored month of a satker-year: total and per jenis belanja (key ``51`` …, or the
    kelompok a SIPD file states), and where it came from (``source``: file name, version)."""

    month: int
    total: Amounts
    jenis: Mapping[str, Amounts] = field(default_factory=dict)
    source: str = ""

    def amounts(self, key: str) -> Amounts | None:
        return self.total if key == TOTAL else self.jenis.get(key)


def _jenis_key(akun: str, stated: str) -> str:
    return akun[:2] if akun else stated


def jenis_amounts(data: BudgetData) -> dict[str, Amounts]:
    """Pagu and counted realisasi per jenis belanja of a read budget (leaf rows, as the totals).

    Realisasi on rows without a pagu is left out (as in :func:`budget.totals`); a jenis whose rows
    carry no realisasi at all has ``realized=None``. Order: by akun code, then stated kelompok.
    """
    rows = budget_mod.leaves(data)
    if rows.empty:
        return {}
    keys = [_jenis_key(a, j) for a, j in zip(rows[BudgetCol.AKUN], rows[BudgetCol.JENIS_BELANJA], strict=True)]
    counted = rows[BudgetCol.REALIZED].where(~budget_mod.unfunded(rows))
    frame = pd.DataFrame({"key": keys, "allocation": rows[BudgetCol.ALLOCATION], "realized": counted})
    frame = frame[frame["key"] != ""]
    result: dict[str, Amounts] = {}
    for key, part in sorted(frame.groupby("key", sort=False), key=lambda kv: (not str(kv[0]).isdigit(), kv[0])):
        realized = part["realized"].sum(min_count=1)
        result[str(key)] = Amounts(float(part["allocation"].sum()), None if pd.isna(realized) else float(realized))
    return result


def month_budget(month: int, data: BudgetData, source: str = "") -> MonthBudget:
    """A month's figures from a read budget: the totals of :func:`budget.totals` and per jenis."""
    totals = budget_mod.totals(data)
    counted = None if totals.realized is None else totals.realized - totals.unfunded_realized
    return MonthBudget(month, Amounts(totals.allocation, counted), jenis_amounts(data), source)


def summary_jenis(data: BudgetData) -> list[dict[str, Any]]:
    """Per jenis belanja for the summary JSON (``budget.by_jenis_belanja``): what
    :func:`month_from_summary` reads back, so a stored version's summary is enough for the roll-up."""
    return [
        {
            "code": key,
            "name": jenis_label(key),
            "allocation": amounts.allocation,
            "realized": amounts.realized,
            "absorption_pct": amounts.pct,
        }
        for key, amounts in jenis_amounts(data).items()
    ]


def month_from_summary(month: int, summary: Mapping[str, Any], source: str = "") -> MonthBudget | None:
    """A month's figures from a stored summary (:func:`lakip_core.analysis.report.summary_dict`).

    ``None`` without a budget section. A summary written before ``by_jenis_belanja`` existed gives
    the total only (no jenis, so no IKPA target).
    """
    budget = summary.get("budget")
    if not isinstance(budget, Mapping) or budget.get("allocation") is None:
        return None
    realized = budget.get("realized")
    if realized is not None:
        realized = float(realized) - float(budget.get("unfunded_realized") or 0)
    jenis = {
        str(item["code"]): Amounts(
            float(item.get("allocation") or 0), None if item.get("realized") is None else float(item["realized"])
        )
        for item in budget.get("by_jenis_belanja") or ()
    }
    return MonthBudget(month, Amounts(float(budget["allocation"]), realized), jenis, source)


@dataclass(frozen=True)
class Quarter:
    """One quarter of one line: its target, the absorption at its last month, and the verdict."""

    quarter: int  # 1..4
    month: int  # 3, 6, 9, 12
    target_pct: float | None
    actual_pct: float | None
    status: Status

    @property
    def name(self) -> str:
        return f"Triwulan {QUARTER_NAMES[self.quarter - 1]}"

    @property
    def gap_pts(self) -> float | None:
        if self.actual_pct is None or self.target_pct is None:
            return None
        return self.actual_pct - self.target_pct


@dataclass(frozen=True)
class Projection:
    """The year-end estimate of one line (see :data:`PROJECTION_METHOD`)."""

    from_month: int  # the first month of the averaging window
    last_month: int  # the latest stored month
    last_realized: float  # realisasi at the latest month
    monthly_increase: float  # rupiah per month (never below 0)
    allocation: float  # the latest pagu: the cap and the base of the %

    def realized_at(self, month: int) -> float:
        """Projected realisasi at the end of ``month`` (≥ the latest month), at most the pagu."""
        return min(self.last_realized + self.monthly_increase * (month - self.last_month), self.allocation)

    @property
    def realized(self) -> float:
        return self.realized_at(12)

    @property
    def capped(self) -> bool:
        return self.last_realized + self.monthly_increase * (12 - self.last_month) > self.allocation

    @property
    def pct(self) -> float | None:
        return budget_mod.absorption(self.allocation, self.realized)

    def path(self) -> list[tuple[int, float]]:
        """(month, % of the latest pagu) from the latest month to December: the dashed line."""
        return [(m, self.realized_at(m) / self.allocation * 100) for m in range(self.last_month, 13)]

    @property
    def window_text(self) -> str:
        months = self.last_month - self.from_month
        return f"{month_name(self.from_month)}–{month_name(self.last_month)} ({months} bulan)"


@dataclass(frozen=True)
class PaguChange:
    month: int  # the month whose snapshot shows the new pagu
    previous_month: int
    before: float
    after: float


@dataclass(frozen=True)
class Line:
    """One line through the year: a jenis belanja (``51`` …) or the total (:data:`TOTAL`)."""

    key: str
    label: str
    months: tuple[int, ...]
    allocation: tuple[float | None, ...]
    realized: tuple[float | None, ...]
    pct: tuple[float | None, ...]
    targets: tuple[float, float, float, float] | None
    quarters: tuple[Quarter, ...]
    projection: Projection | None
    pagu_changes: tuple[PaguChange, ...]

    @property
    def latest_pct(self) -> float | None:
        known = [p for p in self.pct if p is not None]
        return known[-1] if known else None

    def pct_at(self, month: int) -> float | None:
        return self.pct[self.months.index(month)] if month in self.months else None


@dataclass(frozen=True)
class BudgetYear:
    """Every stored month of a satker-year, as lines against the IKPA targets."""

    year: int
    months: tuple[int, ...]
    total: Line
    jenis: tuple[Line, ...]
    sources: tuple[str, ...] = ()
    plan: PlanDeviation | None = None

    @property
    def lines(self) -> tuple[Line, ...]:
        return (self.total, *self.jenis)

    @property
    def latest_month(self) -> int | None:
        return self.months[-1] if self.months else None

    def missed(self) -> list[tuple[Line, Quarter]]:
        """Every quarter judged below its target, jenis lines first (the total repeats them)."""
        return [(line, q) for line in (*self.jenis, self.total) for q in line.quarters if q.status == "missed"]


def _projection(months: Sequence[int], realized: Sequence[float | None], allocation: float | None) -> Projection | None:
    known = [(m, r) for m, r in zip(months, realized, strict=True) if r is not None]
    if len(known) < 2 or allocation is None or allocation <= 0:
        return None
    last_month, last = known[-1]
    if last_month >= 12:
        return None
    earlier = [(m, r) for m, r in known[:-1] if m <= last_month - PROJECTION_WINDOW]
    first_month, first = earlier[-1] if earlier else known[0]
    increase = max((last - first) / (last_month - first_month), 0.0)
    return Projection(first_month, last_month, last, increase, allocation)


def _pagu_changes(months: Sequence[int], allocation: Sequence[float | None], tolerance: float) -> list[PaguChange]:
    changes = []
    previous: tuple[int, float] | None = None
    for month, value in zip(months, allocation, strict=True):
        if value is None:
            continue
        if previous is not None and abs(value - previous[1]) > tolerance:
            changes.append(PaguChange(month, previous[0], previous[1], value))
        previous = (month, value)
    return changes


def _line(
    key: str,
    months: Sequence[MonthBudget],
    targets: tuple[float, float, float, float] | None,
    settings: Settings,
) -> Line:
    figures = [m.amounts(key) for m in months]
    allocation = tuple(f.allocation if f else None for f in figures)
    realized = tuple(f.realized if f else None for f in figures)
    pct = tuple(f.pct if f else None for f in figures)
    stored = [m.month for m in months]
    quarters = []
    for number, month in enumerate(QUARTER_MONTHS, start=1):
        if targets is None:  # no IKPA target for this line (a SIPD kelompok belanja): nothing to judge
            break
        actual = pct[stored.index(month)] if month in stored else None
        status: Status
        if actual is not None:
            status = "met" if actual >= targets[number - 1] else "missed"
        elif month in stored or stored[-1] > month:
            status = "missing"  # not stored (or stored without realisasi), and a later month is
        else:
            status = "pending"
        quarters.append(Quarter(number, month, targets[number - 1], actual, status))
    return Line(
        key=key,
        label=jenis_label(key),
        months=tuple(stored),
        allocation=allocation,
        realized=realized,
        pct=pct,
        targets=targets,
        quarters=tuple(quarters),
        projection=_projection(stored, realized, next((a for a in reversed(allocation) if a is not None), None)),
        pagu_changes=tuple(_pagu_changes(stored, allocation, settings.amount_tolerance)),
    )


def total_targets(months: Sequence[MonthBudget], settings: Settings) -> tuple[float, float, float, float] | None:
    """The total's IKPA target per quarter: the jenis targets weighted by each jenis's pagu (at the
    quarter's month when stored, else the latest month); ``None`` when no jenis has a target."""
    if not months:
        return None
    by_month = {m.month: m for m in months}
    result = []
    for quarter, month in enumerate(QUARTER_MONTHS, start=1):
        snapshot = by_month.get(month, months[-1])
        pagu = {k: a.allocation for k, a in snapshot.jenis.items()}
        target = ikpa.weighted_target(quarter, pagu, settings.ikpa)
        if target is None:
            return None
        result.append(target)
    return (result[0], result[1], result[2], result[3])


def budget_year(months: Sequence[MonthBudget], settings: Settings, plan: pd.DataFrame | None = None) -> BudgetYear:
    """The lines of a satker-year from its stored months (any order; one per month).

    ``plan``: the RPD per month and jenis (:func:`lakip_core.analysis.plan.monthly`), or ``None``.
    """
    ordered = sorted(months, key=lambda m: m.month)
    if len({m.month for m in ordered}) != len(ordered):
        raise ValueError("one MonthBudget per month")
    ikpa = settings.ikpa
    keys = list(dict.fromkeys(k for m in ordered for k in m.jenis))
    keys.sort(key=lambda k: (not k.isdigit(), k))
    jenis = tuple(_line(k, ordered, ikpa.get(k), settings) for k in keys)
    total = _line(TOTAL, ordered, total_targets(ordered, settings), settings)
    return BudgetYear(
        year=settings.year,
        months=tuple(m.month for m in ordered),
        total=total,
        jenis=jenis,
        sources=tuple(m.source for m in ordered),
        plan=plan_deviation(ordered, plan) if plan is not None else None,
    )


# --- the RPD plan (halaman III DIPA) ---------------------------------------------------------------


@dataclass(frozen=True)
class PlanSpan:
    """Realisasi against the RPD over the months since the previous stored month.

    With every month stored a span is one month (IKPA's monthly deviation); with a gap (March
    then June) the months between are taken together, since the realisasi of each is not known.
    """

    first_month: int
    last_month: int
    planned: float
    realized: float
    deviation_pct: float  # pagu-weighted over jenis belanja, each capped at 100
    by_jenis: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)  # planned, realized, dev %

    @property
    def months(self) -> int:
        return self.last_month - self.first_month + 1

    @property
    def label(self) -> str:
        if self.first_month == self.last_month:
            return month_name(self.last_month)
        return f"{month_name(self.first_month)[:3]}–{month_name(self.last_month)[:3]}"


@dataclass(frozen=True)
class PlanDeviation:
    """IKPA's "deviasi halaman III DIPA" from the stored months: mean absolute deviation of
    realisasi from the monthly RPD, in % of the plan (see :func:`plan_deviation`)."""

    spans: tuple[PlanSpan, ...]
    mean_pct: float | None
    planned_cumulative: tuple[float, ...]  # Σ plan January..month, months 1–12
    plan_total: float

    @property
    def full_marks(self) -> bool | None:
        return None if self.mean_pct is None else self.mean_pct <= PLAN_DEVIATION_FULL_MARKS_PCT


def _deviation(planned: float, realized: float) -> float:
    """|realisasi − rencana| ÷ rencana × 100, capped at 100; no plan and no realisasi → 0, no plan
    but realisasi → 100 (money spent in a month the plan left empty)."""
    if planned <= 0:
        return 0.0 if abs(realized) < 0.5 else 100.0
    return min(abs(realized - planned) / planned * 100, 100.0)


def plan_deviation(months: Sequence[MonthBudget], plan: pd.DataFrame) -> PlanDeviation:
    """Deviation of realisasi from the RPD per span between stored months, and their mean.

    ``plan``: rows = months 1–12, columns = jenis keys (``51`` …), values = planned rupiah that
    month. Realisasi of a span = cumulative realisasi at its last month − at the previous stored
    month (January's start = 0). Per span, each jenis's deviation (:func:`_deviation`) is weighted
    by its share of the pagu (as IKPA weighs jenis belanja); the mean weighs each span by the
    months it covers. Jenis not in the plan count with a plan of 0.
    """
    plan = plan.reindex(range(1, 13)).fillna(0.0)
    cumulative = plan.sum(axis=1).cumsum()
    spans = []
    previous_month = 0
    previous: dict[str, float] = {}
    for snapshot in sorted(months, key=lambda m: m.month):
        if snapshot.total.realized is None:
            continue
        keys = [k for k in dict.fromkeys([*snapshot.jenis, *plan.columns]) if k in snapshot.jenis or k in plan]
        window = plan.loc[previous_month + 1 : snapshot.month]
        by_jenis: dict[str, tuple[float, float, float]] = {}
        weights: dict[str, float] = {}
        for key in keys:
            amounts = snapshot.jenis.get(key)
            now = amounts.realized if amounts and amounts.realized is not None else 0.0
            planned = float(window[key].sum()) if key in window else 0.0
            realized = now - previous.get(key, 0.0)
            by_jenis[key] = (planned, realized, _deviation(planned, realized))
            weights[key] = amounts.allocation if amounts else float(plan[key].sum()) if key in plan else 0.0
        whole = sum(weights.values())
        if by_jenis and whole > 0:
            deviation = sum(by_jenis[k][2] * weights[k] for k in by_jenis) / whole
        else:
            deviation = _deviation(float(window.to_numpy().sum()), snapshot.total.realized - previous.get(TOTAL, 0.0))
        spans.append(
            PlanSpan(
                previous_month + 1,
                snapshot.month,
                float(window.to_numpy().sum()),
                snapshot.total.realized - previous.get(TOTAL, 0.0),
                deviation,
                by_jenis,
            )
        )
        previous_month = snapshot.month
        previous = {k: (a.realized or 0.0) for k, a in snapshot.jenis.items()} | {TOTAL: snapshot.total.realized}
    covered = sum(s.months for s in spans)
    mean = sum(s.deviation_pct * s.months for s in spans) / covered if covered else None
    return PlanDeviation(tuple(spans), mean, tuple(float(v) for v in cumulative), float(cumulative.iloc[-1]))


# --- the roll-up's figure -------------------------------------------------------------------------


@dataclass(frozen=True)
class PaceFigure:
    """A satker's pace against the IKPA targets, for ranking satker (Provinsi/Nasional).

    ``gap_pts`` = absorption at the latest stored month − the target pace at that month (the total's
    IKPA targets, linear between quarter ends from 0 in January's start): above 0 ahead of the
    targets, below 0 behind. ``quarters_met`` / ``quarters_judged`` count the total's quarters.
    """

    latest_month: int | None
    absorption_pct: float | None
    target_pct: float | None
    gap_pts: float | None
    quarters_met: int
    quarters_judged: int
    projected_pct: float | None
    months_stored: int


target_pace = ikpa.target_at  # the target at the end of a month: linear between quarter ends


def pace_vs_ikpa(history: Sequence[MonthBudget], settings: Settings) -> PaceFigure:
    """The pace of one satker-year against the IKPA targets (see :class:`PaceFigure`).

    ``history``: its stored months, e.g. ``[month_from_summary(m, v.summary) for m, v in
    store.budget_history(satker, year)]`` (``None`` entries dropped by the caller). No months →
    every figure ``None``/0; no jenis breakdown → no target (``target_pct``/``gap_pts`` ``None``).
    """
    return pace_of(budget_year(history, settings))


def pace_of(year: BudgetYear) -> PaceFigure:
    """:class:`PaceFigure` of an already built year (see :func:`pace_vs_ikpa`)."""
    if not year.months:
        return PaceFigure(None, None, None, None, 0, 0, None, 0)
    line = year.total
    month = year.months[-1]
    actual = line.pct_at(month)
    target = target_pace(line.targets, month) if line.targets else None
    judged = [q for q in line.quarters if q.status in ("met", "missed")]
    return PaceFigure(
        latest_month=month,
        absorption_pct=actual,
        target_pct=target,
        gap_pts=None if actual is None or target is None else actual - target,
        quarters_met=sum(q.status == "met" for q in judged),
        quarters_judged=len(judged),
        projected_pct=line.projection.pct if line.projection else None,
        months_stored=len(year.months),
    )


# --- the CLI JSON (``summary --db``: ``budget_months``) ---------------------------------------------


def _round(value: float | None, digits: int = 2) -> float | int | None:
    if value is None or pd.isna(value):
        return None
    return int(round(value)) if digits == 0 else round(float(value), digits)


def budget_year_dict(year: BudgetYear) -> dict[str, Any]:
    """The budget through the year as plain JSON (percentages as numbers, amounts in rupiah)."""

    def line_dict(line: Line) -> dict[str, Any]:
        projection = line.projection
        return {
            "key": line.key,
            "label": line.label,
            "targets_pct": list(line.targets) if line.targets else None,
            "months": [
                {"month": m, "allocation": _round(a, 0), "realized": _round(r, 0), "absorption_pct": _round(p)}
                for m, a, r, p in zip(line.months, line.allocation, line.realized, line.pct, strict=True)
            ],
            "quarters": [
                {
                    "quarter": q.quarter,
                    "month": q.month,
                    "target_pct": _round(q.target_pct),
                    "absorption_pct": _round(q.actual_pct),
                    "status": q.status,
                }
                for q in line.quarters
            ],
            "projection": None
            if projection is None
            else {
                "from_month": projection.from_month,
                "last_month": projection.last_month,
                "monthly_increase": _round(projection.monthly_increase, 0),
                "realized": _round(projection.realized, 0),
                "absorption_pct": _round(projection.pct),
                "capped": projection.capped,
            },
            "pagu_changes": [
                {
                    "month": c.month,
                    "previous_month": c.previous_month,
                    "before": _round(c.before, 0),
                    "after": _round(c.after, 0),
                }
                for c in line.pagu_changes
            ],
        }

    plan = year.plan
    pace = pace_of(year)
    return {
        "months": list(year.months),
        "pace": {
            "latest_month": pace.latest_month,
            "absorption_pct": _round(pace.absorption_pct),
            "target_pct": _round(pace.target_pct),
            "gap_pts": _round(pace.gap_pts),
            "quarters_met": pace.quarters_met,
            "quarters_judged": pace.quarters_judged,
            "projected_pct": _round(pace.projected_pct),
        },
        "sources": list(year.sources),
        "projection_method": PROJECTION_METHOD,
        "lines": [line_dict(line) for line in year.lines],
        "plan_deviation": None
        if plan is None
        else {
            "mean_pct": _round(plan.mean_pct),
            "full_marks_pct": PLAN_DEVIATION_FULL_MARKS_PCT,
            "plan_total": _round(plan.plan_total, 0),
            "spans": [
                {
                    "first_month": s.first_month,
                    "last_month": s.last_month,
                    "planned": _round(s.planned, 0),
                    "realized": _round(s.realized, 0),
                    "deviation_pct": _round(s.deviation_pct),
                }
                for s in plan.spans
            ],
        },
    }
