"""Find the header row of a dataset in a sheet's cells and map its columns to canonical names.

Files staff really have carry title rows, blank rows, notes, a column-number row (``1 2 3 4``)
and JUMLAH / TOTAL rows. This module finds the header by matching column aliases and maps the
columns to canonical names; :mod:`lakip_core.reading.builder` then builds the table. Exports
whose layout is known cell by cell (SAKTI GLP039, SIPD LRA, ADK) are read by
:mod:`lakip_core.reading.layouts` first. Opening the file is :mod:`lakip_core.reading.grids`.

Column matching: an exact alias beats a prefix (``Pagu Anggaran (Rp)`` starts with the alias
``Pagu Anggaran``); a one-word alias claims a longer header only when the other words qualify it
(a year, an abbreviation, a unit: ``Target 2024``, ``Kondisi (B/RR/RB)``) — ``Kode Satker`` is
not ``Kode`` and ``Nilai Buku`` is not ``Nilai``. Two columns that fit one field equally well
are an :class:`Ambiguity` for the person to settle, never a refusal of the file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from lakip_core.errors import HeaderNotFoundError, LakipError, MissingColumnsError
from lakip_core.reading.builder import build_table
from lakip_core.reading.columnar import read_tables_columnar
from lakip_core.reading.grids import Grid, Source, load_grids, read_source, sniff
from lakip_core.reading.layouts import read_layout
from lakip_core.reading.model import (
    Ambiguity,
    Column,
    DatasetSpec,
    EmptyField,
    Period,
    Table,
    aliases,
    column_letter,
    normalize_label,
)
from lakip_core.reading.numbers import cell_text

__all__ = [
    "Ambiguity",
    "Column",
    "DatasetSpec",
    "EmptyField",
    "Period",
    "Table",
    "aliases",
    "find_tables",
    "match_column",
    "normalize_label",
    "read_tables",
]

HEADER_SEARCH_ROWS = 40


# Words that may follow a one-word alias and still mean that column: a year or a number, a short
# abbreviation (Kondisi B/RR/RB, Jumlah Unit), a unit or a qualifier. Any other word names
# something else: "Kode Satker" is not "Kode", "Nilai Buku" is not "Nilai".
_QUALIFIERS = frozenset(
    {
        "persen", "tahun", "thn", "akhir", "awal", "total", "unit", "buah", "orang", "satuan", "anggaran",
        "dalam", "ribuan", "jutaan", "ribu", "juta", "kinerja", "semula", "menjadi", "murni", "perubahan",
        "revisi", "terakhir", "saat", "ini", "lalu",
    }
)  # fmt: skip


def _qualifies(rest: str) -> bool:
    return all(word.isdigit() or len(word) <= 3 or word in _QUALIFIERS for word in rest.split())


def match_column(label: str, spec: DatasetSpec) -> tuple[str, int] | None:
    """The field a normalised header ``label`` means, with its specificity (higher = surer).

    An exact alias scores above any prefix; among prefixes the longest alias wins. A one-word
    alias only claims a header whose other words qualify it (see the module docstring).
    """
    if not label:
        return None
    for column in spec.columns:
        if label in column.aliases:
            return column.name, 1000
    best: tuple[str, int] | None = None
    for column in spec.columns:
        for alias in column.aliases:
            if label.startswith(alias + " "):
                rest = label[len(alias) :]
                if "persen" in rest and "persen" not in alias:
                    continue
                if " " not in alias and not _qualifies(rest):
                    continue
                if best is None or len(alias) > best[1]:
                    best = (column.name, len(alias))
    return best


def _match_column(label: str, spec: DatasetSpec) -> str | None:
    found = match_column(label, spec)
    return found[0] if found else None


def _map_header(cells: Sequence[object], spec: DatasetSpec) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for idx, cell in enumerate(cells):
        name = _match_column(normalize_label(cell), spec)
        if name is not None:
            mapping[idx] = name
    return mapping


def find_tables(grids: Sequence[Grid], spec: DatasetSpec, choices: Mapping[str, str] | None = None) -> list[Table]:
    """Find the header in each sheet and return one :class:`Table` per sheet that has one.

    ``choices`` (field → column letter) settles an :class:`Ambiguity` the way a person chose: the
    column named is read for that field when it is one of the equally fitting candidates.

    A sheet in a known export layout (:mod:`lakip_core.reading.layouts`) is read by its layout.
    Otherwise the header is the row among the first rows with the most cells matching the spec's aliases
    (at least two). Sheets without such a row are skipped. When no sheet has a header the best
    candidate's missing columns are reported (:class:`MissingColumnsError`), or
    :class:`HeaderNotFoundError` when nothing matched at all.
    """
    tables: list[Table] = []
    best_failure: tuple[int, LakipError] | None = None
    for grid in grids:
        known = read_layout(grid, spec)
        if known is not None:
            tables.append(known)
            continue
        candidate = _best_header(grid, spec)
        if candidate is None:
            continue
        idx, mapping, data_start = _two_row_header(grid, *candidate, spec)
        found_names = set(mapping.values())
        missing = [c.label or c.name for c in spec.columns if c.required and c.name not in found_names]
        for group in spec.one_of:
            if not found_names.intersection(group):
                missing.append(" atau ".join(spec.column(n).label or n for n in group))
        if missing:
            found = [cell_text(c) for c in grid.rows[idx] if cell_text(c)]
            error = MissingColumnsError(spec.label, missing, found, where=_where(grid, idx + 1))
            if best_failure is None or len(found_names) > best_failure[0]:
                best_failure = (len(found_names), error)
            continue
        tables.append(_build_table(grid, idx, mapping, spec, data_start, choices))
    if tables:
        return tables
    if best_failure is not None:
        raise best_failure[1]
    names = ", ".join(sorted({g.file for g in grids}))
    expected = ", ".join(c.label or c.name for c in spec.columns if c.required)
    raise HeaderNotFoundError(
        f"Baris judul kolom data {spec.label} tidak ditemukan di {names}. "
        f"Pastikan ada satu baris berisi nama kolom, misalnya: {expected}."
    )


def _where(grid: Grid, row: int | None = None) -> str:
    place = grid.file if grid.sheet in ("", Path(grid.file).stem) else f"{grid.file}, lembar {grid.sheet}"
    return f"{place}, baris {row}" if row else place


def _best_header(grid: Grid, spec: DatasetSpec) -> tuple[int, dict[int, str]] | None:
    best: tuple[int, dict[int, str]] | None = None
    for idx, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        mapping = _map_header(row, spec)
        if len(set(mapping.values())) >= 2 and (
            best is None or len(set(mapping.values())) > len(set(best[1].values()))
        ):
            best = (idx, mapping)
    return best


def _two_row_header(
    grid: Grid, idx: int, mapping: dict[int, str], spec: DatasetSpec
) -> tuple[int, dict[int, str], int]:
    """Headers printed on two rows, like the seed's ``No. | Sasaran | Indikator Kinerja`` over
    ``Uraian | Target | Capaian | %``: fill the chosen row's blank cells from the row above, or
    take a sub-header row below (two or more matching labels), then start the data after it.

    Returns (header row, mapping, index of the first data row).
    """
    found = set(mapping.values())
    merged = dict(mapping)

    def fill(row_index: int, override: bool) -> int:
        row = grid.rows[row_index]
        other = _map_header(row, spec)
        header = grid.rows[idx]
        added = 0
        for col, name in other.items():
            blank_here = col >= len(header) or not cell_text(header[col])
            if name not in found and (blank_here or override) and col not in merged:
                merged[col] = name
                found.add(name)
                added += 1
            elif override and col in merged and merged[col] != name and name not in found:
                found.discard(merged[col])
                merged[col] = name
                found.add(name)
                added += 1
        return added

    if idx > 0:
        fill(idx - 1, override=False)
    data_start = idx + 1
    if idx + 1 < len(grid.rows) and len(set(_map_header(grid.rows[idx + 1], spec).values())) >= 2:
        fill(idx + 1, override=True)
        data_start = idx + 2
    return idx, merged, data_start


def _label_of(grid: Grid, idx: int, col: int, data_start: int) -> str:
    """The header text of a column: the header row's cell, else the sub-header or the row above."""
    for row in (idx, idx + 1 if data_start > idx + 1 else -1, idx - 1):
        if 0 <= row < len(grid.rows) and col < len(grid.rows[row]) and cell_text(grid.rows[row][col]):
            return cell_text(grid.rows[row][col])
    return ""


