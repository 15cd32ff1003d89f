"""Mode rapat in a real browser at projector sizes: every screen of the meeting sequence fits
without scrolling, shows whose report it is, answers the presenter's keys, has no plotly toolbar,
and its chart text is dark and at least 24 px.

Locally these skip without chromium; in CI (CI=true) a missing browser is a failure. Each
screen's screenshot goes to ``test-artifacts/rapat/``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import press_key, running_app, settle_screen

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "rapat"
SEQUENCE = ["Ringkasan kinerja", "Kinerja", "Anggaran", "Pegawai", "Aset (BMN)"]
TOLERANCE = 4  # px: sub-pixel rounding, not a scroll a room would notice


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    with running_app() as url:
        yield url


def luminance(css: str) -> float:
    r, g, b = (int(v) / 255 for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def check_screen(state: dict, where: str) -> None:
    assert state["page"] <= TOLERANCE and state["main"] <= TOLERANCE, f"{where} scrolls: {state}"
    assert "KPU Kota Jakarta Selatan" in state["source"] and "Tahun 2024" in state["source"], where
    assert "Data contoh" in state["source"], where
    assert state["modebars"] == 0, f"{where}: plotly toolbar"
    assert state["charts"] <= 1, f"{where}: one chart a screen"
    for text, size, fill in state["texts"]:
        assert size >= 24, f"{where}: {text!r} at {size} px"
        # Dark on white, or white inside a dark bar: never the theme's light grey.
        assert luminance(fill) < 0.3 or luminance(fill) > 0.95, f"{where}: {text!r} in {fill}"


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_every_meeting_screen_fits_and_the_keys_walk_the_sequence(
    browser: object, app_url: str, size: tuple[int, int]
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})  # type: ignore[attr-defined]
    page.goto(f"{app_url}/?rapat=true")
    page.wait_for_selector("h1", timeout=30_000)
    state = settle_screen(page)
    # The sidebar stays folded: the room sees the figures.
    assert page.locator('[data-testid="stSidebar"]').bounding_box()["x"] < 0
    walked: list[tuple[str, str]] = []
    chart_texts = 0
    while True:
        where = f"{state['title']} {state['position'].splitlines()[0]} at {size[0]}×{size[1]}"
        check_screen(state, where)
        chart_texts += len(state["texts"])
        walked.append((state["title"], state["position"].splitlines()[0]))
        slug = f"{len(walked):02d}-{state['title'].split()[0].lower()}-{size[0]}x{size[1]}.png"
        page.mouse.move(2, size[1] - 2)  # no hover label in the picture
        page.screenshot(path=str(ARTIFACTS / slug))
        if page.get_by_role("button", name="Berikutnya").is_disabled():
            break
        assert len(walked) < 60, "the sequence never ends"
        state = press_key(page, "ArrowRight", state)
    # Every page of the sequence, in order, each from its first screen to its last.
    assert list(dict.fromkeys(title for title, _ in walked)) == SEQUENCE
    for title in SEQUENCE:
        positions = [p for t, p in walked if t == title]
        count = int(positions[0].split("/")[1])
        assert positions == [f"{n}/{count}" for n in range(1, count + 1)], title
    assert chart_texts > 100  # the font checks above looked at real chart text
    assert page.locator('[data-testid="stSidebar"]').bounding_box()["x"] < 0  # still folded after 4 page switches

    # Back across a page boundary: Aset 1 ← Pegawai's last screen; PageUp/PageDown are the same steps.
    while state["title"] == "Aset (BMN)" and not state["position"].startswith("1/"):
        state = press_key(page, "ArrowLeft", state)
    state = press_key(page, "PageUp", state)
    pegawai_last = [p for t, p in walked if t == "Pegawai"][-1]
    assert (state["title"], state["position"].splitlines()[0]) == ("Pegawai", pegawai_last)
    state = press_key(page, "PageDown", state)
    assert (state["title"], state["position"].splitlines()[0]) == ("Aset (BMN)", "1/3")
    state = press_key(page, "ArrowRight", state)
    # A projector refresh (F5) keeps the place.
    page.reload()
    page.wait_for_selector("h1", timeout=30_000)
    state = settle_screen(page)
    assert (state["title"], state["position"].splitlines()[0]) == ("Aset (BMN)", "2/3")
    assert "layar=2" in page.url and "rapat=true" in page.url
    page.close()


def test_desk_charts_have_only_the_indonesian_png_button_and_do_not_zoom(browser: object, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
    page.goto(f"{app_url}/anggaran")
    page.wait_for_selector("h1", timeout=30_000)
    settle_screen(page)
    page.wait_for_selector(".modebar-btn", state="attached", timeout=10_000)  # drawn after the chart's text
    buttons = page.locator(".modebar-btn")
    assert [buttons.nth(i).get_attribute("data-title") for i in range(buttons.count())] == ["Unduh grafik (PNG)"]
    axis_range = "() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range"
    before = page.evaluate(axis_range)
    box = page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first.bounding_box()
    page.mouse.move(box["x"] + 100, box["y"] + 60)
    page.mouse.down()
    page.mouse.move(box["x"] + 300, box["y"] + 160, steps=5)
    page.mouse.up()
    page.wait_for_timeout(300)
    assert page.evaluate(axis_range) == before  # a stray drag does not zoom
    page.close()
