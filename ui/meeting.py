"""Mode rapat: every report page as a sequence of screens that each fit a 1366×768 projector.

A page declares its screens (:class:`Screen`: a name and a function that draws it) and hands
them to :func:`show`. At the desk every screen is drawn, one after the other; in mode rapat only
the current one, under a slim header (page, satker · tahun · sumber data, position) with
Sebelumnya / Berikutnya buttons. The buttons answer the arrow keys, and two hidden ones
PageUp / PageDown, which is what a presenter's clicker sends. Past the last screen of a page the
next page of the meeting sequence opens on its first screen; before the first screen, the
previous page on its last one.

The position lives in the URL (``?rapat=true&layar=2``), so a projector refresh (F5) keeps the
place. The router (dashboard.py) calls :func:`route` with the meeting sequence before the page
runs; that is where a step past a page's end switches page (``st.switch_page`` may not be called
from a button callback).
"""

from __future__ import annotations

import html
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

MEETING_KEY = "rapat"  # the sidebar toggle, bound to ?rapat=true
SCREEN_PARAM = "layar"
LAST = "akhir"  # ?layar=akhir: the page's last screen (set when stepping back from the next page)
_GOTO = "_rapat_goto"  # (index in the sequence, screen) chosen by a step past a page's end
_SEQUENCE = "_rapat_urutan"  # the script hashes of the pages in the meeting sequence
_POSITION = "_rapat_posisi"  # (screen index, screens) of the page last drawn

_local = threading.local()  # per script thread: the header row of the page being drawn


@dataclass(frozen=True)
class Screen:
    """One screen of a page in mode rapat: one headline and one chart, or the headline figures."""

    name: str
    render: Callable[[], None]


def meeting() -> bool:
    """True in mode rapat: large type, one idea per screen, no dense tables."""
    return bool(st.session_state.get(MEETING_KEY, False))


def route(sequence: Sequence[StreamlitPage]) -> None:
    """Before the page runs: follow a step into a neighbouring page, and note the meeting sequence
    (so a page's buttons know whether there is a page before or after it)."""
    _local.header = None  # a header row is only ever the current run's
    goto = st.session_state.pop(_GOTO, None)
    if goto is not None and meeting() and 0 <= goto[0] < len(sequence):
        # ?rapat=true is bound to the sidebar toggle and follows by itself (setting it here is refused)
        st.switch_page(sequence[goto[0]], query_params={SCREEN_PARAM: goto[1]})
    # The pages by script hash: a page finds itself in it by the hash of the script being run
    # (``StreamlitPage._script_hash`` and the run context's ``page_script_hash`` are internal to
    # Streamlit 1.67; the url path would do in the browser, but AppTest runs a page without the
    # router, and the hash is what both agree on).
    st.session_state[_SEQUENCE] = [p._script_hash for p in sequence]


def parts(frame: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    """``frame`` in consecutive parts of at most ``size`` rows, as even as possible (13 rows in
    parts of 8 → 7 + 6, not 8 + 5): a long chart spread over screens that each fit."""
    count = max(1, math.ceil(len(frame) / max(size, 1)))
    bounds = [math.ceil(i * len(frame) / count) for i in range(count + 1)]
    return [frame.iloc[bounds[i] : bounds[i + 1]] for i in range(count)]


def screen_index(raw: str | None, count: int) -> int:
    """The 0-based screen to show for ``?layar=raw`` (1-based, or ``akhir``) on a page of ``count``
    screens: out-of-range numbers are clamped, anything unreadable is the first screen."""
    if count <= 0:
        return 0
    if raw == LAST:
        return count - 1
    try:
        number = int(str(raw))
    except ValueError:
        return 0
    return min(max(number, 1), count) - 1


def step_target(screen: int, screens: int, page: int | None, pages: int, delta: int) -> tuple[str, int, int]:
    """Where a step of ``delta`` (+1 / -1) leads: ``("screen", index, 0)`` within the page,
    ``("page", page index, 0 first | -1 last)`` into a neighbouring page, ``("stay", 0, 0)`` at an end."""
    if 0 <= screen + delta < screens:
        return "screen", screen + delta, 0
    if page is not None and 0 <= page + delta < pages:
        return "page", page + delta, 0 if delta > 0 else -1
    return "stay", 0, 0


def _place() -> tuple[int | None, int]:
    """This page's index in the meeting sequence (None outside it) and the sequence's length."""
    hashes = st.session_state.get(_SEQUENCE) or []
    ctx = get_script_run_ctx()
    current = ctx.page_script_hash if ctx is not None else None
    return (hashes.index(current) if current in hashes else None), len(hashes)


def _step(delta: int) -> None:
    """Button callback: change the screen in the URL, or ask the router to open the next page."""
    screen, screens = st.session_state.get(_POSITION, (0, 1))
    page, pages = _place()
    kind, where, end = step_target(screen, screens, page, pages, delta)
    if kind == "screen":
        st.query_params[SCREEN_PARAM] = str(where + 1)
    elif kind == "page":
        st.session_state[_GOTO] = (where, "1" if end == 0 else LAST)


def header(title: str, satker: str, year: object, source: str) -> None:
    """The slim header of a screen in mode rapat: page title, then satker · tahun · data source.

    Drawn by ``page_header``; :func:`show` adds the position and the buttons to the same row.
    Data text is escaped: it goes into HTML.
    """
    row = st.container(horizontal=True, vertical_alignment="center", key="rapat-kepala", gap="small")
    with row:
        st.title(title, anchor=False, width="content")
        st.html(
            f"<div class='rapat-sumber'><b>{html.escape(satker)}</b> · Tahun {html.escape(str(year))}"
            f" · {html.escape(source)}</div>"
        )
    _local.header = row


def empty(message: str) -> NoReturn:
    """A page without data: its message as the page's one screen (so the room can step past it),
    then stop the page."""
    show([Screen("Belum ada data", lambda: st.info(message))])
    st.stop()


def show(screens: list[Screen]) -> None:
    """Draw a page's screens: all of them at the desk; in mode rapat the current one, with its
    position and the Sebelumnya / Berikutnya buttons (arrow keys, PageUp / PageDown)."""
    if not meeting():
        for screen in screens:
            screen.render()
        return
    count = len(screens)
    raw = st.query_params.get(SCREEN_PARAM)
    index = screen_index(raw, count)
    if raw != str(index + 1):
        st.query_params[SCREEN_PARAM] = str(index + 1)
    st.session_state[_POSITION] = (index, count)
    page, pages = _place()
    first = index == 0 and (page is None or page == 0)
    last = index == count - 1 and (page is None or page == pages - 1)
    row = getattr(_local, "header", None) or st.container(horizontal=True, key="rapat-kepala")
    _local.header = None
    with row:
        st.space("stretch")
        st.button("◀ Sebelumnya", key="rapat-kiri", shortcut="Left", on_click=_step, args=(-1,), disabled=first)
        st.html(
            f"<div class='rapat-posisi'>{index + 1}/{count}<br><span>{html.escape(screens[index].name)}</span></div>"
        )
        st.button("Berikutnya ▶", key="rapat-kanan", shortcut="Right", on_click=_step, args=(1,), disabled=last)
    # A clicker's PageUp / PageDown: the same steps, on buttons the room does not see.
    with st.container(key="rapat-tombol-tersembunyi"):
        st.button("PageUp", key="rapat-pgup", shortcut="PageUp", on_click=_step, args=(-1,), disabled=first)
        st.button("PageDown", key="rapat-pgdn", shortcut="PageDown", on_click=_step, args=(1,), disabled=last)
    screens[index].render()
