"""Kinerja: indicators per sasaran, target vs realisasi vs capaian, with the category colour."""

import streamlit as st

from lakip_core.analysis.indicators import office
from lakip_core.presentation.charts import category_chart, indicators_chart, objectives_chart
from lakip_core.presentation.format import format_percent
from lakip_core.presentation.tables import document_table, filter_indicators, indicator_table, objective_table
from lakip_core.schema import IndicatorCol, ObjectiveCol
from ui.common import chart_style, inert, meeting, page_header, show_chart, table_with_download

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
feeding = report.office.documents
rule = (
    "yang dihitung baris kelompok bila punya angka sendiri"
    if report.settings.group_counting == "group"
    else "yang dihitung sub-butirnya"
)
st.caption(
    f"Capaian kantor dihitung dari {inert(', '.join(feeding) or '-')} (tabel pengukuran, dokumen yang diutamakan); "
    f"kelompok dan sub-butirnya dihitung sekali ({rule}). Dokumen lain ditampilkan terpisah dan dibandingkan: "
    "angka yang berbeda tercantum di Pemeriksaan."
)
if not meeting() and len(report.documents) > 1:
    with st.expander("Indikator per dokumen"):
        st.dataframe(document_table(report.documents), hide_index=True, key="tabel-dokumen")
categories = None
if not meeting():
    labels = [*scale.labels, scale.no_data]
    categories = st.multiselect("Tampilkan kategori", labels, default=labels)
documents = list(dict.fromkeys(frame[IndicatorCol.DOCUMENT]))

for document, tab in zip(documents, st.tabs(documents), strict=True):
    with tab:
        rows = filter_indicators(frame, [document], None, categories)
        objectives = report.objectives[report.objectives[ObjectiveCol.DOCUMENT] == document]
        if not rows[IndicatorCol.HAS_DATA].astype(bool).any():
            st.info(
                f"{document}: {len(rows)} indikator dengan target, belum ada realisasi yang diukur. "
                "Indikator ini tidak dihitung dalam capaian kantor."
            )
            table = indicator_table(rows)[["Sasaran", "Indikator", "Target", "Realisasi"]]
            st.dataframe(table, hide_index=True, key=f"pk-{document}")
            continue
        # The mean and category of the indicators shown, groups counted once (any document).
        shown = office(rows.assign(**{IndicatorCol.IN_OFFICE_MEAN: True}), report.settings)
        apart = "" if document in feeding else " — ditampilkan terpisah, tidak ikut capaian kantor"
        show_chart(
            objectives_chart(
                objectives,
                shown.mean_pct,
                shown.category,
                style,
                title=f"{document}: capaian rata-rata {format_percent(shown.mean_pct)} ({shown.category}){apart}",
            ),
            f"sasaran-{document}",
        )
        if not meeting():
            # Counted as in the means: a group once (its sub-items are detail, not more indicators).
            counted = rows[rows[IndicatorCol.COUNTED].astype(bool)] if IndicatorCol.COUNTED in rows else rows
            show_chart(category_chart(counted, scale, style), f"kategori-{document}")
        names = list(dict.fromkeys(rows[IndicatorCol.OBJECTIVE]))
        if meeting():
            names = [st.selectbox("Sasaran", names, key=f"sasaran-{document}")]
        for position, name in enumerate(names):  # position in the key: two sasaran may share a name
            group = rows[rows[IndicatorCol.OBJECTIVE] == name]
            summary = objectives[objectives[ObjectiveCol.OBJECTIVE] == name].iloc[0]
            code = f"{summary[ObjectiveCol.OBJECTIVE_CODE]} · " if summary[ObjectiveCol.OBJECTIVE_CODE] else ""
            heading = f"{code}{format_percent(summary[ObjectiveCol.MEAN_PCT])} ({summary[ObjectiveCol.CATEGORY]})"
            chart = indicators_chart(group, style, title=f"Capaian rata-rata {heading}")
            if meeting():
                st.subheader(inert(name))
                show_chart(chart, f"ind-{document}-{position}-{name[:40]}")
            else:
                with st.expander(f"{name} — {heading}"):
                    show_chart(chart, f"ind-{document}-{position}-{name[:40]}")

if not meeting():
    st.subheader("Tabel indikator")
    table = indicator_table(filter_indicators(frame, None, None, categories))
    table_with_download(table, "tabel-indikator", f"capaian-indikator-{report.settings.year}.csv")
    with st.expander("Ringkasan per sasaran"):
        st.dataframe(objective_table(report.objectives), hide_index=True, key="tabel-sasaran")
