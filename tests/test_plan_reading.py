"""The RPD plan (halaman III DIPA): SAKTI's "RPD DIPA Petikan" read to its own stated totals, other
plan tables, the checks, detection among the kinds, and storage beside the monthly budgets."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from lakip_core.analysis import plan as plan_mod
from lakip_core.analysis.report import load_report, summary_dict
from lakip_core.intake.inspection import inspect_bytes
from lakip_core.reading.tables import read_tables
from lakip_core.schema import PlanCol
from lakip_core.store import Store
from lakip_core.store.months import budget_months
from tests.intake_helpers import store_file, xlsx_bytes
from tests.real_exports import glp039
from tests.real_exports.rpd import MONTH_COLUMNS, RpdExpected, rpd

SATKER = "KPU Kabupaten Contoh"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("rpd")
    budget = glp039(folder / "glp039_10.xlsx", month=10, seed=1)
    return {
        "budget": budget,
        "plan": rpd(folder / "rpd_petikan.xlsx", budget=budget),
        "own": rpd(folder / "rpd_rupiah.xlsx", seed=3, thousands=False),
    }


def read(expected: RpdExpected) -> plan_mod.PlanData:
    report = load_report(plan=expected.path)
    assert report.plan is not None
    return report.plan


@pytest.mark.parametrize("name", ["plan", "own"])
def test_the_petikan_reads_to_its_own_totals(files: dict[str, RpdExpected], name: str) -> None:
    expected = files[name]
    (table,) = read_tables(expected.path, plan_mod.SPEC)
    assert table.layout == "SAKTI RPD"
    assert table.multiplier == expected.multiplier
    assert (table.satker_code, table.satker_name) == (expected.satker_code, expected.satker_name)
    assert table.period is not None and table.period.year == expected.year
    assert [table.letters()[f"m{m:02d}"] for m in range(1, 13)] == list(MONTH_COLUMNS)  # merged July, August, Dec
    data = read(expected)
    assert len(data.frame) == expected.rows and len(data.totals) == 1
    assert int(data.counted[PlanCol.COUNTED].sum()) == len(expected.akun)
    monthly = plan_mod.monthly(data)
    assert [round(v) for v in monthly.sum(axis=1)] == list(expected.months)
    assert {k: tuple(round(v) for v in monthly[k]) for k in monthly.columns} == dict(expected.per_jenis)
    assert plan_mod.check(data, load_report(plan=expected.path).settings) == []


def test_a_plan_for_a_budget_has_its_pagu(files: dict[str, object]) -> None:
    budget, plan = files["budget"], files["plan"]
    assert isinstance(plan, RpdExpected)
    assert plan.total == budget.pagu  # type: ignore[attr-defined]
    report = load_report(plan=plan.path)
    assert summary_dict(report)["plan"]["total"] == budget.pagu  # type: ignore[attr-defined]


def test_levels_by_the_length_of_the_code() -> None:
    assert [plan_mod.level_of(c) for c in ("076.01.WA", "3360", "3360.EBA", "EBA.994", "002", "A", "0B", "521211")] == [
        "program",
        "kegiatan",
        "kro",
        "ro",
        "komponen",
        "subkomponen",
        "subkomponen",
        "akun",
    ]
    assert plan_mod.level_of("52") == "jenis" and plan_mod.level_of("", "Belanja Barang") == "jenis"
    assert plan_mod.level_of("", "Sewa gedung") == ""


def edited(path: Path, cell: str, value: object) -> bytes:
    book = openpyxl.load_workbook(path)
    book.active[cell] = value  # type: ignore[index]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_stated_jumlah_that_differs_is_a_finding_not_a_figure(files: dict[str, RpdExpected]) -> None:
    expected = files["plan"]
    data = edited(expected.path, f"R{expected.total_row}", expected.months[0] / 1000 + 5)
    report = load_report(plan=data)
    (finding,) = [f for f in report.findings if f.code == "TOTAL_MISMATCH"]
    assert "Januari" in finding.message and finding.row == expected.total_row
    assert report.plan is not None
    assert round(plan_mod.monthly(report.plan).sum(axis=1)[1]) == expected.months[0]  # the rows, not JUMLAH


def test_text_in_a_month_is_refused_with_its_place(files: dict[str, RpdExpected]) -> None:
    expected = files["plan"]
    row = expected.akun[0].row
    inspection = inspect_bytes(edited(expected.path, f"T{row}", "tiga juta"), "rpd.xlsx", "rpd", 2025)
    assert not inspection.ok
    (problem,) = inspection.problems
    assert problem.row == row and "Maret" in problem.message and "tiga juta" in problem.message


def test_detected_among_the_kinds(files: dict[str, object]) -> None:
    plan, budget = files["plan"], files["budget"]
    found = inspect_bytes(plan.path.read_bytes(), "rpd.xlsx")  # type: ignore[attr-defined]
    assert found.kind == "plan" and found.kind_detected and found.ok
    assert found.detected_year == 2025 and found.detected_month is None
    assert inspect_bytes(budget.path.read_bytes(), "glp039.xlsx").kind == "budget"  # type: ignore[attr-defined]


def test_halaman_iii_by_jenis_belanja() -> None:
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober"]
    header = ["Jenis Belanja", *months, "Nopember", "Des"]
    rows = [
        ["HALAMAN III DIPA TAHUN ANGGARAN 2025"],
        ["(dalam ribuan rupiah)"],
        header,
        ["Belanja Pegawai", *[100] * 12],
        ["Belanja Barang", *[50] * 11, 450],
        ["Jumlah", *[150] * 11, 550],
    ]
    report = load_report(plan=xlsx_bytes(rows, "Hal III"))
    assert report.plan is not None
    monthly = plan_mod.monthly(report.plan)
    assert list(monthly.columns) == ["51", "52"]
    assert monthly.loc[12, "52"] == 450_000 and monthly["51"].sum() == 1_200_000
    assert not [f for f in report.findings if f.code == "TOTAL_MISMATCH"]


def test_a_plan_without_akun_or_jenis_counts_its_deepest_level() -> None:
    rows = [
        ["RENCANA PENARIKAN DANA 2025"],
        ["Kode", "Uraian", *["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]],
        ["3360", "Operasional", *[30] * 12],
        ["001", "Gaji", *[10] * 12],
        ["002", "Kantor", *[20] * 12],
    ]
    report = load_report(plan=xlsx_bytes(rows, "RPD"))
    assert report.plan is not None
    monthly = plan_mod.monthly(report.plan)
    assert list(monthly.columns) == [plan_mod.TOTAL] and monthly[plan_mod.TOTAL].sum() == 360  # komponen rows


def test_stored_beside_the_months_and_current_with_them(files: dict[str, object], tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    store.ensure_schema()
    budget, plan = files["budget"], files["plan"]
    store_file(store, budget.path.read_bytes(), "glp039_10.xlsx", "budget", 2025, SATKER)  # type: ignore[attr-defined]
    store_file(store, plan.path.read_bytes(), "rpd.xlsx", "rpd", 2025, SATKER)  # type: ignore[attr-defined]
    current = store.current(SATKER, 2025)
    assert set(current) == {"budget", "plan"} and current["budget"].period_month == 10
    report = store.current_report(SATKER, 2025)
    assert report is not None and report.plan is not None and report.budget is not None
    assert [m.month for m in budget_months(store, SATKER, 2025)] == [10]
    store.dispose()


def test_the_plan_frame_has_a_declared_schema(files: dict[str, RpdExpected]) -> None:
    from lakip_core.frame_schemas import PLAN, FrameSchemaError
    from lakip_core.frame_schemas import check as check_frame

    frame = read(files["plan"]).frame.copy()
    assert check_frame(frame, PLAN) is frame  # as read: it holds
    frame.loc[frame[PlanCol.LEVEL] == "komponen", PlanCol.COUNTED] = True  # two levels added up: a bug
    with pytest.raises(FrameSchemaError, match="satu tingkat"):
        check_frame(frame, PLAN)
