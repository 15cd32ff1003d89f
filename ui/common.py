"""What every page shares: the data source, the meeting-room style, and small render helpers.

Not a page itself (dashboard.py lists the pages explicitly with st.navigation).
"""

from __future__ import annotations

import contextlib
import textwrap
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lakip_core import Report, load_report
from lakip_core.analysis.report import report_from_files
from lakip_core.errors import LakipError
from lakip_core.intake.kinds import KINDS
from lakip_core.presentation.charts import CATEGORY_COLORS, DESK, GREY, MEETING, ChartStyle, scale_bands
from lakip_core.presentation.escape import display as display  # re-exported: pages escape with these
from lakip_core.presentation.escape import html_text
from lakip_core.presentation.escape import inert as inert
from lakip_core.presentation.export import csv_bytes
from lakip_core.presentation.format import format_percent
from lakip_core.reading.model import MONTH_NAMES
from lakip_core.rules.achievement import RatingScale
from lakip_core.rules.settings_codec import Overrides
from ui import meeting as screens
from ui.access import get_store
from ui.meeting import meeting

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
SAMPLE_LABEL = "Data contoh: LAKIP 2024 KPU Kota Jakarta Selatan"
MEETING_KEY = screens.MEETING_KEY
T = TypeVar("T")

# Reports, figures and tables are cached with st.cache_resource: one object shared by every session,
# no copy per read. st.cache_data would unpickle the report on every read (~5 ms for the sample) and a
# figure too (plotly validates it again: ~30 ms), more than building some of them. Shared means
# read-only: nothing may change a cached report's frames or a cached figure in place
# (tests/test_app_caching.py renders every page and checks that they are unchanged). Entries are
# keyed by what they are made of (the data versions and the settings), so an upload, a restore or a
# changed setting is a new key, never a stale entry; nothing needs clearing.


@st.cache_resource(show_spinner="Membaca data contoh…")
def sample_report(settings: str = "{}") -> Report:
    """The bundled sample data under the office's settings (``Overrides`` JSON: part of the cache key,
    so a changed setting shows at once), read once per server and settings.

    Three indicator documents: the Bab III A table with the two Perjanjian Kinerja (the office
    mean), the Bab III B analysis and Tabel 1.9 (shown apart and compared: sample_data/README.md).
    """
    report = load_report(
        [
            SAMPLE / "indikator_kinerja_2024.xlsx",
            SAMPLE / "analisis_sasaran_2024.xlsx",
            SAMPLE / "perencanaan_kinerja_2024.xlsx",
        ],
        budget=SAMPLE / "anggaran_2024.xlsx",
        assets=SAMPLE / "aset_bmn_2024.xlsx",
        staff=SAMPLE / "pegawai_2024.xlsx",
    )
    chosen = Overrides.from_json(settings).settings(report.settings.year)
    return (report if chosen == report.settings else report.with_settings(chosen)).computed()


DATASET_KEY = "pilih_data"


@st.cache_resource(show_spinner="Membaca data tersimpan…", max_entries=16)
def stored_report(
    url: str, satker: str, year: int, version_ids: tuple[tuple[str, int], ...], settings: str = "{}"
) -> Report:
    """The report of stored versions, rebuilt from their original bytes (cached per version set and settings)."""
    store = get_store()
    infos = {kind: store.version(vid) for kind, vid in version_ids}
    sources = {kind: (store.content(v.id), v.filename) for kind, v in infos.items()}
    layouts = {kind: v.reading_layout for kind, v in infos.items()}  # read again the way each was read
    # A file with several satker (ADK) is read again narrowed to the satker it was stored for.
    narrow = {kind: v.file_satker for kind, v in infos.items() if v.file_satker}
    chosen = Overrides.from_json(settings).settings(year)
    return report_from_files(sources, year, satker, layouts, narrow, chosen).computed()


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


@dataclass(frozen=True)
class Shown:
    """The report on screen in this run, where its data comes from, and what it is made of."""

    report: Report
    source: str
    key: str
    """The data versions and settings behind the report: figures and tables built from it are cached
    under this key (with their own parameters), so they are built once per data version and setting."""


_run = threading.local()  # per script thread: the report of the router's current run


@contextlib.contextmanager
def one_report_per_run() -> Iterator[None]:
    """Around the router's run (sidebar and page): every :func:`current_report` in it is the first
    one's (one set of store lookups per run, and the sidebar and the page always agree).

    Outside it (a page run on its own in a test, a fragment rerun) each call looks again."""
    _run.shown, _run.active = None, True
    try:
        yield
    finally:
        _run.shown, _run.active = None, False


