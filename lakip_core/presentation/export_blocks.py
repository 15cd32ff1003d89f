"""A Word-free document model: headings, paragraphs, tables and figures with numbered captions.

:mod:`.export_bab3` builds the LAKIP chapter from it, :mod:`.export_docx` writes it to Word.
Captions are numbered per chapter in the LAKIP's style (``Tabel 3.1 …`` above a table,
``Gambar 3.1 …`` below a chart), tables and figures counted apart, in the order they are added.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import pandas as pd

from lakip_core.presentation.export import ExportTable
from lakip_core.presentation.tables import CellFormat

CHAPTER = 3
TABLE, FIGURE = "Tabel", "Gambar"


@dataclass(frozen=True)
class Caption:
    """``Tabel 3.1 Capaian …``: kind, number within the chapter, title."""

    kind: str
    number: int
    title: str
    chapter: int = CHAPTER

    @property
    def label(self) -> str:
        return f"{self.kind} {self.chapter}.{self.number}"

    @property
    def text(self) -> str:
        return f"{self.label} {self.title}"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int


@dataclass(frozen=True)
class Text:
    """A paragraph; ``note`` is small italic print, ``simulation`` is shaded like the simulated columns."""

    text: str
    note: bool = False
    simulation: bool = False


@dataclass(frozen=True)
class TableBlock:
    """A table with its caption (``None``: an appendix, titled by ``table.title``).

    ``columns`` are the frame columns printed and ``headers`` their printed headers (frame columns
    carry a suffix where a header repeats); ``bands`` (one per column, ``None`` = none) is an upper
    header row whose equal neighbours merge; ``simulated`` columns hold simulated figures (shaded);
    ``widths`` are relative column widths.
    """

    table: ExportTable
    caption: Caption | None
    columns: tuple[str, ...]
    headers: tuple[str, ...]
    widths: tuple[float, ...]
    bands: tuple[str | None, ...] = ()
    simulated: frozenset[str] = frozenset()
    source: str = ""


@dataclass(frozen=True)
class FigureBlock:
    slug: str
    caption: Caption
    source: str = ""


Block = Heading | Text | TableBlock | FigureBlock


@dataclass(frozen=True)
class Chapter:
    """The document: its title and blocks in order."""

    title: str
    blocks: tuple[Block, ...]

    @property
    def captions(self) -> list[Caption]:
        return [b.caption for b in self.blocks if isinstance(b, TableBlock | FigureBlock) and b.caption is not None]


@dataclass(frozen=True)
class Column:
    """One printed column: frame name (unique), header, relative width, values, format, band."""

    name: str
    header: str
    width: float
    values: list[object]
    format: CellFormat = CellFormat.TEXT
    band: str | None = None
    simulated: bool = False


def table_block(
    name: str, caption: Caption | None, columns: Sequence[Column], total_rows: int = 0, source: str = ""
) -> TableBlock:
    frame = pd.DataFrame({c.name: c.values for c in columns})
    formats = {c.name: c.format for c in columns if c.format is not CellFormat.TEXT}
    title = caption.title if caption is not None else name
    banded = any(c.band for c in columns)
    return TableBlock(
        ExportTable(name, title, frame, formats, total_rows=total_rows),
        caption,
        tuple(c.name for c in columns),
        tuple(c.header for c in columns),
        tuple(c.width for c in columns),
        tuple(c.band for c in columns) if banded else (),
        frozenset(c.name for c in columns if c.simulated),
        source,
    )


@dataclass
class Builder:
    """Blocks in order, with captions numbered as they are added (``charts``: slugs with an image)."""

    charts: Collection[str]
    blocks: list[Block] = field(default_factory=list)
    tables: int = 0
    figures: int = 0

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def next_table(self) -> str:
        return f"{TABLE} {CHAPTER}.{self.tables + 1}"

    def table(self, title: str, name: str, columns: Sequence[Column], total_rows: int = 0, source: str = "") -> None:
        self.tables += 1
        self.add(table_block(name, Caption(TABLE, self.tables, title), columns, total_rows, source))

    def figure(self, slug: str, title: str, source: str = "") -> None:
        """A chart below which its caption stands; a chart without an image takes no number."""
        if slug in self.charts:
            self.figures += 1
            self.add(FigureBlock(slug, Caption(FIGURE, self.figures, title), source))
