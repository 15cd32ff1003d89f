"""Exports: the report's tables as an Excel workbook, a Word document (with charts), CSV; chart PNGs.

The same functions serve the dashboard's Ekspor page and ``python -m lakip_core export``.

* **xlsx**: one sheet per table; numbers stay numbers (pagu and realisasi in rupiah with the
  format ``"Rp "#,##0``, percentages as points with ``0.00"%"``), so Excel shows them with the
  separators of the user's locale (``Rp 3.277.955.000``, ``95,80%`` in an Indonesian Excel).
* **docx**: headings in the order of LAKIP Bab III (A. Capaian Kinerja Organisasi,
  B. Realisasi Anggaran), then the findings as an appendix; figures as Indonesian text; charts as
  PNG images drawn by kaleido in headless Chromium, or a note when no browser is available.
* **Formula injection**: a text cell starting with ``=``, ``+``, ``-``, ``@``, tab or CR is never
  run as a formula: in xlsx it is written as a string with Excel's quote prefix, in CSV it gets a
  leading apostrophe (OWASP). A lone ``-`` (the "no data" mark) and plain numbers are left alone.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd
import plotly.graph_objects as go

from . import charts
from .findings import SEVERITY_LABELS, explain
from .numbers import format_number, format_percent, format_rupiah
from .report import Report

ColumnFormat = Literal["text", "rupiah", "percent", "integer"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[-+]?\d[\d.,]*%?$")
XLSX_FORMATS: dict[str, str] = {"rupiah": '"Rp "#,##0', "percent": '0.00"%"', "integer": "#,##0"}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CHART_WIDTH_PX = 900
CHART_LABELS = {
    "capaian-sasaran": "Capaian per sasaran",
    "kategori-capaian": "Indikator per kategori",
    "anggaran-kegiatan": "Pagu dan realisasi per kegiatan",
    "penyerapan-kegiatan": "Penyerapan per kegiatan",
}


@dataclass(frozen=True)
class ExportTable:
    """A table to export: raw values (numbers as numbers), a format per column, a title."""

    name: str
    title: str
    frame: pd.DataFrame
    formats: Mapping[str, ColumnFormat] = field(default_factory=dict)
    note: str = ""

    def format_of(self, column: str) -> ColumnFormat:
        return self.formats.get(column, "text")


# --- formula-injection-safe text ---------------------------------------------------------------


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


# --- the report's tables -----------------------------------------------------------------------


def _number(value: Any) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return float(value)


def report_tables(report: Report) -> list[ExportTable]:
    """Ringkasan, capaian per indicator and per sasaran, anggaran per kegiatan, temuan (those with data)."""
    tables = [ExportTable("Ringkasan", "Ringkasan capaian kinerja dan anggaran", _summary(report))]
    frame = report.indicator_frame
    if len(frame):
        labels = frame["label"] if "label" in frame.columns else frame["indicator"]
        tables.append(
            ExportTable(
                "Capaian Indikator",
                "Capaian kinerja per indikator",
                pd.DataFrame(
                    {
                        "Dokumen": frame["document"].to_numpy(),
                        "Sasaran": frame["objective"].to_numpy(),
                        "Indikator": labels.to_numpy(),
                        "Target": frame["target_text"].to_numpy(),
                        "Realisasi": [a or "-" for a in frame["actual_text"]],
                        "Satuan": frame["unit"].fillna("").to_numpy(),
                        "Capaian (%)": [_number(p) for p in frame["achievement_pct"]],
                        "Kategori": frame["category"].to_numpy(),
                    }
                ),
                {"Capaian (%)": "percent"},
                "Capaian = realisasi ÷ target × 100 (polaritas negatif: (2 × target − realisasi) ÷ target × 100). "
                "Indikator tanpa realisasi (-) tidak dihitung dalam rata-rata.",
            )
        )
        objectives = report.objectives
        tables.append(
            ExportTable(
                "Capaian Sasaran",
                "Capaian kinerja per sasaran",
                pd.DataFrame(
                    {
                        "Dokumen": objectives["document"].to_numpy(),
                        "Sasaran": objectives["objective"].to_numpy(),
                        "Kode": objectives["objective_code"].fillna("").to_numpy(),
                        "Jumlah indikator": objectives["indicators"].astype(int).to_numpy(),
                        "Dengan realisasi": objectives["with_data"].astype(int).to_numpy(),
                        "Tercapai (≥ 100%)": objectives["met"].astype(int).to_numpy(),
                        "Capaian rata-rata (%)": [_number(p) for p in objectives["mean_achievement_pct"]],
                        "Kategori": objectives["category"].to_numpy(),
                    }
                ),
                {
                    "Jumlah indikator": "integer",
                    "Dengan realisasi": "integer",
                    "Tercapai (≥ 100%)": "integer",
                    "Capaian rata-rata (%)": "percent",
                },
                "Capaian sasaran = rata-rata capaian indikatornya yang memiliki realisasi.",
            )
        )
    lines, totals = report.budget_lines, report.budget_totals
    if len(lines) and totals is not None:
        budget = pd.DataFrame(
            {
                "Kode": [str(c) for c in lines["code"]] + [""],
                "Kegiatan": [str(n) for n in lines["name"]] + ["Jumlah"],
                "Pagu (Rp)": [_number(v) for v in lines["allocation"]] + [totals.allocation],
                "Realisasi (Rp)": [_number(v) for v in lines["realized"]] + [totals.realized],
                "Penyerapan (%)": [_number(v) for v in lines["absorption_pct"]] + [totals.absorption_pct],
                "Sisa (Rp)": [_number(v) for v in lines["remaining"]] + [totals.remaining],
            }
        )
        tables.append(
            ExportTable(
                "Anggaran",
                "Realisasi anggaran per kegiatan",
                budget,
                {"Pagu (Rp)": "rupiah", "Realisasi (Rp)": "rupiah", "Penyerapan (%)": "percent", "Sisa (Rp)": "rupiah"},
                "Jumlah dihitung dari baris rincian; baris JUMLAH yang tertulis di berkas hanya dibandingkan "
                "(lihat Temuan).",
            )
        )
    findings = report.findings
    if findings:
        tables.append(
            ExportTable(
                "Temuan",
                "Temuan pemeriksaan data",
                pd.DataFrame(
                    {
                        "Tingkat": [SEVERITY_LABELS[f.severity] for f in findings],
                        "Jenis": [explain(f.code)[0] for f in findings],
                        "Pesan": [f.message for f in findings],
                        "Berkas": [f.file or "" for f in findings],
                        "Lembar": [f.sheet or "" for f in findings],
                        "Baris": [f.row for f in findings],
                    }
                ),
                {"Baris": "integer"},
            )
        )
    return tables


def _summary(report: Report) -> pd.DataFrame:
    rows: list[tuple[str, object, ColumnFormat]] = [
        ("Satuan kerja", report.satker or "-", "text"),
        ("Tahun laporan", report.settings.year, "text"),
    ]
    if report.indicators is not None:
        office = report.office
        rows += [
            ("Capaian kinerja kantor (%)", office.mean_pct, "percent"),
            ("Kategori", office.category, "text"),
            ("Rata-rata capaian per sasaran (%)", office.mean_of_objectives_pct, "percent"),
            ("Indikator", office.count, "integer"),
            ("Indikator dengan realisasi", office.with_data, "integer"),
            ("Indikator tercapai (≥ 100%)", office.met, "integer"),
        ]
    totals = report.budget_totals
    if totals is not None:
        rows += [
            ("Pagu anggaran (Rp)", totals.allocation, "rupiah"),
            ("Realisasi anggaran (Rp)", totals.realized, "rupiah"),
            ("Penyerapan anggaran (%)", totals.absorption_pct, "percent"),
            ("Sisa anggaran (Rp)", totals.remaining, "rupiah"),
        ]
    # One value column with mixed kinds: the format travels per row in a hidden column.
    return pd.DataFrame(
        {"Uraian": [r[0] for r in rows], "Nilai": [r[1] for r in rows], "_format": [r[2] for r in rows]}
    )


# --- xlsx --------------------------------------------------------------------------------------


def _write_cell(cell: Any, value: object, fmt: ColumnFormat) -> None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        cell.value = "-"
        return
    if fmt != "text" and isinstance(value, (int, float)) and not isinstance(value, bool):
        cell.value = value
        cell.number_format = XLSX_FORMATS[fmt]
        return
    text = str(value)
    cell.value = text
    cell.data_type = "s"  # openpyxl would otherwise store "=..." as a formula
    if is_risky(text):
        cell.quotePrefix = True  # Excel keeps it text even when the cell is edited again


def to_xlsx(tables: Sequence[ExportTable], title: str = "") -> bytes:
    """An Excel workbook: one sheet per table with its title, note, bold header, filters, frozen header."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    thin = Side(style="thin", color="999999")
    for table in tables:
        sheet = workbook.create_sheet(table.name[:31])
        sheet.cell(1, 1, table.title).font = Font(bold=True, size=13)
        if title:
            sheet.cell(2, 1, title).font = Font(italic=True, color="555555")
        if table.note:
            sheet.cell(3, 1, table.note).font = Font(italic=True, color="555555")
        columns = [c for c in table.frame.columns if not str(c).startswith("_")]
        header_row = 5
        for col, name in enumerate(columns, start=1):
            cell = sheet.cell(header_row, col)
            _write_cell(cell, str(name), "text")
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="DDEBF7")
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        row_formats = table.frame["_format"] if "_format" in table.frame.columns else None
        for offset, (_, row) in enumerate(table.frame.iterrows()):
            total = str(row.get("Kegiatan", "")) == "Jumlah"
            for col, name in enumerate(columns, start=1):
                fmt = table.format_of(str(name))
                if row_formats is not None and name == "Nilai":
                    fmt = row_formats.iloc[offset]
                cell = sheet.cell(header_row + 1 + offset, col)
                _write_cell(cell, row[name], fmt)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
                if total:
                    cell.font = Font(bold=True)
        for col, name in enumerate(columns, start=1):
            values = [str(name), *(str(v) for v in table.frame[name].head(200))]
            width = min(60, max(10, max(len(v) for v in values) + 2))
            sheet.column_dimensions[get_column_letter(col)].width = width
        sheet.freeze_panes = sheet.cell(header_row + 1, 1)
        if len(table.frame):
            sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{header_row + len(table.frame)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- charts ------------------------------------------------------------------------------------


def report_charts(report: Report) -> dict[str, go.Figure]:
    """The charts of the Word document, by file-name slug, in LAKIP order."""
    figures: dict[str, go.Figure] = {}
    office = report.office
    if report.indicators is not None and len(report.indicator_frame):
        measured = report.objectives[report.objectives["with_data"] > 0]
        figures["capaian-sasaran"] = charts.objectives_chart(measured, office.mean_pct, office.category)
        frame = report.indicator_frame
        figures["kategori-capaian"] = charts.category_chart(
            frame[frame["has_data"].astype(bool)], report.settings.scale
        )
    totals = report.budget_totals
    if totals is not None and len(report.budget_lines):
        figures["anggaran-kegiatan"] = charts.budget_chart(report.budget_lines, totals.absorption_pct, totals.remaining)
        figures["penyerapan-kegiatan"] = charts.absorption_chart(report.budget_lines, totals.absorption_pct)
    return figures


@dataclass(frozen=True)
class ChartImages:
    """PNG bytes per chart slug, or a note saying why there are none."""

    images: Mapping[str, bytes]
    note: str = ""


def _figure_height(fig: go.Figure) -> int:
    height = fig.layout.height
    return int(height) if height else 500


async def _render(figures: Mapping[str, go.Figure], scale: float, timeout: float) -> dict[str, bytes]:
    import kaleido

    images: dict[str, bytes] = {}
    async with kaleido.Kaleido(n=1, timeout=timeout) as renderer:
        for slug, fig in figures.items():
            opts = {"format": "png", "width": CHART_WIDTH_PX, "height": _figure_height(fig), "scale": scale}
            images[slug] = await renderer.calc_fig(fig, opts=opts)
    return images


def chart_images(figures: Mapping[str, go.Figure], scale: float = 2.0, timeout: float = 90.0) -> ChartImages:
    """Render figures to PNG with kaleido and headless Chromium (one browser for all of them).

    Without kaleido or Chromium, or when rendering fails, returns no images and an Indonesian
    note; the caller then exports the tables alone. Runs in its own thread so that it works
    from inside an event loop too.
    """
    if not figures:
        return ChartImages({})
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            images = pool.submit(asyncio.run, _render(figures, scale, timeout)).result(timeout=timeout * 2)
    except ImportError:
        return ChartImages({}, "Grafik tidak disertakan: paket kaleido belum terpasang di server.")
    except Exception as err:  # noqa: BLE001 - any browser failure means "tables only", never a crash
        reason = "Chromium tidak tersedia" if "chrom" in str(err).lower() else type(err).__name__
        return ChartImages({}, f"Grafik tidak disertakan: grafik tidak dapat digambar di server ({reason}).")
    return ChartImages(images)


# --- docx --------------------------------------------------------------------------------------


def _display(value: object, fmt: ColumnFormat) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    if fmt == "rupiah":
        return format_rupiah(float(value))  # type: ignore[arg-type]
    if fmt == "percent":
        return format_percent(float(value))  # type: ignore[arg-type]
    if fmt == "integer":
        return format_number(float(value))  # type: ignore[arg-type]
    return str(value)


def _docx_table(document: Any, table: ExportTable, columns: Sequence[str] | None = None) -> None:
    from docx.shared import Pt

    names = [c for c in (columns or table.frame.columns) if not str(c).startswith("_")]
    grid = document.add_table(rows=1, cols=len(names))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, names, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(name))
        run.bold = True
        run.font.size = Pt(8.5)
    row_formats = table.frame["_format"] if "_format" in table.frame.columns else None
    for offset, (_, row) in enumerate(table.frame.iterrows()):
        cells = grid.add_row().cells
        for cell, name in zip(cells, names, strict=True):
            fmt = table.format_of(str(name))
            if row_formats is not None and name == "Nilai":
                fmt = row_formats.iloc[offset]
            cell.text = ""
            run = cell.paragraphs[0].add_run(_display(row[name], fmt))
            run.font.size = Pt(8.5)
            if str(row.get("Kegiatan", "")) == "Jumlah":
                run.bold = True


