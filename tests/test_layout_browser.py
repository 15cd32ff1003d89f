"""A layout the reader does not know, mapped by hand once, in a real browser (Playwright + chromium).

Upload a budget sheet whose amount columns are headed "Nilai A" / "Nilai B" (the reader cannot
place them) → the mapping screen → choose Pagu and Realisasi → the totals appear → keep the
layout and store the version → upload next month's file of the same export → it is recognised
and read with the kept layout, and says so. Screenshots go to ``test-artifacts/`` (viewport from
``LAKIP_SHOT_SIZE``, default 1366x768).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from lakip_core.store import Store
from tests.browser import log_in, metric, running_app, wait_idle
from tests.intake_helpers import PASSWORD, store_with_uploader, xlsx_bytes

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
pytestmark = pytest.mark.browser
KEGIATAN = ("3355", "3357", "3360", "3363")


def nilai_sheet(month: str, allocation: list[int], realized: list[int]) -> bytes:
    """An office's own budget recap: amounts under "Nilai A" (pagu) and "Nilai B" (realisasi)."""
    rows: list[list[object]] = [
        ["REKAP ANGGARAN KPU KOTA JAKARTA SELATAN"],
        [f"TAHUN ANGGARAN 2024 · KEADAAN {month}"],
        [],
        ["No", "Kegiatan", "Nilai A", "Nilai B", "Keterangan"],
    ]
    for i, (code, a, b) in enumerate(zip(KEGIATAN, allocation, realized, strict=True)):
        rows.append([i + 1, f"Pelaksanaan kegiatan ({code})", a, b, ""])
    rows.append([None, "JUMLAH", sum(allocation), sum(realized), None])
    return xlsx_bytes(rows, sheet="Rekap")


def choose(page: object, label: str, option: str) -> None:
    """Open the select box labelled ``label`` and pick the option starting with ``option``."""
    combo = page.get_by_role("combobox", name=label)  # type: ignore[attr-defined]
    combo.click()
    combo.press("ArrowDown")
    page.wait_for_timeout(500)
    page.get_by_role("option", name=re.compile("^" + re.escape(option))).first.click()  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    wait_idle(page, timeout=60_000)


def shoot(page: object, name: str, size: tuple[int, int]) -> None:
    """A screenshot of the viewport and one of the whole page (a tall viewport: Streamlit scrolls inside)."""
    page.screenshot(path=str(ARTIFACTS / f"{name}-{size[0]}.png"))  # type: ignore[attr-defined]
    page.set_viewport_size({"width": size[0], "height": 2400})  # type: ignore[attr-defined]
    page.wait_for_timeout(600)  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / f"{name}-{size[0]}-utuh.png"))  # type: ignore[attr-defined]
    page.set_viewport_size({"width": size[0], "height": size[1]})  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]


def upload(page: object, path: Path) -> None:
    page.locator('[data-testid="stFileUploader"] input[type="file"]').first.set_input_files(str(path))  # type: ignore[attr-defined]


