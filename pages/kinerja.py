"""Kinerja: indicators per sasaran, target vs realisasi vs capaian, with the category colour."""

import streamlit as st

from lakip_core.analysis.indicators import office
from lakip_core.presentation.charts import category_chart, indicators_chart, objectives_chart
from lakip_core.presentation.format import format_percent
from lakip_core.presentation.tables import filter_indicators, indicator_table, objective_table
from lakip_core.schema import IndicatorCol, ObjectiveCol
from ui.common import chart_style, display, inert, meeting, page_header, show_chart, table_with_download

report = page_header(
    "Kinerja",
    "Capaian = realisasi ÷ target × 100 (polaritas negatif: (2T − R) ÷ T). Indikator tanpa realisasi "
    "ditampilkan abu-abu dan tidak dihitung sebagai nol.",
)
frame = report.indicator_frame
if frame.empty:
    st.info("Belum ada data indikator kinerja. Unggah tabel capaian kinerja untuk melihat halaman ini.")
    st.stop()

style = chart_style()
scale = report.settings.scale
categories = None
if not meeting():
    labels = [*scale.labels, scale.no_data]
    categories = st.multiselect("Tampilkan kategori", labels, default=labels)
documents = list(dict.fromkeys(frame[IndicatorCol.DOCUMENT]))

for document, tab in zip(documents, st.tabs([inert(d, 60) for d in documents]), strict=True):
    with tab:
        rows = filter_indicators(frame, [document], None, categories)
        objectives = report.objectives[report.objectives[ObjectiveCol.DOCUMENT] == document]
        if not rows[IndicatorCol.HAS_DATA].astype(bool).any():
            st.info(
                f"{inert(document, 80)}: {len(rows)} indikator dengan target, belum ada realisasi yang diukur. "
                "Indikator ini tidak dihitung dalam capaian kantor."
            )
            table = indicator_table(rows)[["Sasaran", "Indikator", "Target", "Realisasi"]]
            st.dataframe(table, hide_index=True, key=f"pk-{document}")
            continue
        shown = office(rows, report.settings)  # the mean and category of the indicators shown
        show_chart(
            objectives_chart(
                objectives,
                shown.mean_pct,
                shown.category,
                style,
                title=f"{display(document, 60)}: capaian rata-rata {format_percent(shown.mean_pct)} ({shown.category})",
            ),
            f"sasaran-{document}",
        )
        if not meeting():
            show_chart(category_chart(rows, scale, style), f"kategori-{document}")
        names = list(dict.fromkeys(rows[IndicatorCol.OBJECTIVE]))
        if meeting():
            names = [st.selectbox("Sasaran", names, key=f"sasaran-{document}", format_func=lambda n: display(n, 120))]
        for name in names:
            group = rows[rows[IndicatorCol.OBJECTIVE] == name]
            summary = objectives[objectives[ObjectiveCol.OBJECTIVE] == name].iloc[0]
            code = f"{summary[ObjectiveCol.OBJECTIVE_CODE]} · " if summary[ObjectiveCol.OBJECTIVE_CODE] else ""
            heading = f"{code}{format_percent(summary[ObjectiveCol.MEAN_PCT])} ({summary[ObjectiveCol.CATEGORY]})"
            chart = indicators_chart(group, style, title=f"Capaian rata-rata {heading}")
            if meeting():
                st.subheader(inert(name, 200))
                show_chart(chart, f"ind-{document}-{name[:40]}")
            else:
                with st.expander(f"{inert(name, 150)} — {inert(heading)}"):
                    show_chart(chart, f"ind-{document}-{name[:40]}")

if not meeting():
    st.subheader("Tabel indikator")
    table = indicator_table(filter_indicators(frame, None, None, categories))
    table_with_download(table, "tabel-indikator", f"capaian-indikator-{report.settings.year}.csv")
    with st.expander("Ringkasan per sasaran"):
        st.dataframe(objective_table(report.objectives), hide_index=True, key="tabel-sasaran")
