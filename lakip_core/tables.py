"""Display tables: core frames with Indonesian headers and Indonesian-formatted values.

Used by the dashboard's tables and CSV downloads (and the report exports), so a figure is
formatted the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from .findings import SEVERITY_LABELS, Finding, explain
from .numbers import format_number, format_percent, format_rupiah

if TYPE_CHECKING:
    from .whatif import ScenarioFigures


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


# --- what-if (Simulasi) ------------------------------------------------------------------------


def format_points(delta: float | None) -> str:
    """A change in percentage points with its sign: ``+6,43`` / ``-2,10`` / ``0``; no data → ``-``."""
    if delta is None or pd.isna(delta):
        return "-"
    if abs(delta) < 0.005:
        return "0"
    return ("+" if delta > 0 else "") + format_number(delta, 2)


def _change(before: str, after: str) -> str:
    return after if before == after else f"{before} → {after}"


def simulation_objective_table(objectives: pd.DataFrame) -> pd.DataFrame:
    """Per sasaran (from ``whatif.simulate``): capaian tersimpan and simulasi, change, category."""
    return pd.DataFrame(
        {
            "Dokumen": objectives["document"],
            "Sasaran": objectives["objective"],
            "Capaian tersimpan": [format_percent(p) for p in objectives["mean_base"]],
            "Capaian simulasi": [format_percent(p) for p in objectives["mean"]],
            "Perubahan (poin)": [format_points(d) for d in objectives["delta_pts"]],
            "Kategori": [
                _change(b, a) for b, a in zip(objectives["category_base"], objectives["category"], strict=True)
            ],
        }
    ).reset_index(drop=True)


def simulation_indicator_table(indicators: pd.DataFrame) -> pd.DataFrame:
    """Per indicator (from ``whatif.simulate``): target and realisasi before → after, capaian, category."""
    return pd.DataFrame(
        {
            "Sasaran": indicators["objective"],
            "Indikator": indicators["label"],
            "Target": [
                _change(b or "-", a or "-")
                for b, a in zip(indicators["target_text_base"], indicators["target_text"], strict=True)
            ],
            "Realisasi": [
                _change(b or "belum ada", a or "belum ada")
                for b, a in zip(indicators["actual_text_base"], indicators["actual_text"], strict=True)
            ],
            "Capaian tersimpan": [format_percent(p) for p in indicators["pct_base"]],
            "Capaian simulasi": [format_percent(p) for p in indicators["pct"]],
            "Perubahan (poin)": [format_points(d) for d in indicators["delta_pts"]],
            "Kategori": [
                _change(b, a) for b, a in zip(indicators["category_base"], indicators["category"], strict=True)
            ],
        }
    ).reset_index(drop=True)


def required_table(required: pd.DataFrame, category: str) -> pd.DataFrame:
    """Indicators below a category and the realisasi each needs (from ``whatif.required_for``)."""
    return pd.DataFrame(
        {
            "Indikator": required["label"],
            "Target": required["target_text"],
            "Realisasi": [a or "belum ada" for a in required["actual_text"]],
            "Capaian": [format_percent(p) for p in required["pct"]],
            f"Realisasi minimal untuk {category}": [r or "-" for r in required["required"]],
            "Sasaran": required["objective"],
        }
    ).reset_index(drop=True)


def influence_table(influence: pd.DataFrame) -> pd.DataFrame:
    """Indicators ranked by how far the office average rises if each reached 100% (``whatif.influence``)."""
    return pd.DataFrame(
        {
            "Indikator": influence["label"],
            "Capaian": [format_percent(p) for p in influence["pct"]],
            "Kenaikan capaian kantor (poin)": [format_points(d) for d in influence["gain_office_pts"]],
            "Kenaikan rata-rata sasaran (poin)": [format_points(d) for d in influence["gain_objectives_pts"]],
            "Sasaran": influence["objective"],
        }
    ).reset_index(drop=True)


def budget_simulation_table(lines: pd.DataFrame) -> pd.DataFrame:
    """Per kegiatan (``whatif.simulate_budget``): pagu, realisasi, penyerapan before → after, sisa."""
    return pd.DataFrame(
        {
            "Kode": lines["code"],
            "Kegiatan": lines["name"],
            "Pagu": [
                _change(format_rupiah(b), format_rupiah(a))
                for b, a in zip(lines["allocation_base"], lines["allocation"], strict=True)
            ],
            "Realisasi": [
                _change(format_rupiah(b), format_rupiah(a))
                for b, a in zip(lines["realized_base"], lines["realized"], strict=True)
            ],
            "Penyerapan tersimpan": [format_percent(p) for p in lines["absorption_base"]],
            "Penyerapan simulasi": [format_percent(p) for p in lines["absorption_pct"]],
            "Sisa simulasi": [format_rupiah(v) for v in lines["remaining"]],
        }
    ).reset_index(drop=True)


def scenario_figures_table(items: Sequence[ScenarioFigures], top_category: str) -> pd.DataFrame:
    """One row per scenario (``whatif.figures``): capaian, category, met, budget absorption."""
    return pd.DataFrame(
        {
            "Skenario": [r.name for r in items],
            "Capaian kantor": [format_percent(r.office.mean_pct) for r in items],
            "Kategori": [r.office.category for r in items],
            "Rata-rata per sasaran": [format_percent(r.office.mean_of_objectives_pct) for r in items],
            "Tercapai (≥ 100%)": [f"{r.office.met} dari {r.office.with_data}" for r in items],
            top_category: [r.top_category_count for r in items],
            "Indikator diubah": [r.changed_indicators for r in items],
            "Penyerapan anggaran": [format_percent(r.budget.absorption_pct if r.budget else None) for r in items],
            "Sisa anggaran": [format_rupiah(r.budget.remaining if r.budget else None) for r in items],
        }
    )


# --- Perbandingan antartahun -------------------------------------------------------------------


def trend_table(wide: pd.DataFrame, years: Sequence[int], label: str) -> pd.DataFrame:
    """``compare.pivot`` output: name, one capaian column per year, change in points since the year before."""
    table = pd.DataFrame({label: wide["name"]})
    for year in years:
        table[str(year)] = [format_percent(v) for v in wide[year]]
    if len(years) >= 2:
        table[f"Perubahan {years[-2]}–{years[-1]} (poin)"] = [format_points(v) for v in wide["change_pts"]]
    return table.reset_index(drop=True)


def office_trend_table(office: pd.DataFrame) -> pd.DataFrame:
    """Per year: capaian kantor, rata-rata sasaran, tercapai, pagu, realisasi, penyerapan, sisa."""
    return pd.DataFrame(
        {
            "Tahun": [str(y) for y in office["year"]],
            "Capaian kantor": [format_percent(v) for v in office["mean_pct"]],
            "Kategori": [c or "-" for c in office["category"]],
            "Rata-rata per sasaran": [format_percent(v) for v in office["mean_of_objectives_pct"]],
            "Tercapai (≥ 100%)": [f"{m} dari {w}" for m, w in zip(office["met"], office["with_data"], strict=True)],
            "Pagu": [format_rupiah(v) for v in office["allocation"]],
            "Realisasi": [format_rupiah(v) for v in office["realized"]],
            "Penyerapan": [format_percent(v) for v in office["absorption_pct"]],
            "Sisa": [format_rupiah(v) for v in office["remaining"]],
        }
    )


MATCH_METHODS = {"sama": "Sama", "mirip": "Mirip", "manual": "Dipasangkan manual", "tanpa pasangan": "Tanpa pasangan"}


def match_table(matches: pd.DataFrame) -> pd.DataFrame:
    """Name matches to review: Tahun, Nama di tahun itu, Dicocokkan dengan, Kemiripan, Cara."""
    return pd.DataFrame(
        {
            "Tahun": [str(y) for y in matches["year"]],
            "Nama di tahun itu": matches["name"],
            "Dicocokkan dengan": [
                c if m != "tanpa pasangan" else "-"
                for c, m in zip(matches["canonical"], matches["method"], strict=True)
            ],
            "Kemiripan": [format_percent(s * 100, 0) for s in matches["score"]],
            "Cara": [MATCH_METHODS.get(m, m) for m in matches["method"]],
        }
    ).reset_index(drop=True)


def renstra_table(progress: pd.DataFrame) -> pd.DataFrame:
    """Indikator, Target Renstra, Realisasi terakhir (tahun), Kemajuan terhadap target Renstra."""
    return pd.DataFrame(
        {
            "Indikator": progress["name"],
            "Target Renstra": progress["renstra_text"],
            "Realisasi terakhir": [
                f"{a} ({int(y)})" if a else "belum ada"
                for a, y in zip(progress["actual_text"], progress["year"], strict=True)
            ],
            "Kemajuan": [format_percent(v) for v in progress["progress_pct"]],
        }
    ).reset_index(drop=True)
