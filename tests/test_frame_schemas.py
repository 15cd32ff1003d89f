"""Declared frame schemas (lakip_core/frame_schemas.py): real frames pass, broken ones are typed Indonesian errors."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import SAMPLE_ASSETS, SAMPLE_BUDGET, SAMPLE_DIR, SAMPLE_INDICATORS, SAMPLE_STAFF

from lakip_core import load_report
from lakip_core.analysis import indicators as indicators_mod
from lakip_core.analysis.report import Report
from lakip_core.errors import LakipError
from lakip_core.frame_schemas import (
    ASSETS,
    BUDGET,
    BUDGET_LINES,
    INDICATOR_FRAME,
    INDICATORS,
    OBJECTIVES,
    STAFF,
    FrameSchemaError,
    check,
    columns,
    empty,
    required_columns,
)
from lakip_core.schema import FILE, ROW, SHEET, IndicatorCol, ObjectiveCol
from tests.real_exports import glp039, percent_cells, siasn_staff


@pytest.fixture(scope="module")
def report() -> Report:
    return load_report(
        [SAMPLE_INDICATORS, SAMPLE_DIR / "analisis_sasaran_2024.xlsx"], SAMPLE_BUDGET, SAMPLE_ASSETS, SAMPLE_STAFF
    )


def frames(report: Report) -> dict[str, pd.DataFrame]:
    assert report.indicators and report.budget and report.assets and report.staff
    return {
        INDICATORS: report.indicators.frame,
        INDICATOR_FRAME: report.indicator_frame,
        OBJECTIVES: report.objectives,
        BUDGET: report.budget.frame,
        BUDGET_LINES: report.budget_lines,
        ASSETS: report.assets.frame,
        STAFF: report.staff.frame,
    }


def test_every_frame_of_the_sample_matches_its_schema_exactly(report: Report) -> None:
    for name, frame in frames(report).items():
        assert set(required_columns(name)) <= set(frame.columns) <= set(columns(name)), name
        check(frame, name)


def test_the_declared_columns_are_the_constants_of_schema_py() -> None:
    assert columns(INDICATOR_FRAME) == [*IndicatorCol.READ, FILE, SHEET, ROW, *IndicatorCol.COMPUTED]
    assert columns(OBJECTIVES) == list(ObjectiveCol.COLUMNS)


def test_frames_read_from_real_export_layouts_match(tmp_path: Path) -> None:
    """Every layout the readers take today (BMN registers and SIPD LRA come with issue 8's readers)."""
    budget = load_report(budget=glp039(tmp_path / "glp039.xlsx", rows=200).path)
    staff = load_report(staff=siasn_staff(tmp_path / "siasn.xlsx").path)
    indicators = load_report([percent_cells(tmp_path / "persen.xlsx").path])
    check(budget.budget_lines, BUDGET_LINES)
    assert staff.staff is not None and len(staff.staff.frame)
    check(indicators.indicator_frame, INDICATOR_FRAME)
    check(indicators.objectives, OBJECTIVES)


def test_an_empty_frame_gets_the_declared_columns_and_dtypes() -> None:
    for name in (INDICATORS, INDICATOR_FRAME, OBJECTIVES, BUDGET, BUDGET_LINES, ASSETS, STAFF):
        frame = check(pd.DataFrame(), name)
        assert list(frame.columns) == columns(name) and frame.empty
    assert empty(OBJECTIVES)[ObjectiveCol.INDICATORS].dtype == np.int64
    partial = pd.DataFrame(columns=columns(ASSETS)[:5])  # a reader that stopped early: still nothing to show
    assert list(check(partial, ASSETS).columns) == columns(ASSETS)
    with pytest.raises(FrameSchemaError, match="kolom tak terdaftar 'extra'"):
        check(pd.DataFrame(columns=[*columns(ASSETS), "extra"]), ASSETS)
    assert Report().indicator_frame.columns.tolist() == columns(INDICATOR_FRAME)


def test_every_problem_is_listed_at_once_in_indonesian(report: Report) -> None:
    broken = report.indicator_frame.copy()
    broken[IndicatorCol.POLARITY] = broken[IndicatorCol.POLARITY].replace("positif", "naik")
    broken[ROW] = 0
    broken["extra"] = 1
    broken = broken.drop(columns=[IndicatorCol.LABEL])
    with pytest.raises(FrameSchemaError) as caught:
        check(broken, INDICATOR_FRAME)
    err = caught.value
    assert isinstance(err, LakipError)
    text = str(err)
    assert text.startswith("Data capaian indikator hasil pembacaan tidak sesuai bentuk yang diharapkan:")
    assert "kolom tak terdaftar 'extra'" in text and "kolom 'label' tidak ada" in text
    assert "kolom 'polarity' harus salah satu dari positif, negatif: 'naik' (lembar Capaian Kinerja baris" in text
    assert "kolom '_row' harus bilangan bulat ≥ 1: 0" in text
    assert "kesalahan program, bukan kesalahan berkas Anda" in text


def test_an_achievement_without_data_is_refused_not_shown(report: Report) -> None:
    """The worst bug is a silent zero: a ratio where there was nothing to compute it from."""
    frame = report.indicator_frame.copy()
    no_data = frame.index[~frame[IndicatorCol.HAS_DATA]][0]
    frame.loc[no_data, IndicatorCol.ACHIEVEMENT_PCT] = 0.0
    with pytest.raises(FrameSchemaError) as caught:
        check(frame, INDICATOR_FRAME)
    where = f"lembar {frame.loc[no_data, SHEET]} baris {frame.loc[no_data, ROW]}"
    assert caught.value.problems == [f"aturan harus capaian ada hanya bila realisasi ada ({where})"]


def test_an_objective_mean_without_indicators_with_data_is_refused(report: Report) -> None:
    table = report.objectives.copy()
    table[ObjectiveCol.MEAN_PCT] = table[ObjectiveCol.MEAN_PCT].fillna(0.0)
    with pytest.raises(FrameSchemaError, match="rata-rata ada tepat bila ada indikator berdata"):
        check(table, OBJECTIVES)


def test_text_columns_hold_text_and_numbers_hold_numbers(report: Report) -> None:
    budget = report.budget.frame.copy()  # type: ignore[union-attr]
    budget["allocation"] = budget["allocation"].astype(str)
    budget["name"] = budget["name"].astype(object)
    budget.loc[0, "name"] = 5
    with pytest.raises(FrameSchemaError) as caught:
        check(budget, BUDGET)
    text = str(caught.value)
    assert "kolom 'allocation' harus angka (berisi jenis" in text
    assert "kolom 'name' harus teks" in text


def test_a_schema_failure_is_an_exit_2_with_one_line_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from lakip_core.cli.main import main

    def broken(frame: pd.DataFrame, settings: object) -> pd.DataFrame:
        out = real(frame, settings)
        out[IndicatorCol.MET] = True  # "met" with achievements below 100
        return out

    real = indicators_mod.compute
    monkeypatch.setattr(indicators_mod, "compute", broken)
    assert main(["summary", "--indicators", str(SAMPLE_INDICATORS), "--json"]) == 2
    err = capsys.readouterr().err
    assert "tercapai hanya bila capaian ≥ 100%" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_schema_failure_is_a_message_on_the_page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from streamlit.testing.v1 import AppTest

    from ui.common import clear_caches

    def broken(frame: pd.DataFrame, settings: object) -> pd.DataFrame:
        out = real(frame, settings)
        out[IndicatorCol.HAS_DATA] = False
        return out

    real = indicators_mod.compute
    monkeypatch.setattr(indicators_mod, "compute", broken)
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    clear_caches()  # the sample report and its figures are cached per server (ui.common)
    at = AppTest.from_file("../dashboard.py", default_timeout=60).run()
    clear_caches()
    assert not at.exception
    assert any("capaian ada hanya bila realisasi ada" in e.value for e in at.error)
    assert len(at.metric) == 0  # no figure shown


@pytest.mark.slow  # a child process
def test_pandera_is_imported_only_when_a_frame_is_checked() -> None:
    import subprocess

    code = "import lakip_core, lakip_core.frame_schemas, sys; print('pandera' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
