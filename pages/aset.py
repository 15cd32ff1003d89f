"""Aset: condition per group weighted by Jumlah, age against useful life, items needing attention."""

import streamlit as st

from lakip_core.analysis import assets as asset_core
from lakip_core.presentation.charts import CONDITION_COLORS, count_chart, stacked_chart, useful_life_chart
from lakip_core.presentation.format import format_number, format_percent, format_rupiah
from lakip_core.presentation.tables import asset_table
from ui.common import chart_style, display, meeting, metric_grid, page_header, show_chart, table_with_download

report = page_header(
    "Aset (BMN)",
    "Jumlah unit memperhitungkan kolom Jumlah. Masa manfaat menurut tabel kelompok barang (KMK 295/KM.6/2019), "
    "dicocokkan dari kode barang atau nama barang.",
)
summary = report.asset_summary
if report.assets is None or summary is None or summary.units == 0:
    st.info("Belum ada data aset. Unggah ekspor SIMAK BMN / SAKTI modul aset.")
    st.stop()

data = report.assets
known = summary.units - summary.unknown_condition
damaged = sum(v for k, v in summary.by_condition.items() if k.startswith("Rusak"))
metric_grid(
    [
        ("Unit aset", format_number(summary.units), None, None),
        ("Kondisi baik", format_percent(summary.good_pct), f"Dari {known} unit yang tercatat kondisinya.", None),
        ("Rusak", format_number(damaged), None, None),
        ("Melewati masa manfaat", format_number(summary.past_useful_life), None, None),
        ("Kondisi tidak tercatat", format_number(summary.unknown_condition), None, None),
    ],
    per_row=5,
)
if summary.total_value is not None:
    st.caption(f"Nilai perolehan seluruh aset: {format_rupiah(summary.total_value)}")

style = chart_style()
title = (
    f"{format_number(summary.by_condition.get('Baik', 0))} dari {format_number(known)} unit yang tercatat "
    "kondisinya dalam keadaan baik"
)
show_chart(
    stacked_chart(asset_core.condition_by_group(data), title, "Unit", CONDITION_COLORS, style, unit="unit"),
    "aset-kondisi",
)
show_chart(useful_life_chart(data.frame, style), "aset-masa-manfaat")
sources = asset_core.by_source(data)
if not meeting():
    show_chart(
        count_chart(
            sources,
            f"Sebagian besar dari {display(sources.index[0], 60)} ({format_number(sources.iloc[0])} unit)",
            "Unit",
            style=style,
            unit="unit",
        ),
        "aset-asal",
    )
    st.subheader("Aset yang perlu perhatian (rusak atau melewati masa manfaat)")
    table = asset_table(asset_core.attention_list(data))
    table_with_download(table, "tabel-aset", f"aset-perlu-perhatian-{report.settings.year}.csv", "Unduh daftar (CSV)")
