"""Aset: condition per group weighted by Jumlah, age against useful life, items needing attention."""

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lakip_core.analysis import assets as asset_core
from lakip_core.presentation.charts import (
    CONDITION_COLORS,
    count_chart,
    small_base_note,
    stacked_chart,
    useful_life_chart,
)
from lakip_core.presentation.format import format_number, format_percent, format_rupiah
from lakip_core.presentation.tables import asset_table
from ui.common import chart_style, display, meeting, metric_grid, page_header, show_figure, show_table
from ui.meeting import Screen, empty, show

report = page_header(
    "Aset (BMN)",
    "Jumlah unit memperhitungkan kolom Jumlah. Masa manfaat menurut tabel kelompok barang (KMK 295/KM.6/2019), "
    "dicocokkan dari kode barang atau nama barang. Umur dihitung dari tanggal perolehan terhadap tanggal laporan "
    "bila berkas memuat tanggal; bila hanya tahun, menurut tahun kalender.",
)
summary = report.asset_summary
if report.assets is None or summary is None or summary.units == 0:
    empty("Belum ada data aset. Unggah ekspor SIMAK BMN / SAKTI modul aset.")

data = report.assets
style = chart_style()
known = summary.units - summary.unknown_condition


def figures() -> None:
    damaged = sum(v for k, v in summary.by_condition.items() if k.startswith("Rusak"))
    metric_grid(
        [
            ("Unit aset", format_number(summary.units), None, None),
            (
                "Kondisi baik",
                format_percent(summary.good_pct),
                f"Persentase dari {known} unit yang tercatat kondisinya, bukan dari seluruh {summary.units} unit.",
                f"{format_number(summary.by_condition.get('Baik', 0))} dari {format_number(known)} unit tercatat",
            ),
            ("Rusak", format_number(damaged), None, None),
            ("Melewati masa manfaat", format_number(summary.past_useful_life), None, None),
            ("Kondisi tidak tercatat", format_number(summary.unknown_condition), None, None),
        ],
        per_row=5,
    )
    if summary.total_value is not None:
        st.caption(f"Nilai perolehan seluruh aset: {format_rupiah(summary.total_value)}")


def condition() -> None:
    title = (
        f"{format_number(summary.by_condition.get('Baik', 0))} dari {format_number(known)} unit yang tercatat "
        "kondisinya dalam keadaan baik"
    )

    def chart() -> go.Figure:
        table = asset_core.condition_by_group(data)
        base_note = small_base_note(known, "unit", report.settings.small_base, "yang tercatat kondisinya")
        note = (
            f"{base_note} Seluruhnya {format_number(summary.units)} unit; "
            f"{format_number(summary.unknown_condition)} unit tanpa catatan kondisi."
        ).strip()
        return stacked_chart(table, title, "Unit", CONDITION_COLORS, style, unit="unit", note=note)

    show_figure("aset-kondisi", chart)  # built once per data version, settings and mode


def useful_life() -> None:
    show_figure("aset-masa-manfaat", partial(useful_life_chart, data.frame, style))


def sources() -> None:
    def chart() -> go.Figure:
        counts = asset_core.by_source(data)
        title = f"Sebagian besar dari {display(counts.index[0], 60)} ({format_number(counts.iloc[0])} unit)"
        return count_chart(counts, title, "Unit", style=style, unit="unit")

    show_figure("aset-asal", chart)


def attention_rows() -> pd.DataFrame:
    return asset_table(asset_core.attention_list(data))


def attention() -> None:
    st.subheader("Aset yang perlu perhatian (rusak atau melewati masa manfaat)")
    filename = f"aset-perlu-perhatian-{report.settings.year}.csv"
    show_table("aset/perhatian", attention_rows, "tabel-aset", filename, label="Unduh daftar (CSV)")


screens = [Screen("Angka utama", figures), Screen("Kondisi", condition), Screen("Masa manfaat", useful_life)]
if not meeting():
    screens += [Screen("Asal perolehan", sources), Screen("Perlu perhatian", attention)]
show(screens)