def report_of(chosen: tuple[str, int] | None) -> Shown:
    """The report of the stored (satker, year) ``chosen`` (the sample when None) under the office's
    settings, from the cache (filled on a first call)."""
    store = get_store()
    settings = store.overrides().text  # read on every run: a changed setting applies at once
    if chosen is None:
        return Shown(sample_report(settings), SAMPLE_LABEL, f"contoh|{settings}")
    current = store.current(*chosen)
    ids = tuple(sorted((kind, v.id) for kind, v in current.items()))
    kinds = ", ".join(f"{KINDS[kind].slug} v{vid}" for kind, vid in ids)
    report = stored_report(store.url, chosen[0], chosen[1], ids, settings)
    return Shown(report, f"Data tersimpan ({kinds})", repr((store.url, chosen[0], chosen[1], ids, settings)))


def shown_report() -> Shown:
    """The report to show (see :func:`current_report`) with its source label and cache key."""
    if getattr(_run, "active", False) and _run.shown is not None:
        return _run.shown  # type: ignore[no-any-return]
    try:
        shown = report_of(chosen_dataset())
    except LakipError as err:  # e.g. a frame that breaks its declared schema: a message, not a traceback
        st.error(str(err))
        st.stop()
        raise
    if getattr(_run, "active", False):
        _run.shown = shown
    return shown


def current_report() -> tuple[Report, str]:
    """The report to show and a label saying where its data comes from.

    The current stored versions of the chosen satker/year; the bundled sample (labelled *contoh*)
    while nothing has been uploaded.
    """
    shown = shown_report()
    return shown.report, shown.source


