"""Indicator tables: sasaran carried down, sub-headings, the seed's Target | Capaian | % layout, means."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SAMPLE_INDICATORS

from lakip_core import load_report
from lakip_core.analysis import indicator_checks, indicators
from lakip_core.rules.settings import Settings

MakeXlsx = Callable[..., Path]


def test_clean_name_and_split_code() -> None:
    assert indicators.clean_name("1. Pembayaran Gaji Pokok PNS") == "Pembayaran Gaji Pokok PNS"
    assert indicators.clean_name("a. Operasional Lainnya") == "Operasional Lainnya"
    assert indicators.clean_name("- Listrik") == "Listrik"
    assert indicators.clean_name("f. Layanan Daya & Jasa:") == "Layanan Daya & Jasa"
    assert indicators.split_code("Terlaksananya Manajemen dan Perencanaan Data (3357)") == (
        "Terlaksananya Manajemen dan Perencanaan Data",
        "3357",
    )
    assert indicators.split_code("Tanpa kode") == ("Tanpa kode", None)


def test_seed_capaian_table() -> None:
    data = load_report([SAMPLE_INDICATORS]).indicators
    frame = data.frame
    capaian = frame[frame["document"] == "Capaian Kinerja"]
    assert len(capaian) == 44  # 47 rows minus 3 sub-headings without target
    assert capaian["objective"].nunique() == 8
    assert list(capaian["objective_code"].unique()) == ["3355", "3356", "3357", "3360", "3361", "3363", "3364"]
    first = capaian.iloc[0]
    assert first["objective"] == (
        "Terlaksananya Akuntabilitas Pengelolaan Keuangan di lingkungan Sekretariat KPU Kabupaten/Kota"
    )
    assert (first["target_text"], first["actual_text"], first["stated_pct"]) == ("100%", "99,85%", 99.0)
    assert first["group"] == "Terlaksananya Laporan Sistem Akuntansi dan Pelaporan Keuangan"
    listrik = capaian[capaian["indicator"] == "Listrik"].iloc[0]
    assert listrik["group"] == "Layanan Daya & Jasa"
    assert listrik["actual_text"] == "0"
    assert data.findings == ()


def test_seed_perjanjian_kinerja_sheets_have_targets_only() -> None:
    frame = load_report([SAMPLE_INDICATORS]).indicators.frame
    pk = frame[frame["document"] != "Capaian Kinerja"]
    assert pk.groupby("document").size().to_dict() == {"PK Ketua": 10, "PK Sekretaris": 8}
    assert set(pk["actual_text"]) == {""}
    assert "1" not in set(pk["indicator"])  # the "1 2 3 4" column-number row is gone
    sdm = pk[pk["objective"] == "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas"]
    assert len(sdm) == 4  # sasaran carried down over the merged cells


def test_zero_counts_and_missing_does_not_in_the_means(xlsx: MakeXlsx) -> None:
    rows = [
        ["No", "Sasaran", "Indikator", "Target", "Realisasi"],
        [1, "Sasaran A", "a1", "100%", "80%"],
        [None, None, "a2", "100%", "0"],
        [None, None, "a3", "100%", "-"],
        [2, "Sasaran B", "b1", "100%", "100%"],
    ]
    data = load_report([xlsx(rows)]).indicators
    computed = indicators.compute(data.frame, Settings())
    assert list(computed["has_data"]) == [True, True, False, True]
    office = indicators.office(computed, Settings())
    assert (office.count, office.with_data, office.met, office.not_met) == (4, 3, 1, 2)
    assert office.mean_pct == pytest.approx(60.0)  # (80 + 0 + 100) / 3
    assert office.mean_of_objectives_pct == pytest.approx(70.0)  # mean of 40 and 100
    objectives = indicators.objectives(computed, Settings()).set_index("objective")
    assert objectives.loc["Sasaran A", "mean_achievement_pct"] == pytest.approx(40.0)
    assert objectives.loc["Sasaran A", "with_data"] == 2
    assert objectives.loc["Sasaran A", "category"] == "Sangat Rendah"
    findings = indicator_checks.check(computed, Settings())
    assert [(f.code, f.row) for f in findings] == [("INDICATOR_NO_ACTUAL", 4)]


def test_polarity_and_formula_columns(xlsx: MakeXlsx) -> None:
    rows = [
        ["Indikator", "Target", "Realisasi", "Polaritas", "Formula"],
        ["Kasus sengketa", "10 Kasus", "8 Kasus", "Negatif", None],
        ["Keluhan", "10", "8", "minimal", "T/R"],
    ]
    computed = indicators.compute(load_report([xlsx(rows)]).indicators.frame, Settings())
    assert list(computed["achievement_pct"]) == pytest.approx([120.0, 125.0])
    assert list(computed["unit"]) == ["Kasus", None]


def test_findings_on_indicator_rows(xlsx: MakeXlsx) -> None:
    rows = [
        ["Indikator", "Target", "Realisasi", "%"],
        ["a", "100%", "90%", "95"],
        ["b", None, "90%", None],
        ["c", "WTP", "80", None],
        ["a", "100%", "90%", None],
    ]
    data = load_report([xlsx(rows)]).indicators
    computed = indicators.compute(data.frame, Settings())
    findings = [*data.findings, *indicator_checks.check(computed, Settings())]
    assert sorted((f.code, f.row) for f in findings) == [
        ("DUPLICATE_ROW", 5),
        ("INDICATOR_NOT_COMPARABLE", 4),  # no target (row 3) is reported once, as such
        ("INDICATOR_NO_TARGET", 3),
        ("STATED_PCT_MISMATCH", 2),
    ]
