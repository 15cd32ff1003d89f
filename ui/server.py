"""The server around the dashboard: extra HTTP routes and the work done once when it starts.

``streamlit run dashboard.py`` finds ``app = st.App(...)`` in dashboard.py and serves the router
through it (Streamlit 1.67 serves every app through Starlette; ``st.App`` is its public way to add
routes and a lifespan hook). Keep this module light: it is imported before the first page runs.
"""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.routing import BaseRoute
from streamlit.runtime.pages_manager import PagesManager

log = logging.getLogger(__name__)

# Streamlit treats a ``pages/`` folder beside the entry script as old-style (v1) pages until some
# script run calls ``st.navigation``: a first request after a start that goes straight to a page
# URL (``/kinerja``, a tab restored after a restart) would run that page file on its own, without
# the router (no sidebar, no login gate). The flag is decided once per process when it is still
# None, so deciding it here, before the first session, keeps every run on the router.
# ``PagesManager.uses_pages_directory`` is internal to Streamlit 1.67; this line can go when
# Streamlit stops treating ``pages/`` as v1 pages in an app that calls ``st.navigation``.
# tests/test_browser_pages.py::test_first_request_to_a_page_url_goes_through_the_router checks it.
PagesManager.uses_pages_directory = False

# HTTP routes served beside the dashboard (the page script itself cannot set cookies or answer
# plain HTTP). Paths must not start with /_stcore/, /media/, /component/ or /static/.
ROUTES: list[BaseRoute] = []


def warm() -> None:
    """Do before the first visitor what would otherwise make their page slow (~1 s on 2 cores).

    Imports the page helpers (store, plotly, pandas, pyarrow), opens the store, fills the sample
    report's cache entry (the same one every session reads), builds and serialises one figure and
    one table, then freezes the objects that live as long as the process so that no later garbage
    collection walks them again (benchmarks/README.md, bench_load: first run 1,3 s → 0,3 s).
    """
    import plotly.io
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes

    from lakip_core.presentation.charts import DESK, objectives_chart
    from ui.access import get_store
    from ui.common import sample_report

    get_store().public_read()
    report = sample_report()
    office = report.office
    figure = objectives_chart(report.objectives, office.mean_pct, office.category, DESK)
    plotly.io.to_json(figure, validate=False)
    convert_anything_to_arrow_bytes(report.indicator_frame)
    gc.collect()
    gc.freeze()


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Warm up off the event loop, then serve. A visitor arriving meanwhile waits on the cache lock."""
    try:
        await asyncio.to_thread(warm)
    except Exception:  # a failed warm-up must not stop the server: the first visitor pays instead
        log.exception("Warm-up at server start failed")
    yield
