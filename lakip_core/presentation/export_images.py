"""Charts of the report drawn as PNG images (kaleido in headless Chromium) for the Word export."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Mapping
from dataclasses import dataclass

import plotly.graph_objects as go

from lakip_core.analysis.report import Report
from lakip_core.analysis.whatif.scenario import Scenario
from lakip_core.analysis.whatif.simulate import simulate
from lakip_core.presentation import charts
from lakip_core.schema import IndicatorCol, ObjectiveCol

CHART_WIDTH_PX = 900
CHART_LABELS = {
    "capaian-sasaran": "Capaian per sasaran",
    "simulasi-sasaran": "Simulasi: capaian per sasaran",
    "kategori-capaian": "Indikator per kategori",
    "anggaran-kegiatan": "Pagu dan realisasi per kegiatan",
    "penyerapan-kegiatan": "Penyerapan per kegiatan",
}


def report_charts(report: Report, scenario: Scenario | None = None) -> dict[str, go.Figure]:
    """The charts of the Word document, by file-name slug, in LAKIP order.

    With ``scenario``, its per-sasaran chart (stored beside simulated, as on the Simulasi page) too.
    """
    figures: dict[str, go.Figure] = {}
    office = report.office
    if report.indicators is not None and len(report.indicator_frame):
        measured = report.objectives[report.objectives[ObjectiveCol.WITH_DATA] > 0]
        figures["capaian-sasaran"] = charts.objectives_chart(measured, office.mean_pct, office.category)
        frame = report.indicator_frame
        if scenario is not None:
            sim = simulate(frame, scenario, report.settings)
            base, after = sim.baseline, sim.scenario
            figures["simulasi-sasaran"] = charts.scenario_chart(
                sim.objectives, base.mean_pct, after.mean_pct, base.category, after.category
            )
        figures["kategori-capaian"] = charts.category_chart(
            frame[frame[IndicatorCol.HAS_DATA].astype(bool)], report.settings.scale
        )
    totals = report.budget_totals
    if totals is not None and len(report.budget_lines):
        figures["anggaran-kegiatan"] = charts.budget_chart(report.budget_lines, totals.absorption_pct, totals.remaining)
        figures["penyerapan-kegiatan"] = charts.absorption_chart(report.budget_lines, totals.absorption_pct)
    return figures


@dataclass(frozen=True)
class ChartImages:
    """PNG bytes per chart slug, or a note saying why there are none."""

    images: Mapping[str, bytes]
    note: str = ""


def _figure_height(fig: go.Figure) -> int:
    height = fig.layout.height
    return int(height) if height else 500


async def _render(figures: Mapping[str, go.Figure], scale: float, timeout: float) -> dict[str, bytes]:
    import kaleido

    images: dict[str, bytes] = {}
    async with kaleido.Kaleido(n=1, timeout=timeout) as renderer:
        for slug, fig in figures.items():
            opts = {"format": "png", "width": CHART_WIDTH_PX, "height": _figure_height(fig), "scale": scale}
            images[slug] = await renderer.calc_fig(fig, opts=opts)
    return images


def chart_images(figures: Mapping[str, go.Figure], scale: float = 2.0, timeout: float = 90.0) -> ChartImages:
    """Render figures to PNG with kaleido and headless Chromium (one browser for all of them).

    Without kaleido or Chromium, or when rendering fails, returns no images and an Indonesian
    note; the caller then exports the tables alone. Runs in its own thread so that it works
    from inside an event loop too.
    """
    if not figures:
        return ChartImages({})
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            images = pool.submit(asyncio.run, _render(figures, scale, timeout)).result(timeout=timeout * 2)
    except ImportError:
        return ChartImages({}, "Grafik tidak disertakan: paket kaleido belum terpasang di server.")
    except Exception as err:  # noqa: BLE001 - any browser failure means "tables only", never a crash
        reason = "Chromium tidak tersedia" if "chrom" in str(err).lower() else type(err).__name__
        return ChartImages({}, f"Grafik tidak disertakan: grafik tidak dapat digambar di server ({reason}).")
    return ChartImages(images)


def figure_png(fig: go.Figure, scale: float = 2.0) -> bytes | None:
    """One chart as PNG (``None`` when kaleido/Chromium cannot draw it)."""
    return chart_images({"grafik": fig}, scale).images.get("grafik")
