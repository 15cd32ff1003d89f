"""Who is looking: the store, the logged-in account, login/logout, and which pages they may open.

Not a page. The login lives in ``st.session_state`` (server side); every action that changes
data goes through :class:`lakip_core.store.Store`, which checks the role recorded in the database
again, so what this module hides is a convenience, not the guard.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import streamlit as st

from lakip_core.errors import LakipError
from lakip_core.presentation.escape import inert
from lakip_core.store import Store, auth, default_url
from lakip_core.store.auth import Actor

ACCOUNT_KEY = "akun"
NOTICE_KEY = "akun_pemberitahuan"
LOCAL_TZ = ZoneInfo(os.environ.get("LAKIP_TZ", "Asia/Jakarta"))
# Pages by url path (the file name without .py) and the action they need.
PAGE_ACTIONS = {"unggah": "upload", "akun": None}


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


def current_account() -> dict[str, str] | None:
    """The logged-in account (username, role) or ``None``; applies the idle timeout.

    The role is read from the database on every run, so a demoted or deactivated account loses
    its rights at its next click.
    """
    account = st.session_state.get(ACCOUNT_KEY)
    if not account:
        return None
    now = datetime.now(UTC)
    store = get_store()
    if auth.idle_expired(account["last_seen"], now, idle_minutes()):
        _drop(store, account["username"], "sesi-habis")
        st.session_state[NOTICE_KEY] = (
            f"Sesi berakhir karena tidak aktif {idle_minutes():.0f} menit. Silakan masuk lagi."
        )
        return None
    role = store.role_of(account["username"])
    if role is None:
        _drop(store, account["username"], "keluar")
        st.session_state[NOTICE_KEY] = "Akun Anda dinonaktifkan. Hubungi admin."
        return None
    account["last_seen"], account["role"] = now, role
    return {"username": account["username"], "role": role}


def _drop(store: Store, username: str, action: str) -> None:
    st.session_state.pop(ACCOUNT_KEY, None)
    with contextlib.suppress(Exception):  # the audit must not stop a logout
        store.audit(username, action)


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
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.warning(notice)
    account = current_account()
    if account:
        st.markdown(f"👤 **{inert(account['username'])}** · {auth.ROLE_LABELS[account['role']]}")
        if st.button("Keluar", key="keluar"):
            _drop(store, account["username"], "keluar")
            st.rerun()
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
            found = store.authenticate(username, password)
        except LakipError as err:
            st.error(inert(err, 1000))
            return
        st.session_state[ACCOUNT_KEY] = {
            "username": found.username,
            "role": found.role,
            "last_seen": datetime.now(UTC),
        }
        st.rerun()
