"""Ekspor: the report's tables as Excel and Word (with charts), every table as CSV, every chart as PNG."""

import streamlit as st

from lakip_core.analysis import assets as asset_core
from lakip_core.presentation.export import csv_bytes
from lakip_core.presentation.export_docx import DOCX_MIME, to_docx
from lakip_core.presentation.export_images import CHART_LABELS, figure_png, report_charts
from lakip_core.presentation.export_xlsx import XLSX_MIME, report_xlsx
from lakip_core.presentation.tables import asset_table, budget_table, findings_table, indicator_table, objective_table
from ui.common import page_header

report = page_header(
    "Ekspor",
    "Tabel laporan dengan angka cara Indonesia, siap disalin ke LAKIP. Isi sel yang diawali =, +, -, @ selalu "
    "ditulis sebagai teks, tidak pernah sebagai rumus.",
)
year = report.settings.year
if report.indicators is None and report.budget is None:
    st.info("Belum ada data indikator atau anggaran untuk diekspor. Unggah data terlebih dahulu.")
    st.stop()

st.subheader("Dokumen laporan")
left, right = st.columns(2)
with left:
    st.download_button(
        "📊 Unduh Excel (.xlsx)",
        report_xlsx(report),
        file_name=f"lakip-tabel-{year}.xlsx",
        mime=XLSX_MIME,
        use_container_width=True,
    )
    st.caption("Satu lembar per tabel: ringkasan, capaian per indikator dan per sasaran, anggaran, temuan.")
with right:
    st.download_button(
        "📄 Unduh Word (.docx)",
        lambda: to_docx(report),  # charts are drawn only when the button is clicked (a few seconds)
        file_name=f"lakip-bab-iii-{year}.docx",
        mime=DOCX_MIME,
        use_container_width=True,
    )
    st.caption(
        "Urutan Bab III: A. Capaian Kinerja Organisasi, B. Realisasi Anggaran, lampiran temuan. Grafik digambar "
        "di server; bila tidak bisa, dokumen berisi tabel saja dengan catatan."
    )

st.subheader("Tabel (CSV)")
tables = []
if len(report.indicator_frame):
    tables += [
        ("Capaian per indikator", indicator_table(report.indicator_frame), "capaian-indikator"),
        ("Capaian per sasaran", objective_table(report.objectives), "capaian-sasaran"),
    ]
if len(report.budget_lines):
    tables.append(("Anggaran per kegiatan", budget_table(report.budget_lines), "anggaran-per-kegiatan"))
if report.assets is not None:
    tables.append(("Aset perlu perhatian", asset_table(asset_core.attention_list(report.assets)), "aset-perhatian"))
if report.findings:
    tables.append(("Temuan pemeriksaan", findings_table(report.findings), "temuan-pemeriksaan"))
cols = st.columns(3)
for number, (label, table, slug) in enumerate(tables):
    cols[number % 3].download_button(
        f"{label} ({len(table)} baris)",
        csv_bytes(table),
        file_name=f"{slug}-{year}.csv",
        mime="text/csv",
        use_container_width=True,
    )

st.subheader("Grafik (PNG)")
st.caption("Setiap grafik di dasbor juga dapat diunduh lewat ikon kamera di pojok kanan atasnya.")
charts = report_charts(report)
cols = st.columns(2)
for number, (slug, figure) in enumerate(charts.items()):
    cols[number % 2].download_button(
        f"🖼️ {CHART_LABELS.get(slug, slug)}",
        lambda figure=figure: figure_png(figure) or b"",
        file_name=f"{slug}-{year}.png",
        mime="image/png",
        use_container_width=True,
    )
