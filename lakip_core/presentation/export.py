"""The report's tables to export (numbers as numbers, a format per column), and CSV.

The same tables serve the dashboard's Ekspor page and ``python -m lakip_core export``:
:mod:`.export_xlsx` writes them as a workbook, :mod:`.export_docx` as a Word document with the
charts of :mod:`.export_images`.

**Formula injection**: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR is never
run as a formula: in xlsx it is written as a string with Excel's quote prefix, in CSV it gets a
leading apostrophe (OWASP). A lone ``-`` (the "no data" mark) and plain numbers are left alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lakip_core.analysis.report import Report
from lakip_core.analysis.whatif.scenario import Scenario
from lakip_core.analysis.whatif.simulate import figures, simulate, simulate_budget
from lakip_core.presentation.format import format_rupiah
from lakip_core.presentation.tables import (
    CellFormat,
    FigureTable,
    budget_columns,
    capaian_budget_columns,
    findings_columns,
    indicator_columns,
)
from lakip_core.rules.settings import Settings
from lakip_core.schema import ObjectiveCol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[-+]?\d[\d.,]*%?$")


@dataclass(frozen=True)
class ExportTable:
    """A table to export: raw values (numbers as numbers), a format per column, a title.

    ``row_formats`` gives per-row formats for a column whose rows hold different kinds (the
    summary's values); the last ``total_rows`` rows are totals (printed bold).
    """

    name: str
    title: str
    frame: pd.DataFrame
    formats: Mapping[str, CellFormat] = field(default_factory=dict)
    note: str = ""
    row_formats: Mapping[str, Sequence[CellFormat]] = field(default_factory=dict)
    total_rows: int = 0

    @classmethod
    def of(cls, name: str, title: str, table: FigureTable, note: str = "") -> ExportTable:
        """An export of a table declared once for the screen and for files."""
        frame, formats = table.raw()
        return cls(name, title, frame, formats, note)

    def format_at(self, column: str, position: int) -> CellFormat:
        """The format of one cell: the row's own format where the column has them, else the column's."""
        if column in self.row_formats:
            return self.row_formats[column][position]
        return self.formats.get(column, CellFormat.TEXT)

    def is_total(self, position: int) -> bool:
        return position >= len(self.frame) - self.total_rows


def is_risky(text: str) -> bool:
    """True when a spreadsheet could read ``text`` as a formula (see the module docstring)."""
    return bool(text) and text.startswith(FORMULA_STARTS) and text != "-" and not _PLAIN_NUMBER.match(text)


def csv_safe(value: object) -> object:
    """A CSV cell: risky text gets a leading apostrophe; everything else is unchanged."""
    return "'" + value if isinstance(value, str) and is_risky(value) else value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as UTF-8 CSV with BOM (Excel opens it with the right characters), formula-safe."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = pd.Series([csv_safe(v) for v in safe[column]], index=safe.index, dtype=object)
    safe.columns = [csv_safe(str(c)) for c in safe.columns]
    return safe.to_csv(index=False).encode("utf-8-sig")


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return float(value)


def report_tables(report: Report) -> list[ExportTable]:
    """Ringkasan, capaian per indicator and per sasaran, anggaran per kegiatan, temuan (those with data)."""
    tables = [_summary(report)]
    frame = report.indicator_frame
    if len(frame):
        tables.append(
            ExportTable.of(
                "Capaian Indikator",
                "Capaian kinerja per indikator",
                indicator_columns(frame),
                "Capaian = realisasi ÷ target × 100 (polaritas negatif: (2 × target − realisasi) ÷ target × 100). "
                "Indikator tanpa realisasi (-) tidak dihitung dalam rata-rata.",
            )
        )
        objectives = report.objectives
        o = ObjectiveCol
        tables.append(
            ExportTable(
                "Capaian Sasaran",
                "Capaian kinerja per sasaran",
                pd.DataFrame(
                    {
                        "Dokumen": objectives[o.DOCUMENT].to_numpy(),
                        "Sasaran": objectives[o.OBJECTIVE].to_numpy(),
                        "Kode": objectives[o.OBJECTIVE_CODE].fillna("").to_numpy(),
                        "Jumlah indikator": objectives[o.INDICATORS].astype(int).to_numpy(),
                        "Dengan realisasi": objectives[o.WITH_DATA].astype(int).to_numpy(),
                        "Tercapai (≥ 100%)": objectives[o.MET].astype(int).to_numpy(),
                        "Capaian rata-rata (%)": [_number(p) for p in objectives[o.MEAN_PCT]],
                        "Kategori": objectives[o.CATEGORY].to_numpy(),
                    }
                ),
                {
                    "Jumlah indikator": CellFormat.INTEGER,
                    "Dengan realisasi": CellFormat.INTEGER,
                    "Tercapai (≥ 100%)": CellFormat.INTEGER,
                    "Capaian rata-rata (%)": CellFormat.PERCENT,
                },
                "Capaian sasaran = rata-rata capaian indikatornya yang memiliki realisasi.",
            )
        )
    lines, totals = report.budget_lines, report.budget_totals
    if len(lines) and totals is not None:
        budget, formats = budget_columns(lines).raw()
        total = {
            "Kode": "",
            "Kegiatan": "Jumlah",
            "Pagu (Rp)": totals.allocation,
            "Realisasi (Rp)": totals.realized,
            "Penyerapan (%)": totals.absorption_pct,
            "Sisa (Rp)": totals.remaining,
        }
        tables.append(
            ExportTable(
                "Anggaran",
                "Realisasi anggaran per kegiatan",
                pd.DataFrame([*budget.to_dict("records"), total], columns=budget.columns),
                formats,
                "Jumlah dihitung dari baris rincian; baris JUMLAH yang tertulis di berkas hanya dibandingkan "
                "(lihat Temuan).",
                total_rows=1,
            )
        )
    if len(report.capaian_budget):
        tables.append(
            ExportTable.of(
                "Capaian vs Anggaran",
                "Capaian kinerja dan penyerapan anggaran per kegiatan",
                capaian_budget_columns(report.capaian_budget),
                "Sasaran dipasangkan dengan anggaran lewat kode kegiatan di nama sasaran. Nilai efisiensi "
                "E = Σ(pagu × capaian − realisasi) ÷ Σ(pagu × capaian) (PMK 214/2017), hanya untuk analisis internal.",
            )
        )
    findings = report.findings
    if findings:
        tables.append(ExportTable.of("Temuan", "Temuan pemeriksaan data", findings_columns(findings)))
    return tables


def _summary(report: Report) -> ExportTable:
    rows: list[tuple[str, object, CellFormat]] = [
        ("Satuan kerja", report.satker or "-", CellFormat.TEXT),
        ("Tahun laporan", report.settings.year, CellFormat.TEXT),
    ]
    if report.indicators is not None:
        office = report.office
        used = ", ".join(office.documents) or "-"
        rows += [
            ("Capaian kinerja kantor (%)", office.mean_pct, CellFormat.PERCENT),
            ("Kategori", office.category, CellFormat.TEXT),
            ("Rata-rata capaian per sasaran (%)", office.mean_of_objectives_pct, CellFormat.PERCENT),
            ("Dokumen yang dihitung untuk capaian kantor", used, CellFormat.TEXT),
            (f"Indikator ({used}; kelompok dihitung sekali)", office.count, CellFormat.INTEGER),
            (f"Indikator dengan realisasi ({used})", office.with_data, CellFormat.INTEGER),
            (f"Indikator tercapai ≥ 100% (dari {office.with_data} dengan realisasi)", office.met, CellFormat.INTEGER),
        ]
        rows += [
            (f"Baris indikator — {d.document}", d.lines, CellFormat.INTEGER)
            for d in report.documents
            if d.document not in office.documents
        ]
    totals = report.budget_totals
    if totals is not None:
        rows += [
            ("Pagu anggaran (Rp)", totals.allocation, CellFormat.RUPIAH),
            ("Realisasi anggaran (Rp)", totals.realized, CellFormat.RUPIAH),
            ("Penyerapan anggaran (%)", totals.absorption_pct, CellFormat.PERCENT),
            ("Sisa anggaran (Rp)", totals.remaining, CellFormat.RUPIAH),
        ]
        if totals.unfunded_rows:
            rows.append(
                (
                    f"Realisasi tanpa pagu, {totals.unfunded_rows} baris (Rp; tidak dalam penyerapan dan sisa)",
                    totals.unfunded_realized,
                    CellFormat.RUPIAH,
                )
            )
    assets = report.asset_summary
    if assets is not None:
        known = assets.units - assets.unknown_condition
        rows += [
            ("Aset (unit)", assets.units, CellFormat.INTEGER),
            (f"Aset kondisi baik (% dari {known} unit yang tercatat kondisinya)", assets.good_pct, CellFormat.PERCENT),
        ]
    people = report.staff_summary
    if people is not None:
        rows.append(("Pegawai sekretariat (ASN dan PPNPN)", people.secretariat, CellFormat.INTEGER))
        rows += [(f"{r.role} (orang)", r.count, CellFormat.INTEGER) for r in people.roles]
        rows += [
            (f"Perempuan di antara {r.role} (% dari {r.gender_known} orang)", r.female_pct, CellFormat.PERCENT)
            for r in people.roles
        ]
    return ExportTable(
        "Ringkasan",
        "Ringkasan capaian kinerja dan anggaran",
        pd.DataFrame({"Uraian": [r[0] for r in rows], "Nilai": [r[1] for r in rows]}),
        # One value column with mixed kinds: each row has its own format.
        row_formats={"Nilai": [r[2] for r in rows]},
    )


def scenario_tables(
    computed: pd.DataFrame, lines: pd.DataFrame | None, scenarios: Sequence[Scenario], settings: Settings
) -> list[ExportTable]:
    """Simulation scenarios side by side, then the indicators and kegiatan each one changes.

    ``computed`` and ``lines`` are the stored
    indicator frame and budget lines. Numbers stay numbers (capaian in points, rupiah).
    """
    rows = figures(computed, lines, scenarios, settings)
    tables = [
        ExportTable(
            "Perbandingan",
            "Perbandingan skenario simulasi",
            pd.DataFrame(
                {
                    "Skenario": [r.name for r in rows],
                    "Capaian kantor (%)": [r.office.mean_pct for r in rows],
                    "Kategori": [r.office.category for r in rows],
                    "Rata-rata per sasaran (%)": [r.office.mean_of_objectives_pct for r in rows],
                    "Tercapai (≥ 100%)": [r.office.met for r in rows],
                    "Dengan realisasi": [r.office.with_data for r in rows],
                    "Indikator diubah": [r.changed_indicators for r in rows],
                    "Penyerapan (%)": [r.budget.absorption_pct if r.budget else None for r in rows],
                    "Sisa anggaran (Rp)": [r.budget.remaining if r.budget else None for r in rows],
                }
            ),
            {
                "Capaian kantor (%)": CellFormat.PERCENT,
                "Rata-rata per sasaran (%)": CellFormat.PERCENT,
                "Tercapai (≥ 100%)": CellFormat.INTEGER,
                "Dengan realisasi": CellFormat.INTEGER,
                "Indikator diubah": CellFormat.INTEGER,
                "Penyerapan (%)": CellFormat.PERCENT,
                "Sisa anggaran (Rp)": CellFormat.RUPIAH,
            },
            "Baris pertama = data tersimpan; skenario tidak mengubah data tersimpan.",
        )
    ]
    for number, scenario in enumerate(scenarios, start=1):
        changed = simulate(computed, scenario, settings).changed
        frame = pd.DataFrame(
            {
                "Sasaran": changed["objective"].to_numpy(),
                "Indikator": changed["label"].to_numpy(),
                "Target tersimpan": changed["target_text_base"].to_numpy(),
                "Target simulasi": changed["target_text"].to_numpy(),
                "Realisasi tersimpan": [a or "-" for a in changed["actual_text_base"]],
                "Realisasi simulasi": [a or "-" for a in changed["actual_text"]],
                "Capaian tersimpan (%)": [_number(p) for p in changed["pct_base"]],
                "Capaian simulasi (%)": [_number(p) for p in changed["pct"]],
                "Kategori simulasi": changed["category"].to_numpy(),
            }
        )
        if lines is not None and len(lines):
            budget = simulate_budget(lines, scenario).lines
            extra = [
                {
                    "Sasaran": "Anggaran",
                    "Indikator": f"{line['code']} {line['name']}".strip(),
                    "Target tersimpan": f"pagu {format_rupiah(line['allocation_base'])}",
                    "Target simulasi": f"pagu {format_rupiah(line['allocation'])}",
                    "Realisasi tersimpan": format_rupiah(line["realized_base"]),
                    "Realisasi simulasi": format_rupiah(line["realized"]),
                    "Capaian tersimpan (%)": _number(line["absorption_base"]),
                    "Capaian simulasi (%)": _number(line["absorption_pct"]),
                    "Kategori simulasi": "",
                }
                for _, line in budget[budget["changed"]].iterrows()
            ]
            # Rows appended as records: assigning text into an empty float column is deprecated.
            frame = pd.DataFrame([*frame.to_dict("records"), *extra], columns=frame.columns)
        tables.append(
            ExportTable(
                f"Skenario {number}",
                f"Perubahan dalam skenario '{scenario.name}'",
                frame,
                {"Capaian tersimpan (%)": CellFormat.PERCENT, "Capaian simulasi (%)": CellFormat.PERCENT},
                scenario.note,
            )
        )
    return tables
