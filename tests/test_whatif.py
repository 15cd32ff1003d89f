"""What-if core: scenarios recompute indicator, sasaran and office figures; budget; JSON; questions."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lakip_core.analysis import indicators as ind
from lakip_core.analysis import whatif as w
from lakip_core.presentation import scenario_editor as editor
from lakip_core.rules.settings import Settings
from tests import golden

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"


@pytest.fixture(scope="module")
def report(sample_report):  # type: ignore[no-untyped-def]
    return sample_report


def frame(rows: list[tuple[str, str, str, str, str]], polarity: str = "positif") -> pd.DataFrame:
    """(document, objective, indicator, target, actual) rows, computed."""
    raw = pd.DataFrame(
        {
            "document": [r[0] for r in rows],
            "objective": [r[1] for r in rows],
            "objective_code": [""] * len(rows),
            "group": [""] * len(rows),
            "indicator": [r[2] for r in rows],
            "target_text": [r[3] for r in rows],
            "actual_text": [r[4] for r in rows],
            "unit_text": [""] * len(rows),
            "polarity": [polarity] * len(rows),
            "formula": ["standar"] * len(rows),
            "stated_pct": [None] * len(rows),
        }
    )
    return ind.compute(raw, Settings())


SMALL = [
    ("PK", "Sasaran A", "Laporan keuangan", "100%", "50%"),
    ("PK", "Sasaran A", "Gaji", "100%", "100%"),
    ("PK", "Sasaran B", "Dokumen rencana", "12 Lap", "6 Lap"),
    ("PK", "Sasaran B", "Opini BPK", "WTP", ""),
]


def test_empty_scenario_is_the_stored_figures(report) -> None:  # type: ignore[no-untyped-def]
    sim = w.simulate(report.indicator_frame, w.Scenario(), report.settings)
    assert sim.scenario == sim.baseline == report.office
    assert sim.changed.empty and not sim.problems
    stored = report.objectives["mean_achievement_pct"].to_numpy()
    assert sim.objectives["mean"].to_numpy() == pytest.approx(stored, nan_ok=True)


def test_bulk_rule_every_100_percent_target_becomes_90(report) -> None:  # type: ignore[no-untyped-def]
    before = report.indicator_frame.copy()
    scenario, count = w.bulk_replace(report.indicator_frame, w.Scenario("Target 90%"), "target", 100, 90)
    assert count == golden.TARGETS_90_CHANGED and len(scenario.indicators) == golden.TARGETS_90_CHANGED
    assert {e.target_text for e in scenario.indicators.values()} == {"90%"}
    sim = w.simulate(report.indicator_frame, scenario, report.settings)
    # 55,62% → 61,80%: every realisasi against a 10% lower target (and 11 more indicators ≥ 100%),
    # over the 36 lines of the office mean (issue 9: the group "Tersedianya Layanan Perkantoran" once).
    assert round(sim.baseline.mean_pct, 2) == golden.OFFICE_MEAN.rounded
    assert round(sim.scenario.mean_pct, 2) == golden.TARGETS_90_MEAN.rounded
    assert (sim.baseline.met, sim.scenario.met) == (golden.MET, golden.TARGETS_90_MET)
    gaji = sim.indicators[sim.indicators["label"] == "Pembayaran Gaji Pokok PNS"].iloc[0]
    assert round(gaji["pct"], 2) == round(99.61 / 90 * 100, 2) and gaji["category"] == "Sangat Tinggi"
    first = sim.objectives.iloc[0]
    assert (first["category_base"], first["category"]) == ("Tinggi", "Sangat Tinggi")
    pd.testing.assert_frame_equal(report.indicator_frame, before)  # the stored figures are untouched


def test_bulk_rule_leaves_other_units_alone() -> None:
    computed = frame([("PK", "A", "x", "100%", "90%"), ("PK", "A", "y", "100 Lap", "90 Lap")])
    scenario, count = w.bulk_replace(computed, w.Scenario())
    assert count == 1 and list(scenario.indicators) == ["PK › A › x"]
    scenario, count = w.bulk_replace(computed, w.Scenario(), percent_only=False, becomes=95)
    assert count == 2
    assert scenario.indicators["PK › A › y"].target_text == "95 Laporan"


def test_simulation_recomputes_three_levels() -> None:
    computed = frame(SMALL)
    scenario = w.Scenario(
        indicators={
            "PK › Sasaran A › Laporan keuangan": w.IndicatorEdit(actual_text="95%"),
            "PK › Sasaran B › Opini BPK": w.IndicatorEdit(actual_text="WDP"),
        }
    )
    sim = w.simulate(computed, scenario, Settings())
    assert list(sim.indicators["pct_base"].round(2).fillna(-1)) == [50.0, 100.0, 50.0, -1]
    assert list(sim.indicators["pct"]) == [95.0, 100.0, 50.0, 75.0]
    assert list(sim.indicators["changed"]) == [True, False, False, True]
    assert list(sim.objectives["mean"]) == [97.5, 62.5]
    assert list(sim.objectives["category"]) == ["Sangat Tinggi", "Rendah"]
    assert sim.baseline.mean_pct == pytest.approx(200 / 3) and sim.scenario.mean_pct == 80.0
    assert sim.scenario.with_data == 4 and sim.scenario.mean_of_objectives_pct == 80.0


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.one_of(st.none(), st.sampled_from(["90%", "100%", "50%", "0", "-", "abc", "12 Lap", "WTP"])),
            st.one_of(st.none(), st.sampled_from(["95%", "0", "", "110%", "6 Lap", "WDP", "x"])),
        ),
        max_size=6,
    )
)
def test_incremental_recompute_equals_the_core(edits: list[tuple[int, str | None, str | None]]) -> None:
    computed = frame(SMALL)
    keys = w.indicator_keys(computed)
    scenario = w.Scenario(indicators={keys[i]: w.IndicatorEdit(t, a) for i, t, a in edits})
    sim = w.simulate(computed, scenario, Settings())
    raw = computed.copy()
    for key, edit in scenario.indicators.items():  # the last edit of a row wins, as in the dict
        i = keys.index(key)
        if edit.target_text is not None:
            raw.loc[i, "target_text"] = edit.target_text
        if edit.actual_text is not None:
            raw.loc[i, "actual_text"] = edit.actual_text
    full = ind.compute(raw, Settings())
    assert sim.scenario == ind.office(full, Settings())
    expected = ind.objectives(full, Settings())["mean_achievement_pct"].to_numpy()
    assert sim.objectives["mean"].to_numpy() == pytest.approx(expected, nan_ok=True)
    assert list(sim.scenario_frame["category"]) == list(full["category"])


def test_unreadable_edits_are_explained_not_raised() -> None:
    computed = frame(SMALL)
    scenario = w.Scenario(
        indicators={
            "PK › Sasaran A › Gaji": w.IndicatorEdit(target_text="sembilan puluh"),
            "PK › Sasaran B › Opini BPK": w.IndicatorEdit(actual_text="12%"),
            "PK › Tidak ada › Hilang": w.IndicatorEdit(actual_text="1"),
        }
    )
    problems = w.simulate(computed, scenario, Settings()).problems
    assert problems == (
        "Perubahan untuk 'PK › Tidak ada › Hilang' tidak cocok dengan indikator mana pun dan diabaikan.",
        "Target 'sembilan puluh' pada 'Gaji' bukan angka, persentase, rentang atau predikat.",
        "Realisasi '12%' pada 'Opini BPK' tidak dapat dibandingkan dengan target 'WTP'.",
    )


def test_editor_table_round_trip() -> None:
    computed = frame(SMALL)
    table = editor.indicator_editor_table(computed)
    assert list(table.columns) == ["Kunci", "Indikator", "Target", "Realisasi", "Satuan", "Sasaran", "Dokumen"]
    assert editor.indicator_edits_from_table(computed, table) == {}
    table.loc[0, "Realisasi"] = " 95% "
    table.loc[1, "Target"] = "100%  "  # only spaces: not an edit
    table.loc[3, "Realisasi"] = "WTP"
    edits = editor.indicator_edits_from_table(computed, table)
    assert edits == {
        "PK › Sasaran A › Laporan keuangan": w.IndicatorEdit(actual_text="95%"),
        "PK › Sasaran B › Opini BPK": w.IndicatorEdit(actual_text="WTP"),
    }
    again = editor.indicator_editor_table(computed, w.Scenario(indicators=edits))
    assert list(again["Realisasi"]) == ["95%", "100%", "6 Lap", "WTP"]


def test_repeated_indicator_names_get_distinct_keys() -> None:
    computed = frame([("PK", "A", "x", "1", "1"), ("PK", "A", "x", "2", "1")])
    assert w.indicator_keys(computed) == ["PK › A › x", "PK › A › x #2"]


def test_required_realisasi_for_sangat_tinggi() -> None:
    computed = frame(
        [
            ("PK", "A", "persen", "100%", "80%"),
            ("PK", "A", "laporan", "12 Lap", "6 Lap"),
            ("PK", "A", "opini", "WTP", "WDP"),
            ("PK", "A", "rentang", "80-90%", "50%"),
            ("PK", "A", "sudah", "100%", "95%"),
            ("PK", "A", "belum diukur", "4 Dokumen", ""),
        ]
    )
    table = w.required_for(computed, "Sangat Tinggi", Settings())
    assert dict(zip(table["label"], table["required"], strict=True)) == {
        "persen": "91%",
        "laporan": "11 Laporan",  # 12 × 0,91 = 10,92 → a whole report more
        "opini": "WTP",  # score 4 × 0,91 = 3,64 → the lowest grade reaching it
        "rentang": "72,80%",  # below the range: against its lower bound 80
        "belum diukur": "4 Dokumen",
    }


def test_required_realisasi_negative_polarity() -> None:
    computed = frame([("PK", "A", "pengaduan", "10 Kasus", "14 Kasus")], polarity="negatif")
    table = w.required_for(computed, "Sangat Tinggi", Settings())
    # (2 − 0,91) × 10 = 10,9 cases at most → 10 (whole cases, rounded towards better).
    assert list(table["required"]) == ["10 Kasus"]


def test_influence_ranks_the_largest_gain_first() -> None:
    computed = frame(SMALL)
    table = w.influence(computed, Settings())
    # n = 3 with data, mean 66,67. Laporan keuangan 50 → 100: +50/3; Dokumen 50 → 100: +50/3;
    # Opini (no data) measured at 100: (100 − 66,67)/4. Gaji is already at 100: not listed.
    assert list(table["label"]) == ["Dokumen rencana", "Laporan keuangan", "Opini BPK"]
    assert list(table["gain_office_pts"].round(4)) == [16.6667, 16.6667, 8.3333]
    # Mean of sasaran means (A 75, B 50): Dokumen alone in B with data → +50/2; Laporan → +50/2/2.
    assert list(table["gain_objectives_pts"].round(4)) == [25.0, 12.5, 12.5]


def test_budget_what_if(report) -> None:  # type: ignore[no-untyped-def]
    lines = report.budget_lines
    table = editor.budget_editor_table(lines)
    assert list(table["Pagu (Rp)"])[:2] == ["2.469.940.000", "10.440.000"]
    table.loc[1, "Realisasi (Rp)"] = "Rp 10.440.000,-"
    table.loc[4, "Pagu (Rp)"] = "dua juta"
    table.loc[5, "Pagu (Rp)"] = "0"
    edits, problems = editor.budget_edits_from_table(lines, table)
    assert edits == {"3356": w.BudgetEdit(realized=10_440_000), "3363": w.BudgetEdit(allocation=0)}
    assert problems == ["Kegiatan 3361: pagu 'dua juta' bukan jumlah rupiah yang sah; nilai awal dipakai."]
    sim = w.simulate_budget(lines, w.Scenario(budget=edits))
    assert sim.baseline.allocation == golden.ALLOCATION.value and sim.baseline.realized == golden.REALIZED.value
    assert round(sim.baseline.absorption_pct, 2) == golden.ABSORPTION.rounded
    assert sim.scenario.realized == golden.REALIZED.value + golden.SPEND_3356
    assert sim.scenario.allocation == golden.ALLOCATION.value - 5_062_000
    row = sim.lines.set_index("key")
    assert row.loc["3356", "absorption_pct"] == 100.0 and row.loc["3356", "remaining"] == 0
    assert math.isnan(row.loc["3363", "absorption_pct"])  # pagu 0: no ratio
    assert list(sim.lines["changed"]) == [False, True, False, False, False, True, False]


def test_scenarios_json_round_trip_and_bad_files() -> None:
    scenario = w.Scenario(
        "Target 90%",
        {"PK › A › x": w.IndicatorEdit(target_text="90%"), "PK › A › y": w.IndicatorEdit(actual_text="=1+1")},
        {"3356": w.BudgetEdit(realized=5_000_000)},
        note="untuk rapat",
    )
    text = w.scenarios_to_json([scenario, w.Scenario("Kosong")], year=2024)
    assert w.scenarios_from_json(text.encode("utf-8")) == [scenario, w.Scenario("Kosong")]
    with pytest.raises(w.ScenarioError, match="bukan JSON yang sah"):
        w.scenarios_from_json(b"\x89PNG")
    with pytest.raises(w.ScenarioError, match="bukan berkas skenario"):
        w.scenarios_from_json('{"scenarios": []}')
    with pytest.raises(w.ScenarioError, match="tidak dapat dibaca"):
        w.scenarios_from_json('{"format": "dasbor-lakip-skenario", "scenarios": [{"name": "x", "budget": {"1": 5}}]}')


def test_figures_compare_named_scenarios(report) -> None:  # type: ignore[no-untyped-def]
    target90, _ = w.bulk_replace(report.indicator_frame, w.Scenario("Target 90%"))
    spend = w.Scenario("Serap 3356", budget={"3356": w.BudgetEdit(realized=golden.SPEND_3356)})
    rows = w.figures(report.indicator_frame, report.budget_lines, [target90, spend], report.settings)
    assert [r.name for r in rows] == ["Data tersimpan", "Target 90%", "Serap 3356"]
    office, lowered = golden.OFFICE_MEAN.rounded, golden.TARGETS_90_MEAN.rounded
    assert [round(r.office.mean_pct, 2) for r in rows] == [office, lowered, office]
    assert [r.changed_indicators for r in rows] == [0, golden.TARGETS_90_CHANGED, 0]
    absorption = golden.ABSORPTION.rounded
    assert [round(r.budget.absorption_pct, 2) for r in rows] == [
        absorption,
        absorption,
        golden.SPEND_3356_ABSORPTION.rounded,
    ]


def test_the_new_core_modules_never_import_streamlit() -> None:
    import subprocess
    import sys

    code = (
        "import sys, lakip_core.analysis.whatif, lakip_core.analysis.compare, lakip_core.presentation.export, "
        "lakip_core.presentation.scenario_editor, lakip_core.cli.export; "
        "print('streamlit' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
