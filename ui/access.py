"""Who is looking: the store, the logged-in account, login/logout, and which pages they may open.

Not a page. A login is a server-side session in the store (:mod:`lakip_core.store.sessions`),
checked on every script run: the Streamlit session holds its token in ``st.session_state`` and
the browser in an HttpOnly, SameSite=Strict cookie set by the ``/auth/claim`` route
(ui/server.py), so a login lasts across reloads and tabs for its idle period and ends everywhere
when it is ended in the store (logout, password change or reset, deactivation, idle timeout).
Every action that changes data goes through :class:`lakip_core.store.Store`, which checks the
role recorded in the database again, so what this module hides is a convenience, not the guard.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import streamlit as st

from lakip_core.errors import LakipError
from lakip_core.presentation.escape import inert
from lakip_core.store import Store, auth, default_url
from lakip_core.store.auth import Actor
from ui.server import SESSION_COOKIE

ACCOUNT_KEY = "akun"
NOTICE_KEY = "akun_pemberitahuan"
LOCAL_TZ = ZoneInfo(os.environ.get("LAKIP_TZ", "Asia/Jakarta"))
# Pages by url path (the file name without .py) and the action they need.
PAGE_ACTIONS = {"unggah": "upload", "akun": None}
PAGE_SEGMENT = re.compile(r"[A-Za-z0-9_-]{1,64}")


@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def get_store() -> Store:
    """The store of ``$LAKIP_DB_URL`` / ``$LAKIP_DATA_DIR`` (one engine per URL per server)."""
    return _store(default_url())


def idle_minutes() -> float:
    try:
        return float(os.environ.get("LAKIP_IDLE_MINUTES", auth.IDLE_MINUTES))
    except ValueError:
        return auth.IDLE_MINUTES


def client_address() -> str | None:
    """The visitor's address as the server sees it (``None``: local, or a proxy not configured to tell)."""
    with contextlib.suppress(Exception):
        value = st.context.ip_address
        return value if isinstance(value, str) else None
    return None


def _cookie_token() -> str | None:
    with contextlib.suppress(Exception):
        value = st.context.cookies.get(SESSION_COOKIE)
        return value if isinstance(value, str) else None
    return None


def current_account() -> dict[str, str] | None:
    """The logged-in account (username, role) or ``None``, read from the store on every run.

    The token of this Streamlit session comes first, then the browser's cookie. A session ended
    elsewhere (logout in another tab, password changed, account deactivated) or idle too long is
    gone at the next click or reload; the role is the one stored now.
    """
    store = get_store()
    held = st.session_state.get(ACCOUNT_KEY) or {}
    for token in dict.fromkeys([held.get("token"), _cookie_token()]):
        if not token:
            continue
        check = store.session(token, idle_minutes())
        if check.session is not None:
            found = check.session
            st.session_state[ACCOUNT_KEY] = {
                "username": found.username,
                "role": found.role,
                "token": token,
                "id": found.id,
            }
            return {"username": found.username, "role": found.role}
        if check.ended == "idle":
            st.session_state[NOTICE_KEY] = (
                f"Sesi berakhir karena tidak aktif {idle_minutes():.0f} menit. Silakan masuk lagi."
            )
        elif check.ended == "inactive":
            st.session_state[NOTICE_KEY] = "Akun Anda dinonaktifkan. Hubungi admin."
    st.session_state.pop(ACCOUNT_KEY, None)
    return None


def current_session_id() -> int | None:
    """The store's id of this login (kept when its own password is changed), once checked."""
    if current_account() is None:
        return None
    return st.session_state[ACCOUNT_KEY].get("id")


def _go(path: str) -> None:
    """Send the browser to one of the server's routes (a same-tab navigation; the page reloads)."""
    st.html(f"<script>window.location.replace({json.dumps(path)})</script>", unsafe_allow_javascript=True)


def requested_page() -> str:
    """The page the address bar names (``""`` for the home page): where to come back after login."""
    with contextlib.suppress(Exception):
        url = st.context.url
        segment = urlparse(url if isinstance(url, str) else "").path.rstrip("/").rsplit("/", 1)[-1]
        return segment if PAGE_SEGMENT.fullmatch(segment) else ""
    return ""


def log_in(username: str, role: str) -> None:
    """Start a login for ``username`` (password already checked): this session at once, and the
    browser's cookie through the claim route, so that it lasts across reloads and tabs."""
    store = get_store()
    token, ticket = store.start_session(username, client_address())
    st.session_state[ACCOUNT_KEY] = {"username": username, "role": role, "token": token}
    _go(f"auth/claim?t={ticket}&ke={requested_page()}")


def log_out() -> None:
    """End this login everywhere, then let the logout route drop the browser's cookie."""
    held = st.session_state.pop(ACCOUNT_KEY, None) or {}
    store = get_store()
    for token in dict.fromkeys([held.get("token"), _cookie_token()]):
        with contextlib.suppress(Exception):  # the audit must not stop a logout
            store.end_session(token)
    _go("auth/logout")