def _resolve_duplicates(
    grid: Grid,
    idx: int,
    mapping: dict[int, str],
    spec: DatasetSpec,
    data_start: int,
    choices: Mapping[str, str] | None = None,
) -> tuple[dict[int, str], tuple[Ambiguity, ...]]:
    """One column per field: the most specific header wins (an exact alias over a prefix); equally
    specific headers are an :class:`Ambiguity` (the leftmost is used until the person chooses;
    ``choices`` holds what they chose, field → column letter)."""
    by_field: dict[str, list[int]] = {}
    for col, name in sorted(mapping.items()):
        by_field.setdefault(name, []).append(col)
    resolved = dict(mapping)
    found: list[Ambiguity] = []
    for name, cols in by_field.items():
        if len(cols) < 2:
            continue
        labels = {col: _label_of(grid, idx, col, data_start) for col in cols}
        scores = {col: (match_column(normalize_label(labels[col]), spec) or (name, 0))[1] for col in cols}
        top = max(scores.values())
        best = [col for col in cols if scores[col] == top]
        picked = next((col for col in best if column_letter(col) == (choices or {}).get(name)), None)
        keep = best[0] if picked is None else picked
        for col in cols:
            if col != keep:
                del resolved[col]
        if len(best) > 1:
            column = spec.column(name)
            found.append(
                Ambiguity(
                    field=name,
                    label=column.label or name,
                    candidates=tuple((column_letter(col), labels[col]) for col in best),
                    chosen=column_letter(keep),
                    settled=picked is not None,
                )
            )
    return resolved, tuple(found)


