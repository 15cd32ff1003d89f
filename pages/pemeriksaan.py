"""Pemeriksaan: every finding of the core's checks, grouped by theme and explained in plain words."""

import streamlit as st

from lakip_core.presentation.export import csv_bytes
from lakip_core.presentation.tables import findings_table
from lakip_core.rules.findings import SEVERITY_LABELS, by_theme, guide
from ui.common import inert, meeting, once, page_header

DATASETS = {"budget": "Anggaran", "indicators": "Kinerja", "assets": "Aset", "staff": "Pegawai", None: "Lainnya"}
ICONS = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}

report = page_header(
    "Pemeriksaan data",
    "Hasil pemeriksaan otomatis atas berkas: angka yang saling bertentangan, angka yang tidak dapat dihitung, "
    "data yang hilang. Yang terpenting di atas; setiap temuan menunjuk ke berkas dan barisnya.",
)
findings = report.findings
if not findings:
    st.success("Tidak ada temuan: semua angka yang diperiksa saling cocok.")
    st.stop()

counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_LABELS}
cols = st.columns(3)
for column, (severity, label) in zip(cols, SEVERITY_LABELS.items(), strict=True):
    column.metric(f"{ICONS[severity]} {label}", counts[severity])

for position, (_, heading, line, entries) in enumerate(by_theme(findings)):
    total = sum(len(items) for _, items in entries)
    st.subheader(f"{heading} ({total})")
    if not meeting():
        st.caption(line)
    for rank, (code, items) in enumerate(entries):
        severity = min((f.severity for f in items), key=list(ICONS).index)
        about = guide(code)
        datasets = ", ".join(dict.fromkeys(DATASETS.get(f.dataset, "Lainnya") for f in items))
        label = f"{ICONS[severity]} {about.title} — {len(items)} temuan ({datasets})"
        with st.expander(label, expanded=position == 0 and rank == 0 and severity != "info"):
            if about.meaning:
                st.markdown(
                    f"**Artinya:** {about.meaning}  \n**Mengapa penting:** {about.why}  \n"
                    f"**Yang perlu dilakukan:** {about.action}"
                )
            for finding in items[: 5 if meeting() else len(items)]:
                where = f" — :gray[{inert(finding.location, 300)}]" if finding.location else ""
                st.markdown(f"- {inert(finding.message, 1000)}{where}")
            if meeting() and len(items) > 5:
                st.caption(f"… dan {len(items) - 5} temuan lain (lihat di luar mode rapat).")

if not meeting():
    st.download_button(
        "Unduh semua temuan (CSV)",
        # made once per data version and settings; formula-safe: text starting with = + - @ stays text
        once("pemeriksaan/csv", lambda: csv_bytes(findings_table(findings))),
        file_name=f"temuan-pemeriksaan-{report.settings.year}.csv",
        mime="text/csv",
    )
