"""Ekspor: the report's tables as Excel and Word (with charts), every table as CSV, every chart as PNG."""

import streamlit as st

from lakip_core.analysis import assets as asset_core
from lakip_core.presentation.export import csv_bytes
from lakip_core.presentation.export_docx import DOCX_MIME, PAPERS, to_docx
from lakip_core.presentation.export_images import CHART_LABELS, figure_png, report_charts
from lakip_core.presentation.export_xlsx import XLSX_MIME, report_xlsx
from lakip_core.presentation.tables import asset_table, budget_table, findings_table, indicator_table, objective_table
from ui import simulasi_state
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
options = st.columns(2)
paper = options[0].radio(
    "Ukuran kertas Word",
    list(PAPERS.values()),
    format_func=lambda p: p.label,
    horizontal=True,
    key="ekspor-kertas",
    help="A4 bawaan; F4 (folio) untuk naskah dinas yang memakainya.",
)
scenarios = simulasi_state.all_scenarios(report.satker or "", year)
chosen = options[1].selectbox(
    "Sertakan skenario Simulasi",
    [None, *scenarios],
    format_func=lambda name: "Tanpa simulasi (data tersimpan saja)" if name is None else name,
    key="ekspor-skenario",
    help="Angka skenario tampil di kolom dan tabel berjudul 'Simulasi: <nama>' di samping data tersimpan, "
    "tidak pernah menggantikannya.",
    disabled=not scenarios,
)
scenario = scenarios.get(chosen) if chosen else None
left, right = st.columns(2)
with left:
    st.download_button(
        "📊 Unduh Excel (.xlsx)",
        lambda: report_xlsx(report, scenario),
        file_name=f"lakip-tabel-{year}.xlsx",
        mime=XLSX_MIME,
        use_container_width=True,
    )
    st.caption(
        "Satu lembar per tabel: ringkasan, capaian per indikator dan per sasaran, anggaran, temuan"
        + (" dan lembar perbandingan skenario." if scenario else ".")
    )
with right:
    st.download_button(
        "📄 Unduh Word (.docx)",
        lambda: to_docx(report, paper=paper, scenario=scenario),  # charts are drawn only on click (a few seconds)
        file_name=f"lakip-bab-iii-{year}-{paper.name}.docx",
        mime=DOCX_MIME,
        use_container_width=True,
    )
    st.caption(
        "Urutan Bab III: A. Capaian Kinerja Organisasi (pengukuran dan analisis per sasaran), B. Realisasi "
        "Anggaran, lampiran temuan. Tabel 3.1 … dan Gambar 3.1 … bernomor sebagai keterangan Word. Grafik "
        "digambar di server; bila tidak bisa, dokumen berisi tabel saja dengan catatan."
    )
if not scenarios:
    st.caption("Belum ada skenario tersimpan: simpan skenario di halaman Simulasi untuk menyertakannya.")

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
