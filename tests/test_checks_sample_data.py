"""The seed sample: exactly which findings the general rules raise, and nothing else."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLE_FILES

from lakip_core import Settings, load_report
from lakip_core.analysis.report import Report
from lakip_core.errors import LakipError
from lakip_core.rules.findings import Finding
from tests import golden

SETTINGS = Settings(year=2024)


@pytest.fixture(scope="module")
def report(sample_report: Report) -> Report:
    return sample_report


def test_the_sample_files_are_the_four_datasets_and_three_more_seed_documents() -> None:
    """The dashboard's sample is the four datasets; the other three transcribe more seed tables
    (Bab III B, Tabel 1.9/1.10/1.12, Tabel 1.15: sample_data/README.md) for the checks."""
    assert [p.name for p in SAMPLE_FILES] == [
        "analisis_sasaran_2024.xlsx",
        "anggaran_2024.xlsx",
        "aset_bmn_2024.xlsx",
        "indikator_kinerja_2024.xlsx",
        "pagu_dipa_2024.xlsx",
        "pegawai_2024.xlsx",
        "perencanaan_kinerja_2024.xlsx",
    ]


def test_year_and_office_come_from_the_title_rows(report: Report) -> None:
    assert report.settings.year == 2024
    assert report.satker == "KPU Kota Jakarta Selatan"


def test_exactly_these_codes(report: Report) -> None:
    assert Counter(f.code for f in report.findings) == golden.FINDING_CODES


def test_where_each_finding_points(report: Report) -> None:
    def rows(code: str) -> list[tuple[str | None, str | None, int | None]]:
        return [(f.file, f.sheet, f.row) for f in report.findings if f.code == code]

    assert rows("TOTAL_MISMATCH") == [("anggaran_2024.xlsx", "Anggaran", 12)] * 2
    assert rows("AGE_MISMATCH") == [("pegawai_2024.xlsx", "Komisioner", r) for r in range(6, 11)]
    assert rows("WOMEN_COMMISSIONERS_BELOW_MIN") == [("pegawai_2024.xlsx", None, None)]
    no_actual = rows("INDICATOR_NO_ACTUAL")
    assert Counter(sheet for _, sheet, _ in no_actual) == {"PK Ketua": 10, "PK Sekretaris": 8}


def test_severities(report: Report) -> None:
    severity = {f.code: f.severity for f in report.findings}
    assert severity == {
        "TOTAL_MISMATCH": "warning",
        "AGE_MISMATCH": "warning",
        "WOMEN_COMMISSIONERS_BELOW_MIN": "warning",
        "INDICATOR_NO_ACTUAL": "info",
    }
    order = [f.severity for f in report.findings]
    assert order == sorted(order, key=["error", "warning", "info"].index)


def test_total_mismatch_names_the_stated_and_the_computed_amounts(report: Report) -> None:
    messages = [f.message for f in report.findings if f.code == "TOTAL_MISMATCH"]
    assert any(golden.STATED_ALLOCATION.text in m and golden.ALLOCATION.text in m for m in messages)
    assert any(golden.STATED_REALIZED.text in m and golden.REALIZED.text in m for m in messages)


def test_rounded_stated_percentages_are_within_the_default_tolerance(report: Report) -> None:
    assert not [f for f in report.findings if f.code == "STATED_PCT_MISMATCH"]


def test_a_tighter_tolerance_finds_the_rounding(report: Report) -> None:
    tight = report.with_settings(Settings(year=2024, tolerance_pts=0.5))
    mismatches: list[Finding] = [f for f in tight.findings if f.code == "STATED_PCT_MISMATCH"]
    # 99,85% printed as 99, 99,49% as 100, 98,61% as 98 (sample_data/README.md)
    assert [f.row for f in mismatches] == [7, 20, 33]


def test_headline_figures(report: Report) -> None:
    office = report.office
    assert (office.count, office.with_data, office.met) == (golden.INDICATORS, golden.WITH_DATA, golden.MET)
    assert office.mean_pct == pytest.approx(golden.OFFICE_MEAN.value, abs=1e-6)
    assert office.category == golden.OFFICE_CATEGORY
    totals = report.budget_totals
    assert totals is not None
    assert (totals.allocation, totals.realized) == (golden.ALLOCATION.value, golden.REALIZED.value)
    assets = report.asset_summary
    assert assets is not None and assets.units == golden.ASSET_UNITS
    people = report.staff_summary
    assert people is not None and people.count == golden.STAFF


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_no_sample_file_has_errors_on_its_own(path: Path) -> None:
    kinds = {
        "indikator_kinerja_2024.xlsx": {"indicators": [path]},
        "analisis_sasaran_2024.xlsx": {"indicators": [path]},
        "perencanaan_kinerja_2024.xlsx": {"indicators": [path]},
        "anggaran_2024.xlsx": {"budget": path},
        "pagu_dipa_2024.xlsx": {"budget": path},
        "aset_bmn_2024.xlsx": {"assets": path},
        "pegawai_2024.xlsx": {"staff": path},
    }
    if path.name == "pagu_dipa_2024.xlsx":
        # Tabel 1.15 states a pagu without realisasi: today's budget reader refuses it.
        with pytest.raises(LakipError, match="Realisasi"):
            load_report(**kinds[path.name], settings=SETTINGS)  # type: ignore[arg-type]
        return
    single = load_report(**kinds[path.name], settings=SETTINGS)  # type: ignore[arg-type]
    assert [f for f in single.findings if f.severity == "error"] == []
    assert all(f.file == path.name for f in single.findings)


def test_computed_report_keeps_its_figures_through_a_pickle() -> None:
    """st.cache_data stores a pickled copy: the derived figures must travel with it, not be redone."""
    import pickle

    from lakip_core.analysis.report import load_report
    from tests.conftest import SAMPLE_BUDGET, SAMPLE_INDICATORS

    copy = pickle.loads(pickle.dumps(load_report([SAMPLE_INDICATORS], budget=SAMPLE_BUDGET).computed()))
    assert {"indicator_frame", "objectives", "office", "budget_lines", "findings"} <= set(vars(copy))
    assert copy.budget_totals is not None and copy.budget_totals.realized == golden.REALIZED.value
