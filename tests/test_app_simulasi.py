"""AppTest for the Simulasi page: edits through the data_editor's session state, rules, scenarios."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from lakip_core.analysis import whatif
from tests import golden

STORED = golden.OFFICE_MEAN.text
EDITED = f"{golden.OFFICE_MEAN.text} → {golden.TUNJANGAN_ANAK_MEAN.text}"  # tunjangan anak realisasi at 100%


@pytest.fixture
def at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))  # an empty store: the bundled sample is shown
    st.cache_data.clear()
    app = AppTest.from_file("../dashboard.py", default_timeout=60)
    app.run()
    app.switch_page("pages/simulasi.py")
    app.run()
    assert not app.exception, app.exception
    return app


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {m.label: (m.value, m.proto.delta) for m in at.metric}


def edit(at: AppTest, kind: str, rows: dict[int, dict[str, str]], version: int = 0) -> None:
    """Type into a data_editor the way the browser does: its edit state in session state."""
    at.session_state[f"simulasi-{kind}-{version}"] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception, at.exception


def chart_title(at: AppTest) -> str:
    return json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"]


def table(at: AppTest, column: str):  # type: ignore[no-untyped-def]
    """The read-only table that has ``column`` (st.dataframe keys do not reach AppTest)."""
    return next(df.value for df in at.dataframe if df.editing_mode == "read_only" and column in df.value.columns)


def test_opens_on_the_stored_figures(at: AppTest) -> None:
    assert metrics(at) == {
        "Capaian kantor": (STORED, ""),
        "Kategori": (golden.OFFICE_CATEGORY, ""),
        "Tercapai (≥ 100%)": (f"{golden.MET} dari {golden.WITH_DATA}", ""),
        "Penyerapan anggaran": (golden.ABSORPTION.text, ""),
    }
    assert chart_title(at).startswith(f"<b>Capaian kantor tetap {STORED} ({golden.OFFICE_CATEGORY})")
    editor = at.data_editor(key="simulasi-indikator-0")
    assert editor.editing_mode == "fixed" and len(editor.value) == golden.LINES  # every line of the five documents
    assert list(editor.value.columns[1:4]) == ["Indikator", "Target", "Realisasi"]


def test_editing_a_realisasi_recomputes_indicator_sasaran_and_office(at: AppTest) -> None:
    # Row 6 = Pembayaran tunjangan anak PNS, 61,14% (Rendah) in sasaran 1.
    edit(at, "indikator", {6: {"Realisasi": "100%"}})
    assert metrics(at)["Capaian kantor"] == (EDITED, golden.TUNJANGAN_ANAK_DELTA)
    assert metrics(at)["Tercapai (≥ 100%)"] == (
        f"{golden.MET} → {golden.TUNJANGAN_ANAK_MET} dari {golden.WITH_DATA}",
        "",
    )
    changed = table(at, "Realisasi")
    assert changed.iloc[0].to_dict() | {"Sasaran": ""} == {
        "Sasaran": "",
        "Indikator": "Pembayaran tunjangan anak PNS",
        "Target": "100%",
        "Realisasi": "61,14% → 100%",
        "Capaian tersimpan": "61,14%",
        "Capaian simulasi": "100,00%",
        "Perubahan (poin)": "+38,86",
        "Kategori": "Rendah → Sangat Tinggi",
    }
    sasaran = table(at, "Dokumen").iloc[0]
    assert (sasaran["Capaian tersimpan"], sasaran["Capaian simulasi"], sasaran["Perubahan (poin)"]) == (
        golden.FIRST_OBJECTIVE_MEAN.text,
        golden.TUNJANGAN_ANAK_FIRST_OBJECTIVE.text,
        "+2,99",
    )
    assert golden.TUNJANGAN_ANAK_MEAN.text in chart_title(at)
    assert any("1 indikator dan 0 kegiatan diubah" in c.value for c in at.caption)


def test_unreadable_target_is_a_message_not_a_traceback(at: AppTest) -> None:
    edit(at, "indikator", {3: {"Target": "seratus persen"}})
    assert any("Target 'seratus persen' pada 'Pembayaran Gaji Pokok PNS' bukan angka" in w.value for w in at.warning)
    # Left out of the means, not counted as 0.
    assert metrics(at)["Tercapai (≥ 100%)"][0] == f"{golden.MET} dari {golden.WITH_DATA - 1}"


def test_bulk_rule_then_reset(at: AppTest) -> None:
    at.button[0].click().run()  # "Terapkan aturan" with the defaults 100 → 90
    assert not at.exception
    assert any(f"Aturan diterapkan pada {golden.TARGETS_90_CHANGED} indikator" in s.value for s in at.success)
    assert metrics(at)["Capaian kantor"] == (f"{STORED} → {golden.TARGETS_90_MEAN.text}", golden.TARGETS_90_DELTA)
    assert at.data_editor(key="simulasi-indikator-1").value.loc[3, "Target"] == "90%"
    reset = next(b for b in at.button if b.label.startswith("↺"))
    reset.click().run()
    assert metrics(at)["Capaian kantor"] == (STORED, "")
    tab = next(t for t in at.tabs if t.label == "🎯 Target & realisasi")  # the message where the button is
    assert [s.value for s in tab.success] == ["Kembali ke data tersimpan\\: semua perubahan simulasi dihapus\\."]


def test_what_realisasi_reaches_sangat_tinggi(at: AppTest) -> None:
    needed = table(at, "Realisasi minimal untuk Sangat Tinggi")
    gaji = needed[needed["Indikator"] == "Pembayaran tunjangan anak PNS"].iloc[0]
    assert (gaji["Realisasi"], gaji["Realisasi minimal untuk Sangat Tinggi"]) == ("61,14%", "91%")
    ranked = table(at, "Kenaikan capaian kantor (poin)")
    # 100 points over the office's 36 lines (before: over 44 lines of every document, +2,27).
    assert ranked.iloc[0]["Capaian"] == "0,00%" and ranked.iloc[0]["Kenaikan capaian kantor (poin)"] == "+2,78"


def test_budget_what_if(at: AppTest) -> None:
    spent = golden.PAGU_3356.text.removeprefix("Rp ")  # typed as staff do, without "Rp"
    edit(at, "anggaran", {1: {"Realisasi (Rp)": spent}, 4: {"Pagu (Rp)": "dua juta"}})
    assert metrics(at)["Penyerapan anggaran"][0] == f"{golden.ABSORPTION.text} → {golden.SPEND_3356_ABSORPTION.text}"
    assert any("pagu 'dua juta' bukan jumlah rupiah yang sah" in w.value for w in at.warning)
    row = table(at, "Sisa simulasi").iloc[1]
    assert (row["Realisasi"], row["Penyerapan simulasi"], row["Sisa simulasi"]) == (
        f"Rp 0 → {golden.PAGU_3356.text}",
        "100,00%",
        "Rp 0",
    )


def test_named_scenarios_are_saved_compared_reopened_and_downloaded(at: AppTest) -> None:
    edit(at, "indikator", {6: {"Realisasi": "100%"}})
    at.text_input(key="simulasi-nama").set_value("Tunjangan anak tuntas").run()
    save = next(b for b in at.button if b.label == "💾 Simpan skenario")
    save.click().run()
    assert any("Skenario 'Tunjangan anak tuntas' disimpan" in s.value for s in at.success)
    reset = next(b for b in at.button if b.label.startswith("↺"))
    reset.click().run()
    assert metrics(at)["Capaian kantor"][0] == STORED
    compared = table(at, "Skenario")
    assert list(compared["Skenario"]) == ["Data tersimpan", "Tunjangan anak tuntas"]
    assert list(compared["Capaian kantor"]) == [STORED, golden.TUNJANGAN_ANAK_MEAN.text]
    assert list(compared["Penyerapan anggaran"]) == [golden.ABSORPTION.text] * 2
    at.selectbox(key="simulasi-pilih").set_value("Tunjangan anak tuntas")
    next(b for b in at.button if b.label == "Buka").click().run()
    assert metrics(at)["Capaian kantor"] == (EDITED, golden.TUNJANGAN_ANAK_DELTA)
    download = next(d for d in at.get("download_button") if "JSON" in d.proto.label)
    assert download.proto.label == "Unduh skenario (JSON)"
    kept = list(at.session_state["simulasi-tersimpan"].values())
    saved = whatif.scenarios_from_json(whatif.scenarios_to_json(kept))
    assert saved[0].indicators == {golden.TUNJANGAN_ANAK_KEY: whatif.IndicatorEdit(actual_text="100%")}


def test_meeting_mode_keeps_the_scenario_without_tables(at: AppTest) -> None:
    edit(at, "indikator", {6: {"Realisasi": "100%"}})
    at.session_state["rapat"] = True
    at.run()
    assert not at.exception and len(at.dataframe) == 0 and not at.get("download_button")
    assert metrics(at)["Capaian kantor"][0] == EDITED
    at.session_state["rapat"] = False
    at.run()
    assert metrics(at)["Capaian kantor"][0] == EDITED  # the editor reopens with the edit


def nodes(node):  # type: ignore[no-untyped-def]
    """Every element and block under ``node`` in page order."""
    yield node
    for _, child in sorted(getattr(node, "children", {}).items()):
        yield from nodes(child)


def open_tab(at: AppTest) -> str:
    """The label of the tab the server tells the browser to show (the tab container's current index)."""
    (container,) = [n for n in nodes(at._tree) if type(n) is Block and n.proto and n.proto.HasField("tab_container")]
    tabs = [tab for _, tab in sorted(container.children.items())]
    return tabs[container.proto.tab_container.default_tab_index].label


def test_naming_and_saving_a_scenario_keeps_the_user_on_the_scenario_tab(at: AppTest) -> None:
    assert open_tab(at) == "🎯 Target & realisasi"
    at.session_state["simulasi-tab"] = "💾 Skenario"  # the user opens the tab
    at.run()
    assert open_tab(at) == "💾 Skenario"
    at.text_input(key="simulasi-nama").set_value("Target 90%").run()  # typed, then Enter
    assert open_tab(at) == "💾 Skenario"
    next(b for b in at.button if b.label == "💾 Simpan skenario").click().run()
    assert not at.exception
    assert open_tab(at) == "💾 Skenario"
    # The confirmation stands in that tab, under the button, and nowhere else.
    tab = next(t for t in at.tabs if t.label == "💾 Skenario")
    assert [s.value for s in tab.success] == ["Skenario 'Target 90%' disimpan\\."]
    assert len(at.success) == 1


def test_the_answer_comes_before_the_editors(at: AppTest) -> None:
    """Office figure stored → simulated and the chart stand above the tabs that hold the editors."""
    edit(at, "indikator", {6: {"Realisasi": "100%"}})
    place = {id(n): i for i, n in enumerate(nodes(at.main))}
    metric, chart, tab = at.metric[0], at.get("plotly_chart")[0], at.tabs[0]
    assert place[id(metric)] < place[id(chart)] < place[id(tab)] < place[id(at.data_editor[0])]
    assert at.metric[0].value == EDITED


def test_a_scenario_file_is_checked_read_and_consumed(at: AppTest) -> None:
    at.file_uploader(key="simulasi-unggah-0").set_value(("anggaran.xlsx", b"PK\x03\x04", "application/octet-stream"))
    at.run()
    assert [e.value for e in at.error] == [
        "Berkas 'anggaran\\.xlsx' bukan berkas skenario\\. Pilih berkas \\.json yang diunduh dari Simulasi\\."
    ]
    assert not state_saved(at)
    data = whatif.scenarios_to_json([whatif.Scenario("Dari berkas")]).encode("utf-8")
    at.file_uploader(key="simulasi-unggah-1").set_value(("skenario.json", data, "application/json"))  # a fresh uploader
    at.run()
    assert not at.exception and not at.error
    assert any("1 skenario dibaca dari berkas" in s.value for s in at.success)
    assert list(state_saved(at)) == ["Dari berkas"]
    assert [u.key for u in at.file_uploader] == ["simulasi-unggah-2"]  # the file was consumed


def state_saved(at: AppTest) -> dict[str, whatif.Scenario]:
    return at.session_state["simulasi-tersimpan"] if "simulasi-tersimpan" in at.session_state else {}  # noqa: SIM401 (no .get)
