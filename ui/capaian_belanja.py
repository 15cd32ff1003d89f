"""The capaian-against-spending section (Anggaran page): per kegiatan, capaian beside penyerapan.

Not a page. Data text goes through ``inert()`` or ``st.dataframe``; the chart escapes its own.
"""

from __future__ import annotations

from functools import partial

import plotly.graph_objects as go
import streamlit as st

from lakip_core import Report
from lakip_core.analysis.capaian_budget import flagged as contradictions
from lakip_core.analysis.capaian_budget import office_efficiency, summary_line
from lakip_core.presentation.charts import capaian_spending_chart
from lakip_core.presentation.format import format_percent
from lakip_core.presentation.tables import capaian_budget_columns
from ui.common import chart_style, inert, meeting, once, show_figure, show_table

CODES = ("SPENT_WITHOUT_CAPAIAN", "CAPAIAN_WITHOUT_SPENDING", "KEGIATAN_ON_TWO_SASARAN")


def show(report: Report) -> None:
    """Quadrant chart, the contradictions in words, the efficiency figure, the table.

    ``report`` is the shown report (:func:`ui.common.current_report`): what is built from it is
    cached under that report's key."""
    table = report.capaian_budget
    if table.empty:
        return
    settings = report.settings
    if not meeting():  # in the room the chart's own title is the headline: one screen, nothing else
        st.subheader("Capaian kinerja dan penyerapan anggaran per kegiatan")
        st.caption(
            "Sasaran dipasangkan dengan anggaran lewat kode kegiatan di akhir nama sasaran, misalnya (3355). "
            "Capaian = rata-rata indikator sasaran kegiatan itu yang ikut capaian kantor. "
            + inert(once("capaian-belanja/ringkasan", partial(summary_line, table)))
        )
    flagged = [f for f in report.findings if f.code in CODES]

    def chart() -> go.Figure:
        spent, achieved = settings.spent_threshold_pct, settings.achieved_threshold_pct
        return capaian_spending_chart(table, spent, achieved, chart_style(), contradictions(table))

    show_figure("capaian-penyerapan", chart)  # built once per data version, settings and mode
    if flagged and not meeting():  # the ⚠ marks on the chart stand for them in the room
        st.warning("\n".join(f"- {inert(f.message, 300)}" for f in flagged), icon="⚠️")
    if meeting():
        return
    efficiency = once("capaian-belanja/efisiensi", partial(office_efficiency, table))
    st.metric(
        "Nilai efisiensi (analisis internal, PMK 214/2017)",
        format_percent(efficiency.score_pct),
        delta=f"E = {format_percent(efficiency.e_pct)} dari {efficiency.kegiatan} kegiatan",
        delta_color="off",
        delta_arrow="off",
        help=(
            "E = Σ(pagu × capaian − realisasi) ÷ Σ(pagu × capaian); nilai efisiensi = 50% + (E ÷ 20%) × 50%. "
            "Angka pembantu, bukan penilaian resmi: lebih dari 50% berarti belanja lebih kecil dari yang "
            "sebanding dengan capaiannya."
        ),
    )
    show_table(
        "capaian-belanja/tabel",
        lambda: capaian_budget_columns(table).screen(),
        "tabel-capaian-penyerapan",
        f"capaian-dan-penyerapan-{settings.year}.csv",
    )
