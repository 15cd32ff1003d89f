"""Pemeriksaan: every finding of the core's checks, grouped and explained in plain words."""

from collections import defaultdict

import streamlit as st

from lakip_core.presentation.export import csv_bytes
from lakip_core.presentation.tables import findings_table
from lakip_core.rules.findings import SEVERITY_LABELS, explain
from ui.common import inert, meeting, page_header

DATASETS = {"budget": "Anggaran", "indicators": "Kinerja", "assets": "Aset", "staff": "Pegawai", None: "Lainnya"}
ICONS = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}

report = page_header(
    "Pemeriksaan data",
    "Hasil pemeriksaan otomatis atas berkas: angka yang tidak saling cocok, data yang hilang atau ganda. "
    "Setiap temuan menunjuk ke berkas dan barisnya.",
)
findings = report.findings
if not findings:
    st.success("Tidak ada temuan: semua angka yang diperiksa saling cocok.")
    st.stop()

counts = {s: sum(f.severity == s for f in findings) for s in SEVERITY_LABELS}
cols = st.columns(3)
for column, (severity, label) in zip(cols, SEVERITY_LABELS.items(), strict=True):
    column.metric(f"{ICONS[severity]} {label}", counts[severity])

groups: dict[tuple[str, str], list] = defaultdict(list)
for finding in findings:
    groups[(finding.severity, finding.code)].append(finding)
for (severity, code), items in groups.items():
    title, explanation = explain(code)
    datasets = ", ".join(dict.fromkeys(DATASETS.get(f.dataset, "Lainnya") for f in items))
    with st.expander(f"{ICONS[severity]} {title} — {len(items)} temuan ({datasets})", expanded=severity != "info"):
        if explanation:
            st.markdown(f"*{explanation}*")
        for finding in items[: 5 if meeting() else len(items)]:
            where = f" — :gray[{inert(finding.location, 300)}]" if finding.location else ""
            st.markdown(f"- {inert(finding.message, 1000)}{where}")

if not meeting():
    table = findings_table(findings)
    st.download_button(
        "Unduh semua temuan (CSV)",
        csv_bytes(table),  # formula-safe: text starting with = + - @ stays text
        file_name=f"temuan-pemeriksaan-{report.settings.year}.csv",
        mime="text/csv",
    )
