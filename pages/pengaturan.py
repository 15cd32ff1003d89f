"""Pengaturan: the conventions every figure is computed under; admins change them, others read them."""

import pandas as pd
import streamlit as st

from lakip_core.errors import LakipError
from lakip_core.rules import settings_codec as codec
from ui.access import actor, get_store, local_time, may
from ui.common import current_report, inert
from ui.settings_editor import editor, widget_key

MESSAGE_KEY = "pengaturan_pesan"

st.title("Pengaturan")
st.caption(
    "Konvensi perhitungan yang dipakai semua halaman, ekspor, dan baris perintah. Setiap perubahan tercatat di "
    "log audit dan langsung berlaku."
)
store = get_store()
admin = may("manage_settings")
if not admin:
    st.info("Hanya admin yang dapat mengubah pengaturan. Anda dapat melihat nilai yang berlaku.")
message = st.session_state.pop(MESSAGE_KEY, None)
if message:
    st.success(message)

report, _ = current_report()
year = int(
    st.number_input(
        "Tahun laporan (untuk pengaturan per tahun)",
        min_value=2000,
        max_value=2100,
        value=report.settings.year,
        step=1,
        help="Target IKPA dan tanggal perhitungan usia dipilih per tahun laporan; yang lain berlaku untuk semua tahun.",
    )
)
overrides = store.overrides()
settings = overrides.settings(year)


def save(values: dict[str, object], reset: list[str] | None = None) -> None:
    """Check and store the entered values (or put ``reset`` back to defaults); show what changed."""
    try:
        if reset is not None:
            changes = store.reset_settings(actor(), reset, year)
        else:
            checked = {name: codec.check(name, plain) for name, plain in values.items()}
            changes = store.change_settings(actor(), checked, year)
    except LakipError as err:
        st.error(inert(str(err)))
        return
    lines = [inert(change.describe()) for change in changes] or ["Tidak ada yang berubah."]
    st.session_state[MESSAGE_KEY] = "Disimpan. " + "  \n".join(lines)
    st.rerun()


items = codec.specs()
for group in dict.fromkeys(item.group for item in items):
    st.subheader(group)
    members = [item for item in items if item.group == group]
    with st.form(f"pengaturan-{group}", border=True):
        entered = {
            item.name: editor(
                item, getattr(settings, item.name), widget_key(item.name, overrides, year), not admin, year
            )
            for item in members
        }
        changed = [
            item.label + (f" (tahun {year})" if item.per_year else "")
            for item in members
            if overrides.is_chosen(item.name, year)
        ]
        st.caption("Diubah dari bawaan: " + "; ".join(changed) if changed else "Semua bernilai bawaan.")
        if admin:
            left, right = st.columns([1, 1])
            if left.form_submit_button(f"Simpan {group.lower()}", type="primary"):
                save(entered)
            if right.form_submit_button("Kembalikan ke bawaan"):
                save({}, reset=[item.name for item in members])

if admin:
    st.subheader("Riwayat perubahan")
    entries = [e for e in store.audit_entries(actor(), limit=500) if e.action == "pengaturan"]
    if not entries:
        st.caption("Belum ada perubahan pengaturan.")
    else:
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Waktu": local_time(e.at),
                        "Akun": e.username,
                        "Pengaturan": e.detail.get("label", e.detail.get("setting", e.detail.get("key", ""))),
                        "Tahun": str(e.detail.get("year", "")),
                        "Lama": str(e.detail.get("old", "")),
                        "Baru": str(e.detail.get("new", e.detail.get("value", ""))),
                    }
                    for e in entries
                ]
            ),
            hide_index=True,
        )
