"""The server around the router: dashboard.py imported as a module gives the st.App; the warm-up runs."""

from __future__ import annotations

import gc
import importlib
import sys

import streamlit as st


def test_dashboard_module_is_the_server_app() -> None:
    sys.modules.pop("dashboard", None)
    module = importlib.import_module("dashboard")
    assert isinstance(module.app, st.App)
    assert callable(module.main)  # the router itself runs only as the script (__name__ == "__main__")


def test_warm_up_fills_the_sample_cache_and_freezes() -> None:
    from ui import server
    from ui.common import sample_report

    sample_report.clear()
    try:
        server.warm()
        assert gc.get_freeze_count() > 0
        assert sample_report().office.with_data > 0  # served from the cache the warm-up filled
    finally:
        gc.unfreeze()
