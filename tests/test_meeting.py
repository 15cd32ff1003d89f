"""Mode rapat: screens, their position in the URL, steps across pages, chart config, the
category's explanation. The look in a real browser is tests/test_browser_meeting.py."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core import load_report
from lakip_core.presentation import charts
from lakip_core.presentation.charts import DESK, MEETING, kegiatan_labels, rows_that_fit, scale_bands
from lakip_core.presentation.overview import achievement_next, achievement_reasons
from lakip_core.rules.settings import Settings
from tests import golden
from tests.conftest import SAMPLE_INDICATORS
from ui.meeting import LAST, parts, screen_index, step_target


@pytest.mark.parametrize(
    ("raw", "count", "index"),
    [(None, 3, 0), ("1", 3, 0), ("2", 3, 1), ("3", 3, 2), ("9", 3, 2), ("0", 3, 0), ("-4", 3, 0),
     (LAST, 3, 2), (LAST, 1, 0), ("dua", 3, 0), ("2", 0, 0)],
)  # fmt: skip
def test_screen_index_reads_the_url_and_clamps(raw: str | None, count: int, index: int) -> None:
    assert screen_index(raw, count) == index


def test_steps_go_through_screens_then_across_pages() -> None:
    # Screen 2 of 3 on page 1 of 5 (Kinerja): forward and back stay on the page.
    assert step_target(1, 3, 1, 5, +1) == ("screen", 2, 0)
    assert step_target(1, 3, 1, 5, -1) == ("screen", 0, 0)
    # Past the last screen: the next page's first screen; before the first: the previous page's last.
    assert step_target(2, 3, 1, 5, +1) == ("page", 2, 0)
    assert step_target(0, 3, 1, 5, -1) == ("page", 0, -1)
    # The ends of the sequence, and a page outside it (Pemeriksaan), stay put.
    assert step_target(0, 3, 0, 5, -1) == ("stay", 0, 0)
    assert step_target(2, 3, 4, 5, +1) == ("stay", 0, 0)
    assert step_target(2, 3, None, 0, +1) == ("stay", 0, 0)


def test_parts_split_evenly_and_keep_every_row_in_order() -> None:
    frame = pd.DataFrame({"n": range(13)})
    split = parts(frame, 8)
    assert [len(p) for p in split] == [7, 6]
    assert pd.concat(split)["n"].tolist() == list(range(13))
    assert [len(p) for p in parts(frame.head(8), 8)] == [8]
    assert [len(p) for p in parts(frame.head(0), 8)] == [0]


def test_a_projector_chart_holds_what_rows_that_fit_promises() -> None:
    # Eight sasaran with two-line labels (the sample's Capaian Kinerja) fit one 1366×768 screen.
    rep = load_report([SAMPLE_INDICATORS])
    measured = rep.objectives[rep.objectives["with_data"] > 0]
    assert len(measured) == 8 and rows_that_fit(MEETING) == 8
    fig = charts.objectives_chart(measured, rep.office.mean_pct, rep.office.category, MEETING)
    labels = fig.data[0].y
    assert max(label.count("<br>") + 1 for label in labels) == MEETING.label_lines
    slot = (fig.layout.height - fig.layout.margin.t - fig.layout.margin.b) / len(labels)
    assert slot >= MEETING.label_lines * MEETING.font_size * 1.3  # two lines of 24 px never overlap
    assert fig.layout.height <= MEETING.max_height
    assert rows_that_fit(DESK) >= 1000  # at the desk nothing is split


def test_kegiatan_are_named_with_the_code_small_at_the_desk_and_in_the_hover_only_in_the_room() -> None:
    lines = pd.DataFrame(
        {
            "code": ["3355", "3364"],
            "name": ["Pelaksanaan akuntabilitas pengelolaan keuangan", ""],  # a GLP039 row may lack a name
            "allocation": [100.0, 50.0],
            "realized": [90.0, 10.0],
            "absorption_pct": [90.0, 20.0],
        }
    )
    desk = kegiatan_labels(lines, DESK)
    assert desk[0].startswith("Pelaksanaan akuntabilitas") and "font-size:11px;color:#777777'>3355</span>" in desk[0]
    assert desk[1] == "3364"  # no name: the code is all there is, shown as the label
    assert kegiatan_labels(lines, MEETING)[0] == "Pelaksanaan akuntabilitas<br>pengelolaan keuangan"


def test_the_rating_scale_reads_as_ranges() -> None:
    assert scale_bands(Settings().scale) == [
        ("Sangat Tinggi", "≥ 91%"),
        ("Tinggi", "76–<91%"),
        ("Sedang", "66–<76%"),
        ("Rendah", "51–<66%"),
        ("Sangat Rendah", "< 51%"),
    ]


def test_the_office_category_explains_itself_from_the_rows() -> None:
    rep = load_report([SAMPLE_INDICATORS]).computed()
    # Sample (seed Bab III A, the group counted once): 36 lines, 13 of them 0% (7 in sasaran 3364), 3 met.
    assert achievement_reasons(rep) == (
        f"13 dari {golden.WITH_DATA} indikator bernilai 0% (7 di sasaran Terfasilitasi Pelaksanaan Tahapan Pemilu "
        f"Legislatif, …); {golden.MET} mencapai target; 18 tanpa realisasi tidak dihitung."
    )
    assert achievement_next(rep) == (
        "Lihat berikutnya: Terlaksananya Pemeriksaan di Lingkungan Setjen KPU, … dan Terfasilitasi "
        "Pelaksanaan Tahapan Pemilu Legislatif, … (0,00%)."
    )
    empty = load_report([]).computed()
    assert achievement_reasons(empty) == "" and achievement_next(empty) == ""


@pytest.fixture
def app() -> AppTest:
    st.cache_data.clear()
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.run()
    assert not at.exception
    return at


def open_meeting(at: AppTest, page: str, screen: str | None = None) -> AppTest:
    at.session_state["rapat"] = True
    if screen is not None:
        at.query_params["layar"] = screen
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def configs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.config) for chart in at.get("plotly_chart")]


def test_meeting_mode_shows_one_screen_under_the_header(app: AppTest) -> None:
    at = open_meeting(app, "ringkasan", "2")
    header = " ".join(h.proto.body for h in at.get("html"))
    assert "<b>KPU Kota Jakarta Selatan</b> · Tahun 2024 · Data contoh" in header
    assert "2/3<br><span>Capaian per sasaran</span>" in header
    # One idea: the sasaran chart alone, no headline figures beside it.
    assert len(at.get("plotly_chart")) == 1 and not at.metric
    labels = [b.label for b in at.button]
    assert labels == ["◀ Sebelumnya", "Berikutnya ▶", "PageUp", "PageDown"]
    # No toolbar on the projector.
    assert configs(at)[0]["displayModeBar"] is False


def test_berikutnya_steps_to_the_next_screen_and_past_the_last_asks_for_the_next_page(app: AppTest) -> None:
    at = open_meeting(app, "ringkasan", "1")
    assert at.metric  # screen 1: the headline figures
    at.button(key="rapat-kanan").click().run()
    assert at.query_params["layar"] == "2" and len(at.get("plotly_chart")) == 1 and not at.metric
    at.button(key="rapat-kanan").click().run()
    assert at.query_params["layar"] == "3"
    # Past Ringkasan's last screen: Kinerja (page 2 of the sequence) on its first screen. The router
    # switches page on the next run; AppTest does not follow st.switch_page, the browser test does.
    at.button(key="rapat-kanan").click().run()
    assert at.session_state["_rapat_goto"] == (1, "1")


def test_sebelumnya_from_a_first_screen_asks_for_the_previous_page_on_its_last(app: AppTest) -> None:
    at = open_meeting(app, "anggaran", "1")
    at.button(key="rapat-kiri").click().run()
    assert at.session_state["_rapat_goto"] == (1, LAST)  # Kinerja, last screen
    at = open_meeting(app, "kinerja", LAST)
    header = " ".join(h.proto.body for h in at.get("html"))
    # 21 screens with the three sample documents (Bab III A, Bab III B, the Perjanjian Kinerja / Tabel 1.9 targets)
    assert "21/21<br><span>Tanpa realisasi</span>" in header and at.query_params["layar"] == "21"


def test_first_and_last_screens_of_the_sequence_disable_the_step_out(app: AppTest) -> None:
    at = open_meeting(app, "ringkasan", "1")
    assert at.button(key="rapat-kiri").disabled and not at.button(key="rapat-kanan").disabled
    at = open_meeting(app, "aset", LAST)
    assert at.button(key="rapat-kanan").disabled and not at.button(key="rapat-kiri").disabled


@pytest.mark.parametrize("page", ["kinerja", "anggaran", "pegawai", "aset"])
def test_every_meeting_screen_renders(app: AppTest, page: str) -> None:
    at = open_meeting(app, page, "1")
    position = next(h.proto.body for h in at.get("html") if "rapat-posisi" in h.proto.body)
    count = int(re.search(r"1/(\d+)<br>", position).group(1))  # type: ignore[union-attr]
    for number in range(1, count + 1):
        at.query_params["layar"] = str(number)
        at.run()
        assert not at.exception, (page, number)
        assert len(at.get("plotly_chart")) <= 1, (page, number)  # one chart a screen at most
        assert len(at.dataframe) == 0, (page, number)


def test_desk_charts_offer_only_an_indonesian_png_download(app: AppTest) -> None:
    app.session_state["rapat"] = False
    app.switch_page("pages/anggaran.py")
    app.run()
    config = configs(app)[0]  # the absorption chart; the capaian-vs-spending chart follows it
    assert config["modeBarButtons"] == [["toImage"]] and "displayModeBar" not in config
    assert config["locale"] == "id"
    assert config["locales"]["id"]["dictionary"]["Download plot as a PNG"] == "Unduh grafik (PNG)"
    assert config["toImageButtonOptions"]["filename"] == "lakip-anggaran-penyerapan"


def test_category_pill_takes_the_category_colour(app: AppTest) -> None:
    app.session_state["rapat"] = False
    app.switch_page("pages/ringkasan.py")
    app.run()
    css = " ".join(h.proto.body for h in app.get("html"))
    assert ".st-key-angka-0 [data-testid='stMetricDelta'] { background-color: #E69F00; color: #000000; }" in css
    # The scale strip: every category with its range, the office's outlined with its value.
    assert "class='skala-pita skala-ini' style='background:#E69F00;color:#000000'><b>Rendah</b>" in css
    assert f"▲ {golden.OFFICE_MEAN.text}" in css and "&lt; 51%" in css
