"""Chart builders: pure functions from core frames to plotly figures (never rendered here).

Every chart has a title that states its finding in words, Indonesian axis labels, numbers in
the Indonesian format (``separators=",."``) and hover text that explains the bar. Colours are
colour-blind safe (Okabe–Ito); the meeting-room style only makes everything larger.

Callers pass plain text (titles, names). Every string from data is escaped here with
:func:`~lakip_core.presentation.escape.plot_text` where it joins the ``<b>``/``<br>`` markup this
module adds, so a name like ``<a href=…>`` is shown as written and never becomes a link.
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lakip_core.presentation.chart_style import (
    BLUE,
    CATEGORY_COLORS,
    CONDITION_COLORS,
    DESK,
    GENDER_COLORS,
    GREEN,
    GREY,
    MEETING,
    NAME_LIMIT,
    NO_DATA,
    ORANGE,
    PURPLE,
    SERIES,
    SKY,
    VERMILLION,
    YELLOW,
    ChartStyle,
    _bar_text,
    _empty,
    _layout,
    _layout_dict,
    _text_font,
    _top_margin,
    _vline,
    bars_height,
    rows_that_fit,
    rupiah_ticks,
    wrap,
)
from lakip_core.presentation.escape import display, plot_text
from lakip_core.presentation.format import format_number, format_percent, format_rupiah
from lakip_core.rules.achievement import RatingScale
from lakip_core.schema import BudgetCol, IndicatorCol, ObjectiveCol

# The style names pages and tests take from here (they live in chart_style.py), beside the builders below.
__all__ = [
    "BLUE",
    "CATEGORY_COLORS",
    "CONDITION_COLORS",
    "ChartStyle",
    "DESK",
    "GENDER_COLORS",
    "GREEN",
    "GREY",
    "MEETING",
    "NO_DATA",
    "ORANGE",
    "PURPLE",
    "SKY",
    "VERMILLION",
    "bars_height",
    "rows_that_fit",
    "rupiah_ticks",
]


def _achievement_bars(
    values: pd.Series,
    labels: list[str],
    texts: list[str],
    categories: list[str],
    hover: list[str],
    style: ChartStyle,
) -> tuple[go.Bar, dict[str, object], dict[str, object]]:
    """Horizontal achievement bars in category colours, an x-axis with room for the labels and a
    dotted line at 100%; a value without data is drawn as an empty bar with its text.

    Returns the trace, the x-axis and the extra layout (the line) for :func:`_layout_dict`.
    """
    bar = go.Bar(
        x=values.fillna(0),
        y=labels,
        orientation="h",
        text=texts,
        textposition="outside",
        cliponaxis=False,
        marker_color=[CATEGORY_COLORS.get(c, GREY) for c in categories],
        hovertext=hover,
        hoverinfo="text",
        name="Capaian",
        **_bar_text(style),
    )
    top = float(values.max(skipna=True)) if values.notna().any() else 100.0
    xaxis: dict[str, object] = {"range": [0, max(125.0, top + 25)]}
    if style.meeting:  # the bars carry their values; three ticks are enough to read the scale
        xaxis["tickvals"] = [0, 50, 100]
    else:
        xaxis["title"] = "Capaian (%)"
    line, notes = _vline(100, "100%" if style.meeting else "")  # in the room the line says what it is
    return bar, xaxis, {"shapes": [line], "annotations": notes}


def objectives_chart(
    objectives: pd.DataFrame,
    office_pct: float | None,
    office_category: str,
    style: ChartStyle = DESK,
    title: str | None = None,
) -> go.Figure:
    """Horizontal bars: mean achievement per sasaran, coloured by category; no-data sasaran grey."""
    heading = title or f"Capaian kinerja rata-rata {format_percent(office_pct)} ({office_category})"
    if objectives.empty:
        return _empty(heading, "Belum ada data indikator.", style)
    rows = objectives.iloc[::-1]
    values = rows[ObjectiveCol.MEAN_PCT].astype("float64")
    labels = [wrap(o, style.label_width, style.label_lines) for o in rows["objective"]]
    texts = [format_percent(v) if not pd.isna(v) else NO_DATA for v in values]
    hover = [
        f"{wrap(o, 60)}<br>Capaian rata-rata: {t}<br>Indikator: {n} (dengan realisasi {d})<br>Kategori: {plot_text(c)}"
        for o, t, n, d, c in zip(
            rows["objective"], texts, rows["indicators"], rows["with_data"], rows["category"], strict=True
        )
    ]
    bar, xaxis, extra = _achievement_bars(values, labels, texts, list(rows["category"]), hover, style)
    subtitle = "" if style.meeting else "Rata-rata capaian indikator per sasaran; garis titik = 100%"
    layout = _layout_dict(heading, style, None, subtitle, bars=labels, xaxis=xaxis, more=extra)
    return go.Figure(bar, layout=layout)


def indicators_chart(frame: pd.DataFrame, style: ChartStyle = DESK, title: str | None = None) -> go.Figure:
    """Horizontal bars: achievement per indicator, category colour; no realisasi → grey label."""
    heading = title or "Capaian per indikator"
    if frame.empty:
        return _empty(heading, "Tidak ada indikator untuk pilihan ini.", style)
    rows = frame.iloc[::-1]
    values = rows[IndicatorCol.ACHIEVEMENT_PCT].astype("float64")
    texts = [format_percent(v) if not pd.isna(v) else NO_DATA for v in values]
    hover = [
        f"{wrap(i, 60)}<br>Target: {plot_text(t or '-', NAME_LIMIT)}<br>"
        f"Realisasi: {plot_text(a or NO_DATA.lower(), NAME_LIMIT)}<br>Capaian: {x}<br>Kategori: {plot_text(c)}"
        for i, t, a, x, c in zip(
            rows["indicator"], rows["target_text"], rows["actual_text"], texts, rows["category"], strict=True
        )
    ]
    labels = [wrap(i, style.label_width, style.label_lines) for i in rows[IndicatorCol.LABEL]]
    bar, xaxis, extra = _achievement_bars(values, labels, texts, list(rows["category"]), hover, style)
    layout = _layout_dict(heading, style, bars=labels, xaxis=xaxis, more=extra)
    return go.Figure(bar, layout=layout)


def category_chart(frame: pd.DataFrame, scale: RatingScale, style: ChartStyle = DESK) -> go.Figure:
    """Number of indicators per category (including those without realisasi); the x labels carry
    each category's range, so the chart is also the legend of the colours."""
    counts = frame["category"].value_counts() if len(frame) else pd.Series(dtype="int64")
    order = [*scale.labels, scale.no_data]
    labels = [c for c in order if c in counts.index]
    if not labels:
        return _empty("Sebaran kategori capaian", "Belum ada data indikator.", style)
    values = [int(counts[c]) for c in labels]
    measured = [(v, c) for v, c in zip(values, labels, strict=True) if c != scale.no_data] or [(values[0], labels[0])]
    ranked = sorted(measured, key=lambda pair: -pair[0])  # stable: scale order on ties
    title = f"Terbanyak pada kategori {ranked[0][1]} ({ranked[0][0]} indikator)"
    if len(ranked) > 1 and ranked[1][0] >= ranked[0][0] / 2:  # two peaks: the mean sits between them
        title = f"Terbanyak {ranked[0][1]} ({ranked[0][0]} indikator), lalu {ranked[1][1]} ({ranked[1][0]})"
    ranges = dict(scale_bands(scale))
    # "<" as an entity: plotly reads "<…" as the start of a tag
    ticks = [f"{plot_text(c)}<br>{plot_text(ranges[c])}" if c in ranges else plot_text(c) for c in labels]
    bar = go.Bar(
        x=ticks,
        y=values,
        text=values,
        textposition="outside",
        cliponaxis=False,
        marker_color=[CATEGORY_COLORS.get(c, GREY) for c in labels],
        hovertext=[f"{plot_text(c)}: {v} indikator" for c, v in zip(labels, values, strict=True)],
        hoverinfo="text",
        **_bar_text(style),
    )
    height = (style.max_height or 440) if style.meeting else 380
    yaxis = {"title": "Jumlah indikator", "range": [0, max(values) * 1.2]}
    layout = _layout_dict(title, style, height, yaxis=yaxis)
    return go.Figure(bar, layout=layout)


