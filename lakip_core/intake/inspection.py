"""Inspect one uploaded file: detect its kind and layout, read it, and say what the store keeps.

:func:`inspect_bytes` is the child's work (:mod:`lakip_core.intake.sandbox` runs it with limits);
the :class:`Inspection` it returns travels back to the parent as JSON
(:func:`inspection_to_json`, written from the dataclasses themselves).
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import pandas as pd

from lakip_core import __version__
from lakip_core.analysis.budget import BudgetData, leaves
from lakip_core.analysis.report import build_report, detect_period, detect_satker, detect_year, summary_dict
from lakip_core.analysis.version_summary import figures_of
from lakip_core.errors import EmptyDataError, LakipError
from lakip_core.intake.kinds import KINDS, kind_name
from lakip_core.intake.layouts import KnownLayout, LayoutUse, match_known, read_layout
from lakip_core.intake.security import DEFAULT_LIMITS, Limits, RejectedFileError, check_container
from lakip_core.reading.grids import Grid, load_grids
from lakip_core.reading.mapping import SheetPreview, grid_previews, make_layout
from lakip_core.reading.numbers import cell_text
from lakip_core.reading.satker import SatkerFound, narrow_if_many, pick_satker, satkers_in
from lakip_core.reading.tables import Ambiguity, Table, find_tables
from lakip_core.rules.findings import COLUMN_AMBIGUOUS, SILENT_ZERO, Finding
from lakip_core.rules.settings import Settings
from lakip_core.rules.settings_codec import Overrides
from lakip_core.schema import FILE, BudgetCol

PARSER_VERSION = f"lakip_core {__version__}"
# Findings that mean a value could not be read at all, would be a silent zero, or comes from one of
# two equally fitting columns (until a person chooses): they block storing (problems, no Simpan).
BLOCKING_CODES = frozenset({"AMOUNT_NOT_NUMBER", SILENT_ZERO, COLUMN_AMBIGUOUS})


@dataclass(frozen=True)
class Problem:
    """A reason the file cannot be stored as it is, with its place in the sheet when known."""

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


class ColumnsNotPlacedError(RejectedFileError):
    """The file opened but its columns could not be placed (no header, required columns missing,
    ambiguous columns ...): the message, and the first rows of each sheet for mapping them by hand."""

    def __init__(self, message: str, preview: tuple[SheetPreview, ...]) -> None:
        super().__init__(message)
        self.preview = preview


@dataclass(frozen=True)
class TableLayout:
    """What the reader detected in one sheet: header row, column mapping, unit multiplier."""

    sheet: str
    header_row: int
    mapping: dict[str, str]
    multiplier: int
    unmapped: tuple[str, ...]
    title: tuple[str, ...]
    rows: int
    total_rows: int
    name: str = ""  # a known export layout ("SAKTI GLP039"), else ""
    columns: dict[str, str] = field(default_factory=dict)  # field → column letter ("allocation" → "Q")


@dataclass(frozen=True)
class Inspection:
    """Everything the preview shows and the store keeps about one uploaded file."""

    filename: str
    kind: str
    kind_detected: bool
    sha256: str
    size: int
    year: int
    detected_year: int | None
    detected_satker: str | None
    layout: tuple[TableLayout, ...]
    rows_json: str
    row_count: int
    problems: tuple[Problem, ...]
    findings: tuple[Finding, ...]
    summary: dict[str, Any]
    notes: tuple[str, ...] = ()
    parser_version: str = PARSER_VERSION
    content: bytes = field(default=b"", repr=False)
    # Read with a hand-made layout (None: automatic reading), and the sheets' first rows for one.
    layout_use: LayoutUse | None = None
    preview: tuple[SheetPreview, ...] = ()
    # What the file states about itself (GLP039 title rows, ADK kdsatker): the period's month, the
    # satker code, every satker found (a file with several is read whole unless narrowed), the one
    # it was narrowed to, and the columns that fit one field equally well (for the preview to ask).
    detected_month: int | None = None
    detected_satker_code: str | None = None
    satkers: tuple[SatkerFound, ...] = ()
    narrowed_to: str | None = None
    ambiguities: tuple[Ambiguity, ...] = ()
    # A budget file with several satker read whole: each satker's pagu (code → rupiah), for the
    # preview's choice; computed by the same totals rule as the file's own pagu.
    satker_allocation: dict[str, float] = field(default_factory=dict)
    # ... and its rows as the preview counts them ("N baris data"), so the choice and the preview agree.
    satker_rows: dict[str, int] = field(default_factory=dict)
    # The roll-up figures (:class:`~lakip_core.analysis.version_summary.VersionFigures` as a dict),
    # stored beside the version in the same transaction.
    figures: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when nothing blocks storing the file."""
        return not self.problems

    def rows(self) -> pd.DataFrame:
        """The parsed rows (the dataset's normalised frame, with ``_sheet`` and ``_row``)."""
        return rows_frame(self.rows_json)

    def layout_json(self) -> str:
        return json.dumps([asdict(t) for t in self.layout], ensure_ascii=False)


