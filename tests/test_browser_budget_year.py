"""Real browser: the Anggaran page's "Sepanjang tahun" on generated monthly GLP039 files imported
through the store (March, June, September, October and an RPD), and on the sample data.

Asserts the chart as drawn (plotly's own figure in the page, its marker points in the SVG) and
the quarter tiles; screenshots at the desk and in mode rapat go to ``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM
from tests.browser import log_in, open_page, running_app
from tests.real_exports import glp039
from tests.real_exports.rpd import rpd

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SATKER = "KPU Kabupaten Contoh"
HIDE_HEADER = 'header[data-testid="stHeader"]{display:none !important}'  # it covers a scrolled element's top
FIGURE = """(title) => {
  const plot = [...document.querySelectorAll('.js-plotly-plot')].find(
    (gd) => gd.layout && gd.layout.title && String(gd.layout.title.text).includes(title));
  if (!plot) return null;
  return {
    title: String(plot.layout.title.text),
    traces: plot.data.map((t) => ({name: t.name || '', x: Array.from(t.x || []), y: Array.from(t.y || []),
                                   dash: (t.line || {}).dash || '', symbol: (t.marker || {}).symbol || ''})),
    points: plot.querySelectorAll('.scatterlayer path.point').length,
    subplots: plot.querySelectorAll('.cartesianlayer .subplot').length,
  };
}"""


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four monthly GLP039 downloads and their RPD, imported as the CLI and the upload page do."""
    folder = tmp_path_factory.mktemp("months")
    store = Store(f"sqlite:///{folder / 'lakip.db'}")
    store.ensure_schema()
    last = None
    for month in (3, 6, 9, 10):
        last = glp039(folder / f"glp039_{month:02d}.xlsx", month=month, seed=1)
        store.import_file(SYSTEM, last.path.read_bytes(), last.path.name, "anggaran", SATKER, 2025)
    assert last is not None
    plan = rpd(folder / "rpd_dipa_petikan.xlsx", budget=last)
    store.import_file(SYSTEM, plan.path.read_bytes(), plan.path.name, "rpd", SATKER, 2025)
    assert [m for m, _ in store.budget_history(SATKER, 2025)] == [3, 6, 9, 10]
    store.dispose()
    return folder


def section(page: Any, name: str) -> None:
    page.add_style_tag(content=HIDE_HEADER)
    page.get_by_text("Sepanjang tahun").first.scroll_into_view_if_needed()
    page.wait_for_timeout(600)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"anggaran-sepanjang-tahun-{name}.png"))


def test_months_in_a_real_browser(browser: Any, data_dir: Path) -> None:
    with running_app({"LAKIP_DATA_DIR": str(data_dir)}) as url:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        open_page(page, url, "anggaran")
        page.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')].some("
            "(gd) => gd.layout && String(gd.layout.title.text).includes('laju target IKPA'))",
            timeout=30_000,
        )
        assert page.locator('[data-testid="stException"]').count() == 0
        body = page.inner_text("body")
        assert "✅ 20,43%" in body and "❌ 39,43%" in body and "⏳ belum" in body
        figure = page.evaluate(FIGURE, "laju target IKPA")
        assert figure is not None and "Oktober 2025: penyerapan 64,62%" in figure["title"]
        traces = figure["traces"]
        met = sorted(x for t in traces if t["name"] == "Triwulan tercapai" for x in t["x"])
        missed = sorted(x for t in traces if t["name"] == "Triwulan tidak tercapai" for x in t["x"])
        assert met == [3, 3, 3, 3, 6] and missed == [6, 6, 6, 9, 9, 9, 9]  # 4 panels: total, 51, 52, 53
        assert all(t["symbol"] == "x" for t in traces if t["name"] == "Triwulan tidak tercapai")
        assert len([t for t in traces if t["dash"] == "dash"]) == 4  # a projection per panel
        assert len([t for t in traces if t["dash"] == "dot"]) == 4  # the target steps
        assert figure["subplots"] == 4
        # Drawn, not only declared: line points (4 months × 4) + the 12 verdicts.
        assert figure["points"] >= 16 + 12
        plan = page.evaluate(FIGURE, "Deviasi rata-rata terhadap RPD")
        assert plan is not None and plan["traces"][0]["x"] == ["Jan–Mar", "Apr–Jun", "Jul–Sep", "Oktober"]
        section(page, "meja")
        chart = page.locator('[data-testid="stPlotlyChart"]').filter(has_text="laju target IKPA")
        chart.screenshot(path=str(ARTIFACTS / "anggaran-sepanjang-tahun-grafik-meja.png"))
        page.close()