def scale_bands(scale: RatingScale) -> list[tuple[str, str]]:
    """Each category of a rating scale with its range in words: ``("Rendah", "51–<66%")``, highest first."""
    bands: list[tuple[str, str]] = []
    upper: float | None = None
    for lower, label in scale.bands:
        if upper is None:
            text = f"≥ {format_number(lower)}%"
        elif lower == float("-inf"):
            text = f"< {format_number(upper)}%"
        else:
            text = f"{format_number(lower)}–<{format_number(upper)}%"
        bands.append((label, text))
        upper = lower
    return bands


def _money_hover(names: list[str], rows: pd.DataFrame, with_remaining: bool) -> list[str]:
    """Hover text of a budget bar: name (plain text, wrapped and escaped here), pagu, realisasi,
    penyerapan (and sisa)."""
    return [
        f"{wrap(n, 60)}<br>Pagu: {format_rupiah(a)}<br>Realisasi: {format_rupiah(r)}<br>Penyerapan: {format_percent(p)}"
        + (f"<br>Sisa: {format_rupiah(a - r)}" if with_remaining else "")
        for n, a, r, p in zip(
            names, rows[BudgetCol.ALLOCATION], rows[BudgetCol.REALIZED], rows[BudgetCol.ABSORPTION_PCT], strict=True
        )
    ]


