"""Akun: the first admin, one's own password; for admins: accounts, viewing without login, audit log."""

import pandas as pd
import streamlit as st

from lakip_core.errors import LakipError
from lakip_core.store import AUDIT_LABELS, auth
from ui.access import actor, current_account, current_session_id, get_store, local_time, log_in, may
from ui.common import inert

st.title("Akun")
store = get_store()
account = current_account()


def attempt(action, success: str) -> bool:
    """Run a store action; show its Indonesian error or remember the success message."""
    try:
        action()
    except LakipError as err:
        st.error(inert(err, 1000))
        return False
    st.session_state["akun_pesan"] = success
    return True


if account is None:
    if store.has_admin():
        st.info("Masuk lewat formulir **Masuk** di panel kiri. Lupa kata sandi? Minta admin mengaturnya ulang.")
        st.stop()
    st.subheader("Buat admin pertama")
    key_file = store.ensure_setup_secret()  # a file name only: visitors see no server paths
    st.markdown(
        "Belum ada admin. Untuk mencegah orang lain mendahului, pembuatan admin pertama memerlukan **kunci sekali "
        f"pakai** yang tersimpan di server, di berkas `{key_file}` dalam folder data dasbor. Mintalah isinya kepada "
        "pengelola server. Cara lain, di server: `python -m lakip_core user add NAMA --role admin`."
    )
    with st.form("admin_pertama"):
        secret = st.text_input("Kunci sekali pakai", type="password")
        username = st.text_input("Nama pengguna admin", help="huruf kecil, angka, titik atau tanda hubung")
        first = st.text_input(f"Kata sandi (minimal {auth.MIN_PASSWORD} karakter)", type="password")
        second = st.text_input("Ulangi kata sandi", type="password")
        submitted = st.form_submit_button("Buat admin", type="primary")
    if submitted:
        if first != second:
            st.error("Kedua kata sandi tidak sama.")
        elif attempt(lambda: store.create_first_admin(secret, username, first), "Admin pertama dibuat."):
            name = username.strip().lower()
            store.audit(name, "masuk")
            log_in(name, "admin")
            st.stop()
    st.stop()

message = st.session_state.pop("akun_pesan", None)
if message:
    st.success(inert(message, 300))
me = actor()
st.markdown(f"Masuk sebagai **{inert(account['username'])}** ({auth.ROLE_LABELS[account['role']]}).")
with st.expander("Ganti kata sandi"), st.form("ganti_sandi", clear_on_submit=True):
    old = st.text_input("Kata sandi lama", type="password")
    new = st.text_input(f"Kata sandi baru (minimal {auth.MIN_PASSWORD} karakter)", type="password")
    again = st.text_input("Ulangi kata sandi baru", type="password")
    if st.form_submit_button("Simpan kata sandi"):
        if new != again:
            st.error("Kedua kata sandi baru tidak sama.")
        elif attempt(
            lambda: store.set_password(me, account["username"], new, old, keep_session=current_session_id()),
            "Kata sandi diganti. Sesi lain akun ini (tab atau perangkat lain) sudah diakhiri.",
        ):
            st.rerun()

if not may("manage_accounts"):
    st.stop()

st.subheader("Akun pengguna")
accounts = store.accounts()
st.dataframe(
    pd.DataFrame(
        [
            {
                "Nama pengguna": a.username,
                "Peran": auth.ROLE_LABELS[a.role],
                "Aktif": "ya" if a.active else "tidak",
                "Dibuat": local_time(a.created_at),
            }
            for a in accounts
        ]
    ),
    hide_index=True,
)
st.caption(
    "Admin mengelola akun; Pengunggah mengunggah data dan memulihkan versi; Pembaca hanya melihat. "
    "Akun tidak dihapus, hanya dinonaktifkan, agar log audit tetap utuh."
)
add_col, edit_col = st.columns(2)
with add_col, st.form("tambah_akun", clear_on_submit=True):
    st.markdown("**Tambah akun**")
    username = st.text_input("Nama pengguna")
    role = st.selectbox("Peran", auth.ROLES, index=2, format_func=auth.ROLE_LABELS.get)
    password = st.text_input(f"Kata sandi awal (minimal {auth.MIN_PASSWORD} karakter)", type="password")
    if st.form_submit_button("Tambah") and attempt(
        lambda: store.create_user(me, username, password, role), f"Akun {username.strip().lower()} dibuat."
    ):
        st.rerun()
with edit_col:
    st.markdown("**Ubah akun**")
    target = st.selectbox("Akun", [a.username for a in accounts])
    chosen = next(a for a in accounts if a.username == target)
with edit_col, st.form(f"ubah_akun_{target}"):  # the fields start from the chosen account's values
    new_role = st.selectbox("Peran", auth.ROLES, index=auth.ROLES.index(chosen.role), format_func=auth.ROLE_LABELS.get)
    active = st.checkbox("Aktif", value=chosen.active)
    reset = st.text_input("Kata sandi baru (kosongkan bila tidak diganti)", type="password")

    def change() -> None:
        store.update_user(me, target, role=new_role, active=active)
        if reset:  # ends the account's sessions (an admin resetting their own keeps this one)
            store.set_password(me, target, reset, keep_session=current_session_id())

    if st.form_submit_button("Simpan perubahan") and attempt(change, f"Akun {target} diperbarui."):
        st.rerun()

st.subheader("Tampilan tanpa masuk")
public = store.get_setting("public_read", "0") == "1"
wanted = st.toggle(
    "Dasbor boleh dilihat tanpa masuk (misalnya layar di ruang rapat)",
    value=public,
    help="Hanya melihat. Mengunggah dan memulihkan versi selalu memerlukan akun.",
)
if wanted != public and attempt(lambda: store.set_setting(me, "public_read", "1" if wanted else "0"), "Disimpan."):
    st.rerun()

st.subheader("Log audit")
entries = store.audit_entries(me, limit=300)
st.dataframe(
    pd.DataFrame(
        [
            {
                "Waktu": local_time(e.at),
                "Akun": e.username,
                "Kejadian": AUDIT_LABELS.get(e.action, e.action),
                "Berhasil": "ya" if e.success else "tidak",
                "Rincian": ", ".join(f"{k}: {v}" for k, v in e.detail.items()),
            }
            for e in entries
        ]
    ),
    hide_index=True,
)
