"""Display tables: core frames with Indonesian headers and Indonesian-formatted values.

Used by the dashboard's tables and CSV downloads (and the report exports), so a figure is
formatted the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from .findings import SEVERITY_LABELS, Finding, explain
from .numbers import format_number, format_percent, format_rupiah


def filter_indicators(
    frame: pd.DataFrame,
    documents: Sequence[str] | None = None,
    objective: str | None = None,
    categories: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Indicators of the given documents, one sasaran, and categories (``None`` = all)."""
    mask = pd.Series(True, index=frame.index)
    if documents is not None:
        mask &= frame["document"].isin(list(documents))
    if objective:
        mask &= frame["objective"] == objective
    if categories is not None:
        mask &= frame["category"].isin(list(categories))
    return frame[mask]


def indicator_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Dokumen, Sasaran, Indikator, Target, Realisasi, Satuan, Capaian, Kategori (as printed)."""
    return pd.DataFrame(
        {
            "Dokumen": frame["document"],
            "Sasaran": frame["objective"],
            "Indikator": frame["label"] if "label" in frame.columns else frame["indicator"],
            "Target": frame["target_text"],
            "Realisasi": [a or "belum ada" for a in frame["actual_text"]],
            "Satuan": frame["unit"].fillna(""),
            "Capaian": [format_percent(p) for p in frame["achievement_pct"]],
            "Kategori": frame["category"],
        }
    ).reset_index(drop=True)


def objective_table(objectives: pd.DataFrame) -> pd.DataFrame:
    """Per sasaran: indicators, with realisasi, met, mean achievement, category."""
    return pd.DataFrame(
        {
            "Dokumen": objectives["document"],
            "Sasaran": objectives["objective"],
            "Kode": objectives["objective_code"].fillna(""),
            "Indikator": objectives["indicators"],
            "Dengan realisasi": objectives["with_data"],
            "Tercapai": objectives["met"],
            "Capaian rata-rata": [format_percent(p) for p in objectives["mean_achievement_pct"]],
            "Kategori": objectives["category"],
        }
    ).reset_index(drop=True)


def budget_table(lines: pd.DataFrame) -> pd.DataFrame:
    """Per kegiatan: Kode, Kegiatan, Pagu, Realisasi, Penyerapan, Sisa (rupiah formatted)."""
    return pd.DataFrame(
        {
            "Kode": lines["code"],
            "Kegiatan": lines["name"],
            "Pagu": [format_rupiah(v) for v in lines["allocation"]],
            "Realisasi": [format_rupiah(v) for v in lines["realized"]],
            "Penyerapan": [format_percent(v) for v in lines["absorption_pct"]],
            "Sisa": [format_rupiah(v) for v in lines["remaining"]],
        }
    ).reset_index(drop=True)


def findings_table(findings: Sequence[Finding]) -> pd.DataFrame:
    """Tingkat, Jenis, Pesan, Berkas, Lembar, Baris."""
    return pd.DataFrame(
        {
            "Tingkat": [SEVERITY_LABELS[f.severity] for f in findings],
            "Jenis": [explain(f.code)[0] for f in findings],
            "Pesan": [f.message for f in findings],
            "Berkas": [f.file or "" for f in findings],
            "Lembar": [f.sheet or "" for f in findings],
            "Baris": [str(f.row) if f.row is not None else "" for f in findings],
        }
    )


def commissioners_table(staff: pd.DataFrame) -> pd.DataFrame:
    """Commissioners: Nama, Jabatan, Divisi, Korwil (kecamatan), Jenis kelamin, Pendidikan."""
    rows = staff[staff["role"] == "Komisioner"]
    return pd.DataFrame(
        {
            "Nama": rows["name"],
            "Jabatan": rows["position"],
            "Divisi": rows["division"],
            "Korwil (kecamatan)": rows["korwil"],
            "Jenis kelamin": rows["gender"],
            "Pendidikan": rows["education"],
        }
    ).reset_index(drop=True)


def asset_table(assets: pd.DataFrame) -> pd.DataFrame:
    """Nama, Merk, Kelompok, Tahun, Umur, Masa manfaat, Jumlah, Kondisi, Asal perolehan."""
    return pd.DataFrame(
        {
            "Nama barang": assets["name"],
            "Merk": assets["brand"],
            "Kelompok": assets["group"],
            "Tahun perolehan": [str(int(y)) if not pd.isna(y) else "-" for y in assets["acquired_year"]],
            "Umur (tahun)": [format_number(a) if not pd.isna(a) else "-" for a in assets["age_years"]],
            "Masa manfaat (tahun)": [format_number(y) if not pd.isna(y) else "-" for y in assets["useful_life_years"]],
            "Jumlah": [format_number(q) for q in assets["quantity"]],
            "Kondisi": assets["condition"],
            "Asal perolehan": assets["source"],
        }
    ).reset_index(drop=True)