def kegiatan_labels(rows: pd.DataFrame, style: ChartStyle) -> list[str]:
    """Kegiatan named by their names (a bare code says nothing to the room); at the desk the code
    follows in small grey type, in mode rapat it is left to the hover so every label stays ≥ 24 px."""
    labels = []
    for code, name in zip(rows[BudgetCol.CODE], rows[BudgetCol.NAME], strict=True):
        label = wrap(str(name or code), style.label_width, style.label_lines)
        if code and name and not style.meeting and not str(name).endswith(str(code)):  # not "Kegiatan 3355 3355"
            small = f"font-size:{max(style.font_size - 3, 10)}px;color:#777777"
            label += f" <span style='{small}'>{plot_text(code)}</span>"
        labels.append(label)
    return labels


def budget_chart(
    lines: pd.DataFrame, absorption_pct: float | None, remaining: float | None, style: ChartStyle = DESK
) -> go.Figure:
    """Pagu vs realisasi per kegiatan (grouped horizontal bars) with the absorption in the label.

    A file with pagu only (``remaining`` ``None``, an ADK item table) says "belum ada realisasi"."""
    heading = f"Penyerapan anggaran {format_percent(absorption_pct)}"
    if remaining is None:
        heading = "Pagu anggaran per kegiatan (belum ada realisasi)"
    if lines.empty:
        return _empty(heading, "Belum ada data anggaran.", style)
    rows = lines.iloc[::-1]
    labels = kegiatan_labels(rows, style)
    hover = _money_hover([f"{c} {n}".strip() for c, n in zip(rows["code"], rows["name"], strict=True)], rows, True)
    pagu = go.Bar(
        x=rows["allocation"],
        y=labels,
        orientation="h",
        name="Pagu",
        marker_color=SKY,
        hovertext=hover,
        hoverinfo="text",
    )
    realisasi = go.Bar(
        x=rows["realized"],
        y=labels,
        orientation="h",
        name="Realisasi",
        marker_color=BLUE,
        text=[format_percent(p) for p in rows[BudgetCol.ABSORPTION_PCT]],
        textposition="outside",
        cliponaxis=False,
        hovertext=hover,
        hoverinfo="text",
        **_bar_text(style),
    )
    top = float(max(rows["allocation"].max(), rows["realized"].max()))
    ticks, tick_labels = rupiah_ticks(top)
    xaxis = {"title": "Rupiah", "range": [0, top * 1.18], "tickvals": ticks, "ticktext": tick_labels}
    layout = _layout_dict(
        heading,
        style,
        subtitle=f"Sisa anggaran {format_rupiah(remaining)}; label = persentase penyerapan per kegiatan",
        bars=labels,
        per_bar=2,
        legend=True,
        xaxis=xaxis,
        barmode="group",
        bargap=0.25,
    )
    return go.Figure([pagu, realisasi], layout=layout)


def absorption_chart(lines: pd.DataFrame, absorption_pct: float | None, style: ChartStyle = DESK) -> go.Figure:
    """Absorption % per kegiatan against the office's total absorption, kegiatan named."""
    title = "Penyerapan per kegiatan"
    if lines.empty:
        return _empty(title, "Belum ada data anggaran.", style)
    rows = lines.iloc[::-1]
    values = rows[BudgetCol.ABSORPTION_PCT].astype("float64")
    pcts = lines[BudgetCol.ABSORPTION_PCT].astype("float64").to_numpy()
    lowest = lines.iloc[int(np.nanargmin(pcts))] if values.notna().any() else None
    if lowest is not None:
        name = textwrap.shorten(str(lowest[BudgetCol.NAME] or lowest[BudgetCol.CODE]), 45, placeholder=" …")
        title = f"Terendah: {name} ({format_percent(lowest[BudgetCol.ABSORPTION_PCT])})"
    colors = [BLUE if v >= 90 else (ORANGE if v >= 50 else VERMILLION) if not pd.isna(v) else GREY for v in values]
    labels = kegiatan_labels(rows, style)
    hover = [
        f"{wrap(f'{c} {n}'.strip(), 60)}<br>Penyerapan: {format_percent(v)}"
        for c, n, v in zip(rows[BudgetCol.CODE], rows[BudgetCol.NAME], values, strict=True)
    ]
    bar = go.Bar(
        x=values.fillna(0),
        y=labels,
        orientation="h",
        marker_color=colors,
        text=[format_percent(v) for v in values],
        textposition="outside",
        cliponaxis=False,
        hovertext=hover,
        hoverinfo="text",
        **_bar_text(style),
    )
    extra: dict[str, object] = {}
    if absorption_pct is not None:
        line, notes = _vline(absorption_pct, f"Total {format_percent(absorption_pct)}")
        extra = {"shapes": [line], "annotations": notes}
    xaxis: dict[str, object] = {"range": [0, 118]}
    if style.meeting:
        xaxis["tickvals"] = [0, 50, 100]
    else:
        xaxis["title"] = "Penyerapan (%)"
    subtitle = "Biru: 90% ke atas · jingga: 50% s.d. di bawah 90% · merah: di bawah 50%"
    layout = _layout_dict(title, style, None, subtitle, bars=labels, xaxis=xaxis, more=extra)
    return go.Figure(bar, layout=layout)