def actor() -> Actor | None:
    account = current_account()
    return Actor(account["username"]) if account else None


def role() -> str | None:
    account = current_account()
    return account["role"] if account else None


def may(action: str) -> bool:
    """Whether the current visitor may do ``action`` ("view" also without login when allowed)."""
    if action == "view" and get_store().public_read():
        return True
    return auth.can(role(), action)


def allowed_pages(pages: list[st.Page]) -> list[st.Page]:
    """The pages the current visitor may open (the account page is always there)."""
    viewer = may("view")
    allowed = []
    for page in pages:
        action = PAGE_ACTIONS.get(page.url_path, "view")
        if action is None or (action == "view" and viewer) or (action != "view" and may(action)):
            allowed.append(page)
    return allowed


def navigation_pages(sections: dict[str, list[st.Page]]) -> dict[str, list[st.Page]]:
    """The sections of ``st.navigation`` for this visitor: the pages they may open, and hidden
    stand-ins that answer in Indonesian where Streamlit would show its English "Page not found":
    a page they may not open (a bookmark before login) and an unknown one-segment address."""
    allowed = {name: kept for name, pages in sections.items() if (kept := allowed_pages(pages))}
    shown = {page.url_path for pages in allowed.values() for page in pages}
    known = {page.url_path for pages in sections.values() for page in pages}
    # The home page's stand-in stays the default: otherwise the first page left (Akun) would move
    # to "/" and its own address would be unknown.
    hidden = [
        st.Page(_closed(page.title), title=page.title, default=True, visibility="hidden")
        if page.url_path == ""
        else st.Page(_closed(page.title), title=page.title, url_path=page.url_path, visibility="hidden")
        for pages in sections.values()
        for page in pages
        if page.url_path not in shown
    ]
    segment = requested_page()
    if segment and segment not in known:
        hidden.append(st.Page(_unknown(segment), title="Tidak ditemukan", url_path=segment, visibility="hidden"))
    if hidden:
        last = list(allowed)[-1]
        allowed[last] = [*allowed[last], *hidden]
    return allowed


def _closed(title: str) -> Callable[[], None]:
    def halaman_tertutup() -> None:
        st.title(title)
        if current_account() is None:
            st.info(f"Halaman {inert(title)} memerlukan akun. Silakan masuk lewat formulir **Masuk** di panel kiri.")
        else:
            st.warning(f"Akun Anda tidak berwenang membuka halaman {inert(title)}.")

    return halaman_tertutup


def _unknown(segment: str) -> Callable[[], None]:
    def halaman_tidak_ada() -> None:
        st.title("Halaman tidak ditemukan")
        st.info(f"Alamat /{inert(segment, 64)} tidak ada di Dasbor LAKIP. Pilih halaman di panel kiri.")

    return halaman_tidak_ada


def require(action: str) -> Actor | None:
    """Stop the page with an Indonesian message unless the visitor may do ``action``."""
    if may(action):
        return actor()
    if current_account() is None:
        st.warning(f"Untuk {auth.ACTION_LABELS[action]}, masuk dulu lewat panel **Akun** di kiri.")
    else:
        st.error(f"Akun Anda ({auth.ROLE_LABELS.get(role() or '', '')}) tidak berwenang {auth.ACTION_LABELS[action]}.")
    st.stop()
    return None


def local_time(stamp: str) -> str:
    """``2024-11-27T03:04:05.123Z`` → ``27-11-2024 10:04 WIB`` (the office's time zone)."""
    when = datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(LOCAL_TZ)
    return when.strftime("%d-%m-%Y %H:%M ") + (when.tzname() or "")


def account_panel() -> None:
    """The sidebar's login form, or who is logged in and a logout button."""
    store = get_store()
    account = current_account()
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.warning(notice)
    if account:
        st.markdown(f"👤 **{inert(account['username'])}** · {auth.ROLE_LABELS[account['role']]}")
        if st.button("Keluar", key="keluar"):
            log_out()
            st.stop()
        return
    if not store.has_accounts():
        st.caption("Belum ada akun. Buka halaman **Akun** untuk membuat admin pertama.")
        return
    with st.form("masuk", clear_on_submit=True, border=False):
        st.markdown("**Masuk**")
        username = st.text_input("Nama pengguna", key="masuk_nama")
        password = st.text_input("Kata sandi", type="password", key="masuk_sandi")
        submitted = st.form_submit_button("Masuk")
    if submitted:
        try:
            found = store.authenticate(username, password, client_address())
        except LakipError as err:
            st.error(inert(err, 1000))
            return
        log_in(found.username, found.role)
        st.stop()  # the browser is on its way to /auth/claim and back
