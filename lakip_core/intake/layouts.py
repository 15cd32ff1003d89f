"""Hand-made layouts at intake: checked against the dataset kinds, tried on an upload, and reported.

:mod:`lakip_core.reading.mapping` knows layouts without knowing the kinds; this module adds the
kinds (:data:`~lakip_core.intake.kinds.KINDS`): :func:`parse_layout` for JSON from another office
or the command line, :func:`match_known` and :func:`read_layout` for the upload inspection (a
layout chosen by the person, else the first stored layout whose header cells the file has).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from lakip_core.errors import LakipError
from lakip_core.intake.kinds import KINDS, kind_name
from lakip_core.reading.grids import Grid
from lakip_core.reading.mapping import (
    Layout,
    LayoutError,
    field_problems,
    layout_from_dict,
    layout_from_json,
    read_with_layout,
)
from lakip_core.reading.mapping import match_layout as _match_layout
from lakip_core.reading.tables import Table


@dataclass(frozen=True)
class KnownLayout:
    """A layout with who saved it and when (both "" for a mapping not saved yet)."""

    layout: Layout
    saved_by: str = ""
    saved_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"layout": self.layout.to_dict(), "saved_by": self.saved_by, "saved_at": self.saved_at}

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> KnownLayout:
        return KnownLayout(checked(layout_from_dict(data["layout"])), str(data["saved_by"]), str(data["saved_at"]))


@dataclass(frozen=True)
class LayoutUse:
    """How an upload was read with a layout (kept with the version: ``layout_json``)."""

    name: str
    layout_json: str
    saved_by: str
    saved_at: str
    automatic: bool  # recognised by its header cells among the stored layouts, not chosen
    header_matched: bool  # the file's header cells are the layout's (else read at its stated rows)
    sheet: str
    header_row: int
    total_rows: tuple[int, ...] = ()

    @property
    def layout(self) -> Layout:
        return layout_from_json(self.layout_json)

    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> LayoutUse:
        return LayoutUse(**{**data, "total_rows": tuple(data["total_rows"])})


def checked(layout: Layout) -> Layout:
    """``layout`` with its kind as the internal name, its fields checked against the kind's spec."""
    try:
        kind = kind_name(layout.kind)
    except LakipError as err:
        raise LayoutError(f"Jenis data tata letak '{layout.kind}' tidak dikenal.") from err
    problems = field_problems(layout, KINDS[kind].spec)
    if problems:
        raise LayoutError(f"Tata letak '{layout.name}' tidak dapat dipakai: " + " ".join(problems))
    return layout if layout.kind == kind else replace(layout, kind=kind)


def parse_layout(text: str | bytes) -> Layout:
    """A layout from JSON, checked (format, values and the kind's fields); :class:`LayoutError` otherwise."""
    return checked(layout_from_json(text))


def read_layout(grids: Sequence[Grid], known: KnownLayout, automatic: bool) -> tuple[str, list[Table], LayoutUse]:
    """(kind, tables, how) of ``grids`` read with ``known``'s layout."""
    layout = checked(known.layout)
    read = read_with_layout(grids, layout, KINDS[layout.kind].spec)
    use = LayoutUse(
        name=layout.name,
        layout_json=layout.to_json(),
        saved_by=known.saved_by,
        saved_at=known.saved_at,
        automatic=automatic,
        header_matched=read.header_matched,
        sheet=read.sheet,
        header_row=read.header_row,
        total_rows=read.total_rows,
    )
    return layout.kind, read.tables, use


def match_known(grids: Sequence[Grid], known: Sequence[KnownLayout], kind: str | None) -> KnownLayout | None:
    """The first of ``known`` (kept newest first) whose header cells ``grids`` have, of ``kind`` when given."""
    candidates = [k for k in known if kind is None or k.layout.kind == kind_name(kind)]
    found = _match_layout(grids, [k.layout for k in candidates])
    if found is None:
        return None
    return next(k for k in candidates if k.layout is found[0])
