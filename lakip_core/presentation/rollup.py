"""The roll-up for people: the ranking table (screen and export), its charts, the outlier rule in words.

Satker names are data: every one that reaches a figure goes through :func:`plain`
(:func:`~lakip_core.presentation.escape.plot_text`), every one in a table stays a cell value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from lakip_core.analysis.rollup import HIGH, LOW, Metric, Spread
from lakip_core.presentation.chart_style import (
    BLUE,
    CATEGORY_COLORS,
    DESK,
    GREY,
    ORANGE,
    VERMILLION,
    ChartStyle,
    _layout,
    bars_height,
)
from lakip_core.presentation.escape import plot_text
from lakip_core.presentation.export import ExportTable
from lakip_core.presentation.format import format_number, format_percent, format_points
from lakip_core.presentation.tables import CellFormat, Col, FigureTable
from lakip_core.reading.model import month_name as model_month_name
from lakip_core.schema import RollupCol as R

OUTLIER_LABELS = {LOW: "di bawah", HIGH: "di atas", "": ""}
BARS_UP_TO = 40  # a province's satker (at most 39) as one bar each; the nation as a spread
LABELLED_OUTLIERS = 6


def plain(text: object) -> str:
    """A satker name for a figure: the project's plotly escaping, shortened for a chart label."""
    return plot_text(text, 80)


def format_value(value: float | None, metric: Metric) -> str:
    """A measure's value as shown: ``95,80%`` or ``+4,20 poin``; ``-`` without data."""
    if value is None or pd.isna(value):
        return "-"
    return format_percent(value) if metric.unit == "%" else f"{format_points(value)} poin"


def month_name(month: object) -> str | None:
    """``10`` → ``Oktober``; ``None`` without a month."""
    if month is None or pd.isna(month):  # type: ignore[call-overload]
        return None
    return model_month_name(int(month))  # type: ignore[call-overload]


def _list(series: pd.Series) -> list[object]:
    return series.to_numpy(dtype=object).tolist()


def ranking_columns(ranked: pd.DataFrame, metric: Metric) -> FigureTable:
    """The ranking as a table declared once (screen text and export numbers)."""
    return FigureTable(
        (
            Col("Peringkat", _list(ranked[R.RANK]), CellFormat.INTEGER),
            Col("Satuan kerja", _list(ranked[R.SATKER])),
            Col("Provinsi", [p if isinstance(p, str) else None for p in ranked[R.PROVINCE]], blank="tidak diketahui"),
            Col("Tahun", _list(ranked[R.YEAR]), CellFormat.INTEGER),
            Col("Capaian kinerja", _list(ranked[R.ACHIEVEMENT_PCT]), CellFormat.PERCENT),
            Col("Kategori", _list(ranked[R.ACHIEVEMENT_CATEGORY])),
            Col("Penyerapan anggaran", _list(ranked[R.ABSORPTION_PCT]), CellFormat.PERCENT),
            Col("Bulan data anggaran", [month_name(m) for m in ranked[R.PERIOD_MONTH]]),
            Col("Target IKPA s.d. bulan data", _list(ranked[R.IKPA_TARGET_PCT]), CellFormat.PERCENT),
            Col("Laju terhadap target IKPA (poin)", _list(ranked[R.PACE_PTS]), CellFormat.POINTS),
            Col("Pagu", _list(ranked[R.ALLOCATION]), CellFormat.RUPIAH),
            Col("Realisasi", _list(ranked[R.REALIZED]), CellFormat.RUPIAH),
            Col("Temuan galat", _list(ranked[R.FINDINGS_ERROR]), CellFormat.INTEGER),
            Col("Temuan peringatan", _list(ranked[R.FINDINGS_WARNING]), CellFormat.INTEGER),
            Col(f"Pencilan ({metric.label.lower()})", [OUTLIER_LABELS[o] or None for o in ranked[R.OUTLIER]], blank=""),
        )
    )


def outlier_rule(metric: Metric, found: Spread | None, shown: int) -> str:
    """The outlier rule in words, with the fences of the satker shown."""
    if found is None:
        return (
            f"Pencilan tidak ditentukan: baru {format_number(shown)} satker dengan data "
            f"{metric.label.lower()} (perlu sekurang-kurangnya 4)."
        )
    low, high = format_value(found.low_fence, metric), format_value(found.high_fence, metric)
    return (
        f"Pencilan = nilai di bawah {low} atau di atas {high}: lebih dari 1,5 × jarak antarkuartil "
        f"({format_value(found.iqr, metric).replace('+', '')}) di luar kuartil 1 ({format_value(found.q1, metric)}) "
        f"dan kuartil 3 ({format_value(found.q3, metric)}) dari {format_number(found.count)} satker yang ditampilkan."
    )


def ranking_export(ranked: pd.DataFrame, metric: Metric, found: Spread | None, scope: str) -> list[ExportTable]:
    """The ranking as an export table (xlsx/CSV), with the scope and the outlier rule as its note."""
    title = f"Peringkat satker menurut {metric.label.lower()}"
    note = f"{scope}. {outlier_rule(metric, found, int(ranked[metric.column].notna().sum()))}"
    return [ExportTable.of("Peringkat", title, ranking_columns(ranked, metric), note)]


