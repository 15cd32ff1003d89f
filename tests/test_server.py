"""The server around the router: dashboard.py imported as a module gives the st.App; the warm-up runs."""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path

import pytest
import streamlit as st


def test_dashboard_module_is_the_server_app() -> None:
    sys.modules.pop("dashboard", None)
    module = importlib.import_module("dashboard")
    assert isinstance(module.app, st.App)
    assert callable(module.main)  # the router itself runs only as the script (__name__ == "__main__")


def test_warm_up_fills_the_first_visitors_report_and_freezes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lakip_core.store import Store
    from ui import warm
    from ui.common import report_of, sample_report

    monkeypatch.setenv("LAKIP_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("LAKIP_DB_URL", raising=False)
    Store(f"sqlite:///{tmp_path / 'lakip.db'}").ensure_schema()  # a store without data: the sample
    sample_report.clear()
    from ui import frontend

    frontend._lazy_chunks.cache_clear()
    try:
        warm.warm()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    # The shell's preload list is read before the port opens, not on the first visitor's request.
    assert frontend._lazy_chunks.cache_info().currsize == 1
    # The entry the first visitor reads (the office's settings are part of its key) is filled.
    calls = []
    monkeypatch.setattr("ui.common.load_report", lambda *a, **k: calls.append(1))
    assert report_of(None).report.office.with_data > 0 and not calls


def test_warm_up_imports_what_the_pages_import() -> None:
    from ui import warm

    names = warm.page_imports()
    assert "ui.common" in names and "lakip_core.presentation.charts" in names and "ui.capaian_belanja" in names
    assert warm.import_all(["json", "no_such_module_here", "json.no_such_name"]) == 1
