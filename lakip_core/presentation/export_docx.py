"""The report's Bab III as a Word document: A4 (or F4) pages, naskah dinas margins, Word captions.

The content and its order come from :func:`.export_bab3.bab_iii`; this module only writes it.

- **Paper**: A4 (210 × 297 mm) by default, F4 (215 × 330 mm) on request — both used for
  naskah dinas. Margins of the Tata Naskah Dinas (Permendagri 54/2009, ANRI): top 2 cm,
  bottom 2,5 cm, left 3 cm (room for binding), right 2 cm. Arial 11 pt.
- **Captions** are real Word captions: style *Caption*, the text ``Tabel 3.`` then a
  ``SEQ Tabel \\s 1`` field (restarts at each Heading 1, i.e. at ``BAB III``) whose cached result
  is the number, so the document reads right before Word updates its fields and Word can build a
  list of tables or figures from them.
- **Data text** goes into runs, which python-docx escapes for XML; characters XML cannot hold
  (control characters from a damaged cell) are dropped rather than failing the export.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from lakip_core.analysis.report import Report
from lakip_core.analysis.whatif.scenario import Scenario
from lakip_core.presentation.export_bab3 import bab_iii
from lakip_core.presentation.export_blocks import Caption, FigureBlock, Heading, TableBlock, Text
from lakip_core.presentation.export_images import ChartImages, chart_images, report_charts
from lakip_core.presentation.tables import CellFormat, display

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Paper:
    """A page size: name (CLI), label (screen), width and height in millimetres."""

    name: str
    label: str
    width_mm: float
    height_mm: float


A4 = Paper("a4", "A4 (210 × 297 mm)", 210, 297)
F4 = Paper("f4", "F4 (215 × 330 mm)", 215, 330)
PAPERS = {paper.name: paper for paper in (A4, F4)}
MARGINS_CM = {"top": 2.0, "bottom": 2.5, "left": 3.0, "right": 2.0}
FONT = "Arial"
HEADER_FILL = "DDEBF7"
SIMULATION_FILL = "FFF2CC"
TABLE_PT = 8.5
CELL_MARGIN_TWIPS = "57"  # 0,1 cm left and right: room for "Rp 3.277.955.000" in a 3 cm column
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RIGHT = (CellFormat.RUPIAH, CellFormat.PERCENT, CellFormat.INTEGER)


def clean(text: object) -> str:
    """Text Word can hold: characters XML 1.0 forbids (control characters, lone surrogates) dropped."""
    return _NOT_XML.sub("", str(text))


def text_width_cm(paper: Paper) -> float:
    return paper.width_mm / 10 - MARGINS_CM["left"] - MARGINS_CM["right"]


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _field(paragraph: Any, instruction: str, cached: str) -> None:
    """A complex field in a paragraph: ``begin``, the instruction, ``separate``, the cached result, ``end``."""
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="begin"))
    code = _element("w:instrText")
    code.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))
    paragraph.add_run(cached)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


# Elements that must come after w:shd in a cell's and a paragraph's properties (OOXML order).
_AFTER_SHD_TC = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
_AFTER_SHD_P = ("w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:contextualSpacing", "w:jc")


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    properties.insert_element_before(_element("w:shd", val="clear", color="auto", fill=fill), *_AFTER_SHD_TC)


def _shade_paragraph(paragraph: Any, fill: str) -> None:
    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(_element("w:shd", val="clear", color="auto", fill=fill), *_AFTER_SHD_P)


def _styles(document: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt, RGBColor

    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    sizes = {"Title": 16, "Heading 1": 14, "Heading 2": 12, "Heading 3": 11, "Heading 4": 11}
    for name, size in sizes.items():
        style = document.styles[name]
        style.font.name, style.font.size, style.font.bold = FONT, Pt(size), True
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.italic = name == "Heading 4"
        style.paragraph_format.space_before = Pt(12 if name != "Heading 4" else 8)
        style.paragraph_format.keep_with_next = True
    document.styles["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = document.styles["Caption"]
    caption.font.name, caption.font.size, caption.font.bold, caption.font.italic = FONT, Pt(10), True, False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.space_before, caption.paragraph_format.space_after = Pt(6), Pt(4)


def _page(document: Any, paper: Paper) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Mm

    section = document.sections[0]
    section.page_width, section.page_height = Mm(paper.width_mm), Mm(paper.height_mm)
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(footer, "PAGE", "1")


def _caption(document: Any, caption: Caption, *, keep_with_next: bool) -> None:
    paragraph = document.add_paragraph(style="Caption")
    paragraph.add_run(f"{caption.kind} {caption.chapter}.")
    _field(paragraph, f"SEQ {caption.kind} \\* ARABIC \\s 1", str(caption.number))
    paragraph.add_run(f" {clean(caption.title)}")
    paragraph.paragraph_format.keep_with_next = keep_with_next


def _source(document: Any, text: str) -> None:
    from docx.shared import Pt

    if text:
        run = document.add_paragraph().add_run(clean(text))
        run.italic, run.font.size = True, Pt(9)


def _cell_text(cell: Any, text: str, *, bold: bool = False, align: Any = None) -> None:
    from docx.shared import Pt

    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = 0
    paragraph.paragraph_format.line_spacing = 1.0
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run(clean(text))
    run.bold, run.font.size = bold, Pt(TABLE_PT)


def _header(grid: Any, block: TableBlock) -> int:
    """Header rows (a band row above when the block has bands); returns how many."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    center = WD_ALIGN_PARAGRAPH.CENTER
    names = block.columns
    if not block.bands:
        for index, cell in enumerate(grid.rows[0].cells):
            _cell_text(cell, block.headers[index], bold=True, align=center)
            _shade(cell, SIMULATION_FILL if names[index] in block.simulated else HEADER_FILL)
        return 1
    top, bottom = grid.rows[0].cells, grid.rows[1].cells
    start = 0
    while start < len(names):
        band = block.bands[start]
        if band is None:  # no band: one header cell over both rows
            cell = top[start].merge(bottom[start])
            _cell_text(cell, block.headers[start], bold=True, align=center)
            _shade(cell, HEADER_FILL)
            start += 1
            continue
        end = start
        while end + 1 < len(names) and block.bands[end + 1] == band:
            end += 1
        cell = top[start].merge(top[end]) if end > start else top[start]
        simulated = names[start] in block.simulated
        _cell_text(cell, band, bold=True, align=center)
        _shade(cell, SIMULATION_FILL if simulated else HEADER_FILL)
        for index in range(start, end + 1):
            _cell_text(bottom[index], block.headers[index], bold=True, align=center)
            _shade(bottom[index], SIMULATION_FILL if simulated else HEADER_FILL)
        start = end + 1
    return 2


