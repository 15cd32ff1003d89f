"""Reports, figures and tables are shared by every session (st.cache_resource): they must be read-only,
and a new data version or a changed setting must show at once (their cache keys are made of them).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from lakip_core.rules import settings_codec as codec
from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM
from tests import golden
from tests.intake_helpers import SAMPLE, budget_xlsx, store_file, store_with_uploader

PAGES = ["ringkasan", "kinerja", "anggaran", "pegawai", "aset", "pemeriksaan", "perbandingan", "simulasi", "ekspor"]


def clear_caches() -> None:
    from ui.common import clear_caches

    st.cache_data.clear()
    clear_caches()


def open_page(at: AppTest, page: str, meeting: bool = False) -> AppTest:
    at.session_state["rapat"] = meeting
    at.switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception, at.exception
    return at


def specs(at: AppTest) -> list[str]:
    return [chart.proto.spec for chart in at.get("plotly_chart")]


def titles(at: AppTest) -> list[str]:
    return [json.loads(spec)["layout"]["title"]["text"] for spec in specs(at)]


def tables(at: AppTest) -> list[pd.DataFrame]:
    return [df.value for df in at.dataframe]


def frames(report: object) -> dict[str, pd.DataFrame]:
    """Every frame a report holds or has derived (what a page could change in place by mistake)."""
    found = {}
    for name in ("indicator_frame", "objectives", "budget_lines", "capaian_budget"):
        found[name] = getattr(report, name)
    for name in ("indicators", "budget", "assets", "staff"):
        data = getattr(report, name)
        if data is not None:
            found[name] = data.frame
    return found


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    monkeypatch.delenv("LAKIP_PUBLIC_READ", raising=False)
    clear_caches()
    at = AppTest.from_file("../dashboard.py", default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    return at


def test_pages_leave_the_shared_report_and_figures_as_they_were(sample: AppTest) -> None:
    from ui.common import sample_report

    report = sample_report()  # the object every session shares (the router's run filled the cache)
    before = {name: frame.copy(deep=True) for name, frame in frames(report).items()}
    findings = copy.deepcopy(report.findings)
    first: dict[tuple[str, bool], tuple[list[str], list[pd.DataFrame]]] = {}
    for meeting in (False, True):
        for page in PAGES:
            at = open_page(sample, page, meeting)
            first[page, meeting] = specs(at), tables(at)
    assert sample_report() is report  # one shared object, not a copy per read
    for name, frame in frames(report).items():
        pd.testing.assert_frame_equal(frame, before[name], obj=name)
    assert report.findings == findings
    # Drawn again from the caches: the same figures and tables (nothing changed them in place).
    assert any(charts for charts, _ in first.values())
    for (page, meeting), (charts, shown) in first.items():
        at = open_page(sample, page, meeting)
        assert specs(at) == charts, (page, meeting)
        again = tables(at)
        assert len(again) == len(shown), (page, meeting)
        for old, new in zip(shown, again, strict=True):
            pd.testing.assert_frame_equal(new, old)


def test_the_router_and_the_page_read_the_report_once_per_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import common

    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    calls = []
    real = common.chosen_dataset

    def counted() -> tuple[str, int] | None:
        calls.append(1)
        return real()

    monkeypatch.setattr(common, "chosen_dataset", counted)
    # The first run goes through the router (AppTest's switch_page runs a page on its own): the sidebar,
    # the page's header and every cached figure share one lookup.
    at = AppTest.from_file("../dashboard.py", default_timeout=90).run()
    assert not at.exception, at.exception
    assert titles(at) and len(calls) == 1


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    monkeypatch.setenv("LAKIP_PUBLIC_READ", "1")
    clear_caches()
    return store_with_uploader(tmp_path)


def test_a_changed_setting_shows_in_the_cached_figures_at_once(store: Store) -> None:
    at = AppTest.from_file("../dashboard.py", default_timeout=90).run()
    open_page(at, "ringkasan")
    assert f"{golden.OFFICE_MEAN.text} ({golden.OFFICE_CATEGORY})" in titles(at)[0]
    open_page(at, "kinerja")
    kinerja = titles(at)[0]
    assert f"({golden.OFFICE_CATEGORY})" in kinerja

    store.change_settings(SYSTEM, {"scale": codec.parse("scale", "baik")}, 2024)
    open_page(at, "ringkasan")
    assert f"{golden.OFFICE_MEAN.text} (Kurang)" in titles(at)[0]  # same mean, the new scale's category
    open_page(at, "kinerja")
    assert titles(at)[0] == kinerja.replace(f"({golden.OFFICE_CATEGORY})", "(Kurang)")

    store.reset_settings(SYSTEM, ["scale"], 2024)
    open_page(at, "ringkasan")
    assert f"{golden.OFFICE_MEAN.text} ({golden.OFFICE_CATEGORY})" in titles(at)[0]


def absorption_title(at: AppTest) -> str:
    """The absorption chart's total line (``Total 95,80%``), with its title."""
    for spec in specs(at):
        layout = json.loads(spec)["layout"]
        totals = [a["text"] for a in layout.get("annotations", []) if str(a.get("text", "")).startswith("Total ")]
        if totals:
            return f"{layout['title']['text']} {totals[0]}"
    raise AssertionError("no absorption chart")


def test_an_upload_and_a_restore_show_in_the_cached_figures_at_once(store: Store) -> None:
    first = store_file(store, (SAMPLE / "anggaran_2024.xlsx").read_bytes(), "anggaran_2024.xlsx", "budget")
    at = AppTest.from_file("../dashboard.py", default_timeout=90).run()
    open_page(at, "anggaran")
    assert f"Total {golden.ABSORPTION.text}" in absorption_title(at)
    table = next(df for df in tables(at) if "Pagu" in df.columns)
    assert len(table) > 2

    store_file(store, budget_xlsx([600_000_000, 300_000_000]), "anggaran_baru.xlsx", "budget")
    open_page(at, "anggaran")
    assert "Total 45,00%" in absorption_title(at)  # 900 juta of 2 miliar
    assert len(next(df for df in tables(at) if "Pagu" in df.columns)) == 2
    desk = titles(at)
    open_page(at, "anggaran", meeting=True)  # the room's screen of the same version
    open_page(at, "anggaran")
    assert titles(at) == desk

    store.restore(SYSTEM, first)
    open_page(at, "anggaran")
    assert f"Total {golden.ABSORPTION.text}" in absorption_title(at)


def test_no_page_relies_on_magic() -> None:
    """``runner.magicEnabled = false``: a bare expression in a page would silently show nothing."""
    import ast
    import tomllib

    root = Path(__file__).resolve().parents[1]
    assert tomllib.loads((root / ".streamlit" / "config.toml").read_text())["runner"]["magicEnabled"] is False
    for script in [root / "dashboard.py", *sorted((root / "pages").glob("*.py"))]:
        tree = ast.parse(script.read_text())
        for parent in ast.walk(tree):
            for field in ("body", "orelse", "finalbody"):
                statements = getattr(parent, field, None)
                for i, node in enumerate(statements if isinstance(statements, list) else []):
                    if not isinstance(node, ast.Expr) or isinstance(node.value, (ast.Call, ast.Await)):
                        continue
                    docstring = i == 0 and field == "body" and isinstance(node.value, ast.Constant)
                    assert docstring and isinstance(parent, (ast.Module, ast.ClassDef, ast.FunctionDef)), (
                        f"{script.name}:{node.lineno}: a bare expression shows nothing without magic"
                    )
