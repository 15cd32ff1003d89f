"""The budget through the year (Anggaran page, "Sepanjang tahun"): the stored months of the
satker-year against the IKPA quarterly targets, the projection, and the RPD deviation.

Not a page: a self-contained block (:func:`show`), so mode rapat can make it its own screen.
Every month is read back from its stored version once per server (versions never change).
Data text (file names) goes through ``inert()``; the charts escape their own.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lakip_core import Report
from lakip_core.analysis import plan as plan_mod
from lakip_core.analysis.budget_year import (
    PLAN_DEVIATION_FULL_MARKS_PCT,
    PROJECTION_METHOD,
    STATUS_LABELS,
    BudgetYear,
    Line,
    MonthBudget,
    Quarter,
    budget_year,
    month_name,
)
from lakip_core.presentation.charts_budget import budget_year_chart, plan_deviation_chart
from lakip_core.presentation.format import format_percent, format_rupiah
from lakip_core.store.months import month_of_version
from ui.access import get_store
from ui.common import chart_style, chosen_dataset, inert, meeting, metric_grid, show_chart, table_with_download

TITLE = "Sepanjang tahun"
HOW_TO_ADD = (
    "Unggah laporan SAKTI **GLP039** (Laporan Ketersediaan Dana Detail) setiap bulan di halaman **Unggah Data**. "
    "Bulannya dibaca dari judul berkas (misalnya “Periode Oktober 2025”); setiap bulan disimpan sebagai riwayat "
    "dan bulan terakhir menjadi data yang berlaku."
)
PLAN_HOW_TO = (
    "Unggah rencana penarikan dana (ekspor SAKTI **RPD DIPA Petikan** atau halaman III DIPA) di halaman "
    "**Unggah Data** untuk melihat deviasi realisasi terhadap rencana."
)
ICONS = {"met": "✅", "missed": "❌", "missing": "❔", "pending": "⏳"}


@st.cache_data(show_spinner="Membaca bulan-bulan tersimpan…", max_entries=512)
def _month(url: str, version_id: int, month: int) -> MonthBudget:
    """One stored month, read once per server (``url`` keys the cache to the database)."""
    store = get_store()
    return month_of_version(store, store.version(version_id), month)


def stored_year(report: Report) -> tuple[BudgetYear | None, str]:
    """The year of the chosen stored satker-year and, when there is nothing to draw, why (in Indonesian)."""
    chosen = chosen_dataset()
    if chosen is None:
        return None, (
            "Data contoh hanya berisi satu tabel anggaran akhir tahun, bukan laporan bulanan, sehingga riwayat "
            "penyerapan per bulan belum ada. " + HOW_TO_ADD
        )
    store = get_store()
    history = store.budget_history(*chosen)
    if not history:
        return (
            None,
            "Anggaran yang tersimpan tidak menyebut bulannya, sehingga riwayat per bulan belum ada. " + HOW_TO_ADD,
        )
    months = [_month(store.url, info.id, month) for month, info in history]
    counted = report.plan is not None and not report.plan.counted.empty
    plan = plan_mod.monthly(report.plan) if counted and report.plan is not None else None
    return budget_year(months, report.settings, plan), ""


def _quarter_tile(quarter: Quarter) -> tuple[str, str, str | None, str | None]:
    label = f"{quarter.name} · {month_name(quarter.month)}"
    target = f"target {format_percent(quarter.target_pct)}"
    if quarter.status in ("met", "missed"):
        word = "tercapai" if quarter.status == "met" else "di bawah target"
        return label, f"{ICONS[quarter.status]} {format_percent(quarter.actual_pct)}", None, f"{word} ({target})"
    if quarter.status == "missing":
        why = f"Laporan {month_name(quarter.month)} tidak tersimpan: triwulan ini tidak dinilai (tidak ditebak)."
        return label, f"{ICONS['missing']} tidak dinilai", why, f"{month_name(quarter.month)} tidak tersimpan"
    return label, f"{ICONS['pending']} belum", None, target


def _cell(quarter: Quarter) -> str:
    if quarter.status in ("met", "missed"):
        sign = "≥" if quarter.status == "met" else "<"
        target = format_percent(quarter.target_pct, 0)
        return f"{ICONS[quarter.status]} {format_percent(quarter.actual_pct)} ({sign} {target})"
    return f"{ICONS[quarter.status]} {STATUS_LABELS[quarter.status]}"


def _table(year: BudgetYear) -> pd.DataFrame:
    rows = []
    for line in year.lines:
        row: dict[str, str] = {"Jenis belanja": line.label}
        for quarter in line.quarters:
            row[f"TW {('I', 'II', 'III', 'IV')[quarter.quarter - 1]}"] = _cell(quarter)
        row["Terakhir"] = f"{format_percent(line.latest_pct)} ({month_name(year.months[-1])})"
        row["Proyeksi Desember"] = format_percent(line.projection.pct) if line.projection else "-"
        rows.append(row)
    return pd.DataFrame(rows)


def _pagu_changes(lines: tuple[Line, ...]) -> list[str]:
    return [
        f"{inert(line.label)}: {month_name(c.previous_month)} {format_rupiah(c.before)} → {month_name(c.month)} "
        f"{format_rupiah(c.after)}"
        for line in lines
        for c in line.pagu_changes
    ]


def show(report: Report) -> None:
    """The section: quarter verdicts, the chart, the projection's method, pagu changes, the RPD."""
    st.subheader(f"📅 {TITLE}")
    year, why = stored_year(report)
    if year is None:
        st.info(why, icon="📅")
        return
    if len(year.months) == 1:
        st.info(
            f"Baru satu bulan tersimpan ({month_name(year.months[0])} {year.year}). {HOW_TO_ADD} Dengan dua bulan "
            "atau lebih tampil garis per bulan dan proyeksi akhir tahun.",
            icon="📅",
        )
    total = year.total
    if total.targets is None:
        st.warning("Target IKPA tidak dapat dihitung: berkas anggaran tidak memuat kode akun (jenis belanja).")
    else:
        metric_grid([_quarter_tile(q) for q in total.quarters])
    show_chart(budget_year_chart(year, chart_style()), "anggaran-sepanjang-tahun")
    changes = _pagu_changes(year.lines)
    if not meeting():
        notes = [
            "Penyerapan tiap bulan = realisasi s.d. bulan itu ÷ pagu bulan itu. Target IKPA per jenis belanja "
            "(pengaturan tahun ini); target total = target jenis belanja ditimbang pagunya.",
            PROJECTION_METHOD
            + (f" Rata-rata dihitung dari {total.projection.window_text}." if total.projection else ""),
        ]
        st.caption(" ".join(notes))
        table_with_download(_table(year), "tabel-sepanjang-tahun", f"penyerapan-per-triwulan-{year.year}.csv")
        sources = ", ".join(f"{month_name(m)}: {inert(s)}" for m, s in zip(year.months, year.sources, strict=True))
        st.caption(f"Bulan tersimpan — {sources}")
    if changes:
        st.info(
            "Pagu berubah (revisi DIPA) — penyerapan tiap bulan dihitung dari pagu bulan itu:\n\n- "
            + "\n- ".join(changes)
        )
    if year.plan is None:
        if not meeting():
            st.caption(PLAN_HOW_TO.replace("**", ""))
        return
    show_chart(plan_deviation_chart(year.plan, chart_style()), "anggaran-deviasi-rpd")
    if not meeting():
        st.caption(
            f"IKPA menilai deviasi halaman III DIPA per bulan; nilai penuh bila deviasi ≤ "
            f"{format_percent(PLAN_DEVIATION_FULL_MARKS_PCT, 0)}. Rencana setahun "
            f"{format_rupiah(year.plan.plan_total)}."
        )
