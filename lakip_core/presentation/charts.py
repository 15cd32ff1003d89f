"""Chart builders: pure functions from core frames to plotly figures (never rendered here).

Every chart has a title that states its finding in words, Indonesian axis labels, numbers in
the Indonesian format (``separators=",."``) and hover text that explains the bar. Colours are
colour-blind safe (Okabe–Ito); the meeting-room style only makes everything larger.

Callers pass plain text (titles, names). Every string from data is escaped here with
:func:`~lakip_core.presentation.escape.plot_text` where it joins the ``<b>``/``<br>`` markup this
module adds, so a name like ``<a href=…>`` is shown as written and never becomes a link.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lakip_core.presentation.escape import display, plot_text
from lakip_core.presentation.format import format_number, format_percent, format_rupiah, format_rupiah_short
from lakip_core.rules.achievement import RatingScale
from lakip_core.schema import BudgetCol, IndicatorCol, ObjectiveCol

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
}
GENDER_COLORS = {"Laki-laki": BLUE, "Perempuan": ORANGE, "Tidak diketahui": GREY}
SERIES = [BLUE, ORANGE, GREEN, SKY, VERMILLION, PURPLE, YELLOW, GREY]
NO_DATA = "Belum ada realisasi"
TITLE_LIMIT = 160  # characters of a title (plotly does not wrap titles)
NAME_LIMIT = 60  # characters of a name inside a title or a legend


@dataclass(frozen=True)
class ChartStyle:
    """Sizes for a desk screen or for the meeting-room projector."""

    font_size: int = 14
    title_size: int = 18
    label_width: int = 48
    bar_height: int = 34
    meeting: bool = False


DESK = ChartStyle(label_width=60)
MEETING = ChartStyle(font_size=20, title_size=26, label_width=40, bar_height=52, meeting=True)


def bars_height(labels: list[str], style: ChartStyle, per_bar: int = 1, extra: int = 110) -> int:
    """Figure height that gives every (wrapped) label room: lines × line height, at least a bar each."""
    lines = sum(max(label.count("<br>") + 1, 1) for label in labels)
    line_px = style.font_size * 1.45
    return int(extra + max(lines * line_px + len(labels) * 10, len(labels) * style.bar_height * per_bar))


def wrap(text: object, width: int) -> str:
    """Plain ``text`` escaped for plotly and wrapped onto lines of ``width`` characters joined by
    ``<br>`` (at most 3 lines; the third ends with ``…`` when more was cut)."""
    lines = textwrap.wrap(display(text), width) or [""]
    if len(lines) > 3:
        rest = " ".join(lines[2:])
        lines = [*lines[:2], rest if len(rest) <= width else rest[: width - 2].rstrip() + " …"]
    return "<br>".join(plot_text(line) for line in lines)


def _layout(fig: go.Figure, title: str, style: ChartStyle, height: int, subtitle: str = "") -> go.Figure:
    """Title (plain text, escaped here) and the shared look of every chart."""
    text = f"<b>{plot_text(title, TITLE_LIMIT)}</b>" + (
        f"<br><span style='font-size:{style.font_size}px'>{plot_text(subtitle, TITLE_LIMIT)}</span>" if subtitle else ""
    )
    fig.update_layout(
        title={"text": text, "font": {"size": style.title_size}, "x": 0, "xanchor": "left"},
        font={"size": style.font_size, "family": "Source Sans Pro, DejaVu Sans, Arial, sans-serif"},
        separators=",.",
        height=height,
        margin={"l": 10, "r": 30, "t": 90 if subtitle else 60, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 1, "xanchor": "right"},
        plot_bgcolor="white",
        hoverlabel={"font_size": style.font_size},
    )
    fig.update_xaxes(gridcolor="#e5e5e5", zerolinecolor="#bbbbbb")
    fig.update_yaxes(gridcolor="#e5e5e5")
    return fig


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
    fig = go.Figure()
    fig.add_annotation(
        text=plot_text(message),
        showarrow=False,
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        font={"size": style.font_size + 2, "color": GREY},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title, style, 220)


def _achievement_bars(
    values: pd.Series, labels: list[str], texts: list[str], categories: list[str], hover: list[str]
) -> go.Figure:
    """Horizontal achievement bars in category colours, a dotted line at 100% and an x-axis with
    room for the labels; a value without data is drawn as an empty bar with its text."""
    fig = go.Figure(
        go.Bar(
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
        )
    )
    fig.add_vline(x=100, line_dash="dot", line_color="#555555")
    top = float(values.max(skipna=True)) if values.notna().any() else 100.0
    fig.update_xaxes(title_text="Capaian (%)", range=[0, max(125.0, top + 25)])
    return fig


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
    labels = [wrap(o, style.label_width) for o in rows["objective"]]
    texts = [format_percent(v) if not pd.isna(v) else NO_DATA for v in values]
    hover = [
        f"{wrap(o, 60)}<br>Capaian rata-rata: {t}<br>Indikator: {n} (dengan realisasi {d})<br>Kategori: {plot_text(c)}"
        for o, t, n, d, c in zip(
            rows["objective"], texts, rows["indicators"], rows["with_data"], rows["category"], strict=True
        )
    ]
    fig = _achievement_bars(values, labels, texts, list(rows["category"]), hover)
    return _layout(
        fig,
        heading,
        style,
        bars_height(labels, style),
        subtitle="Rata-rata capaian indikator per sasaran; garis titik = 100%",
    )


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
    labels = [wrap(i, style.label_width) for i in rows[IndicatorCol.LABEL]]
    fig = _achievement_bars(values, labels, texts, list(rows["category"]), hover)
    return _layout(fig, heading, style, bars_height(labels, style, extra=80))


def category_chart(frame: pd.DataFrame, scale: RatingScale, style: ChartStyle = DESK) -> go.Figure:
    """Number of indicators per category (including those without realisasi)."""
    counts = frame["category"].value_counts() if len(frame) else pd.Series(dtype="int64")
    order = [*scale.labels, scale.no_data]
    labels = [c for c in order if c in counts.index]
    if not labels:
        return _empty("Sebaran kategori capaian", "Belum ada data indikator.", style)
    values = [int(counts[c]) for c in labels]
    top = labels[values.index(max(values))]
    fig = go.Figure(
        go.Bar(
            x=[plot_text(c) for c in labels],
            y=values,
            text=values,
            textposition="outside",
            cliponaxis=False,
            marker_color=[CATEGORY_COLORS.get(c, GREY) for c in labels],
            hovertemplate="%{x}: %{y} indikator<extra></extra>",
        )
    )
    fig.update_yaxes(title_text="Jumlah indikator")
    title = f"Terbanyak pada kategori {display(top, NAME_LIMIT)} ({max(values)} indikator)"
    return _layout(fig, title, style, 360 + 80 * style.meeting)


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


def budget_chart(
    lines: pd.DataFrame, absorption_pct: float | None, remaining: float, style: ChartStyle = DESK
) -> go.Figure:
    """Pagu vs realisasi per kegiatan (grouped horizontal bars) with the absorption in the label."""
    heading = f"Penyerapan anggaran {format_percent(absorption_pct)}"
    if lines.empty:
        return _empty(heading, "Belum ada data anggaran.", style)
    rows = lines.iloc[::-1]
    labels = [wrap(f"{c} {n}".strip(), style.label_width) for c, n in zip(rows["code"], rows["name"], strict=True)]
    hover = _money_hover(list(rows[BudgetCol.NAME]), rows, with_remaining=True)
    fig = go.Figure()
    fig.add_bar(
        x=rows["allocation"],
        y=labels,
        orientation="h",
        name="Pagu",
        marker_color=SKY,
        hovertext=hover,
        hoverinfo="text",
    )
    fig.add_bar(
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
    )
    fig.update_layout(barmode="group", bargap=0.25)
    top = float(max(rows["allocation"].max(), rows["realized"].max()))
    ticks, labels_ = rupiah_ticks(top)
    fig.update_xaxes(title_text="Rupiah", range=[0, top * 1.18], tickvals=ticks, ticktext=labels_)
    return _layout(
        fig,
        heading,
        style,
        bars_height(labels, style, per_bar=2, extra=120),
        subtitle=f"Sisa anggaran {format_rupiah(remaining)}; label = persentase penyerapan per kegiatan",
    )


def absorption_chart(lines: pd.DataFrame, absorption_pct: float | None, style: ChartStyle = DESK) -> go.Figure:
    """Absorption % per kegiatan against the office's total absorption."""
    title = "Penyerapan per kegiatan"
    if lines.empty:
        return _empty(title, "Belum ada data anggaran.", style)
    rows = lines.iloc[::-1]
    values = rows[BudgetCol.ABSORPTION_PCT].astype("float64")
    pcts = lines[BudgetCol.ABSORPTION_PCT].astype("float64").to_numpy()
    lowest = lines.iloc[int(np.nanargmin(pcts))] if values.notna().any() else None
    if lowest is not None:
        title = (
            f"Terendah: {display(lowest['code'], 30)} {display(lowest['name'], 50)} "
            f"({format_percent(lowest['absorption_pct'])})"
        )
    colors = [BLUE if v >= 90 else (ORANGE if v >= 50 else VERMILLION) if not pd.isna(v) else GREY for v in values]
    labels = [wrap(f"{c} {n}".strip(), style.label_width) for c, n in zip(rows["code"], rows["name"], strict=True)]
    fig = go.Figure(
        go.Bar(
            x=values.fillna(0),
            y=labels,
            orientation="h",
            marker_color=colors,
            text=[format_percent(v) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="%{y}<br>Penyerapan: %{text}<extra></extra>",
        )
    )
    if absorption_pct is not None:
        fig.add_vline(
            x=absorption_pct,
            line_dash="dot",
            line_color="#555555",
            annotation_text=f"Total {format_percent(absorption_pct)}",
            annotation_position="top",
        )
    fig.update_xaxes(title_text="Penyerapan (%)", range=[0, 115])
    return _layout(fig, title, style, bars_height(labels, style))


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
    fig = go.Figure(
        go.Treemap(
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
                "colorbar": {"title": "Penyerapan %"},
            },
            hovertext=hover,
            hoverinfo="text",
            maxdepth=3,
        )
    )
    return _layout(fig, "Struktur anggaran menurut kode", style, 520, subtitle="Luas = pagu; warna = penyerapan")


