"""What every page shares: the data source, the meeting-room style, and small render helpers.

Not a page itself (dashboard.py lists the pages explicitly with st.navigation).
"""

from __future__ import annotations

from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from lakip_core import Report, load_report
from lakip_core.charts import DESK, MEETING, ChartStyle

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
    )


def current_report() -> tuple[Report, str]:
    """The report to show and a label saying where its data comes from."""
    return sample_report(), SAMPLE_LABEL


_MARKDOWN_SPECIALS = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()#+-.!|<>~$:"})


def inert(text: object) -> str:
    """Data text made safe for st.markdown: markdown and HTML characters are escaped."""
    return str(text).translate(_MARKDOWN_SPECIALS)


def meeting() -> bool:
    """True in mode rapat: large type, one idea per screen, no dense tables."""
    return bool(st.session_state.get(MEETING_KEY, False))


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


def page_header(title: str, caption: str) -> Report:
    """Title, one-line caption and the current report (stops with a message when empty)."""
    report, _ = current_report()
    st.title(title)
    if not meeting():
        st.caption(caption)
    return report


MEETING_CSS = """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 22px; }
[data-testid="stMetricValue"] { font-size: 3.2rem !important; font-weight: 700; }
[data-testid="stMetricLabel"] p { font-size: 1.35rem !important; }
[data-testid="stMarkdownContainer"] p, [data-testid="stMarkdownContainer"] li { font-size: 1.3rem; }
h1 { font-size: 2.8rem !important; }
h2, h3 { font-size: 2.0rem !important; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; max-width: 100%; }
</style>
"""
DESK_CSS = """
<style>
[data-testid="stMetricValue"] { font-size: 1.75rem; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
</style>
"""
