"""Benchmark: seconds from navigation to the first chart drawn, per dashboard page.

Starts the app on the sample data, opens each page in headless Debian chromium three ways and
prints the figures: a cold first load (new server), a warm full load (page.goto, new session),
and a click in the sidebar (the way users move between pages).

Usage: python benchmarks/bench_pages.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import PAGES, open_page, running_app, start_browser, wait_idle  # noqa: E402


def click_navigation(page: object, title: str) -> float:
    start = time.perf_counter()
    page.get_by_role("link", name=title).first.click()  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "t => document.querySelector('h1') && document.querySelector('h1').innerText.startsWith(t)",
        arg=title[:5],
    )
    wait_idle(page)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with running_app() as url, start_browser() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
        cold = {title: open_page(page, url, slug) for slug, title in PAGES}
        warm: dict[str, list[float]] = {title: [] for _, title in PAGES}
        click: dict[str, list[float]] = {title: [] for _, title in PAGES}
        for _ in range(args.repeat):
            for slug, title in PAGES:
                warm[title].append(open_page(page, url, slug))
            open_page(page, url, "")
            for _slug, title in [*PAGES[1:], PAGES[0]]:
                click[title].append(click_navigation(page, title))
    print(f"{'halaman':<14}{'pertama (s)':>12}{'muat ulang (s)':>16}{'klik menu (s)':>15}")
    for _, title in PAGES:
        print(
            f"{title:<14}{cold[title]:>12.2f}{statistics.median(warm[title]):>16.2f}"
            f"{statistics.median(click[title]):>15.2f}"
        )
    print("(median of", args.repeat, "runs for the last two columns; target ≤ 3 s)")


if __name__ == "__main__":
    main()