def jenis_belanja_chart(table: pd.DataFrame, style: ChartStyle = DESK) -> go.Figure:
    """Pagu and realisasi per jenis belanja (51 pegawai, 52 barang, 53 modal ...)."""
    if table.empty:
        return _empty("Jenis belanja", "Berkas tidak memuat kode akun.", style)
    biggest = table.iloc[int(table["allocation"].to_numpy().argmax())]
    hover = _money_hover(list(table[BudgetCol.JENIS_BELANJA]), table, with_remaining=False)
    fig = go.Figure()
    categories = [wrap(j, 30) for j in table[BudgetCol.JENIS_BELANJA]]
    fig.add_bar(
        x=categories,
        y=table["allocation"],
        name="Pagu",
        marker_color=SKY,
        hovertext=hover,
        hoverinfo="text",
    )
    fig.add_bar(
        x=categories,
        y=table["realized"],
        name="Realisasi",
        marker_color=BLUE,
        text=[format_percent(p) for p in table[BudgetCol.ABSORPTION_PCT]],
        textposition="outside",
        hovertext=hover,
        hoverinfo="text",
    )
    ticks, labels = rupiah_ticks(float(max(table["allocation"].max(), table["realized"].max())))
    fig.update_yaxes(title_text="Rupiah", tickvals=ticks, ticktext=labels)
    title = f"Terbesar: {display(biggest['jenis_belanja'], NAME_LIMIT)} ({format_rupiah(biggest['allocation'])})"
    return _layout(fig, title, style, 400)


