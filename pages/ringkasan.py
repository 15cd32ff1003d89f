"""Ringkasan: the office's headline figures and where to look next."""

import streamlit as st

from lakip_core.analysis.report import extremes
from lakip_core.presentation.charts import objectives_chart
from lakip_core.presentation.format import format_number, format_percent, format_rupiah, format_rupiah_short
from lakip_core.presentation.overview import next_steps
from lakip_core.schema import ObjectiveCol
from ui.common import chart_style, inert, meeting, metric_grid, page_header, show_chart

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

office_help = (
    f"Rata-rata {office.with_data} indikator yang memiliki realisasi. "
    f"Rata-rata per sasaran: {format_percent(office.mean_of_objectives_pct)}."
)
headline = [("Capaian kinerja kantor", format_percent(office.mean_pct), office_help, office.category)]
if budget is not None:
    budget_help = f"Realisasi {format_rupiah(budget.realized)} dari pagu {format_rupiah(budget.allocation)}."
    remaining = f"sisa {format_rupiah_short(budget.remaining)}"
    headline.append(("Penyerapan anggaran", format_percent(budget.absorption_pct), budget_help, remaining))
headline.append(("Indikator tercapai (≥ 100%)", f"{office.met} dari {office.with_data}", None, None))
findings_help = f"Galat dan peringatan; ditambah {len(report.findings) - len(serious)} informasi."
headline.append(("Temuan pemeriksaan", format_number(len(serious)), findings_help, None))
if not meeting():
    headline.append(("Belum tercapai", format_number(office.not_met), None, None))
    no_data_help = "Indikator yang punya target tetapi belum diukur; tidak dihitung sebagai nol."
    headline.append(("Tanpa realisasi", format_number(office.count - office.with_data), no_data_help, None))
    if people is not None:
        roles = " · ".join(f"{n} {r}" for r, n in people.by_role.items())
        headline.append(("Pegawai", format_number(people.count), None, roles))
    if assets is not None:
        headline.append(
            ("Aset", f"{format_number(assets.units)} unit", None, f"baik {format_percent(assets.good_pct)}")
        )
metric_grid(headline)

main_objectives = report.objectives[report.objectives[ObjectiveCol.WITH_DATA] > 0]
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
                    f"- **{format_percent(row['achievement_pct'])}** — {inert(row['label'], 300)}  \n"
                    f"  :gray[{inert(row['objective'], 300)}]"
                )

st.subheader("Yang perlu dilihat berikutnya")
for step in next_steps(report):
    st.page_link(PAGE_FILES[step.page], label=inert(step.text, 400), icon=step.icon)
