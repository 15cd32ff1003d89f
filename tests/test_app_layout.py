"""AppTest of the "Atur kolom sendiri" screen on Unggah Data and of the kept-layouts section.

The page reads each upload (and each mapping) in a sandboxed child process, so these are slow.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.store import Store
from lakip_core.store.auth import Actor
from tests.apptest_helpers import metrics, plain, warnings
from tests.intake_helpers import SATKER, budget_xlsx, login, store_with_uploader, xlsx_bytes
from tests.test_store_layouts import nilai_layout, nilai_xlsx

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
pytestmark = pytest.mark.slow
FIELD = "peta-0-budget-Anggaran-4-"  # widget keys of the budget fields for header row 4


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    st.cache_data.clear()
    store_with_uploader(tmp_path).dispose()
    return tmp_path


def upload_page(username: str = "sekretariat") -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=120)
    login(at, username)  # a real server-side session: a bare session-state dict is logged out
    at.run()
    at.switch_page("pages/unggah.py")
    at.run()
    assert not at.exception, at.exception
    return at


def click(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click()
    at.run()
    assert not at.exception, at.exception
    return at


def store_of(data_dir: Path) -> Store:
    return Store(f"sqlite:///{data_dir / 'lakip.db'}")


def test_map_totals_update_then_save(data_dir: Path) -> None:
    at = upload_page()
    at.file_uploader[0].set_value(("rekap.xlsx", nilai_xlsx(), XLSX))
    at.run()
    assert any("belum dapat dibaca otomatis" in w for w in warnings(at))
    assert not [b for b in at.button if b.label == "Simpan sebagai versi baru"]
    assert at.selectbox(key="peta-0-jenis").value == "budget"  # guessed from the header row
    assert at.selectbox(key="peta-0-judul-Anggaran").value == 4
    assert at.selectbox(key=FIELD + "name").value == "B"  # suggested: "Kegiatan"
    assert any("Kolom wajib belum dipilih: Pagu, Realisasi" in w for w in warnings(at))
    grid = next(df.value for df in at.dataframe if "B → Uraian" in df.value.columns)
    assert list(grid.index) == [1, 2, 3, 4, 5, 6, 7]

    at.selectbox(key=FIELD + "allocation").set_value("C")
    at.selectbox(key=FIELD + "realized").set_value("D")
    at.run()
    assert metrics(at) == {"Pagu": "Rp 3.000", "Realisasi": "Rp 1.300", "Penyerapan": "43,33%", "Sisa": "Rp 1.700"}
    # One column for two fields is named; another choice recomputes the totals.
    at.selectbox(key=FIELD + "realized").set_value("C")
    at.run()
    assert any("Kolom C dipilih untuk Pagu dan Realisasi" in w for w in warnings(at))
    assert not at.metric
    at.selectbox(key=FIELD + "allocation").set_value("D")
    at.run()
    assert metrics(at)["Penyerapan"] == "230,77%"  # swapped: realisasi 3.000 of pagu 1.300
    at.selectbox(key=FIELD + "allocation").set_value("C")
    at.selectbox(key=FIELD + "realized").set_value("D")
    at.run()
    assert metrics(at)["Penyerapan"] == "43,33%"
    # Without the automatic total rule, JUMLAH is read as a data row: the totals double.
    at.toggle(key=FIELD + "otomatis").set_value(False)
    at.run()
    assert metrics(at)["Pagu"] == "Rp 6.000"
    at.toggle(key=FIELD + "otomatis").set_value(True)
    at.run()
    assert store_of(data_dir).layouts() == [] and store_of(data_dir).versions() == []  # nothing saved yet

    at.text_input(key=FIELD + "nama").set_value("Rekap kantor kami")
    at.button(key=FIELD + "simpan").click()
    at.run()
    assert not at.exception
    notes = [m.value for m in at.markdown if "Dibaca dengan tata letak tersimpan" in m.value]
    assert notes and "Rekap kantor kami" in notes[0] and "sekretariat" in notes[0]
    assert metrics(at)["Penyerapan"] == "43,33%"
    click(at, "Simpan sebagai versi baru")
    (version,) = store_of(data_dir).versions()
    assert version.reading_layout_name == "Rekap kantor kami" and version.summary["budget"]["allocation"] == 3_000
    (kept,) = store_of(data_dir).layouts()
    assert kept.saved_by == "sekretariat" and dict(kept.layout.columns)["D"] == "realized"


def test_disagree_map_once_and_back_to_automatic(data_dir: Path) -> None:
    at = upload_page()
    at.file_uploader[0].set_value(("anggaran.xlsx", budget_xlsx([600_000_000, 300_000_000]), XLSX))
    at.run()
    assert metrics(at)["Penyerapan"] == "45,00%"
    click(at, "✏️ Atur kolom sendiri")
    assert at.selectbox(key="peta-0-judul-Anggaran").value == 4  # the header the reader found
    field = "peta-0-budget-Anggaran-4-"
    assert at.selectbox(key=field + "allocation").value == "D" and at.selectbox(key=field + "realized").value == "E"
    at.selectbox(key=field + "realized").set_value("")  # no column: the result waits for one
    at.run()
    assert any("Kolom wajib belum dipilih: Realisasi" in w for w in warnings(at))
    at.selectbox(key=field + "realized").set_value("E")
    at.run()
    click(at, "Pakai sekali saja (tanpa menyimpan)")
    notes = [m.value for m in at.markdown if "pemetaan kolom buatan Anda" in m.value]
    assert notes and "belum disimpan" in notes[0]
    assert metrics(at)["Penyerapan"] == "45,00%"
    click(at, "Baca otomatis saja (tanpa tata letak)")
    assert not [m for m in at.markdown if "Dibaca dengan" in m.value]
    assert metrics(at)["Penyerapan"] == "45,00%"
    assert store_of(data_dir).layouts() == []


def test_kept_layouts_section_download_import_delete(data_dir: Path) -> None:
    store_of(data_dir).save_layout(Actor("sekretariat"), nilai_layout())
    at = upload_page()
    table = next(df.value for df in at.dataframe if "Nama" in df.value.columns)
    assert list(table["Nama"]) == ["Rekap kantor"] and list(table["Disimpan oleh"]) == ["sekretariat"]
    assert any(e.label == "📐 Tata letak kolom tersimpan (1)" for e in at.expander)
    # A layout from another office, then a hostile one.
    assert not [u for u in at.file_uploader if u.key == "tata-letak-berkas"]  # only on request
    at.toggle(key="tata-letak-dari").set_value(True)
    at.run()
    other = nilai_layout("Dari kantor lain **tebal** [tautan](http://x.id)").to_json().encode()
    json_box = next(u for u in at.file_uploader if u.key == "tata-letak-berkas")
    json_box.set_value(("tata-letak.json", other, "application/json"))
    at.run()
    at.button(key="tata-letak-impor").click()
    at.run()
    assert [plain(s.value) for s in at.success] == [
        "Tata letak 'Dari kantor lain **tebal** [tautan](http:\u2060//x.id)' tersimpan. Berkas dengan judul kolom yang "
        "sama akan dibaca dengannya."
    ]
    assert "\\*\\*tebal\\*\\* \\[tautan\\]" in at.success[0].value  # shown as text, not as markup
    json_box = next(u for u in at.file_uploader if u.key == "tata-letak-berkas")
    json_box.set_value(("jahat.json", b'{"format": "dasbor-lakip/tata-letak", "version": 1, "kind": "x"}', "text/x"))
    at.run()
    at.button(key="tata-letak-impor").click()
    at.run()
    assert any("Jenis data tata letak" in plain(e.value) for e in at.error)
    assert len(store_of(data_dir).layouts()) == 2
    click(at, "🗑️ Hapus")
    assert len(store_of(data_dir).layouts()) == 2  # not before "Ya, hapus"
    click(at, "Ya, hapus")
    assert len(store_of(data_dir).layouts()) == 1
    assert [e.action for e in store_of(data_dir).audit_entries()][:3] == [
        "tata-letak-hapus",
        "tata-letak-impor",
        "tata-letak-simpan",
    ]


def test_second_file_recognised_and_stored_layout_survives_a_bad_match(data_dir: Path) -> None:
    store_of(data_dir).save_layout(Actor("sekretariat"), nilai_layout())
    at = upload_page()
    at.file_uploader[0].set_value(("rekap_nov.xlsx", nilai_xlsx((1_000, 1_000), "NOVEMBER"), XLSX))
    at.run()
    notes = [m.value for m in at.markdown if "Dibaca dengan tata letak tersimpan" in m.value]
    assert notes and "judul kolom berkas ini sama" in notes[0]
    assert metrics(at)["Penyerapan"] == "66,67%"
    at.text_input(key="satker-0").set_value(SATKER)
    at.run()
    click(at, "Simpan sebagai versi baru")
    assert store_of(data_dir).versions()[0].reading_layout_name == "Rekap kantor"
    # A file with other headers is not forced through the kept layout.
    at.file_uploader[0].set_value(
        ("biasa.xlsx", xlsx_bytes([["Kode", "Uraian", "Pagu", "Realisasi"], ["3355", "A", 10, 5]]), XLSX)
    )
    at.run()
    assert not [m for m in at.markdown if "Dibaca dengan" in m.value]
