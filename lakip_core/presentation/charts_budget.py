"""Charts of the budget through the year (:mod:`lakip_core.analysis.budget_year`).

Builders only: each returns a plotly figure whose title states the finding in words. Same
conventions as :mod:`lakip_core.presentation.charts` (Okabe–Ito colours, Indonesian numbers, the
desk and meeting-room styles); data text is escaped for plotly's HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lakip_core.analysis.budget_year import (
    PLAN_DEVIATION_FULL_MARKS_PCT,
    QUARTER_MONTHS,
    STATUS_LABELS,
    BudgetYear,
    Line,
    PlanDeviation,
    month_name,
    target_pace,
)
from lakip_core.presentation.chart_style import (
    BLUE,
    DESK,
    GREEN,
    GREY,
    ORANGE,
    PURPLE,
    SKY,
    VERMILLION,
    ChartStyle,
    _empty,
    _layout,
    _text_font,
)
from lakip_core.presentation.escape import plot_text
from lakip_core.presentation.format import format_percent, format_rupiah, format_rupiah_short

MONTH_TICKS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
# Line colours keep clear of the verdict colours (green tercapai, vermillion tidak tercapai).
LINE_COLORS = {"total": BLUE, "51": SKY, "52": PURPLE, "53": "#8C6D1F", "57": "#444444"}
TARGET_COLOR = "#555555"
MET, MISSED = GREEN, VERMILLION


def headline(year: BudgetYear) -> str:
    """The finding of the year in one sentence: where absorption stands against the target pace."""
    line = year.total
    month = year.latest_month
    if month is None:
        return "Belum ada bulan tersimpan"
    actual = line.pct_at(month)
    where = f"{month_name(month)} {year.year}: penyerapan {format_percent(actual)}"
    if line.targets is None or actual is None:
        return where
    pace = target_pace(line.targets, month)
    if month in QUARTER_MONTHS:
        quarter = line.quarters[QUARTER_MONTHS.index(month)]
        verdict = "memenuhi" if quarter.status == "met" else "di bawah"
        return f"{where}, {verdict} target IKPA {quarter.name} ({format_percent(quarter.target_pct)})"
    verdict = "di atas" if actual >= pace else "di bawah"
    return f"{where}, {verdict} laju target IKPA ({format_percent(pace)})"


def _target_steps(line: Line) -> tuple[list[int], list[float]]:
    """The staircase of the quarter targets: each quarter's level over its three months."""
    assert line.targets is not None
    xs = [0, *QUARTER_MONTHS]
    ys = [*line.targets, line.targets[-1]]
    return xs, ys


