"""Display tables: core frames with Indonesian headers and Indonesian-formatted values.

A table that is both shown and exported (indicators, budget, findings) is declared once as a
:class:`FigureTable`: its columns, raw values and :class:`CellFormat`. :meth:`FigureTable.screen`
gives the dashboard's text table (``95,80%``, ``Rp 3.277.955.000``); :meth:`FigureTable.raw`
gives the export's table (numbers stay numbers, the unit moves into the header: ``Capaian (%)``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

import pandas as pd

from lakip_core.presentation.format import format_number, format_percent, format_points, format_rupiah
from lakip_core.rules.documents import KINDS
from lakip_core.rules.findings import SEVERITY_LABELS, Finding, explain
from lakip_core.schema import AssetCol, BudgetCol, IndicatorCol, ObjectiveCol, StaffCol
from lakip_core.schema import CompareCol as C
from lakip_core.schema import ScenarioCol as S

if TYPE_CHECKING:
    from lakip_core.analysis.indicators import DocumentFigures
    from lakip_core.analysis.whatif.simulate import ScenarioFigures


class CellFormat(Enum):
    """How a column's values are shown: as text, rupiah, a percentage or a whole number."""

    TEXT = "text"
    RUPIAH = "rupiah"
    PERCENT = "percent"
    INTEGER = "integer"
    POINTS = "points"


# In an exported table the unit goes into the header, the cell keeps the number.
UNIT_IN_HEADER = {CellFormat.RUPIAH: " (Rp)", CellFormat.PERCENT: " (%)"}  # POINTS headers say "(poin)"


def is_blank(value: object) -> bool:
    """No value: ``None``, NaN or ``pd.NA``."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def display(value: object, fmt: CellFormat, blank: str = "-") -> object:
    """A value as the dashboard shows it: rupiah and percentages as Indonesian text, ``blank`` for none."""
    if is_blank(value):
        return blank
    if fmt is CellFormat.RUPIAH:
        return format_rupiah(float(value))  # type: ignore[arg-type]
    if fmt is CellFormat.PERCENT:
        return format_percent(float(value))  # type: ignore[arg-type]
    if fmt is CellFormat.INTEGER:
        return str(int(value))  # type: ignore[call-overload]
    if fmt is CellFormat.POINTS:
        return format_points(float(value))  # type: ignore[arg-type]
    return value


@dataclass(frozen=True)
class Col:
    """One column of a :class:`FigureTable`: header, raw values, format, what the screen shows for none."""

    header: str
    values: Sequence[object]
    format: CellFormat = CellFormat.TEXT
    blank: str = "-"


@dataclass(frozen=True)
class FigureTable:
    """A table declared once for the screen and for exports."""

    columns: tuple[Col, ...]

    def screen(self) -> pd.DataFrame:
        """Indonesian text for ``st.dataframe`` and CSV downloads."""
        return pd.DataFrame({c.header: [display(v, c.format, c.blank) for v in c.values] for c in self.columns})

    def raw(self) -> tuple[pd.DataFrame, dict[str, CellFormat]]:
        """Raw values (no value → ``None``) under headers carrying the unit, and each column's format."""
        headers = [c.header + UNIT_IN_HEADER.get(c.format, "") for c in self.columns]
        frame = pd.DataFrame(
            {h: [None if is_blank(v) else v for v in c.values] for h, c in zip(headers, self.columns, strict=True)}
        )
        return frame, {h: c.format for h, c in zip(headers, self.columns, strict=True)}


def _list(series: pd.Series) -> list[object]:
    return series.to_numpy(dtype=object).tolist()


