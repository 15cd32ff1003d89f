"""Render helpers shared by the Unggah and Versi pages: what was read, its problems, its figures.

Not a page. Every data text goes into ``st.dataframe`` (inert) or through ``inert()``.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from lakip_core.intake.inspection import Problem, TableLayout
from lakip_core.intake.kinds import KINDS
from lakip_core.presentation.format import format_number, format_percent, format_rupiah_short
from lakip_core.presentation.previews import PREVIEW_COLUMNS
from lakip_core.schema import ROW, SHEET
from lakip_core.store import VersionDiff
from ui.common import inert


def key_figures(kind: str, summary: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, formatted value) of the headline figures of one dataset's summary."""
    if kind == "indicators" and "indicators" in summary:
        ind = summary["indicators"]
        return [
            ("Indikator", format_number(ind["count"])),
            ("Dengan realisasi", format_number(ind["with_data"])),
            ("Capaian rata-rata", format_percent(ind["mean_achievement_pct"])),
            ("Kategori", str(ind["category"])),
        ]
    if kind == "budget" and "budget" in summary:
        bud = summary["budget"]
        recorded = bud["realized"] is not None  # pagu only (ADK): no realisasi yet, never 0%
        return [
            ("Pagu", format_rupiah_short(bud["allocation"])),
            ("Realisasi", format_rupiah_short(bud["realized"]) if recorded else "belum ada"),
            ("Penyerapan", format_percent(bud["absorption_pct"]) if recorded else "belum ada"),
            ("Sisa", format_rupiah_short(bud["remaining"])),
        ]
    if kind == "assets" and "assets" in summary:
        ast = summary["assets"]
        return [
            ("Unit aset", format_number(ast["units"])),
            (
                f"Kondisi baik (dari {format_number(ast.get('condition_known', 0))} unit tercatat)",
                format_percent(ast["good_pct"]),
            ),
            ("Nilai perolehan", format_rupiah_short(ast["total_value"])),
            ("Lewat masa manfaat", format_number(ast["past_useful_life"])),
        ]
    if kind == "staff" and "staff" in summary:
        stf = summary["staff"]
        return [
            ("Pegawai", format_number(stf["count"])),
            (f"Perempuan (dari {format_number(stf.get('gender_known', 0))} orang)", format_percent(stf["female_pct"])),
        ]
    return []


def year_input(container: Any, inspection: Any, key: str) -> int | None:
    """The report year: filled in when the file names it; empty (and to be typed) when it does not,
    never a silent default. ``None`` until a year is given."""
    detected = inspection.detected_year
    value = container.number_input(
        "Tahun laporan",
        min_value=2000,
        max_value=2100,
        value=inspection.year if detected is not None else None,
        step=1,
        key=key,
        placeholder="isi tahun",
        help="Dibaca dari judul, nama lembar atau nama berkas bila ada."
        if detected is not None
        else "Tahun tidak tertulis di berkas: isi tahun laporannya. Umur aset dan usia pegawai dihitung pada "
        "tahun ini.",
    )
    return int(value) if value is not None else None


def show_figures(kind: str, summary: dict[str, Any], caption: str | None = None) -> None:
    """The headline figures as metrics; with ``caption``, as one quiet line instead."""
    figures = key_figures(kind, summary)
    if caption is not None:
        st.caption(inert(f"{caption}: " + " · ".join(f"{label} {value}" for label, value in figures)))
    elif figures:
        for column, (label, value) in zip(st.columns(len(figures)), figures, strict=True):
            column.metric(label, inert(value, 60))


def _display(value: object) -> object:
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float):
        return "" if pd.isna(value) else format_number(value, 0 if value.is_integer() else 2)
    return value


PREVIEW_ROWS = 2_000


def show_rows(kind: str, rows: pd.DataFrame) -> None:
    """The parsed rows as a table (the first :data:`PREVIEW_ROWS` of a long register)."""
    if len(rows) > PREVIEW_ROWS:
        st.caption(f"Menampilkan {format_number(PREVIEW_ROWS)} baris pertama dari {format_number(len(rows))}.")
    st.dataframe(rows_table(kind, rows.head(PREVIEW_ROWS)), hide_index=True, height=320)


