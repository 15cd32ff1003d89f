"""AppTest for the Perbandingan page: one year says how to add another; three stored years show trends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.store import Store
from tests import golden
from tests.intake_helpers import store_file
from tests.test_compare import write_year

SATKER = "KPU Kota Contoh"


def open_page(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(data_dir))
    st.cache_data.clear()
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.run()
    at.switch_page("pages/perbandingan.py")
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(scope="module")
def stored_years(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the generated 2022–2024 indicator and budget files of one satker."""
    data_dir = tmp_path_factory.mktemp("store")
    files = tmp_path_factory.mktemp("files")
    store = Store(f"sqlite:///{data_dir / 'lakip.db'}")
    store.ensure_schema()
    for year in (2022, 2023, 2024):
        for path, kind in zip(write_year(files, year), ("indicators", "budget"), strict=True):
            store_file(store, path.read_bytes(), path.name, kind, year, SATKER)
    store.dispose()
    return data_dir


def test_one_year_explains_how_to_add_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(tmp_path, monkeypatch)
    assert "Baru ada data untuk satu tahun (2024, data contoh)" in at.info[0].value
    steps = at.markdown[-1].value
    assert "Unggah Data" in steps and "tahun laporannya" in steps
    assert not at.get("plotly_chart")


def test_three_stored_years_show_trends(stored_years: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(stored_years, monkeypatch)
    values = {m.label: (m.value, m.proto.delta) for m in at.metric}
    assert values["Penyerapan 2024"] == (golden.ABSORPTION.text, "+3,80 poin dari 2023")
    assert values["Tahun dibandingkan"][0] == "2022–2024"
    office, objectives = (json.loads(c.proto.spec) for c in at.get("plotly_chart"))
    assert "Capaian kantor naik dari" in office["layout"]["title"]["text"]
    assert [t["name"] for t in objectives["data"]] == ["2024", "2023", "2022"]  # drawn bottom-up
    kantor = next(df.value for df in at.dataframe if "Penyerapan" in df.value.columns)
    assert list(kantor["Penyerapan"]) == ["85,00%", "92,00%", golden.ABSORPTION.text]
    assert list(kantor["Pagu"]) == ["Rp 2.000.000.000", "Rp 2.500.000.000", golden.ALLOCATION.text]
    indicators = next(df.value for df in at.dataframe if "Indikator" in df.value.columns and "2022" in df.value.columns)
    gaji = indicators[indicators["Indikator"] == "Pembayaran Gaji Pokok PNS"].iloc[0]
    assert (gaji["2022"], gaji["2023"], gaji["2024"], gaji["Perubahan 2023–2024 (poin)"]) == (
        "90,00%",
        "95,00%",
        "99,61%",
        "+4,61",
    )


def test_matches_can_be_reviewed_and_renstra_progress(stored_years: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = open_page(stored_years, monkeypatch)
    review = at.data_editor(key="perbandingan-pasangan-0.85").value
    typo = review[review["Nama di tahun itu"] == "Jumlah pengaduan layan"].iloc[0]
    assert (typo["Cara"], typo["Pasangkan dengan"]) == ("Mirip", "Jumlah pengaduan layanan")
    # Keep the typo apart: it becomes its own row with only a 2022 value.
    row = int(typo.name)
    at.session_state["perbandingan-pasangan-0.85"] = {
        "edited_rows": {row: {"Pasangkan dengan": "(tidak dipasangkan)"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    indicators = next(df.value for df in at.dataframe if "Indikator" in df.value.columns and "2022" in df.value.columns)
    assert "Jumlah pengaduan layan" in list(indicators["Indikator"])
    names = list(at.data_editor(key="perbandingan-renstra").value["Indikator"])
    at.session_state["perbandingan-renstra"] = {
        "edited_rows": {names.index("Pembayaran Gaji Pokok PNS"): {"Target Renstra (akhir periode)": "100%"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    progress = next(df.value for df in at.dataframe if "Kemajuan" in df.value.columns)
    assert progress.iloc[0].to_dict() == {
        "Indikator": "Pembayaran Gaji Pokok PNS",
        "Target Renstra": "100%",
        "Realisasi terakhir": "99,61% (2024)",
        "Kemajuan": "99,61%",
    }


def test_renstra_targets_from_the_files_fill_the_editor_and_can_be_overridden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_compare import write_renstra_year

    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    store.ensure_schema()
    targets = {"Pembayaran Gaji Pokok PNS": "100%", "Opini BPK": "WTP"}
    for year in (2023, 2024):
        path = write_renstra_year(tmp_path, year, "Target Akhir Renstra", targets)
        store_file(store, path.read_bytes(), path.name, "indicators", year, SATKER)
    store.dispose()
    at = open_page(tmp_path, monkeypatch)
    editor = at.data_editor(key="perbandingan-renstra").value.set_index("Indikator")
    assert editor.loc["Pembayaran Gaji Pokok PNS", "Target Renstra (akhir periode)"] == "100%"
    assert editor.loc["Jumlah pengaduan layanan", "Target Renstra (akhir periode)"] == ""
    progress = next(df.value for df in at.dataframe if "Kemajuan" in df.value.columns)
    assert list(progress["Indikator"]) == ["Pembayaran Gaji Pokok PNS", "Opini BPK"]
    assert list(progress["Kemajuan"]) == ["99,61%", "100,00%"]
    names = list(editor.index)
    at.session_state["perbandingan-renstra"] = {
        "edited_rows": {names.index("Pembayaran Gaji Pokok PNS"): {"Target Renstra (akhir periode)": "99,61%"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    progress = next(df.value for df in at.dataframe if "Kemajuan" in df.value.columns)
    assert progress.iloc[0]["Target Renstra"] == "99,61%" and progress.iloc[0]["Kemajuan"] == "100,00%"