def filter_indicators(
    frame: pd.DataFrame,
    documents: Sequence[str] | None = None,
    objective: str | None = None,
    categories: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Indicators of the given documents, one sasaran, and categories (``None`` = all)."""
    mask = pd.Series(True, index=frame.index)
    if documents is not None:
        mask &= frame[IndicatorCol.DOCUMENT].isin(list(documents))
    if objective:
        mask &= frame[IndicatorCol.OBJECTIVE] == objective
    if categories is not None:
        mask &= frame[IndicatorCol.CATEGORY].isin(list(categories))
    return frame[mask]


def _note(row: pd.Series) -> str:
    """Why a line does or does not enter the means, in words (groups once, one document)."""
    c = IndicatorCol
    notes = []
    counted = bool(row.get(c.COUNTED, True))
    if row.get(c.IS_GROUP, False):
        notes.append("baris kelompok" + (" (dihitung sekali)" if counted else "; sub-butirnya yang dihitung"))
    elif not counted:
        notes.append("sub-butir; kelompoknya yang dihitung")
    if not row.get(c.IN_OFFICE_MEAN, True):
        notes.append("dokumen lain; tidak ikut capaian kantor")
    if row[c.HAS_DATA] and pd.isna(row[c.ACHIEVEMENT_PCT]):
        notes.append("capaian tidak dihitung (lihat Pemeriksaan)")
    return "; ".join(notes)


def indicator_columns(frame: pd.DataFrame) -> FigureTable:
    """Dokumen, Sasaran, Indikator, Target, Realisasi, Satuan, Capaian, Kategori (as printed), and
    Keterangan: whether the line enters the means (groups counted once, one document for the office)."""
    c = IndicatorCol
    return FigureTable(
        (
            Col("Dokumen", _list(frame[c.DOCUMENT])),
            Col("Sasaran", _list(frame[c.OBJECTIVE])),
            Col("Indikator", _list(frame[c.LABEL])),
            Col("Target", _list(frame[c.TARGET_TEXT])),
            Col("Realisasi", [a or None for a in frame[c.ACTUAL_TEXT]], blank="belum ada"),
            Col("Satuan", _list(frame[c.UNIT].fillna(""))),
            Col("Capaian", _list(frame[c.ACHIEVEMENT_PCT]), CellFormat.PERCENT),
            Col("Kategori", _list(frame[c.CATEGORY])),
            Col("Keterangan", [_note(row) for _, row in frame.iterrows()]),
        )
    )


def indicator_table(frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`indicator_columns` as the dashboard shows it."""
    return indicator_columns(frame).screen()


def objective_table(objectives: pd.DataFrame) -> pd.DataFrame:
    """Per sasaran: indicators, with realisasi, met, mean achievement, category."""
    return pd.DataFrame(
        {
            "Dokumen": objectives[ObjectiveCol.DOCUMENT],
            "Sasaran": objectives[ObjectiveCol.OBJECTIVE],
            "Kode": objectives[ObjectiveCol.OBJECTIVE_CODE].fillna(""),
            "Indikator": objectives[ObjectiveCol.INDICATORS],
            "Dengan realisasi": objectives[ObjectiveCol.WITH_DATA],
            "Tercapai": objectives[ObjectiveCol.MET],
            "Capaian rata-rata": [format_percent(p) for p in objectives[ObjectiveCol.MEAN_PCT]],
            "Kategori": objectives[ObjectiveCol.CATEGORY],
        }
    ).reset_index(drop=True)


def budget_columns(lines: pd.DataFrame) -> FigureTable:
    """Per kegiatan: Kode, Kegiatan, Pagu, Realisasi, Penyerapan, Sisa."""
    c = BudgetCol
    return FigureTable(
        (
            Col("Kode", [str(v) for v in lines[c.CODE]]),
            Col("Kegiatan", [str(v) for v in lines[c.NAME]]),
            Col("Pagu", _list(lines[c.ALLOCATION]), CellFormat.RUPIAH, blank="pagu kosong"),
            Col("Realisasi", _list(lines[c.REALIZED]), CellFormat.RUPIAH),
            Col("Penyerapan", _list(lines[c.ABSORPTION_PCT]), CellFormat.PERCENT),
            Col("Sisa", _list(lines[c.REMAINING]), CellFormat.RUPIAH),
        )
    )


def capaian_budget_columns(table: pd.DataFrame) -> FigureTable:
    """Per kegiatan (``capaian_budget.by_kegiatan``): capaian beside penyerapan, their gap, the
    efficiency figure and the quadrant."""
    return FigureTable(
        (
            Col("Kode", _list(table["code"])),
            Col("Kegiatan", _list(table["name"])),
            Col("Sasaran", ["; ".join(o) for o in table["objectives"]]),
            Col("Indikator dengan realisasi", _list(table["indicators"]), CellFormat.INTEGER),
            Col("Indikator bercapaian 0%", _list(table["indicators_zero"]), CellFormat.INTEGER),
            Col("Capaian", _list(table["capaian_pct"]), CellFormat.PERCENT),
            Col("Pagu", _list(table["allocation"]), CellFormat.RUPIAH, blank="pagu kosong"),
            Col("Realisasi", _list(table["realized"]), CellFormat.RUPIAH),
            Col("Penyerapan", _list(table["absorption_pct"]), CellFormat.PERCENT),
            Col("Capaian − penyerapan (poin)", _list(table["gap_pts"]), CellFormat.POINTS),
            Col("Nilai efisiensi (E)", _list(table["efficiency_pct"]), CellFormat.PERCENT),
            Col("Kuadran", [q if isinstance(q, str) else "-" for q in table["quadrant"]]),
        )
    )


def document_table(documents: Sequence[DocumentFigures]) -> pd.DataFrame:
    """Per indicator document: kind, lines read, lines counted, with realisasi, met, its mean,
    and whether it feeds the office mean. Counts are never added across documents."""
    return pd.DataFrame(
        {
            "Dokumen": [d.document for d in documents],
            "Jenis": [KINDS.get(d.kind, d.kind) for d in documents],
            "Baris indikator": [d.lines for d in documents],
            "Dihitung (kelompok sekali)": [d.count for d in documents],
            "Dengan realisasi": [d.with_data for d in documents],
            "Tercapai (≥ 100%)": [d.met for d in documents],
            "Capaian rata-rata": [format_percent(d.mean_pct) for d in documents],
            "Capaian kantor": ["dipakai" if d.in_office_mean else "tidak" for d in documents],
        }
    )


def budget_table(lines: pd.DataFrame) -> pd.DataFrame:
    """:func:`budget_columns` as the dashboard shows it (rupiah formatted)."""
    return budget_columns(lines).screen()


def findings_columns(findings: Sequence[Finding]) -> FigureTable:
    """Tingkat, Jenis, Pesan, Berkas, Lembar, Baris."""
    return FigureTable(
        (
            Col("Tingkat", [SEVERITY_LABELS[f.severity] for f in findings]),
            Col("Jenis", [explain(f.code)[0] for f in findings]),
            Col("Pesan", [f.message for f in findings]),
            Col("Berkas", [f.file or "" for f in findings]),
            Col("Lembar", [f.sheet or "" for f in findings]),
            Col("Baris", [f.row for f in findings], CellFormat.INTEGER, blank=""),
        )
    )


def findings_table(findings: Sequence[Finding]) -> pd.DataFrame:
    """:func:`findings_columns` as the dashboard shows it."""
    return findings_columns(findings).screen()


def commissioners_table(staff: pd.DataFrame) -> pd.DataFrame:
    """Commissioners: Nama, Jabatan, Divisi, Korwil (kecamatan), Jenis kelamin, Pendidikan."""
    rows = staff[staff[StaffCol.ROLE] == "Komisioner"]
    return pd.DataFrame(
        {
            "Nama": rows[StaffCol.NAME],
            "Jabatan": rows[StaffCol.POSITION],
            "Divisi": rows[StaffCol.DIVISION],
            "Korwil (kecamatan)": rows[StaffCol.KORWIL],
            "Jenis kelamin": rows[StaffCol.GENDER],
            "Pendidikan": rows[StaffCol.EDUCATION],
        }
    ).reset_index(drop=True)


def asset_table(assets: pd.DataFrame) -> pd.DataFrame:
    """Nama, Merk, Kelompok, Tahun, Umur, Masa manfaat, Jumlah, Kondisi, Asal perolehan."""
    return pd.DataFrame(
        {
            "Nama barang": assets[AssetCol.NAME],
            "Merk": assets[AssetCol.BRAND],
            "Kelompok": assets[AssetCol.GROUP],
            "Tahun perolehan": [str(int(y)) if not pd.isna(y) else "-" for y in assets[AssetCol.ACQUIRED_YEAR]],
            "Umur (tahun)": [format_number(a) if not pd.isna(a) else "-" for a in assets[AssetCol.AGE_YEARS]],
            "Masa manfaat (tahun)": [
                format_number(y) if not pd.isna(y) else "-" for y in assets[AssetCol.USEFUL_LIFE_YEARS]
            ],
            "Jumlah": [format_number(q) for q in assets[AssetCol.QUANTITY]],
            "Kondisi": assets[AssetCol.CONDITION],
            "Asal perolehan": assets[AssetCol.SOURCE],
        }
    ).reset_index(drop=True)


# --- what-if (Simulasi) ------------------------------------------------------------------------


def _change(before: str, after: str) -> str:
    return after if before == after else f"{before} → {after}"


def simulation_objective_table(objectives: pd.DataFrame) -> pd.DataFrame:
    """Per sasaran (from ``whatif.simulate``): capaian tersimpan and simulasi, change, category."""
    return pd.DataFrame(
        {
            "Dokumen": objectives[S.DOCUMENT],
            "Sasaran": objectives[S.OBJECTIVE],
            "Capaian tersimpan": [format_percent(p) for p in objectives[S.MEAN_BASE]],
            "Capaian simulasi": [format_percent(p) for p in objectives[S.MEAN]],
            "Perubahan (poin)": [format_points(d) for d in objectives[S.DELTA_PTS]],
            "Kategori": [
                _change(b, a) for b, a in zip(objectives[S.CATEGORY_BASE], objectives[S.CATEGORY], strict=True)
            ],
        }
    ).reset_index(drop=True)


def simulation_indicator_table(indicators: pd.DataFrame) -> pd.DataFrame:
    """Per indicator (from ``whatif.simulate``): target and realisasi before → after, capaian, category."""
    return pd.DataFrame(
        {
            "Sasaran": indicators[S.OBJECTIVE],
            "Indikator": indicators[S.LABEL],
            "Target": [
                _change(b or "-", a or "-")
                for b, a in zip(indicators[S.TARGET_TEXT_BASE], indicators[S.TARGET_TEXT], strict=True)
            ],
            "Realisasi": [
                _change(b or "belum ada", a or "belum ada")
                for b, a in zip(indicators[S.ACTUAL_TEXT_BASE], indicators[S.ACTUAL_TEXT], strict=True)
            ],
            "Capaian tersimpan": [format_percent(p) for p in indicators[S.PCT_BASE]],
            "Capaian simulasi": [format_percent(p) for p in indicators[S.PCT]],
            "Perubahan (poin)": [format_points(d) for d in indicators[S.DELTA_PTS]],
            "Kategori": [
                _change(b, a) for b, a in zip(indicators[S.CATEGORY_BASE], indicators[S.CATEGORY], strict=True)
            ],
        }
    ).reset_index(drop=True)


def required_table(required: pd.DataFrame, category: str) -> pd.DataFrame:
    """Indicators below a category and the realisasi each needs (from ``whatif.required_for``)."""
    return pd.DataFrame(
        {
            "Indikator": required[S.LABEL],
            "Target": required[S.TARGET_TEXT],
            "Realisasi": [a or "belum ada" for a in required[S.ACTUAL_TEXT]],
            "Capaian": [format_percent(p) for p in required[S.PCT]],
            f"Realisasi minimal untuk {category}": [r or "-" for r in required[S.REQUIRED]],
            "Sasaran": required[S.OBJECTIVE],
        }
    ).reset_index(drop=True)


def influence_table(influence: pd.DataFrame) -> pd.DataFrame:
    """Indicators ranked by how far the office average rises if each reached 100% (``whatif.influence``)."""
    return pd.DataFrame(
        {
            "Indikator": influence[S.LABEL],
            "Capaian": [format_percent(p) for p in influence[S.PCT]],
            "Kenaikan capaian kantor (poin)": [format_points(d) for d in influence[S.GAIN_OFFICE_PTS]],
            "Kenaikan rata-rata sasaran (poin)": [format_points(d) for d in influence[S.GAIN_OBJECTIVES_PTS]],
            "Sasaran": influence[S.OBJECTIVE],
        }
    ).reset_index(drop=True)


def budget_simulation_table(lines: pd.DataFrame) -> pd.DataFrame:
    """Per kegiatan (``whatif.simulate_budget``): pagu, realisasi, penyerapan before → after, sisa."""
    return pd.DataFrame(
        {
            "Kode": lines[S.CODE],
            "Kegiatan": lines[S.NAME],
            "Pagu": [
                _change(format_rupiah(b), format_rupiah(a))
                for b, a in zip(lines[S.ALLOCATION_BASE], lines[S.ALLOCATION], strict=True)
            ],
            "Realisasi": [
                _change(format_rupiah(b), format_rupiah(a))
                for b, a in zip(lines[S.REALIZED_BASE], lines[S.REALIZED], strict=True)
            ],
            "Penyerapan tersimpan": [format_percent(p) for p in lines[S.ABSORPTION_BASE]],
            "Penyerapan simulasi": [format_percent(p) for p in lines[S.ABSORPTION_PCT]],
            "Sisa simulasi": [format_rupiah(v) for v in lines[S.REMAINING]],
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
    table = pd.DataFrame({label: wide[C.NAME]})
    for year in years:
        table[str(year)] = [format_percent(v) for v in wide[year]]
    if len(years) >= 2:
        table[f"Perubahan {years[-2]}–{years[-1]} (poin)"] = [format_points(v) for v in wide[C.CHANGE_PTS]]
    return table.reset_index(drop=True)


def office_trend_table(office: pd.DataFrame) -> pd.DataFrame:
    """Per year: capaian kantor, rata-rata sasaran, tercapai, pagu, realisasi, penyerapan, sisa."""
    return pd.DataFrame(
        {
            "Tahun": [str(y) for y in office[C.YEAR]],
            "Capaian kantor": [format_percent(v) for v in office[C.OFFICE_MEAN_PCT]],
            "Kategori": [c or "-" for c in office[C.CATEGORY]],
            "Rata-rata per sasaran": [format_percent(v) for v in office[C.OFFICE_MEAN_OF_OBJECTIVES_PCT]],
            "Tercapai (≥ 100%)": [f"{m} dari {w}" for m, w in zip(office[C.MET], office[C.WITH_DATA], strict=True)],
            "Pagu": [format_rupiah(v) for v in office[C.ALLOCATION]],
            "Realisasi": [format_rupiah(v) for v in office[C.REALIZED]],
            "Penyerapan": [format_percent(v) for v in office[C.ABSORPTION_PCT]],
            "Sisa": [format_rupiah(v) for v in office[C.REMAINING]],
        }
    )


MATCH_METHODS = {"sama": "Sama", "mirip": "Mirip", "manual": "Dipasangkan manual", "tanpa pasangan": "Tanpa pasangan"}


def match_table(matches: pd.DataFrame) -> pd.DataFrame:
    """Name matches to review: Tahun, Nama di tahun itu, Dicocokkan dengan, Kemiripan, Cara."""
    return pd.DataFrame(
        {
            "Tahun": [str(y) for y in matches[C.YEAR]],
            "Nama di tahun itu": matches[C.NAME],
            "Dicocokkan dengan": [
                c if m != "tanpa pasangan" else "-"
                for c, m in zip(matches[C.CANONICAL], matches[C.METHOD], strict=True)
            ],
            "Kemiripan": [format_percent(s * 100, 0) for s in matches[C.SCORE]],
            "Cara": [MATCH_METHODS.get(m, m) for m in matches[C.METHOD]],
        }
    ).reset_index(drop=True)


def renstra_table(progress: pd.DataFrame) -> pd.DataFrame:
    """Indikator, Target Renstra, Realisasi terakhir (tahun), Kemajuan terhadap target Renstra."""
    return pd.DataFrame(
        {
            "Indikator": progress[C.NAME],
            "Target Renstra": progress[C.RENSTRA_TEXT],
            "Realisasi terakhir": [
                f"{a} ({int(y)})" if a else "belum ada"
                for a, y in zip(progress[C.ACTUAL_TEXT], progress[C.YEAR], strict=True)
            ],
            "Kemajuan": [format_percent(v) for v in progress[C.PROGRESS_PCT]],
        }
    ).reset_index(drop=True)
