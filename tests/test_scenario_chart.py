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
    assert [t.name for t in simulated] == categories  # the subtitle says coloured bars are the simulation
    assert "berwarna = simulasi" in fig.layout.title.text
    for trace in simulated:
        category = trace.name
        assert trace.marker.color == CATEGORY_COLORS[category]  # one colour per trace: the legend swatch is right
        assert trace.offsetgroup == "simulasi"  # all simulated bars share one slot beside the stored bar
        expected = measured[measured["category"] == category]
        assert sorted(trace.x) == sorted(expected["mean"])
    # Every sasaran has exactly one simulated bar.
    assert sorted(y for t in simulated for y in t.y) == sorted(stored.y)


def test_beside_the_office_figure_only_the_sasaran_of_the_counted_document() -> None:
    """The sample's other documents (Bab III B, Tabel 1.9, PK) repeat sasaran names with other
    figures: beside the office mean they would share a line with the counted ones (two bars on one
    label). The chart draws the counted document's sasaran, each once."""
    files = ("indikator_kinerja_2024.xlsx", "analisis_sasaran_2024.xlsx", "perencanaan_kinerja_2024.xlsx")
    report = load_report([SAMPLE / name for name in files])
    frame = report.indicator_frame
    sim = whatif.simulate(frame, whatif.Scenario(), report.settings)
    shown = whatif.office_objectives(sim, frame)
    counted = set(frame.loc[frame["in_office_mean"].astype(bool), "document"])
    assert set(shown["document"]) == counted and len(shown) < len(sim.objectives)
    fig = scenario_chart(shown, 55.0, 55.0, "Rendah", "Rendah")
    stored = fig.data[0]
    assert len(set(stored.y)) == len(stored.y)  # one line per sasaran
