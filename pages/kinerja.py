"""Kinerja: indicators per sasaran, target vs realisasi vs capaian, with the category colour."""

import textwrap
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lakip_core.analysis.indicators import office
from lakip_core.presentation.charts import category_chart, indicators_chart, objectives_chart, rows_that_fit
from lakip_core.presentation.escape import html_text
from lakip_core.presentation.format import format_percent
from lakip_core.presentation.tables import document_table, filter_indicators, indicator_table, objective_table
from lakip_core.schema import IndicatorCol, ObjectiveCol
from ui.common import chart_style, display, inert, meeting, once, page_header, show_figure, show_table
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
documents, measured_documents = once(
    "kinerja/dokumen-diukur",
    lambda: (
        list(dict.fromkeys(frame[IndicatorCol.DOCUMENT])),
        set(frame.loc[frame[IndicatorCol.HAS_DATA].astype(bool), IndicatorCol.DOCUMENT]),
    ),
)
feeding = report.office.documents  # the documents whose indicators make the office mean


def target_table(rows: pd.DataFrame) -> pd.DataFrame:
    return indicator_table(rows)[["Sasaran", "Indikator", "Target", "Realisasi"]]


def document_objectives(document: str) -> pd.DataFrame:
    return report.objectives[report.objectives[ObjectiveCol.DOCUMENT] == document]


def sasaran_headings(rows: pd.DataFrame, objectives: pd.DataFrame) -> list[tuple[str, str]]:
    """Each sasaran of ``rows`` (in order) with its heading."""
    return [(name, sasaran_heading(objectives, name)) for name in dict.fromkeys(rows[IndicatorCol.OBJECTIVE])]


def sasaran_heading(objectives: pd.DataFrame, name: str) -> str:
    summary = objectives[objectives[ObjectiveCol.OBJECTIVE] == name].iloc[0]
    code = f"{summary[ObjectiveCol.OBJECTIVE_CODE]} · " if summary[ObjectiveCol.OBJECTIVE_CODE] else ""
    return f"{code}{format_percent(summary[ObjectiveCol.MEAN_PCT])} ({summary[ObjectiveCol.CATEGORY]})"


# Figures are built once per data version, settings and mode (ui.common.once): ``shown`` (the
# categories chosen at the desk, None for all) is part of each figure's key, with its document and part.


def objectives_view(
    document: str, rows: pd.DataFrame, objectives: pd.DataFrame, part: str = "", shown: tuple[str, ...] | None = None
) -> None:
    def build() -> go.Figure:
        # The mean and category of the indicators shown, groups counted once (any document).
        mean = office(rows.assign(**{IndicatorCol.IN_OFFICE_MEAN: True}), report.settings)
        apart = "" if document in feeding else " — ditampilkan terpisah, tidak ikut capaian kantor"
        title = (
            f"{display(document, 60)}: capaian rata-rata {format_percent(mean.mean_pct)} ({mean.category}){apart}{part}"
        )
        return objectives_chart(objectives, mean.mean_pct, mean.category, style, title=title)

    show_figure(f"sasaran-{document}{part}", build, "kinerja", shown)


def category_view(document: str, rows: pd.DataFrame, shown: tuple[str, ...] | None = None) -> None:
    # Counted as in the means: a group once (its sub-items are detail, not more indicators).
    def build() -> go.Figure:
        return category_chart(rows[rows[IndicatorCol.COUNTED].astype(bool)], scale, style)

    show_figure(f"kategori-{document}", build, "kinerja", shown)


def indicators_view(
    document: str, position: int, name: str, group: pd.DataFrame, title: str, shown: tuple[str, ...] | None = None
) -> None:
    # position in the key: two sasaran may share a name (and a long one is cut in the key, not in the figure)
    show_figure(
        f"ind-{document}-{position}-{name[:40]}",
        lambda: indicators_chart(group, style, title=title),
        "kinerja",
        name,
        title,
        shown,
    )


def unmeasured_view(notes: list[str]) -> None:
    st.subheader("Perjanjian Kinerja tanpa realisasi")
    for note in notes:
        st.html(f"<div class='rapat-baris'>{note}</div>")