def _panel(fig: go.Figure, line: Line, row: int, col: int, style: ChartStyle, shown: set[str]) -> None:
    """One line's panel; ``shown`` holds the legend entries already drawn (each is drawn once)."""

    def legend(group: str) -> bool:
        first = group not in shown
        shown.add(group)
        return first

    color = LINE_COLORS.get(line.key, BLUE)
    name = plot_text(line.label)
    marker_size = 12 if style.meeting else 9
    if line.targets is not None:
        xs, ys = _target_steps(line)
        fig.add_scatter(
            x=xs,
            y=ys,
            mode="lines",
            line={"shape": "hv", "color": TARGET_COLOR, "width": 2, "dash": "dot"},
            name="Target IKPA",
            legendgroup="target",
            showlegend=legend("target"),
            hovertemplate="Target IKPA: %{y:.0f}%<extra></extra>",
            row=row,
            col=col,
        )
    months = [m for m, p in zip(line.months, line.pct, strict=True) if p is not None]
    values = [p for p in line.pct if p is not None]
    hover = [
        f"{name} — {month_name(m)}<br>Penyerapan {format_percent(p)}<br>Realisasi {format_rupiah(r)} dari pagu "
        f"{format_rupiah(a)}"
        for m, p, r, a in zip(line.months, line.pct, line.realized, line.allocation, strict=True)
        if p is not None
    ]
    fig.add_scatter(
        x=months,
        y=values,
        mode="lines+markers",
        line={"color": color, "width": 4 if style.meeting else 3},
        marker={"size": marker_size, "color": color},
        name="Penyerapan kumulatif",
        legendgroup="actual",
        showlegend=legend("actual"),
        hovertext=hover,
        hoverinfo="text",
        row=row,
        col=col,
    )
    if values:  # the latest figure written at its point
        fig.add_annotation(
            x=months[-1],
            y=values[-1],
            text=f"<b>{format_percent(values[-1])}</b>",
            showarrow=False,
            xanchor="center",
            yanchor="bottom",
            yshift=10,
            font={"size": style.font_size, "color": "#222222"},
            row=row,
            col=col,
        )
    if line.projection is not None:
        path = line.projection.path()
        fig.add_scatter(
            x=[m for m, _ in path],
            y=[p for _, p in path],
            mode="lines",
            line={"color": color, "width": 3, "dash": "dash"},
            name="Proyeksi",
            legendgroup="projection",
            showlegend=legend("projection"),
            hovertemplate=f"Proyeksi %{{x}}: %{{y:.1f}}%<br>{plot_text(line.projection.window_text)}<extra></extra>",
            row=row,
            col=col,
        )
    for status, symbol, mark_color, label in (
        ("met", "circle", MET, "Triwulan tercapai"),
        ("missed", "x", MISSED, "Triwulan tidak tercapai"),
    ):
        judged = [q for q in line.quarters if q.status == status]
        if not judged:
            continue
        fig.add_scatter(
            x=[q.month for q in judged],
            y=[q.actual_pct for q in judged],
            mode="markers",
            marker={
                "symbol": symbol,
                "size": marker_size + 10,
                "color": mark_color,
                "line": {"width": 2, "color": "white" if symbol == "circle" else mark_color},
            },
            name=label,
            legendgroup=status,
            showlegend=legend(status),
            hovertext=[
                f"{q.name} ({month_name(q.month)}): {format_percent(q.actual_pct)} — target "
                f"{format_percent(q.target_pct, 0)}, {STATUS_LABELS[q.status]}"
                for q in judged
            ],
            hoverinfo="text",
            row=row,
            col=col,
        )
    for quarter in line.quarters:
        if quarter.status == "missing":  # said, never guessed
            fig.add_annotation(
                x=quarter.month,
                y=2,
                text=f"{month_name(quarter.month)}<br>tidak tersimpan",
                showarrow=False,
                yanchor="bottom",
                font={"size": style.font_size - 3, "color": GREY},
                row=row,
                col=col,
            )
    for change in line.pagu_changes:
        fig.add_annotation(
            x=change.month,
            y=98,
            text=f"pagu {format_rupiah_short(change.before).removeprefix('Rp ')} → "
            f"{format_rupiah_short(change.after).removeprefix('Rp ')}",
            showarrow=False,
            yanchor="top",
            font={"size": style.font_size - 3, "color": "#333333"},
            row=row,
            col=col,
        )


def _panel_title(line: Line, style: ChartStyle) -> str:
    label = plot_text(line.label)
    if style.meeting:  # a panel is half the projector's width: the short name
        label = label.removeprefix("Belanja ")
    projection = line.projection
    tail = f" · proyeksi Des {format_percent(projection.pct, 0)}" if projection else ""
    return f"<b>{label}</b> — {format_percent(line.latest_pct)}{tail}"