def budget_treemap(frame: pd.DataFrame, style: ChartStyle = DESK) -> go.Figure:
    """Treemap of the code hierarchy, sized by pagu of the leaves, coloured by absorption."""
    leaves = frame[frame["is_leaf"] & (frame["code"] != "")]
    if leaves.empty:
        return _empty("Struktur anggaran", "Berkas tidak memiliki kode bertingkat.", style)
    names = {c: n for c, n in zip(frame["code"], frame["name"], strict=True) if c}
    ids, parents, labels, values, colors, hover = [], [], [], [], [], []
    seen: set[str] = set()
    sums: dict[str, list[float]] = {}
    for code, alloc, real in zip(
        leaves["code"], leaves["allocation"].fillna(0), leaves["realized"].fillna(0), strict=True
    ):
        parts = code.split(".")
        for depth in range(1, len(parts) + 1):
            key = ".".join(parts[:depth])
            acc = sums.setdefault(key, [0.0, 0.0])
            acc[0] += alloc
            acc[1] += real
    for code in sorted(sums, key=lambda c: (c.count("."), c)):
        if code in seen:
            continue
        seen.add(code)
        parts = code.split(".")
        alloc, real = sums[code]
        pct = real / alloc * 100 if alloc > 0 else None
        ids.append(code)
        parents.append(".".join(parts[:-1]))
        labels.append(plot_text(f"{display(parts[-1], 30)} {display(names.get(code, ''), 40)}".strip()))
        values.append(alloc)
        colors.append(pct if pct is not None else 0)
        hover.append(
            f"{plot_text(code, NAME_LIMIT)}<br>{wrap(names.get(code, ''), 60)}<br>Pagu: {format_rupiah(alloc)}"
            f"<br>Realisasi: {format_rupiah(real)}<br>Penyerapan: {format_percent(pct)}"
        )
    tree = go.Treemap(
        ids=ids,
        parents=parents,
        labels=labels,
        values=values,
        branchvalues="total",
        marker={
            "colors": colors,
            "colorscale": [[0, VERMILLION], [0.5, YELLOW], [1, BLUE]],
            "cmin": 0,
            "cmax": 100,
            "colorbar": {"title": {"text": "Penyerapan %", "font": _text_font(style)}, "tickfont": _text_font(style)},
        },
        hovertext=hover,
        hoverinfo="text",
        maxdepth=3,
        textfont=_text_font(style),
    )
    height = style.max_height or 520
    subtitle = "Luas = pagu; warna = penyerapan"
    return go.Figure(tree, layout=_layout_dict("Struktur anggaran menurut kode", style, height, subtitle))


def jenis_belanja_chart(table: pd.DataFrame, style: ChartStyle = DESK) -> go.Figure:
    """Pagu and realisasi per jenis belanja (51 pegawai, 52 barang, 53 modal ...)."""
    if table.empty:
        return _empty("Jenis belanja", "Berkas tidak memuat kode akun.", style)
    biggest = table.iloc[int(table["allocation"].to_numpy().argmax())]
    hover = _money_hover(list(table[BudgetCol.JENIS_BELANJA]), table, with_remaining=False)
    categories = [wrap(j, 30) for j in table[BudgetCol.JENIS_BELANJA]]
    pagu = go.Bar(
        x=categories,
        y=table["allocation"],
        name="Pagu",
        marker_color=SKY,
        hovertext=hover,
        hoverinfo="text",
    )
    realisasi = go.Bar(
        x=categories,
        y=table["realized"],
        name="Realisasi",
        marker_color=BLUE,
        text=[format_percent(p) for p in table[BudgetCol.ABSORPTION_PCT]],
        textposition="outside",
        hovertext=hover,
        hoverinfo="text",
        **_bar_text(style),
    )
    top = float(max(table["allocation"].max(), table["realized"].max()))
    ticks, labels = rupiah_ticks(top)
    yaxis = {"title": "Rupiah", "tickvals": ticks, "ticktext": labels, "range": [0, top * 1.15]}
    title = f"Terbesar: {biggest['jenis_belanja']} ({format_rupiah(biggest['allocation'])})"
    return go.Figure(
        [pagu, realisasi], layout=_layout_dict(title, style, style.max_height or 400, legend=True, yaxis=yaxis)
    )


