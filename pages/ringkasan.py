"""Ringkasan: the office's headline figures, what its category means, and where to look next."""

import html

import streamlit as st

from lakip_core.analysis.report import extremes
from lakip_core.presentation.charts import CATEGORY_COLORS, objectives_chart
from lakip_core.presentation.format import format_number, format_percent, format_rupiah, format_rupiah_short
from lakip_core.presentation.overview import achievement_next, achievement_reasons, next_steps
from lakip_core.schema import ObjectiveCol
from ui.common import chart_style, inert, meeting, metric_grid, page_header, scale_strip, show_chart
from ui.meeting import Screen, show

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


def headline_figures() -> None:
    office_help = (
        f"Rata-rata {office.with_data} indikator yang memiliki realisasi. "
        f"Rata-rata per sasaran: {format_percent(office.mean_of_objectives_pct)}."
    )
    color = CATEGORY_COLORS.get(office.category)
    headline = [("Capaian kinerja kantor", format_percent(office.mean_pct), office_help, office.category, color)]
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
    # What the category means: the scale with its colours and thresholds, why, and what next.
    if office.mean_pct is not None:
        scale_strip(report.settings.scale, office.mean_pct, office.category)
    for line in (achievement_reasons(report), achievement_next(report)):
        if line:
            st.html(f"<div class='rapat-baris'>{html.escape(line)}</div>")


def by_objective() -> None:
    main_objectives = report.objectives[report.objectives[ObjectiveCol.WITH_DATA] > 0]
    chart = objectives_chart(main_objectives, office.mean_pct, office.category, chart_style())
    show_chart(chart, "ringkasan-sasaran")
    unmeasured = len(report.objectives) - len(main_objectives)
    if unmeasured and not meeting():
        st.caption(f"{unmeasured} sasaran lain (Perjanjian Kinerja) belum memiliki realisasi; lihat halaman Kinerja.")


def weakest_and_strongest() -> None:
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


def next_pages() -> None:
    st.subheader("Yang perlu dilihat berikutnya")
    for step in next_steps(report):
        st.page_link(PAGE_FILES[step.page], label=inert(step.text), icon=step.icon)


screens = [Screen("Angka utama", headline_figures), Screen("Capaian per sasaran", by_objective)]
if not meeting():
    screens.append(Screen("Terendah dan tertinggi", weakest_and_strongest))
screens.append(Screen("Yang perlu dilihat", next_pages))
show(screens)
