"""Perbandingan antartahun: office, sasaran and indicator trends; reviewed name matching; Renstra."""

import pandas as pd
import streamlit as st

from lakip_core.analysis import compare
from lakip_core.errors import LakipError
from lakip_core.presentation.charts import office_trend_chart, year_bars_chart
from lakip_core.presentation.format import format_percent, format_points
from lakip_core.presentation.tables import match_table, office_trend_table, renstra_table, trend_table
from ui.access import may
from ui.common import chart_style, display, inert, meeting, page_header, show_chart
from ui.perbandingan_data import SAMPLE_ONLY, year_reports

UNMATCHED = "(tidak dipasangkan)"

report = page_header(
    "Perbandingan antartahun",
    "Realisasi dan capaian tahun ini dibandingkan dengan tahun-tahun sebelumnya dan dengan target akhir Renstra "
    "(PermenPANRB 53/2014). Indikator dicocokkan menurut nama dengan toleransi; periksa hasilnya di tab "
    "Pencocokan nama.",
)
reports, source = year_reports(report)
if len(reports) < 2:
    years = ", ".join(str(r.settings.year) for r in reports) or "-"
    st.info(
        f"Baru ada data untuk satu tahun ({years}{', data contoh' if source == SAMPLE_ONLY else ''}). "
        "Perbandingan muncul otomatis begitu tersimpan data dua tahun atau lebih untuk satuan kerja yang sama."
    )
    st.markdown(
        "**Cara menambah tahun lain:**\n"
        "1. Buka halaman **Unggah Data** (akun Pengunggah atau Admin).\n"
        "2. Unggah tabel capaian kinerja (dan realisasi anggaran) tahun sebelumnya, misalnya dari LAKIP tahun lalu.\n"
        "3. Isi satuan kerja yang sama dan **tahun laporannya**, lalu simpan.\n"
        "4. Kembali ke halaman ini: grafik dan tabel tren tampil untuk semua tahun yang tersimpan."
    )
    if may("upload"):
        st.page_link("pages/unggah.py", label="Buka halaman Unggah Data", icon="📤")
    st.stop()

threshold = st.session_state.get("perbandingan-ambang", compare.DEFAULT_THRESHOLD)
auto = compare.compare(reports, threshold)
overrides = st.session_state.get("perbandingan-pasangan-pilihan", {})
try:
    result = compare.compare(reports, threshold, indicator_overrides=overrides)
except LakipError as err:
    st.error(str(err))
    st.stop()
years = list(result.years)
office = result.office.set_index("year")
last, before = years[-1], years[-2]

cols = st.columns(3)
for col, label, column in ((cols[0], "Capaian kantor", "mean_pct"), (cols[1], "Penyerapan", "absorption_pct")):
    now, then = office.loc[last, column], office.loc[before, column]
    known = now == now and then == then  # NaN: a year without that figure, no change to show
    col.metric(
        f"{label} {last}",
        format_percent(now),
        delta=f"{format_points(now - then)} poin dari {before}" if known else None,
    )
cols[2].metric(
    "Tahun dibandingkan", f"{years[0]}–{last}", help=f"{len(years)} tahun tersimpan. Sumber: {inert(source, 200)}."
)

style = chart_style()
show_chart(office_trend_chart(result.office, style), "perbandingan-kantor")
objectives = compare.pivot(result.objectives, "mean_achievement_pct", years)
objectives = objectives[objectives[years].notna().any(axis=1)]
show_chart(
    year_bars_chart(objectives, years, "Capaian rata-rata per sasaran menurut tahun", style), "perbandingan-sasaran"
)
if meeting():
    st.stop()

tab_office, tab_objectives, tab_indicators, tab_renstra, tab_matches = st.tabs(
    ["Kantor", "Per sasaran", "Per indikator", "Target Renstra", "Pencocokan nama"]
)
with tab_office:
    st.dataframe(office_trend_table(result.office), hide_index=True)
with tab_objectives:
    st.dataframe(trend_table(objectives, years, "Sasaran"), hide_index=True)
