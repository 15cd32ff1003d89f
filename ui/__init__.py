"""Streamlit helpers of the dashboard's pages: the shared sidebar and report, access, upload views.

Every page script imports this package, which is why the one workaround for Streamlit's old
multipage mode lives here. Streamlit treats a ``pages/`` folder beside the entry script as
old-style (v1) pages until some script in the process calls ``st.navigation``. A first request
after a server start that goes straight to a page URL (``/kinerja``, e.g. a browser tab restored
after a restart) would then run that page file on its own, without the router: no sidebar, no
login gate. So here the process-wide flag is switched off once and the run restarts through
``dashboard.py``. ``PagesManager.uses_pages_directory`` is internal to Streamlit 1.67; this can go
when Streamlit stops treating ``pages/`` as v1 pages in an app that calls ``st.navigation`` (or
offers a setting for it). tests/test_browser_pages.py checks this path in a real browser.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    st.rerun()
