"""Budget: the three layouts, totals from the leaves only, and the checks on amounts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from conftest import SAMPLE_BUDGET

from lakip_core import load_report
from lakip_core.analysis import budget, budget_checks
from lakip_core.presentation.tables import budget_table
from lakip_core.rules.findings import Finding
from lakip_core.rules.settings import Settings
from tests import golden

MakeXlsx = Callable[..., Path]


def codes_of(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def only(findings: list[Finding], code: str) -> list[Finding]:
    return [f for f in findings if f.code == code]


# --- the seed sample ------------------------------------------------------------------------------


def test_seed_sample_totals_come_from_the_seven_kegiatan() -> None:
    data = load_report(budget=SAMPLE_BUDGET).budget
    totals = budget.totals(data)
    assert totals.allocation == golden.ALLOCATION.value
    assert totals.realized == golden.REALIZED.value
    assert totals.absorption_pct == pytest.approx(golden.REALIZED.value / golden.ALLOCATION.value * 100)
    assert totals.absorption_pct == pytest.approx(golden.ABSORPTION.value)
    assert totals.remaining == golden.REMAINING.value


def test_seed_sample_lines_per_kegiatan() -> None:
    lines = budget.lines(load_report(budget=SAMPLE_BUDGET).budget)
    assert tuple(lines["code"]) == golden.KEGIATAN
    first = lines.iloc[0]
    assert (
        first["name"] == "Pelaksanaan akuntabilitas pengelolaan keuangan di lingkungan Sekretariat KPU Kabupaten/Kota"
    )
    assert (first["allocation"], first["realized"]) == (2_469_940_000, 2_419_466_148)
    assert first["absorption_pct"] == pytest.approx(2_419_466_148 / 2_469_940_000 * 100)
    by_code = lines.set_index("code")
    assert by_code.loc["3356", "realized"] == 0  # printed "0", not "Rp. 0": zero, not missing
    assert by_code.loc["3356", "absorption_pct"] == 0
    assert by_code.loc["3360", "name"] == "Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU)"
    assert lines["allocation"].sum() == golden.ALLOCATION.value


def test_seed_sample_jumlah_row_is_a_total_mismatch_naming_both_numbers(settings: Settings) -> None:
    data = load_report(budget=SAMPLE_BUDGET).budget
    mismatches = only(budget_checks.check(data, settings), "TOTAL_MISMATCH")
    assert len(mismatches) == 2
    pagu, realisasi = mismatches
    assert golden.STATED_ALLOCATION.text in pagu.message and golden.ALLOCATION.text in pagu.message
    assert golden.STATED_REALIZED.text in realisasi.message and golden.REALIZED.text in realisasi.message
    assert {f.row for f in mismatches} == {12}
    assert {f.sheet for f in mismatches} == {"Anggaran"}
    assert codes_of(budget_checks.check(data, settings)) == ["TOTAL_MISMATCH", "TOTAL_MISMATCH"]


def test_absorption_edge_cases() -> None:
    assert budget.absorption(200, 50) == 25.0
    assert budget.absorption(0, 0) is None  # no ratio, shown as "-"
    assert budget.absorption(0, 10) is None  # a data error, reported by check()
    assert budget.absorption(-5, 1) is None
    assert budget.absorption(None, 1) is None
    assert budget.absorption(100, float("nan")) is None
    assert budget.absorption(100, 130) == 130.0  # overspending is shown as it is


# --- layout 1: flat kd* columns -------------------------------------------------------------------

FLAT = [
    ["kdprogram", "kdgiat", "kdoutput", "kdsoutput", "kdkmpnen", "kdakun", "nmakun", "pagu_dipa", "realisasi"],
    ["WA", "3355", "EBA", "994", "001", "511111", "Belanja Gaji Pokok PNS", 600_000, 500_000],
    ["WA", "3355", "EBA", "994", "002", "521111", "Belanja Keperluan Perkantoran", 300_000, 250_000],
    ["WA", "3355", None, None, None, None, "SUBTOTAL", 900_000, 750_000],
    ["WA", "3357", "EBA", "962", "051", "521211", "Belanja Bahan", 100_000, 90_000],
    ["WA", "3357", "EBA", "962", "051", "532111", "Belanja Modal Peralatan", 50_000, 50_000],
]


def test_flat_file_with_a_subtotal_row(xlsx: MakeXlsx, settings: Settings) -> None:
    data = load_report(budget=xlsx(FLAT)).budget
    frame = data.frame
    assert list(frame["code"]) == [
        "WA.3355.EBA.994.001.511111",
        "WA.3355.EBA.994.002.521111",
        "WA.3357.EBA.962.051.521211",
        "WA.3357.EBA.962.051.532111",
    ]
    assert list(frame["kegiatan"]) == ["3355", "3355", "3357", "3357"]
    assert list(frame["akun"]) == ["511111", "521111", "521211", "532111"]
    assert list(data.totals["code"]) == ["WA.3355"]
    totals = budget.totals(data)
    assert (totals.allocation, totals.realized) == (1_050_000, 890_000)
    lines = budget.lines(data)
    assert list(lines["code"]) == ["3355", "3357"]
    assert list(lines["allocation"]) == [900_000, 150_000]
    assert budget_checks.check(data, settings) == []


def test_flat_file_with_a_wrong_subtotal(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [list(r) for r in FLAT]
    rows[3][7] = 950_000
    data = load_report(budget=xlsx(rows)).budget
    (mismatch,) = budget_checks.check(data, settings)
    assert (mismatch.code, mismatch.row) == ("TOTAL_MISMATCH", 4)
    assert "Rp 950.000" in mismatch.message and "Rp 900.000" in mismatch.message
    assert budget.totals(data).allocation == 1_050_000  # the stated subtotal is never used


def test_jenis_belanja_from_the_akun(xlsx: MakeXlsx) -> None:
    table = budget.by_jenis_belanja(load_report(budget=xlsx(FLAT)).budget).set_index("jenis_belanja")
    assert table.loc["Belanja Pegawai", "allocation"] == 600_000
    assert table.loc["Belanja Barang", "allocation"] == 400_000
    assert table.loc["Belanja Modal", "allocation"] == 50_000
    assert table.loc["Belanja Modal", "absorption_pct"] == 100.0
    assert table["allocation"].sum() == 1_050_000


# --- layout 2: dotted-code tree with parent sums --------------------------------------------------

TREE = [
    ["Kode", "Uraian", "Pagu", "Realisasi"],
    ["076.01.WA", "Program Dukungan Manajemen", 1_000_000, 800_000],
    ["076.01.WA.3355", "Pelaksanaan akuntabilitas pengelolaan keuangan", 1_000_000, 800_000],
    ["076.01.WA.3355.EBA", "Layanan Dukungan Manajemen Internal", 1_000_000, 800_000],
    ["076.01.WA.3355.EBA.994", "Layanan Perkantoran", 1_000_000, 800_000],
    ["076.01.WA.3355.EBA.994.001", "Gaji dan Tunjangan", 1_000_000, 800_000],
    ["076.01.WA.3355.EBA.994.001.511111", "Belanja Gaji Pokok PNS", 600_000, 500_000],
    ["076.01.WA.3355.EBA.994.001.521111", "Belanja Keperluan Perkantoran", 300_000, 250_000],
    ["076.01.WA.3355.EBA.994.001.532111", "Belanja Modal Peralatan dan Mesin", 100_000, 50_000],
    ["JUMLAH", None, 1_000_000, 800_000],
]


def test_tree_totals_are_not_double_counted(xlsx: MakeXlsx, settings: Settings) -> None:
    data = load_report(budget=xlsx(TREE)).budget
    assert list(data.frame["is_leaf"]) == [False] * 5 + [True] * 3
    totals = budget.totals(data)
    assert (totals.allocation, totals.realized, totals.absorption_pct) == (1_000_000, 800_000, 80.0)
    assert budget.has_hierarchy(data)
    lines = budget.lines(data)
    assert list(lines["code"]) == ["3355"]
    assert list(lines["name"]) == ["Pelaksanaan akuntabilitas pengelolaan keuangan"]
    assert budget_checks.check(data, settings) == []


def test_tree_with_a_wrong_parent_sum(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [list(r) for r in TREE]
    rows[4][2] = 1_200_000  # 076.01.WA.3355.EBA.994 says 1.200.000, its child says 1.000.000
    data = load_report(budget=xlsx(rows)).budget
    findings = budget_checks.check(data, settings)
    assert codes_of(findings) == ["PARENT_SUM_MISMATCH", "PARENT_SUM_MISMATCH"]
    assert [f.row for f in findings] == [4, 5]  # the row above it and the row itself disagree
    assert "076.01.WA.3355.EBA.994 menyatakan pagu Rp 1.200.000" in findings[1].message
    assert "Rp 1.000.000" in findings[1].message
    assert budget.totals(data).allocation == 1_000_000


def test_tree_that_skips_levels_compares_with_the_next_rows_down(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [TREE[0], TREE[2], TREE[6], TREE[7], TREE[8]]  # kegiatan row directly above its akun rows
    data = load_report(budget=xlsx(rows)).budget
    assert budget.totals(data).allocation == 1_000_000
    assert budget_checks.check(data, settings) == []
    rows = [list(r) for r in rows]
    rows[2][2] = 700_000
    (finding,) = budget_checks.check(load_report(budget=xlsx(rows, name="salah.xlsx")).budget, settings)
    assert (finding.code, finding.row) == ("PARENT_SUM_MISMATCH", 2)
    assert "Rp 1.100.000" in finding.message


def test_akun_code_with_subkomponen_letter(xlsx: MakeXlsx) -> None:
    rows = [
        ["Kode", "Uraian", "Pagu", "Realisasi"],
        ["076.01.WA.3355.EBA.994.001.A.511111", "Belanja Gaji Pokok PNS", 10, 5],
        ["076.01.WA.3355.EBA.994.001.A.521111", "Belanja Barang", 20, 10],
    ]
    data = load_report(budget=xlsx(rows)).budget
    assert list(data.frame["akun"]) == ["511111", "521111"]
    assert list(data.frame["jenis_belanja"]) == ["Belanja Pegawai", "Belanja Barang"]
    assert list(data.frame["kegiatan"]) == ["3355", "3355"]


# --- layout 3: per kegiatan with the code in the name ---------------------------------------------


def test_kegiatan_lines_with_code_in_the_name(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [
        ["No.", "Program", "Pagu Anggaran (Rp)", "Realisasi (Rp)"],
        ["1.", "Pelaksanaan Manajemen Perencanaan dan Data (3357)", "Rp. 44.436.000", "Rp. 39.530.000"],
        ["2.", "Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU) (3360)", "Rp. 726.859.000", "Rp. 0"],
        ["3.", "Kegiatan tanpa kode", "Rp. 1.000.000", "-"],
    ]
    data = load_report(budget=xlsx(rows)).budget
    lines = budget.lines(data)
    assert list(lines["code"]) == ["3357", "3360", ""]
    assert list(lines["name"]) == [
        "Pelaksanaan Manajemen Perencanaan dan Data",
        "Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU)",
        "Kegiatan tanpa kode",
    ]
    # "-" is no realisasi, not a realisasi of 0: that kegiatan has no absorption either.
    assert list(lines["realized"][:2]) == [39_530_000, 0]
    assert pd.isna(lines["realized"].iloc[2]) and pd.isna(lines["absorption_pct"].iloc[2])
    assert not budget.has_hierarchy(data)
    assert budget_checks.check(data, settings) == []


def test_kegiatan_code_column(xlsx: MakeXlsx) -> None:
    rows = [["Kode Kegiatan", "Uraian Kegiatan", "Pagu", "Realisasi"], [3355, "Keuangan", 10, 5], [3357, "Data", 20, 5]]
    lines = budget.lines(load_report(budget=xlsx(rows)).budget)
    assert list(lines["code"]) == ["3355", "3357"]
    assert list(lines["absorption_pct"]) == [50.0, 25.0]


# --- amounts that need a finding ------------------------------------------------------------------


def test_amount_problems_each_have_a_finding(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [
        ["No", "Kegiatan", "Pagu", "Realisasi", "%", "Sisa"],
        [1, "Keuangan (3355)", 1000, 1200, 120, -200],
        [2, "Logistik (3356)", -50, 0, None, None],
        [3, "Data (3357)", 0, 30, None, None],
        [4, "Perencanaan (3360)", "seribu", 5, None, None],
        [5, "Hukum (3363)", 0, 0, None, None],
        [6, "Pemeriksaan (3361)", 100, 90, 80, 15],
    ]
    data = load_report(budget=xlsx(rows)).budget
    findings = budget_checks.check(data, settings)
    assert sorted((f.code, f.row) for f in findings) == [
        ("AMOUNT_NOT_NUMBER", 5),
        ("NEGATIVE_AMOUNT", 3),
        ("PAGU_ZERO_WITH_REALISASI", 4),
        ("REALISASI_OVER_PAGU", 2),
        ("STATED_PCT_MISMATCH", 7),
        ("STATED_REMAINING_MISMATCH", 7),
    ]
    text = {f.code: f.message for f in findings}
    assert "'seribu'" in text["AMOUNT_NOT_NUMBER"]
    assert "Rp 1.200" in text["REALISASI_OVER_PAGU"] and "Rp 1.000" in text["REALISASI_OVER_PAGU"]
    assert "-Rp 50" in text["NEGATIVE_AMOUNT"]
    lines = budget.lines(data).set_index("code")
    assert lines.loc["3355", "absorption_pct"] == 120.0
    assert pd.isna(lines.loc["3357", "absorption_pct"])  # pagu 0: no ratio
    assert pd.isna(lines.loc["3363", "absorption_pct"])
    assert lines.loc["3360", "realized"] == 5  # the readable amount still counts


def test_duplicate_code_rows(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [["Kode", "Uraian", "Pagu", "Realisasi"], ["3355", "a", 10, 5], ["3356", "b", 20, 5], ["3355", "a", 10, 5]]
    data = load_report(budget=xlsx(rows)).budget
    (finding,) = budget_checks.check(data, settings)
    assert (finding.code, finding.row) == ("DUPLICATE_ROW", 4)
    assert budget.totals(data).allocation == 40  # counted twice, and said so


def test_same_code_from_two_funding_sources_is_not_a_duplicate(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [
        ["Kode", "Uraian", "Sumber Dana", "Pagu", "Realisasi"],
        ["3364", "Fasilitasi", "APBN", 10, 5],
        ["3364", "Fasilitasi", "Hibah", 20, 5],
    ]
    data = load_report(budget=xlsx(rows)).budget
    assert budget_checks.check(data, settings) == []
    assert list(data.frame["funding"]) == ["APBN", "Hibah"]


def test_total_rows_per_sheet_and_a_grand_total(xlsx: MakeXlsx, settings: Settings) -> None:
    header = ["Kode", "Uraian", "Pagu", "Realisasi"]
    sheets = {
        "APBN": [header, ["3355", "a", 10_000, 5_000], ["3356", "b", 20_000, 10_000], ["JUMLAH", None, 30_000, 15_000]],
        "Hibah": [
            header,
            ["3364", "c", 40_000, 20_000],
            ["JUMLAH", None, 40_000, 20_000],
            ["GRAND TOTAL", None, 70_000, 35_000],
        ],
    }
    assert budget_checks.check(load_report(budget=xlsx(sheets)).budget, settings) == []
    sheets["APBN"][3] = ["JUMLAH", None, 35_000, 15_000]
    (finding,) = budget_checks.check(load_report(budget=xlsx(sheets, name="b.xlsx")).budget, settings)
    assert (finding.code, finding.sheet, finding.row) == ("TOTAL_MISMATCH", "APBN", 4)
    assert "Rp 35.000" in finding.message and "Rp 30.000" in finding.message


def test_subtotal_rows_cover_the_rows_above_them(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [
        ["Kode", "Uraian", "Pagu", "Realisasi"],
        ["3355", "a", 10_000, 5_000],
        ["3356", "b", 20_000, 10_000],
        ["Sub Total", None, 30_000, 15_000],
        ["3357", "c", 1_000, 1_000],
        ["SUBTOTAL", None, 5_000, 1_000],
        ["TOTAL", None, 31_000, 16_000],
    ]
    (finding,) = budget_checks.check(load_report(budget=xlsx(rows)).budget, settings)
    assert (finding.code, finding.row) == ("TOTAL_MISMATCH", 6)
    assert "Rp 5.000" in finding.message and "Rp 1.000" in finding.message


def test_tolerance_of_one_rupiah(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [["Kode", "Uraian", "Pagu", "Realisasi"], ["3355", "a", 10_000, 5_000], ["JUMLAH", None, 10_001, 5_000]]
    assert budget_checks.check(load_report(budget=xlsx(rows)).budget, settings) == []


def test_total_row_with_a_kegiatan_code_covers_that_kegiatan(xlsx: MakeXlsx, settings: Settings) -> None:
    rows = [
        ["Kode", "Uraian", "Pagu", "Realisasi"],
        ["3355.EBA.994.511111", "Gaji", 10_000, 5_000],
        ["3355.EBA.994.521111", "Barang", 20_000, 10_000],
        ["JUMLAH 3355", None, 30_000, 15_000],
        ["3357.EBA.962.521211", "Bahan", 1_000, 1_000],
        ["JUMLAH 3357", None, 1_000, 900],
    ]
    (finding,) = budget_checks.check(load_report(budget=xlsx(rows)).budget, settings)
    assert (finding.code, finding.row) == ("TOTAL_MISMATCH", 6)
    assert "realisasi Rp 900" in finding.message and "Rp 1.000" in finding.message


# --- blank pagu (issue 9, case 2) ------------------------------------------------------------------


def test_blank_or_dash_pagu_with_realisasi_is_a_finding_and_left_out_of_absorption(
    xlsx: MakeXlsx, settings: Settings
) -> None:
    rows = [
        ["No.", "Program", "Pagu Anggaran (Rp)", "Realisasi (Rp)"],
        ["1.", "Keuangan (3355)", "Rp. 1.000.000", "Rp. 900.000"],
        ["2.", "Logistik (3356)", None, "Rp. 4.600.000"],
        ["3.", "Data (3357)", "-", "Rp. 400.000"],
    ]
    data = load_report(budget=xlsx(rows)).budget
    blank = only(budget_checks.check(data, settings), "PAGU_BLANK_WITH_REALISASI")
    assert [f.row for f in blank] == [3, 4] and all(f.severity == "error" for f in blank)
    assert "Rp 4.600.000" in blank[0].message and "pagu kosong" in blank[0].message
    totals = budget.totals(data)
    # Before: 5.900.000 / 1.000.000 = 590%. Now: of the pagu, and the rest is said apart.
    assert totals.absorption_pct == pytest.approx(90.0)
    assert (totals.realized, totals.unfunded_realized, totals.unfunded_rows) == (5_900_000, 5_000_000, 2)
    assert totals.remaining == 100_000
    lines = budget.lines(data)
    assert lines["allocation"].isna().tolist() == [False, True, True]
    assert lines["absorption_pct"].isna().tolist() == [False, True, True]
    screen = budget_table(lines)
    assert list(screen["Pagu"]) == ["Rp 1.000.000", "pagu kosong", "pagu kosong"]


def test_the_cli_says_what_the_totals_include(xlsx: MakeXlsx, capsys: pytest.CaptureFixture[str]) -> None:
    from lakip_core.cli.main import main

    rows = [["Kegiatan", "Pagu", "Realisasi"], ["Keuangan (3355)", 1_000_000, 900_000], ["Logistik (3356)", None, 50]]
    assert main(["summary", "--budget", str(xlsx(rows)), "--year", "2024"]) == 0
    out = capsys.readouterr().out
    assert "penyerapan 90,00%" in out and "Realisasi Rp 50 pada 1 baris tanpa pagu" in out
    assert "3356 Logistik: pagu kosong" in out


def test_a_flat_file_names_a_kegiatan_by_its_own_name_never_its_first_akun(xlsx: MakeXlsx) -> None:
    lines = budget.lines(load_report(budget=xlsx(FLAT)).budget)
    assert list(lines["name"]) == ["Kegiatan 3355", "Kegiatan 3357"]  # not "Belanja Gaji Pokok PNS"
    named = [[*FLAT[0], "nmgiat"]] + [
        [*row, "Pelaksanaan Akuntabilitas Keuangan" if row[1] == "3355" else "Manajemen Data"] for row in FLAT[1:]
    ]
    lines = budget.lines(load_report(budget=xlsx(named, name="named.xlsx")).budget)
    assert list(lines["name"]) == ["Pelaksanaan Akuntabilitas Keuangan", "Manajemen Data"]


def test_an_undetected_year_is_a_finding_not_a_silent_2024(xlsx: MakeXlsx) -> None:
    rows = [["Kegiatan", "Pagu", "Realisasi"], ["Keuangan (3355)", 1_000, 900]]
    report = load_report(budget=xlsx(rows, name="anggaran.xlsx"))
    assert report.year_assumed and report.settings.year == 2024
    (finding,) = [f for f in report.findings if f.code == "YEAR_NOT_DETECTED"]
    assert "dipakai 2024" in finding.message
    titled = [["ANGGARAN TAHUN 2023"], [], *rows]
    dated = load_report(budget=xlsx(titled, name="b.xlsx"))
    assert (dated.year_assumed, dated.settings.year) == (False, 2023)
    assert not [f for f in dated.findings if f.code == "YEAR_NOT_DETECTED"]
    given = load_report(budget=xlsx(rows, name="c.xlsx"), year=2022)
    assert not given.year_assumed