with tab_indicators:
    indicators = compare.pivot(result.indicators, "achievement_pct", years)
    latest = result.indicators[result.indicators["year"] == last].drop_duplicates("name").set_index("name")["objective"]
    choices = ["Semua sasaran", *dict.fromkeys(latest)]
    chosen = st.selectbox(
        f"Sasaran (menurut {last})", choices, key="perbandingan-sasaran", format_func=lambda n: display(n, 120)
    )
    if chosen != choices[0]:
        indicators = indicators[indicators["name"].map(latest) == chosen]
    table = trend_table(indicators, years, "Indikator")
    st.dataframe(table, hide_index=True, key="perbandingan-indikator")
    st.caption("'-' = belum ada realisasi atau indikator belum ada pada tahun itu.")
with tab_renstra:
    st.caption(
        "Isi target akhir periode Renstra per indikator (contoh: 100%, WTP, 12 Lap). Kemajuan = realisasi tahun "
        "terakhir terhadap target Renstra, dengan rumus capaian yang sama. Target dari kolom 'Target Renstra' di "
        "berkas indikator sudah terisi; isian di sini menggantikannya selama sesi ini."
    )
    names = list(dict.fromkeys(result.indicators["name"]))
    from_files = compare.renstra_targets(result)
    saved = st.session_state.setdefault("perbandingan-renstra-nilai", {})
    edited = st.data_editor(
        pd.DataFrame(
            {
                "Indikator": names,
                "Target Renstra (akhir periode)": [saved.get(n) or from_files.get(n, "") for n in names],
            }
        ),
        key="perbandingan-renstra",
        disabled=["Indikator"],
        hide_index=True,
        num_rows="fixed",
        height=300,
    )
    renstra = {n: t or "" for n, t in zip(edited["Indikator"], edited["Target Renstra (akhir periode)"], strict=True)}
    # Overrides are kept for this session (also when the editor is rebuilt on another visit).
    for name, text in renstra.items():
        if text == from_files.get(name, ""):
            saved.pop(name, None)
        else:
            saved[name] = text
    progress = compare.renstra_progress(result, renstra)
    if progress.empty:
        st.info("Belum ada target Renstra yang diisi.")
    else:
        st.dataframe(renstra_table(progress), hide_index=True, key="perbandingan-renstra-hasil")
with tab_matches:
    st.slider(
        "Kemiripan nama minimal untuk dicocokkan otomatis",
        0.6,
        1.0,
        compare.DEFAULT_THRESHOLD,
        0.01,
        key="perbandingan-ambang",
        help="1,00 = hanya nama yang sama persis (setelah huruf besar/kecil, tanda baca, nomor dan kode diabaikan).",
    )
    review = auto.indicator_matches[auto.indicator_matches["year"] != last].reset_index(drop=True)
    st.caption(
        f"Nama indikator tahun-tahun sebelumnya dicocokkan dengan nama tahun {last}. Ubah kolom 'Pasangkan dengan' "
        "untuk memperbaiki pasangan yang salah atau memisahkannya."
    )
    table = match_table(review)
    references = list(dict.fromkeys(auto.indicator_matches["canonical"]))
    table["Pasangkan dengan"] = [
        c if m != compare.NEW else UNMATCHED for c, m in zip(review["canonical"], review["method"], strict=True)
    ]
    chosen_pairs = st.data_editor(
        table.drop(columns=["Dicocokkan dengan"]),
        key=f"perbandingan-pasangan-{threshold}",
        disabled=["Tahun", "Nama di tahun itu", "Kemiripan", "Cara"],
        column_config={"Pasangkan dengan": st.column_config.SelectboxColumn(options=[UNMATCHED, *references])},
        hide_index=True,
        num_rows="fixed",
    )
    choice = {
        (int(y), n): (None if p == UNMATCHED else p)
        for y, n, p, auto_p in zip(
            review["year"], review["name"], chosen_pairs["Pasangkan dengan"], table["Pasangkan dengan"], strict=True
        )
        if p != auto_p
    }
    if choice != overrides:
        st.session_state["perbandingan-pasangan-pilihan"] = choice
        st.rerun()
    counts = review["method"].value_counts()
    st.caption(
        f"{counts.get(compare.EXACT, 0)} sama, {counts.get(compare.SIMILAR, 0)} mirip, "
        f"{counts.get(compare.NEW, 0)} tanpa pasangan; {len(overrides)} diubah manual."
    )