def _build_table(
    grid: Grid,
    idx: int,
    mapping: dict[int, str],
    spec: DatasetSpec,
    data_start: int,
    choices: Mapping[str, str] | None = None,
) -> Table:
    mapping, ambiguities = _resolve_duplicates(grid, idx, mapping, spec, data_start, choices)
    labels = {name: _label_of(grid, idx, col, data_start) for col, name in mapping.items()}
    return build_table(grid, spec, idx, mapping, data_start, labels=labels, ambiguities=ambiguities)


def read_tables(source: Source, spec: DatasetSpec, filename: str | None = None) -> list[Table]:
    """Open ``source`` and return every sheet's table for ``spec`` (see :func:`find_tables`).

    A large .xlsx is read column by column when that gives the same tables
    (:mod:`lakip_core.reading.columnar`), else cell by cell.
    """
    data, name = read_source(source, filename)
    if sniff(data, name) == "zip":
        fast = read_tables_columnar(data, name, spec)
        if fast is not None:
            return fast
    return find_tables(load_grids(data, name), spec)


# --- for hand-made layouts (lakip_core.reading.mapping) --------------------------------------------


def match_header(cells: Sequence[object], spec: DatasetSpec) -> dict[int, str]:
    """The columns of one header row that the spec's aliases recognise (0-based index → column name)."""
    return _map_header(cells, spec)


def build_table_at(grid: Grid, header_index: int, mapping: dict[int, str], spec: DatasetSpec, data_start: int) -> Table:
    """A :class:`Table` under a header placed by hand (0-based header row and first data row):
    the same builder as automatic reading (blank and note rows, JUMLAH / TOTAL rows, the
    column-number row, the unit multiplier), so a hand-made layout reads figures the same way."""
    return _build_table(grid, header_index, mapping, spec, data_start)
