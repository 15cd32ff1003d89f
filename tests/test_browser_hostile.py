"""Hostile names in a real browser: no link, bold, image, KaTeX, colour or icon from data exists in
the DOM, in markdown or in the plotly SVG (issue 10, items 1–3). Screenshots: ``test-artifacts/``."""

from __future__ import annotations

from pathlib import Path

import pytest

from lakip_core.analysis import whatif
from lakip_core.store.auth import SYSTEM
from tests import hostile
from tests.browser import running_app, set_meeting_mode, wait_idle
from tests.intake_helpers import store_file, store_with_uploader

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = pytest.mark.browser
# Elements that would mean data text became markup.
FORBIDDEN = {
    "link to an outside site": 'a[href*="evil.example"], a[href*="127.0.0.1:9"], svg a',
    "image from data": 'img[src*="127.0.0.1"], img[src="x"], img[alt="Streamlit logo"]',
    "bold from data": 'b:text-is("TEBAL"), strong:text-is("BINTANG"), strong:text-is("GARIS"), b:text-is("x")',
    "strikethrough from data": 'del:text-is("CORET"), s:text-is("CORET"), del:text-is("S")',
    "KaTeX": ".katex",
    "colour directive from data": '[class*="stMarkdownColored"]:text-is("MERAH")',
    "material icon from data": '[role="img"][aria-label="home icon"]',
    "autolink": 'a[href^="http://www"], a[href^="mailto:"], a[href*="evil"]:not([href^="#"])',
}
PAGES = ["", "kinerja", "anggaran", "aset", "pemeriksaan", "perbandingan", "simulasi", "versi"]


def open_page(page: object, url: str, slug: str, chart: bool = False) -> None:
    """Open a page and wait for its script to finish (long names make some pages slow to draw)."""
    page.goto(f"{url}/{slug}")  # type: ignore[attr-defined]
    page.wait_for_selector("h1", timeout=120_000)  # type: ignore[attr-defined]
    wait_idle(page, timeout=120_000)
    page.wait_for_timeout(800)  # type: ignore[attr-defined]


def assert_no_markup(page: object, where: str) -> None:
    for what, selector in FORBIDDEN.items():
        found = page.locator(selector)  # type: ignore[attr-defined]
        count = found.count()
        context = found.first.evaluate("e => e.parentElement.parentElement.outerHTML.slice(0, 600)") if count else ""
        assert count == 0, f"{where}: {count} × {what} ({selector}): {context}"
    body = page.inner_text("body")  # type: ignore[attr-defined]
    assert "\u202e" not in body and "Traceback" not in body and "Page not found" not in body, where


def test_no_markup_from_hostile_names_in_the_dom(browser: object, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    store = store_with_uploader(tmp_path)
    for year in (2023, 2024):
        store_file(store, hostile.indicators_xlsx(), hostile.FILENAME, "indikator", year, hostile.SATKER)
    store_file(store, hostile.budget_xlsx(), "anggaran " + hostile.FILENAME, "anggaran", 2024, hostile.SATKER)
    store_file(store, hostile.assets_xlsx(), "aset " + hostile.FILENAME, "aset", 2024, hostile.SATKER)
    store_file(store, hostile.staff_xlsx(), "pegawai " + hostile.FILENAME, "pegawai", 2024, hostile.SATKER)
    store.save_scenario(SYSTEM, hostile.SATKER, 2024, hostile.SCENARIO, whatif.Scenario(hostile.SCENARIO))
    store.dispose()
    with running_app(env={"LAKIP_DATA_DIR": str(tmp_path), "LAKIP_PUBLIC_READ": "1"}) as url:
        page = browser.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
        for slug in PAGES:
            open_page(page, url, slug)
            assert_no_markup(page, slug or "ringkasan")
            page.screenshot(path=str(ARTIFACTS / f"hostile-{slug or 'ringkasan'}.png"), full_page=True)
        open_page(page, url, "")
        # Shown as the characters they are: the satker in the sidebar, a sasaran on the chart.
        side = page.locator('[data-testid="stSidebar"]').inner_text()
        assert "KPU ![s](http://127.0.0.1:9999/s.png) <b>TEBAL</b> $x^2$" in side.replace("\u2060", "")
        svg = " ".join(page.locator('[data-testid="stPlotlyChart"] svg').all_text_contents())
        assert "<b>TEBAL</b><a href='https://evil.example/b'>" in svg or "TAUTANB" in svg
        open_page(page, url, "kinerja")
        tabs = page.get_by_role("tab").all_inner_texts()
        assert any("PK <b>x<b> __T__ $x^2$ ~S~" in tab for tab in tabs), tabs
        open_page(page, url, "pegawai")
        set_meeting_mode(page, True)
        assert_no_markup(page, "pegawai rapat")
        assert "[TAUTAN](http://evil.example/x)" in page.inner_text("body").replace("\u2060", "")
        page.screenshot(path=str(ARTIFACTS / "hostile-pegawai-rapat.png"), full_page=True)
        page.close()