class SharedValues:
    """Values every session shares, each built once per key (by one session: the others wait for
    it), the least recently used dropped past ``size``.

    What :func:`once` keeps. Not ``st.cache_resource``: that hashes its arguments on every call
    (~0,2 ms, and a page asks for dozens of values per run); this is a dictionary lookup."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._building: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        with self._guard:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]  # type: ignore[return-value]
            lock = self._building.setdefault(key, threading.Lock())
        with lock:
            with self._guard:
                if key in self._values:  # built by the session this one waited for
                    return self._values[key]  # type: ignore[return-value]
            try:
                value = build()
            finally:
                with self._guard:
                    self._building.pop(key, None)
            with self._guard:
                self._values[key] = value
                while len(self._values) > self.size:
                    self._values.popitem(last=False)
            return value

    def __len__(self) -> int:
        return len(self._values)

    def clear(self) -> None:
        with self._guard:
            self._values.clear()


SHARED = SharedValues(2000)  # figures, tables and small derived values of the reports in use


def once(name: str, build: Callable[[], T], *params: Hashable) -> T:
    """``build()`` for the shown report, run once per data version, settings, mode (desk or rapat)
    and ``params``, then shared by every session: a figure, a display table, a crosstab.

    ``name`` (unique across pages, e.g. ``"kinerja/kategori"``) and ``params`` must say everything
    ``build`` depends on besides the report and the mode (a document, a chosen filter). The result is
    shared: never change it in place (``st.plotly_chart`` and ``st.dataframe`` only read).
    """
    return SHARED.get((shown_report().key, name, meeting(), params), build)


def clear_caches() -> None:
    """Forget every cached report, figure and table (tests; the app never needs it: keys change)."""
    sample_report.clear()
    stored_report.clear()
    SHARED.clear()


Headline = tuple[str, str, str | None, str | None] | tuple[str, str, str | None, str | None, str]


def _ink(background: str) -> str:
    """Black or white text, whichever reads better on ``background`` (#rrggbb)."""
    r, g, b = (int(background[i : i + 2], 16) for i in (1, 3, 5))
    return "#000000" if 0.299 * r + 0.587 * g + 0.114 * b > 140 else "#ffffff"


def metric_grid(items: list[Headline], per_row: int = 4, key: str = "angka") -> None:
    """Headline figures (label, value, help, note under the value[, note colour]) in rows; two
    per row in mode rapat so they read from the back of the room. ``key`` names the grid's
    elements: a second grid on one page needs its own.

    The note colour is a ``#rrggbb`` (the pill takes that colour, e.g. a category's) or one of
    Streamlit's delta colours (``"red"``, ``"green"``); without it the note is a grey pill.
    """
    width = 2 if meeting() else per_row
    pills = []
    for start in range(0, len(items), width):
        columns = st.columns(width)
        for offset, (column, item) in enumerate(zip(columns, items[start : start + width], strict=False)):
            label, value, help_text, note = item[:4]
            color = item[4] if len(item) > 4 else None  # type: ignore[misc]
            delta_color = color if color and not color.startswith("#") else "off"
            name = f"{key}-{start + offset}"
            with column.container(key=name):
                st.metric(label, value, delta=note, delta_color=delta_color, delta_arrow="off", help=help_text)  # type: ignore[arg-type]
            if color and color.startswith("#"):
                rule = f"background-color: {color}; color: {_ink(color)};"
                pills.append(f".st-key-{name} [data-testid='stMetricDelta'] {{ {rule} }}")
    if pills:
        st.html(f"<style>{' '.join(pills)}</style>")


def scale_strip(scale: RatingScale, value: float | None, category: str) -> None:
    """The rating scale as a strip of its colours and thresholds, lowest left, the office's
    category outlined and marked with its value: what "57,89% Rendah" means at a glance."""
    cells = []
    for label, text in reversed(scale_bands(scale)):
        color = CATEGORY_COLORS.get(label, GREY)
        here = label == category
        marker = f"<div class='skala-nilai'>▲ {html_text(format_percent(value))}</div>" if here else ""
        cells.append(
            f"<div class='skala-pita{' skala-ini' if here else ''}' style='background:{color};color:{_ink(color)}'>"
            f"<b>{html_text(label)}</b><span>{html_text(text)}</span>{marker}</div>"
        )
    st.html(f"<div class='skala' aria-label='Skala kategori capaian'>{''.join(cells)}</div>")


def big_table(header: list[str], rows: list[tuple[object, ...]], first_width: int = 60) -> None:
    """A short table in large type for the room: the first column text (shortened to
    ``first_width`` characters), the others figures, right-aligned. Every cell is escaped."""
    head = "".join(f"<th>{html_text(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + f"<td>{html_text(textwrap.shorten(str(row[0]), first_width, placeholder=' …'))}</td>"
        + "".join(f"<td class='angka'>{html_text(str(cell))}</td>" for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    st.html(f"<table class='tabel-besar'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def chart_style() -> ChartStyle:
    return MEETING if meeting() else DESK


# plotly.js locale (config["locales"], no Plotly.register needed): the PNG button and month names
# in Indonesian. This plotly.js spells the button "Download plot as a PNG" (notes: research Q4).
ID_LOCALE = {
    "dictionary": {
        "Download plot as a PNG": "Unduh grafik (PNG)",
        "Download plot": "Unduh grafik",
        "Reset axes": "Atur ulang sumbu",
        "Autoscale": "Skala otomatis",
    },
    "format": {
        "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
        "months": list(MONTH_NAMES),
        "shortMonths": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
        "date": "%d/%m/%Y",
        "decimal": ",",
        "thousands": ".",
    },
}


def chart_config(name: str) -> dict[str, object]:
    """plotly.js config: in mode rapat no toolbar and no zoom (hover stays); at the desk only the
    Indonesian "Unduh grafik (PNG)" button (Streamlit's English Fullscreen button goes with it)."""
    config: dict[str, object] = {
        "locale": "id",
        "locales": {"id": ID_LOCALE},
        "displaylogo": False,
        "scrollZoom": False,
        "doubleClick": False,
    }
    if meeting():
        config["displayModeBar"] = False
    else:
        config["modeBarButtons"] = [["toImage"]]
        config["toImageButtonOptions"] = {"format": "png", "filename": f"lakip-{name}", "scale": 2}
    return config


def show_chart(fig: go.Figure, name: str) -> None:
    """Render a figure with :func:`chart_config`."""
    st.plotly_chart(fig, key=f"chart-{name}", config=chart_config(name))


def show_figure(name: str, build: Callable[[], go.Figure], *params: Hashable) -> None:
    """Render the figure ``build()`` makes, built once per data version, settings, mode and ``params``
    (see :func:`once`); ``name`` is also the chart's key."""
    show_chart(once(f"figure/{name}", build, *params), name)


def table_with_download(
    table: pd.DataFrame, key: str, filename: str, label: str = "Unduh tabel (CSV)", data: bytes | None = None
) -> None:
    """A display table and its CSV download (formula-safe: text starting with = + - @ stays text);
    ``data``: the table's CSV when already made."""
    st.dataframe(table, hide_index=True, key=key)
    st.download_button(label, csv_bytes(table) if data is None else data, file_name=filename, mime="text/csv")


def show_table(
    name: str,
    build: Callable[[], pd.DataFrame],
    key: str,
    filename: str,
    *params: Hashable,
    label: str = "Unduh tabel (CSV)",
) -> pd.DataFrame:
    """:func:`table_with_download` of the display table ``build()`` makes, the table and its CSV
    made once per data version, settings and ``params`` (see :func:`once`). Returns the table."""

    def made() -> tuple[pd.DataFrame, bytes]:
        table = build()
        return table, csv_bytes(table)

    table, data = once(f"table/{name}", made, *params)
    table_with_download(table, key, filename, label, data)
    return table


def page_header(title: str, caption: str) -> Report:
    """Title and one-line caption at the desk; in mode rapat the slim header of every screen
    (title, satker · tahun · data source). Returns the current report."""
    report, source = current_report()  # the router's (one report per run)
    if meeting():
        short = "Data contoh" if source == SAMPLE_LABEL else source
        screens.header(title, report.satker or "Satuan kerja", report.settings.year, short)
    else:
        st.title(title)
        st.caption(caption)
    return report


_SHARED_CSS = """
.skala { display: flex; gap: 4px; margin: 0.2rem 0 0.4rem; }
.skala-pita { flex: 1; border-radius: 6px; padding: 0.3rem 0.6rem; line-height: 1.25; border: 3px solid transparent; }
.skala-pita b { display: block; }
.skala-ini { border-color: #1a1a1a; }
.skala-nilai { font-weight: 700; }
[data-testid="stPageLink"] p { white-space: normal !important; }
.tabel-besar { border-collapse: collapse; width: 100%; }
.tabel-besar th, .tabel-besar td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #d0d0d0; text-align: left; }
.tabel-besar th { border-bottom: 2px solid #888; }
.tabel-besar td.angka { text-align: right; white-space: nowrap; }
"""
MEETING_CSS = (
    """
<style>
html, body, [data-testid="stAppViewContainer"] { font-size: 20px; }
[data-testid="stMetricValue"] p { font-size: 2.6rem !important; font-weight: 700; line-height: 1.15; }
[data-testid="stMetricLabel"] p { font-size: 1.15rem !important; }
[data-testid="stMetricDelta"] p, [data-testid="stMetricDelta"] { font-size: 1.1rem !important; }
[data-testid="stMetric"] .stMarkdownEllipsis { white-space: normal !important; overflow: visible !important; }
[data-testid="stMarkdown"] p, [data-testid="stMarkdown"] li { font-size: 1.3rem; }
h1 { font-size: 2.6rem !important; }
h2, h3 { font-size: 2.0rem !important; }
[data-testid="stMainBlockContainer"] { padding: 0.6rem 3rem 0.4rem; max-width: 100%; }
[data-testid="stHeader"], [data-testid="stHeader"] * { background: transparent; pointer-events: none; }
[data-testid="stHeader"] button, [data-testid="stHeader"] button *, [data-testid="stHeader"] a { pointer-events: auto; }
.st-key-rapat-kepala { border-bottom: 2px solid #d0d0d0; padding-bottom: 0.25rem; flex-wrap: nowrap !important; }
.st-key-rapat-kepala h1 { font-size: 1.5rem !important; padding: 0 !important; line-height: 1.2; white-space: nowrap; }
.st-key-rapat-kepala [data-testid="stHtml"], .st-key-rapat-kepala .stHtml { min-width: 0; }
.rapat-sumber { font-size: 0.95rem; color: #222; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.st-key-rapat-kepala button { min-height: 2rem; padding: 0.15rem 0.6rem; }
.st-key-rapat-kepala button p { font-size: 0.9rem; }
.rapat-posisi { text-align: center; font-size: 1rem; font-weight: 700; line-height: 1.1; white-space: nowrap;
  max-width: 15rem; overflow: hidden; text-overflow: ellipsis; }
.rapat-posisi span { font-size: 0.8rem; font-weight: 400; color: #333; }
.st-key-rapat-tombol-tersembunyi { display: none; }
.skala-pita { font-size: 1.1rem; }
.rapat-baris { font-size: 1.35rem; line-height: 1.35; margin: 0.2rem 0; }
[data-testid="stPageLink"] p { font-size: 1.3rem !important; line-height: 1.35; }
[data-testid="stPageLink"] span { font-size: 1.3rem; }
.tabel-besar { font-size: 1.2rem; color: #1a1a1a; }
</style>
"""
).replace("</style>", _SHARED_CSS + "</style>")
DESK_CSS = (
    """
<style>
[data-testid="stMetricValue"] { font-size: 1.75rem; }
[data-testid="stMetricLabel"] .stMarkdownEllipsis { white-space: normal !important; }
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
.skala-pita { font-size: 0.85rem; }
</style>
"""
).replace("</style>", _SHARED_CSS + "</style>")