def rows_frame(rows_json: str) -> pd.DataFrame:
    """Rebuild a parsed-rows frame from its stored JSON (``orient="split"``), values as stored."""
    return pd.read_json(io.StringIO(rows_json), orient="split", dtype=False)


def layouts_from_json(text: str) -> tuple[TableLayout, ...]:
    """The layouts of :meth:`Inspection.layout_json` (JSON lists become the tuples they were)."""
    return tuple(_layout(item) for item in json.loads(text))


def _layout(item: dict[str, Any]) -> TableLayout:
    return TableLayout(**{**item, "unmapped": tuple(item["unmapped"]), "title": tuple(item["title"])})


def _ambiguity(item: dict[str, Any]) -> Ambiguity:
    return Ambiguity(**{**item, "candidates": tuple(tuple(c) for c in item["candidates"])})


def _detect_kind(grids: Sequence[Grid], choices: Mapping[str, str] | None = None) -> tuple[str, list[Table]]:
    """The kind whose header matches the most columns; raises when no kind fits."""
    best: tuple[int, str, list[Table]] | None = None
    for kind in KINDS.values():
        try:
            tables = find_tables(grids, kind.spec, choices)
        except LakipError:
            continue
        score = sum(len(t.mapping) + (100 if t.layout else 0) for t in tables)
        if best is None or score > best[0]:
            best = (score, kind.name, tables)
    if best is None:
        expected = "; ".join(
            f"{k.slug}: " + ", ".join(c.label or c.name for c in k.spec.columns if c.required) for k in KINDS.values()
        )
        raise RejectedFileError(
            "Jenis data tidak dapat dikenali: tidak ada baris judul kolom yang cocok. Pilih jenis data secara "
            f"manual atau gunakan templat. Kolom wajib per jenis — {expected}."
        )
    return best[1], best[2]


