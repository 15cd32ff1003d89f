"""AppTest for every dashboard page: renders without exception and shows the sample's figures."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.presentation.escape import inert
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
    # Issue 9: the office mean is of the Capaian Kinerja lines with the group counted once (was 57,89%,
    # 4 of 44); counts per document replace "Tanpa realisasi 18"; commissioners apart from staff.
    assert metrics(at) == {
        "Capaian kinerja kantor": golden.OFFICE_MEAN.text,
        "Indikator tercapai (≥ 100%)": f"{golden.MET} dari {golden.WITH_DATA}",
        "Belum tercapai": str(golden.NOT_MET),
        "Penyerapan anggaran": golden.ABSORPTION.text,
        "Pegawai sekretariat": str(golden.SECRETARIAT),
        "Komisioner": str(golden.STAFF_BY_ROLE["Komisioner"]),
        "Aset": f"{golden.ASSET_UNITS} unit",
        "Temuan pemeriksaan": str(TO_CHECK),
    }
    notes = {m.label: m.proto.delta for m in at.metric}
    assert notes["Pegawai sekretariat"] == "15 ASN · 8 PPNPN"
    assert notes["Komisioner"] == "1 perempuan dari 5"
    assert notes["Aset"] == "baik 8 dari 11 tercatat"
    caption = " ".join(c.value for c in at.caption).replace("\\", "")  # data text is escaped markdown
    assert "Capaian Kinerja: 36 indikator dihitung untuk capaian kantor" in caption
    assert "PK Ketua: 10 target belum diukur" in caption
    (chart,) = charts(at)
    assert f"{golden.OFFICE_MEAN.text} ({golden.OFFICE_CATEGORY})" in chart["layout"]["title"]["text"]
    bars = chart["data"][0]
    # Eight sasaran of Bab III A with data; means from the rows (sasaran 1 = 84,96%).
    assert len(bars["y"]) == golden.OFFICE_OBJECTIVES_WITH_DATA
    assert golden.FIRST_OBJECTIVE_MEAN.text in bars["text"]
    links = [link.proto.label for link in at.get("page_link")]
    assert any("3356, 3361, 3364" in label for label in links)


def test_kinerja_shows_every_indicator_and_unmeasured_targets(app: AppTest) -> None:
    at = open_page(app, "kinerja")
    assert [t.label for t in at.tabs] == [  # sheet names are data text: escaped for markdown
        inert(name)
        for name in (
            "Capaian Kinerja",
            "PK Ketua",
            "PK Sekretaris",
            "Analisis Sasaran (Bab III B)",
            "Tabel 1.9 Arsitektur Kinerja",
        )
    ]
    office = f"{golden.OFFICE_MEAN.text} ({golden.OFFICE_CATEGORY})"
    assert titles(at)[0].startswith(f"<b>Capaian Kinerja: capaian rata-rata {office}")
    analysis = next(t for t in titles(at) if t.startswith("<b>Analisis Sasaran"))
    assert "79,16% (Tinggi) — ditampilkan terpisah, tidak ikut capaian kantor" in analysis
    caption = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "Capaian kantor dihitung dari Capaian Kinerja" in caption
    full = next(df.value for df in at.dataframe if len(df.value) == golden.LINES)
    assert list(full.columns) == [
        "Dokumen",
        "Sasaran",
        "Indikator",
        "Target",
        "Realisasi",
        "Satuan",
        "Capaian",
        "Kategori",
        "Keterangan",
    ]
    group = full[full["Indikator"] == "Tersedianya Layanan Perkantoran"].iloc[0]
    assert group["Keterangan"] == "baris kelompok (dihitung sekali)"
    listrik = full[(full["Indikator"] == "Listrik (Layanan Daya & Jasa)") & (full["Dokumen"] == "Capaian Kinerja")]
    assert listrik.iloc[0]["Keterangan"] == "sub-butir; kelompoknya yang dihitung"
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
    escaped = [inert(figure.text) for figure in (golden.STATED_ALLOCATION, golden.ALLOCATION)]
    assert all(text in warning for text in escaped)  # escaped as inert text
    # Absorption % is the chart (kegiatan named, not coded); rupiah per kegiatan is the table.
    absorption = charts(at)[0]  # then the capaian-vs-spending chart
    assert absorption["layout"]["title"]["text"].startswith("<b>Terendah: Pengelolaan Data")
    bar = absorption["data"][0]
    assert len(bar["y"]) == len(golden.KEGIATAN) and values(bar["x"])[-1] == pytest.approx(97.956475, abs=1e-4)
    table = next(df.value for df in at.dataframe if {"Pagu", "Sisa"} <= set(df.value.columns))
    assert list(table["Pagu"])[0] == "Rp 2.469.940.000" and list(table["Sisa"])[1] == golden.PAGU_3356.text


def test_pegawai_composition(app: AppTest) -> None:
    at = open_page(app, "pegawai")
    values = metrics(at)
    assert (values["Pegawai sekretariat"], values["Komisioner"], values["ASN"], values["PPNPN"]) == (
        "23",
        "5",
        "15",
        "8",
    )
    assert values["Komisioner perempuan"] == "20%"
    assert {m.label: m.proto.delta for m in at.metric}["Komisioner perempuan"] == "1 dari 5 orang; di bawah 30%"
    # Women per group, not 39,29% of commissioners and staff together; 5 commissioners are a small base.
    title = titles(at)[0]
    assert title.startswith("<b>Perempuan per kelompok: Komisioner 20,00%, ASN 53,33%, PPNPN 25,00%")
    assert "Komisioner 1 dari 5 orang" in title and "Dasar kecil: hanya 5 orang" in title
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
    assert {m.label: m.proto.delta for m in at.metric}["Kondisi baik"] == "8 dari 11 unit tercatat"
    title = titles(at)[0]
    assert title.startswith("<b>8 dari 11 unit yang tercatat kondisinya dalam keadaan baik")
    assert "Dasar kecil: hanya 11 unit yang tercatat kondisinya" in title
    assert f"Seluruhnya {golden.ASSET_UNITS} unit" in title


def test_pemeriksaan_lists_the_jumlah_finding(app: AppTest) -> None:
    at = open_page(app, "pemeriksaan")
    by_severity = golden.FINDINGS_BY_SEVERITY
    assert metrics(at) == {
        "⛔ Galat": str(by_severity["error"]),
        "⚠️ Peringatan": str(by_severity["warning"]),
        "ℹ️ Informasi": str(by_severity["info"]),
    }
    headings = [h.value for h in at.subheader]
    assert headings[:2] == ["Angka yang saling bertentangan (25)", "Belanja dan capaian tidak sejalan (4)"]
    assert headings[-1] == "Data yang belum ada (24)"
    labels = [e.label for e in at.expander]
    assert any(
        label.startswith("⚠️ Baris jumlah tidak sama dengan rinciannya — 2 temuan (Anggaran)") for label in labels
    )
    text = " ".join(m.value for m in at.markdown)
    assert inert(golden.STATED_ALLOCATION.text) in text  # escaped as inert text


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
