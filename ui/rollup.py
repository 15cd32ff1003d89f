"""The roll-up page's helpers: the satker table (cached per database state), the backfill of
missing figures, and opening one satker's own pages from a click in the ranking."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lakip_core.analysis.rollup import satker_table
from lakip_core.presentation.format import format_number
from ui.access import get_store, may
from ui.common import DATASET_KEY

ROWS_KEY = "rollup_baris"  # (satker, year) of each row of the ranking as last drawn
GOTO_KEY = "rollup_buka"
TABLE_KEY = "rollup_tabel"
AUTO_BACKFILL = 30  # versions whose figures the page computes by itself; more wait for a button or the CLI
SUMMARY_PAGE = "pages/ringkasan.py"


@st.cache_data(show_spinner="Menyusun rekap satker…", max_entries=4)
def _table(url: str, token: tuple[int, int], settings: str) -> pd.DataFrame:
    """The satker table for one database state (``token``) and the office's settings (their
    JSON: the IKPA targets); every server process keys it the same way."""
    store = get_store()
    return satker_table(store.current_summaries(), lambda year: store.settings_for(year).ikpa)


def rollup_table() -> pd.DataFrame:
    """One row per satker and year (:func:`lakip_core.analysis.rollup.satker_table`)."""
    store = get_store()
    return _table(store.url, store.summaries_token(), store.overrides().text)


def fill_missing_figures() -> None:
    """Compute the figures of current versions stored before figures were kept.

    A few are done at once with a progress bar; many wait for a pengunggah's click (or the CLI
    command, which the message names), so a viewer never starts minutes of work unasked.
    """
    store = get_store()
    missing = store.missing_summaries()
    if not missing:
        return
    count = format_number(len(missing))
    if len(missing) > AUTO_BACKFILL:
        st.warning(
            f"{count} versi data belum memiliki ringkasan, atau ringkasannya dihitung dengan pengaturan lama; "
            "rekap ini memakai angka lama itu (atau belum memuatnya) sampai dihitung ulang. "
            "Hitung sekali dengan perintah `python -m lakip_core summaries` di server, atau dengan tombol di bawah."
        )
        if not may("upload") or not st.button(f"Hitung ringkasan {count} versi sekarang"):
            return
    bar = st.progress(0.0, text=f"Menghitung ringkasan {count} versi data lama…")
    done, problems = store.backfill_summaries(
        missing, progress=lambda i, n: bar.progress(i / n, text=f"Menghitung ringkasan versi {i} dari {n}…")
    )
    bar.empty()
    if problems:
        st.warning(f"{len(problems)} versi tidak dapat dibaca ulang dan tidak masuk rekap: " + "; ".join(problems[:5]))
    if done:
        st.rerun()


def remember_rows(rows: pd.DataFrame) -> None:
    """Keep the (satker, year) of each drawn row so a click can find its satker."""
    st.session_state[ROWS_KEY] = list(zip(rows["satker"], rows["year"].astype(int), strict=True))


def _open_selected() -> None:
    """Callback of a row click: choose that satker/year in the sidebar, then go to its Ringkasan."""
    state = st.session_state.get(TABLE_KEY)
    picked = state.selection.rows if state is not None else []
    rows = st.session_state.get(ROWS_KEY, [])
    if picked and picked[0] < len(rows):
        satker, year = rows[picked[0]]
        st.session_state[DATASET_KEY] = (str(satker), int(year))
        st.session_state[GOTO_KEY] = True


def ranking_table(screen: pd.DataFrame) -> None:
    """The ranking; clicking a row opens that satker's pages."""
    st.dataframe(
        screen,
        hide_index=True,
        key=TABLE_KEY,
        on_select=_open_selected,
        selection_mode="single-row",
    )


def follow_click() -> None:
    """After a row click: switch to the chosen satker's Ringkasan (outside the callback, as Streamlit asks)."""
    if st.session_state.pop(GOTO_KEY, False):
        st.switch_page(SUMMARY_PAGE)