def stacked_chart(
    table: pd.DataFrame,
    title: str,
    axis_title: str,
    colors: dict[str, str] | None = None,
    style: ChartStyle = DESK,
    horizontal: bool = True,
    unit: str = "orang",
    note: str = "",
) -> go.Figure:
    """Stacked bars of a crosstab (rows = bars, columns = stacks), with counts in the hover.

    ``note`` is a line under the title (e.g. :func:`small_base_note`). A segment too small to hold
    its number upright (under 4% of the longest bar) shows it only on hover: no sideways or
    overlapping digits.
    """
    if table.empty:
        return _empty(title, "Belum ada data.", style)
    rows = table.iloc[::-1] if horizontal else table
    labels = [wrap(str(r), style.label_width, style.label_lines) for r in rows.index]
    longest = float(rows.sum(axis=1).max()) or 1.0
    traces = []
    for index, column in enumerate(rows.columns):
        color = (colors or {}).get(str(column), SERIES[index % len(SERIES)])
        values = rows[column]
        kwargs = {"x": values, "y": labels, "orientation": "h"} if horizontal else {"x": labels, "y": values}
        name = plot_text(column, NAME_LIMIT)
        traces.append(
            go.Bar(
                name=name,
                marker_color=color,
                text=[format_number(v) if v and v / longest >= 0.04 else "" for v in values],
                textposition="inside",
                insidetextanchor="middle",
                # The name goes in as hover text, not into a template, where "%{…}" would be read.
                hovertext=[
                    f"{label} — {name}: {format_number(v)} {plot_text(unit)}"
                    for label, v in zip(labels, values, strict=True)
                ],
                hoverinfo="text",
                **_bar_text(style),
                **kwargs,
            )
        )
    value_axis = {"title": plot_text(axis_title)}
    if horizontal:
        layout = _layout_dict(title, style, subtitle=note, bars=labels, legend=True, xaxis=value_axis, barmode="stack")
    else:
        height = (style.max_height or 460) if style.meeting else 380
        layout = _layout_dict(title, style, height, subtitle=note, legend=True, yaxis=value_axis, barmode="stack")
    return go.Figure(traces, layout=layout)


def small_base_note(base: int, unit: str, threshold: int, of_what: str = "") -> str:
    """``Dasar kecil: hanya 11 unit yang tercatat kondisinya`` when ``base`` < ``threshold``; else ``""``.

    A share of a handful of units moves a lot with one unit more or less: the chart says so.
    """
    if base >= threshold:
        return ""
    words = " ".join(w for w in (unit, of_what) if w)
    return f"Dasar kecil: hanya {format_number(base)} {words}; satu {unit} mengubah persentase banyak."


def count_chart(
    counts: pd.Series,
    title: str,
    axis_title: str,
    colors: dict[str, str] | None = None,
    style: ChartStyle = DESK,
    unit: str = "orang",
) -> go.Figure:
    """Simple bars of counts per label."""
    if counts.empty:
        return _empty(title, "Belum ada data.", style)
    bar = go.Bar(
        x=[wrap(i, 30) for i in counts.index],
        y=counts.values,
        text=[format_number(v) for v in counts.values],
        textposition="outside",
        cliponaxis=False,
        marker_color=[(colors or {}).get(str(i), SERIES[n % len(SERIES)]) for n, i in enumerate(counts.index)],
        hovertemplate=f"%{{x}}: %{{y}} {plot_text(unit)}<extra></extra>",
        **_bar_text(style),
    )
    height = (style.max_height or 440) if style.meeting else 360
    yaxis = {"title": plot_text(axis_title), "range": [0, float(counts.max()) * 1.2]}
    return go.Figure(bar, layout=_layout_dict(title, style, height, yaxis=yaxis))


QUADRANT_COLORS = {
    "Terserap & tercapai": BLUE,
    "Terserap, belum tercapai": VERMILLION,
    "Tercapai, belum terserap": GREEN,
    "Belum terserap & belum tercapai": ORANGE,
}


def _label_positions(xs: list[float], ys: list[float], dx: float, dy: float) -> list[str]:
    """A text position per point so that close points' labels do not sit on each other: the first
    of top / bottom / right / left whose label spot is clear of the points and the labels placed."""
    offsets = {"top center": (0, dy), "bottom center": (0, -dy), "middle right": (dx, 0), "middle left": (-dx, 0)}
    taken = list(zip(xs, ys, strict=True))
    chosen = []
    for x, y in zip(xs, ys, strict=True):
        clear = [
            name
            for name, (ox, oy) in offsets.items()
            if all(abs(x + ox - a) >= dx or abs(y + oy - b) >= dy for a, b in taken)
        ]
        position = clear[0] if clear else "top center"
        chosen.append(position)
        taken.append((x + offsets[position][0], y + offsets[position][1]))
    return chosen


