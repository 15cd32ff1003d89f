"""Helpers for real-browser tests: start the app, drive Debian's chromium with Playwright."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# (url path, page title) of every page; "" is the default page (Ringkasan).
PAGES = [
    ("", "Ringkasan"),
    ("kinerja", "Kinerja"),
    ("anggaran", "Anggaran"),
    ("pegawai", "Pegawai"),
    ("aset", "Aset"),
    ("pemeriksaan", "Pemeriksaan"),
    ("perbandingan", "Perbandingan"),
    ("simulasi", "Simulasi"),
    ("ekspor", "Ekspor"),
]
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def running_app(
    env: dict[str, str] | None = None, script: Path = ROOT / "dashboard.py", port: int | None = None
) -> Iterator[str]:
    """Start ``streamlit run dashboard.py`` (or ``script``, in its folder) on 127.0.0.1, on ``port``
    or a free one; yield its URL; stop it afterwards."""
    port = port or _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script.name,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=script.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/_stcore/health")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def wait_http(url: str, seconds: float = 60) -> None:
    """Wait until ``url`` answers 200 (a server starting); raise after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextlib.contextmanager
def start_browser() -> Iterator[object]:
    """Headless Debian chromium through Playwright (no browser download)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    if path is None:
        raise RuntimeError("chromium not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def wait_idle(page: object, charts: bool = True, timeout: float = 30_000) -> None:
    """Wait until the script has finished and (when the page has charts) plotly has drawn."""
    page.wait_for_selector(IDLE, timeout=timeout)  # type: ignore[attr-defined]
    if charts and page.locator('[data-testid="stPlotlyChart"]').count():  # type: ignore[attr-defined]
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=timeout)  # type: ignore[attr-defined]


def log_in(page: object, name: str, password: str, timeout: float = 60_000) -> None:
    """Log in through the sidebar form and wait for the logged-in run (after /auth/claim and back)."""
    side = page.locator('[data-testid="stSidebar"]')  # type: ignore[attr-defined]
    side.get_by_label("Nama pengguna", exact=True).fill(name)
    side.get_by_label("Kata sandi", exact=True).fill(password)
    side.get_by_role("button", name="Masuk").click()
    side.get_by_role("button", name="Keluar").wait_for(timeout=timeout)
    wait_idle(page, timeout=timeout)


def metric(page: object, label: str) -> str:
    """The value of the metric whose label holds ``label``."""
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label).first  # type: ignore[attr-defined]
    return str(box.locator('[data-testid="stMetricValue"]').inner_text()).strip()


def nav(page: object, title: str, timeout: float = 60_000) -> None:
    """Open a page by its link in the sidebar navigation."""
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    wait_idle(page, timeout=timeout)


# Pages that draw no chart on the sample data (or with a single year stored).
CHARTLESS = frozenset({"pemeriksaan", "perbandingan", "ekspor", "versi", "unggah", "akun", "pengaturan"})


def open_page(page: object, url: str, slug: str, chart: bool | None = None) -> float:
    """Navigate to a page; return seconds from navigation to its first chart drawn.

    Waits for the page title, the end of the script run and, on pages with charts (or when
    ``chart`` is True), for plotly's first drawn SVG, so a slow chart is waited for, not missed.
    """
    start = time.perf_counter()
    page.goto(f"{url}/{slug}")  # type: ignore[attr-defined]
    page.wait_for_selector("h1", timeout=30_000)  # type: ignore[attr-defined]
    page.wait_for_selector(IDLE, timeout=30_000)  # type: ignore[attr-defined]
    expect_chart = chart if chart is not None else slug.split("?")[0] not in CHARTLESS
    if expect_chart:
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - start
    page.wait_for_timeout(400)  # type: ignore[attr-defined]
    return elapsed


def set_meeting_mode(page: object, on: bool) -> None:
    toggle = page.get_by_role("switch", name="Mode rapat (layar proyektor)")  # type: ignore[attr-defined]
    if toggle.is_checked() != on:
        page.get_by_text("Mode rapat (layar proyektor)").click()  # type: ignore[attr-defined]
        page.wait_for_timeout(300)  # type: ignore[attr-defined]
        wait_idle(page)
        page.wait_for_timeout(400)  # type: ignore[attr-defined]


# What a screen reports about itself: overflow of the document and of Streamlit's scrolling main
# area, the header line, toolbars, and every non-empty chart text with its size and colour.
SCREEN_STATE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const texts = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg text')]
    .filter(t => t.textContent.trim() && t.getBBox().width > 0)
    .map(t => { const s = getComputedStyle(t); return [t.textContent.trim(), parseFloat(s.fontSize), s.fill]; });
  return {
    page: document.scrollingElement.scrollHeight - innerHeight,
    main: main.scrollHeight - main.clientHeight,
    title: document.querySelector('h1') ? document.querySelector('h1').innerText : '',
    source: document.querySelector('.rapat-sumber') ? document.querySelector('.rapat-sumber').innerText : '',
    position: document.querySelector('.rapat-posisi') ? document.querySelector('.rapat-posisi').innerText : '',
    modebars: document.querySelectorAll('.modebar, .modebar-btn').length,  // not the empty .modebar-container
    charts: document.querySelectorAll('[data-testid="stPlotlyChart"]').length,
    texts: texts,
  };
}"""


def settle_screen(page: object) -> dict:
    """Wait for the run to end and the chart (if any) to be drawn; then measure the screen."""
    page.wait_for_selector(IDLE, timeout=30_000)  # type: ignore[attr-defined]
    if page.locator('[data-testid="stPlotlyChart"]').count():  # type: ignore[attr-defined]
        page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg text', timeout=30_000)  # type: ignore[attr-defined]
        page.locator('[data-testid="stPlotlyChart"]').first.hover()  # type: ignore[attr-defined]  # a toolbar shows on hover
    page.wait_for_timeout(600)  # type: ignore[attr-defined]  # keys pressed right after a render can be lost
    return page.evaluate(SCREEN_STATE)  # type: ignore[attr-defined,no-any-return]


def press_key(page: object, key: str, before: dict) -> dict:
    """Press a key and wait until the screen (title or position) has changed."""
    page.keyboard.press(key)  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "([t, p]) => document.querySelector('h1') && document.querySelector('.rapat-posisi') && "
        "(document.querySelector('h1').innerText !== t || document.querySelector('.rapat-posisi').innerText !== p)",
        arg=[before["title"], before["position"]],
        timeout=30_000,
    )
    return settle_screen(page)
