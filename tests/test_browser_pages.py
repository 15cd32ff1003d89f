"""Real-browser tests: every page in headless Debian chromium, no error, charts drawn, mode rapat.

Locally these skip without chromium; in CI (CI=true) a missing browser is a failure.
Screenshots and the navigation-to-first-chart timings go to ``test-artifacts/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import golden
from tests.browser import CHARTLESS, PAGES, open_page, running_app, set_meeting_mode

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
ERROR_TEXTS = ("Traceback", "This app has encountered an error", "Error:", "KeyError", "TypeError")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    with running_app() as url:
        yield url


def assert_clean(page: object) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0  # type: ignore[attr-defined]
    body = page.inner_text("body")  # type: ignore[attr-defined]
    for text in ERROR_TEXTS:
        assert text not in body, f"{text!r} on the page"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_every_page_renders_with_charts(browser: object, app_url: str, size: tuple[int, int]) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})  # type: ignore[attr-defined]
    timings = []
    for slug, title in PAGES:
        seconds = open_page(page, app_url, slug)
        timings.append(f"{title}: {seconds:.2f} s")
        assert_clean(page)
        assert page.locator("h1").first.inner_text().startswith(title.split()[0][:5])
        # Findings and downloads have no chart; Perbandingan has none until two years are stored.
        if slug not in CHARTLESS:
            assert page.locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 1
        # No developer furniture for commissioners.
        assert page.locator('[data-testid="stAppDeployButton"]').count() == 0
        page.screenshot(path=str(ARTIFACTS / f"{slug or 'ringkasan'}-{size[0]}x{size[1]}.png"))
    (ARTIFACTS / f"page-timings-{size[0]}x{size[1]}.txt").write_text("\n".join(timings) + "\n", encoding="utf-8")
    print("\nNavigation to first chart drawn:", "; ".join(timings))
    page.close()


def test_sample_figures_visible(browser: object, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    open_page(page, app_url, "anggaran")
    body = page.inner_text("body")
    assert golden.REALIZED.text in body and golden.ALLOCATION.text in body and golden.ABSORPTION.text in body
    # Capaian against spending (issue 9): the quadrant chart drawn, the money spent with no capaian named.
    assert "Capaian kinerja dan penyerapan anggaran per kegiatan" in body and "3364" in body
    titles = page.locator('[data-testid="stPlotlyChart"] .gtitle').all_text_contents()  # type: ignore[attr-defined]
    assert any("kegiatan terserap & tercapai" in t for t in titles), titles
    open_page(page, app_url, "pemeriksaan")
    assert "Baris jumlah tidak sama dengan rinciannya" in page.inner_text("body")
    page.close()


def test_meeting_mode_is_larger_and_survives_navigation(browser: object, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    open_page(page, app_url, "")
    value = page.locator('[data-testid="stMetricValue"]').first
    desk_size = float(value.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    set_meeting_mode(page, True)
    assert "rapat=true" in page.url
    meeting_size = float(value.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert meeting_size > desk_size * 1.3
    page.screenshot(path=str(ARTIFACTS / "ringkasan-rapat-1280x720.png"))
    # A projector opened on the URL starts in mode rapat, on any page.
    open_page(page, app_url, "anggaran?rapat=true&layar=2")  # screen 2: the absorption chart
    assert page.get_by_role("switch", name="Mode rapat (layar proyektor)").is_checked()
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    assert_clean(page)
    page.screenshot(path=str(ARTIFACTS / "anggaran-rapat-1280x720.png"))
    page.close()


def test_first_request_to_a_page_url_goes_through_the_router(browser: object) -> None:
    """After a server (re)start, a tab opened on /kinerja must still get the router's sidebar."""
    with running_app() as url:
        page = browser.new_page(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
        open_page(page, url, "kinerja")
        nav = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
        assert any("Ringkasan" in item for item in nav)
        assert not any(item.strip() in ("common", "access", "dashboard") for item in nav)
        assert "Dasbor LAKIP" in page.locator('[data-testid="stSidebar"]').inner_text()
        assert_clean(page)
        page.close()
