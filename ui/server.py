"""The server around the dashboard: extra HTTP routes and the work done once when it starts.

``streamlit run dashboard.py`` finds ``app = st.App(...)`` in dashboard.py and serves the router
through it (Streamlit 1.67 serves every app through Starlette; ``st.App`` is its public way to add
routes and a lifespan hook). Keep this module light: it is imported before the first page runs.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import re
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager

from lakip_core.store import Store, default_url
from lakip_core.store.sessions import MAX_HOURS

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

SESSION_COOKIE = "lakip_sesi"  # the same name as ui.access.SESSION_COOKIE (kept light: no ui import here)
_PAGE = re.compile(r"[A-Za-z0-9_-]{0,64}")


def _base() -> str:
    """``server.baseUrlPath`` as ``/dasbor`` (``""`` without one)."""
    base = str(config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{base}" if base else ""


@functools.cache
def _store(url: str) -> Store:
    return Store(url)


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the ticket in the URL goes nowhere else
    return response


async def claim(request: Request) -> Response:
    """``/auth/claim?t=<ticket>&ke=<page>``: spend the login form's single-use ticket, set the
    session cookie (HttpOnly, SameSite=Strict, Secure over https) and go back to the page.

    A claim from another site's link is refused (login CSRF: someone else's ticket would log the
    visitor into their account); browsers say where a navigation came from in Sec-Fetch-Site.
    """
    page = request.query_params.get("ke", "")
    target = f"{_base()}/{page if _PAGE.fullmatch(page) else ''}"
    response = _no_store(RedirectResponse(target, status_code=303))
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return response
    token = await asyncio.to_thread(_store(default_url()).claim_ticket, request.query_params.get("t", ""))
    if token:
        response.set_cookie(
            SESSION_COOKIE,
            token,
            max_age=MAX_HOURS * 3600,
            path=f"{_base()}/",
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
    return response


async def logout(request: Request) -> Response:
    """``/auth/logout``: end the cookie's session (the page has ended it already) and drop the cookie.

    With SameSite=Strict another site's link arrives without the cookie and changes nothing.
    """
    response = _no_store(RedirectResponse(f"{_base()}/", status_code=303))
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await asyncio.to_thread(_store(default_url()).end_session, token)
        response.delete_cookie(SESSION_COOKIE, path=f"{_base()}/", httponly=True, samesite="strict")
    return response


# HTTP routes served beside the dashboard (the page script itself cannot set cookies or answer
# plain HTTP). Paths must not start with /_stcore/, /media/, /component/ or /static/; /auth/logout
# takes the place of st.logout's route, which this app does not use (no OIDC login).
ROUTES: list[BaseRoute] = [
    Route(f"{_base()}/auth/claim", claim, methods=["GET"]),
    Route(f"{_base()}/auth/logout", logout, methods=["GET", "POST"]),
]


@asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Warm up off the event loop, then serve. A visitor arriving meanwhile waits on the cache lock."""
    from ui.warm import compress_assets, warm  # the page helpers' imports: not at module import (kept light)

    try:
        await asyncio.to_thread(warm)
    except Exception:  # a failed warm-up must not stop the server: the first visitor pays instead
        log.exception("Warm-up at server start failed")
    # Compressing the frontend files (~0,8 s of CPU) need not delay the port: a request for a file
    # being compressed waits for it, any other is answered at once.
    threading.Thread(target=compress_assets, name="lakip-compress", daemon=True).start()
    yield
