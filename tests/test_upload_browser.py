"""The upload flow in a real browser (Playwright + Debian chromium), on a temporary database.

Log in, upload with ``set_input_files``, check the preview, confirm, see the new figures on
Ringkasan, restore the previous version on Versi Data, see the old figures again. Locally this
skips without chromium; in CI (CI=true) a missing browser is a failure. Screenshots go to
``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM
from tests import golden
from tests.browser import running_app, wait_idle
from tests.intake_helpers import PASSWORD, SAMPLE, SATKER, budget_xlsx, store_with_uploader

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = pytest.mark.browser


def metric(page: object, label: str) -> str:
    """The value of the metric whose label is ``label``."""
    box = page.locator('[data-testid="stMetric"]').filter(has_text=label).first  # type: ignore[attr-defined]
    return str(box.locator('[data-testid="stMetricValue"]').inner_text()).strip()


def nav(page: object, title: str) -> None:
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title).click()  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    wait_idle(page, timeout=60_000)


def assert_clean(page: object) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0  # type: ignore[attr-defined]
    assert "Traceback" not in page.inner_text("body")  # type: ignore[attr-defined]


def test_upload_confirm_restore_in_browser(browser: object, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    store = store_with_uploader(tmp_path)
    store.import_file(SYSTEM, (SAMPLE / "anggaran_2024.xlsx").read_bytes(), "anggaran_2024.xlsx", None, SATKER, 2024)
    store.dispose()
    upload = tmp_path / "anggaran_revisi.xlsx"
    upload.write_bytes(budget_xlsx([600_000_000, 300_000_000], names=["Keuangan <b>baru</b>", "[Tautan](http://x.id)"]))

    with running_app(env={"LAKIP_DATA_DIR": str(tmp_path), "LAKIP_PUBLIC_READ": ""}) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        page.goto(url)
        wait_idle(page, timeout=60_000)
        # Before login nothing of the data shows.
        assert page.locator('[data-testid="stMetric"]').count() == 0
        side = page.locator('[data-testid="stSidebar"]')
        side.get_by_label("Nama pengguna", exact=True).fill("sekretariat")
        side.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
        side.get_by_role("button", name="Masuk").click()
        page.get_by_text("Pengunggah").first.wait_for(timeout=30_000)
        wait_idle(page, timeout=60_000)
        nav(page, "Ringkasan")
        assert metric(page, "Penyerapan anggaran") == golden.ABSORPTION.text

        nav(page, "Unggah Data")
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
        page.get_by_text("Pratinjau: anggaran_revisi.xlsx").wait_for(timeout=60_000)
        wait_idle(page, timeout=60_000)
        assert_clean(page)
        assert metric(page, "Penyerapan") == "45,00%"
        assert page.get_by_text("Menggantikan versi berlaku #1").count() == 1
        assert page.locator("b", has_text="baru").count() == 0  # the label's HTML is text, not markup
        page.screenshot(path=str(ARTIFACTS / "unggah-pratinjau.png"))
        page.get_by_role("button", name="Simpan sebagai versi baru").click()
        page.get_by_text("Tersimpan sebagai versi #2 (berlaku).").wait_for(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "unggah-tersimpan.png"))

        nav(page, "Ringkasan")
        assert metric(page, "Penyerapan anggaran") == "45,00%"
        assert_clean(page)

        nav(page, "Versi Data")
        page.locator('[data-testid="stSelectbox"]').filter(has_text="Versi").last.click()
        page.get_by_role("option", name="#1 · anggaran_2024.xlsx").click()
        wait_idle(page, timeout=60_000)
        page.get_by_role("button", name="Jadikan versi #1 berlaku").click()
        page.get_by_text("Versi #1 kini berlaku kembali").wait_for(timeout=30_000)
        page.screenshot(path=str(ARTIFACTS / "versi-dipulihkan.png"))

        nav(page, "Ringkasan")
        assert metric(page, "Penyerapan anggaran") == golden.ABSORPTION.text
        assert_clean(page)
        page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Keluar").click()
        page.locator('[data-testid="stSidebar"]').get_by_role("button", name="Masuk").wait_for(timeout=30_000)
        wait_idle(page, charts=False)  # the logged-out run has finished and removed the stale figures
        page.locator('[data-testid="stMetric"]').first.wait_for(state="detached", timeout=30_000)
        assert page.locator('[data-testid="stMetric"]').count() == 0
        page.close()
    actions = [e.action for e in Store(f"sqlite:///{tmp_path / 'lakip.db'}").audit_entries()]
    assert actions[:4] == ["keluar", "pulihkan", "unggah", "masuk"]
