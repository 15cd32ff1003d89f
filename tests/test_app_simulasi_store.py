"""AppTest: Simulasi scenarios kept in the store (save as pengunggah, reopen in a new session, pembaca)."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.analysis import whatif
from lakip_core.store import Store
from lakip_core.store.auth import Actor, PermissionDeniedError
from tests import golden
from tests.intake_helpers import SATKER, data_state, login, store_with_uploader

SAVE = "🗄 Simpan ke basis data"
OPEN = "Buka dari basis data"
# The office figure as Simulasi shows it: stored, then with the tunjangan anak realisasi at 100%.
STORED = (golden.OFFICE_MEAN.text, "")
EDITED = (f"{golden.OFFICE_MEAN.text} → {golden.TUNJANGAN_ANAK_MEAN.text}", golden.TUNJANGAN_ANAK_DELTA)
COMPARED = [golden.OFFICE_MEAN.text, golden.TUNJANGAN_ANAK_MEAN.text]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))  # accounts but no data: the bundled sample is shown
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    monkeypatch.delenv("LAKIP_PUBLIC_READ", raising=False)
    st.cache_data.clear()
    return store_with_uploader(tmp_path)


def simulasi(username: str, role: str) -> AppTest:
    """The Simulasi page for a logged-in account (what the sidebar login leaves in session state)."""
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    login(at, username)  # a real session; the role is the stored one (``role`` says what the test expects)
    assert at.session_state["akun"]["role"] == role
    at.run()
    at.switch_page("pages/simulasi.py")
    at.run()
    assert not at.exception, at.exception
    return at


def office(at: AppTest) -> tuple[str, str]:
    metric = next(m for m in at.metric if m.label == "Capaian kantor")
    return metric.value, metric.proto.delta


def button(at: AppTest, label: str):  # type: ignore[no-untyped-def]
    return next(b for b in at.button if b.label == label)


def comparison(at: AppTest):  # type: ignore[no-untyped-def]
    return next(df.value for df in at.dataframe if "Skenario" in df.value.columns)


def test_pengunggah_saves_to_the_store_and_reopens(store: Store) -> None:
    at = simulasi("sekretariat", "pengunggah")
    before = data_state(store)
    at.session_state["simulasi-indikator-0"] = {
        "edited_rows": {6: {"Realisasi": "100%"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.text_input(key="simulasi-nama").set_value("Tunjangan anak tuntas").run()
    button(at, SAVE).click().run()
    assert not at.exception and not at.error, at.error
    assert any("Skenario 'Tunjangan anak tuntas' disimpan ke basis data" in s.value for s in at.success)
    (kept,) = store.scenarios(SATKER, 2024)
    assert kept.created_by == "sekretariat" and kept.scenario.indicators == {
        golden.TUNJANGAN_ANAK_KEY: whatif.IndicatorEdit(actual_text="100%")
    }
    assert data_state(store) == before  # no version, no activation
    assert store.audit_entries()[0].action == "skenario-simpan"
    # Back to the stored figures, then compare and reopen the kept scenario.
    button(at, next(b.label for b in at.button if b.label.startswith("↺"))).click().run()
    assert office(at) == STORED
    compared = comparison(at)
    assert list(compared["Skenario"]) == ["Data tersimpan", "Tunjangan anak tuntas (basis data)"]
    assert list(compared["Capaian kantor"]) == COMPARED
    button(at, OPEN).click().run()
    assert office(at) == EDITED
    assert any("dibuka dari basis data" in s.value for s in at.success)
    # Saving again under the same name replaces that scenario only.
    button(at, SAVE).click().run()
    assert any("diperbarui di basis data" in s.value for s in at.success)
    assert [s.id for s in store.scenarios(SATKER, 2024)] == [kept.id]

    # Another browser session (another person) reopens it from the database.
    other = simulasi("admin", "admin")
    assert office(other) == STORED
    assert other.selectbox(key="simulasi-pilih-basis-data").value == kept.id
    button(other, OPEN).click().run()
    assert office(other) == EDITED
    button(other, "Hapus dari basis data").click().run()
    assert store.scenarios(SATKER, 2024) == [] and not other.exception
    assert any("dihapus dari basis data" in s.value for s in other.success)


def test_pembaca_opens_and_compares_but_cannot_save(store: Store) -> None:
    kept = store.save_scenario(
        Actor("sekretariat"),
        SATKER,
        2024,
        "Target 90%",
        whatif.Scenario(indicators={golden.TUNJANGAN_ANAK_KEY: whatif.IndicatorEdit(actual_text="100%")}),
    )
    at = simulasi("komisioner", "pembaca")
    labels = [b.label for b in at.button]
    assert SAVE not in labels and "Hapus dari basis data" not in labels
    assert any("hanya untuk pengunggah atau admin" in c.value for c in at.caption)
    assert list(comparison(at)["Capaian kantor"]) == COMPARED
    button(at, OPEN).click().run()
    assert office(at) == EDITED
    # Even if the button were reached, the store refuses a pembaca (and records the refusal).
    with pytest.raises(PermissionDeniedError, match="tidak berwenang"):
        store.save_scenario(Actor("komisioner"), SATKER, 2024, "Punya pembaca", whatif.Scenario())
    assert [s.id for s in store.scenarios(SATKER, 2024)] == [kept.id]
    assert store.audit_entries()[0].action == "ditolak"
