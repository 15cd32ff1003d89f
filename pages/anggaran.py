"""Anggaran: absorption per kegiatan (the chart that speaks), rupiah in a table, jenis belanja."""

from functools import partial

import streamlit as st

from lakip_core.analysis import budget as budget_core
from lakip_core.presentation.charts import absorption_chart, budget_treemap, jenis_belanja_chart
from lakip_core.presentation.format import format_percent, format_rupiah, format_rupiah_short
from lakip_core.presentation.tables import budget_table
from lakip_core.schema import BudgetCol
from ui import anggaran_tahun, capaian_belanja
from ui.common import big_table, chart_style, inert, meeting, metric_grid, once, page_header, show_figure, show_table
from ui.meeting import Screen, empty, show

report = page_header(
    "Anggaran",
    "Penyerapan = realisasi ÷ pagu × 100. Jumlah dihitung dari baris rincian; baris JUMLAH yang tertulis "
    "hanya dibandingkan (lihat Pemeriksaan).",
)
totals = report.budget_totals
if report.budget is None or totals is None or report.budget_lines.empty:
    empty("Belum ada data anggaran. Unggah ekspor SAKTI atau tabel pagu dan realisasi per kegiatan.")

style = chart_style()
lines = report.budget_lines
mismatches = [f for f in report.findings if f.dataset == "budget" and f.code == "TOTAL_MISMATCH"]
# A file with pagu only (ADK) has no realisasi: that is not an absorption of 0%.
recorded = totals.realized is not None


def figures() -> None:
    absorbed = format_percent(totals.absorption_pct) if recorded else "belum ada"
    metric_grid(
        [
            ("Penyerapan", absorbed, None if recorded else "Berkas ini hanya memuat pagu; belum ada realisasi.", None),
            ("Pagu", format_rupiah_short(totals.allocation), format_rupiah(totals.allocation), None),
            ("Realisasi", format_rupiah_short(totals.realized), format_rupiah(totals.realized), None),
            ("Sisa anggaran", format_rupiah_short(totals.remaining), format_rupiah(totals.remaining), None),
        ]
    )
    st.markdown(
        f"Realisasi **{format_rupiah(totals.realized)}** dari pagu **{format_rupiah(totals.allocation)}** "
        f"(penyerapan **{format_percent(totals.absorption_pct)}**), sisa **{format_rupiah(totals.remaining)}**."
        if recorded
        else f"Pagu **{format_rupiah(totals.allocation)}**; berkas ini belum memuat realisasi, jadi penyerapan belum "
        "ada (bukan 0%)."
    )
    if totals.unfunded_rows:
        st.warning(
            f"Realisasi {format_rupiah(totals.unfunded_realized)} pada {totals.unfunded_rows} baris berpagu kosong "
            "atau 0 termasuk dalam realisasi, tetapi tidak dalam penyerapan dan sisa: baris itu ditampilkan sebagai "
            "“pagu kosong” (lihat Pemeriksaan)."
        )
    if mismatches and meeting():  # the details are the secretariat's; the room gets one line
        st.caption(
            "Baris Jumlah pada berkas berbeda dari rinciannya; dasbor memakai jumlah rincian (lihat Pemeriksaan)."
        )
    elif mismatches:
        st.warning(
            "Baris Jumlah pada berkas tidak sama dengan rinciannya; dasbor memakai jumlah rincian. "
            + " ".join(inert(f.message, 1000) for f in mismatches)
        )


# Figures and tables are built once per data version, settings and mode (ui.common.once).


def absorption() -> None:
    show_figure("anggaran-penyerapan", partial(absorption_chart, lines, totals.absorption_pct, style))


def rupiah() -> None:
    """Rupiah per kegiatan: a table, where one large kegiatan cannot dwarf the others into slivers."""
    if meeting():
        remaining = format_rupiah_short(totals.remaining) if recorded else "belum ada realisasi"
        st.subheader(f"Rupiah per kegiatan: sisa {remaining}")
        rows = [
            (
                name or code,
                format_rupiah_short(a),
                format_rupiah_short(r),
                format_rupiah_short(a - r) if r == r else "-",  # no realisasi (NaN): no sisa
            )
            for code, name, a, r in zip(
                lines[BudgetCol.CODE],
                lines[BudgetCol.NAME],
                lines[BudgetCol.ALLOCATION],
                lines[BudgetCol.REALIZED],
                strict=True,
            )
        ]
        big_table(["Kegiatan", "Pagu", "Realisasi", "Sisa"], rows)
    else:
        st.subheader("Tabel anggaran per kegiatan")
        filename = f"anggaran-per-kegiatan-{report.settings.year}.csv"
        show_table("anggaran/kegiatan", partial(budget_table, lines), "tabel-anggaran", filename)


screens = [Screen("Angka utama", figures)]
if recorded:
    screens.append(Screen("Penyerapan per kegiatan", absorption))
jenis = once("anggaran/jenis", partial(budget_core.by_jenis_belanja, report.budget))
if not jenis.empty:
    chart = partial(jenis_belanja_chart, jenis, style)
    screens.append(Screen("Jenis belanja", partial(show_figure, "anggaran-jenis", chart)))
screens += anggaran_tahun.screens(report)  # the stored months of the year against the IKPA targets
if not meeting() and once("anggaran/hierarki", partial(budget_core.has_hierarchy, report.budget)):
    # (not in the room: a treemap's text shrinks below what a room reads)
    treemap = partial(budget_treemap, report.budget.frame, style)
    screens.append(Screen("Struktur", partial(show_figure, "anggaran-struktur", treemap)))
if not report.capaian_budget.empty:
    screens.append(Screen("Capaian dan penyerapan", lambda: capaian_belanja.show(report)))
screens.append(Screen("Rupiah per kegiatan", rupiah))
show(screens)