def _table(document: Any, block: TableBlock, width_cm: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    table, names = block.table, block.columns
    header_rows = 2 if block.bands else 1
    grid = document.add_table(rows=header_rows, cols=len(names))
    grid.style = "Table Grid"
    grid.autofit = False
    widths = [Cm(width_cm * w / sum(block.widths)) for w in block.widths]
    _header(grid, block)
    for row in grid.rows[:header_rows]:
        row._tr.get_or_add_trPr().append(_element("w:tblHeader"))  # repeated on every page
    for offset, (_, values) in enumerate(table.frame.iterrows()):
        cells = grid.add_row().cells
        total = table.is_total(offset)
        for cell, name in zip(cells, names, strict=True):
            fmt = table.format_at(name, offset)
            align = WD_ALIGN_PARAGRAPH.RIGHT if fmt in _RIGHT else None
            if name == "No":
                align = WD_ALIGN_PARAGRAPH.CENTER
            _cell_text(cell, str(display(values[name], fmt)), bold=total, align=align)
            if name in block.simulated:
                _shade(cell, SIMULATION_FILL)
    # Word reads the cell widths, LibreOffice the grid's: set both (autofit off = a fixed layout).
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for row in grid.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    margins = _element("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(_element(f"w:{side}", w=CELL_MARGIN_TWIPS, type="dxa"))
    after = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")  # OOXML order in tblPr
    grid._tbl.tblPr.insert_element_before(margins, *after)


def _write(document: Any, chapter: Any, images: ChartImages, width_cm: float) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    for block in chapter.blocks:
        if isinstance(block, Heading):
            document.add_heading(clean(block.text), level=block.level)
        elif isinstance(block, Text):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(clean(block.text))
            if block.note:
                run.italic, run.font.size = True, Pt(9.5)
            if block.simulation:
                _shade_paragraph(paragraph, SIMULATION_FILL)
        elif isinstance(block, TableBlock):
            if block.caption is not None:
                _caption(document, block.caption, keep_with_next=True)
            else:
                document.add_paragraph(clean(block.table.title), style="Caption")
            _table(document, block, width_cm)
            _source(document, block.source)
        elif isinstance(block, FigureBlock):
            document.add_picture(io.BytesIO(images.images[block.slug]), width=Cm(width_cm))
            picture = document.paragraphs[-1]
            picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
            picture.paragraph_format.keep_with_next = True
            _caption(document, block.caption, keep_with_next=bool(block.source))
            _source(document, block.source)


def to_docx(
    report: Report, images: ChartImages | None = None, *, paper: Paper = A4, scenario: Scenario | None = None
) -> bytes:
    """Bab III of the report as a Word document (see the module docstring).

    ``images`` from :func:`chart_images` (``None`` draws them now); charts without an image are
    left out and take no number, and the images' note says why. ``scenario``: a Simulasi
    scenario shown beside the stored figures, never in their place.
    """
    from docx import Document

    if images is None:
        images = chart_images(report_charts(report, scenario))
    chapter = bab_iii(report, set(images.images), scenario)
    document = Document()
    _styles(document)
    _page(document, paper)
    document.add_heading(clean(chapter.title), level=0)
    if images.note:
        document.add_paragraph().add_run(clean(images.note)).italic = True
    _write(document, chapter, images, text_width_cm(paper))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
