"""The report as a Word document in the order of LAKIP Bab III, with its tables and charts."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from lakip_core.analysis.report import Report
from lakip_core.presentation.export import ExportTable, report_tables
from lakip_core.presentation.export_images import ChartImages, chart_images, report_charts
from lakip_core.presentation.format import format_percent, format_rupiah
from lakip_core.presentation.tables import display

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _docx_table(document: Any, table: ExportTable, columns: Sequence[str] | None = None) -> None:
    from docx.shared import Pt

    names = list(columns or table.frame.columns)
    grid = document.add_table(rows=1, cols=len(names))
    grid.style = "Table Grid"
    for cell, name in zip(grid.rows[0].cells, names, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(str(name))
        run.bold = True
        run.font.size = Pt(8.5)
    for offset, (_, row) in enumerate(table.frame.iterrows()):
        cells = grid.add_row().cells
        for cell, name in zip(cells, names, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(str(display(row[name], table.format_at(str(name), offset))))
            run.font.size = Pt(8.5)
            if table.is_total(offset):
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
            f"{office.with_data} indikator yang memiliki realisasi pada {', '.join(office.documents) or '-'} "
            f"(kelompok dihitung sekali); {office.met} dari {office.with_data} indikator tercapai 100% atau lebih. "
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
