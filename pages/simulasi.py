"""Simulasi: what-if on targets, realisasi and pagu; the answer first, the editors below; named scenarios."""

import streamlit as st

from lakip_core.analysis import whatif
from lakip_core.presentation import scenario_editor as editor
from lakip_core.presentation.format import format_percent, format_rupiah
from lakip_core.presentation.tables import (
    budget_simulation_table,
    simulation_indicator_table,
    simulation_objective_table,
)
from ui import simulasi_state as state
from ui import simulasi_view as view
from ui.common import display, inert, meeting, page_header

report = page_header(
    "Simulasi",
    "Ubah target atau realisasi indikator dan pagu atau realisasi anggaran di bawah; jawabannya (capaian kantor "
    "tersimpan → simulasi dan grafik per sasaran) tampil di atas. Data tersimpan tidak pernah berubah.",
)
frame, lines, settings = report.indicator_frame, report.budget_lines, report.settings
if frame.empty:
    st.info("Belum ada data indikator kinerja untuk disimulasikan. Unggah tabel capaian kinerja terlebih dahulu.")
    st.stop()

if meeting():
    if state.current() != state.seed():
        state.start_from(state.current())  # the desk editors reopen with what was typed before mode rapat
    state.show_message()
    scenario = state.current()
    choices = state.all_scenarios(report.satker, settings.year)
    if choices:
        names = [whatif.BASELINE_LABEL, *choices]
        chosen = st.selectbox(
            "Skenario",
            names,
            index=names.index(scenario.name) if scenario.name in names else 0,
            format_func=lambda n: display(n, 120),
        )
        scenario = choices.get(chosen, whatif.Scenario())
    sim = whatif.simulate(frame, scenario, settings)
    budget_sim = whatif.simulate_budget(lines, scenario) if len(lines) else None
    view.answer(sim, budget_sim)
    view.sasaran_chart(sim, frame)
    st.stop()

state.show_message(state.TOP)
answer = st.container()  # filled once the editors below have been read: the answer comes first
# Keyed, stateful tabs: a rerun (Enter in the name box, a save) keeps the user on their tab.
tab_ind, tab_ask, tab_budget, tab_saved = st.tabs(state.TABS, key=state.TAB, on_change="rerun")
with tab_ind:
    with st.expander("Ubah massal dengan aturan (misalnya setiap target 100% menjadi 90%)"):
        cols = st.columns([1.2, 1, 1, 1.3])
        cols[0].selectbox("Kolom", ["Target", "Realisasi"], key=state.RULE_COLUMN)
        cols[1].text_input("Jika nilainya", "100", key=state.RULE_FROM)
        cols[2].text_input("menjadi", "90", key=state.RULE_TO)
        cols[3].checkbox("Hanya nilai persen (%)", True, key=state.RULE_PERCENT)
        st.button("Terapkan aturan", on_click=state.apply_rule, args=(frame,))
    state.show_message(state.RULE)
    st.caption(
        "Klik dua kali pada sel Target atau Realisasi untuk mengubahnya (contoh: 90%, 12 Lap, WTP, 80-90%). "
        "Kosongkan realisasi untuk 'belum ada data'."
    )
    edited = st.data_editor(
        editor.indicator_editor_table(frame, state.seed()),
        key=state.editor_key("indikator"),
        column_config={
            editor.COL_KEY: None,
            editor.COL_OBJECTIVE: st.column_config.TextColumn(width="medium"),
            editor.COL_INDICATOR: st.column_config.TextColumn(width="large", pinned=True),
            editor.COL_TARGET: st.column_config.TextColumn(help="Target simulasi"),
            editor.COL_ACTUAL: st.column_config.TextColumn(help="Realisasi simulasi"),
        },
        disabled=[editor.COL_DOCUMENT, editor.COL_OBJECTIVE, editor.COL_INDICATOR, editor.COL_UNIT],
        hide_index=True,
        num_rows="fixed",
        height=420,
    )
    indicator_edits = editor.indicator_edits_from_table(frame, edited)
with tab_budget:
    budget_edits: dict[str, whatif.BudgetEdit] = {}
    if len(lines):
        st.caption("Ubah pagu atau realisasi per kegiatan (contoh: 1.500.000 atau Rp 2.000.000,-).")
        edited_budget = st.data_editor(
            editor.budget_editor_table(lines, state.seed()),
            key=state.editor_key("anggaran"),
            column_config={editor.COL_ACTIVITY: st.column_config.TextColumn(width="large")},
            disabled=[editor.COL_CODE, editor.COL_ACTIVITY],
            hide_index=True,
            num_rows="fixed",
        )
        budget_edits, budget_problems = editor.budget_edits_from_table(lines, edited_budget)
        for problem in budget_problems:
            st.warning(inert(problem, 1000))
scenario = whatif.Scenario(st.session_state.get(state.NAME) or "Simulasi", indicator_edits, budget_edits)
st.session_state[state.CURRENT] = scenario
sim = whatif.simulate(frame, scenario, settings)
budget_sim = whatif.simulate_budget(lines, scenario) if len(lines) else None

with answer:
    view.answer(sim, budget_sim)
    view.sasaran_chart(sim, frame)

with tab_ind:
    st.button("↺ Kembali ke data tersimpan", on_click=state.reset, disabled=state.current().is_empty)
    if not sim.changed.empty:
        st.subheader("Indikator yang berubah")
        st.dataframe(simulation_indicator_table(sim.changed), hide_index=True, key="simulasi-tabel-indikator")
    measured = sim.objectives[sim.objectives["mean_base"].notna() | sim.objectives["mean"].notna()]
    st.subheader("Per sasaran: tersimpan dan simulasi")
    st.dataframe(
        simulation_objective_table(measured),
        hide_index=True,
        key="simulasi-tabel-sasaran",
        column_config={"Sasaran": st.column_config.TextColumn(width="medium")},
    )
    if len(measured) < len(sim.objectives):
        st.caption(
            f"{len(sim.objectives) - len(measured)} sasaran lain belum memiliki realisasi (juga dalam simulasi)."
        )

with tab_ask:
    view.questions(sim, settings)

with tab_budget:
    if budget_sim is None:
        st.info("Belum ada data anggaran untuk disimulasikan.")
    else:
        totals = budget_sim.scenario
        st.markdown(
            f"Simulasi: realisasi **{format_rupiah(totals.realized)}** dari pagu "
            f"**{format_rupiah(totals.allocation)}**, penyerapan **{format_percent(totals.absorption_pct)}**, "
            f"sisa **{format_rupiah(totals.remaining)}** "
            f"(tersimpan {format_percent(budget_sim.baseline.absorption_pct)})."
        )
        st.dataframe(
            budget_simulation_table(budget_sim.lines),
            hide_index=True,
            key="simulasi-tabel-anggaran",
            column_config={"Kegiatan": st.column_config.TextColumn(width="medium")},
        )

with tab_saved:
    view.scenarios(report.satker, frame, lines, settings)