def stacked_chart(
    table: pd.DataFrame,
    title: str,
    axis_title: str,
    colors: dict[str, str] | None = None,
    style: ChartStyle = DESK,
    horizontal: bool = True,
    unit: str = "orang",
) -> go.Figure:
    """Stacked bars of a crosstab (rows = bars, columns = stacks), with counts in the hover."""
    if table.empty:
        return _empty(title, "Belum ada data.", style)
    fig = go.Figure()
    rows = table.iloc[::-1] if horizontal else table
    for index, column in enumerate(rows.columns):
        color = (colors or {}).get(str(column), SERIES[index % len(SERIES)])
        values = rows[column]
        labels = [wrap(str(r), style.label_width) for r in rows.index]
        kwargs = {"x": values, "y": labels, "orientation": "h"} if horizontal else {"x": labels, "y": values}
        name = plot_text(column, NAME_LIMIT)
        fig.add_bar(
            name=name,
            marker_color=color,
            text=[v if v else "" for v in values],
            textposition="inside",
            # The name goes in as hover text, not into the template, where "%{…}" would be read.
            hovertext=[f"{label} — {name}: {format_number(v)} {unit}" for label, v in zip(labels, values, strict=True)],
            hoverinfo="text",
            **kwargs,
        )
    fig.update_layout(barmode="stack")
    (fig.update_xaxes if horizontal else fig.update_yaxes)(title_text=plot_text(axis_title))
    return _layout(
        fig, title, style, max(260, 120 + style.bar_height * len(rows)) if horizontal else 380 + 80 * style.meeting
    )


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
    fig = go.Figure(
        go.Bar(
            x=[wrap(i, 30) for i in counts.index],
            y=counts.values,
            text=[format_number(v) for v in counts.values],
            textposition="outside",
            cliponaxis=False,
            marker_color=[(colors or {}).get(str(i), SERIES[n % len(SERIES)]) for n, i in enumerate(counts.index)],
            hovertemplate=f"%{{x}}: %{{y}} {plot_text(unit)}<extra></extra>",
        )
    )
    fig.update_yaxes(title_text=plot_text(axis_title))
    return _layout(fig, title, style, 360 + 80 * style.meeting)


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
        name="Tersimpan",
        marker_color="#c7c7c7",
        text=[format_percent(v) if not pd.isna(v) else NO_DATA for v in before],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}<br>Tersimpan: %{text}<extra></extra>",
    )
    fig.add_bar(
        x=after.fillna(0),
        y=labels,
        orientation="h",
        name="Simulasi",
        marker_color=[CATEGORY_COLORS.get(c, GREY) for c in rows["category"]],
        text=[format_percent(v) if not pd.isna(v) else NO_DATA for v in after],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{y}<br>Simulasi: %{text}<extra></extra>",
    )
    fig.add_vline(x=100, line_dash="dot", line_color="#555555")
    top = float(max(before.max(skipna=True) or 0, after.max(skipna=True) or 0))
    fig.update_layout(barmode="group", bargap=0.25)
    fig.update_xaxes(title_text="Capaian (%)", range=[0, max(125.0, top + 25)])
    return _layout(
        fig,
        heading,
        style,
        bars_height(labels, style, per_bar=2, extra=120),
        subtitle="Abu-abu = tersimpan; berwarna = simulasi",
    )


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
