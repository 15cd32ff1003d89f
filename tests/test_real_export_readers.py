"""Every real export layout read to the totals the file itself states, through the core, the
command line and the upload inspection (issue 8). The files come from ``tests/real_exports``,
written exactly as the systems export them; the expected figures are the file's own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lakip_core import load_report
from lakip_core.analysis import budget
from lakip_core.intake.inspection import inspect_bytes
from lakip_core.rules.findings import SILENT_ZERO
from lakip_core.schema import ROW, BudgetCol, StaffCol
from tests.real_exports import (
    AdkExpected,
    BmnExpected,
    Glp039Expected,
    PercentExpected,
    SipdExpected,
    StaffExpected,
    adk_items,
    bmn_register,
    glp039,
    percent_cells,
    siasn_staff,
    sipd_lra,
)

REPO = Path(__file__).resolve().parents[1]
CONDITION_NAMES = {"B": "Baik", "RR": "Rusak Ringan", "RB": "Rusak Berat"}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("exports")
    return {
        "glp039": glp039(out / "glp039_oktober_2025.xlsx", rows=400, seed=3),
        "glp039_repeat": glp039(out / "glp039_ulang.xlsx", rows=300, seed=5, repeat_header=True, numeric_akun=False),
        "glp039_delta": glp039(out / "glp039_selisih.xlsx", rows=200, seed=7, jumlah_delta=1_000_000),
        "sipd": sipd_lra(out / "sipd_lra_2026.xlsx", seed=1),
        "sipd_delta": sipd_lra(out / "sipd_selisih.xlsx", seed=2, jumlah_delta=5_000),
        "adk_raw": adk_items(out / "d_item25.csv", header=False, seed=4),
        "adk_header": adk_items(out / "adk_header.csv", header=True, seed=4),
        "adk_legacy": adk_items(out / "d_item_lama.csv", header=False, seed=6, legacy=True, satkers=2),
        **{
            f"bmn_{style}": bmn_register(out / f"bmn_{style}.xlsx", style=style, rows=400, seed=8)
            for style in ("simak", "sakti", "siman")
        },
        "bmn_no_condition": bmn_register(out / "bmn_tanpa_kondisi.xlsx", style="sakti", rows=300, with_condition=False),
        "staff": siasn_staff(out / "siasn.xlsx", rows=30, seed=9, ppnpn=5),
        "percent": percent_cells(out / "indikator_persen.xlsx", rows=21, seed=2),
    }


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lakip_core", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


# --- SAKTI GLP039 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["glp039", "glp039_repeat"])
def test_glp039_reads_to_its_own_totals(files: dict[str, Any], name: str) -> None:
    expected: Glp039Expected = files[name]
    report = load_report(budget=expected.path)
    totals = report.budget_totals
    assert totals is not None
    assert totals.allocation == expected.pagu
    assert totals.realized == expected.realisasi  # "s.d. Periode", the cumulative figure
    assert totals.remaining == expected.sisa
    counted = budget.leaves(report.budget)
    assert len(counted) == expected.akun_rows  # the akun level is what is counted
    frame = report.budget.frame
    assert frame.loc[frame[BudgetCol.IS_LEAF], BudgetCol.PERIOD_PREV].sum() == expected.periode_lalu
    assert frame.loc[frame[BudgetCol.IS_LEAF], BudgetCol.PERIOD_NOW].sum() == expected.periode_ini
    assert frame.loc[frame[BudgetCol.IS_LEAF], BudgetCol.LOCK].sum() == expected.lock
    # No footnote, header or item row is a budget row; items are kept aside as details.
    assert len(report.budget.details) == expected.item_rows
    assert not frame[BudgetCol.NAME].str.startswith("*Lock Pagu").any()
    assert set(report.budget.totals["name"]) == {"JUMLAH SELURUHNYA"}
    assert report.budget.totals["allocation"].iloc[0] == expected.stated.pagu


def test_glp039_satker_period_and_code_paths(files: dict[str, Any]) -> None:
    expected: Glp039Expected = files["glp039"]
    report = load_report(budget=expected.path)
    assert report.satker_code == expected.satker_code
    assert report.satker == "KPU Kabupaten Contoh"
    assert report.period is not None and (report.period.year, report.period.month) == (expected.year, expected.month)
    assert report.settings.year == expected.year
    frame = report.budget.frame.set_index(ROW)
    for akun in expected.akun:
        row = frame.loc[akun.row]
        assert row[BudgetCol.CODE] == akun.path
        assert (row[BudgetCol.ALLOCATION], row[BudgetCol.REALIZED]) == (akun.pagu, akun.realisasi)
        assert row[BudgetCol.KEGIATAN] == akun.kegiatan and row[BudgetCol.AKUN] == akun.akun
    lines = report.budget_lines.set_index(BudgetCol.CODE)
    assert {code: (int(lines.loc[code, "allocation"]), int(lines.loc[code, "realized"])) for code in lines.index} == {
        code: (amounts.pagu, amounts.realisasi) for code, amounts in expected.per_kegiatan.items()
    }
    jenis = budget.by_jenis_belanja(report.budget)
    names = {"51": "Belanja Pegawai", "52": "Belanja Barang", "53": "Belanja Modal"}
    assert {row["jenis_belanja"]: row["allocation"] for _, row in jenis.iterrows()} == {
        names[code]: amounts.pagu for code, amounts in expected.per_jenis_belanja.items()
    }
    assert budget.has_hierarchy(report.budget)
    # The "%" column is a fraction: 0.77 is 77%, never 0,77%.
    stated = frame.loc[[a.row for a in expected.akun if a.pagu], BudgetCol.STATED_PCT]
    computed = frame.loc[stated.index, BudgetCol.REALIZED] / frame.loc[stated.index, BudgetCol.ALLOCATION] * 100
    assert (stated - computed).abs().max() < 0.01


def test_glp039_items_that_disagree_with_their_akun_are_findings_not_totals(files: dict[str, Any]) -> None:
    expected: Glp039Expected = files["glp039"]
    report = load_report(budget=expected.path)
    mismatched = {f.row for f in report.findings if f.code == "ITEM_SUM_MISMATCH"}
    assert mismatched == set(expected.mismatched_akun_rows)
    assert not [f for f in report.findings if f.code in ("TOTAL_MISMATCH", "PARENT_SUM_MISMATCH", SILENT_ZERO)]


def test_glp039_stated_total_that_differs_is_reported_not_used(files: dict[str, Any]) -> None:
    expected: Glp039Expected = files["glp039_delta"]
    report = load_report(budget=expected.path)
    assert report.budget_totals is not None and report.budget_totals.allocation == expected.pagu
    (mismatch,) = [f for f in report.findings if f.code == "TOTAL_MISMATCH"]
    assert mismatch.row == expected.total_row
    assert "Rp 1.000.000 lebih besar" in mismatch.message


# --- SIPD LRA --------------------------------------------------------------------------------------


def test_sipd_lra_reads_to_its_own_totals(files: dict[str, Any]) -> None:
    expected: SipdExpected = files["sipd"]
    report = load_report(budget=expected.path)
    totals = report.budget_totals
    assert totals is not None
    assert (totals.allocation, totals.realized) == (expected.pagu, expected.realisasi)
    assert report.budget.totals["allocation"].tolist() == [expected.stated.pagu]
    assert report.period is not None and report.period.year == expected.year
    assert report.satker == "Kabupaten Contoh"
    jenis = budget.by_jenis_belanja(report.budget).set_index("jenis_belanja")
    for group, amounts in expected.per_kelompok.items():
        if amounts.pagu or amounts.realisasi:
            assert jenis.loc[f"Belanja {group}", "allocation"] == amounts.pagu
            assert jenis.loc[f"Belanja {group}", "realized"] == amounts.realisasi
    assert not [f for f in report.findings if f.severity == "error"]
    assert not [f for f in report.findings if f.code in ("TOTAL_MISMATCH", "PARENT_SUM_MISMATCH", "DUPLICATE_ROW")]
    assert len(report.budget_lines) == expected.rows


def test_sipd_jumlah_row_that_differs_is_a_finding(files: dict[str, Any]) -> None:
    expected: SipdExpected = files["sipd_delta"]
    report = load_report(budget=expected.path)
    assert report.budget_totals is not None and report.budget_totals.allocation == expected.pagu
    (mismatch,) = [f for f in report.findings if f.code == "TOTAL_MISMATCH"]
    assert mismatch.row == expected.total_row


# --- ADK item tables -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["adk_raw", "adk_header", "adk_legacy"])
def test_adk_items_read_whole_with_pagu_only(files: dict[str, Any], name: str) -> None:
    expected: AdkExpected = files[name]
    report = load_report(budget=expected.path)
    totals = report.budget_totals
    assert totals is not None and totals.allocation == expected.pagu
    # Pagu only: no realisasi is not a realisasi of 0, and absorption is not 0%.
    assert totals.realized is None and totals.absorption_pct is None and totals.remaining is None
    assert report.budget_lines[BudgetCol.ABSORPTION_PCT].isna().all()
    assert report.period is not None and report.period.year == expected.year
    jenis = budget.by_jenis_belanja(report.budget)
    names = {"51": "Belanja Pegawai", "52": "Belanja Barang", "53": "Belanja Modal"}
    assert {row["jenis_belanja"]: row["allocation"] for _, row in jenis.iterrows()} == {
        names[code]: value for code, value in expected.per_jenis_belanja.items()
    }
    assert frame_blocked(report) == expected.blokir
    assert not [f for f in report.findings if f.severity != "info"]


def frame_blocked(report: Any) -> float:
    return float(report.budget.frame[BudgetCol.BLOCKED].sum())


def test_adk_narrowed_to_one_satker(files: dict[str, Any]) -> None:
    expected: AdkExpected = files["adk_raw"]
    for code, pagu in expected.per_satker.items():
        report = load_report(budget=expected.path, satker=code)
        assert report.budget_totals is not None and report.budget_totals.allocation == pagu
        assert report.satker_code == code


def test_adk_satker_that_is_not_in_the_file_names_those_that_are(files: dict[str, Any]) -> None:
    expected: AdkExpected = files["adk_raw"]
    with pytest.raises(Exception, match="tidak ada di berkas ini") as info:
        load_report(budget=expected.path, satker="000000")
    for code in expected.per_satker:
        assert code in str(info.value)


# --- BMN registers ---------------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["simak", "sakti", "siman"])
def test_bmn_registers_read_to_their_units_values_and_conditions(files: dict[str, Any], style: str) -> None:
    expected: BmnExpected = files[f"bmn_{style}"]
    report = load_report(assets=expected.path, year=2025)
    summary = report.asset_summary
    assert summary is not None
    assert summary.units == expected.quantity
    assert summary.total_value == expected.nilai_perolehan
    assert expected.conditions is not None
    assert summary.by_condition == {CONDITION_NAMES[k]: v for k, v in expected.conditions.items() if v}
    assert summary.good_pct == pytest.approx(expected.good_share * 100)  # type: ignore[operator]
    frame = report.assets.frame
    assert frame["book_value"].sum() == expected.nilai_buku
    assert frame["depreciation"].sum() == expected.nilai_penyusutan
    assert set(frame["satker_code"]) == {expected.satker_code}
    assert frame["code"].str.len().eq(10).all()  # the kode barang, never the kode satker
    assert report.satker_code == expected.satker_code
    assert not [f for f in report.findings if f.severity != "info"]


def test_bmn_merk_and_tipe_are_both_kept(files: dict[str, Any]) -> None:
    report = load_report(assets=files["bmn_sakti"].path)
    frame = report.assets.frame
    assert {"brand", "model"} <= set(frame.columns)
    assert frame["brand"].isin(["Toyota", "Suzuki", "Honda", "HP", "Dell", "Epson", "Daikin"]).any()
    assert not frame["model"].eq("").all()


def test_bmn_without_condition_column_reports_not_recorded_and_no_good_pct(files: dict[str, Any]) -> None:
    expected: BmnExpected = files["bmn_no_condition"]
    summary = load_report(assets=expected.path).asset_summary
    assert summary is not None
    assert summary.by_condition == {"Tidak tercatat": expected.quantity}
    assert summary.good_pct is None and not summary.condition_recorded


# --- SIASN staff lists -----------------------------------------------------------------------------


def test_siasn_staff_list(files: dict[str, Any]) -> None:
    expected: StaffExpected = files["staff"]
    report = load_report(staff=expected.path)
    summary = report.staff_summary
    assert summary is not None
    assert summary.count == expected.rows + expected.ppnpn_rows
    frame = report.staff.frame
    pns = frame[frame[StaffCol.ROLE] == "ASN"].set_index(StaffCol.NIP)
    assert len(pns) == expected.rows
    for person in expected.people:
        row = pns.loc[person.nip]
        assert row[StaffCol.NAME] == person.nama  # non-breaking spaces cleaned
        assert row[StaffCol.BIRTH_DATE] == person.birth  # serial numbers and date cells alike
        assert row[StaffCol.GENDER] == ("Laki-laki" if person.male else "Perempuan")
        assert row[StaffCol.GRADE] == person.golongan
    assert pns[StaffCol.RANK].ne("").all() and pns[StaffCol.TMT].notna().all()
    assert summary.by_grade == dict(sorted(expected.per_golongan.items()))
    assert not [f for f in report.findings if f.code.startswith("NIP")]


# --- Excel percent cells ---------------------------------------------------------------------------


def test_percent_cells_are_read_by_their_number_format(files: dict[str, Any]) -> None:
    expected: PercentExpected = files["percent"]
    frame = load_report(indicators=[expected.path]).indicator_frame.set_index("_row")
    for row in expected.rows:
        achieved = frame.loc[row.row, "achievement_pct"]
        assert achieved == pytest.approx(row.realisasi / row.target * 100), (row.kind, row.row)
    assert not (frame["achievement_pct"] > 150).any()


# --- never a silent zero ---------------------------------------------------------------------------


def shifted_budget(xlsx: Any) -> Path:
    """A budget sheet whose header labels sit one column right of their numbers (merged cells)."""
    return xlsx(
        [
            ["LAPORAN ANGGARAN TA 2025"],
            ["Uraian", None, "Pagu Revisi", None, "Realisasi"],
            ["Belanja Bahan", 1_000_000, None, 400_000, None],
            ["Belanja Honor", 2_000_000, None, 900_000, None],
        ],
        name="geser.xlsx",
    )


def test_numbers_one_column_away_from_their_header_are_an_error_with_the_letters(xlsx: Any) -> None:
    report = load_report(budget=shifted_budget(xlsx))
    errors = [f for f in report.findings if f.code == SILENT_ZERO]
    messages = " ".join(f.message for f in errors)
    assert "Angka pagu ada di kolom B, tetapi judul 'Pagu Revisi' ada di kolom C" in messages
    assert "Angka realisasi ada di kolom D, tetapi judul 'Realisasi' ada di kolom E" in messages


def test_silent_zero_blocks_the_upload_and_the_command_line(xlsx: Any) -> None:
    path = shifted_budget(xlsx)
    inspection = inspect_bytes(path.read_bytes(), path.name)
    assert not inspection.ok
    assert any("kolom B" in p.message for p in inspection.problems)
    result = cli("summary", "--budget", str(path), "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "kolom B" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("kind", "rows", "words"),
    [
        ("assets", [["Nama Barang", None, "Nilai Perolehan"], [None, "Kursi", None, 150_000]], "kolom B"),
        ("staff", [["Nama", "NIP"], [None, "199303012019031002", "Budi"]], "Kolom A ('Nama') kosong"),
        ("budget", [["Uraian", "Pagu", "Realisasi"], ["Bahan", 0, 5], ["Honor", 0, 7]], "isinya 0 semua"),
    ],
)
def test_the_rule_covers_every_kind(xlsx: Any, kind: str, rows: list[list[object]], words: str) -> None:
    report = load_report(**{kind: xlsx(rows)})
    errors = [f for f in report.findings if f.code == SILENT_ZERO]
    assert errors and any(words in f.message for f in errors), [f.message for f in report.findings]


def test_leaves_at_zero_while_parents_hold_amounts_is_an_error(xlsx: Any) -> None:
    rows = [
        ["Kode", "Uraian", "Pagu", "Realisasi"],
        ["3355", "Kegiatan", 1000, 500],
        ["3355.511111", "Akun", None, None],
    ]
    report = load_report(budget=xlsx(rows))
    assert [f for f in report.findings if f.code == SILENT_ZERO]


# --- the command line and the upload inspection ----------------------------------------------------


def test_cli_summary_prints_and_returns_satker_and_period(files: dict[str, Any]) -> None:
    expected: Glp039Expected = files["glp039"]
    result = cli("summary", "--budget", str(expected.path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["satker"] == {"code": expected.satker_code, "name": "KPU Kabupaten Contoh"}
    assert data["period"] == {"year": 2025, "month": 10, "label": "Oktober 2025"}
    assert (data["budget"]["allocation"], data["budget"]["realized"]) == (expected.pagu, expected.realisasi)
    text = cli("summary", "--budget", str(expected.path)).stdout
    assert "Menurut berkas: satker 123456, periode Oktober 2025" in text


def test_cli_summary_satker_narrows_an_adk_file(files: dict[str, Any]) -> None:
    expected: AdkExpected = files["adk_header"]
    code, pagu = next(iter(expected.per_satker.items()))
    result = cli("summary", "--budget", str(expected.path), "--satker", code, "--json")
    data = json.loads(result.stdout)
    assert data["budget"]["allocation"] == pagu
    assert data["budget"]["realized"] is None and data["budget"]["absorption_pct"] is None
    assert data["budget"]["realization_recorded"] is False
    assert "belum ada realisasi" in cli("summary", "--budget", str(expected.path), "--satker", code).stdout
    missing = cli("summary", "--budget", str(expected.path), "--satker", "000000")
    assert missing.returncode == 2 and code in missing.stderr


@pytest.mark.parametrize(
    ("name", "kind", "key", "attr"),
    [
        ("glp039", "budget", "allocation", "pagu"),
        ("sipd", "budget", "allocation", "pagu"),
        ("adk_raw", "budget", "allocation", "pagu"),
        ("bmn_simak", "assets", "units", "quantity"),
        ("bmn_siman", "assets", "total_value", "nilai_perolehan"),
        ("staff", "staff", "count", None),
    ],
)
def test_upload_inspection_reads_every_layout_to_its_totals(
    files: dict[str, Any], name: str, kind: str, key: str, attr: str | None
) -> None:
    expected = files[name]
    inspection = inspect_bytes(expected.path.read_bytes(), expected.path.name)
    assert inspection.ok, inspection.problems
    assert inspection.kind == kind
    want = getattr(expected, attr) if attr else expected.rows + expected.ppnpn_rows
    assert inspection.summary[{"budget": "budget", "assets": "assets", "staff": "staff"}[kind]][key] == want


def test_upload_inspection_of_glp039_states_layout_satker_and_month(files: dict[str, Any]) -> None:
    expected: Glp039Expected = files["glp039"]
    inspection = inspect_bytes(expected.path.read_bytes(), expected.path.name)
    assert (inspection.detected_year, inspection.detected_month) == (2025, 10)
    assert inspection.detected_satker_code == "123456"
    (layout,) = inspection.layout
    assert layout.name == "SAKTI GLP039"
    assert layout.columns["allocation"] == "Q" and layout.columns["realized"] == "Z"
    assert inspection.summary["budget"]["realized"] == expected.realisasi


def test_upload_inspection_lists_the_satker_of_an_adk_file_and_narrows(files: dict[str, Any]) -> None:
    expected: AdkExpected = files["adk_raw"]
    data = expected.path.read_bytes()
    whole = inspect_bytes(data, expected.path.name)
    assert [s.code for s in whole.satkers] == list(expected.per_satker)
    assert [s.rows for s in whole.satkers] == [expected.rows_per_satker[c] for c in expected.per_satker]
    assert whole.summary["budget"]["allocation"] == expected.pagu and whole.narrowed_to is None
    code = list(expected.per_satker)[1]
    narrowed = inspect_bytes(data, expected.path.name, satker=code)
    assert narrowed.narrowed_to == code
    assert narrowed.summary["budget"]["allocation"] == expected.per_satker[code]
    assert set(narrowed.rows()[BudgetCol.SATKER_CODE].astype(str)) == {code}
