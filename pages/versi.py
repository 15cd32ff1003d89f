"""Versi Data: every stored version of the chosen satker/year; view, compare, make current again."""

import pandas as pd
import streamlit as st

from lakip_core.errors import LakipError
from lakip_core.intake.kinds import KINDS
from lakip_core.presentation.tables import findings_table
from lakip_core.store import VersionInfo, compare_rows
from ui.access import actor, get_store, local_time, may, require
from ui.common import chosen_dataset, display, inert
from ui.intake_view import show_diff, show_figures, show_layout, show_rows

FLASH = "versi_pesan"

st.title("Versi data")
require("view")
store = get_store()
chosen = chosen_dataset()
if chosen is None:
    st.info("Belum ada data tersimpan; dasbor masih menampilkan data contoh. Unggah berkas di halaman Unggah Data.")
    st.stop()
satker, year = chosen
st.caption(
    f"{inert(satker)} · tahun {year}. Setiap unggahan tersimpan utuh sebagai versi tersendiri; tidak ada yang "
    "ditimpa atau dihapus. Versi berlaku adalah yang dipakai semua halaman."
)
flash = st.session_state.pop(FLASH, None)
if flash:
    st.success(flash)

items = store.versions(satker, year)
st.dataframe(
    pd.DataFrame(
        [
            {
                "Versi": f"#{v.id}",
                "Jenis": KINDS[v.kind].label,
                "Berkas": v.filename,
                "Baris": v.row_count,
                "Diunggah oleh": v.uploaded_by,
                "Cara baca": f"tata letak '{v.reading_layout_name}'" if v.reading_layout else "otomatis",
                "Waktu": local_time(v.uploaded_at),
                "Berlaku": "✓ berlaku" if v.is_current else "",
            }
            for v in items
        ]
    ),
    hide_index=True,
)


def describe(version: VersionInfo) -> str:
    state = " · berlaku" if version.is_current else ""
    name, by = display(version.filename, 80), display(version.uploaded_by, 40)
    return f"#{version.id} · {name} · {local_time(version.uploaded_at)} · {by}{state}"


kinds = [k for k in KINDS if any(v.kind == k for v in items)]
left, right = st.columns(2)
kind = left.selectbox("Jenis data", kinds, format_func=lambda k: KINDS[k].label)
of_kind = [v for v in items if v.kind == kind]
selected = right.selectbox("Versi", of_kind, format_func=describe)

st.subheader(f"Versi #{selected.id}: {inert(selected.filename)}")
st.caption(
    f"Diunggah {inert(selected.uploaded_by)} pada {local_time(selected.uploaded_at)} · {selected.row_count} baris · "
    f"SHA-256 {selected.sha256[:16]}… · dibaca dengan {selected.parser_version}"
)
show_figures(kind, selected.summary)
actions = st.container(horizontal=True, vertical_alignment="center")
actions.download_button(
    "Unduh berkas asli", store.content(selected.id), file_name=selected.filename, key=f"unduh-{selected.id}"
)
if selected.is_current:
    actions.success("Versi ini sedang berlaku")
elif may("restore"):
    if actions.button(f"Jadikan versi #{selected.id} berlaku", type="primary"):
        try:
            store.restore(actor(), selected.id)
        except LakipError as err:
            st.error(inert(err, 1000))
            st.stop()
        st.session_state[FLASH] = (
            f"Versi #{selected.id} kini berlaku kembali untuk {KINDS[kind].label}. Versi lain tetap tersimpan."
        )
        st.rerun()
else:
    actions.caption("Hanya pengunggah atau admin yang dapat memulihkan versi.")

others = [v for v in of_kind if v.id != selected.id]
tabs = st.tabs(["Baris", "Judul kolom dan pemetaan", "Temuan", "Bandingkan dengan versi lain"])
with tabs[0]:
    show_rows(kind, store.rows(selected.id))
with tabs[1]:
    show_layout(selected.layout)
with tabs[2]:
    if selected.findings:
        st.dataframe(findings_table(selected.findings), hide_index=True)
    else:
        st.success("Tidak ada temuan.")
with tabs[3]:
    if not others:
        st.info("Baru ada satu versi untuk jenis data ini.")
    else:
        default = next((i for i, v in enumerate(others) if v.is_current), 0)
        other = st.selectbox("Bandingkan dengan", others, index=default, format_func=describe)
        show_figures(kind, other.summary)
        st.caption(f"Angka di atas: versi #{other.id}. Perubahan dari versi #{other.id} ke versi #{selected.id}:")
        diff = compare_rows(store.rows(other.id), store.rows(selected.id), kind)
        show_diff(diff, f"#{other.id}", f"#{selected.id}", kind)
