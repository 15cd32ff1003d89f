"""Provinsi / Nasional: every stored satker side by side, ranked, with the spread and the outliers."""

import streamlit as st

from lakip_core.analysis.regions import LEVEL_LABELS
from lakip_core.analysis.rollup import HIGH, LOW, METRICS, filtered, ranked
from lakip_core.presentation.export import csv_bytes
from lakip_core.presentation.export_xlsx import XLSX_MIME, to_xlsx
from lakip_core.presentation.format import format_number
from lakip_core.presentation.rollup import (
    BARS_UP_TO,
    format_value,
    outlier_rule,
    ranking_bars,
    ranking_columns,
    ranking_export,
    spread_chart,
)
from lakip_core.schema import RollupCol as R
from ui.access import require
from ui.common import chart_style, inert, meeting, metric_grid, show_chart
from ui.rollup import fill_missing_figures, follow_click, ranking_table, remember_rows, rollup_table

follow_click()
st.title("Provinsi / Nasional")
require("view")
if not meeting():
    st.caption(
        "Semua satker yang datanya tersimpan, berdampingan: peringkat, sebaran, dan pencilan. Angka diambil dari "
        "ringkasan yang dicatat saat setiap berkas diunggah."
    )
fill_missing_figures()
table = rollup_table()
if table[R.SATKER].nunique() < 2:
    st.info("Rekap ini muncul setelah data lebih dari satu satker tersimpan. Unggah data satker lain di Unggah Data.")
    st.stop()

years = sorted(table[R.YEAR].unique().tolist(), reverse=True)
provinces = table.drop_duplicates(R.PROVINCE_CODE).dropna(subset=[R.PROVINCE_CODE]).sort_values(R.PROVINCE_CODE)
province_names = dict(zip(provinces[R.PROVINCE_CODE], provinces[R.PROVINCE], strict=True))
left, middle, right = st.columns(3)
year = left.selectbox("Tahun", years, key="rollup_tahun")
ALL = "semua"
province_choice = middle.selectbox(
    "Provinsi",
    [ALL, *province_names],
    format_func=lambda code: "Semua provinsi (nasional)" if code == ALL else province_names[code],
    key="rollup_provinsi",
)
level_choice = right.selectbox(
    "Tingkat satker",
    [ALL, "provinsi", "kabkota"],
    format_func=lambda v: {ALL: "Semua", "provinsi": "KPU Provinsi", "kabkota": "KPU Kabupaten/Kota"}[v],
    key="rollup_tingkat",
)
province = None if province_choice == ALL else province_choice
level = None if level_choice == ALL else level_choice
metric = METRICS[
    st.segmented_control(
        "Urutkan menurut",
        list(METRICS),
        default="capaian",
        format_func=lambda k: METRICS[k].label,
        key="rollup_ukuran",
        required=True,
    )
    or "capaian"
]
shown = filtered(table, year, province, level)
if shown.empty:
    st.info("Tidak ada satker dengan data untuk pilihan ini. Ubah tahun, provinsi, atau tingkat di atas.")
    st.stop()
rows, found = ranked(shown, metric)
scope = (
    f"Tahun {year} · {province_names[province] if province else 'semua provinsi'}"
    f" · {'semua tingkat' if level is None else LEVEL_LABELS.get(level, 'kabupaten/kota').lower()}"
)
with_value = int(rows[metric.column].notna().sum())
outliers = rows[rows[R.OUTLIER] != ""]
if not meeting():
    metric_grid(
        [
            ("Satker ditampilkan", format_number(len(rows)), scope, f"{format_number(with_value)} dengan data ini"),
            ("Median capaian kinerja", format_value(shown[R.ACHIEVEMENT_PCT].median(), METRICS["capaian"]), None, None),
            ("Median penyerapan", format_value(shown[R.ABSORPTION_PCT].median(), METRICS["penyerapan"]), None, None),
            ("Pencilan", format_number(len(outliers)) if found else "-", outlier_rule(metric, found, with_value), None),
        ]
    )
if metric.key == "laju" and with_value == 0:
    st.info(
        "Laju terhadap target IKPA membutuhkan berkas anggaran yang menyebut bulan datanya (mis. SAKTI GLP039 "
        '"Periode Oktober 2025"). Belum ada berkas anggaran seperti itu untuk pilihan ini; '
        "peringkat lain tetap tersedia."
    )
elif meeting():  # one picture for the room: every satker's bar, or the spread of a whole nation
    few = len(rows) <= BARS_UP_TO
    figure = ranking_bars(rows, metric, chart_style()) if few else spread_chart(rows, metric, found, chart_style())
    show_chart(figure, f"rapat-{metric.key}")
else:
    if found is not None or len(rows) > BARS_UP_TO:  # a spread of two or three dots says nothing
        show_chart(spread_chart(rows, metric, found, chart_style()), f"sebaran-{metric.key}")
    st.caption(outlier_rule(metric, found, with_value))
    if len(rows) <= BARS_UP_TO:
        show_chart(ranking_bars(rows, metric, chart_style()), f"peringkat-{metric.key}")

if len(outliers):
    st.subheader("Pencilan")
    for flag, words in ((LOW, "Jauh di bawah satker lain"), (HIGH, "Jauh di atas satker lain")):
        names = outliers[outliers[R.OUTLIER] == flag]
        if len(names):
            listed = ", ".join(
                f"{inert(s)} ({format_value(v, metric)})"
                for s, v in zip(names[R.SATKER], names[metric.column], strict=True)
            )
            st.markdown(f"**{words}:** {listed}")

if not meeting():
    st.subheader("Peringkat")
    st.caption("Klik satu baris untuk membuka halaman satker itu (Ringkasan, Kinerja, Anggaran, …).")
    columns = ranking_columns(rows, metric)
    remember_rows(rows)
    screen = columns.screen()
    ranking_table(screen)
    exports = ranking_export(rows, metric, found, scope)
    buttons = st.container(horizontal=True)
    name = f"peringkat-satker-{metric.key}-{year}"
    # Built on click (a workbook of 553 rows is not worth making on every rerun).
    buttons.download_button(
        "Unduh peringkat (Excel)", lambda: to_xlsx(exports, scope), file_name=f"{name}.xlsx", mime=XLSX_MIME
    )
    buttons.download_button(
        "Unduh peringkat (CSV)", lambda: csv_bytes(screen), file_name=f"{name}.csv", mime="text/csv"
    )
