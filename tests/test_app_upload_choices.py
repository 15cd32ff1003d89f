"""AppTest of the Unggah preview's questions: which satker of an ADK file holding several, and
which of two columns that fit one field equally well. Nothing is stored before the choice; the
figures shown and stored are those of the choice.

The page reads each upload in a sandboxed child process, so these are slow.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.intake.inspection import inspect_bytes
from lakip_core.presentation.format import format_rupiah, format_rupiah_short
from lakip_core.store import Store
from lakip_core.store.auth import Actor
from tests.apptest_helpers import metrics, warnings
from tests.intake_helpers import login, store_with_uploader, xlsx_bytes
from tests.real_exports import AdkExpected, adk_items

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
pytestmark = pytest.mark.slow
SAVE = "Simpan sebagai versi baru"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    st.cache_data.clear()
    store_with_uploader(tmp_path).dispose()
    return tmp_path


@pytest.fixture
def adk(tmp_path: Path) -> AdkExpected:
    return adk_items(tmp_path / "files" / "d_item25.csv", header=False, satkers=3, rows_per_satker=40, seed=4)


def store_of(directory: Path) -> Store:
    return Store(f"sqlite:///{directory / 'lakip.db'}")


def upload_page() -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=120)
    login(at, "sekretariat")
    at.run()
    at.switch_page("pages/unggah.py")
    at.run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, name: str, data: bytes, mime: str = "text/csv") -> AppTest:
    at.file_uploader[0].set_value((name, data, mime))
    at.run()
    assert not at.exception, at.exception
    return at


def save_button(at: AppTest):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == SAVE)


def test_adk_with_three_satker_asks_which_one_and_stores_only_its_rows(data_dir: Path, adk: AdkExpected) -> None:
    at = upload(upload_page(), adk.path.name, adk.path.read_bytes())
    (choice,) = [s for s in at.selectbox if s.label == "Satuan kerja"]
    codes = list(adk.per_satker)
    assert choice.options == [
        f"{code} · {adk.items_per_satker[code]} baris · pagu {format_rupiah(adk.per_satker[code])}" for code in codes
    ]
    assert choice.value is None  # nothing in the dashboard says which office this is: the person chooses
    assert any("Pilih satuan kerja dulu" in w and format_rupiah(adk.pagu) in w for w in warnings(at))
    assert metrics(at)["Pagu"] == format_rupiah_short(adk.pagu)  # the whole file, labelled as such
    assert save_button(at).disabled
    assert store_of(data_dir).versions() == []

    code = codes[1]
    choice.set_value(code)
    at.run()
    assert not at.exception, at.exception
    assert metrics(at)["Pagu"] == format_rupiah_short(adk.per_satker[code])
    # the preview counts the rows the choice promised (heading lines inside the file are not rows)
    assert any(f"· {adk.items_per_satker[code]} baris data" in m.value for m in at.markdown)
    assert metrics(at)["Realisasi"] == metrics(at)["Penyerapan"] == "belum ada"  # ADK: pagu only, never 0%
    assert not any("Pilih satuan kerja dulu" in w for w in warnings(at))
    assert save_button(at).disabled  # the file names no office: its name is typed
    assert store_of(data_dir).versions() == []
    at.text_input(key=f"satker-0-{code}").set_value("KPU Kota Bogor")
    at.run()
    assert not save_button(at).disabled
    save_button(at).click()
    at.run()
    assert not at.exception, at.exception

    store = store_of(data_dir)
    (version,) = store.versions()
    assert (version.satker, version.year, version.file_satker) == ("KPU Kota Bogor", 2025, code)
    report = store.current_report("KPU Kota Bogor", 2025)
    assert report is not None and report.satker_code == code
    assert report.budget_totals.allocation == adk.per_satker[code]
    assert set(report.budget.frame["satker_code"]) == {code}
    assert store.satker_codes() == {"KPU Kota Bogor": code}


def test_the_satker_shown_is_preselected_and_another_one_is_warned_about(data_dir: Path, adk: AdkExpected) -> None:
    codes = list(adk.per_satker)
    data = adk.path.read_bytes()
    store = store_of(data_dir)
    store.save(Actor("sekretariat"), inspect_bytes(data, adk.path.name, satker=codes[2]), "KPU Kota Bogor", 2025)
    store.dispose()

    at = upload(upload_page(), "d_item25_revisi.csv", data + b"\r\n")
    (choice,) = [s for s in at.selectbox if s.label == "Satuan kerja"]
    assert choice.value == codes[2]  # the office this dashboard holds
    assert any("Dipilih otomatis" in c.value for c in at.caption)
    assert at.text_input(key=f"satker-0-{codes[2]}").value == "KPU Kota Bogor"
    assert metrics(at)["Pagu"] == format_rupiah_short(adk.per_satker[codes[2]])
    assert not [w for w in warnings(at) if "milik satker" in w]
    assert not save_button(at).disabled

    choice.set_value(codes[0])
    at.run()
    at.text_input(key=f"satker-0-{codes[0]}").set_value("KPU Kota Bogor")
    at.run()
    (warning,) = [w for w in warnings(at) if "milik satker" in w]
    assert f"Berkas ini milik satker {codes[0]}" in warning and f"berkode {codes[2]}" in warning
    assert not save_button(at).disabled  # a warning, not a refusal: offices are renumbered


def ambiguous_budget() -> bytes:
    return xlsx_bytes(
        [
            ["ALOKASI ANGGARAN KPU KOTA JAKARTA SELATAN"],
            ["TAHUN ANGGARAN 2024"],
            [],
            ["Kode", "Uraian", "Pagu", "Pagu Anggaran", "Realisasi"],
            ["3355", "Kegiatan A", 1_000_000, 4_000_000, 900_000],
            ["3357", "Kegiatan B", 2_000_000, 6_000_000, 1_500_000],
        ]
    )


def test_two_equally_fitting_columns_are_put_to_the_person(data_dir: Path) -> None:
    at = upload(upload_page(), "anggaran_kembar.xlsx", ambiguous_budget(), XLSX)
    (choice,) = [s for s in at.selectbox if s.label == "Kolom untuk Pagu"]
    assert choice.options == ["Kolom C: Pagu", "Kolom D: Pagu Anggaran"] and choice.value is None
    assert any("Kolom Pagu muncul dua kali" in w and "pilih kolomnya sebelum menyimpan" in w for w in warnings(at))
    assert not [e for e in at.error if "Perbaiki di Excel" in e.value]  # asked here, not sent back to Excel
    assert metrics(at)["Pagu"] == "Rp 3,00 juta"  # the leftmost, for now
    assert save_button(at).disabled
    assert store_of(data_dir).versions() == []

    choice.set_value("D")
    at.run()
    assert not at.exception, at.exception
    assert metrics(at)["Pagu"] == "Rp 10,00 juta"
    assert metrics(at)["Penyerapan"] == "24,00%"
    assert not [w for w in warnings(at) if "muncul dua kali" in w]
    assert [s for s in at.selectbox if s.label == "Kolom untuk Pagu"][0].value == "D"  # can still be changed
    save_button(at).click()
    at.run()
    assert not at.exception, at.exception
    (version,) = store_of(data_dir).versions()
    assert version.satker == "KPU Kota Jakarta Selatan"
    report = store_of(data_dir).current_report("KPU Kota Jakarta Selatan", 2024)
    assert report is not None and report.budget_totals.allocation == 10_000_000


def test_a_choice_made_for_one_file_does_not_answer_for_the_next(data_dir: Path, adk: AdkExpected) -> None:
    at = upload(upload_page(), adk.path.name, adk.path.read_bytes())
    [s for s in at.selectbox if s.label == "Satuan kerja"][0].set_value(list(adk.per_satker)[0])
    at.run()
    other = adk_items(data_dir / "lain" / "d_item26.csv", header=True, satkers=2, rows_per_satker=20, seed=9)
    at = upload(at, other.path.name, other.path.read_bytes())
    assert not at.error
    (choice,) = [s for s in at.selectbox if s.label == "Satuan kerja"]
    assert choice.value is None and len(choice.options) == 2
    assert metrics(at)["Pagu"] == format_rupiah_short(other.pagu)
    assert save_button(at).disabled
