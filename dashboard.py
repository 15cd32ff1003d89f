"""Dasbor LAKIP: the router. Page config, navigation, the shared sidebar, then the page."""

import streamlit as st

from ui.access import account_panel, allowed_pages, get_store, may
from ui.common import DESK_CSS, MEETING_CSS, MEETING_KEY, current_report, dataset_picker, inert, meeting

# A projector opened on ?rapat=true starts with the sidebar folded away, leaving the room the figures.
sidebar = "collapsed" if st.query_params.get("rapat") == "true" else "expanded"
st.set_page_config(page_title="Dasbor LAKIP", page_icon="📊", layout="wide", initial_sidebar_state=sidebar)

SECTIONS = {
    "Laporan": [
        st.Page("pages/ringkasan.py", title="Ringkasan", icon="🏠", default=True),
        st.Page("pages/kinerja.py", title="Kinerja", icon="🎯"),
        st.Page("pages/anggaran.py", title="Anggaran", icon="💰"),
        st.Page("pages/pegawai.py", title="Pegawai", icon="👥"),
        st.Page("pages/aset.py", title="Aset", icon="🏢"),
        st.Page("pages/pemeriksaan.py", title="Pemeriksaan", icon="🔎"),
    ],
    "Analisis": [
        st.Page("pages/perbandingan.py", title="Perbandingan", icon="📈"),
        st.Page("pages/simulasi.py", title="Simulasi", icon="🧮"),
        st.Page("pages/ekspor.py", title="Ekspor", icon="📥"),
    ],
    "Data": [
        st.Page("pages/versi.py", title="Versi Data", icon="🗂️"),
        st.Page("pages/unggah.py", title="Unggah Data", icon="📤"),
        st.Page("pages/akun.py", title="Akun", icon="👤"),
    ],
}
# The roll-up appears once the store holds more than one satker.
if len({satker for satker, _ in get_store().datasets()}) > 1:
    SECTIONS["Analisis"].insert(0, st.Page("pages/provinsi_nasional.py", title="Provinsi / Nasional", icon="🗺️"))
# Pages the visitor may not open are not served at all; a section left empty is not shown.
allowed = {name: kept for name, pages in SECTIONS.items() if (kept := allowed_pages(pages))}
page = st.navigation(allowed)

if may("view"):  # nothing about the data before login when viewing without login is switched off
    report, source = current_report()
    with st.sidebar:
        satker = inert(report.satker or "Satuan kerja")
        st.markdown(f"### 📊 Dasbor LAKIP\n**{satker}**  \nTahun laporan **{report.settings.year}**")
        dataset_picker()
        st.caption(f"Sumber data: {source}")
        st.toggle(
            "Mode rapat (layar proyektor)",
            key=MEETING_KEY,
            bind="query-params",  # a projector can open ?rapat=true directly, and a refresh keeps it
            help="Huruf besar, satu gagasan per layar, tanpa tabel.",
        )
with st.sidebar:
    account_panel()
st.markdown(MEETING_CSS if meeting() else DESK_CSS, unsafe_allow_html=True)

page.run()
