"""Parts of the Simulasi page: the answer (stored → simulated), the question tab, the scenario tab.

Not a page: ``pages/simulasi.py`` lays them out. State and callbacks are in :mod:`ui.simulasi_state`.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lakip_core.analysis import whatif
from lakip_core.presentation.charts import scenario_chart
from lakip_core.presentation.export import scenario_tables
from lakip_core.presentation.export_xlsx import XLSX_MIME, to_xlsx
from lakip_core.presentation.format import format_percent, format_points, format_rupiah
from lakip_core.presentation.tables import influence_table, required_table, scenario_figures_table
from lakip_core.rules.settings import Settings
from ui import simulasi_state as state
from ui.access import local_time, may
from ui.common import chart_style, display, inert, meeting, show_chart
from ui.uploads import indonesian_uploader

OFFICE_LABEL = "Capaian kantor"


def change(before: str, after: str) -> str:
    """``57,89% → 64,32%``, or the one value when nothing changed."""
    return after if before == after else f"{before} → {after}"


def answer(sim: whatif.Simulation, budget_sim: whatif.BudgetSimulation | None) -> None:
    """The headline figures, stored → simulated, in the order a planner asks for them."""
    base, after = sim.baseline, sim.scenario
    cols = [*st.columns(2), *st.columns(2)] if meeting() else st.columns([1.4, 1.2, 1, 1.1])
    moved = base.mean_pct != after.mean_pct
    cols[0].metric(
        OFFICE_LABEL,
        change(format_percent(base.mean_pct), format_percent(after.mean_pct)),
        delta=f"{format_points(after.mean_pct - base.mean_pct)} poin" if moved else None,  # type: ignore[operator]
        help="Data tersimpan → simulasi: rata-rata capaian indikator yang memiliki realisasi.",
    )
    cols[1].metric("Kategori", inert(change(base.category, after.category)))
    cols[2].metric("Tercapai (≥ 100%)", f"{change(str(base.met), str(after.met))} dari {after.with_data}")
    if budget_sim is not None:
        stored, totals = budget_sim.baseline, budget_sim.scenario
        cols[3].metric(
            "Penyerapan anggaran",
            change(format_percent(stored.absorption_pct), format_percent(totals.absorption_pct)),
            help=f"Simulasi: realisasi {format_rupiah(totals.realized)} dari pagu {format_rupiah(totals.allocation)}; "
            f"sisa {format_rupiah(totals.remaining)}.",
        )
    changed = int(sim.indicators["changed"].sum())
    changed_lines = int(budget_sim.lines["changed"].sum()) if budget_sim is not None else 0
    if changed or changed_lines:
        st.caption(f"Simulasi: {changed} indikator dan {changed_lines} kegiatan diubah dari data tersimpan.")
    for problem in sim.problems:
        st.warning(inert(problem, 1000))


def sasaran_chart(sim: whatif.Simulation, frame: pd.DataFrame) -> None:
    """The office figure before → after and, per sasaran of the counted document, stored beside simulated."""
    base, after = sim.baseline, sim.scenario
    objectives = whatif.office_objectives(sim, frame)
    figure = scenario_chart(objectives, base.mean_pct, after.mean_pct, base.category, after.category, chart_style())
    show_chart(figure, "simulasi-sasaran")


def questions(sim: whatif.Simulation, settings: Settings) -> None:
    """What realisasi reaches a category; which indicators lift the office figure most."""
    upper = list(settings.scale.labels[:-1])
    category = st.selectbox(
        "Realisasi minimal untuk mencapai kategori", upper, key="simulasi-kategori", format_func=display
    )
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


def _save_controls(satker: str, year: int) -> None:
    may_store = may("save_scenario")
    cols = st.columns([3, 1, 1] if may_store else [3, 1], vertical_alignment="bottom")
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
            args=(satker, year),
            use_container_width=True,
            help="Simpan untuk semua pengguna data ini; nama yang sama menggantikan skenario itu. "
            "Data tersimpan tidak berubah.",
        )
    else:
        st.caption(
            "Menyimpan skenario ke basis data hanya untuk pengunggah atau admin; skenario di basis data tetap dapat "
            "dibuka dan dibandingkan."
        )
    state.show_message(state.SCENARIOS)  # the confirmation stands under the button that was pressed


def scenarios(satker: str, frame: pd.DataFrame, lines: pd.DataFrame, settings: Settings) -> None:
    """Name and save the scenario; open, delete, compare and download saved ones; open a JSON file."""
    year = settings.year
    _save_controls(satker, year)
    saved = state.saved()
    if saved:
        cols = st.columns([3, 1, 1], vertical_alignment="bottom")
        cols[0].selectbox(
            "Skenario tersimpan (sesi ini)", list(saved), key=state.CHOSEN, format_func=lambda n: display(n, 120)
        )
        cols[1].button("Buka", on_click=state.open_chosen, use_container_width=True)
        cols[2].button("Hapus", on_click=state.delete_chosen, use_container_width=True)
    kept = {item.id: item for item in state.stored(satker, year)}
    if kept:
        if st.session_state.get(state.STORED_CHOSEN) not in kept:
            st.session_state.pop(state.STORED_CHOSEN, None)
        may_store = may("save_scenario")
        cols = st.columns([3, 1, 1] if may_store else [3, 1], vertical_alignment="bottom")
        cols[0].selectbox(
            f"Skenario di basis data ({inert(satker, 80)} {year})",
            list(kept),
            key=state.STORED_CHOSEN,
            format_func=lambda i: (
                f"{display(kept[i].name, 120)} · {display(kept[i].created_by, 60)} · {local_time(kept[i].created_at)}"
            ),
        )
        cols[1].button("Buka dari basis data", on_click=state.open_stored, use_container_width=True)
        if may_store:
            cols[2].button("Hapus dari basis data", on_click=state.delete_stored, use_container_width=True)
    compared = state.all_scenarios(satker, year)
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
            file_name=f"perbandingan-skenario-{year}.xlsx",
            mime=XLSX_MIME,
            use_container_width=True,
        )
        cols[1].download_button(
            "Unduh skenario (JSON)",
            whatif.scenarios_to_json(list(for_file.values()), year, satker).encode("utf-8"),
            file_name=f"skenario-simulasi-{year}.json",
            mime="application/json",
            use_container_width=True,
            help="Simpan berkas ini untuk membuka skenario lagi nanti (tombol di bawah).",
        )
        st.caption("Skenario tersimpan juga dapat disertakan dalam dokumen Word di halaman Ekspor.")
    else:
        st.caption("Belum ada skenario yang disimpan.")
    # No type=: the uploader's own refusal is English; state.load_upload checks the extension.
    key = state.upload_key()
    st.file_uploader("Buka berkas skenario (JSON)", key=key, on_change=state.load_upload, args=(key,))
    indonesian_uploader(key, "JSON")