def budget_year_chart(year: BudgetYear, style: ChartStyle = DESK, keys: Sequence[str] | None = None) -> go.Figure:
    """Cumulative absorption per month, one panel per line (the total, then each jenis belanja;
    ``keys`` picks some): the line (solid), the IKPA quarter targets (dotted steps), each quarter's
    verdict at its last month (● tercapai, ✕ tidak tercapai; a month not stored is written, not
    guessed), the projection to December (dashed) and pagu changes (revisi DIPA) where they happen.

    In mode rapat the figure stays within the style's ``max_height`` (a 1366×768 screen under the
    meeting header) and the legend becomes a line under the title."""
    title = "Penyerapan sepanjang tahun"
    if not year.months:
        return _empty(title, "Belum ada bulan tersimpan.", style)
    lines = [line for line in year.lines if keys is None or line.key in keys]
    cols = 1 if len(lines) == 1 else 2
    rows = (len(lines) + cols - 1) // cols
    fig = make_subplots(
        rows=rows,
        cols=cols,
        subplot_titles=[_panel_title(line, style) for line in lines],
        vertical_spacing=min(0.3, 0.16 * (2 if style.meeting else 1.4) / rows) if rows > 1 else 0.0,
        horizontal_spacing=0.08,
    )
    shown: set[str] = set()
    for index, line in enumerate(lines):
        _panel(fig, line, index // cols + 1, index % cols + 1, style, shown)
    top = max([110.0, *(p + 8 for line in lines for p in line.pct if p is not None)])
    text = _text_font(style)
    # In the room only the months a quarter is judged at: twelve 24 px labels do not fit a half-width panel.
    ticks = list(QUARTER_MONTHS) if style.meeting else list(range(1, 13))
    fig.update_xaxes(
        range=[0.5, 12.5],
        tickvals=ticks,
        ticktext=[MONTH_TICKS[m - 1] for m in ticks],
        tickangle=0,
        showgrid=False,
        tickfont=text,
    )
    fig.update_yaxes(range=[0, top], ticksuffix="%", dtick=50 if style.meeting and rows > 1 else 25, tickfont=text)
    fig.update_xaxes(fixedrange=True)
    fig.update_yaxes(fixedrange=True, gridcolor="#e5e5e5")
    for annotation in fig.layout.annotations[: len(lines)]:  # the subplot titles
        annotation.font = {"size": style.font_size, "color": style.text_color or "#222222"}
    quarters = ", ".join(month_name(m)[:3] for m in QUARTER_MONTHS)
    if style.meeting:
        subtitle = f"titik-titik: target IKPA · ● tercapai · ✕ tidak tercapai ({quarters}) · putus-putus: proyeksi"
        height = style.max_height or 640
    else:
        subtitle = f"Titik besar: tiap triwulan dinilai pada bulan terakhirnya ({quarters}); titik-titik: target IKPA"
        height = 150 + rows * 270
    fig = _layout(fig, headline(year), style, height)
    # Plotly's own subtitle: a "<br>" second line pushes a large first line out of the figure
    # once subplot titles need the top margin.
    title_lines = 1 + fig.layout.title.text.count("<br>")
    fig.update_layout(
        title={
            "subtitle": {"text": plot_text(subtitle), "font": {**text, "size": style.font_size - 4 * style.meeting}},
            # From the top of the figure down: centred in the margin it would meet the panel titles.
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 10},
        }
    )
    top_margin = int(style.title_size * 1.35 * title_lines + style.font_size * 1.3 + style.font_size * 2 + 20)
    if style.meeting:
        fig.update_layout(showlegend=False, margin={"t": top_margin, "b": int(style.font_size * 2)})
    else:
        fig.update_layout(
            legend={"y": -0.04 - 0.1 / rows, "yanchor": "top", "x": 0, "xanchor": "left"},
            margin={"b": 90, "t": top_margin},
        )
    return fig


def plan_deviation_chart(plan: PlanDeviation, style: ChartStyle = DESK) -> go.Figure:
    """Deviation of realisasi from the RPD per span between stored months (bars), the IKPA
    full-marks line at 5%, and the planned and spent rupiah in the hover."""
    title = "Deviasi realisasi terhadap rencana (RPD)"
    if not plan.spans:
        return _empty(title, "Belum ada bulan dengan realisasi.", style)
    limit = PLAN_DEVIATION_FULL_MARKS_PCT
    labels = [span.label for span in plan.spans]
    values = [span.deviation_pct for span in plan.spans]
    colors = [GREEN if v <= limit else (ORANGE if v <= 25 else VERMILLION) for v in values]
    hover = [
        f"{span.label}: rencana {format_rupiah(span.planned)}, realisasi {format_rupiah(span.realized)}<br>"
        f"Deviasi {format_percent(span.deviation_pct)}"
        + (f" ({span.months} bulan digabung)" if span.months > 1 else "")
        for span in plan.spans
    ]
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=values,
            marker_color=colors,
            text=[format_percent(v) for v in values],
            textposition="outside",
            textfont=_text_font(style),
            cliponaxis=False,
            hovertext=hover,
            hoverinfo="text",
            showlegend=False,
        )
    )
    fig.add_hline(y=limit, line_dash="dot", line_color=TARGET_COLOR, line_width=2)
    fig.update_yaxes(title={"text": "Deviasi (%)", "font": _text_font(style)}, range=[0, max(30.0, max(values) + 15)])
    fig.update_yaxes(ticksuffix="%", tickfont=_text_font(style), fixedrange=True)
    fig.update_xaxes(tickfont=_text_font(style), fixedrange=True)
    fig.update_xaxes(type="category")
    verdict = "nilai penuh" if plan.full_marks else "di atas batas nilai penuh"
    heading = f"Deviasi rata-rata terhadap RPD: {format_percent(plan.mean_pct)} ({verdict})"
    joined = any(span.months > 1 for span in plan.spans)
    subtitle = (
        f"garis titik-titik: batas nilai penuh IKPA ({format_percent(limit, 0)})"
        if style.meeting
        else f"|realisasi − rencana| ÷ rencana, per jenis belanja ditimbang pagu; garis titik-titik = batas nilai "
        f"penuh IKPA ({format_percent(limit, 0)})" + ("; bulan tak tersimpan digabung" if joined else "")
    )
    return _layout(fig, heading, style, 360 + 80 * style.meeting, subtitle=subtitle)
