"""Benchmark: seconds from navigation to the first chart drawn, in headless Debian chromium.

Two parts:

1. **First chart after a server start** (issue 13: ≤ 2,5 s): ``--starts`` times, a new server
   (``streamlit run dashboard.py``, its warm-up included: the port opens when it is done) and a
   new browser context (empty cache) open the home page, timed from navigation to plotly's first
   drawn SVG. Interleaved with the same measure of a minimal Streamlit app (stock settings, one
   plotly bar: benchmarks/bench_load.py's), whose first chart costs the browser the same plotly.js:
   the ratio survives a busy machine.
2. **Per page** on one server: a cold first load of each page, a reload (new session) and a click
   in the sidebar (the way users move between pages); medians of ``--repeat`` runs.

Usage: python benchmarks/bench_pages.py [--repeat 3] [--starts 5] [--only-first] [--no-minimal]
           [--app path/to/dashboard.py] [--throttle 20]

``--throttle MBIT`` emulates a network of that many megabits per second (and 20 ms latency) in the
browser, e.g. a meeting room's Wi-Fi shared by a dozen laptops; the frontend's 7 MB (2 MB
compressed, ui/frontend.py) then weigh.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_load import MINIMAL_APP  # noqa: E402

from tests.browser import PAGES, open_page, running_app, start_browser, wait_idle  # noqa: E402

CHART = '[data-testid="stPlotlyChart"] .main-svg'


def click_navigation(page: object, title: str) -> float:
    start = time.perf_counter()
    page.get_by_role("link", name=title).first.click()  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "t => document.querySelector('h1') && document.querySelector('h1').innerText.startsWith(t)",
        arg=title[:5],
    )
    wait_idle(page)
    return time.perf_counter() - start


def throttle(context: object, page: object, mbit: float | None) -> None:
    """Emulate a network of ``mbit`` Mbit/s down and up, 20 ms latency (Chrome DevTools Protocol)."""
    if not mbit:
        return
    cdp = context.new_cdp_session(page)  # type: ignore[attr-defined]
    cdp.send("Network.enable")
    rate = mbit * 1_000_000 / 8
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 20, "downloadThroughput": rate, "uploadThroughput": rate},
    )


def first_chart(browser: object, url: str, mbit: float | None) -> float:
    """Seconds from navigation to the first chart drawn, in a new browser context (empty cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        throttle(context, page, mbit)
        start = time.perf_counter()
        page.goto(f"{url}/")
        page.wait_for_selector(CHART, timeout=60_000)
        return time.perf_counter() - start
    finally:
        context.close()


def measure_starts(
    browser: object, starts: int, apps: dict[str, Callable[[Path], AbstractContextManager[str]]], mbit: float | None
) -> dict[str, list[float]]:
    """For each start, each app in turn: a new server (empty data folder), then its first chart."""
    times: dict[str, list[float]] = {name: [] for name in apps}
    for number in range(starts):
        for name, start_app in apps.items():
            with tempfile.TemporaryDirectory(prefix="bench-pages-") as folder, start_app(Path(folder)) as url:
                seconds = first_chart(browser, url, mbit)
            times[name].append(seconds)
            print(f"start {number + 1} {name}: {seconds:.2f} s", file=sys.stderr)
    return times


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per page for reload and click (medians)")
    parser.add_argument("--starts", type=int, default=5, help="server starts for the first chart")
    parser.add_argument("--only-first", action="store_true", help="only the first chart after a start")
    parser.add_argument("--no-minimal", action="store_true", help="without the minimal reference app")
    parser.add_argument("--app", type=Path, default=None, help="another dashboard.py (e.g. an older copy)")
    parser.add_argument("--throttle", type=float, default=None, metavar="MBIT", help="emulated network speed")
    args = parser.parse_args()
    script = (args.app or Path(__file__).resolve().parents[1] / "dashboard.py").resolve()
    load_before = os.getloadavg()[0]

    def dashboard(folder: Path) -> AbstractContextManager[str]:
        return running_app({"LAKIP_DATA_DIR": str(folder)}, script=script)

    def minimal(folder: Path) -> AbstractContextManager[str]:
        (folder / "app.py").write_text(MINIMAL_APP)
        return running_app({"LAKIP_DATA_DIR": str(folder / "data")}, script=folder / "app.py")

    apps: dict[str, Callable[[Path], AbstractContextManager[str]]] = {"dashboard": dashboard}
    if not args.no_minimal:
        apps["minimal (stock)"] = minimal
    with start_browser() as browser:
        starts = measure_starts(browser, args.starts, apps, args.throttle) if args.starts else {}
        per_page: list[tuple[str, float, float, float]] = []
        if not args.only_first:
            with tempfile.TemporaryDirectory(prefix="bench-pages-") as folder, dashboard(Path(folder)) as url:
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
                per_page = [
                    (title, cold[title], statistics.median(warm[title]), statistics.median(click[title]))
                    for _, title in PAGES
                ]

    print(
        f"\nbench_pages · {datetime.now():%Y-%m-%d %H:%M} · {platform.node()} · {os.cpu_count()} CPUs · "
        f"load {load_before:.1f} before, {os.getloadavg()[0]:.1f} after · app {script}"
        + (f" · network {args.throttle:g} Mbit/s" if args.throttle else "")
    )
    if starts:
        print(f"\nfirst chart after a server start (s), {args.starts} starts: median (min–max)")
        for name, values in starts.items():
            print(f"{name:<18}{spread(values):>22}   " + " ".join(f"{v:.2f}" for v in values))
        if "minimal (stock)" in starts:
            ratio = statistics.median(starts["dashboard"]) / statistics.median(starts["minimal (stock)"])
            print(f"{'ratio of medians':<18}{ratio:>10.2f}")
    if per_page:
        print(f"\n{'halaman':<14}{'pertama (s)':>12}{'muat ulang (s)':>16}{'klik menu (s)':>15}")
        for title, cold_s, warm_s, click_s in per_page:
            print(f"{title:<14}{cold_s:>12.2f}{warm_s:>16.2f}{click_s:>15.2f}")
        print(f"(median of {args.repeat} runs for the last two columns; 'pertama' on one server, after the others)")


if __name__ == "__main__":
    main()
