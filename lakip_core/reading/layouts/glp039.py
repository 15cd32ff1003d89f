"""SAKTI GLP039 "Laporan Ketersediaan Dana Detail": the monthly budget report as SAKTI writes it.

Layout (``../shared/DOMAIN.md``, "Real export layouts"): six title rows (the title with ``TA
2025``, the level list, ``Periode Oktober 2025``, then Kementerian / Unit Organisasi / Satuan Kerja
with the code and the name further right); two header rows whose merged labels sit one column
away from their values (``Pagu Revisi`` in R, pagu in Q); the ``JUMLAH SELURUHNYA`` row whose
values sit one column left of the detail rows'; each level's code in its own column (program and
kegiatan in B, KRO and RO in C, komponen E, subkomponen F, akun H, item N); the ``*Lock Pagu
adalah ...`` footnote and, in some downloads, the two header rows repeated at every page break.

What this reader does with it:

- the value column of each label is found from the cells (the column next to the label that
  holds numbers in the detail rows), and a total row's values are taken from wherever its row
  has them (the detail columns, or one column left or right);
- the codes of the levels are joined into the full dotted path
  (``WA.3360.EBA.994.002.0A.521211``), so the hierarchy, jenis belanja and per-kegiatan views
  work as for any other budget file; item rows (``...521211.002514``) are marked ``item``: the
  akun level is what adds up to JUMLAH SELURUHNYA, items are only compared with their akun;
- realisasi = ``s.d. Periode`` (the cumulative figure); ``%`` is a fraction (0.77 = 77%);
  Lock Pagu, Periode Lalu and Periode Ini are kept as their own columns;
- the satker (code, name) and the period (month, year) are read from the title rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lakip_core.reading.dates import MONTHS
from lakip_core.reading.grids import Grid
from lakip_core.reading.layouts.aligned import aligned_table
from lakip_core.reading.model import DatasetSpec, Period, Table, normalize_label
from lakip_core.reading.numbers import cell_text

NAME = "SAKTI GLP039"
_TITLE = re.compile(r"ketersediaan dana|glp ?039|realisasi super", re.IGNORECASE)
_PERIOD = re.compile(r"\bperiode\s+([a-z]+)\s+(\d{4})\b", re.IGNORECASE)
_TA = re.compile(r"\bTA\.?\s*(\d{4})\b")
# Header labels (normalised) → field. Realisasi's group label ("Realisasi TA 2025") has no values.
_LABELS = {
    "pagu revisi": "allocation",
    "pagu": "allocation",
    "lock pagu": "lock",
    "periode lalu": "period_prev",
    "periode ini": "period_now",
    "s d periode": "realized",
    "sd periode": "realized",
    "persen": "stated_pct",
    "sisa anggaran": "remaining",
    "sisa": "remaining",
}
_VALUE_FIELDS = ("allocation", "lock", "period_prev", "period_now", "realized", "stated_pct", "remaining")
# (level, code column, pattern); a row's level is the first one whose column holds such a code.
_LEVELS = (
    ("program", 1, re.compile(r"^[A-Z]{2}$")),
    ("kegiatan", 1, re.compile(r"^[A-Z]{2}\.\d{4}$")),
    ("kro", 2, re.compile(r"^[A-Z0-9]{3}$")),
    ("ro", 2, re.compile(r"^[A-Z0-9]{3}\.[A-Z0-9]{3}$")),
    ("komponen", 4, re.compile(r"^\d{3}$")),
    ("subkomponen", 5, re.compile(r"^\d{3}\.[A-Z0-9]{1,3}$")),
    ("akun", 7, re.compile(r"^\d{6}$")),
)
_ITEM_COLUMN = 13  # N
_ITEM = re.compile(r"^(\d{3,7})\.\s*(.*)$", re.DOTALL)
_DEPTH = {name: depth for depth, (name, _, _) in enumerate(_LEVELS)} | {"item": len(_LEVELS)}
_LAST_NAME_COLUMN = _ITEM_COLUMN
HEADER_SEARCH_ROWS = 20


def _texts(row: Sequence[object]) -> list[str]:
    return [normalize_label(c) for c in row]


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _find_header(grid: Grid) -> int | None:
    """Index of the first header row: ``Pagu Revisi`` on it, ``s.d. Periode`` on the next row."""
    rows = grid.rows
    for idx in range(min(len(rows) - 1, HEADER_SEARCH_ROWS)):
        if "pagu revisi" in _texts(rows[idx]) and {"s d periode", "sd periode"} & set(_texts(rows[idx + 1])):
            return idx
    return None


def is_glp039(grid: Grid) -> bool:
    """A GLP039 sheet: its name or title says so, and its header has Pagu Revisi over s.d. Periode."""
    titled = grid.sheet.upper().startswith("GLP039") or any(
        _TITLE.search(cell_text(cell)) for row in grid.rows[:8] for cell in row[:3]
    )
    return titled and _find_header(grid) is not None


def _labels(top: Sequence[object], bottom: Sequence[object]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for row in (top, bottom):
        for col, cell in enumerate(row):
            name = _LABELS.get(normalize_label(cell))
            if name and name not in found:
                found[name] = (col, cell_text(cell))
    return found


_HEADER_WORDS = re.compile(r"^\s*(?:pagu revisi|s\.?\s*d\.?\s*periode|periode lalu)\s*$", re.IGNORECASE)


def _is_header_row(row: Sequence[object]) -> bool:
    """A header row repeated at a page break (``Pagu Revisi`` / ``s.d. Periode`` / ``Periode Lalu``)."""
    return any(isinstance(cell, str) and _HEADER_WORDS.match(cell) for cell in row)


def _is_note(row: Sequence[object]) -> bool:
    """The ``*Lock Pagu adalah ...`` footnote closing every printed page."""
    return _label_cell(row).startswith("*")


def _label_cell(row: Sequence[object]) -> str:
    return next((cell_text(c) for c in row[:3] if cell_text(c)), "")


def _value_columns(labels: dict[str, tuple[int, str]], detail: list[Sequence[object]], width: int) -> dict[str, int]:
    """Each label's value column: the column next to it (one left first, then its own, then one
    right) holding the most numbers in the detail rows, each column used once."""
    counts = [0] * (width + 2)
    for row in detail:
        for col, cell in enumerate(row):
            if _is_number(cell):
                counts[col] += 1
    taken: set[int] = set()
    result: dict[str, int] = {}
    for name in sorted(labels, key=lambda n: labels[n][0]):
        col = labels[name][0]
        options = [c for c in (col - 1, col, col + 1) if 0 <= c < len(counts) and c not in taken]
        best = max(options, key=lambda c: counts[c], default=None)  # max keeps the first of ties
        if best is not None and counts[best]:
            result[name] = best
            taken.add(best)
    return result


def _total_shift(row: Sequence[object], columns: dict[str, int]) -> int:
    """Where a total row's values are relative to the detail rows' (0, one left, or one right)."""

    def hits(shift: int) -> int:
        return sum(1 for c in columns.values() if 0 <= c + shift < len(row) and _is_number(row[c + shift]))

    return max((0, -1, 1), key=hits)


def _satker(title: Sequence[Sequence[object]]) -> tuple[str, str]:
    for row in title:
        if normalize_label(row[0] if row else "").startswith("satuan kerja"):
            rest = [cell_text(c) for c in row[1:] if cell_text(c) and cell_text(c) != ":"]
            code = next((t for t in rest if t.isdigit()), "")
            name = next((t for t in rest if not t.isdigit()), "")
            return code, name
    return "", ""


def _period(title: Sequence[Sequence[object]]) -> Period | None:
    text = " ".join(cell_text(c) for row in title for c in row if cell_text(c))
    match = _PERIOD.search(text)
    if match and match.group(1).lower() in MONTHS:
        return Period(int(match.group(2)), MONTHS[match.group(1).lower()])
    year = _TA.search(text)
    return Period(int(year.group(1))) if year else None


def _level(row: Sequence[object]) -> tuple[str, str, int] | None:
    """(level, code, code column) of a hierarchy row; items are ``("item", number, N)``."""
    for level, col, pattern in _LEVELS:
        text = cell_text(row[col]) if col < len(row) else ""
        if text and pattern.match(text):
            return level, text, col
    text = cell_text(row[_ITEM_COLUMN]) if len(row) > _ITEM_COLUMN else ""
    match = _ITEM.match(text)
    if match:
        return "item", match.group(1), _ITEM_COLUMN
    return None


def read(grid: Grid, spec: DatasetSpec) -> Table | None:
    """The budget table of a GLP039 sheet, or ``None`` when ``grid`` is not one."""
    if spec.kind != "budget" or not is_glp039(grid):
        return None
    top = _find_header(grid)
    assert top is not None
    rows = grid.rows
    labels = _labels(rows[top], rows[top + 1])
    title = rows[:top]
    body_rows = [
        (index, row)
        for index, row in enumerate(rows[top + 2 :], start=top + 2)
        if any(c is not None and c != "" for c in row) and not _is_header_row(row) and not _is_note(row)
    ]
    width = max((len(row) for _, row in body_rows), default=0)
    totals = {index for index, row in body_rows if _label_cell(row).lower().startswith(("jumlah", "total"))}
    columns = _value_columns(labels, [row for index, row in body_rows if index not in totals], width)
    trail: list[tuple[int, str]] = []  # (depth, code part) from program down
    body: list[tuple[int, dict[str, object]]] = []
    for index, row in body_rows:
        values: dict[str, object] = {}
        if index in totals:
            shift = _total_shift(row, columns)
            values["name"] = _label_cell(row)
        else:
            shift = 0
            found = _level(row)
            if found is None:
                values["name"] = next((cell_text(c) for c in row[: _LAST_NAME_COLUMN + 1] if cell_text(c)), "")
            else:
                level, code, col = found
                depth = _DEPTH[level]
                trail = [(d, part) for d, part in trail if d < depth]
                parts = code.split(".")
                if level == "item":
                    values["name"] = _ITEM.match(cell_text(row[col])).group(2).strip()  # type: ignore[union-attr]
                else:
                    values["name"] = next(
                        (cell_text(c) for c in row[col + 1 : _LAST_NAME_COLUMN + 1] if cell_text(c)), ""
                    )
                    if len(parts) > 1 and not any(d == depth - 1 for d, _ in trail):
                        trail.append((depth - 1, ".".join(parts[:-1])))  # a level the printout skipped
                trail.append((depth, parts[-1]))
                values["code"] = ".".join(part for _, part in trail)
                values["level"] = level
        for name, col in columns.items():
            cell = row[col + shift] if 0 <= col + shift < len(row) else None
            values[name] = cell * 100 if name == "stated_pct" and _is_number(cell) else cell  # type: ignore[operator]
        body.append((index + 1, values))
    field_columns = {"code": 1, "name": 3, **columns, "level": width + 1}
    header_texts = {name: labels[name][1] for name in columns} | {"code": "Kode", "name": "Uraian", "level": "Level"}
    return aligned_table(
        grid,
        spec,
        layout=NAME,
        title_rows=title,
        columns=field_columns,
        labels=header_texts,
        body=body,
        total_rows={index + 1 for index in totals},
        satker=_satker(title),
        period=_period(title),
        internal=("level",),
    )
