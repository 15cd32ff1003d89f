"""Pegawai: composition by role, gender, education and age; commissioners' divisions and Korwil."""

import streamlit as st

from lakip_core.analysis import staff as staff_core
from lakip_core.presentation.charts import GENDER_COLORS, stacked_chart
from lakip_core.presentation.format import format_number, format_percent
from lakip_core.presentation.tables import commissioners_table
from ui.common import chart_style, display, inert, meeting, page_header, show_chart

report = page_header(
    "Pegawai", "Komisioner, ASN sekretariat dan PPNPN (honorer). Usia dihitung pada akhir tahun laporan."
)
summary = report.staff_summary
if report.staff is None or summary is None or summary.count == 0:
    st.info("Belum ada data pegawai. Unggah daftar komisioner, ASN dan PPNPN.")
    st.stop()

data = report.staff
cols = st.columns(5)
cols[0].metric("Seluruh pegawai", format_number(summary.count))
for column, role in zip(cols[1:4], staff_core.ROLES, strict=True):
    column.metric(role, format_number(summary.by_role.get(role, 0)))
women = summary.female_commissioner_pct
minimum = report.settings.women_commissioner_min_pct
cols[4].metric(
    "Komisioner perempuan",
    format_percent(women, 0),
    delta=("memenuhi" if women is not None and women >= minimum else "di bawah") + f" {minimum:.0f}%",
    delta_color="green" if women is not None and women >= minimum else "red",
    delta_arrow="off",  # "di bawah 30%" is a verdict, not a change: an arrow would mislead
    help="UU 7/2017: keterwakilan perempuan sekurang-kurangnya 30%.",
)

style = chart_style()
gender = staff_core.crosstab(data, "gender", (staff_core.MALE, staff_core.FEMALE, staff_core.UNKNOWN))
show_chart(
    stacked_chart(
        gender, f"Perempuan {format_percent(summary.female_pct)} dari seluruh pegawai", "Orang", GENDER_COLORS, style
    ),
    "pegawai-gender",
)
education = staff_core.crosstab(data, "education", (*staff_core.EDUCATION_LEVELS, "Lainnya", staff_core.UNKNOWN))
top_level = max(summary.by_education, key=lambda k: summary.by_education[k])
show_chart(
    stacked_chart(
        education.T,
        f"Terbanyak berpendidikan {display(top_level, 40)} ({summary.by_education[top_level]} orang)",
        "Orang",
        None,
        style,
        horizontal=False,
    ),
    "pegawai-pendidikan",
)
ages = staff_core.crosstab(data, "age_band", tuple(label for _, _, label in staff_core.AGE_BANDS))
known_age = int(ages.drop(columns=[staff_core.UNKNOWN], errors="ignore").to_numpy().sum()) if not ages.empty else 0
show_chart(
    stacked_chart(
        ages.drop(columns=[staff_core.UNKNOWN], errors="ignore").T,
        f"Sebaran usia ({known_age} dari {summary.count} orang memiliki tanggal lahir)",
        "Orang",
        None,
        style,
        horizontal=False,
    ),
    "pegawai-usia",
)

commissioners = commissioners_table(data.frame)
if not commissioners.empty:
    st.subheader("Pembagian divisi dan Korwil anggota KPU")
    if meeting():
        for _, row in commissioners.iterrows():
            st.markdown(
                f"**{inert(row['Nama'], 120)}** ({inert(row['Jabatan'], 80)}) — {inert(row['Divisi'], 200)}; "
                f"Korwil {inert(row['Korwil (kecamatan)'], 200)}"
            )
    else:
        st.dataframe(commissioners, hide_index=True, key="tabel-komisioner")
