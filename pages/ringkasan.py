"""Ringkasan: the office's headline figures, what its category means, and where to look next."""

from functools import partial

import streamlit as st

from lakip_core.analysis.report import extremes
from lakip_core.presentation.charts import CATEGORY_COLORS, objectives_chart
from lakip_core.presentation.escape import html_text
from lakip_core.presentation.format import format_number, format_percent, format_rupiah, format_rupiah_short
from lakip_core.presentation.overview import achievement_next, achievement_reasons, next_steps
from lakip_core.schema import ObjectiveCol
from ui.common import chart_style, inert, meeting, metric_grid, once, page_header, scale_strip, show_figure
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
    used = ", ".join(office.documents) or "-"
    office_help = (
        f"Rata-rata {office.with_data} indikator yang memiliki realisasi di {used}; baris kelompok dan "
        f"sub-butirnya dihitung sekali. Rata-rata per sasaran: {format_percent(office.mean_of_objectives_pct)}."
    )
    color = CATEGORY_COLORS.get(office.category)
    headline = [("Capaian kinerja kantor", format_percent(office.mean_pct), office_help, office.category, color)]
    if budget is not None:
        budget_help = f"Realisasi {format_rupiah(budget.realized)} dari pagu {format_rupiah(budget.allocation)}."
        remaining = f"sisa {format_rupiah_short(budget.remaining)}"
        absorbed = format_percent(budget.absorption_pct)
        if budget.realized is None:  # a file with pagu only (ADK): no realisasi is not 0%
            absorbed, remaining = "belum ada", f"pagu {format_rupiah_short(budget.allocation)}"
            budget_help = f"Pagu {format_rupiah(budget.allocation)}; berkas ini belum memuat realisasi."
        headline.append(("Penyerapan anggaran", absorbed, budget_help, remaining))
    met_help = f"Indikator {used} dengan realisasi."
    headline.append(("Indikator tercapai (≥ 100%)", f"{office.met} dari {office.with_data}", met_help, None))
    findings_help = f"Galat dan peringatan; ditambah {len(report.findings) - len(serious)} informasi."
    headline.append(("Temuan pemeriksaan", format_number(len(serious)), findings_help, None))
    if not meeting():
        headline.append(("Belum tercapai", format_number(office.not_met), f"Indikator {used} di bawah 100%.", None))
        if people is not None:
            staff = " · ".join(f"{r.count} {r.role}" for r in people.roles if r.role != "Komisioner")
            staff_help = "Pegawai sekretariat: ASN dan PPNPN. Komisioner (anggota KPU) dihitung terpisah."
            headline.append(("Pegawai sekretariat", format_number(people.secretariat), staff_help, staff))
            board = next((r for r in people.roles if r.role == "Komisioner"), None)
            if board is not None:
                women = f"{board.women} perempuan dari {board.gender_known}"
                headline.append(
                    ("Komisioner", format_number(board.count), "Anggota KPU; bukan pegawai sekretariat.", women)
                )
        if assets is not None:
            known = assets.units - assets.unknown_condition
            good_units = format_number(assets.by_condition.get("Baik", 0))
            good_help = (
                f"Kondisi baik {format_percent(assets.good_pct)}: {good_units} dari {format_number(known)} unit yang "
                f"tercatat kondisinya; {format_number(assets.units)} unit seluruhnya."
            )
            good = f"baik {good_units} dari {format_number(known)} tercatat"
            headline.append(("Aset", f"{format_number(assets.units)} unit", good_help, good))
    metric_grid(headline)
    # What the category means: the scale with its colours and thresholds, why, and what next.
    if office.mean_pct is not None:
        scale_strip(report.settings.scale, office.mean_pct, office.category)
    for line in once("ringkasan/alasan", lambda: (achievement_reasons(report), achievement_next(report))):
        if line:
            st.html(f"<div class='rapat-baris'>{html_text(line)}</div>")
    if not meeting() and len(report.documents) > 1:
        documents = []
        for document in report.documents:
            if document.in_office_mean:
                documents.append(f"{document.document}: {document.count} indikator dihitung untuk capaian kantor")
            elif document.with_data:
                documents.append(f"{document.document}: {document.lines} baris, ditampilkan terpisah")
            else:
                documents.append(f"{document.document}: {document.lines} target belum diukur")
        st.caption("Indikator per dokumen (tidak dijumlahkan): " + inert(" · ".join(documents)) + ".")


def by_objective() -> None:
    objectives = report.objectives
    office_rows = objectives[ObjectiveCol.DOCUMENT].isin(office.documents)
    main_objectives = objectives[office_rows & (objectives[ObjectiveCol.WITH_DATA] > 0)]
    build = partial(objectives_chart, main_objectives, office.mean_pct, office.category, chart_style())
    show_figure("ringkasan-sasaran", build)  # built once per data version, settings and mode
    unmeasured = int((office_rows & (objectives[ObjectiveCol.WITH_DATA] == 0)).sum())
    if unmeasured and not meeting():
        st.caption(f"{unmeasured} sasaran lain belum memiliki realisasi; lihat halaman Kinerja.")


def weakest_and_strongest() -> None:
    weakest, strongest = once("ringkasan/ekstrem", partial(extremes, report))
    left, right = st.columns(2)
    for column, title, rows in ((left, "Capaian terendah", weakest), (right, "Capaian tertinggi", strongest)):
        with column:
            st.subheader(title)
            for _, row in rows.iterrows():
                st.markdown(
                    f"- **{format_percent(row['achievement_pct'])}** — {inert(row['label'], 300)}  \n"
                    f"  :gray[{inert(row['objective'], 300)}]"
                )


def next_pages() -> None:
    st.subheader("Yang perlu dilihat berikutnya")
    for step in once("ringkasan/langkah", partial(next_steps, report)):
        st.page_link(PAGE_FILES[step.page], label=inert(step.text, 400), icon=step.icon)


screens = [Screen("Angka utama", headline_figures), Screen("Capaian per sasaran", by_objective)]
if not meeting():
    screens.append(Screen("Terendah dan tertinggi", weakest_and_strongest))
screens.append(Screen("Yang perlu dilihat", next_pages))
show(screens)
