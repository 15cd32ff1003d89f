"""Ringkasan: the office's headline figures and where to look next."""

import streamlit as st

from lakip_core.charts import objectives_chart
from lakip_core.numbers import format_number, format_percent, format_rupiah, format_rupiah_short
from lakip_core.report import extremes, next_steps
from pages.common import chart_style, inert, meeting, page_header, show_chart

PAGE_FILES = {
    "kinerja": "pages/kinerja.py",
    "anggaran": "pages/anggaran.py",
    "aset": "pages/aset.py",
    "pemeriksaan": "pages/pemeriksaan.py",
}

report = page_header(
    "Ringkasan kinerja",
    "Angka utama laporan kinerja; semua dihitung ulang dari baris data, bukan dari angka jumlah yang tertulis.",
)
office = report.office
budget = report.budget_totals
people = report.staff_summary
assets = report.asset_summary
serious = [f for f in report.findings if f.severity != "info"]

row1 = st.columns(4)
row1[0].metric(
    "Capaian kinerja kantor",
    format_percent(office.mean_pct),
    help=f"Rata-rata {office.with_data} indikator yang memiliki realisasi. Rata-rata per sasaran: "
    f"{format_percent(office.mean_of_objectives_pct)}.",
)
row1[1].metric("Indikator tercapai (≥ 100%)", f"{office.met} dari {office.with_data}")
row1[2].metric("Belum tercapai", format_number(office.not_met))
row1[3].metric(
    "Tanpa realisasi",
    format_number(office.count - office.with_data),
    help="Indikator yang punya target tetapi belum diukur; tidak dihitung sebagai nol.",
)
row2 = st.columns(4)
if budget is not None:
    row2[0].metric(
        "Penyerapan anggaran",
        format_percent(budget.absorption_pct),
        help=f"Realisasi {format_rupiah(budget.realized)} dari pagu {format_rupiah(budget.allocation)}.",
    )
    row2[1].metric("Sisa anggaran", format_rupiah_short(budget.remaining), help=format_rupiah(budget.remaining))
if people is not None:
    roles = " · ".join(f"{n} {r}" for r, n in people.by_role.items())
    row2[2].metric("Pegawai", format_number(people.count), help=roles)
row2[3].metric(
    "Temuan pemeriksaan",
    format_number(len(serious)),
    help=f"Galat dan peringatan; ditambah {len(report.findings) - len(serious)} informasi.",
)
if meeting():
    st.caption(f"Kategori kantor: **{office.category}** · Aset: {format_number(assets.units if assets else 0)} unit")

main_objectives = report.objectives[report.objectives["with_data"] > 0]
show_chart(objectives_chart(main_objectives, office.mean_pct, office.category, chart_style()), "ringkasan-sasaran")
unmeasured = len(report.objectives) - len(main_objectives)
if unmeasured:
    st.caption(f"{unmeasured} sasaran lain (Perjanjian Kinerja) belum memiliki realisasi; lihat halaman Kinerja.")

if not meeting():
    weakest, strongest = extremes(report)
    left, right = st.columns(2)
    for column, title, rows in ((left, "Capaian terendah", weakest), (right, "Capaian tertinggi", strongest)):
        with column:
            st.subheader(title)
            for _, row in rows.iterrows():
                st.markdown(
                    f"- **{format_percent(row['achievement_pct'])}** — {inert(row['label'])}  \n"
                    f"  :gray[{inert(row['objective'])}]"
                )

st.subheader("Yang perlu dilihat berikutnya")
for step in next_steps(report):
    st.page_link(PAGE_FILES[step.page], label=inert(step.text), icon=step.icon)
