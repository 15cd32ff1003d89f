"""Capaian against spending: sasaran joined to budget lines by kegiatan code, quadrants, the
efficiency figure, and the findings (spent without capaian, capaian without spending)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from lakip_core import Settings, load_report
from lakip_core.analysis import capaian_budget as cb
from lakip_core.analysis.report import Report, summary_dict
from lakip_core.presentation import charts

MakeXlsx = Callable[..., Path]

INDICATORS = [
    ["No.", "Sasaran", "Indikator Kinerja", "Target", "Capaian", "%"],
    ["1.", "Terlaksananya Akuntabilitas Pengelolaan Keuangan (3355)", "1. Laporan keuangan", "100%", "90%", "90"],
    [None, None, "2. Pembayaran gaji", "100%", "100%", "100"],
    ["2.", "Tersedianya Pengelolaan Logistik (3356)", "1. Pengiriman logistik", "100%", "0", "0"],
    [None, None, "2. Inventarisasi logistik", "100 %", "66,46 %", "66"],
    ["3.", "Terlaksananya Pemeriksaan (3361)", "1. Evaluasi internal", "100%", "0", "0"],
    [None, None, "2. Laporan hasil evaluasi", "100%", "0", "0"],
    ["4.", "Terlaksananya Operasional Perkantoran (3360)", "Layanan perkantoran", "100%", "98%", "98"],
    ["5.", "Terlaksananya Dukungan Sarana (3360)", "Peralatan kantor", "100%", "100%", "100"],
    ["6.", "Terlaksananya Sosialisasi (3370)", "Sosialisasi pemilih", "100%", "80%", "80"],
]
BUDGET = [
    ["No.", "Program", "Pagu Anggaran (Rp)", "Realisasi (Rp)"],
    ["1.", "Pelaksanaan akuntabilitas pengelolaan keuangan (3355)", "Rp. 2.469.940.000", "Rp. 2.419.466.148"],
    ["2.", "Pengelolaan Data dan Logistik (3356)", "Rp. 10.440.000", "0"],
    ["3.", "Pemeriksaan di Lingkungan KPU (3361)", "Rp. 2.716.000", "Rp. 1.350.000"],
    ["4.", "Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (3360)", "Rp. 726.859.000", "Rp. 668.500.600"],
    ["5.", "Dukungan Tahapan Pemilu (3364)", "Rp. 18.502.000", "Rp. 6.900.000"],
]


@pytest.fixture
def report(xlsx: MakeXlsx) -> Report:
    return load_report(
        [xlsx({"Capaian Kinerja": INDICATORS}, name="capaian.xlsx")],
        budget=xlsx({"Anggaran": BUDGET}, name="anggaran.xlsx"),
        settings=Settings(year=2024),
    )


def test_each_kegiatan_code_joins_its_sasaran_and_its_budget_line(report: Report) -> None:
    table = report.capaian_budget.set_index(cb.KegiatanCol.CODE)
    assert list(table.index) == ["3355", "3356", "3361", "3360", "3364", "3370"]
    assert table.loc["3355", "capaian_pct"] == pytest.approx(95.0)
    assert table.loc["3355", "absorption_pct"] == pytest.approx(2_419_466_148 / 2_469_940_000 * 100)
    assert table.loc["3360", "objectives"] == [
        "Terlaksananya Operasional Perkantoran",
        "Terlaksananya Dukungan Sarana",
    ]
    assert table.loc["3360", "capaian_pct"] == pytest.approx(99.0)  # both sasaran's indicators together
    assert np.isnan(table.loc["3364", "capaian_pct"]) and table.loc["3364", "indicators"] == 0
    assert np.isnan(table.loc["3370", "allocation"])
    assert table.loc["3355", "gap_pts"] == pytest.approx(95.0 - 2_419_466_148 / 2_469_940_000 * 100)


def test_quadrants_follow_the_thresholds(report: Report) -> None:
    quadrants = dict(zip(report.capaian_budget["code"], report.capaian_budget["quadrant"], strict=True))
    assert quadrants["3355"] == cb.SPENT_ACHIEVED
    assert quadrants["3361"] == cb.NEITHER  # 49,71% spent, 0% achieved
    assert quadrants["3356"] == cb.NEITHER  # nothing spent, 33,23% achieved
    assert not isinstance(quadrants["3364"], str)  # no capaian to place it by
    settings = Settings(year=2024, spent_threshold_pct=40, achieved_threshold_pct=30)
    assert cb.quadrant(49.71, 0.0, settings) == cb.SPENT_NOT_ACHIEVED
    assert cb.quadrant(0.0, 33.23, settings) == cb.ACHIEVED_NOT_SPENT


def test_spending_without_capaian_and_capaian_without_spending_are_findings(report: Report) -> None:
    found = {f.code: f for f in report.findings if f.code in ("SPENT_WITHOUT_CAPAIAN", "CAPAIAN_WITHOUT_SPENDING")}
    spent = found["SPENT_WITHOUT_CAPAIAN"]
    assert "3361" in spent.message and "49,71%" in spent.message and "semua 2 indikator" in spent.message
    assert (spent.file, spent.sheet, spent.row) == ("anggaran.xlsx", "Anggaran", 4)
    capaian = found["CAPAIAN_WITHOUT_SPENDING"]
    assert "3356" in capaian.message and "Inventarisasi logistik" in capaian.message and "66,46%" in capaian.message
    codes = [f.code for f in report.findings]
    assert codes.count("KEGIATAN_WITHOUT_BUDGET") == 1  # 3370
    assert codes.count("BUDGET_WITHOUT_SASARAN") == 1  # 3364
    assert cb.flagged(report.capaian_budget) == {"3356", "3361", "3360"}


def test_efficiency_follows_the_domain_formula() -> None:
    allocation, realized, capaian = np.array([100.0, 200.0]), np.array([80.0, 150.0]), np.array([90.0, 100.0])
    e_pct, score = cb.efficiency(allocation, realized, capaian)
    expected = (100 * 0.9 + 200 * 1.0 - 230) / (100 * 0.9 + 200 * 1.0)
    assert e_pct == pytest.approx(expected * 100)
    assert score == pytest.approx(50 + expected / 0.2 * 50)
    assert cb.efficiency(np.array([100.0]), np.array([50.0]), np.array([0.0])) == (None, None)


def test_the_json_carries_the_join(report: Report) -> None:
    data = summary_dict(report)["capaian_vs_budget"]
    first = data["kegiatan"][0]
    assert (first["code"], first["capaian_pct"], first["quadrant"]) == ("3355", 95.0, cb.SPENT_ACHIEVED)
    assert data["efficiency_score_pct"] is not None and data["spent_threshold_pct"] == 50.0


def test_no_codes_no_join(xlsx: MakeXlsx) -> None:
    plain = [["Indikator", "Target", "Realisasi"], ["Laporan tepat waktu", "100%", "90%"]]
    report = load_report(
        [xlsx(plain, name="i.xlsx")], budget=xlsx({"Anggaran": BUDGET}, name="b.xlsx"), settings=Settings()
    )
    assert report.capaian_budget.empty
    assert "capaian_vs_budget" not in summary_dict(report)


def test_quadrant_chart_escapes_names_and_marks_contradictions(report: Report) -> None:
    table = report.capaian_budget.copy()
    table.loc[0, "name"] = "<b>Keuangan</b> & <script>"
    fig = charts.capaian_spending_chart(table, 50, 50, flagged=cb.flagged(table))
    (trace,) = fig.data
    assert len(trace.x) == 4  # 3364 (no capaian) and 3370 (no budget) cannot be placed
    assert "&lt;b&gt;Keuangan&lt;/b&gt; &amp; &lt;script&gt;" in trace.hovertext[0]
    assert "3356 ⚠" in trace.text and "3355" in trace.text
    assert "2 kegiatan tanpa pasangan tidak digambar" in fig.layout.title.text
    assert len(set(trace.textposition)) > 1  # close points get their labels on different sides
