"""Real browser: download the xlsx and docx from the Ekspor page and open them; the Simulasi bulk rule.

Locally these skip without chromium; in CI (CI=true) a missing browser is a failure.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from tests import golden
from tests.browser import open_page, running_app, wait_idle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    empty_store = tmp_path_factory.mktemp("store")  # no uploads: the bundled sample is shown
    with running_app({"LAKIP_DATA_DIR": str(empty_store)}) as url:
        yield url


def download(page: object, label: str, timeout: float = 90_000) -> bytes:
    with page.expect_download(timeout=timeout) as info:  # type: ignore[attr-defined]
        page.get_by_role("button", name=label).click()  # type: ignore[attr-defined]
    path = info.value.path()
    return Path(path).read_bytes()


def test_download_xlsx_and_docx_from_the_page(browser: object, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    open_page(page, app_url, "")
    open_page(page, app_url, "ekspor")
    workbook = openpyxl.load_workbook(io.BytesIO(download(page, "📊 Unduh Excel (.xlsx)")))
    total = next(r for r in workbook["Anggaran"].iter_rows(min_row=6, values_only=True) if r[1] == "Jumlah")
    assert total[2:4] == (golden.ALLOCATION.value, golden.REALIZED.value)
    assert round(total[4], 2) == golden.ABSORPTION.rounded
    summary = dict(r[:2] for r in workbook["Ringkasan"].iter_rows(min_row=6, values_only=True))
    assert summary["Pagu anggaran (Rp)"] == golden.ALLOCATION.value
    document = docx.Document(io.BytesIO(download(page, "📄 Unduh Word (.docx)")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert (
        f"Realisasi anggaran {golden.REALIZED.text} dari pagu {golden.ALLOCATION.text} "
        f"(penyerapan {golden.ABSORPTION.text})"
    ) in text
    cells = {c.text for table in document.tables for row in table.rows for c in row.cells}
    assert {golden.ALLOCATION.text, golden.REALIZED.text, golden.ABSORPTION.text} <= cells
    assert len(document.inline_shapes) == 4  # the charts, drawn by kaleido with the same chromium
    csv = download(page, "Anggaran per kegiatan (7 baris)").decode("utf-8-sig")
    assert golden.ALLOCATION.text not in csv and "Rp 2.469.940.000" in csv
    page.close()


def test_simulasi_bulk_rule_in_the_browser(browser: object, app_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    open_page(page, app_url, "")
    open_page(page, app_url, "simulasi")
    page.get_by_text("Ubah massal dengan aturan").click()
    page.get_by_role("button", name="Terapkan aturan").click()
    wait_idle(page)
    page.wait_for_timeout(500)
    body = page.inner_text("body")
    assert f"Aturan diterapkan pada {golden.TARGETS_90_CHANGED} indikator" in body
    assert golden.TARGETS_90_MEAN.text in body  # the sample: 5 documents
    page.screenshot(path=str(Path(__file__).resolve().parents[1] / "test-artifacts" / "simulasi-aturan-1280x900.png"))
    page.close()