def rows_table(kind: str, rows: pd.DataFrame) -> pd.DataFrame:
    """The parsed rows with Indonesian headers, sheet and row number first, numbers formatted."""
    labels = {SHEET: "Lembar", ROW: "Baris", **PREVIEW_COLUMNS[kind]}
    present = [c for c in labels if c in rows.columns]
    table = rows[present].rename(columns=labels).astype(object)
    return table.map(_display) if len(table) else table


def show_layout(layout: tuple[TableLayout, ...]) -> None:
    """Which sheets were read, the header row found, rows, the unit multiplier, column mapping."""
    sheets = pd.DataFrame(
        [
            {
                "Lembar": t.sheet,
                "Baris judul kolom": t.header_row,
                "Baris data": t.rows,
                "Baris jumlah/total": t.total_rows,
                "Pengali satuan": "×1" if t.multiplier == 1 else f"×{format_number(t.multiplier)}",
            }
            for t in layout
        ]
    )
    st.dataframe(sheets, hide_index=True)
    mapping = pd.DataFrame(
        [
            {"Lembar": t.sheet, "Kolom di berkas": header, "Dibaca sebagai": _column_label(name)}
            for t in layout
            for name, header in t.mapping.items()
        ]
    )
    st.dataframe(mapping, hide_index=True)
    ignored = sorted({c for t in layout for c in t.unmapped})
    if ignored:
        st.caption("Kolom yang tidak dipakai: " + inert(", ".join(ignored)))
    if any(t.multiplier != 1 for t in layout):
        st.info("Baris judul menyebut satuan ribuan/jutaan: angka rupiah sudah dikalikan sesuai pengali di atas.")


def _column_label(name: str) -> str:
    for kind in KINDS.values():
        for column in kind.spec.columns:
            if column.name == name and column.label:
                return column.label
    return {"no": "Nomor", "capaian": "Realisasi/Capaian"}.get(name, name)


def show_problems(problems: tuple[Problem, ...]) -> None:
    st.error(
        f"Ada {len(problems)} masalah yang harus diperbaiki sebelum berkas dapat disimpan. Perbaiki di Excel "
        "(baris-barisnya tercantum di bawah), lalu unggah lagi."
    )
    table = pd.DataFrame([{"Lembar": p.sheet or "", "Baris": p.row, "Masalah": p.message} for p in problems]).astype(
        {"Baris": "Int64"}
    )
    st.dataframe(table, hide_index=True)


def show_diff(diff: VersionDiff, old_label: str, new_label: str, kind: str) -> None:
    """Rows added, removed and changed between two versions."""
    labels = PREVIEW_COLUMNS[kind]
    cols = st.columns(4)
    cols[0].metric("Baris baru", format_number(len(diff.added)))
    cols[1].metric("Baris hilang", format_number(len(diff.removed)))
    cols[2].metric("Nilai berubah", format_number(len(diff.changed)))
    cols[3].metric("Baris sama", format_number(diff.unchanged))
    if len(diff.changed):
        st.markdown(f"**Nilai yang berubah** ({inert(old_label)} → {inert(new_label)})")
        changed = diff.changed.assign(kolom=diff.changed["kolom"].map(lambda c: labels.get(c, c)))
        changed = changed.rename(columns={"baris": "Baris", "kolom": "Kolom", "lama": "Lama", "baru": "Baru"})
        st.dataframe(changed.map(_display).astype(str), hide_index=True)
    for title, frame in (("Baris baru", diff.added), ("Baris hilang", diff.removed)):
        if len(frame):
            st.markdown(f"**{title}**")
            shown = frame[[c for c in labels if c in frame.columns]].rename(columns=labels)
            st.dataframe(shown.map(_display).astype(str), hide_index=True)
