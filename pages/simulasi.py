"""Simulasi: what-if on targets, realisasi and pagu; stored figures vs scenario; named scenarios."""

import streamlit as st

from lakip_core.analysis import whatif
from lakip_core.presentation import scenario_editor as editor
from lakip_core.presentation.charts import scenario_chart
from lakip_core.presentation.export import scenario_tables
from lakip_core.presentation.export_xlsx import XLSX_MIME, to_xlsx
from lakip_core.presentation.format import format_percent, format_points, format_rupiah
from lakip_core.presentation.tables import (
    budget_simulation_table,
    influence_table,
    required_table,
    scenario_figures_table,
    simulation_indicator_table,
    simulation_objective_table,
)
from ui import simulasi_state as state
from ui.access import local_time, may
from ui.common import chart_style, display, inert, meeting, page_header, show_chart

report = page_header(
    "Simulasi",
    "Ubah target atau realisasi indikator dan pagu atau realisasi anggaran, lalu lihat capaian per indikator, "
    "per sasaran dan kantor dihitung ulang. Data tersimpan tidak pernah berubah.",
)
frame, lines, settings = report.indicator_frame, report.budget_lines, report.settings
if frame.empty:
    st.info("Belum ada data indikator kinerja untuk disimulasikan. Unggah tabel capaian kinerja terlebih dahulu.")
    st.stop()

if meeting() and state.current() != state.seed():
    state.start_from(state.current())  # the desk editors reopen with what was typed before mode rapat
summary = st.container()
state.show_message()

if meeting():
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
else:
    tab_ind, tab_ask, tab_budget, tab_saved = st.tabs(
        ["🎯 Target & realisasi", "❓ Pertanyaan", "💰 Anggaran", "💾 Skenario"]
    )
    with tab_ind:
        with st.expander("Ubah massal dengan aturan (misalnya setiap target 100% menjadi 90%)"):
            cols = st.columns([1.2, 1, 1, 1.3])
            cols[0].selectbox("Kolom", ["Target", "Realisasi"], key=state.RULE_COLUMN)
            cols[1].text_input("Jika nilainya", "100", key=state.RULE_FROM)
            cols[2].text_input("menjadi", "90", key=state.RULE_TO)
            cols[3].checkbox("Hanya nilai persen (%)", True, key=state.RULE_PERCENT)
            st.button("Terapkan aturan", on_click=state.apply_rule, args=(frame,))
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

with summary:
    base, after = sim.baseline, sim.scenario
    cols = [*st.columns(2), *st.columns(2)] if meeting() else st.columns(4)
    cols[0].metric(
        "Capaian kantor (simulasi)",
        format_percent(after.mean_pct),
        delta=None if base == after else f"{format_points(after.mean_pct - base.mean_pct)} poin",  # type: ignore[operator]
        help=f"Data tersimpan: {format_percent(base.mean_pct)} ({inert(base.category)}).",
    )
    cols[1].metric(
        "Kategori",
        inert(after.category),
        delta=None if base.category == after.category else f"tersimpan: {inert(base.category)}",
        delta_color="off",
    )
    cols[2].metric("Tercapai (≥ 100%)", f"{after.met} dari {after.with_data}", help=f"Tersimpan: {base.met}.")
    if budget_sim is not None:
        totals = budget_sim.scenario
        cols[3].metric(
            "Penyerapan (simulasi)",
            format_percent(totals.absorption_pct),
            help=f"Realisasi {format_rupiah(totals.realized)} dari pagu {format_rupiah(totals.allocation)}; "
            f"sisa {format_rupiah(totals.remaining)}. Tersimpan: {format_percent(budget_sim.baseline.absorption_pct)}.",
        )
    changed = int(sim.indicators["changed"].sum())
    changed_lines = int(budget_sim.lines["changed"].sum()) if budget_sim is not None else 0
    if changed or changed_lines:
        st.caption(f"Simulasi: {changed} indikator dan {changed_lines} kegiatan diubah dari data tersimpan.")
    for problem in sim.problems:
        st.warning(inert(problem, 1000))

chart = scenario_chart(sim.objectives, base.mean_pct, after.mean_pct, base.category, after.category, chart_style())
if meeting():
    show_chart(chart, "simulasi-sasaran")
    st.stop()

