"""AppTest: the Provinsi / Nasional page over a store holding three satker."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.presentation.format import format_points
from lakip_core.store import Store
from tests.rollup_helpers import THREE, store_glp039, store_satker
from ui.common import DATASET_KEY
from ui.rollup import GOTO_KEY

PAGE = "pages/provinsi_nasional.py"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))  # no accounts: viewable without login
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    monkeypatch.delenv("LAKIP_PUBLIC_READ", raising=False)
    st.cache_data.clear()
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    for satker in THREE:
        store_satker(store, satker, 2025)
    return store


def rollup(**state: object) -> AppTest:
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def ranking(at: AppTest):  # type: ignore[no-untyped-def]
    return next(df.value for df in at.dataframe if "Peringkat" in df.value.columns)


def test_menu_shows_the_page_only_with_several_satker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    store_satker(store, THREE[0], 2025)
    at = AppTest.from_file("../dashboard.py", default_timeout=60)
    at.run()
    assert not at.exception
    with pytest.raises(Exception, match="provinsi_nasional"):  # not in the navigation: AppTest cannot switch to it
        at.switch_page(PAGE).run()
        assert not at.exception, at.exception
    store_satker(store, THREE[1], 2025)
    rollup()


def test_ranks_by_capaian_with_figures_from_the_files(store: Store) -> None:
    at = rollup()
    table = ranking(at)
    assert table["Satuan kerja"].tolist() == ["KPU Kota Surabaya", "KPU Kota Bandung", "KPU Kabupaten Bogor"]
    assert table["Peringkat"].tolist() == ["1", "2", "3"]
    assert table["Capaian kinerja"].tolist() == ["115,00%", "100,00%", "80,00%"]
    assert table["Penyerapan anggaran"].tolist() == ["30,00%", "77,00%", "88,00%"]
    assert table["Provinsi"].tolist() == ["Jawa Timur", "Jawa Barat", "Jawa Barat"]
    # A flat download states no month: no IKPA pace (no data, not 0).
    assert table["Bulan data anggaran"].tolist() == ["-"] * 3
    assert table["Laju terhadap target IKPA (poin)"].tolist() == ["-"] * 3
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Satker ditampilkan"] == "3"
    assert metrics["Median capaian kinerja"] == "100,00%"
    assert metrics["Median penyerapan"] == "77,00%"
    assert metrics["Pencilan"] == "-"  # three satker: too few to call any an outlier
    assert any("perlu sekurang-kurangnya 4" in c.value for c in at.caption)


def test_sorts_by_penyerapan_and_filters_by_province(store: Store) -> None:
    at = rollup(rollup_ukuran="penyerapan")
    assert ranking(at)["Satuan kerja"].tolist() == ["KPU Kabupaten Bogor", "KPU Kota Bandung", "KPU Kota Surabaya"]
    at.session_state["rollup_provinsi"] = "32"
    at.run()
    assert not at.exception, at.exception
    assert set(ranking(at)["Satuan kerja"]) == {"KPU Kabupaten Bogor", "KPU Kota Bandung"}


def test_pace_without_monthly_budgets_says_what_it_needs(store: Store) -> None:
    at = rollup(rollup_ukuran="laju")
    assert any("GLP039" in i.value and "bulan" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_pace_against_the_quarter_target_from_glp039_budgets(store: Store) -> None:
    """Four GLP039 downloads of different months: ranked by absorption minus the pagu-weighted
    target at the month (published 2025 targets per jenis belanja, linear between quarter ends)."""
    targets = {"51": (20, 50, 75, 95), "52": (15, 50, 70, 90), "53": (10, 40, 70, 90), "57": (25, 50, 75, 95)}
    months = {"KPU Kota Bandung": 3, "KPU Kabupaten Bogor": 6, "KPU Kota Surabaya": 9, "KPU Kota Malang": 11}
    pace = {}
    for seed, (name, month) in enumerate(months.items(), start=1):
        stated = store_glp039(store, name, 2025, month, seed)
        pagu = {j: a.pagu for j, a in stated.per_jenis_belanja.items() if j in targets and a.pagu > 0}
        ends = [sum(p * targets[j][q] for j, p in pagu.items()) / sum(pagu.values()) for q in range(4)]
        q, into = divmod(month, 3)  # month 3k is quarter k's end; between ends the target moves evenly
        start = ends[q - 1] if q else 0.0
        target = ends[q - 1] if into == 0 else start + (ends[q] - start) * into / 3
        pace[name] = 100 * stated.realisasi / stated.pagu - target
    at = rollup(rollup_ukuran="laju")
    table = ranking(at)
    assert table["Satuan kerja"].tolist() == sorted(pace, key=pace.get, reverse=True)
    shown = dict(zip(table["Satuan kerja"], table["Laju terhadap target IKPA (poin)"], strict=True))
    assert shown == {name: format_points(value) for name, value in pace.items()}
    assert dict(zip(table["Satuan kerja"], table["Bulan data anggaran"], strict=True))["KPU Kota Malang"] == "November"


def test_downloads_hold_the_ranking(store: Store) -> None:
    at = rollup()
    downloads = {b.proto.label: b for b in at.get("download_button")}
    assert set(downloads) == {"Unduh peringkat (Excel)", "Unduh peringkat (CSV)"}


def test_a_chosen_row_opens_that_satkers_ringkasan(store: Store) -> None:
    """What the row click's callback leaves (the sidebar's choice and the flag) switches page; the
    click itself is a browser test (tests/test_browser_rollup.py)."""
    at = rollup()
    at.session_state[DATASET_KEY] = ("KPU Kabupaten Bogor", 2025)
    at.session_state[GOTO_KEY] = True
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Ringkasan kinerja"
    assert any(m.label == "Capaian kinerja kantor" and m.value == "80,00%" for m in at.metric)


def test_excel_export_numbers_stay_numbers(store: Store) -> None:
    from lakip_core.analysis.rollup import METRICS, ranked, satker_table
    from lakip_core.presentation.export_xlsx import to_xlsx
    from lakip_core.presentation.rollup import ranking_export

    rows, found = ranked(satker_table(store.current_summaries()), METRICS["capaian"])
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(ranking_export(rows, METRICS["capaian"], found, "Tahun 2025"))))
    sheet = book["Peringkat"]
    header = [c.value for c in sheet[5]]
    assert header[:5] == ["Peringkat", "Satuan kerja", "Provinsi", "Tahun", "Capaian kinerja (%)"]
    assert [sheet.cell(6 + i, 5).value for i in range(3)] == [115.0, 100.0, 80.0]
    assert sheet.cell(6, 5).number_format == '0.00"%"' and sheet.cell(6, 11).number_format == '"Rp "#,##0'
    assert sheet.cell(5, 1).font.b and sheet.cell(6, 2).border.top.style == "thin"
    assert sheet.cell(6, 10).value == "-"  # no month, no pace: an empty mark, not 0


@pytest.mark.slow  # hostile workbooks of every kind, the page desk and meeting
def test_hostile_satker_and_names_stay_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hostile satker of tests/hostile.py beside three ordinary ones: in the ranking, the
    outlier list, the metrics and both charts nothing from data turns into markup."""
    from tests import hostile
    from tests.intake_helpers import store_file
    from tests.test_hostile_names import assert_inert

    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    monkeypatch.delenv("LAKIP_PUBLIC_READ", raising=False)
    st.cache_data.clear()
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    store_file(store, hostile.indicators_xlsx(), hostile.FILENAME, "indikator", 2025, hostile.SATKER)
    store_file(store, hostile.budget_xlsx(), "anggaran " + hostile.FILENAME, "anggaran", 2025, hostile.SATKER)
    for satker in THREE:
        store_satker(store, satker, 2025)
    for meeting in (False, True):
        at = rollup(rapat=meeting)
        markdown, figures = assert_inert("provinsi_nasional", at)
        assert "TEBAL" in figures  # the hostile satker is there, escaped: the test cannot pass by showing nothing
        if not meeting:
            assert any(name == hostile.SATKER for name in ranking(at)["Satuan kerja"])  # a table cell: plain text
