"""Perbandingan antartahun on generated multi-year data: tolerant matching, trends, Renstra progress."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lakip_core import load_report
from lakip_core.analysis import compare
from lakip_core.analysis.report import Report
from tests import golden

# (sasaran, indicator, target, {year: realisasi}); names vary a little from year to year.
INDICATORS = {
    2022: [
        ("Terlaksananya Akuntabilitas Keuangan (3355)", "1. Pembayaran gaji pokok PNS.", "100%", "90%"),
        ("Terlaksananya Akuntabilitas Keuangan (3355)", "Laporan Keuangan Tahunan", "4 Lap", "3 Lap"),
        ("Terlaksananya Penyelenggara-an Operasional", "Opini BPK", "WTP", "WDP"),
        ("Terlaksananya Penyelenggara-an Operasional", "Jumlah pengaduan layan", "10 Kasus", "12 Kasus"),
    ],
    2023: [
        ("Terlaksananya Akuntabilitas Keuangan", "Pembayaran Gaji Pokok PNS", "100%", "95%"),
        ("Terlaksananya Akuntabilitas Keuangan", "Laporan Keuangan Tahunan", "4 Lap", "4 Lap"),
        ("Terlaksananya Penyelenggaraan Operasional", "Opini BPK", "WTP", "WTP"),
        ("Terlaksananya Penyelenggaraan Operasional", "Jumlah pengaduan layanan", "10 Kasus", "9 Kasus"),
    ],
    2024: [
        ("Terlaksananya Akuntabilitas Keuangan (3355)", "Pembayaran Gaji Pokok PNS", "100%", "99,61%"),
        ("Terlaksananya Akuntabilitas Keuangan (3355)", "Tahunan Laporan Keuangan", "4 Lap", "-"),
        ("Terlaksananya Penyelenggaraan Operasional (3360)", "Opini BPK", "WTP", "WTP"),
        ("Terlaksananya Penyelenggaraan Operasional (3360)", "Jumlah pengaduan layanan", "10 Kasus", "8 Kasus"),
        ("Terlaksananya Penyelenggaraan Operasional (3360)", "Indeks kepuasan layanan", "80-90%", "85%"),
    ],
}
BUDGETS = {
    2022: (2_000_000_000, 1_700_000_000),
    2023: (2_500_000_000, 2_300_000_000),
    2024: (int(golden.ALLOCATION.value), int(golden.REALIZED.value)),  # the sample's totals
}


def write_year(folder: Path, year: int) -> tuple[Path, Path]:
    indicators = folder / f"indikator_{year}.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Capaian Kinerja"
    sheet.append([f"PENGUKURAN KINERJA KPU KOTA CONTOH TAHUN {year}"])
    sheet.append([])
    sheet.append(["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi"])
    for number, (objective, name, target, actual) in enumerate(INDICATORS[year], start=1):
        sheet.append([number, objective, name, target, actual])
    book.save(indicators)
    budget = folder / f"anggaran_{year}.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([f"REALISASI ANGGARAN TAHUN {year}"])
    sheet.append([])
    sheet.append(["Kode", "Kegiatan", "Pagu", "Realisasi"])
    allocation, realized = BUDGETS[year]
    sheet.append(["3355", "Pelaksanaan akuntabilitas", allocation, realized])
    book.save(budget)
    return indicators, budget


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[Report]:
    folder = tmp_path_factory.mktemp("tahun")
    out = []
    for year in (2024, 2022, 2023):  # any order
        indicators, budget = write_year(folder, year)
        out.append(load_report([indicators], budget=budget))
    return out


def test_generated_reports_have_their_years(reports: list[Report]) -> None:
    assert [r.settings.year for r in reports] == [2024, 2022, 2023]


def test_names_are_normalised_and_scored() -> None:
    assert compare.normalize_name("1. Pembayaran gaji pokok PNS.") == "pembayaran gaji pokok pns"
    assert compare.normalize_name("Terlaksananya Penyelenggara-an Operasional (3360)") == (
        "terlaksananya penyelenggaraan operasional"
    )
    assert compare.similarity("Laporan Keuangan Tahunan", "Tahunan Laporan Keuangan") == 1.0
    assert compare.similarity("Opini BPK", "Indeks kepuasan layanan") < 0.5


def test_indicator_matching_is_tolerant_and_reviewable(reports: list[Report]) -> None:
    result = compare.compare(reports)
    assert result.years == (2022, 2023, 2024)
    matches = result.indicator_matches.set_index(["year", "name"])
    assert matches.loc[(2022, "Pembayaran gaji pokok PNS."), "method"] == "sama"  # enumerator and dot ignored
    row = matches.loc[(2023, "Laporan Keuangan Tahunan")]  # word order: same words, so a full score
    assert (row["canonical"], row["score"], row["method"]) == ("Tahunan Laporan Keuangan", 1.0, "mirip")
    similar = matches.loc[(2022, "Jumlah pengaduan layan")]  # a typo
    assert (similar["canonical"], similar["method"]) == ("Jumlah pengaduan layanan", "mirip")
    assert 0.85 <= similar["score"] < 1
    strict = compare.compare(reports, threshold=0.97).indicator_matches.set_index(["year", "name"])
    assert strict.loc[(2022, "Jumlah pengaduan layan"), "method"] == "tanpa pasangan"


def test_overrides_keep_apart_or_join(reports: list[Report]) -> None:
    apart = compare.compare(reports, indicator_overrides={(2022, "Jumlah pengaduan layan"): None})
    names = list(dict.fromkeys(apart.indicators["name"]))
    assert "Jumlah pengaduan layan" in names and len(names) == 6
    joined = compare.compare(
        reports, threshold=0.99, indicator_overrides={(2022, "Opini BPK"): "Indeks kepuasan layanan"}
    )
    row = joined.indicator_matches.set_index(["year", "name"]).loc[(2022, "Opini BPK")]
    assert (row["canonical"], row["method"]) == ("Indeks kepuasan layanan", "manual")


def test_indicator_trends(reports: list[Report]) -> None:
    result = compare.compare(reports)
    wide = compare.pivot(result.indicators, "achievement_pct", result.years).set_index("name")
    assert list(wide.columns) == [2022, 2023, 2024, "change_pts"]
    gaji = wide.loc["Pembayaran Gaji Pokok PNS"]
    assert [round(v, 2) for v in gaji[[2022, 2023, 2024]]] == [90.0, 95.0, 99.61]
    assert round(gaji["change_pts"], 2) == 4.61
    laporan = wide.loc["Tahunan Laporan Keuangan"]
    assert laporan[2022] == 75.0 and laporan[2023] == 100.0 and laporan.isna()[[2024, "change_pts"]].all()
    pengaduan = wide.loc["Jumlah pengaduan layanan"]  # negative polarity unknown here: higher cases = higher %
    assert pengaduan.notna()[[2022, 2023, 2024]].all()
    kepuasan = wide.loc["Indeks kepuasan layanan"]
    assert kepuasan.isna()[[2022, 2023]].all() and kepuasan[2024] == 100.0


def test_sasaran_and_office_trends(reports: list[Report]) -> None:
    result = compare.compare(reports)
    objectives = compare.pivot(result.objectives, "mean_achievement_pct", result.years)
    assert list(objectives["name"]) == [
        "Terlaksananya Akuntabilitas Keuangan",
        "Terlaksananya Penyelenggaraan Operasional",
    ]
    assert [m for m in result.objective_matches["method"]] == ["sama"] * 6
    office = result.office.set_index("year")
    assert list(office["allocation"]) == [2_000_000_000, 2_500_000_000, golden.ALLOCATION.value]
    assert [round(v, 2) for v in office["absorption_pct"]] == [85.0, 92.0, golden.ABSORPTION.rounded]
    assert round(office.loc[2024, "mean_pct"], 2) == round((99.61 + 100 + 80 + 100) / 4, 2)


def test_renstra_progress(reports: list[Report]) -> None:
    result = compare.compare(reports)
    progress = compare.renstra_progress(
        result,
        {
            "Pembayaran Gaji Pokok PNS": "100%",
            "Tahunan Laporan Keuangan": "5 Lap",  # 2024 has no realisasi: the 2023 one is used
            "Opini BPK": "WTP",
            "Indeks kepuasan layanan": "",  # no Renstra target given: not listed
            "Belum diukur": "90%",
        },
    ).set_index("name")
    assert round(progress.loc["Pembayaran Gaji Pokok PNS", "progress_pct"], 2) == 99.61
    assert progress.loc["Tahunan Laporan Keuangan", "year"] == 2023
    assert progress.loc["Tahunan Laporan Keuangan", "progress_pct"] == 80.0
    assert progress.loc["Opini BPK", "progress_pct"] == 100.0
    assert "Indeks kepuasan layanan" not in progress.index
    assert pd_isna(progress.loc["Belum diukur", "progress_pct"])


def test_two_reports_of_one_year_are_refused(reports: list[Report]) -> None:
    with pytest.raises(compare.CompareError, match="lebih dari satu laporan untuk tahun 2024"):
        compare.compare([reports[0], reports[0]])


def pd_isna(value: object) -> bool:
    return value != value  # NaN is the only value unequal to itself


def write_renstra_year(folder: Path, year: int, header: str, targets: dict[str, str]) -> Path:
    """An indicator file with an optional Renstra end-of-period target column (``header``)."""
    path = folder / f"indikator_renstra_{year}.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Capaian Kinerja"
    sheet.append([f"PENGUKURAN KINERJA KPU KOTA CONTOH TAHUN {year}"])
    sheet.append([])
    sheet.append(["No", "Sasaran", "Indikator Kinerja", "Target", header, "Realisasi"])
    for number, (objective, name, target, actual) in enumerate(INDICATORS[year], start=1):
        sheet.append([number, objective, name, target, targets.get(clean(name)), actual])
    book.save(path)
    return path


def clean(name: str) -> str:
    return name.removeprefix("1. ").rstrip(".")


@pytest.mark.parametrize(
    "header", ["Target Renstra", "Target Akhir Renstra", "Target Renstra 2024", "Target Akhir Periode"]
)
def test_renstra_target_column_in_the_indicator_files(tmp_path: Path, header: str) -> None:
    targets_2023 = {"Pembayaran Gaji Pokok PNS": "100%", "Opini BPK": "WTP"}
    targets_2024 = {"Pembayaran Gaji Pokok PNS": "100%", "Jumlah pengaduan layanan": "5 Kasus"}
    reports = [
        load_report([write_renstra_year(tmp_path, 2023, header, targets_2023)]),
        load_report([write_renstra_year(tmp_path, 2024, header, targets_2024)]),
    ]
    frame = reports[1].indicator_frame.set_index("indicator")
    # The column is read as the Renstra target, never as the year's target.
    assert frame.loc["Pembayaran Gaji Pokok PNS", ["target_text", "renstra_text"]].tolist() == ["100%", "100%"]
    assert frame.loc["Opini BPK", "renstra_text"] == "" and frame.loc["Opini BPK", "target_text"] == "WTP"
    result = compare.compare(reports)
    assert compare.renstra_targets(result) == {
        "Pembayaran Gaji Pokok PNS": "100%",
        "Opini BPK": "WTP",  # only the 2023 file gives it
        "Jumlah pengaduan layanan": "5 Kasus",
    }
    progress = compare.renstra_progress(result).set_index("name")
    assert list(progress.index) == ["Pembayaran Gaji Pokok PNS", "Opini BPK", "Jumlah pengaduan layanan"]
    assert round(progress.loc["Pembayaran Gaji Pokok PNS", "progress_pct"], 2) == 99.61
    assert progress.loc["Opini BPK", "progress_pct"] == 100.0
    assert progress.loc["Jumlah pengaduan layanan", "progress_pct"] == 160.0  # 8 of 5 (no Polaritas column)
    # The page's editor overrides a file's target; an empty entry keeps it.
    overridden = compare.renstra_progress(
        result,
        {"Pembayaran Gaji Pokok PNS": "", "Jumlah pengaduan layanan": "8 Kasus", "Indeks kepuasan layanan": "90%"},
    ).set_index("name")
    assert overridden.loc["Pembayaran Gaji Pokok PNS", "renstra_text"] == "100%"
    assert overridden.loc["Jumlah pengaduan layanan", "progress_pct"] == 100.0
    assert round(overridden.loc["Indeks kepuasan layanan", "progress_pct"], 2) == 94.44


def test_files_without_a_renstra_column_have_empty_targets(reports: list[Report]) -> None:
    assert all((r.indicator_frame["renstra_text"] == "").all() for r in reports)
    result = compare.compare(reports)
    assert compare.renstra_targets(result) == {}
    assert compare.renstra_progress(result).empty
