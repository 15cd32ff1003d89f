"""ADK item tables (``d_item``, the data behind RKA-K/L, DIPA and POK): one line per item.

Layout (``../shared/DOMAIN.md``, "Real export layouts"): pipe-delimited text, either with a header
line (``thang|kdjendok|kdsatker|...``) or, as inside SAKTI's ADK archives, without one and with
text fields wrapped as ``^value^``; then the known column list (:data:`D_ITEM_COLUMNS`, or the
older list without ``jumlah2`` and ``kdstatus``) names the fields. ``jumlah`` is the pagu; there
is no realisasi; one file can hold many satker (``kdsatker``).

What this reader does with it: every item becomes a row coded
``kdprogram.kdgiat.kdoutput.kdsoutput.kdkmpnen.kdskmpnen.kdakun.noitem`` (so kegiatan, akun and
jenis belanja come out as for any budget file), with its satker code; heading lines
(``kdheader`` 1, no amount) are kept as headings, not counted. The file is read whole; narrowing
it to one satker is :func:`lakip_core.reading.satker.narrow_tables`.
"""

from __future__ import annotations

from collections.abc import Sequence

from lakip_core.reading.grids import Grid
from lakip_core.reading.layouts.aligned import aligned_table
from lakip_core.reading.model import DatasetSpec, Period, Table, normalize_label
from lakip_core.reading.numbers import cell_text

NAME = "ADK d_item"
# The d_item table's fields, in file order (RKA-K/L / DIPA ADK, SAKTI's d_itemNN.csv).
D_ITEM_COLUMNS = (
    "thang", "kdjendok", "kdsatker", "kddept", "kdunit", "kdprogram", "kdgiat", "kdoutput", "kdlokasi",
    "kdkabkota", "kddekon", "kdsoutput", "kdkmpnen", "kdskmpnen", "kdakun", "kdkppn", "kdbeban", "kdjnsban",
    "kdctarik", "register", "carahitung", "header1", "header2", "kdheader", "noitem", "nmitem", "vol1", "sat1",
    "vol2", "sat2", "vol3", "sat3", "vol4", "sat4", "volkeg", "satkeg", "hargasat", "jumlah", "jumlah2",
    "paguphln", "pagurmp", "pagurkp", "kdblokir", "blokirphln", "blokirrmp", "blokirrkp", "rphblokir", "kdcopy",
    "kdabt", "kdsbu", "volsbk", "volrkakl", "blnkontrak", "nokontrak", "tgkontrak", "nilkontrak", "januari",
    "pebruari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "nopember",
    "desember", "jmltunda", "kdluncuran", "jmlabt", "norev", "kdubah", "kurs", "indexkpjm", "kdib", "kdstatus",
)  # fmt: skip
LEGACY_COLUMNS = tuple(c for c in D_ITEM_COLUMNS if c not in ("jumlah2", "kdstatus"))
CODE_PARTS = ("kdprogram", "kdgiat", "kdoutput", "kdsoutput", "kdkmpnen", "kdskmpnen", "kdakun", "noitem")
_REQUIRED = ("thang", "kdsatker", "kdgiat", "kdakun", "jumlah")


def _clean(value: object) -> str:
    """A field as text: ``^WA^`` → ``WA``."""
    text = cell_text(value)
    return text[1:-1].strip() if len(text) >= 2 and text[0] == "^" and text[-1] == "^" else text


def _fields(grid: Grid) -> tuple[tuple[str, ...], int] | None:
    """(field names, index of the first data line), from the header line or the known lists."""
    rows = grid.rows
    first = next((i for i, row in enumerate(rows[:5]) if any(cell_text(c) for c in row)), None)
    if first is None:
        return None
    names = tuple(normalize_label(_clean(c)).replace(" ", "") for c in rows[first])
    if all(field in names for field in _REQUIRED):
        return names, first + 1
    row = [_clean(c) for c in rows[first]]
    for known in (D_ITEM_COLUMNS, LEGACY_COLUMNS):
        if len(row) == len(known):
            year, satker = row[known.index("thang")], row[known.index("kdsatker")]
            if len(year) == 4 and year.isdigit() and satker.isdigit():
                return known, first
    return None


def read(grid: Grid, spec: DatasetSpec) -> Table | None:
    """The budget table of an ADK item file, or ``None`` when ``grid`` is not one."""
    if spec.kind != "budget":
        return None
    found = _fields(grid)
    if found is None:
        return None
    names, start = found
    at = {name: i for i, name in enumerate(names)}
    body: list[tuple[int, dict[str, object]]] = []
    years: set[str] = set()
    for index, raw in enumerate(grid.rows[start:], start=start):
        row: Sequence[str] = [_clean(c) for c in raw]
        if not any(row):
            continue

        def get(name: str, row: Sequence[str] = row) -> str:
            i = at.get(name)
            return row[i] if i is not None and i < len(row) else ""

        years.add(get("thang"))
        heading = get("kdheader") == "1"
        body.append(
            (
                index + 1,
                {
                    "code": ".".join(part for part in (get(p) for p in CODE_PARTS) if part),
                    "name": get("nmitem"),
                    "allocation": get("jumlah"),
                    "blocked": get("rphblokir"),
                    "satker_code": get("kdsatker"),
                    "level": "heading" if heading else "item",
                },
            )
        )
    year = next(iter(years)) if len(years) == 1 else ""
    columns = {
        "code": at.get("kdakun", 0),
        "name": at.get("nmitem", 1),
        "allocation": at["jumlah"],
        "satker_code": at["kdsatker"],
        "blocked": at.get("rphblokir", len(names)),
        "level": len(names) + 1,
    }
    labels = {
        "code": "kdprogram…kdakun.noitem",
        "name": "nmitem",
        "allocation": "jumlah",
        "satker_code": "kdsatker",
        "blocked": "rphblokir",
        "level": "kdheader",
    }
    return aligned_table(
        grid,
        spec,
        layout=NAME,
        title_rows=(),
        columns=columns,
        labels=labels,
        body=body,
        period=Period(int(year)) if year.isdigit() else None,
        internal=("level",),
    )
