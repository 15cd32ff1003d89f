"""AppTest for every dashboard page: renders without exception and shows the sample's figures."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from tests import golden
from tests.browser import CHARTLESS

PAGES = ["ringkasan", "kinerja", "anggaran", "pegawai", "aset", "pemeriksaan"]
TO_CHECK = golden.FINDINGS_BY_SEVERITY["error"] + golden.FINDINGS_BY_SEVERITY["warning"]  # Ringkasan's count


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
        "Capaian kinerja kantor": golden.OFFICE_MEAN.text,
        "Indikator tercapai (≥ 100%)": f"{golden.MET} dari {golden.WITH_DATA}",
        "Belum tercapai": str(golden.NOT_MET),
        "Tanpa realisasi": str(golden.WITHOUT_DATA),
        "Penyerapan anggaran": golden.ABSORPTION.text,
        "Pegawai": str(golden.STAFF),
        "Aset": f"{golden.ASSET_UNITS} unit",
        "Temuan pemeriksaan": str(TO_CHECK),
    }
    (chart,) = charts(at)
    assert f"{golden.OFFICE_MEAN.text} ({golden.OFFICE_CATEGORY})" in chart["layout"]["title"]["text"]
    bars = chart["data"][0]
    # Eight sasaran of Bab III A with data; means from the rows (sasaran 1 = 84,96%).
    assert len(bars["y"]) == golden.OBJECTIVES_WITH_DATA
    assert golden.FIRST_OBJECTIVE_MEAN.text in bars["text"]
    links = [link.proto.label for link in at.get("page_link")]
    assert any("3356, 3361, 3364" in label for label in links)


def test_kinerja_shows_every_indicator_and_unmeasured_targets(app: AppTest) -> None:
    at = open_page(app, "kinerja")
    assert [t.label for t in at.tabs] == ["Capaian Kinerja", "PK Ketua", "PK Sekretaris"]
    assert titles(at)[0].startswith(
        f"<b>Capaian Kinerja: capaian rata-rata {golden.OFFICE_MEAN.text} ({golden.OFFICE_CATEGORY})"
    )
    full = next(df.value for df in at.dataframe if len(df.value) == golden.INDICATORS)
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
    assert metrics(at)["Penyerapan"] == golden.ABSORPTION.text
    text = " ".join(m.value for m in at.markdown)
    assert f"Realisasi **{golden.REALIZED.text}** dari pagu **{golden.ALLOCATION.text}**" in text
    warning = " ".join(w.value for w in at.warning)
    assert golden.STATED_ALLOCATION.text in warning and golden.ALLOCATION.text in warning
    budget = charts(at)[0]
    assert budget["layout"]["title"]["text"].startswith(f"<b>Penyerapan anggaran {golden.ABSORPTION.text}")
    pagu, realisasi = budget["data"]
    assert sum(values(pagu["x"])) == golden.ALLOCATION.value and sum(values(realisasi["x"])) == golden.REALIZED.value
    assert len(pagu["y"]) == len(golden.KEGIATAN)


def test_pegawai_composition(app: AppTest) -> None:
    at = open_page(app, "pegawai")
    values = metrics(at)
    roles = golden.STAFF_BY_ROLE
    assert (values["Seluruh pegawai"], values["Komisioner"], values["ASN"], values["PPNPN"]) == (
        str(golden.STAFF),
        str(roles["Komisioner"]),
        str(roles["ASN"]),
        str(roles["PPNPN"]),
    )
    assert values["Komisioner perempuan"] == golden.FEMALE_COMMISSIONERS.text
    assert titles(at)[0].startswith(f"<b>Perempuan {golden.FEMALE.text} dari seluruh pegawai")
    korwil = next(df.value for df in at.dataframe if "Korwil (kecamatan)" in df.value.columns)
    assert korwil.iloc[0]["Korwil (kecamatan)"] == "Setiabudi, Mampang Prapatan"


def test_aset_condition_weighted_by_jumlah(app: AppTest) -> None:
    at = open_page(app, "aset")
    values = metrics(at)
    assert (values["Unit aset"], values["Kondisi baik"], values["Rusak"]) == (
        str(golden.ASSET_UNITS),
        golden.ASSETS_GOOD.text,
        str(golden.ASSETS_BY_CONDITION["Rusak"]),
    )
    assert titles(at)[0].startswith("<b>8 dari 11 unit yang tercatat kondisinya dalam keadaan baik")


def test_pemeriksaan_lists_the_jumlah_finding(app: AppTest) -> None:
    at = open_page(app, "pemeriksaan")
    counts = golden.FINDINGS_BY_SEVERITY
    assert metrics(at) == {
        "⛔ Galat": str(counts["error"]),
        "⚠️ Peringatan": str(counts["warning"]),
        "ℹ️ Informasi": str(counts["info"]),
    }
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


@pytest.mark.parametrize("name", [p for p in PAGES if p not in CHARTLESS])
def test_charts_use_indonesian_separators_and_hover_text(app: AppTest, name: str) -> None:
    at = open_page(app, name)
    drawn = charts(at)
    assert drawn, f"{name}: no chart on the page, so nothing was checked"
    for chart in drawn:
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
        "Capaian kinerja kantor": golden.OFFICE_MEAN.text,
        "Penyerapan anggaran": golden.ABSORPTION.text,
        "Indikator tercapai (≥ 100%)": f"{golden.MET} dari {golden.WITH_DATA}",
        "Temuan pemeriksaan": str(TO_CHECK),
    }
