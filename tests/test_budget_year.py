"""The budget through the year: generated monthly GLP039 files against the IKPA targets, and each
rule of :mod:`lakip_core.analysis.budget_year` (quarters, a missing month, projection, pagu
changes, the RPD deviation, the roll-up's pace) on small hand-built months."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from lakip_core.analysis.budget_year import (
    TOTAL,
    Amounts,
    MonthBudget,
    budget_year,
    budget_year_dict,
    month_budget,
    month_from_summary,
    pace_vs_ikpa,
    plan_deviation,
    target_pace,
)
from lakip_core.analysis.report import load_report, summary_dict
from lakip_core.rules.settings import IkpaTarget, Settings
from tests.real_exports import Glp039Expected, glp039

SETTINGS = Settings(year=2025)
MONTHS = (3, 6, 9, 10)
TARGETS = {"51": (20, 50, 75, 95), "52": (15, 50, 70, 90), "53": (10, 40, 70, 90), "57": (25, 50, 75, 95)}


@pytest.fixture(scope="module")
def months(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Glp039Expected]:
    """GLP039 downloads of one satker-year for March, June, September and October (same tree)."""
    folder = tmp_path_factory.mktemp("glp039")
    return {m: glp039(folder / f"glp039_{m:02d}.xlsx", month=m, seed=1) for m in MONTHS}


def read_month(expected: Glp039Expected) -> MonthBudget:
    report = load_report(budget=expected.path)
    assert report.period is not None and report.period.month == expected.month
    assert report.budget is not None
    return month_budget(expected.month, report.budget, expected.path.name)


def test_each_month_reads_to_its_own_stated_totals(months: dict[int, Glp039Expected]) -> None:
    for expected in months.values():
        month = read_month(expected)
        assert month.total == Amounts(expected.pagu, expected.realisasi)
        assert {k: (a.allocation, a.realized) for k, a in month.jenis.items()} == {
            k: (v.pagu, v.realisasi) for k, v in expected.per_jenis_belanja.items()
        }


def test_quarters_are_judged_against_the_ikpa_targets_at_their_last_month(
    months: dict[int, Glp039Expected],
) -> None:
    year = budget_year([read_month(e) for e in months.values()], SETTINGS)
    assert year.months == MONTHS
    for line in year.jenis:
        assert line.targets == TARGETS[line.key]
        for quarter in line.quarters:
            if quarter.month == 12:
                assert quarter.status == "pending"  # December not stored yet: not judged
                continue
            stated = months[quarter.month].per_jenis_belanja[line.key]
            pct = stated.realisasi / stated.pagu * 100
            assert quarter.actual_pct == pytest.approx(pct)
            assert quarter.status == ("met" if pct >= TARGETS[line.key][quarter.quarter - 1] else "missed")
    # The generated year: every jenis meets TW I; pegawai and barang miss TW II; all miss TW III.
    statuses = {line.key: [q.status for q in line.quarters] for line in year.lines}
    assert statuses["51"][:3] == ["met", "missed", "missed"]
    assert statuses["53"][:3] == ["met", "met", "missed"]
    assert statuses[TOTAL][:3] == ["met", "missed", "missed"]


def test_total_target_is_the_pagu_weighted_mean_of_the_jenis_targets(months: dict[int, Glp039Expected]) -> None:
    year = budget_year([read_month(e) for e in months.values()], SETTINGS)
    october = months[10].per_jenis_belanja
    pagu = {k: v.pagu for k, v in months[3].per_jenis_belanja.items()}
    expected = sum(TARGETS[k][0] * p for k, p in pagu.items()) / sum(pagu.values())
    assert year.total.targets is not None
    assert year.total.targets[0] == pytest.approx(expected)
    weights = {k: v.pagu for k, v in october.items()}  # December not stored: the latest month's pagu
    assert year.total.targets[3] == pytest.approx(
        sum(TARGETS[k][3] * w for k, w in weights.items()) / sum(weights.values())
    )


def test_projection_is_linear_on_the_last_months_and_matches_a_steady_year(
    months: dict[int, Glp039Expected], tmp_path: Path
) -> None:
    year = budget_year([read_month(e) for e in months.values()], SETTINGS)
    projection = year.total.projection
    assert projection is not None
    assert (projection.from_month, projection.last_month) == (6, 10)  # the latest month ≥ 3 months back
    increase = (months[10].realisasi - months[6].realisasi) / 4
    assert projection.monthly_increase == pytest.approx(increase)
    assert projection.realized == pytest.approx(months[10].realisasi + 2 * increase)
    # The generator spends at a near-steady pace (some barang akun stop at their pagu): the
    # projection lands within 5% of its own December file, above it (the pace slows).
    december = glp039(tmp_path / "glp039_12.xlsx", month=12, seed=1)
    assert december.realisasi < projection.realized < december.realisasi * 1.05


def test_the_json_of_the_year(months: dict[int, Glp039Expected]) -> None:
    data = budget_year_dict(budget_year([read_month(e) for e in months.values()], SETTINGS))
    assert data["months"] == list(MONTHS)
    total = data["lines"][0]
    assert total["key"] == "total" and [q["status"] for q in total["quarters"]] == [
        "met",
        "missed",
        "missed",
        "pending",
    ]
    assert total["months"][0]["allocation"] == months[3].pagu
    assert data["pace"]["latest_month"] == 10 and data["pace"]["quarters_met"] == 1
    assert data["plan_deviation"] is None


def test_a_stored_summary_gives_the_same_month(months: dict[int, Glp039Expected]) -> None:
    for expected in months.values():
        report = load_report(budget=expected.path)
        from_summary = month_from_summary(expected.month, summary_dict(report))
        assert from_summary is not None
        assert from_summary.total == read_month(expected).total
        assert dict(from_summary.jenis) == dict(read_month(expected).jenis)
    assert month_from_summary(3, {"year": 2025}) is None  # no budget section
    old = month_from_summary(3, {"budget": {"allocation": 100, "realized": 40}})  # before by_jenis_belanja
    assert old is not None and old.total == Amounts(100, 40) and not old.jenis


# --- the rules, on hand-built months --------------------------------------------------------------


def month(
    number: int, pagu: float, spent: float, jenis: dict[str, tuple[float, float | None]] | None = None
) -> MonthBudget:
    parts = {k: Amounts(a, r) for k, (a, r) in (jenis or {"52": (pagu, spent)}).items()}
    return MonthBudget(number, Amounts(pagu, spent), parts)


def test_a_missing_quarter_month_is_said_never_guessed() -> None:
    year = budget_year([month(2, 100, 10), month(4, 100, 40)], SETTINGS)
    march = year.total.quarters[0]
    assert march.status == "missing" and march.actual_pct is None  # not interpolated from Feb and Apr
    assert [q.status for q in year.total.quarters[1:]] == ["pending", "pending", "pending"]
    early = budget_year([month(2, 100, 10)], SETTINGS)
    assert early.total.quarters[0].status == "pending"  # March not reached yet


def test_met_is_at_or_above_the_target() -> None:
    on_target = budget_year([month(3, 100, 15)], SETTINGS)  # barang: 15% target in TW I
    assert on_target.jenis[0].quarters[0].status == "met"
    below = budget_year([month(3, 100, 14.99)], SETTINGS)
    assert below.jenis[0].quarters[0].status == "missed"


def test_projection_needs_two_months_and_stops_at_december_and_at_the_pagu() -> None:
    assert budget_year([month(6, 100, 40)], SETTINGS).total.projection is None
    assert budget_year([month(11, 100, 80), month(12, 100, 95)], SETTINGS).total.projection is None
    fast = budget_year([month(3, 100, 30), month(6, 100, 70)], SETTINGS).total.projection
    assert fast is not None and fast.capped and fast.realized == 100 and fast.pct == 100
    assert fast.path()[0] == (6, 70.0) and fast.path()[-1] == (12, 100.0)
    back = budget_year([month(3, 100, 30), month(6, 100, 20)], SETTINGS).total.projection
    assert back is not None and back.monthly_increase == 0 and back.realized == 20  # a correction is not a pace


def test_absorption_each_month_is_against_that_months_pagu_and_changes_are_listed() -> None:
    year = budget_year([month(3, 200, 50), month(6, 250, 100)], SETTINGS)
    assert year.total.pct == (25.0, 40.0)
    (change,) = year.total.pagu_changes
    assert (change.previous_month, change.month, change.before, change.after) == (3, 6, 200, 250)
    same = budget_year([month(3, 200, 50), month(6, 200.5, 100)], SETTINGS)
    assert not same.total.pagu_changes  # within Settings.amount_tolerance (Rp 1)


def test_targets_are_a_setting_per_year() -> None:
    months = [month(3, 100, 12)]
    assert budget_year(months, SETTINGS).jenis[0].quarters[0].status == "missed"  # 12 < 15
    own = Settings(year=2025, ikpa_targets=(IkpaTarget("52", (10.0, 40.0, 60.0, 90.0)),))
    assert budget_year(months, own).jenis[0].quarters[0].status == "met"
    older = budget_year(months, Settings(year=2023))  # before 2024: one flat 15/40/60/90 line
    assert older.jenis[0].targets == (15.0, 40.0, 60.0, 90.0)


def test_jenis_without_a_target_is_drawn_but_not_judged() -> None:
    sipd = month(6, 100, 50, {"Belanja Operasi": (100, 50)})
    year = budget_year([sipd], SETTINGS)
    assert year.jenis[0].targets is None and year.jenis[0].quarters == ()
    assert year.total.targets is None and year.total.quarters == ()


def test_pace_for_the_roll_up() -> None:
    pace = pace_vs_ikpa([month(3, 100, 20), month(5, 100, 30)], SETTINGS)
    expected_target = target_pace((15, 50, 70, 90), 5)  # barang between TW I (15) and TW II (50)
    assert expected_target == pytest.approx(15 + 35 * 2 / 3)
    assert pace.latest_month == 5 and pace.absorption_pct == 30
    assert pace.target_pct == pytest.approx(expected_target)
    assert pace.gap_pts == pytest.approx(30 - expected_target)
    assert (pace.quarters_met, pace.quarters_judged, pace.months_stored) == (1, 1, 2)
    empty = pace_vs_ikpa([], SETTINGS)
    assert empty.latest_month is None and empty.gap_pts is None and empty.months_stored == 0


def test_a_month_twice_is_refused() -> None:
    with pytest.raises(ValueError):
        budget_year([month(3, 100, 10), month(3, 100, 20)], SETTINGS)


# --- the RPD deviation ----------------------------------------------------------------------------


def plan_of(per_month: dict[str, list[float]]) -> pd.DataFrame:
    return pd.DataFrame(per_month, index=range(1, 13))


def test_deviation_per_month_when_every_month_is_stored() -> None:
    plan = plan_of({"52": [10.0] * 12})
    stored = [month(1, 120, 12), month(2, 120, 20), month(3, 120, 30)]  # spent 12, 8, 10 in the months
    result = plan_deviation(stored, plan)
    assert [s.deviation_pct for s in result.spans] == pytest.approx([20.0, 20.0, 0.0])
    assert [s.label for s in result.spans] == ["Januari", "Februari", "Maret"]
    assert result.mean_pct == pytest.approx(40 / 3)
    assert result.plan_total == 120 and result.planned_cumulative[2] == 30
    assert result.full_marks is False


def test_months_between_stored_months_are_taken_together_and_weighted_by_length() -> None:
    plan = plan_of({"52": [10.0] * 12})
    result = plan_deviation([month(3, 120, 36), month(4, 120, 41)], plan)
    first, second = result.spans
    assert (first.first_month, first.last_month, first.planned, first.realized) == (1, 3, 30, 36)
    assert first.deviation_pct == pytest.approx(20.0) and first.label == "Jan–Mar"
    assert second.deviation_pct == pytest.approx(50.0)
    assert result.mean_pct == pytest.approx((20 * 3 + 50 * 1) / 4)


def test_deviation_is_weighted_by_pagu_and_capped() -> None:
    plan = plan_of({"51": [10.0] * 12, "53": [0.0] * 12})
    spent = month(1, 400, 111, {"51": (300, 11), "53": (100, 100)})  # 53 spent with no plan: 100
    (span,) = plan_deviation([spent], plan).spans
    assert span.by_jenis["51"][2] == pytest.approx(10.0)
    assert span.by_jenis["53"][2] == 100.0
    assert span.deviation_pct == pytest.approx((10 * 300 + 100 * 100) / 400)
    over = plan_deviation([month(1, 100, 500, {"52": (100, 500)})], plan_of({"52": [10.0] * 12}))
    assert over.spans[0].deviation_pct == 100.0  # 4900% is shown as the cap


def test_the_year_carries_its_plan() -> None:
    year = budget_year([month(1, 120, 12)], SETTINGS, plan_of({"52": [10.0] * 12}))
    assert year.plan is not None and year.plan.mean_pct == pytest.approx(20.0)
    assert budget_year_dict(year)["plan_deviation"]["spans"][0]["deviation_pct"] == 20.0