def inspect_bytes(
    data: bytes,
    filename: str,
    kind: str | None = None,
    year: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    layouts: Sequence[KnownLayout] = (),
    chosen_layout: KnownLayout | None = None,
    satker: str | None = None,
    overrides: Overrides | None = None,
    columns: Mapping[str, str] | None = None,
) -> Inspection:
    """Check and read one file in this process (the sandbox child's work).

    ``columns`` (field → column letter): a person's choice between columns that fit one field
    equally well (:attr:`Inspection.ambiguities`); the ambiguity is then settled, not a problem.

    ``satker`` (a code or a name) narrows a file holding several satker to that one (raises
    :class:`LakipError` listing the satker found when it is none of them); without it such a file
    is read whole and :attr:`Inspection.satkers` lists them for the person to choose.

    Callers use :func:`lakip_core.intake.sandbox.inspect_upload`, which runs this within limits.

    ``chosen_layout``: read with this hand-made layout. Otherwise the first of the stored ``layouts``
    (newest first) whose header cells the file has is used, and automatic reading only when none is.

    Raises :class:`LakipError` subclasses with an Indonesian message for files that cannot be read;
    :class:`ColumnsNotPlacedError` (with the sheets' first rows) when the file opened but its
    columns could not be placed. Problems that block storing but still let the file be previewed
    (text in amount columns) are returned in :attr:`Inspection.problems`.
    """
    notes = check_container(data, filename, limits)
    grids = load_grids(data, filename)
    if not any(any(cell not in (None, "") for cell in row) for grid in grids for row in grid.rows):
        raise EmptyDataError(
            f"Semua lembar di {filename} kosong. Isi tabelnya (atau gunakan templat), lalu unggah lagi."
        )
    preview = grid_previews(grids)
    use: LayoutUse | None = None
    try:
        known = chosen_layout or match_known(grids, layouts, kind)
        if known is not None:
            kind, tables, use = read_layout(grids, known, automatic=chosen_layout is None)
            detected = False
        elif kind is None:
            kind, tables = _detect_kind(grids, columns)
            detected = True
        else:
            kind, detected = kind_name(kind), False
            tables = find_tables(grids, KINDS[kind].spec, columns)
        if known is None and columns:
            tables, use = _with_choice(grids, kind, tables)
    except (ColumnsNotPlacedError, EmptyDataError):
        raise
    except LakipError as err:  # the reader could not place the columns: the person maps them
        raise ColumnsNotPlacedError(str(err), preview) from err
    if not any(len(t.data) or t.empty_fields for t in tables):  # a header with nothing under it
        where = ", ".join(f"lembar {t.sheet} baris {t.header_row}" for t in tables)
        raise EmptyDataError(
            f"{filename} hanya berisi judul kolom ({where}) tanpa baris data di bawahnya. "
            "Isi datanya di bawah baris judul kolom, lalu unggah lagi."
        )
    satkers = tuple(satkers_in(tables))
    chosen = pick_satker(tables, satker) if satker and len(satkers) > 1 else None
    tables = narrow_if_many(tables, satker)
    narrowed_to = chosen.code if chosen else None
    found_year, found_satker = detect_year(tables), detect_satker(tables)
    period = detect_period(tables)
    settings = (overrides or Overrides()).settings(year or found_year or Settings().year)
    try:
        report = build_report({kind: tables}, settings, found_satker, year_assumed=not (year or found_year))
    except LakipError as err:
        raise ColumnsNotPlacedError(str(err), preview) from err
    frame: pd.DataFrame = getattr(report, kind).frame
    findings = report.findings
    problems = tuple(
        Problem(f.message, sheet=f.sheet, row=f.row, column=None) for f in findings if f.code in BLOCKING_CODES
    )
    layout = tuple(
        TableLayout(
            sheet=t.sheet,
            header_row=t.header_row,
            mapping=dict(t.mapping),
            multiplier=t.multiplier,
            unmapped=t.unmapped,
            title=t.title,
            rows=len(t.data),
            total_rows=len(t.totals),
            name=t.layout,
            columns=t.letters(),
        )
        for t in tables
    )
    rows = frame.drop(columns=[FILE], errors="ignore")
    return Inspection(
        filename=filename,
        kind=kind,
        kind_detected=detected,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        year=settings.year,
        detected_year=found_year,
        detected_satker=found_satker,
        layout=layout,
        rows_json=rows.to_json(orient="split", index=False, date_format="iso", default_handler=str),
        row_count=len(rows),
        problems=problems,
        findings=tuple(f for f in findings if f.code not in BLOCKING_CODES),
        summary=summary_dict(report),
        notes=tuple(notes),
        content=data,
        layout_use=use,
        preview=preview,
        detected_month=period.month if period else None,
        detected_satker_code=report.satker_code,
        satkers=satkers,
        narrowed_to=narrowed_to,
        ambiguities=tuple(a for t in tables for a in t.ambiguities),
        satker_allocation=_allocation_by_satker(report.budget) if kind == "budget" and len(satkers) > 1 else {},
        satker_rows=_rows_by_satker(report.budget) if kind == "budget" and len(satkers) > 1 else {},
        figures=figures_of(report, kind).to_dict(),
    )


