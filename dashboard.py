"""Dasbor LAKIP: the router. Page config, navigation, the shared sidebar, then the page.

``streamlit run dashboard.py`` first imports this file as a module to find ``app``, the server
around the router (extra routes, the warm-up at start: ui/server.py); every page view then runs
the file as the script, where ``__name__`` is ``"__main__"``.
"""

import streamlit as st

if __name__ != "__main__":
    from ui.frontend import MIDDLEWARE
    from ui.server import ROUTES, lifespan

    app = st.App(__file__, routes=ROUTES, lifespan=lifespan, middleware=MIDDLEWARE)

from ui.access import account_panel, get_store, may, navigation_pages
from ui.common import (
    DESK_CSS,
    MEETING_CSS,
    MEETING_KEY,
    current_report,
    dataset_picker,
    inert,
    meeting,
    one_report_per_run,
)
from ui.meeting import route


def main() -> None:
    """One run of the router: the visitor's pages, the sidebar, then the chosen page."""
    # A projector opened on ?rapat=true starts with the sidebar folded away, leaving the room the
    # figures, and it stays folded while mode rapat steps from page to page (a page switch runs
    # before the bound ?rapat=true is back in the URL, so the session's toggle counts too).
    in_meeting = st.query_params.get("rapat") == "true" or meeting()
    sidebar = "collapsed" if in_meeting else "expanded"
    st.set_page_config(page_title="Dasbor LAKIP", page_icon="📊", layout="wide", initial_sidebar_state=sidebar)

    sections = {
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
            st.Page("pages/pengaturan.py", title="Pengaturan", icon="⚙️"),
            st.Page("pages/akun.py", title="Akun", icon="👤"),
        ],
    }
    # The roll-up appears once the store holds more than one satker.
    if len({satker for satker, _ in get_store().datasets()}) > 1:
        roll_up = st.Page("pages/provinsi_nasional.py", title="Provinsi / Nasional", icon="🗺️")
        sections["Analisis"].insert(0, roll_up)
    # Mode rapat steps through these pages' screens in this order (Pemeriksaan is for the
    # secretariat's desk: the plenary sees its count on Ringkasan). "" is the default page.
    plenary = [
        p for path in ("", "kinerja", "anggaran", "pegawai", "aset") for p in sections["Laporan"] if p.url_path == path
    ]
    # Pages the visitor may not open are not served (a hidden stand-in says so in Indonesian, as
    # for an unknown address); a section left empty is not shown.
    pages = navigation_pages(sections)
    page = st.navigation(pages, expanded=True)  # every page listed: no "View more" past twelve pages
    route([p for p in plenary if any(p is q for q in pages.get("Laporan", []))])

    if may("view"):  # nothing about the data before login when viewing without login is switched off
        report, source = current_report()
        with st.sidebar:
            satker = inert(report.satker or "Satuan kerja", 120)
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


if __name__ == "__main__":
    with one_report_per_run():  # the sidebar and the page share one report fetch
        main()
