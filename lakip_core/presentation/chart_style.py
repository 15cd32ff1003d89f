"""How every chart looks: the colour-blind-safe palette, the desk and meeting-room styles, and the
title, margins, axes, empty-chart note and rupiah ticks every builder shares.

The builders (``charts.py``, ``charts_budget.py``, ``rollup.py``) decide what a chart shows; this
module decides how it is laid out, so a chart for a projector or a new margin rule is one edit here.
Text passed in is plain; titles are escaped here with :func:`~lakip_core.presentation.escape.plot_text`.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from lakip_core.presentation.escape import display, plot_text
from lakip_core.presentation.format import format_rupiah_short

# Okabe–Ito palette: distinguishable with every common colour-vision deficiency.
BLUE, SKY, GREEN, YELLOW, ORANGE, VERMILLION, PURPLE, GREY = (
    "#0072B2",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#E69F00",
    "#D55E00",
    "#CC79A7",
    "#999999",
)
CATEGORY_COLORS = {
    "Sangat Tinggi": BLUE,
    "Tinggi": SKY,
    "Sedang": YELLOW,
    "Rendah": ORANGE,
    "Sangat Rendah": VERMILLION,
    "Sangat Baik": BLUE,
    "Baik": SKY,
    "Cukup": YELLOW,
    "Kurang": ORANGE,
    "Sangat Kurang": VERMILLION,
    "Tidak ada data": GREY,
}
CONDITION_COLORS = {
    "Baik": BLUE,
    "Rusak Ringan": ORANGE,
    "Rusak Berat": VERMILLION,
    "Rusak": VERMILLION,
    "Tidak diketahui": GREY,
    "Tidak tercatat": GREY,  # no condition recorded: never a colour that reads as good or bad
}
GENDER_COLORS = {"Laki-laki": BLUE, "Perempuan": ORANGE, "Tidak diketahui": GREY}
SERIES = [BLUE, ORANGE, GREEN, SKY, VERMILLION, PURPLE, YELLOW, GREY]
NO_DATA = "Belum ada realisasi"
TITLE_LIMIT = 160  # characters of a title (plotly does not wrap titles)
NAME_LIMIT = 60  # characters of a name inside a title or a legend


@dataclass(frozen=True)
class ChartStyle:
    """Sizes for a desk screen or for the meeting-room projector.

    ``text_color`` None keeps the Streamlit theme's (grey) chart text; the projector sets it dark.
    ``max_height`` is the tallest chart a 1366×768 screen in mode rapat holds under its header;
    pages give a chart no more rows than :func:`rows_that_fit` says.
    """

    font_size: int = 14
    title_size: int = 18
    label_width: int = 48
    label_lines: int = 3
    bar_height: int = 34
    meeting: bool = False
    text_color: str | None = None
    max_height: int | None = None


DESK = ChartStyle(label_width=60)
# 24 px is the smallest chart text that reads from the back of a meeting room at 1366×768.
MEETING = ChartStyle(
    font_size=24,
    title_size=30,
    label_width=36,
    label_lines=2,
    bar_height=60,
    meeting=True,
    text_color="#1a1a1a",
    max_height=640,
)
FONT_FAMILY = "Source Sans Pro, DejaVu Sans, Arial, sans-serif"
GRID = "#e5e5e5"


def bars_height(labels: list[str], style: ChartStyle, per_bar: int = 1, extra: int = 110) -> int:
    """Figure height that gives every (wrapped) label room: lines × line height, at least a bar each."""
    lines = sum(max(label.count("<br>") + 1, 1) for label in labels)
    line_px = style.font_size * 1.45
    return int(extra + max(lines * line_px + len(labels) * 10, len(labels) * style.bar_height * per_bar))


def _top_margin(title_lines: int, style: ChartStyle) -> int:
    """Room above the plot for a title of ``title_lines`` lines (plotly centres it there)."""
    return int(style.title_size * 1.4 * title_lines + 20)


def _bottom_margin(style: ChartStyle, x_title: bool) -> int:
    """Room below the plot: the tick labels, and the x-axis title when there is one."""
    return max(40, int(style.font_size * 2.3)) + (int(style.font_size * 1.4) + 12 if x_title else 0)


def _bars_plot(labels: list[str], style: ChartStyle, per_bar: int = 1) -> int:
    """Plot-area height for horizontal bars: a category axis spaces its labels evenly, so every
    slot gets the lines of the longest (wrapped) label (plotly: 1,3 em a line), and at least
    ``style.bar_height`` per bar."""
    lines = max((label.count("<br>") + 1 for label in labels), default=1)
    return int(len(labels) * max(lines * style.font_size * 1.3 + 4, style.bar_height * per_bar))


def rows_that_fit(style: ChartStyle, per_bar: int = 1, title_lines: int = 1, x_title: bool = False) -> int:
    """How many bars with labels of ``style.label_lines`` lines fit in one chart of ``style``
    under a title of ``title_lines`` lines (no limit at the desk: 1000). Pages split longer
    lists over several screens."""
    if not style.max_height:
        return 1000
    plot = style.max_height - _top_margin(title_lines, style) - _bottom_margin(style, x_title)
    slot = max(style.label_lines * style.font_size * 1.3 + 2, style.bar_height * per_bar)
    return max(1, int(plot // slot))


def wrap(text: object, width: int, lines: int = 3) -> str:
    """Plain ``text`` escaped for plotly and wrapped onto at most ``lines`` lines of ``width``
    characters joined by ``<br>`` (the last ends with ``…`` when more was cut)."""
    parts = textwrap.wrap(display(text), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], textwrap.shorten(" ".join(parts[lines - 1 :]), width, placeholder=" …")]
    return "<br>".join(plot_text(part) for part in parts)


def _title_markup(title: str, subtitle: str, style: ChartStyle) -> str:
    """Title and subtitle (plain text, escaped here) as plotly markup: bold title, smaller subtitle."""
    # plotly does not wrap titles: in mode rapat a long one would run off the projector's edge
    head = wrap(title, 68, 2) if style.meeting else plot_text(title, TITLE_LIMIT)
    # the subtitle's smaller letters fit more per line than the title's (about 100 at 24 px)
    body = wrap(subtitle, 100, 2) if style.meeting else plot_text(subtitle, TITLE_LIMIT)
    sub = f"<br><span style='font-size:{style.font_size}px'>{body}</span>"
    return f"<b>{head}</b>" + (sub if subtitle else "")


def _text_font(style: ChartStyle, size: int | None = None) -> dict[str, object]:
    font: dict[str, object] = {"size": size or style.font_size}
    if style.text_color:
        font["color"] = style.text_color
    return font


def _axis(style: ChartStyle, spec: Mapping[str, object] | None, **base: object) -> dict[str, object]:
    """An axis dict: grid colours, tick and title fonts of the style, then the builder's own settings
    (``title`` may be given as plain text)."""
    # No zoom or pan: a stray drag must not change a chart (the toolbar offers no way back).
    axis: dict[str, object] = {"gridcolor": GRID, "tickfont": _text_font(style), "fixedrange": True, **base}
    for key, value in (spec or {}).items():
        if key == "title":
            axis["title"] = {"text": value, "font": _text_font(style)} if isinstance(value, str) else value
        else:
            axis[key] = value
    return axis


def _layout_dict(
    title: str,
    style: ChartStyle,
    height: int | None = None,
    subtitle: str = "",
    *,
    bars: list[str] | None = None,
    per_bar: int = 1,
    cap: bool = True,
    legend: bool = False,
    xaxis: Mapping[str, object] | None = None,
    yaxis: Mapping[str, object] | None = None,
    more: Mapping[str, object] | None = None,
    **extra: object,
) -> dict[str, object]:
    """The whole layout of a chart as one dict, given to ``go.Figure(layout=...)`` when it is built.

    Building with the layout costs ~1 ms; ``update_layout`` on a built figure ~10 ms
    (notes: perf findings). Every text carries the style's size and, in mode rapat, a dark colour.
    With ``bars`` (the category-axis labels of horizontal bars) the height is the title's room,
    the bars' room and the axis' room, capped at the style's ``max_height``.
    """
    text = _title_markup(title, subtitle, style)
    top = _top_margin(1 + text.count("<br>"), style)
    if legend:  # its own line between the title and the plot, so the two never overlap
        top += int(style.font_size * 1.6)
    x_title = bool(xaxis and xaxis.get("title"))
    if bars is not None:
        height = top + _bottom_margin(style, x_title) + _bars_plot(bars, style, per_bar)
    height = height or 400
    if style.max_height and cap:
        height = min(height, style.max_height)
    layout: dict[str, object] = {
        "title": {"text": text, "font": _text_font(style, style.title_size), "x": 0, "xanchor": "left"},
        "font": {"family": FONT_FAMILY, **_text_font(style)},
        "separators": ",.",
        "height": height,
        "margin": {"l": 10, "r": 30, "t": top, "b": _bottom_margin(style, x_title) if bars is not None else 40},
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0 if legend else 1,
            "xanchor": "left" if legend else "right",
            "font": _text_font(style),
            # stacked bars: the legend reads in the order the segments are drawn, left to right
            **({"traceorder": "normal"} if legend else {}),
        },
        "plot_bgcolor": "white",
        "hoverlabel": {"font": _text_font(style), **({"bgcolor": "white"} if style.text_color else {})},
        "xaxis": _axis(style, xaxis, zerolinecolor="#bbbbbb"),
        "yaxis": _axis(style, yaxis),
    }
    if legend:
        # The title hangs from the top instead of being centred in the margin: plotly centres its
        # first line, so the lines under it would run into the legend. plotly.js anchors a title's
        # "top" at its first line's middle: that line's height lower keeps it whole.
        hung = {"yref": "container", "yanchor": "top", "y": 1 - (style.title_size * 0.8 + 6) / height}
        layout["title"] = {**layout["title"], **hung}  # type: ignore[dict-item]
    layout["dragmode"] = False
    layout.update(more or {})
    layout.update(extra)
    return layout


def _layout(fig: go.Figure, title: str, style: ChartStyle, height: int, subtitle: str = "") -> go.Figure:
    """Style an already built figure (one update_layout; new builders pass ``_layout_dict`` instead)."""
    layout = _layout_dict(title, style, height, subtitle, cap=False)
    for axis in ("xaxis", "yaxis"):
        layout.pop(axis)
    fig.update_layout(layout)
    fig.update_xaxes(_axis(style, None, zerolinecolor="#bbbbbb"))
    fig.update_yaxes(_axis(style, None))
    return fig


def _vline(x: float, text: str = "") -> tuple[dict[str, object], list[dict[str, object]]]:
    """A dotted vertical line (and its label above the plot) as a layout shape and annotations:
    cheaper than ``add_vline`` on a built figure."""
    shape = {
        "type": "line",
        "x0": x,
        "x1": x,
        "xref": "x",
        "y0": 0,
        "y1": 1,
        "yref": "paper",
        "line": {"dash": "dot", "color": "#555555"},
    }
    notes = [{"x": x, "y": 1, "xref": "x", "yref": "paper", "text": text, "showarrow": False, "yanchor": "bottom"}]
    return shape, notes if text else []


def rupiah_ticks(top: float, count: int = 5) -> tuple[list[float], list[str]]:
    """Tick positions up to ``top`` on a 1–2–2,5–5 step, labelled ``500 juta`` / ``1,5 miliar``.

    Plotly's own abbreviations are English (``1.5B``); these read as an Indonesian would say them.
    """
    if top <= 0:
        return [0.0], ["0"]
    raw = top / count
    power = 10 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    values = [float(step * i) for i in range(int(np.floor(top / step)) + 1)]
    labels = [format_rupiah_short(v).removeprefix("Rp ") if v else "0" for v in values]
    # "1,50 miliar" → "1,5 miliar", "2,00 miliar" → "2 miliar"
    return values, [re.sub(r",(\d*?)0+ ", lambda m: f",{m.group(1)} " if m.group(1) else " ", t) for t in labels]


def _empty(title: str, message: str, style: ChartStyle) -> go.Figure:
    note = {
        "text": plot_text(message),
        "showarrow": False,
        "x": 0.5,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "font": {"size": style.font_size + 2, "color": style.text_color or GREY},
    }
    hidden = {"visible": False}
    return go.Figure(layout=_layout_dict(title, style, 220, xaxis=hidden, yaxis=hidden, annotations=[note]))


def _bar_text(style: ChartStyle) -> dict[str, object]:
    """Bar value labels: upright, and in mode rapat never shrunk below the style's size."""
    if style.meeting:
        return {"textangle": 0, "constraintext": "none", "textfont": _text_font(style)}
    return {"textangle": 0}
