"""Dasbor LAKIP entry point (placeholder until the multipage dashboard lands)."""

import streamlit as st

from lakip_core import load_report
from lakip_core.numbers import format_percent, format_rupiah

st.set_page_config(page_title="Dasbor LAKIP", page_icon="📊", layout="wide")
report = load_report(
    ["sample_data/indikator_kinerja_2024.xlsx"],
    budget="sample_data/anggaran_2024.xlsx",
    assets="sample_data/aset_bmn_2024.xlsx",
    staff="sample_data/pegawai_2024.xlsx",
)
st.title(f"Dasbor LAKIP {report.satker or ''} {report.settings.year}")
totals = report.budget_totals
col1, col2 = st.columns(2)
col1.metric("Capaian kinerja rata-rata", format_percent(report.office.mean_pct))
if totals is not None:
    col2.metric("Penyerapan anggaran", format_percent(totals.absorption_pct), format_rupiah(totals.realized))
