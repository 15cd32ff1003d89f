"""The Provinsi / Nasional page in a real browser, with three stored satker: the ranking, the
province filter, and a click on a row that opens that satker's Ringkasan. Screenshots go to
``test-artifacts/``."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from lakip_core.store import Store
from tests.browser import metric, running_app, wait_idle
from tests.rollup_helpers import THREE, store_satker

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = pytest.mark.browser
GRID = '[data-testid="stDataFrame"]'
ROW_PX, HEADER_PX = 35, 35  # Streamlit's dataframe: row and header height


def ranking(page: object) -> list[list[str]]:
    """The ranking's rows as the grid's accessible table lists them (Peringkat, Satker, Provinsi, …)."""
    page.locator(f"{GRID} td").first.wait_for(state="attached", timeout=30_000)  # type: ignore[attr-defined]
    rows = page.locator(f"{GRID} table[role='grid'] tr").filter(has=page.locator("td"))  # type: ignore[attr-defined]
    return [[c.strip() for c in rows.nth(i).locator("td").all_text_contents()] for i in range(rows.count())]


def test_rollup_ranks_filters_and_opens_a_satker(browser: object, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    for satker in THREE:
        store_satker(store, satker, 2025)
    store.dispose()
    with running_app(env={"LAKIP_DATA_DIR": str(tmp_path), "LAKIP_PUBLIC_READ": ""}) as url:
        page = browser.new_page(viewport={"width": 1366, "height": 1600})  # type: ignore[attr-defined]
        page.goto(url)
        wait_idle(page, timeout=60_000)
        page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Provinsi / Nasional").click()
        page.locator(GRID).wait_for(timeout=60_000)
        wait_idle(page, timeout=60_000)
        rows = ranking(page)
        assert [r[1] for r in rows] == ["KPU Kota Surabaya", "KPU Kota Bandung", "KPU Kabupaten Bogor"]
        assert [r[4] for r in rows] == ["115,00%", "100,00%", "80,00%"]
        assert [r[2] for r in rows] == ["Jawa Timur", "Jawa Barat", "Jawa Barat"]
        assert page.get_by_text("Peringkat capaian kinerja kantor: tertinggi KPU Kota Surabaya").count() == 1
        page.screenshot(path=str(ARTIFACTS / "rekap-nasional.png"), full_page=True)

        page.locator('[data-testid="stSelectbox"]').filter(has_text="Provinsi").click()
        page.get_by_role("option", name="Jawa Barat").click()
        page.wait_for_timeout(300)
        wait_idle(page, timeout=60_000)
        page.wait_for_function(
            "s => document.querySelectorAll(s).length < 20", arg=f"{GRID} table[role='grid'] td", timeout=30_000
        )
        rows = ranking(page)
        assert [r[1] for r in rows] == ["KPU Kota Bandung", "KPU Kabupaten Bogor"]
        assert metric(page, "Satker ditampilkan") == "2"
        page.screenshot(path=str(ARTIFACTS / "rekap-jawa-barat.png"), full_page=True)
        with page.expect_download(timeout=60_000) as download:
            page.get_by_role("button", name="Unduh peringkat (Excel)").click()
        book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
        sheet = book["Peringkat"]
        assert [sheet.cell(6, 2).value, sheet.cell(7, 2).value] == ["KPU Kota Bandung", "KPU Kabupaten Bogor"]
        assert [sheet.cell(6, 5).value, sheet.cell(7, 5).value] == [100.0, 80.0]
        assert "Jawa Barat" in str(sheet.cell(2, 1).value)

        # The sidebar shows Bogor by default (the first stored satker); a click on Bandung's row
        # (the first) opens Bandung's Ringkasan.
        assert "KPU Kabupaten Bogor" in page.locator('[data-testid="stSidebar"]').inner_text()
        grid = page.locator(GRID).bounding_box()
        assert grid is not None
        page.mouse.click(grid["x"] + 18, grid["y"] + HEADER_PX + ROW_PX / 2)
        page.get_by_role("heading", name="Ringkasan kinerja").wait_for(timeout=60_000)
        wait_idle(page, timeout=60_000)
        assert metric(page, "Capaian kinerja kantor") == "100,00%"
        assert metric(page, "Penyerapan anggaran") == "77,00%"
        assert "KPU Kota Bandung" in page.locator('[data-testid="stSidebar"]').inner_text()
        page.screenshot(path=str(ARTIFACTS / "rekap-buka-satker.png"))
        assert "Traceback" not in page.inner_text("body")
        page.close()