def _with_choice(grids: Sequence[Grid], kind: str, tables: list[Table]) -> tuple[list[Table], LayoutUse | None]:
    """A file read automatically whose equally fitting columns a person chose: read through a
    layout made of that reading and the choice, so the version keeps it (``reading_layout``) and
    is read back with the same columns. The choices stay listed as settled ambiguities.

    Only a single table whose every ambiguity was settled; otherwise the choices are taken back
    (still a problem: the mapping screen handles several sheets).
    """
    found = [a for t in tables for a in t.ambiguities]
    if not any(a.settled for a in found):
        return tables, None
    if len(tables) == 1 and all(a.settled for a in found):
        table = tables[0]
        grid = next(g for g in grids if g.sheet == table.sheet)
        rows = range(table.header_row, min(max(table.data_row, table.header_row + 1), table.header_row + 2))
        name = "Pilihan kolom: " + ", ".join(f"{a.label} = kolom {a.chosen}" for a in found)
        try:
            layout = make_layout(name, kind, grid, tuple(rows), {v: k for k, v in table.letters().items()})
            _, read, use = read_layout(grids, KnownLayout(layout), automatic=False)
        except LakipError:
            pass
        else:
            return [replace(t, ambiguities=tuple(found)) for t in read], use
    unsettled = [replace(t, ambiguities=tuple(replace(a, settled=False) for a in t.ambiguities)) for t in tables]
    return unsettled, None


def _allocation_by_satker(data: BudgetData | None) -> dict[str, float]:
    """Σ pagu of the counted rows (:func:`~lakip_core.analysis.budget.leaves`) per satker code."""
    if data is None or BudgetCol.SATKER_CODE not in data.frame.columns:
        return {}
    rows = leaves(data)
    sums = rows[BudgetCol.ALLOCATION].groupby(_satker_codes(rows), sort=False).sum()
    return {str(code): float(total) for code, total in sums.items() if code}


def _satker_codes(frame: pd.DataFrame) -> pd.Series:
    return frame[BudgetCol.SATKER_CODE].map(lambda v: cell_text(v).removesuffix(".0"))


def _rows_by_satker(data: BudgetData | None) -> dict[str, int]:
    """The rows read per satker code (every row the preview lists, headings inside the file not)."""
    if data is None or BudgetCol.SATKER_CODE not in data.frame.columns:
        return {}
    counts = data.frame.groupby(_satker_codes(data.frame), sort=False).size()
    return {str(code): int(n) for code, n in counts.items() if code}


def inspection_to_json(inspection: Inspection) -> str:
    """One line of JSON with every field but the rows and the bytes, then the rows' JSON."""
    head = asdict(inspection)
    rows_json: str = head.pop("rows_json")
    del head["content"]
    return json.dumps({"ok": True, **head}, ensure_ascii=False, default=str) + "\n" + rows_json


def inspection_from_json(text: str, content: bytes) -> Inspection:
    """Inverse of :func:`inspection_to_json`; ``content`` is the file's bytes (not sent back)."""
    head_text, _, rows_json = text.partition("\n")
    head = json.loads(head_text)
    del head["ok"]
    return Inspection(
        **{
            **head,
            "layout": tuple(_layout(item) for item in head["layout"]),
            "problems": tuple(Problem(**p) for p in head["problems"]),
            "findings": tuple(Finding(**f) for f in head["findings"]),
            "notes": tuple(head["notes"]),
            "satkers": tuple(SatkerFound(**item) for item in head.get("satkers", ())),
            "ambiguities": tuple(_ambiguity(item) for item in head.get("ambiguities", ())),
            "rows_json": rows_json,
            "content": content,
            "layout_use": LayoutUse.from_dict(head["layout_use"]) if head.get("layout_use") else None,
            "preview": tuple(SheetPreview.from_dict(p) for p in head.get("preview", ())),
        }
    )
