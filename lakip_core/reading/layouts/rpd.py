"""SAKTI "RPD DIPA Petikan" (Rencana Penarikan Dana, halaman III DIPA): the monthly plan.

Layout (``../shared/DOMAIN.md``, "SAKTI RPD / DIPA petikan"): six title rows (the satker with its
code at the end of a cell and its name further right, ``TAHUN ANGGARAN 2025``, the unit line
``(dalam ribuan rupiah)``); one header row with ``Kode``, ``Uraian`` and the twelve months, some
month labels merged over two columns with their values in the right one; one row per level whose
``Kode`` alone tells the level by its length (``076.01.WA`` program … ``521211`` akun), every level
with its own sums; a ``JUMLAH`` row and a signature block at the foot.

Recognised by its title (``Rencana Penarikan`` / ``RPD`` / ``Halaman III`` / ``Petikan``), the
satker row with a code, and a header with ``Kode`` and all twelve months. What this reader does
with it: each month's value column is found from the cells (the label's
own column or the one right or left of it, whichever holds numbers in the body); rows without a
code and without any number (the signature block) are left out; ``JUMLAH`` / ``TOTAL`` rows are
totals; the satker and the year are read from the title rows. The unit line sets the multiplier.
The level of each row is the analysis's work (:mod:`lakip_core.analysis.plan`), from the code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lakip_core.reading.dates import MONTHS
from lakip_core.reading.grids import Grid
from lakip_core.reading.layouts.aligned import aligned_table
from lakip_core.reading.model import DatasetSpec, Period, Table, normalize_label
from lakip_core.reading.numbers import cell_text

NAME = "SAKTI RPD"
MONTH_FIELDS = tuple(f"m{month:02d}" for month in range(1, 13))
HEADER_SEARCH_ROWS = 20
_TITLE = re.compile(r"rencana penarikan|\bRPD\b|halaman iii|petikan", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:tahun anggaran|TA\.?)\s*(\d{4})\b", re.IGNORECASE)
_SATKER_CODE = re.compile(r"(\d{6})\s*\)?\s*$")
# Month words as headers write them (Indonesian, short and long); MONTHS has the long names.
_SHORT = {
    "jan": 1, "feb": 2, "peb": 2, "mar": 3, "apr": 4, "mei": 5, "may": 5, "jun": 6, "jul": 7, "agu": 8, "agt": 8,
    "ags": 8, "agst": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12,
    "dec": 12,
}  # fmt: skip


def month_of(label: object) -> int | None:
    """``Januari`` / ``Jan`` / ``Agt`` → 1 / 1 / 8; anything else → ``None``."""
    text = normalize_label(label)
    return MONTHS.get(text) or _SHORT.get(text)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def _find_header(grid: Grid) -> tuple[int, int, int, dict[int, int]] | None:
    """(row, Kode column, Uraian column, month → label column) of the header row, if any."""
    for idx, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        labels = [normalize_label(c) for c in row]
        if "kode" not in labels:
            continue
        months: dict[int, int] = {}
        for col, cell in enumerate(row):
            month = month_of(cell)
            if month is not None and month not in months:
                months[month] = col
        if len(months) == 12:
            name_col = next((c for c, t in enumerate(labels) if t in ("uraian", "uraian kegiatan", "nama")), -1)
            return idx, labels.index("kode"), name_col, months
    return None


def _value_columns(labels: dict[int, int], body: list[Sequence[object]]) -> dict[int, int]:
    """Each month's value column: its label's own column when that holds numbers in the body, else
    (a label merged over two columns) the neighbour right, else left, holding the most numbers.

    A text cell in a month ("tiga juta") never moves the month to another column: it is reported.
    """
    width = max((len(r) for r in body), default=0)
    counts = [0] * (width + 2)
    for row in body:
        for col, cell in enumerate(row):
            if _is_number(cell):
                counts[col] += 1
    own = set(labels.values())
    result: dict[int, int] = {}
    for month, col in labels.items():
        if col < len(counts) and counts[col]:
            result[month] = col
            continue
        options = [c for c in (col + 1, col - 1) if 0 <= c < len(counts) and c not in own]
        best = max(options, key=lambda c: counts[c], default=None)
        result[month] = best if best is not None and counts[best] else col
    return result


def _satker(title: Sequence[Sequence[object]]) -> tuple[str, str]:
    """(code, name) from the title row that names the satker: the six digits ending one cell, and
    the next text cell that is not a code."""
    for row in title:
        texts = [cell_text(c) for c in row if cell_text(c)]
        if not texts or not normalize_label(texts[0]).startswith(("satuan kerja", "satker")):
            continue
        for index, text in enumerate(texts[1:], start=1):
            match = _SATKER_CODE.search(text)
            if match:
                name = next((t for t in texts[index + 1 :] if not _SATKER_CODE.search(t) and t != ":"), "")
                return match.group(1), name.lstrip(": ").strip()
    return "", ""


def _period(title: Sequence[Sequence[object]]) -> Period | None:
    text = " ".join(cell_text(c) for row in title for c in row if cell_text(c))
    match = _YEAR.search(text)
    return Period(int(match.group(1))) if match else None


def read(grid: Grid, spec: DatasetSpec) -> Table | None:
    """The plan table of an RPD sheet, or ``None`` when ``grid`` is not one."""
    if spec.kind != "plan":
        return None
    found = _find_header(grid)
    if found is None:
        return None
    top, code_col, name_col, labels = found
    rows = grid.rows
    title = rows[:top]
    satker = _satker(title)
    # SAKTI's download: the plan's title and the satker row with its code. Other plan tables (the
    # template, a hand-made halaman III) go through the ordinary header matching.
    if not satker[0] or not any(_TITLE.search(cell_text(c)) for row in title for c in row):
        return None
    body_rows = [
        (index, row) for index, row in enumerate(rows[top + 1 :], start=top + 1) if any(_is_number(c) for c in row)
    ]
    columns = _value_columns(labels, [row for _, row in body_rows])
    body: list[tuple[int, dict[str, object]]] = []
    totals: set[int] = set()
    for index, row in body_rows:
        code = cell_text(row[code_col]) if code_col < len(row) else ""
        name = cell_text(row[name_col]) if 0 <= name_col < len(row) else ""
        words = normalize_label(code or name)
        if words.startswith(("jumlah", "total")):
            totals.add(index + 1)
        values: dict[str, object] = {"code": code, "name": name}
        for month, col in columns.items():
            values[MONTH_FIELDS[month - 1]] = row[col] if col < len(row) else None
        body.append((index + 1, values))
    header = rows[top]
    field_columns = {"code": code_col, **({"name": name_col} if name_col >= 0 else {})}
    field_columns |= {MONTH_FIELDS[m - 1]: col for m, col in columns.items()}
    texts = {"code": cell_text(header[code_col]), "name": cell_text(header[name_col]) if name_col >= 0 else ""}
    texts |= {MONTH_FIELDS[m - 1]: cell_text(header[labels[m]]) for m in columns}
    return aligned_table(
        grid,
        spec,
        layout=NAME,
        title_rows=title,
        columns=field_columns,
        labels=texts,
        body=[(n, {k: v for k, v in values.items() if k in field_columns}) for n, values in body],
        total_rows=totals,
        satker=satker,
        period=_period(title),
    )