def test_months_in_mode_rapat_one_idea_a_screen(browser: Any, data_dir: Path) -> None:
    """In mode rapat the section is four screens, each within a 1366×768 projector."""
    names = {}
    with running_app({"LAKIP_DATA_DIR": str(data_dir)}) as url:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        for number in range(1, 12):
            open_page(page, url, f"anggaran?rapat=true&layar={number}", chart=False)
            page.wait_for_timeout(800)
            position = page.locator(".rapat-posisi").first.inner_text().split("\n")
            name = position[-1].strip()
            names[name] = number
            assert page.locator('[data-testid="stException"]').count() == 0
            if name in ("Triwulan IKPA", "Laju total", "Laju per jenis", "Deviasi RPD"):
                height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                assert height <= 768 + 8, f"{name}: {height} px"  # fits the projector (a few px of rounding)
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"anggaran-rapat-{number}.png"))
            if name == "Laju per jenis":
                figure = page.evaluate(FIGURE, "laju target IKPA")
                assert figure is not None and figure["subplots"] == 3
                assert sorted(
                    x for t in figure["traces"] if t["name"] == "Triwulan tidak tercapai" for x in t["x"]
                ) == [
                    6,
                    6,
                    9,
                    9,
                    9,
                ]
            if position[0].strip().split("/")[0] == position[0].strip().split("/")[1]:
                break
        page.close()
    order = [names[n] for n in ("Triwulan IKPA", "Laju total", "Laju per jenis", "Deviasi RPD")]
    assert order == sorted(order) and order[-1] - order[0] == 3  # together, in this order


def test_the_sample_in_a_real_browser(browser: Any, tmp_path: Path) -> None:
    with running_app({"LAKIP_DATA_DIR": str(tmp_path)}) as url:
        page = browser.new_page(viewport={"width": 1366, "height": 768})
        open_page(page, url, "anggaran")
        assert page.locator('[data-testid="stException"]').count() == 0
        text = page.get_by_text("Data contoh hanya berisi satu tabel anggaran akhir tahun")
        assert text.count() == 1 and "GLP039" in text.inner_text()
        assert page.evaluate(FIGURE, "laju target IKPA") is None
        section(page, "contoh")
        page.close()


def test_upload_another_month_and_the_plan(browser: Any, tmp_path: Path) -> None:
    """Three months stored; October's GLP039 and the RPD uploaded on Unggah Data as a person would:
    the month is kept beside the others and Anggaran shows four months and the deviation."""
    from tests.browser import wait_idle
    from tests.intake_helpers import PASSWORD, store_with_uploader

    store = store_with_uploader(tmp_path)
    for month in (3, 6, 9):
        done = glp039(tmp_path / f"glp039_{month:02d}.xlsx", month=month, seed=1)
        store.import_file(SYSTEM, done.path.read_bytes(), done.path.name, "anggaran", SATKER, 2025)
    store.dispose()
    october = glp039(tmp_path / "glp039_oktober_2025.xlsx", month=10, seed=1)
    plan = rpd(tmp_path / "rpd_dipa_petikan_2025.xlsx", budget=october)
    with running_app({"LAKIP_DATA_DIR": str(tmp_path), "LAKIP_PUBLIC_READ": ""}) as url:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(url)
        wait_idle(page, timeout=60_000)
        log_in(page, "sekretariat", PASSWORD)
        for path, saved in (
            (october.path, "periode Oktober 2025 (berlaku)"),
            (plan.path, "(berlaku)"),
        ):
            page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Unggah Data").click()
            wait_idle(page, timeout=60_000)
            page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
            page.get_by_text(f"Pratinjau: {path.name}").wait_for(timeout=60_000)
            wait_idle(page, timeout=60_000)
            assert page.locator('[data-testid="stException"]').count() == 0
            if path == plan.path:
                assert page.get_by_text("Rencana penarikan dana").count() >= 1
                page.screenshot(path=str(ARTIFACTS / "unggah-rpd-pratinjau.png"))
            page.get_by_role("button", name="Simpan sebagai versi baru").click()
            page.get_by_text(saved).first.wait_for(timeout=30_000)
        page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Anggaran").click()
        wait_idle(page, timeout=60_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')].some("
            "(gd) => gd.layout && String(gd.layout.title.text).includes('Deviasi rata-rata terhadap RPD'))",
            timeout=30_000,
        )
        figure = page.evaluate(FIGURE, "laju target IKPA")
        assert figure is not None
        line = next(t for t in figure["traces"] if t["name"] == "Penyerapan kumulatif")
        assert line["x"] == [3, 6, 9, 10]
        assert page.locator('[data-testid="stException"]').count() == 0
        page.close()
