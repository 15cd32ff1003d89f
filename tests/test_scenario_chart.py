"""The Simulasi chart's legend tells the truth: every colour on the bars is named in the legend."""

from __future__ import annotations

from pathlib import Path

from lakip_core import load_report
from lakip_core.analysis import whatif
from lakip_core.presentation.charts import CATEGORY_COLORS, scenario_chart

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"


def test_each_colour_of_the_simulated_bars_has_its_category_in_the_legend() -> None:
    report = load_report([SAMPLE / "indikator_kinerja_2024.xlsx"])
    scenario, _ = whatif.bulk_replace(report.indicator_frame, whatif.Scenario("Target 90%"))
    sim = whatif.simulate(report.indicator_frame, scenario, report.settings)
    fig = scenario_chart(sim.objectives, 57.89, 64.32, "Rendah", "Rendah")
    stored, *simulated = fig.data
    assert (stored.name, stored.marker.color, stored.showlegend) == ("Data tersimpan", "#c7c7c7", None)
    measured = sim.objectives[sim.objectives["mean"].notna()]
    categories = [c for c in CATEGORY_COLORS if c in set(measured["category"])]
    assert [t.name for t in simulated] == [f"Simulasi: {c}" for c in categories]
    for trace in simulated:
        category = trace.name.removeprefix("Simulasi: ")
        assert trace.marker.color == CATEGORY_COLORS[category]  # one colour per trace: the legend swatch is right
        assert trace.offsetgroup == "simulasi"  # all simulated bars share one slot beside the stored bar
        expected = measured[measured["category"] == category]
        assert sorted(trace.x) == sorted(expected["mean"])
    # Every sasaran has exactly one simulated bar.
    assert sorted(y for t in simulated for y in t.y) == sorted(stored.y)
