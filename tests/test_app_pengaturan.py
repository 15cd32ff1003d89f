"""AppTest of the Pengaturan page: admins change settings (checked, audited), figures follow at once."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.store import Store
from tests import golden
from tests.intake_helpers import store_with_uploader
from tests.test_intake_pages import goto, start
from ui.settings_editor import widget_key


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    monkeypatch.setenv("LAKIP_PUBLIC_READ", "1")
    st.cache_data.clear()
    return store_with_uploader(tmp_path)


def page(username: str, role: str) -> AppTest:
    return goto(start(username, role), "pengaturan")


def submit(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    assert not at.exception, at.exception
    return at


def shown(elements: object) -> str:
    """The text of message elements as the browser shows it (data text is escaped for markdown)."""
    return " ".join(e.value for e in elements).replace("\\", "")  # type: ignore[attr-defined]


def office(at: AppTest) -> tuple[str, str]:
    metric = next(m for m in at.metric if m.label == "Capaian kinerja kantor")
    return metric.value, metric.proto.delta


def test_an_admin_changes_the_scale_and_ringkasan_follows_at_once(store: Store) -> None:
    at = page("admin", "admin")
    assert office(goto(at, "ringkasan")) == (golden.OFFICE_MEAN.text, golden.OFFICE_CATEGORY)
    goto(at, "pengaturan")
    scale = next(s for s in at.selectbox if s.label == "Skala kategori capaian")
    scale.set_value("Baik–Kurang")
    submit(at, "Simpan capaian kinerja")
    assert "Disimpan. Skala kategori capaian: Tinggi–Rendah" in shown(at.success)
    assert "→ Baik–Kurang: Sangat Baik ≥ 91" in shown(at.success)
    assert store.settings_for(2024).scale.labels[0] == "Sangat Baik"
    entry = store.audit_entries()[0]
    assert (entry.action, entry.username, entry.detail["setting"]) == ("pengaturan", "admin", "scale")
    history = next(df.value for df in at.dataframe if "Lama" in df.value.columns)
    assert history.iloc[0]["Akun"] == "admin" and history.iloc[0]["Pengaturan"] == "Skala kategori capaian"
    assert office(goto(at, "ringkasan")) == (golden.OFFICE_MEAN.text, "Kurang")  # same mean, new category


def test_bounds_that_do_not_descend_are_refused_and_nothing_changes(store: Store) -> None:
    at = page("admin", "admin")
    tinggi = next(n for n in at.number_input if n.label == "Tinggi mulai")
    tinggi.set_value(95.0)
    submit(at, "Simpan capaian kinerja")
    assert "batas bawah kategori harus menurun: Sangat Tinggi (91) harus lebih besar dari Tinggi (95)" in shown(
        at.error
    )
    assert store.overrides().text == '{"global":{},"years":{}}'


def test_ikpa_targets_are_chosen_per_report_year(store: Store) -> None:
    at = page("admin", "admin")
    key = widget_key("ikpa_targets", store.overrides(), 2024)
    at.session_state[key] = {"edited_rows": {1: {"TW I": 10}}, "added_rows": [], "deleted_rows": []}  # row 52
    at.run()
    submit(at, "Simpan anggaran")
    assert "Target penyerapan IKPA per triwulan (tahun 2024): target terbitan" in shown(at.success), shown(at.error)
    assert store.settings_for(2024).ikpa["52"] == (10.0, 50.0, 70.0, 90.0)
    assert store.settings_for(2025).ikpa["52"] == (15.0, 50.0, 70.0, 90.0)


def test_others_read_the_settings_but_cannot_change_them(store: Store) -> None:
    at = page("komisioner", "pembaca")
    assert any("Hanya admin yang dapat mengubah pengaturan" in i.value for i in at.info)
    assert not [b for b in at.button if b.label.startswith(("Simpan", "Kembalikan"))]
    assert all(n.disabled for n in at.number_input if n.label != "Tahun laporan (untuk pengaturan per tahun)")
    assert all(s.disabled for s in at.selectbox)
    assert not [df for df in at.dataframe if "Lama" in df.value.columns]  # the history is the admins'
