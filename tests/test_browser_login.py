"""Login across reloads and tabs, ended by a password change elsewhere; Indonesian unknown pages.

Real browser (Playwright + Debian chromium) against ``streamlit run dashboard.py`` on a temporary
database (issue 10, item 8). Screenshots go to ``test-artifacts/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lakip_core.store import Store
from tests.browser import log_in, running_app, wait_idle
from tests.intake_helpers import PASSWORD, store_with_uploader

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = pytest.mark.browser
SIDEBAR = '[data-testid="stSidebar"]'


def logged_in(page: object, timeout_ms: int = 20_000) -> bool:
    """True once the sidebar shows the logout button (a first run may rerun before it draws the
    sidebar, so this waits for it rather than looking once); False when it never comes."""
    wait_idle(page, timeout=60_000)
    button = page.locator(SIDEBAR).get_by_role("button", name="Keluar")  # type: ignore[attr-defined]
    try:
        button.wait_for(timeout=timeout_ms)
    except Exception:  # Playwright's TimeoutError: not logged in
        return False
    return button.count() == 1


def no_english_dialog(page: object) -> None:
    body = page.inner_text("body")  # type: ignore[attr-defined]
    assert "Page not found" not in body and "Traceback" not in body


def test_login_survives_reload_and_tabs_and_ends_when_the_password_changes_elsewhere(
    browser: object, tmp_path: Path
) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    store_with_uploader(tmp_path).dispose()
    with running_app(env={"LAKIP_DATA_DIR": str(tmp_path), "LAKIP_PUBLIC_READ": ""}) as url:
        laptop = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        page = laptop.new_page()
        # A bookmarked page before login: Indonesian text, not Streamlit's English dialog.
        page.goto(f"{url}/anggaran")
        page.get_by_text("Halaman Anggaran memerlukan akun").wait_for(timeout=60_000)
        no_english_dialog(page)
        page.screenshot(path=str(ARTIFACTS / "login-halaman-tertutup.png"))
        log_in(page, "sekretariat", PASSWORD)
        assert page.url.rstrip("/").endswith("/anggaran")  # back on the page asked for
        page.get_by_role("heading", name="Anggaran", exact=True).wait_for(timeout=60_000)

        cookie = next(c for c in laptop.cookies() if c["name"] == "lakip_sesi")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
        assert "lakip_sesi" not in page.evaluate("document.cookie")  # no script can read it

        page.reload()
        assert logged_in(page), "a reload logged the user out"
        second_tab = laptop.new_page()
        second_tab.goto(f"{url}/kinerja")
        assert logged_in(second_tab), "a new tab is not logged in"
        page.screenshot(path=str(ARTIFACTS / "login-setelah-muat-ulang.png"))

        # The same account on another device changes its password.
        phone = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        other = phone.new_page()
        other.goto(f"{url}/akun")
        log_in(other, "sekretariat", PASSWORD)
        other.get_by_text("Ganti kata sandi").click()
        other.get_by_label("Kata sandi lama").fill(PASSWORD)
        other.get_by_label("Kata sandi baru (minimal 8 karakter)").fill("sandi-baru-kantor-2")
        other.get_by_label("Ulangi kata sandi baru").fill("sandi-baru-kantor-2")
        other.get_by_role("button", name="Simpan kata sandi").click()
        other.get_by_text("Kata sandi diganti.").wait_for(timeout=60_000)
        assert logged_in(other)  # the session that changed it stays

        page.reload()  # the laptop: logged out
        assert not logged_in(page, 3_000)
        page.locator(SIDEBAR).get_by_role("button", name="Masuk").wait_for(timeout=30_000)
        second_tab.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Ringkasan").click()
        second_tab.locator(SIDEBAR).get_by_role("button", name="Masuk").wait_for(timeout=60_000)  # on its next click
        page.screenshot(path=str(ARTIFACTS / "login-berakhir-setelah-ganti-sandi.png"))

        # An unknown address: Indonesian text, no English dialog.
        page.goto(f"{url}/halaman-ngawur")
        page.get_by_text("Halaman tidak ditemukan").wait_for(timeout=60_000)
        no_english_dialog(page)
        page.screenshot(path=str(ARTIFACTS / "halaman-tidak-ditemukan.png"))

        # Logout ends the session and drops the cookie.
        log_in(page, "sekretariat", "sandi-baru-kantor-2")
        page.locator(SIDEBAR).get_by_role("button", name="Keluar").click()
        page.locator(SIDEBAR).get_by_role("button", name="Masuk").wait_for(timeout=60_000)
        assert not [c for c in laptop.cookies() if c["name"] == "lakip_sesi"]
        page.reload()
        assert not logged_in(page, 3_000)
        laptop.close()
        phone.close()
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    actions = [e.action for e in store.audit_entries()]
    assert "sandi-diubah" in actions and store.session_count("sekretariat") == 1  # the phone's