def meeting_plan() -> list[tuple[str, str, tuple[object, ...]]]:
    """Per document: its sasaran, the category spread, then the indicators of each sasaran that has
    more than one, every chart split so that it fits one screen; documents without realisasi share
    one closing screen. As (screen name, view, the view's arguments): made once per data version
    and settings (ui.common.once), though only one screen is drawn."""
    plan: list[tuple[str, str, tuple[object, ...]]] = []
    unmeasured = []
    for document in documents:
        rows = filter_indicators(frame, [document])
        objectives = report.objectives[report.objectives[ObjectiveCol.DOCUMENT] == document]
        if not rows[IndicatorCol.HAS_DATA].astype(bool).any():
            unmeasured.append(
                f"<b>{html_text(document)}</b>: {len(rows)} indikator dengan target, belum ada realisasi."
            )
            continue
        if len(measured_documents) > 1:  # with one, this chart is Ringkasan's, the screen just before
            chunks = parts(objectives, rows_that_fit(style))
            for i, chunk in enumerate(chunks):
                part = f" ({i + 1}/{len(chunks)})" if len(chunks) > 1 else ""
                plan.append((f"{document}: per sasaran{part}", "sasaran", (document, rows, chunk, part)))
        plan.append(("Sebaran kategori", "kategori", (document, rows)))
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
                plan.append((label, "indikator", (document, number, name, chunk, title)))
    if unmeasured:
        plan.append(("Tanpa realisasi", "tanpa", (unmeasured,)))
    return plan


def meeting_screens() -> list[Screen]:
    views = {"sasaran": objectives_view, "kategori": category_view, "indikator": indicators_view}
    views["tanpa"] = unmeasured_view
    plan = once("kinerja/rapat", meeting_plan)
    return [Screen(name, partial(views[view], *args)) for name, view, args in plan]  # type: ignore[operator]


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
            table = once("kinerja/dokumen", lambda: document_table(report.documents))
            st.dataframe(table, hide_index=True, key="tabel-dokumen")
    labels = [*scale.labels, scale.no_data]
    categories = st.multiselect("Tampilkan kategori", labels, default=labels)
    shown = tuple(categories)
    for number, (document, tab) in enumerate(zip(documents, st.tabs([inert(d, 60) for d in documents]), strict=True)):
        with tab:
            chosen = partial(filter_indicators, frame, [document], None, categories)
            rows = once("kinerja/baris", chosen, document, shown)
            objectives = once("kinerja/sasaran-dokumen", partial(document_objectives, document), document)
            if not rows[IndicatorCol.HAS_DATA].astype(bool).any():
                st.info(
                    f"{inert(document, 80)}: {len(rows)} indikator dengan target, belum ada realisasi yang diukur. "
                    "Indikator ini tidak dihitung dalam capaian kantor."
                )
                table = once("kinerja/target", partial(target_table, rows), document, shown)
                st.dataframe(table, hide_index=True, key=f"pk-{document}")
                continue
            objectives_view(document, rows, objectives, shown=shown)
            category_view(document, rows, shown)
            headings = once("kinerja/judul", partial(sasaran_headings, rows, objectives), document, shown)
            for position, (name, heading) in enumerate(headings):
                # Drawn only when opened (a rerun): a closed expander's chart is neither built nor sent.
                label = f"{inert(name, 150)} — {inert(heading)}"
                box = st.expander(label, key=f"kinerja-sasaran-{number}-{position}", on_change="rerun")
                with box:
                    if box.open:
                        group = rows[rows[IndicatorCol.OBJECTIVE] == name]
                        indicators_view(document, position, name, group, f"Capaian rata-rata {heading}", shown)

    st.subheader("Tabel indikator")
    show_table(
        "kinerja/indikator",
        lambda: indicator_table(filter_indicators(frame, None, None, categories)),
        "tabel-indikator",
        f"capaian-indikator-{report.settings.year}.csv",
        shown,
    )
    with st.expander("Ringkasan per sasaran"):
        table = once("kinerja/sasaran", lambda: objective_table(report.objectives))
        st.dataframe(table, hide_index=True, key="tabel-sasaran")


show(meeting_screens() if meeting() else [Screen("Kinerja", desk)])
