"""Pegawai: composition by role, gender, education and age; commissioners' divisions and Korwil."""

from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lakip_core.analysis import staff as staff_core
from lakip_core.presentation.charts import GENDER_COLORS, small_base_note, stacked_chart
from lakip_core.presentation.escape import html_text
from lakip_core.presentation.format import format_number, format_percent
from lakip_core.presentation.tables import commissioners_table
from ui.common import chart_style, display, meeting, metric_grid, once, page_header, show_figure
from ui.meeting import Screen, empty, show

# Fewer people with a birth date than this: the ages are listed, not charted (a bar chart of five
# people fills a screen and says nothing a sentence would not).
AGE_CHART_MIN = 10

report = page_header(
    "Pegawai", "Komisioner, ASN sekretariat dan PPNPN (honorer). Usia dihitung pada akhir tahun laporan."
)
summary = report.staff_summary
if report.staff is None or summary is None or summary.count == 0:
    empty("Belum ada data pegawai. Unggah daftar komisioner, ASN dan PPNPN.")

data = report.staff
style = chart_style()
women = summary.female_commissioner_pct
minimum = report.settings.women_commissioner_min_pct
women_ok = women is not None and women >= minimum
roles = {r.role: r for r in summary.roles}
board = roles.get(staff_core.COMMISSIONER)
women_figure = (
    "Komisioner perempuan",
    format_percent(women, 0),
    "UU 7/2017: keterwakilan perempuan sekurang-kurangnya 30% (anggota KPU, bukan pegawai sekretariat).",
    (f"{board.women} dari {board.gender_known} orang; " if board else "")
    + ("memenuhi" if women_ok else "di bawah")
    + f" {minimum:.0f}%",
    "green" if women_ok else "red",
)


def figures() -> None:
    secretariat_help = (
        f"ASN dan PPNPN; {summary.commissioners} komisioner tidak termasuk (mereka anggota KPU, bukan pegawai)."
    )
    items = [("Pegawai sekretariat", format_number(summary.secretariat), secretariat_help, None)]
    items += [(role, format_number(summary.by_role.get(role, 0)), None, None) for role in staff_core.ROLES]
    if not meeting():  # in the room it opens the next screen, beside the chart it explains
        items.append(women_figure)
    metric_grid(items, per_row=3)


def gender() -> None:
    if meeting():
        metric_grid([women_figure])

    def chart() -> go.Figure:
        table = staff_core.crosstab(data, "gender", (staff_core.MALE, staff_core.FEMALE, staff_core.UNKNOWN))
        # Women's share per group: the 30% rule is about commissioners, not the secretariat's staff.
        shares = ", ".join(f"{r.role} {format_percent(r.female_pct)}" for r in summary.roles)
        per_group = "; ".join(f"{r.role} {r.women} dari {r.gender_known} orang" for r in summary.roles)
        smallest = min((r.gender_known for r in summary.roles), default=0)
        base = small_base_note(smallest, "orang", report.settings.small_base, "pada kelompok terkecil")
        title = f"Perempuan per kelompok: {shares}"
        return stacked_chart(table, title, "Orang", GENDER_COLORS, style, note=f"{per_group}. {base}".strip())

    show_figure("pegawai-gender", chart)  # built once per data version, settings and mode


def education() -> None:
    def chart() -> go.Figure:
        levels = (*staff_core.EDUCATION_LEVELS, "Lainnya", staff_core.UNKNOWN)
        table = staff_core.crosstab(data, "education", levels).T
        table = table[table.sum(axis=1) > 0]
        top = max(summary.by_education, key=lambda k: summary.by_education[k])
        title = f"Terbanyak berpendidikan {display(top, 40)} ({summary.by_education[top]} orang)"
        return stacked_chart(table, title, "Orang", None, style)

    show_figure("pegawai-pendidikan", chart)


def age_table() -> pd.DataFrame:
    bands = tuple(label for _, _, label in staff_core.AGE_BANDS)
    table = staff_core.crosstab(data, "age_band", bands).drop(columns=[staff_core.UNKNOWN], errors="ignore").T
    return table[table.sum(axis=1) > 0]


def ages() -> None:
    table = once("pegawai/usia", age_table)
    known = int(table.to_numpy().sum()) if not table.empty else 0
    title = f"Sebaran usia ({known} dari {summary.count} orang memiliki tanggal lahir)"
    if known >= AGE_CHART_MIN:
        show_figure("pegawai-usia", partial(stacked_chart, table, title, "Orang", None, style, horizontal=False))
        return
    st.subheader("Usia pegawai")
    lines = [f"Tanggal lahir tercatat untuk {known} dari {summary.count} orang: terlalu sedikit untuk grafik."]
    for band, row in table.iterrows():
        roles = ", ".join(f"{format_number(n)} {role}" for role, n in row.items() if n)
        lines.append(f"{band} tahun: {format_number(int(row.sum()))} orang ({roles})")
    for line in lines:
        st.html(f"<div class='rapat-baris'>{html_text(line)}</div>")


def commissioners() -> None:
    table = commissioner_rows
    st.subheader("Pembagian divisi dan Korwil anggota KPU")
    if not meeting():
        st.dataframe(table, hide_index=True, key="tabel-komisioner")
        return
    for _, row in table.iterrows():
        st.html(
            f"<div class='rapat-baris'><b>{html_text(str(row['Nama']))}</b> ({html_text(str(row['Jabatan']))})"
            f" — {html_text(str(row['Divisi']))}; Korwil {html_text(str(row['Korwil (kecamatan)']))}</div>"
        )


screens = [
    Screen("Angka utama", figures),
    Screen("Laki-laki dan perempuan", gender),
    Screen("Pendidikan", education),
    Screen("Usia", ages),
]
commissioner_rows = once("pegawai/komisioner", partial(commissioners_table, data.frame))
if not commissioner_rows.empty:
    screens.append(Screen("Divisi dan Korwil", commissioners))
show(screens)
