"""Anggaran: pagu vs realisasi per kegiatan, absorption, the code hierarchy and jenis belanja."""

import streamlit as st

from lakip_core.analysis import budget as budget_core
from lakip_core.presentation.charts import absorption_chart, budget_chart, budget_treemap, jenis_belanja_chart
from lakip_core.presentation.format import format_percent, format_rupiah, format_rupiah_short
from lakip_core.presentation.tables import budget_table
from ui.common import chart_style, inert, meeting, metric_grid, page_header, show_chart, table_with_download

report = page_header(
    "Anggaran",
    "Penyerapan = realisasi ÷ pagu × 100. Jumlah dihitung dari baris rincian; baris JUMLAH yang tertulis "
    "hanya dibandingkan (lihat Pemeriksaan).",
)
totals = report.budget_totals
if report.budget is None or totals is None or report.budget_lines.empty:
    st.info("Belum ada data anggaran. Unggah ekspor SAKTI atau tabel pagu dan realisasi per kegiatan.")
    st.stop()

metric_grid(
    [
        ("Penyerapan", format_percent(totals.absorption_pct), None, None),
        ("Pagu", format_rupiah_short(totals.allocation), format_rupiah(totals.allocation), None),
        ("Realisasi", format_rupiah_short(totals.realized), format_rupiah(totals.realized), None),
        ("Sisa anggaran", format_rupiah_short(totals.remaining), format_rupiah(totals.remaining), None),
    ]
)
st.markdown(
    f"Realisasi **{format_rupiah(totals.realized)}** dari pagu **{format_rupiah(totals.allocation)}** "
    f"(penyerapan **{format_percent(totals.absorption_pct)}**), sisa **{format_rupiah(totals.remaining)}**."
)
mismatches = [f for f in report.findings if f.dataset == "budget" and f.code == "TOTAL_MISMATCH"]
if mismatches:
    st.warning(
        "Baris Jumlah pada berkas tidak sama dengan rinciannya; dasbor memakai jumlah rincian. "
        + " ".join(inert(f.message, 1000) for f in mismatches)
    )

style = chart_style()
lines = report.budget_lines
show_chart(budget_chart(lines, totals.absorption_pct, totals.remaining, style), "anggaran-kegiatan")
show_chart(absorption_chart(lines, totals.absorption_pct, style), "anggaran-penyerapan")
if budget_core.has_hierarchy(report.budget):
    show_chart(budget_treemap(report.budget.frame, style), "anggaran-struktur")
jenis = budget_core.by_jenis_belanja(report.budget)
if not jenis.empty:
    show_chart(jenis_belanja_chart(jenis, style), "anggaran-jenis-belanja")

if not meeting():
    st.subheader("Tabel anggaran per kegiatan")
    table = budget_table(lines)
    table_with_download(table, "tabel-anggaran", f"anggaran-per-kegiatan-{report.settings.year}.csv")
