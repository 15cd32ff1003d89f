"""AppTest of the intake pages (Unggah Data, Versi Data, Akun) and of the viewing gate.

Each test gets its own data folder through ``LAKIP_DATA_DIR``; a logged-in visitor holds a real
session of the store in ``session_state["akun"]``, exactly what the sidebar login form leaves behind.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.presentation.escape import inert
from lakip_core.store import Store
from tests.intake_helpers import SATKER, budget_xlsx, login, store_file, store_with_uploader, xlsx_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    monkeypatch.delenv("LAKIP_PUBLIC_READ", raising=False)
    st.cache_data.clear()
    return tmp_path


def start(username: str | None = None, role: str = "") -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    if username:  # a real session; what ``role`` claims does not matter, the stored role counts
        login(at, username)
    at.run()
    assert not at.exception, at.exception
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.slow  # the page reads each upload in a sandboxed child process
def test_upload_preview_confirm_and_ringkasan(data_dir: Path) -> None:
    store_with_uploader(data_dir)
    at = goto(start("sekretariat", "pengunggah"), "unggah")
    at.file_uploader[0].set_value(("anggaran_baru.xlsx", budget_xlsx([600_000_000, 300_000_000]), XLSX))
    at.run()
    assert not at.exception and not at.error
    assert metrics(at) == {
        "Pagu": "Rp 2,00 miliar",
        "Realisasi": "Rp 900,00 juta",
        "Penyerapan": "45,00%",
        "Sisa": "Rp 1,10 miliar",
    }
    assert at.text_input(key="satker-0").value == SATKER
    assert [t.label for t in at.tabs] == ["Baris terbaca", "Judul kolom dan pemetaan", "Temuan pemeriksaan"]
    mapping = next(df.value for df in at.dataframe if "Dibaca sebagai" in df.value.columns)
    assert dict(zip(mapping["Kolom di berkas"], mapping["Dibaca sebagai"], strict=True))["Pagu Anggaran"] == "Pagu"
    assert Store(f"sqlite:///{data_dir / 'lakip.db'}").versions() == []  # nothing stored before confirming
    next(b for b in at.button if b.label == "Simpan sebagai versi baru").click()
    at.run()
    assert [s.value for s in at.success] == [inert("Tersimpan sebagai versi #1 (berlaku).")]
    (version,) = Store(f"sqlite:///{data_dir / 'lakip.db'}").versions()
    assert version.uploaded_by == "sekretariat" and version.filename == "anggaran_baru.xlsx"
    at = goto(at, "ringkasan")
    assert metrics(at)["Penyerapan anggaran"] == "45,00%"


@pytest.mark.slow  # the page reads each upload in a sandboxed child process
def test_cancel_stores_nothing(data_dir: Path) -> None:
    store_with_uploader(data_dir)
    at = goto(start("sekretariat", "pengunggah"), "unggah")
    at.file_uploader[0].set_value(("a.xlsx", budget_xlsx([1]), XLSX))
    at.run()
    next(b for b in at.button if b.label == "Batal").click()
    at.run()
    assert [i.value for i in at.info][0] == inert("Dibatalkan; tidak ada yang disimpan.")
    assert Store(f"sqlite:///{data_dir / 'lakip.db'}").versions() == []


@pytest.mark.slow  # the page reads each upload in a sandboxed child process
@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("laporan.xlsx", b"%PDF-1.5 ...", "PDF"),
        ("teks.xlsx", budget_xlsx([5, "lima juta"]), "1 masalah"),  # type: ignore[list-item]
        ("kosong.xlsx", xlsx_bytes([["Kode", "Uraian", "Pagu", "Realisasi"]]), "tanpa baris data"),
    ],
    ids=["pdf", "text-in-amounts", "header-only"],
)
def test_bad_upload_shows_message_and_stores_nothing(data_dir: Path, name: str, data: bytes, words: str) -> None:
    store_with_uploader(data_dir)
    at = goto(start("sekretariat", "pengunggah"), "unggah")
    at.file_uploader[0].set_value((name, data, XLSX))
    at.run()
    assert not at.exception
    assert any(words in e.value for e in at.error), [e.value for e in at.error]
    save = [b for b in at.button if b.label == "Simpan sebagai versi baru"]
    assert not save or save[0].disabled
    assert Store(f"sqlite:///{data_dir / 'lakip.db'}").versions() == []


@pytest.mark.parametrize("session_role", ["pembaca", "pengunggah"])  # what the session claims does not matter
def test_pembaca_gets_no_upload(data_dir: Path, session_role: str) -> None:
    store_with_uploader(data_dir)
    at = start("komisioner", session_role)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/unggah.py")  # the router does not even serve the page
    # The page itself refuses too, when run directly.
    page = AppTest.from_file("../pages/unggah.py", default_timeout=60)
    login(page, "komisioner")
    page.session_state["akun"]["role"] = session_role
    page.run()
    assert not page.exception and not page.file_uploader
    assert any("tidak berwenang mengunggah" in e.value for e in page.error)


def test_viewing_requires_login_unless_allowed(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = store_with_uploader(data_dir)
    store_file(store, budget_xlsx([500_000_000]), "a.xlsx", "anggaran")
    at = start()
    assert [t.value for t in at.title] == ["Ringkasan"] and not at.metric  # the home page's stand-in
    assert "memerlukan akun" in at.info[0].value
    assert not any(SATKER in m.value for m in at.markdown)
    monkeypatch.setenv("LAKIP_PUBLIC_READ", "1")
    at = start()
    assert metrics(at)["Penyerapan anggaran"] == "50,00%"


def test_versi_restore_and_compare(data_dir: Path) -> None:
    store = store_with_uploader(data_dir)
    first = store_file(store, budget_xlsx([100_000_000]), "lama.xlsx", "anggaran")
    store_file(store, budget_xlsx([700_000_000]), "baru.xlsx", "anggaran")
    reader = goto(start("komisioner", "pembaca"), "versi")
    assert not [b for b in reader.button if b.label.startswith("Jadikan")]
    at = goto(start("sekretariat", "pengunggah"), "versi")
    at.selectbox[1].select_index(1).run()
    assert at.subheader[0].value.startswith(f"Versi #{first}")
    changed = next(df.value for df in at.dataframe if "Lama" in df.value.columns)
    assert changed.to_dict("records") == [
        {"Baris": "3355 · Kegiatan 3355", "Kolom": "Realisasi", "Lama": "700.000.000", "Baru": "100.000.000"}
    ]
    next(b for b in at.button if b.label == f"Jadikan versi #{first} berlaku").click()
    at.run()
    assert "kini berlaku kembali" in at.success[0].value
    assert store.current(SATKER, 2024)["budget"].id == first
    assert metrics(goto(at, "ringkasan"))["Penyerapan anggaran"] == "10,00%"


def test_akun_first_admin_then_accounts(data_dir: Path) -> None:
    at = goto(start(), "akun")
    secret = (data_dir / "kunci-admin-pertama.txt").read_text().strip()
    at.text_input[0].set_value(secret)
    at.text_input[1].set_value("kepala")
    at.text_input[2].set_value("sandi-kuat-1")
    at.text_input[3].set_value("sandi-kuat-1")
    at.button[0].click()
    at.run()
    assert at.session_state["akun"]["username"] == "kepala"
    assert not (data_dir / "kunci-admin-pertama.txt").exists()  # the key is spent and its file gone
    at.run()  # (in a browser the page now reloads through /auth/claim)
    at = goto(at, "akun")
    form = at.get("form")
    assert form and "Akun pengguna" in [s.value for s in at.subheader]
    store = Store(f"sqlite:///{data_dir / 'lakip.db'}")
    assert [(a.username, a.role) for a in store.accounts()] == [("kepala", "admin")]
    audit = next(df.value for df in at.dataframe if "Kejadian" in df.value.columns)
    assert "Akun dibuat" in set(audit["Kejadian"])


def test_stored_labels_stay_inert(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAKIP_PUBLIC_READ", "1")
    store = Store(f"sqlite:///{data_dir / 'lakip.db'}")
    hostile = ["<script>alert('x')</script>", "[klik di sini](http://jahat.example)", "**tebal** <img src=x onerror=1>"]
    rows = [["INDIKATOR KINERJA KPU KOTA JAKARTA SELATAN TAHUN 2024"], ["Sasaran", "Indikator", "Target", "Realisasi"]]
    rows += [[name, name, "100%", f"{10 * (i + 1)}%"] for i, name in enumerate(hostile)]
    store_file(store, xlsx_bytes(rows, "Capaian"), "indikator.xlsx", "indikator")
    for page in ("ringkasan", "kinerja", "pemeriksaan", "versi"):
        at = goto(start(), page)
        texts = [m.value for m in at.markdown] + [c.value for c in at.caption]
        assert page != "ringkasan" or any("klik di sini" in text for text in texts)
        for text in texts:
            # Shown escaped (\<img, \[klik\]\(...): never as markup or a link.
            assert not re.search(r"(?<!\\)<(script|img)", text) and "](http" not in text, (page, text)


def test_idle_session_is_logged_out(data_dir: Path) -> None:
    store = store_with_uploader(data_dir)
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    store.clock = lambda: datetime.now(UTC) - timedelta(minutes=31)  # the session was last used 31 minutes ago
    token, _ = store.start_session("sekretariat")
    at.session_state["akun"] = {"username": "sekretariat", "role": "pengunggah", "token": token}
    at.run()
    assert "akun" not in at.session_state
    assert any("tidak aktif 30 menit" in w.value for w in at.sidebar.warning)
    assert [t.value for t in at.title] == ["Ringkasan"] and "memerlukan akun" in at.info[0].value  # behind the login
    assert store.audit_entries()[0].action == "sesi-habis"


@pytest.mark.slow  # the page reads each upload in a sandboxed child process
def test_a_file_without_a_year_is_asked_for_one_before_saving(data_dir: Path) -> None:
    """Issue 9: an undetected year is never silently 2024; the preview asks for it."""
    store_with_uploader(data_dir)
    rows = [["No", "Kode", "Uraian", "Pagu Anggaran", "Realisasi"], [1, "3355", "Keuangan", 1_000, 500]]
    at = goto(start("sekretariat", "pengunggah"), "unggah")
    at.file_uploader[0].set_value(("anggaran.xlsx", xlsx_bytes(rows), XLSX))
    at.run()
    assert not at.exception
    assert at.number_input(key="tahun-0").value is None
    assert any("Tahun laporan tidak tertulis" in w.value for w in at.warning)
    assert next(b for b in at.button if b.label == "Simpan sebagai versi baru").disabled
    at.text_input(key="satker-0").set_value(SATKER)
    at.number_input(key="tahun-0").set_value(2023)
    at.run()
    assert not any("Tahun laporan tidak tertulis" in w.value for w in at.warning)
    next(b for b in at.button if b.label == "Simpan sebagai versi baru").click()
    at.run()
    (version,) = Store(f"sqlite:///{data_dir / 'lakip.db'}").versions()
    assert version.year == 2023