def test_map_once_then_recognised(browser: object, tmp_path: Path) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    width, height = (int(x) for x in os.environ.get("LAKIP_SHOT_SIZE", "1366x768").split("x"))
    store_with_uploader(tmp_path).dispose()
    october = tmp_path / "rekap_oktober.xlsx"
    pagu = [1_250_000_000, 800_000_000, 450_000_000, 777_955_000]
    october.write_bytes(nilai_sheet("OKTOBER", pagu, [900_000_000, 640_500_000, 300_250_000, 0]))
    november = tmp_path / "rekap_november.xlsx"
    november.write_bytes(nilai_sheet("NOVEMBER", pagu, [1_100_000_000, 700_000_000, 400_000_000, 500_000_000]))

    with running_app(env={"LAKIP_DATA_DIR": str(tmp_path), "LAKIP_PUBLIC_READ": ""}) as url:
        page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        page.goto(url)
        wait_idle(page, timeout=60_000)
        log_in(page, "sekretariat", PASSWORD)
        page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Unggah Data").click()
        wait_idle(page, timeout=60_000)

        # The reader cannot place "Nilai A" / "Nilai B": the mapping screen, not a refusal.
        upload(page, october)
        page.get_by_text("Atur kolom sendiri").first.wait_for(timeout=60_000)
        wait_idle(page, timeout=60_000)
        assert page.get_by_role("button", name="Simpan sebagai versi baru").count() == 0
        body = page.inner_text("body")
        assert "Traceback" not in body
        # The grid shows column letters and the sheet's row numbers; the header row is found.
        header = page.get_by_role("combobox", name="(1) Baris judul kolom").input_value()
        assert header == "Baris 4: No · Kegiatan · Nilai A · Nilai B · Keterangan"
        assert page.locator('input[placeholder="Choose an option"]').count() == 0  # Indonesian placeholders only
        shoot(page, "peta-1-awal", (width, height))

        choose(page, "Pagu (wajib)", "C · Nilai A")
        choose(page, "Realisasi (wajib)", "D · Nilai B")
        page.get_by_text("(4) Hasil dengan pemetaan ini").wait_for()
        page.locator('[data-testid="stMetric"]').filter(has_text="Penyerapan").first.wait_for(timeout=60_000)
        assert metric(page, "Pagu") == "Rp 3,28 miliar"
        assert metric(page, "Realisasi") == "Rp 1,84 miliar"
        assert metric(page, "Penyerapan") == "56,16%"
        assert page.get_by_text("baris jumlah (tidak ikut dihitung): 9").count() == 1
        shoot(page, "peta-2-total", (width, height))

        page.get_by_label("Nama tata letak", exact=True).fill("Rekap anggaran kantor kami")
        page.get_by_role("button", name="Simpan tata letak dan pakai").click()
        page.get_by_text("Dibaca dengan tata letak tersimpan").wait_for(timeout=60_000)
        wait_idle(page, timeout=60_000)
        assert metric(page, "Penyerapan") == "56,16%"
        page.get_by_role("button", name="Simpan sebagai versi baru").click()
        page.get_by_text("Tersimpan sebagai versi #1 (berlaku).").wait_for(timeout=30_000)
        wait_idle(page, timeout=60_000)

        # Next month's file of the same export is recognised by its header cells.
        upload(page, november)
        page.get_by_text("Pratinjau: rekap_november.xlsx").wait_for(timeout=60_000)
        wait_idle(page, timeout=60_000)
        note = page.get_by_text("Dibaca dengan tata letak tersimpan")
        assert "Rekap anggaran kantor kami" in note.inner_text()
        assert "disimpan oleh sekretariat" in note.inner_text()
        assert metric(page, "Penyerapan") == "82,37%"
        assert page.get_by_text("Menggantikan versi berlaku #1").count() == 1
        assert "Traceback" not in page.inner_text("body")
        shoot(page, "peta-3-dikenali", (width, height))
        page.get_by_role("button", name="Simpan sebagai versi baru").click()
        page.get_by_text("Tersimpan sebagai versi #2 (berlaku).").wait_for(timeout=30_000)
        page.close()

    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    (kept,) = store.layouts()
    assert kept.name == "Rekap anggaran kantor kami" and kept.saved_by == "sekretariat"
    assert dict(kept.layout.columns) == {"A": "no", "B": "name", "C": "allocation", "D": "realized"}
    newest, oldest = store.versions()
    assert newest.reading_layout_name == oldest.reading_layout_name == "Rekap anggaran kantor kami"
    report = store.current_report("KPU Kota Jakarta Selatan", 2024)
    assert report is not None and report.budget_totals is not None
    assert report.budget_totals.realized == 2_700_000_000  # re-read from the stored bytes with the layout
    actions = [e.action for e in store.audit_entries()]
    assert actions.count("tata-letak-simpan") == 1 and actions.count("unggah") == 2
