"""What every page shares: the data source, the meeting-room style, and small render helpers.

Not a page itself (dashboard.py lists the pages explicitly with st.navigation).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lakip_core import Report, load_report
from lakip_core.analysis.report import report_from_files
from lakip_core.intake.kinds import KINDS
from lakip_core.presentation.charts import DESK, MEETING, ChartStyle
from lakip_core.presentation.escape import display as display  # re-exported: pages escape with these
from lakip_core.presentation.escape import inert as inert
from lakip_core.presentation.export import csv_bytes
from ui.access import get_store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
SAMPLE_LABEL = "Data contoh: LAKIP 2024 KPU Kota Jakarta Selatan"
MEETING_KEY = "rapat"


@st.cache_data(show_spinner="Membaca data contoh…")
def sample_report() -> Report:
    """The bundled sample data, read once per server (the files never change)."""
    return load_report(
        [SAMPLE / "indikator_kinerja_2024.xlsx"],
        budget=SAMPLE / "anggaran_2024.xlsx",
        assets=SAMPLE / "aset_bmn_2024.xlsx",
        staff=SAMPLE / "pegawai_2024.xlsx",
    ).computed()


DATASET_KEY = "pilih_data"


@st.cache_data(show_spinner="Membaca data tersimpan…", max_entries=16)
def stored_report(url: str, satker: str, year: int, version_ids: tuple[tuple[str, int], ...]) -> Report:
    """The report of stored versions, rebuilt from their original bytes (cached per version set)."""
    store = get_store()
    sources = {kind: (store.content(vid), store.version(vid).filename) for kind, vid in version_ids}
    return report_from_files(sources, year, satker).computed()


def chosen_dataset() -> tuple[str, int] | None:
    """The stored (satker, year) chosen in the sidebar; the newest when none chosen; None without data."""
    datasets = get_store().datasets()
    if not datasets:
        return None
    chosen = st.session_state.get(DATASET_KEY)
    return chosen if chosen in datasets else datasets[0]


def dataset_picker() -> None:
    """Sidebar choice of the stored satker and year, when more than one has data."""
    datasets = get_store().datasets()
    if len(datasets) > 1:
        st.selectbox(
            "Data yang ditampilkan", datasets, key=DATASET_KEY, format_func=lambda d: f"{display(d[0], 80)} · {d[1]}"
        )


def current_report() -> tuple[Report, str]:
    """The report to show and a label saying where its data comes from.

    The current stored versions of the chosen satker/year; the bundled sample (labelled *contoh*)
    while nothing has been uploaded.
    """
    chosen = chosen_dataset()
    if chosen is None:
        return sample_report(), SAMPLE_LABEL
    store = get_store()
    current = store.current(*chosen)
    ids = tuple(sorted((kind, v.id) for kind, v in current.items()))
    kinds = ", ".join(f"{KINDS[kind].slug} v{vid}" for kind, vid in ids)
    return stored_report(store.url, chosen[0], chosen[1], ids), f"Data tersimpan ({kinds})"


def meeting() -> bool:
    """True in mode rapat: large type, one idea per screen, no dense tables."""
    return bool(st.session_state.get(MEETING_KEY, False))


def metric_grid(items: list[tuple[str, str, str | None, str | None]], per_row: int = 4) -> None:
    """Headline figures (label, value, help, note under the value) in rows; two per row in mode
    rapat so they read from the back of the room."""
    width = 2 if meeting() else per_row
    for start in range(0, len(items), width):
        columns = st.columns(width)
        for column, (label, value, help_text, note) in zip(columns, items[start : start + width], strict=False):
            column.metric(label, value, delta=note, delta_color="off", delta_arrow="off", help=help_text)


def chart_style() -> ChartStyle:
    return MEETING if meeting() else DESK


def show_chart(fig: go.Figure, name: str) -> None:
    """Render a figure; its toolbar offers a PNG download named after the chart."""
    st.plotly_chart(
        fig,
        key=f"chart-{name}",
        config={
            "displaylogo": False,
            "toImageButtonOptions": {"format": "png", "filename": f"lakip-{name}", "scale": 2},
            "modeBarButtonsToRemove": ["lasso2d", "select2d"],
        },
    )


def table_with_download(table: pd.DataFrame, key: str, filename: str, label: str = "Unduh tabel (CSV)") -> None:
    """A display table and its CSV download (formula-safe: text starting with = + - @ stays text)."""
    st.dataframe(table, hide_index=True, key=key)
    st.download_button(label, csv_bytes(table), file_name=filename, mime="text/csv")


def page_header(title: str, caption: str) -> Report:
    """Title, one-line caption and the current report (stops with a message when empty)."""
    report, _ = current_report()
    st.title(title)
    if not meeting():
        st.caption(caption)
    return report


MEETING_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
[data-testid="stMetricValue"] p { font-size: 2.6rem !important; font-weight: 700; line-height: 1.15; }
[data-testid="stMetricLabel"] p { font-size: 1.15rem !important; }
[data-testid="stMetric"] .stMarkdownEllipsis { white-space: normal !important; overflow: visible !important; }
[data-testid="stMarkdown"] p, [data-testid="stMarkdown"] li { font-size: 1.3rem; }
h1 { font-size: 2.6rem !important; }
h2, h3 { font-size: 2.0rem !important; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; max-width: 100%; }
</style>
"""
DESK_CSS = """
<style>
[data-testid="stMetricValue"] { font-size: 1.75rem; }
[data-testid="stMetricLabel"] .stMarkdownEllipsis { white-space: normal !important; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
</style>
"""
