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

used = ", ".join(office.documents) or "-"
office_help = (
    f"Rata-rata {office.with_data} indikator yang memiliki realisasi di {used}; baris kelompok dan "
    f"sub-butirnya dihitung sekali. Rata-rata per sasaran: {format_percent(office.mean_of_objectives_pct)}."
)
headline = [("Capaian kinerja kantor", format_percent(office.mean_pct), office_help, office.category)]
if budget is not None:
    budget_help = f"Realisasi {format_rupiah(budget.realized)} dari pagu {format_rupiah(budget.allocation)}."
    remaining = f"sisa {format_rupiah_short(budget.remaining)}"
    absorbed = format_percent(budget.absorption_pct)
    if budget.realized is None:  # a file with pagu only (ADK): no realisasi is not 0%
        absorbed, remaining = "belum ada", f"pagu {format_rupiah_short(budget.allocation)}"
        budget_help = f"Pagu {format_rupiah(budget.allocation)}; berkas ini belum memuat realisasi."
    headline.append(("Penyerapan anggaran", absorbed, budget_help, remaining))
headline.append(
    (
        "Indikator tercapai (≥ 100%)",
        f"{office.met} dari {office.with_data}",
        f"Indikator {used} dengan realisasi.",
        None,
    )
)
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
        good_help = (
            f"Kondisi baik {format_percent(assets.good_pct)}: {format_number(assets.by_condition.get('Baik', 0))} "
            f"dari {format_number(known)} unit yang tercatat kondisinya; {format_number(assets.units)} unit seluruhnya."
        )
        good = f"baik {format_number(assets.by_condition.get('Baik', 0))} dari {format_number(known)} tercatat"
        headline.append(("Aset", f"{format_number(assets.units)} unit", good_help, good))
metric_grid(headline)
if not meeting() and len(report.documents) > 1:
    parts = []
    for document in report.documents:
        if document.in_office_mean:
            parts.append(f"{document.document}: {document.count} indikator dihitung untuk capaian kantor")
        elif document.with_data:
            parts.append(f"{document.document}: {document.lines} baris, ditampilkan terpisah")
        else:
            parts.append(f"{document.document}: {document.lines} target belum diukur")
    st.caption("Indikator per dokumen (tidak dijumlahkan): " + inert(" · ".join(parts)) + ".")

objectives = report.objectives
office_rows = objectives[ObjectiveCol.DOCUMENT].isin(office.documents)
main_objectives = objectives[office_rows & (objectives[ObjectiveCol.WITH_DATA] > 0)]
show_chart(objectives_chart(main_objectives, office.mean_pct, office.category, chart_style()), "ringkasan-sasaran")
unmeasured = int((office_rows & (objectives[ObjectiveCol.WITH_DATA] == 0)).sum())
if unmeasured:
    st.caption(f"{unmeasured} sasaran lain belum memiliki realisasi; lihat halaman Kinerja.")

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
