"""An ADK item table with three satker on Unggah Data in a real browser (Playwright + chromium).

Upload → the preview asks which satker (Simpan disabled, nothing stored) → choose one → its pagu
(the generator's own figure) → name it → Simpan → only its rows are stored. Screenshots go to
``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lakip_core.presentation.format import format_rupiah, format_rupiah_short
from lakip_core.store import Store
from tests.browser import running_app, wait_idle
from tests.intake_helpers import PASSWORD, store_with_uploader
from tests.real_exports import adk_items
from tests.test_layout_browser import choose, metric, shoot, upload

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_choose_one_satker_of_an_adk_file_and_save(browser: object, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    store_with_uploader(tmp_path).dispose()
    adk = adk_items(tmp_path / "files" / "d_item25.csv", header=False, satkers=3, rows_per_satker=40, seed=4)
    code = list(adk.per_satker)[1]

    with running_app(env={"LAKIP_DATA_DIR": str(tmp_path), "LAKIP_PUBLIC_READ": ""}) as url:
        page = browser.new_page(viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
        page.goto(url)
        wait_idle(page, timeout=60_000)
        side = page.locator('[data-testid="stSidebar"]')
        side.get_by_label("Nama pengguna", exact=True).fill("sekretariat")
        side.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
        side.get_by_role("button", name="Masuk").click()
        page.get_by_text("Pengunggah").first.wait_for(timeout=30_000)
        wait_idle(page, timeout=60_000)
        page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Unggah Data").click()
        wait_idle(page, timeout=60_000)

        upload(page, adk.path)
        page.get_by_text("Berkas ini berisi 3 satuan kerja").wait_for(timeout=60_000)
        wait_idle(page, timeout=60_000)
        assert page.get_by_role("button", name="Simpan sebagai versi baru").is_disabled()
        assert metric(page, "Pagu") == format_rupiah_short(adk.pagu)
        shoot(page, "unggah-satker-pilih", (1366, 900))
        assert Store(f"sqlite:///{tmp_path / 'lakip.db'}").versions() == []

        choose(page, "Satuan kerja", code)
        chosen = page.get_by_role("combobox", name="Satuan kerja").input_value()
        assert chosen.startswith(code) and chosen.endswith(f"pagu {format_rupiah(adk.per_satker[code])}")
        assert metric(page, "Pagu") == format_rupiah_short(adk.per_satker[code])
        assert page.get_by_text("Pilih satuan kerja dulu").count() == 0
        name = page.locator(f".st-key-satker-0-{code} input")
        name.fill("KPU Kota Bogor")
        name.press("Enter")
        wait_idle(page, timeout=60_000)
        page.wait_for_timeout(500)
        wait_idle(page, timeout=60_000)
        assert page.get_by_text("Isi nama satuan kerja").count() == 0
        shoot(page, "unggah-satker-dipilih", (1366, 900))
        page.get_by_role("button", name="Simpan sebagai versi baru").click()
        page.get_by_text("Tersimpan sebagai versi #1").wait_for(timeout=30_000)
        assert "Traceback" not in page.inner_text("body")

    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    (version,) = store.versions()
    assert (version.satker, version.file_satker) == ("KPU Kota Bogor", code)
    report = store.current_report("KPU Kota Bogor", 2025)
    assert report is not None and report.budget_totals.allocation == adk.per_satker[code]
