"""Kinerja: indicators per sasaran, target vs realisasi vs capaian, with the category colour."""

import html
import textwrap
from functools import partial

import pandas as pd
import streamlit as st

from lakip_core.analysis.indicators import office
from lakip_core.presentation.charts import category_chart, indicators_chart, objectives_chart, rows_that_fit
from lakip_core.presentation.format import format_percent
from lakip_core.presentation.tables import document_table, filter_indicators, indicator_table, objective_table
from lakip_core.schema import IndicatorCol, ObjectiveCol
from ui.common import chart_style, display, inert, meeting, page_header, show_chart, table_with_download
from ui.meeting import Screen, empty, parts, show

report = page_header(
    "Kinerja",
    "Capaian = realisasi ÷ target × 100 (polaritas negatif: (2T − R) ÷ T). Indikator tanpa realisasi "
    "ditampilkan abu-abu dan tidak dihitung sebagai nol.",
)
frame = report.indicator_frame
if frame.empty:
    empty("Belum ada data indikator kinerja. Unggah tabel capaian kinerja untuk melihat halaman ini.")

style = chart_style()
scale = report.settings.scale
documents = list(dict.fromkeys(frame[IndicatorCol.DOCUMENT]))
measured_documents = set(frame.loc[frame[IndicatorCol.HAS_DATA].astype(bool), IndicatorCol.DOCUMENT])
feeding = report.office.documents  # the documents whose indicators make the office mean


def sasaran_heading(objectives: pd.DataFrame, name: str) -> str:
    summary = objectives[objectives[ObjectiveCol.OBJECTIVE] == name].iloc[0]
    code = f"{summary[ObjectiveCol.OBJECTIVE_CODE]} · " if summary[ObjectiveCol.OBJECTIVE_CODE] else ""
    return f"{code}{format_percent(summary[ObjectiveCol.MEAN_PCT])} ({summary[ObjectiveCol.CATEGORY]})"


def objectives_view(document: str, rows: pd.DataFrame, objectives: pd.DataFrame, part: str = "") -> None:
    # The mean and category of the indicators shown, groups counted once (any document).
    shown = office(rows.assign(**{IndicatorCol.IN_OFFICE_MEAN: True}), report.settings)
    apart = "" if document in feeding else " — ditampilkan terpisah, tidak ikut capaian kantor"
    title = (
        f"{display(document, 60)}: capaian rata-rata {format_percent(shown.mean_pct)} ({shown.category}){apart}{part}"
    )
    chart = objectives_chart(objectives, shown.mean_pct, shown.category, style, title=title)
    show_chart(chart, f"sasaran-{document}{part}")


def category_view(document: str, rows: pd.DataFrame) -> None:
    # Counted as in the means: a group once (its sub-items are detail, not more indicators).
    counted = rows[rows[IndicatorCol.COUNTED].astype(bool)]
    show_chart(category_chart(counted, scale, style), f"kategori-{document}")


def indicators_view(document: str, position: int, name: str, group: pd.DataFrame, title: str) -> None:
    # position in the key: two sasaran may share a name
    show_chart(indicators_chart(group, style, title=title), f"ind-{document}-{position}-{name[:40]}")


def unmeasured_view(notes: list[str]) -> None:
    st.subheader("Perjanjian Kinerja tanpa realisasi")
    for note in notes:
        st.html(f"<div class='rapat-baris'>{note}</div>")


def meeting_screens() -> list[Screen]:
    """Per document: its sasaran, the category spread, then the indicators of each sasaran that has
    more than one, every chart split so that it fits one screen; documents without realisasi share
    one closing screen."""
    screens, unmeasured = [], []
    for document in documents:
        rows = filter_indicators(frame, [document])
        objectives = report.objectives[report.objectives[ObjectiveCol.DOCUMENT] == document]
        if not rows[IndicatorCol.HAS_DATA].astype(bool).any():
            unmeasured.append(
                f"<b>{html.escape(document)}</b>: {len(rows)} indikator dengan target, belum ada realisasi."
            )
            continue
        if len(measured_documents) > 1:  # with one, this chart is Ringkasan's, the screen just before
            chunks = parts(objectives, rows_that_fit(style))
            for i, chunk in enumerate(chunks):
                part = f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else ""
                view = partial(objectives_view, document, rows, chunk, part)
                screens.append(Screen(f"{document}: per sasaran{part}", view))
        screens.append(Screen("Sebaran kategori", partial(category_view, document, rows)))
        names = list(dict.fromkeys(rows[IndicatorCol.OBJECTIVE]))
        for number, name in enumerate(names, start=1):
            group = rows[rows[IndicatorCol.OBJECTIVE] == name]
            if len(group) == 1:  # its one value is already on the sasaran chart: no screen for one bar
                continue
            chunks = parts(group, rows_that_fit(style, title_lines=2))
            for i, chunk in enumerate(chunks):
                part = f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else ""
                figure = f": {sasaran_heading(objectives, name)}{part}"
                # two title lines on the projector: the name gives way, the figure stays whole
                title = textwrap.shorten(display(name), 128 - len(figure), placeholder=" …") + figure
                label = f"Sasaran {number} dari {len(names)}{part}"
                screens.append(Screen(label, partial(indicators_view, document, number, name, chunk, title)))
    if unmeasured:
        screens.append(Screen("Tanpa realisasi", partial(unmeasured_view, unmeasured)))
    return screens


def desk() -> None:
    rule = (
        "yang dihitung baris kelompok bila punya angka sendiri"
        if report.settings.group_counting == "group"
        else "yang dihitung sub-butirnya"
    )
    st.caption(
        f"Capaian kantor dihitung dari {inert(', '.join(feeding) or '-')} (tabel pengukuran, dokumen yang "
        f"diutamakan); kelompok dan sub-butirnya dihitung sekali ({rule}). Dokumen lain ditampilkan terpisah dan "
        "dibandingkan: angka yang berbeda tercantum di Pemeriksaan."
    )
    if len(report.documents) > 1:
        with st.expander("Indikator per dokumen"):
            st.dataframe(document_table(report.documents), hide_index=True, key="tabel-dokumen")
    labels = [*scale.labels, scale.no_data]
    categories = st.multiselect("Tampilkan kategori", labels, default=labels)
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
            objectives_view(document, rows, objectives)
            category_view(document, rows)
            for position, name in enumerate(dict.fromkeys(rows[IndicatorCol.OBJECTIVE])):
                group = rows[rows[IndicatorCol.OBJECTIVE] == name]
                heading = sasaran_heading(objectives, name)
                with st.expander(f"{inert(name, 150)} — {inert(heading)}"):
                    indicators_view(document, position, name, group, f"Capaian rata-rata {heading}")

    st.subheader("Tabel indikator")
    table = indicator_table(filter_indicators(frame, None, None, categories))
    table_with_download(table, "tabel-indikator", f"capaian-indikator-{report.settings.year}.csv")
    with st.expander("Ringkasan per sasaran"):
        st.dataframe(objective_table(report.objectives), hide_index=True, key="tabel-sasaran")


show(meeting_screens() if meeting() else [Screen("Kinerja", desk)])