def to_docx(report: Report, images: ChartImages | None = None) -> bytes:
    """A Word document in the order of LAKIP Bab III with the report's tables and charts.

    ``images`` from :func:`chart_images` (``None`` renders them now); without images a note says
    why the charts are missing.
    """
    from docx import Document
    from docx.shared import Cm, Pt

    if images is None:
        images = chart_images(report_charts(report))
    tables = {t.name: t for t in report_tables(report)}
    document = Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2)
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(10.5)
    satker = report.satker or "Satuan Kerja"
    document.add_heading(f"Laporan Kinerja {satker} Tahun {report.settings.year}", level=0)
    document.add_paragraph(
        "Tabel dan grafik untuk Bab III, dihasilkan oleh Dasbor LAKIP dari berkas data; semua jumlah dihitung "
        "dari baris rincian."
    ).runs[0].italic = True
    if images.note:
        document.add_paragraph(images.note).runs[0].italic = True

    def picture(slug: str, caption: str) -> None:
        if slug in images.images:
            document.add_picture(io.BytesIO(images.images[slug]), width=Cm(16.5))
            document.add_paragraph(caption).runs[0].italic = True

    document.add_heading("BAB III AKUNTABILITAS KINERJA", level=1)
    document.add_heading("A. Capaian Kinerja Organisasi", level=2)
    if report.indicators is not None:
        office = report.office
        document.add_paragraph(
            f"Capaian kinerja kantor {format_percent(office.mean_pct)} (kategori {office.category}), rata-rata dari "
            f"{office.with_data} indikator yang memiliki realisasi; {office.met} indikator tercapai 100% atau lebih. "
            f"Rata-rata capaian per sasaran {format_percent(office.mean_of_objectives_pct)}."
        )
        document.add_heading("1. Capaian per sasaran", level=3)
        _docx_table(
            document, tables["Capaian Sasaran"], ["Sasaran", "Jumlah indikator", "Capaian rata-rata (%)", "Kategori"]
        )
        picture("capaian-sasaran", "Grafik: capaian rata-rata per sasaran.")
        document.add_heading("2. Capaian per indikator", level=3)
        _docx_table(
            document,
            tables["Capaian Indikator"],
            ["Sasaran", "Indikator", "Target", "Realisasi", "Capaian (%)", "Kategori"],
        )
        picture("kategori-capaian", "Grafik: jumlah indikator per kategori capaian.")
    else:
        document.add_paragraph("Data indikator kinerja belum tersedia.")
    document.add_heading("B. Realisasi Anggaran", level=2)
    totals = report.budget_totals
    if totals is not None and "Anggaran" in tables:
        document.add_paragraph(
            f"Realisasi anggaran {format_rupiah(totals.realized)} dari pagu {format_rupiah(totals.allocation)} "
            f"(penyerapan {format_percent(totals.absorption_pct)}); sisa anggaran {format_rupiah(totals.remaining)}."
        )
        _docx_table(document, tables["Anggaran"])
        picture("anggaran-kegiatan", "Grafik: pagu dan realisasi per kegiatan.")
        picture("penyerapan-kegiatan", "Grafik: penyerapan per kegiatan.")
    else:
        document.add_paragraph("Data anggaran belum tersedia.")
    if "Temuan" in tables:
        document.add_heading("Lampiran: Temuan Pemeriksaan Data", level=1)
        _docx_table(document, tables["Temuan"], ["Tingkat", "Jenis", "Pesan"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_xlsx(report: Report) -> bytes:
    """The report's tables as an Excel workbook (see :func:`report_tables`)."""
    satker = report.satker or "Satuan kerja"
    return to_xlsx(report_tables(report), f"{satker}, tahun {report.settings.year}; dihasilkan oleh Dasbor LAKIP")


def figure_png(fig: go.Figure, scale: float = 2.0) -> bytes | None:
    """One chart as PNG (``None`` when kaleido/Chromium cannot draw it)."""
    return chart_images({"grafik": fig}, scale).images.get("grafik")


def scenario_tables(
    computed: pd.DataFrame, lines: pd.DataFrame | None, scenarios: Sequence[Any], settings: Any
) -> list[ExportTable]:
    """Simulation scenarios side by side, then the indicators and kegiatan each one changes.

    ``scenarios`` are :class:`whatif.Scenario` objects; ``computed`` and ``lines`` the stored
    indicator frame and budget lines. Numbers stay numbers (capaian in points, rupiah).
    """
    from . import whatif

    rows = whatif.figures(computed, lines, scenarios, settings)
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
                "Capaian kantor (%)": "percent",
                "Rata-rata per sasaran (%)": "percent",
                "Tercapai (≥ 100%)": "integer",
                "Dengan realisasi": "integer",
                "Indikator diubah": "integer",
                "Penyerapan (%)": "percent",
                "Sisa anggaran (Rp)": "rupiah",
            },
            "Baris pertama = data tersimpan; skenario tidak mengubah data tersimpan.",
        )
    ]
    for number, scenario in enumerate(scenarios, start=1):
        changed = whatif.simulate(computed, scenario, settings).changed
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
            budget = whatif.simulate_budget(lines, scenario).lines
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
                {"Capaian tersimpan (%)": "percent", "Capaian simulasi (%)": "percent"},
                scenario.note,
            )
        )
    return tables