def capaian_spending_chart(
    table: pd.DataFrame,
    spent_threshold: float,
    achieved_threshold: float,
    style: ChartStyle = DESK,
    flagged: frozenset[str] = frozenset(),
) -> go.Figure:
    """Per kegiatan: penyerapan (x) against capaian (y), one labelled point each (size = pagu),
    the two thresholds as lines, the four quadrants named in their corners; kegiatan with a
    finding (``flagged`` codes: spent without capaian ...) drawn with a red ring and a ⚠.

    ``table`` is :func:`lakip_core.analysis.capaian_budget.by_kegiatan`. Kegiatan without either
    figure are not drawn (the title says how many). Data text is escaped for plotly's HTML.
    """
    drawn = table[table["absorption_pct"].notna() & table["capaian_pct"].notna()] if len(table) else table
    if drawn.empty:
        return _empty("Capaian dan penyerapan per kegiatan", "Belum ada kegiatan yang dapat dipasangkan.", style)
    counts = drawn["quadrant"].value_counts()
    heading = "; ".join(f"{int(counts[q])} kegiatan {q.lower()}" for q in QUADRANT_COLORS if q in counts.index)
    missing = len(table) - len(drawn)
    subtitle = (
        f"Titik = kegiatan (besar titik = pagu); garis = batas {format_percent(spent_threshold, 0)} penyerapan "
        f"dan {format_percent(achieved_threshold, 0)} capaian"
        + (f"; {missing} kegiatan tanpa pasangan tidak digambar" if missing else "")
    )
    allocation = drawn["allocation"].fillna(0).to_numpy(dtype="float64")
    top = float(allocation.max()) if len(allocation) and allocation.max() > 0 else 1.0
    sizes = 14 + 30 * np.sqrt(allocation / top)
    hover = [
        f"<b>{plot_text(c)}</b> {wrap(n, 60)}<br>Capaian: {format_percent(cap)}"
        f" ({i} indikator)<br>Penyerapan: {format_percent(a)}<br>Realisasi {format_rupiah(r)} dari pagu "
        f"{format_rupiah(p)}<br>Selisih capaian − penyerapan: {format_number(g, 2)} poin<br>{plot_text(q)}"
        for c, n, cap, i, a, r, p, g, q in zip(
            drawn["code"],
            drawn["name"],
            drawn["capaian_pct"],
            drawn["indicators"],
            drawn["absorption_pct"],
            drawn["realized"],
            drawn["allocation"],
            drawn["gap_pts"],
            drawn["quadrant"],
            strict=True,
        )
    ]
    x_top = max(110.0, float(drawn["absorption_pct"].max()) + 10)
    y_top = max(110.0, float(drawn["capaian_pct"].max()) + 10)
    warned = [str(c) in flagged for c in drawn["code"]]
    fig = go.Figure(
        go.Scatter(
            x=drawn["absorption_pct"],
            y=drawn["capaian_pct"],
            mode="markers+text",
            text=[plot_text(c) + (" ⚠" if w else "") for c, w in zip(drawn["code"], warned, strict=True)],
            textposition=_label_positions(
                [float(v) for v in drawn["absorption_pct"]], [float(v) for v in drawn["capaian_pct"]], 9, 8
            ),
            textfont={"size": style.font_size + 2, "color": "#222222"},
            marker={
                "size": sizes,
                "color": [QUADRANT_COLORS.get(str(q), GREY) for q in drawn["quadrant"]],
                "line": {
                    "width": [4 if w else 1 for w in warned],
                    "color": [VERMILLION if w else "#333333" for w in warned],
                },
                "opacity": 0.85,
            },
            hovertext=hover,
            hoverinfo="text",
            cliponaxis=False,
            showlegend=False,
        )
    )
    fig.add_vline(x=spent_threshold, line_dash="dot", line_color="#555555")
    fig.add_hline(y=achieved_threshold, line_dash="dot", line_color="#555555")
    # Quadrant names outside the band the points use (capaian 0 … y_top), so no point hides one.
    corners = (
        ("Terserap & tercapai", x_top, y_top + 14, "right", "top"),
        ("Terserap, belum tercapai", x_top, -16, "right", "bottom"),
        ("Tercapai, belum terserap", -3, y_top + 14, "left", "top"),
        ("Belum terserap & belum tercapai", -3, -16, "left", "bottom"),
    )
    for label, x, y, xanchor, yanchor in corners:
        fig.add_annotation(
            x=x,
            y=y,
            text=f"<b>{label}</b>",
            showarrow=False,
            xanchor=xanchor,
            yanchor=yanchor,
            # dark in mode rapat (legible from the back of the room), the quadrant's colour at the desk
            font={"size": style.font_size, "color": style.text_color or QUADRANT_COLORS[label]},
        )
    font = _text_font(style)  # axis titles at the style's size (24 px and dark in mode rapat)
    fig.update_xaxes(title={"text": "Penyerapan anggaran (%)", "font": font}, range=[-4, x_top + 3])
    fig.update_yaxes(
        title={"text": "Capaian kinerja (%)", "font": font},
        range=[-17, y_top + 15],
        tickvals=list(range(0, int(y_top) + 1, 20)),
    )
    return _layout(fig, heading, style, 520 + 120 * style.meeting, subtitle=subtitle)


