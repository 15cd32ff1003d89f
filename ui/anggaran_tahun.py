"""The budget through the year (Anggaran page, "Sepanjang tahun"): the stored months of the
satker-year against the IKPA quarterly targets, the projection, and the RPD deviation.

Not a page: the Anggaran page adds :func:`screens` to its own (mode rapat steps through them).
Every month is read back from its stored version once per server (versions never change).
Data text (file names) goes through ``inert()``; the charts escape their own.
"""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd
import streamlit as st

from lakip_core import Report
from lakip_core.analysis import plan as plan_mod
from lakip_core.analysis.budget_year import (
    PLAN_DEVIATION_FULL_MARKS_PCT,
    PROJECTION_METHOD,
    STATUS_LABELS,
    TOTAL,
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
from ui.common import (
    Headline,
    chart_style,
    chosen_dataset,
    inert,
    meeting,
    metric_grid,
    once,
    show_figure,
    table_with_download,
)
from ui.meeting import Screen

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
    ids = tuple(info.id for _month_number, info in history)

    def build() -> BudgetYear:
        months = [_month(store.url, info.id, month) for month, info in history]
        counted = report.plan is not None and not report.plan.counted.empty
        plan = plan_mod.monthly(report.plan) if counted and report.plan is not None else None
        return budget_year(months, report.settings, plan)

    # Once per stored months (an earlier month uploaded later changes the history, not the current
    # version the report's key names), settings and plan (in the report's key).
    return once("anggaran/tahun", build, ids), ""


def _quarter_tile(quarter: Quarter) -> Headline:
    label = f"{quarter.name} · {month_name(quarter.month)}"
    target = f"target {format_percent(quarter.target_pct)}"
    if quarter.status in ("met", "missed"):
        word, color = ("tercapai", "green") if quarter.status == "met" else ("di bawah target", "red")
        return label, f"{ICONS[quarter.status]} {format_percent(quarter.actual_pct)}", None, f"{word} ({target})", color
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


def _notes(year: BudgetYear) -> None:
    """The method in words, the quarter table and the stored months (the desk only)."""
    total = year.total
    notes = [
        "Penyerapan tiap bulan = realisasi s.d. bulan itu ÷ pagu bulan itu. Target IKPA per jenis belanja "
        "(pengaturan tahun ini); target total = target jenis belanja ditimbang pagunya.",
        PROJECTION_METHOD + (f" Rata-rata dihitung dari {total.projection.window_text}." if total.projection else ""),
    ]
    st.caption(" ".join(notes))
    table_with_download(_table(year), "tabel-sepanjang-tahun", f"penyerapan-per-triwulan-{year.year}.csv")
    sources = ", ".join(f"{month_name(m)}: {inert(s)}" for m, s in zip(year.months, year.sources, strict=True))
    st.caption(f"Bulan tersimpan — {sources}")


def _quarters(year: BudgetYear) -> None:
    st.subheader(f"📅 {TITLE}")
    if len(year.months) == 1:
        st.info(
            f"Baru satu bulan tersimpan ({month_name(year.months[0])} {year.year}). {HOW_TO_ADD} Dengan dua bulan "
            "atau lebih tampil garis per bulan dan proyeksi akhir tahun.",
            icon="📅",
        )
    if year.total.targets is None:
        st.warning("Target IKPA tidak dapat dihitung: berkas anggaran tidak memuat kode akun (jenis belanja).")
    else:
        metric_grid([_quarter_tile(q) for q in year.total.quarters], key="triwulan")
    changes = _pagu_changes(year.lines)
    if changes:
        listed = "\n- ".join(changes)
        st.info(f"Pagu berubah (revisi DIPA) — penyerapan tiap bulan dihitung dari pagu bulan itu:\n\n- {listed}")


def _history(year: BudgetYear) -> tuple[Hashable, ...]:
    """What tells one stored history from another in the figure cache (with the report's key)."""
    return (year.year, year.months, year.sources)


def _chart(year: BudgetYear, keys: tuple[str, ...] | None, name: str) -> None:
    show_figure(name, lambda: budget_year_chart(year, chart_style(), keys), keys, *_history(year))


def _plan(year: BudgetYear) -> None:
    if year.plan is None:
        if not meeting():
            st.caption(PLAN_HOW_TO.replace("**", ""))
        return
    plan = year.plan
    show_figure("anggaran-deviasi-rpd", lambda: plan_deviation_chart(plan, chart_style()), *_history(year))
    if not meeting():
        st.caption(
            f"IKPA menilai deviasi halaman III DIPA per bulan; nilai penuh bila deviasi ≤ "
            f"{format_percent(PLAN_DEVIATION_FULL_MARKS_PCT, 0)}. Rencana setahun "
            f"{format_rupiah(year.plan.plan_total)}."
        )


def screens(report: Report) -> list[Screen]:
    """The section as screens. At the desk one block: quarter tiles, the chart of every line, the
    method, the table and the RPD deviation (or how to add months). In mode rapat each idea on its
    own screen that fits 1366×768: the quarters, the total, the jenis belanja, the RPD deviation;
    nothing when there are no stored months (how to upload is the secretariat's, not the room's)."""
    year, why = stored_year(report)
    if year is None:
        if meeting():
            return []

        def explain() -> None:
            st.subheader(f"📅 {TITLE}")
            st.info(why, icon="📅")

        return [Screen(TITLE, explain)]
    if not meeting():

        def block() -> None:
            _quarters(year)
            _chart(year, None, "anggaran-sepanjang-tahun")
            _notes(year)
            _plan(year)

        return [Screen(TITLE, block)]
    result = [
        Screen("Triwulan IKPA", lambda: _quarters(year)),
        Screen("Laju total", lambda: _chart(year, (TOTAL,), "anggaran-sepanjang-tahun-total")),
    ]
    if year.jenis:
        keys = tuple(line.key for line in year.jenis)
        result.append(Screen("Laju per jenis", lambda: _chart(year, keys, "anggaran-sepanjang-tahun-jenis")))
    if year.plan is not None:
        result.append(Screen("Deviasi RPD", lambda: _plan(year)))
    return result


def show(report: Report) -> None:
    """The section drawn in place (all its screens, one after the other)."""
    for screen in screens(report):
        screen.render()
