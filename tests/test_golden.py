"""The golden figures (tests/golden.py) are what the core computes from sample_data/ now.

If a rule change moves a sample figure, this is the test that says which, and golden.py is the
one place to change it; every other test reads the figure from there.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import fields, replace

import pytest

from lakip_core.analysis import whatif as w
from lakip_core.analysis.report import Report
from lakip_core.presentation.format import format_percent, format_rupiah, format_rupiah_short
from tests import golden
from tests.golden import Figure


@pytest.fixture(scope="module")
def report(sample_report: Report) -> Report:
    return sample_report


def figures() -> dict[str, Figure]:
    return {name: value for name, value in vars(golden).items() if isinstance(value, Figure)}


@pytest.mark.parametrize("name", sorted(figures()))
def test_each_text_is_its_number_written_the_indonesian_way(name: str) -> None:
    figure = figures()[name]
    if figure.text.startswith("Rp "):
        assert format_rupiah(figure.value) == figure.text
    elif figure.text.endswith("%") and "," not in figure.text:
        assert format_percent(figure.value, 0) == figure.text
    else:
        assert format_percent(figure.value) == figure.text
    assert [f.name for f in fields(figure)] == ["value", "text"]


def test_indicator_figures(report: Report) -> None:
    office = report.office
    assert (office.count, office.with_data, office.met, office.not_met) == (
        golden.INDICATORS,
        golden.WITH_DATA,
        golden.MET,
        golden.NOT_MET,
    )
    assert office.count - office.with_data == golden.WITHOUT_DATA
    assert len(report.indicator_frame) == golden.LINES
    assert office.mean_pct == pytest.approx(golden.OFFICE_MEAN.value, abs=1e-6)
    assert office.mean_of_objectives_pct == pytest.approx(golden.OFFICE_MEAN_OF_OBJECTIVES.value, abs=1e-6)
    assert office.category == golden.OFFICE_CATEGORY
    items = report.with_settings(replace(report.settings, group_counting="items")).office
    assert round(items.mean_pct, 2) == golden.OFFICE_MEAN_ITEMS.value
    assert (items.count, items.met) == (golden.INDICATORS_ITEMS, golden.MET_ITEMS)
    objectives = report.objectives
    assert len(objectives) == golden.OBJECTIVES
    assert int((objectives["with_data"] > 0).sum()) == golden.OBJECTIVES_WITH_DATA
    first = objectives.iloc[0]
    assert first["indicators"] == golden.FIRST_OBJECTIVE_INDICATORS
    assert first["mean_achievement_pct"] == pytest.approx(golden.FIRST_OBJECTIVE_MEAN.value, abs=1e-6)


def test_budget_figures(report: Report) -> None:
    totals = report.budget_totals
    assert totals is not None
    assert (totals.allocation, totals.realized, totals.remaining) == (
        golden.ALLOCATION.value,
        golden.REALIZED.value,
        golden.REMAINING.value,
    )
    assert totals.absorption_pct == pytest.approx(golden.ABSORPTION.value, abs=1e-6)
    assert format_rupiah_short(totals.remaining) == golden.REMAINING_SHORT
    lines = report.budget_lines
    assert tuple(lines["code"]) == golden.KEGIATAN
    assert round(lines.iloc[0]["absorption_pct"], 2) == golden.FIRST_LINE_ABSORPTION.value
    assert (lines.iloc[1]["code"], lines.iloc[1]["allocation"], lines.iloc[1]["realized"]) == (
        "3356",
        golden.PAGU_3356.value,
        0,
    )
    messages = " ".join(f.message for f in report.findings if f.code == "TOTAL_MISMATCH")
    assert golden.STATED_ALLOCATION.text in messages and golden.STATED_REALIZED.text in messages


def test_asset_and_staff_figures(report: Report) -> None:
    assets = report.asset_summary
    assert assets is not None
    assert (assets.units, assets.by_condition, assets.past_useful_life) == (
        golden.ASSET_UNITS,
        golden.ASSETS_BY_CONDITION,
        golden.ASSETS_PAST_USEFUL_LIFE,
    )
    assert assets.good_pct == pytest.approx(golden.ASSETS_GOOD.value, abs=1e-6)
    people = report.staff_summary
    assert people is not None
    assert (people.count, people.by_role, people.by_gender, people.by_education) == (
        golden.STAFF,
        golden.STAFF_BY_ROLE,
        golden.STAFF_BY_GENDER,
        golden.STAFF_BY_EDUCATION,
    )
    assert people.female_pct == pytest.approx(golden.FEMALE.value, abs=1e-6)
    assert people.secretariat == golden.SECRETARIAT
    assert people.female_commissioner_pct == golden.FEMALE_COMMISSIONERS.value


def test_findings(report: Report) -> None:
    assert len(report.findings) == golden.FINDINGS
    severities = Counter(f.severity for f in report.findings)
    assert {s: severities.get(s, 0) for s in golden.FINDINGS_BY_SEVERITY} == golden.FINDINGS_BY_SEVERITY
    assert Counter(f.code for f in report.findings) == golden.FINDING_CODES


def test_scenario_figures(report: Report) -> None:
    frame, lines, settings = report.indicator_frame, report.budget_lines, report.settings
    lowered, count = w.bulk_replace(frame, w.Scenario("Target 90%"))
    assert count == golden.TARGETS_90_CHANGED
    tunjangan = w.Scenario("Tunjangan", {golden.TUNJANGAN_ANAK_KEY: w.IndicatorEdit(actual_text="100%")})
    spend = w.Scenario("Serap 3356", budget={"3356": w.BudgetEdit(realized=golden.SPEND_3356)})
    rows = {row.name: row for row in w.figures(frame, lines, [lowered, tunjangan, spend], settings)}
    assert rows["Target 90%"].office.mean_pct == pytest.approx(golden.TARGETS_90_MEAN.value, abs=1e-6)
    assert rows["Target 90%"].office.met == golden.TARGETS_90_MET
    assert rows["Tunjangan"].office.mean_pct == pytest.approx(golden.TUNJANGAN_ANAK_MEAN.value, abs=1e-6)
    assert rows["Tunjangan"].office.met == golden.TUNJANGAN_ANAK_MET
    assert rows["Serap 3356"].budget.absorption_pct == pytest.approx(golden.SPEND_3356_ABSORPTION.value, abs=1e-6)
    first = w.simulate(frame, tunjangan, settings).objectives.iloc[0]["mean"]
    assert first == pytest.approx(golden.TUNJANGAN_ANAK_FIRST_OBJECTIVE.value, abs=1e-6)
    for scenario, delta in ((golden.TARGETS_90_MEAN, golden.TARGETS_90_DELTA),
                            (golden.TUNJANGAN_ANAK_MEAN, golden.TUNJANGAN_ANAK_DELTA)):  # fmt: skip
        points = round(scenario.value - golden.OFFICE_MEAN.value, 2)
        assert delta == f"+{points:.2f}".replace(".", ",") + " poin"
