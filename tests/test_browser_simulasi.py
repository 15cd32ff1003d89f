"""Real browser on Simulasi: the tab stays put after Enter and saving; the scenario uploader speaks Indonesian.

The uploader's words are replaced by CSS keyed on Streamlit's data-testids (ui/uploads.py): this
test pins those selectors, so a Streamlit upgrade that renames them fails here instead of showing
English to the user. Locally these skip without chromium; in CI (CI=true) a missing browser fails.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser import open_page, running_app, wait_idle

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
UPLOADER = '[class*="st-key-simulasi-unggah-"]'


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    empty_store = tmp_path_factory.mktemp("store")  # no uploads: the bundled sample is shown
    with running_app({"LAKIP_DATA_DIR": str(empty_store)}) as url:
        yield url


def open_tab(page: object) -> str:
    return page.locator('[role="tab"][aria-selected="true"]').inner_text()  # type: ignore[attr-defined,no-any-return]


def settle(page: object) -> None:
    wait_idle(page, charts=False)
    page.wait_for_timeout(600)  # type: ignore[attr-defined]


def pseudo(page: object, selector: str, which: str = "::after") -> tuple[int, str, str]:
    """How many elements match, and the first one's own font size and its pseudo-element's content."""
    found = page.locator(f"{UPLOADER} {selector}")  # type: ignore[attr-defined]
    count = found.count()
    if not count:
        return 0, "", ""
    size, content = found.first.evaluate(f"e => [getComputedStyle(e).fontSize, getComputedStyle(e, '{which}').content]")
    return count, size, content


def test_enter_and_saving_keep_the_scenario_tab_with_its_confirmation(browser: object, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
    open_page(page, app_url, "simulasi")
    assert open_tab(page) == "🎯 Target & realisasi"
    page.get_by_role("tab", name="💾 Skenario").click()
    settle(page)
    name = page.get_by_label("Nama skenario")
    name.fill("Target 90%")
    name.press("Enter")
    settle(page)
    assert open_tab(page) == "💾 Skenario"
    page.get_by_role("button", name="💾 Simpan skenario").click()
    settle(page)
    assert open_tab(page) == "💾 Skenario"  # before the fix the page jumped back to the first tab here
    confirmation = page.get_by_text("Skenario 'Target 90%' disimpan.")
    assert confirmation.is_visible()
    page.screenshot(path=str(ARTIFACTS / "simulasi-skenario-disimpan-1366x768.png"))
    page.close()


def test_the_scenario_uploader_reads_indonesian(browser: object, app_url: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1366, "height": 768})  # type: ignore[attr-defined]
    open_page(page, app_url, "simulasi")
    page.get_by_role("tab", name="💾 Skenario").click()
    settle(page)
    button = pseudo(page, '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p')
    assert button == (1, "0px", '"Pilih berkas"')
    hint = pseudo(page, '[data-testid="stFileUploaderDropzoneInstructions"] span')
    assert hint == (1, "0px", '"Seret berkas ke sini • maks. 20 MB • JSON"')
    # The overlay shown while a file is dragged over the box.
    zone = page.locator(f'{UPLOADER} [data-testid="stFileUploaderDropzone"]')
    transfer = page.evaluate_handle(
        "() => { const t = new DataTransfer(); t.items.add(new File(['{}'], 'skenario.json')); return t; }"
    )
    zone.dispatch_event("dragenter", {"dataTransfer": transfer})
    zone.dispatch_event("dragover", {"dataTransfer": transfer})
    page.wait_for_timeout(300)
    overlay = pseudo(page, '[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > span')
    assert overlay == (1, "0px", '"Lepaskan berkas di sini"')
    zone.dispatch_event("dragleave", {"dataTransfer": transfer})
    settle(page)
    page.locator(UPLOADER).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "simulasi-unggah-skenario-1366x768.png"))
    # Any file is accepted by the widget; a wrong one gets an Indonesian message, not English.
    wrong = tmp_path / "anggaran.xlsx"
    wrong.write_bytes(b"PK\x03\x04 bukan skenario")
    page.locator(f'{UPLOADER} input[type="file"]').set_input_files(str(wrong))
    page.get_by_text(
        "Berkas 'anggaran.xlsx' bukan berkas skenario. Pilih berkas .json yang diunduh dari Simulasi."
    ).wait_for()
    assert "not allowed" not in page.inner_text("body")
    good = tmp_path / "skenario.json"
    good.write_text(
        json.dumps({"format": "dasbor-lakip-skenario", "version": 1, "scenarios": [{"name": "Dari berkas"}]}),
        encoding="utf-8",
    )
    page.locator(f'{UPLOADER} input[type="file"]').set_input_files(str(good))
    page.get_by_text("1 skenario dibaca dari berkas: Dari berkas.").wait_for()
    # The file was consumed: the uploader is empty again (no English file row), still in Indonesian.
    settle(page)
    assert "skenario.json" not in page.locator(UPLOADER).inner_text()
    assert pseudo(page, '[data-testid="stFileUploaderDropzoneInstructions"] span')[2].startswith('"Seret berkas')
    assert open_tab(page) == "💾 Skenario"
    page.close()


def test_a_saved_scenario_goes_into_the_word_export_on_f4(browser: object, app_url: str) -> None:
    import io

    import docx

    page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)  # type: ignore[attr-defined]
    open_page(page, app_url, "simulasi")
    page.get_by_text("Ubah massal dengan aturan").click()
    page.get_by_role("button", name="Terapkan aturan").click()
    settle(page)
    page.get_by_role("tab", name="💾 Skenario").click()
    settle(page)
    page.get_by_label("Nama skenario").fill("Target 90%")
    page.get_by_role("button", name="💾 Simpan skenario").click()
    page.get_by_text("Skenario 'Target 90%' disimpan.").wait_for()
    page.get_by_role("link", name="Ekspor").click()  # the same session: its saved scenarios come along
    page.wait_for_selector("h1:has-text('Ekspor')")
    settle(page)
    page.get_by_text("F4 (215 × 330 mm)").click()
    page.get_by_role("combobox", name="Sertakan skenario Simulasi").click()
    page.get_by_role("option", name="Target 90%").click()
    settle(page)
    with page.expect_download(timeout=120_000) as info:
        page.get_by_role("button", name="📄 Unduh Word (.docx)").click()
    assert info.value.suggested_filename == "lakip-bab-iii-2024-f4.docx"
    document = docx.Document(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert round(document.sections[0].page_height.mm) == 330
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert "Gambar 3.2 Capaian per Sasaran: Data Tersimpan dan Simulasi" in captions
    first = [c.text for c in document.tables[0].rows[0].cells]
    assert first[-1] == "Simulasi: Target 90%"
    assert [c.text for c in document.tables[0].rows[-1].cells][-2:] == ["64,32%", "Rendah"]
    page.close()