with tab_ind:
    st.button("↺ Kembali ke data tersimpan", on_click=state.reset, disabled=state.current().is_empty)
    if not sim.changed.empty:
        st.subheader("Indikator yang berubah")
        st.dataframe(simulation_indicator_table(sim.changed), hide_index=True, key="simulasi-tabel-indikator")
    show_chart(chart, "simulasi-sasaran")
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
    upper = list(settings.scale.labels[:-1])
    category = st.selectbox("Realisasi minimal untuk mencapai kategori", upper, key="simulasi-kategori")
    required = whatif.required_for(sim.scenario_frame, category, settings)
    if required.empty:
        st.success(f"Semua indikator sudah berkategori {inert(category)} atau lebih tinggi.")
    else:
        st.caption(
            f"{len(required)} indikator di bawah {inert(category)} (batas "
            f"{format_percent(settings.scale.lower_bound(category), 0)}), dihitung terhadap target simulasi."
        )
        st.dataframe(required_table(required, category), hide_index=True, key="simulasi-tabel-syarat")
    st.subheader("Indikator yang paling mengangkat capaian kantor")
    st.caption(
        "Kenaikan rata-rata capaian kantor bila satu indikator saja mencapai 100% (indikator tanpa realisasi: "
        "bila diukur dan mencapai 100%)."
    )
    st.dataframe(influence_table(whatif.influence(sim.scenario_frame, settings).head(10)), hide_index=True)

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
    may_store = may("save_scenario")
    cols = st.columns([3, 1, 1] if may_store else [3, 1])
    cols[0].text_input("Nama skenario", key=state.NAME, placeholder="misalnya: Target 90%")
    cols[1].button(
        "💾 Simpan skenario",
        on_click=state.save_current,
        use_container_width=True,
        help="Simpan untuk sesi ini (unduh sebagai JSON untuk menyimpannya).",
    )
    if may_store:
        cols[2].button(
            "🗄 Simpan ke basis data",
            on_click=state.save_to_store,
            args=(report.satker, settings.year),
            use_container_width=True,
            help="Simpan untuk semua pengguna data ini; nama yang sama menggantikan skenario itu. "
            "Data tersimpan tidak berubah.",
        )
    else:
        st.caption(
            "Menyimpan skenario ke basis data hanya untuk pengunggah atau admin; skenario di basis data tetap dapat "
            "dibuka dan dibandingkan."
        )
    saved = state.saved()
    if saved:
        cols = st.columns([3, 1, 1])
        cols[0].selectbox(
            "Skenario tersimpan (sesi ini)", list(saved), key=state.CHOSEN, format_func=lambda n: display(n, 120)
        )
        cols[1].button("Buka", on_click=state.open_chosen, use_container_width=True)
        cols[2].button("Hapus", on_click=state.delete_chosen, use_container_width=True)
    kept = {item.id: item for item in state.stored(report.satker, settings.year)}
    if kept:
        if st.session_state.get(state.STORED_CHOSEN) not in kept:
            st.session_state.pop(state.STORED_CHOSEN, None)
        cols = st.columns([3, 1, 1] if may_store else [3, 1])
        cols[0].selectbox(
            f"Skenario di basis data ({inert(report.satker, 80)} {settings.year})",
            list(kept),
            key=state.STORED_CHOSEN,
            format_func=lambda i: (
                f"{display(kept[i].name, 120)} · {kept[i].created_by} · {local_time(kept[i].created_at)}"
            ),
        )
        cols[1].button("Buka dari basis data", on_click=state.open_stored, use_container_width=True)
        if may_store:
            cols[2].button("Hapus dari basis data", on_click=state.delete_stored, use_container_width=True)
    compared = state.all_scenarios(report.satker, settings.year)
    if compared:
        st.subheader("Perbandingan skenario")
        rows = whatif.figures(frame, lines, list(compared.values()), settings)
        st.dataframe(scenario_figures_table(rows, settings.scale.labels[0]), hide_index=True, key="simulasi-banding")
        # The file keeps the original names; a session scenario wins over a stored one of that name.
        for_file = {**{item.name: item.scenario for item in kept.values()}, **saved}
        cols = st.columns(2)
        cols[0].download_button(
            "Unduh perbandingan (Excel)",
            lambda: to_xlsx(scenario_tables(frame, lines, list(compared.values()), settings)),
            file_name=f"perbandingan-skenario-{settings.year}.xlsx",
            mime=XLSX_MIME,
            use_container_width=True,
        )
        cols[1].download_button(
            "Unduh skenario (JSON)",
            whatif.scenarios_to_json(list(for_file.values()), settings.year, report.satker).encode("utf-8"),
            file_name=f"skenario-simulasi-{settings.year}.json",
            mime="application/json",
            use_container_width=True,
            help="Simpan berkas ini untuk membuka skenario lagi nanti (tombol di bawah).",
        )
    else:
        st.caption("Belum ada skenario yang disimpan.")
    st.file_uploader("Buka berkas skenario (JSON)", type=["json"], key=state.UPLOAD, on_change=state.load_upload)
