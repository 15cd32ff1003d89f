"""AppTest for every dashboard page: renders without exception and shows the sample's figures."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

PAGES = ["ringkasan", "kinerja", "anggaran", "pegawai", "aset", "pemeriksaan"]


@pytest.fixture
def app() -> AppTest:
    st.cache_data.clear()
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.run()
    assert not at.exception
    return at


def open_page(at: AppTest, name: str, meeting: bool = False) -> AppTest:
    at.session_state["rapat"] = meeting
    at.switch_page(f"pages/{name}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def charts(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def values(data: object) -> list:
    """Plotly ships numeric arrays as base64 ``{"dtype", "bdata"}``; decode them to a list."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=np.dtype(data["dtype"])).tolist()
    return list(data)  # type: ignore[call-overload]


def titles(at: AppTest) -> list[str]:
    return [c["layout"]["title"]["text"] for c in charts(at)]


def test_ringkasan_headline_figures(app: AppTest) -> None:
    at = open_page(app, "ringkasan")
    assert metrics(at) == {
        "Capaian kinerja kantor": "57,89%",
        "Indikator tercapai (≥ 100%)": "4 dari 44",
        "Belum tercapai": "40",
        "Tanpa realisasi": "18",
        "Penyerapan anggaran": "95,80%",
        "Pegawai": "28",
        "Aset": "221 unit",
        "Temuan pemeriksaan": "8",
    }
    (chart,) = charts(at)
    assert "57,89% (Rendah)" in chart["layout"]["title"]["text"]
    bars = chart["data"][0]
    # Eight sasaran of Bab III A with data; means from the rows (sasaran 1 = 84,96%).
    assert len(bars["y"]) == 8
    assert "84,96%" in bars["text"]
    links = [link.proto.label for link in at.get("page_link")]
    assert any("3356, 3361, 3364" in label for label in links)


def test_kinerja_shows_every_indicator_and_unmeasured_targets(app: AppTest) -> None:
    at = open_page(app, "kinerja")
    assert [t.label for t in at.tabs] == ["Capaian Kinerja", "PK Ketua", "PK Sekretaris"]
    assert titles(at)[0].startswith("<b>Capaian Kinerja: capaian rata-rata 57,89% (Rendah)")
    full = next(df.value for df in at.dataframe if len(df.value) == 62)
    assert list(full.columns) == [
        "Dokumen",
        "Sasaran",
        "Indikator",
        "Target",
        "Realisasi",
        "Satuan",
        "Capaian",
        "Kategori",
    ]
    gaji = full[full["Indikator"] == "Pembayaran Gaji Pokok PNS"].iloc[0]
    assert (gaji["Target"], gaji["Realisasi"], gaji["Capaian"], gaji["Kategori"]) == (
        "100%",
        "99,61%",
        "99,61%",
        "Sangat Tinggi",
    )
    pk = full[full["Dokumen"] == "PK Ketua"]
    assert len(pk) == 10 and set(pk["Realisasi"]) == {"belum ada"} and set(pk["Capaian"]) == {"-"}
    assert set(pk["Kategori"]) == {"Tidak ada data"}
    info = " ".join(i.value for i in at.info)
    assert "PK Ketua: 10 indikator dengan target, belum ada realisasi" in info


def test_anggaran_computes_from_rows_and_flags_the_jumlah_row(app: AppTest) -> None:
    at = open_page(app, "anggaran")
    assert metrics(at)["Penyerapan"] == "95,80%"
    text = " ".join(m.value for m in at.markdown)
    assert "Realisasi **Rp 3.140.196.748** dari pagu **Rp 3.277.955.000**" in text
    warning = " ".join(w.value for w in at.warning)
    assert "Rp 3\\.262\\.453\\.000" in warning and "Rp 3\\.277\\.955\\.000" in warning  # escaped as inert text
    budget = charts(at)[0]
    assert budget["layout"]["title"]["text"].startswith("<b>Penyerapan anggaran 95,80%")
    pagu, realisasi = budget["data"]
    assert sum(values(pagu["x"])) == 3_277_955_000 and sum(values(realisasi["x"])) == 3_140_196_748
    assert len(pagu["y"]) == 7


def test_pegawai_composition(app: AppTest) -> None:
    at = open_page(app, "pegawai")
    values = metrics(at)
    assert (values["Seluruh pegawai"], values["Komisioner"], values["ASN"], values["PPNPN"]) == ("28", "5", "15", "8")
    assert values["Komisioner perempuan"] == "20%"
    assert titles(at)[0].startswith("<b>Perempuan 39,29% dari seluruh pegawai")
    korwil = next(df.value for df in at.dataframe if "Korwil (kecamatan)" in df.value.columns)
    assert korwil.iloc[0]["Korwil (kecamatan)"] == "Setiabudi, Mampang Prapatan"


def test_aset_condition_weighted_by_jumlah(app: AppTest) -> None:
    at = open_page(app, "aset")
    values = metrics(at)
    assert (values["Unit aset"], values["Kondisi baik"], values["Rusak"]) == ("221", "72,73%", "3")
    assert titles(at)[0].startswith("<b>8 dari 11 unit yang tercatat kondisinya dalam keadaan baik")


def test_pemeriksaan_lists_the_jumlah_finding(app: AppTest) -> None:
    at = open_page(app, "pemeriksaan")
    assert metrics(at) == {"⛔ Galat": "0", "⚠️ Peringatan": "8", "ℹ️ Informasi": "18"}
    labels = [e.label for e in at.expander]
    assert any(
        label.startswith("⚠️ Baris jumlah tidak sama dengan rinciannya — 2 temuan (Anggaran)") for label in labels
    )
    text = " ".join(m.value for m in at.markdown)
    assert "Rp 3\\.262\\.453\\.000" in text  # escaped as inert text


@pytest.mark.parametrize("name", PAGES)
def test_meeting_mode_has_no_dense_tables(app: AppTest, name: str) -> None:
    at = open_page(app, name, meeting=True)
    if name != "kinerja":  # Kinerja shows unmeasured PK targets as a short list in both modes
        assert len(at.dataframe) == 0
    assert not at.get("download_button")


def test_charts_use_indonesian_separators_and_hover_text(app: AppTest) -> None:
    for name in PAGES[:-1]:
        at = open_page(app, name)
        for chart in charts(at):
            assert chart["layout"]["separators"] == ",."
            assert chart["layout"]["title"]["text"]
            for trace in chart["data"]:
                # Every trace explains itself on hover: its own text, or a template in Indonesian.
                hover = trace.get("hovertext") or trace.get("hovertemplate")
                assert hover, f"{name}: a {trace['type']} trace without hover text"
                assert trace.get("hoverinfo") != "skip"


def test_meeting_mode_ringkasan_is_four_big_figures(app: AppTest) -> None:
    at = open_page(app, "ringkasan", meeting=True)
    assert metrics(at) == {
        "Capaian kinerja kantor": "57,89%",
        "Penyerapan anggaran": "95,80%",
        "Indikator tercapai (≥ 100%)": "4 dari 44",
        "Temuan pemeriksaan": "8",
    }