def useful_life_chart(frame: pd.DataFrame, style: ChartStyle = DESK) -> go.Figure:
    """Units per asset group within vs past useful life (weighted by Jumlah)."""
    known = frame[frame["useful_life_years"].notna() & frame["acquired_year"].notna()] if len(frame) else frame
    if known.empty:
        return _empty("Umur aset", "Tidak ada aset dengan tahun perolehan dan masa manfaat.", style)
    table = known.assign(
        status=known["past_useful_life"].map({True: "Melewati masa manfaat", False: "Masih dalam masa manfaat"})
    )
    pivot = table.pivot_table(index="group", columns="status", values="quantity", aggfunc="sum", fill_value=0)
    past = int(pivot.get("Melewati masa manfaat", pd.Series(dtype="int64")).sum())
    total = int(pivot.to_numpy().sum())
    ordered = [c for c in ("Melewati masa manfaat", "Masih dalam masa manfaat") if c in pivot.columns]
    return stacked_chart(
        pivot[ordered].astype(int),
        f"{format_number(past)} dari {format_number(total)} unit melewati masa manfaat",
        "Unit",
        {"Melewati masa manfaat": VERMILLION, "Masih dalam masa manfaat": BLUE},
        style,
        unit="unit",
    )


def scenario_chart(
    objectives: pd.DataFrame,
    office_before: float | None,
    office_after: float | None,
    category_before: str,
    category_after: str,
    style: ChartStyle = DESK,
) -> go.Figure:
    """Per sasaran with data: capaian tersimpan (grey) next to the simulated one (category colour).

    The legend names each colour: "Data tersimpan" (grey) and each category shown (the simulated bars,
    as the subtitle says); short names, three to a row, so it never runs off the chart.

    ``objectives`` is ``whatif.simulate(...).objectives`` (``mean_base``, ``mean``, categories).
    """
    change = (
        f"{format_percent(office_before)} → {format_percent(office_after)}"
        if office_before != office_after
        else f"tetap {format_percent(office_after)}"
    )
    category = category_after if category_before == category_after else f"{category_before} → {category_after}"
    heading = f"Capaian kantor {change} ({category})"
    rows = objectives[objectives["mean_base"].notna() | objectives["mean"].notna()]
    if rows.empty:
        return _empty(heading, "Belum ada indikator dengan realisasi.", style)
    rows = rows.iloc[::-1]
    labels = [wrap(o, style.label_width) for o in rows["objective"]]
    before = rows["mean_base"].astype("float64")
    after = rows["mean"].astype("float64")
    fig = go.Figure()
    fig.add_bar(
        x=before.fillna(0),
        y=labels,
        orientation="h",
        name="Data tersimpan",
        offsetgroup="tersimpan",
        marker_color="#c7c7c7",
        text=[format_percent(v) if not pd.isna(v) else NO_DATA for v in before],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}<br>Tersimpan: %{text}<extra></extra>",
    )
    # One trace per category of the simulated bars, all in one offset group (so each sasaran keeps
    # one simulated bar beside its stored one): the legend then says what each colour means.
    categories = list(rows["category"])
    shown = [c for c in CATEGORY_COLORS if c in categories] + [c for c in categories if c not in CATEGORY_COLORS]
    for category in dict.fromkeys(shown):
        mask = [c == category for c in categories]
        fig.add_bar(
            x=after.fillna(0)[mask],
            y=[label for label, keep in zip(labels, mask, strict=True) if keep],
            orientation="h",
            name=plot_text(category),  # the subtitle says coloured bars are the simulation
            offsetgroup="simulasi",
            marker_color=CATEGORY_COLORS.get(category, GREY),
            text=[format_percent(v) if not pd.isna(v) else NO_DATA for v in after[mask]],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                f"{label}<br>Simulasi: {format_percent(v) if not pd.isna(v) else NO_DATA} ({plot_text(category)})"
                for label, v, keep in zip(labels, after, mask, strict=True)
                if keep
            ],
            hoverinfo="text",
        )
    fig.add_vline(x=100, line_dash="dot", line_color="#555555")
    top = float(max(before.max(skipna=True) or 0, after.max(skipna=True) or 0))
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(title_text="Capaian (%)", range=[0, max(125.0, top + 25)])
    fig = _layout(
        fig,
        heading,
        style,
        bars_height(labels, style, per_bar=2, extra=120),
        subtitle="Abu-abu = data tersimpan; berwarna = simulasi, warnanya kategori capaiannya (keterangan di bawah)",
    )
    # The legend stands between the subtitle and the bars, where the eye starts. Its entries have a
    # fixed width (the longest name, "Data tersimpan", and its swatch), so the rows it takes on the
    # narrowest plot the chart is drawn at (the sasaran names take the rest) are reserved above it.
    entry_px = style.font_size * 9 + 40
    narrowest_plot = 560 if style.meeting else 300
    rows_of_legend = -(-len(fig.data) // max(1, narrowest_plot // entry_px))
    legend_px = int(rows_of_legend * style.font_size * 1.7)
    height = int(fig.layout.height) + legend_px
    fig.update_layout(
        legend={
            "orientation": "h",
            "x": 0,
            "xanchor": "left",
            "yanchor": "bottom",
            "y": 1.0,
            "entrywidth": entry_px,
            "entrywidthmode": "pixels",
            "traceorder": "normal",
        },
        margin={"t": _top_margin(2, style) + legend_px + 10},
        height=height,
        # the title hangs from the top (plotly centres it in the margin: over the legend otherwise)
        title={"yref": "container", "yanchor": "top", "y": 1 - (style.title_size * 0.8 + 6) / height},
    )
    return fig


def office_trend_chart(office: pd.DataFrame, style: ChartStyle = DESK) -> go.Figure:
    """Capaian kantor and penyerapan anggaran per year (lines with markers and labels)."""
    years = [str(y) for y in office["year"]]
    capaian = office["mean_pct"].astype("float64")
    serapan = office["absorption_pct"].astype("float64")
    known = capaian.dropna()
    if len(known) >= 2:
        first, last = office.loc[known.index[0]], office.loc[known.index[-1]]
        change = float(last["mean_pct"]) - float(first["mean_pct"])
        direction = "naik" if change > 0.005 else ("turun" if change < -0.005 else "tetap")
        heading = (
            f"Capaian kantor {direction} dari {format_percent(first['mean_pct'])} ({first['year']}) "
            f"ke {format_percent(last['mean_pct'])} ({last['year']})"
        )
    else:
        heading = "Capaian kantor dan penyerapan anggaran per tahun"
    fig = go.Figure()
    series = (
        (capaian, "Capaian kinerja kantor", BLUE, "top center"),
        (serapan, "Penyerapan anggaran", ORANGE, "bottom center"),
    )
    for values, name, color, position in series:
        if values.notna().any():
            fig.add_scatter(
                x=years,
                y=values,
                name=name,
                mode="lines+markers+text",
                marker={"size": 10, "color": color},
                line={"color": color, "width": 3},
                text=[format_percent(v) if not pd.isna(v) else "" for v in values],
                textposition=position,
                hovertemplate=f"%{{x}} — {name}: %{{text}}<extra></extra>",
            )
    top = float(max(capaian.max(skipna=True) or 0, serapan.max(skipna=True) or 0, 100))
    fig.update_yaxes(title_text="%", range=[0, top + 15])
    fig.update_xaxes(type="category", title_text="Tahun")
    return _layout(fig, heading, style, 380 + 80 * style.meeting)


def year_bars_chart(wide: pd.DataFrame, years: list[int], title: str, style: ChartStyle = DESK) -> go.Figure:
    """Horizontal bars per name (``compare.pivot``), one colour per year; missing years leave a gap."""
    if wide.empty:
        return _empty(title, "Belum ada data.", style)
    rows = wide.iloc[::-1]
    labels = [wrap(str(n), style.label_width) for n in rows["name"]]
    fig = go.Figure()
    # Horizontal groups draw the first trace at the bottom: add the latest year first so that each
    # group reads from the earliest year (top) to the latest (bottom); the legend is reversed back.
    for index, year in reversed(list(enumerate(years))):
        values = rows[year].astype("float64")
        fig.add_bar(
            x=values,
            y=labels,
            orientation="h",
            name=str(year),
            marker_color=[SKY, GREY, ORANGE, GREEN, PURPLE][index % 5] if year != years[-1] else BLUE,
            text=[format_percent(v) if not pd.isna(v) else "" for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate=f"%{{y}}<br>{year}: %{{text}}<extra></extra>",
        )
    fig.add_vline(x=100, line_dash="dot", line_color="#555555")
    fig.update_layout(barmode="group", bargap=0.2, legend={"traceorder": "reversed"})
    top = float(np.nanmax(wide[years].to_numpy(dtype="float64"))) if wide[years].notna().any().any() else 100.0
    fig.update_xaxes(title_text="Capaian (%)", range=[0, max(125.0, top + 25)])
    return _layout(fig, title, style, bars_height(labels, style, per_bar=len(years), extra=120))
