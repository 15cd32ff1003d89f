"""The work done once when the server starts, so that the first visitor's page is as quick as the next.

Called by the ``st.App`` lifespan hook (ui/server.py) before the port opens. Without it the first
visitor pays for the imports of every page's helpers (pandas, plotly, pyarrow, the core), Streamlit's
own first-session imports, and reading the data (benchmarks/README.md, first chart).
"""

from __future__ import annotations

import ast
import contextlib
import gc
import importlib
import logging
import os
import threading
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
# Modules Streamlit imports on a server's first session (set_page_config's emoji check, the skills
# notice in the new-session message): imported here, they are not on the first visitor's clock.
STREAMLIT_FIRST_SESSION = ("streamlit.emojis", "streamlit.web.skills", "streamlit.runtime.backend_operation_handler")


def page_imports(root: Path = ROOT) -> list[str]:
    """The modules the router and the page scripts import (read from their source, not run)."""
    modules: dict[str, None] = {}
    for script in [root / "dashboard.py", *sorted((root / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules.update(dict.fromkeys(alias.name for alias in node.names))
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules[node.module] = None
                for alias in node.names:  # ``from lakip_core.analysis import budget``: a module too
                    modules[f"{node.module}.{alias.name}"] = None
    return list(modules)


def import_all(names: list[str]) -> int:
    """Import each module that exists (a name that is a function, not a module, is skipped)."""
    count = 0
    for name in names:
        with contextlib.suppress(ImportError):
            importlib.import_module(name)
            count += 1
    return count


@contextlib.contextmanager
def _quiet_bare_mode() -> Iterator[None]:
    """Cached functions called outside a page run log "missing ScriptRunContext": expected here."""
    logger = logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def warm() -> None:
    """Imports, the store, the report the first visitor sees, one figure and one table serialised;
    then freeze what lives as long as the process so that no garbage collection walks it again."""
    import plotly.io
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes

    import_all([*page_imports(), *STREAMLIT_FIRST_SESSION])

    from lakip_core.presentation.charts import DESK, objectives_chart
    from ui.access import get_store
    from ui.common import report_of

    store = get_store()
    store.public_read()
    datasets = store.datasets()
    with _quiet_bare_mode():
        # The same cache entry as the first visitor's: the newest stored satker-year, else the sample,
        # under the office's settings.
        report = report_of(datasets[0] if datasets else None).report
    office = report.office
    figure = objectives_chart(report.objectives, office.mean_pct, office.category, DESK)
    plotly.io.to_json(figure, validate=False)
    convert_anything_to_arrow_bytes(report.indicator_frame)
    with contextlib.suppress(Exception):  # the shell's preload list (ui/frontend.py): read once, here
        from ui.frontend import FIRST_VISIT, lazy_chunks

        lazy_chunks(FIRST_VISIT)
    gc.collect()
    gc.freeze()


def compress_assets() -> None:
    """The frontend files a first visit loads, compressed once (ui/frontend.py); run in the background."""
    from ui.frontend import COMPRESSED, FIRST_VISIT, lazy_chunks

    # Below the first visitor's page run on a small machine: on Linux a thread is a task of its own,
    # so this lowers the priority of this thread only (zlib compresses without holding the GIL).
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 15)
    try:
        COMPRESSED.warm(extra=lazy_chunks(FIRST_VISIT))
    except Exception:  # nothing lost: each file is then compressed on its first request
        log.exception("Compressing the frontend files at start failed")