def spread_chart(ranked: pd.DataFrame, metric: Metric, found: Spread | None, style: ChartStyle = DESK) -> go.Figure:
    """Every satker as a dot along the measure (outliers in vermillion), the box of the middle
    half and the outlier fences as dashed lines; the title says the median and how many are out."""
    values = pd.to_numeric(ranked[metric.column], errors="coerce")
    shown = ranked[values.notna()]
    values = values[values.notna()]
    fig = go.Figure()
    if len(values) == 0:
        fig.add_annotation(
            text="Belum ada satker dengan data ini.", showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper"
        )
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return _layout(fig, f"Sebaran {metric.label.lower()}", style, 240)
    rng = np.random.default_rng(0)  # a fixed jitter: the same data draws the same picture
    jitter = rng.uniform(-0.28, 0.28, len(values))
    flags = shown[R.OUTLIER].to_numpy(dtype=object)
    hover = [
        f"{plain(s)}<br>{plain(p) if isinstance(p, str) else 'provinsi tidak diketahui'}<br>"
        f"{metric.label}: {format_value(v, metric)}"
        + (f"<br><b>pencilan, {OUTLIER_LABELS[str(f)]} batas</b>" if f else "")
        for s, p, v, f in zip(shown[R.SATKER], shown[R.PROVINCE], values, flags, strict=True)
    ]
    if found is not None:
        fig.add_shape(
            type="rect",
            x0=found.q1,
            x1=found.q3,
            y0=-0.4,
            y1=0.4,
            fillcolor="#DDEBF7",
            line={"width": 0},
            layer="below",
        )
        fig.add_vline(x=found.median, line_color=BLUE, line_width=3)
        for fence in (found.low_fence, found.high_fence):
            fig.add_vline(x=fence, line_dash="dash", line_color=GREY)
    labelled = sum(1 for f in flags if f) <= LABELLED_OUTLIERS
    colors = [
        VERMILLION if f else ORANGE if metric.unit == "poin" and v < 0 else BLUE
        for f, v in zip(flags, values, strict=True)
    ]
    fig.add_scatter(
        x=values,
        y=jitter,
        mode="markers+text",
        # A few outliers are named on the chart; many would overlap (the page lists them all).
        text=[plain(n) if f and labelled else "" for n, f in zip(shown[R.SATKER], flags, strict=True)],
        textposition=["top right" if f == LOW else "top left" for f in flags],
        cliponaxis=False,
        marker={
            "size": 9 + 5 * style.meeting,
            "color": colors,
            "opacity": 0.8,
            "line": {"width": 0.5, "color": "white"},
        },
        hovertext=hover,
        hoverinfo="text",
        showlegend=False,
    )
    outliers = int(sum(1 for f in flags if f))
    median = format_value(found.median if found else float(values.median()), metric)
    title = f"{metric.label}: median {median} dari {format_number(len(values))} satker"
    title += f", {outliers} pencilan" if found is not None else ""
    subtitle = "Kotak biru = separuh satker di tengah; garis biru = median; garis putus-putus = batas pencilan"
    fig.update_yaxes(visible=False, range=[-0.6, 0.6])
    fig.update_xaxes(title_text=f"{metric.label} ({metric.unit})", zeroline=metric.unit == "poin")
    return _layout(fig, title, style, 300 + 80 * style.meeting, subtitle=subtitle if found is not None else "")


def ranking_bars(ranked: pd.DataFrame, metric: Metric, style: ChartStyle = DESK) -> go.Figure:
    """One bar per satker, best at the top (for a province's few dozen satker); outliers in vermillion."""
    rows = ranked[pd.to_numeric(ranked[metric.column], errors="coerce").notna()].iloc[::-1]
    values = rows[metric.column].astype("float64")
    labels = [plain(s) for s in rows[R.SATKER]]
    if metric.column == R.ACHIEVEMENT_PCT:  # capaian in the colours of its category, as on every page
        colors = [CATEGORY_COLORS.get(str(c), GREY) for c in rows[R.ACHIEVEMENT_CATEGORY]]
    else:
        colors = [ORANGE if v < 0 else BLUE for v in values]
    colors = [VERMILLION if f else c for f, c in zip(rows[R.OUTLIER], colors, strict=True)]
    fig = go.Figure(
        go.Bar(
            x=values,
            y=labels,
            orientation="h",
            marker_color=colors,
            text=[format_value(v, metric) for v in values],
            textposition="outside",
            cliponaxis=False,
            hovertext=[
                f"{label}<br>{metric.label}: {format_value(v, metric)}" for label, v in zip(labels, values, strict=True)
            ],
            hoverinfo="text",
        )
    )
    if metric.unit == "%":
        fig.add_vline(x=100, line_dash="dot", line_color="#555555")
        top = float(values.max()) if len(values) else 100.0
        fig.update_xaxes(range=[0, max(110.0, top * 1.15)])
    fig.update_xaxes(title_text=f"{metric.label} ({metric.unit})")
    title = f"Peringkat {metric.label.lower()}" + (f": tertinggi {plain(rows[R.SATKER].iloc[-1])}" if len(rows) else "")
    return _layout(fig, title, style, bars_height(labels, style))
