"""Kinerja: indicators per sasaran, target vs realisasi vs capaian, with the category colour."""

import streamlit as st

from lakip_core.charts import category_chart, indicators_chart, objectives_chart
from lakip_core.numbers import format_percent
from lakip_core.tables import filter_indicators, indicator_table, objective_table
from pages.common import chart_style, inert, meeting, page_header, show_chart

report = page_header(
    "Kinerja",
    "Capaian = realisasi ÷ target × 100 (polaritas negatif: (2T − R) ÷ T). Indikator tanpa realisasi "
    "ditampilkan abu-abu dan tidak dihitung sebagai nol.",
)
frame = report.indicator_frame
if frame.empty:
    st.info("Belum ada data indikator kinerja. Unggah tabel capaian kinerja untuk melihat halaman ini.")
    st.stop()

documents = list(dict.fromkeys(frame["document"]))
style = chart_style()
if meeting():
    chosen_docs = documents
    objective = st.selectbox("Sasaran", ["Semua sasaran", *dict.fromkeys(frame["objective"])])
    categories = None
else:
    left, middle, right = st.columns([2, 3, 2])
    chosen_docs = left.multiselect("Dokumen", documents, default=documents)
    objective = middle.selectbox("Sasaran", ["Semua sasaran", *dict.fromkeys(
        filter_indicators(frame, chosen_docs)["objective"])])
    labels = [*report.settings.scale.labels, report.settings.scale.no_data]
    categories = right.multiselect("Kategori", labels, default=labels)

selected = filter_indicators(frame, chosen_docs, None if objective == "Semua sasaran" else objective, categories)
objectives = report.objectives[report.objectives["document"].isin(chosen_docs)]

if objective == "Semua sasaran":
    show_chart(objectives_chart(objectives, report.office.mean_pct, report.office.category, style,
                                title=f"Capaian per sasaran — rata-rata kantor {format_percent(report.office.mean_pct)}"),
               "kinerja-sasaran")
    if not meeting():
        show_chart(category_chart(selected, report.settings.scale, style), "kinerja-kategori")

groups = [objective] if objective != "Semua sasaran" else list(dict.fromkeys(selected["objective"]))
for name in groups:
    rows = selected[selected["objective"] == name]
    if rows.empty:
        continue
    summary = objectives[objectives["objective"] == name].iloc[0]
    title = (f"{summary['objective_code'] + ' · ' if summary['objective_code'] else ''}"
             f"{format_percent(summary['mean_achievement_pct'])} ({summary['category']})")
    if meeting() or objective != "Semua sasaran":
        st.subheader(inert(name))
        show_chart(indicators_chart(rows, style, title=f"Capaian rata-rata {title}"), f"kinerja-{name[:40]}")
    else:
        with st.expander(f"{name} — {title}", expanded=False):
            show_chart(indicators_chart(rows, style, title=f"Capaian rata-rata {title}"), f"kinerja-{name[:40]}")

if not meeting():
    st.subheader("Tabel indikator")
    table = indicator_table(selected)
    st.dataframe(table, hide_index=True, key="tabel-indikator")
    st.download_button("Unduh tabel (CSV)", table.to_csv(index=False).encode("utf-8-sig"),
                       file_name=f"capaian-indikator-{report.settings.year}.csv", mime="text/csv")
    with st.expander("Ringkasan per sasaran"):
        st.dataframe(objective_table(objectives), hide_index=True, key="tabel-sasaran")
