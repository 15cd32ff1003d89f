"""SIPD "Laporan Realisasi Anggaran" (LRA) of a regional government, as SIPD writes it.

Layout (``../shared/DOMAIN.md``, "Real export layouts"): title rows with the region and ``TAHUN
ANGGARAN 2026``; three header rows (``Kode | Uraian ... | Kelompok Belanja``, then the groups
``Operasi | Modal | Tak Terduga | Transfer``, then ``Anggaran | Realisasi`` under each) and a row
of column numbers; the code split over several columns (urusan, bidang, program, kegiatan);
amounts often TEXT in Indonesian format (``"10.701.893.800,00"``), sometimes numbers in the same
column; a final ``Jumlah`` row.

What this reader does with it: pagu = the sum of every Anggaran column, realisasi = the sum of
every Realisasi column; the code cells are joined into one dotted code (``1.01.01.2.01``) so
parent rows (urusan, bidang, program) are compared with their kegiatan and never added to them;
each kegiatan row is split into one row per kelompok belanja that has an amount, with the
kelompok as its jenis belanja (``Belanja Operasi``); the ``Jumlah`` row is a stated total.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lakip_core.reading.grids import Grid
from lakip_core.reading.layouts.aligned import aligned_table
from lakip_core.reading.model import DatasetSpec, Period, Table, normalize_label
from lakip_core.reading.numbers import cell_text, is_missing_text, parse_number

NAME = "SIPD LRA"
HEADER_SEARCH_ROWS = 30
_YEAR = re.compile(r"\btahun anggaran\s+(\d{4})\b", re.IGNORECASE)
_REGION = re.compile(r"^\s*pemerintah\s+(.+)$", re.IGNORECASE)


def _pairs(row: Sequence[object]) -> list[int]:
    """Columns of ``Anggaran`` cells followed by a ``Realisasi`` cell."""
    texts = [normalize_label(c) for c in row]
    return [col for col, text in enumerate(texts[:-1]) if text == "anggaran" and texts[col + 1] == "realisasi"]


def _find_subheader(grid: Grid) -> int | None:
    for idx, row in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        if idx >= 2 and len(_pairs(row)) >= 2:
            return idx
    return None


def _group_name(row: Sequence[object], col: int, fallback: str) -> str:
    for c in (col, col - 1):
        if 0 <= c < len(row) and cell_text(row[c]):
            text = cell_text(row[c])
            return text if text.lower().startswith("belanja") else f"Belanja {text}"
    return fallback


def _sum(cells: Sequence[object]) -> object:
    """Σ of amount cells (numbers or Indonesian text); the raw text when one cannot be read, so
    that it is reported instead of quietly left out; ``None`` when all are blank."""
    total, seen = 0.0, False
    for cell in cells:
        if is_missing_text(cell):
            continue
        number = parse_number(cell)
        if number is None:
            return cell
        total, seen = total + number, True
    return total if seen else None


def _is_number_row(row: Sequence[object]) -> bool:
    texts = [cell_text(c).strip("()") for c in row if cell_text(c)]
    return (
        len(texts) >= 3 and all(t.isdigit() for t in texts) and [int(t) for t in texts] == sorted(int(t) for t in texts)
    )


def read(grid: Grid, spec: DatasetSpec) -> Table | None:
    """The budget table of a SIPD LRA sheet, or ``None`` when ``grid`` is not one."""
    if spec.kind != "budget":
        return None
    sub = _find_subheader(grid)
    if sub is None:
        return None
    rows = grid.rows
    headers = rows[max(0, sub - 3) : sub + 1]
    texts = [[normalize_label(c) for c in row] for row in headers]
    uraian = next((col for row in texts for col, t in enumerate(row) if t.startswith("uraian")), None)
    kode = next((col for row in texts for col, t in enumerate(row) if t == "kode"), None)
    if uraian is None or kode is None or kode >= uraian:
        return None
    pairs = _pairs(rows[sub])
    groups = [_group_name(rows[sub - 1], col, f"Kelompok {n + 1}") for n, col in enumerate(pairs)]
    code_cols = range(kode, uraian)
    top = next(i for i in range(max(0, sub - 3), sub) if "kode" in (normalize_label(c) for c in rows[i]))
    title = rows[:top]
    start = sub + 1
    if start < len(rows) and _is_number_row(rows[start]):
        start += 1
    parsed: list[tuple[int, str, str, list[tuple[object, object]], bool]] = []
    for index in range(start, len(rows)):
        row = list(rows[index]) + [None] * max(0, (pairs[-1] + 2) - len(rows[index]))
        name = cell_text(row[uraian])
        amounts = [(row[c], row[c + 1]) for c in pairs]
        first = next((cell_text(c) for c in row[: uraian + 1] if cell_text(c)), "")
        is_total = first.lower().startswith(("jumlah", "total")) and name in ("", first)
        code = "" if is_total else ".".join(cell_text(row[c]) for c in code_cols if cell_text(row[c]))
        if not code and not name and all(is_missing_text(a) and is_missing_text(r) for a, r in amounts):
            continue
        parsed.append((index, code, name or (first if is_total else ""), amounts, is_total))
    codes = [code for _, code, _, _, total in parsed if code and not total]
    parents = {".".join(c.split(".")[:i]) for c in codes for i in range(1, len(c.split(".")))}
    body: list[tuple[int, dict[str, object]]] = []
    totals: set[int] = set()
    for index, code, name, amounts, is_total in parsed:
        base: dict[str, object] = {"code": code, "name": name}
        if is_total:
            totals.add(index + 1)
        leaf = bool(code) and code not in parents and not is_total
        if not leaf:
            base["allocation"] = _sum([a for a, _ in amounts])
            base["realized"] = _sum([r for _, r in amounts])
            body.append((index + 1, base))
            continue
        split = [
            (group, a, r)
            for group, (a, r) in zip(groups, amounts, strict=True)
            if not (is_missing_text(a) or parse_number(a) == 0) or not (is_missing_text(r) or parse_number(r) == 0)
        ]
        for group, a, r in split or [("", amounts[0][0], amounts[0][1])]:
            body.append(
                (index + 1, {**base, "allocation": a, "realized": r, "jenis_belanja": group, "kegiatan_code": code})
            )
    title_text = [cell_text(c) for row in title for c in row if cell_text(c)]
    region = next((m.group(1).strip() for t in title_text if (m := _REGION.match(t))), "")
    year = next((int(m.group(1)) for t in title_text if (m := _YEAR.search(t))), None)
    width = pairs[-1] + 2
    return aligned_table(
        grid,
        spec,
        layout=NAME,
        title_rows=title,
        columns={
            "code": kode,
            "name": uraian,
            "allocation": pairs[0],
            "realized": pairs[0] + 1,
            "jenis_belanja": width,
            "kegiatan_code": width + 1,
        },
        labels={
            "code": cell_text(headers[0][kode]) if kode < len(headers[0]) else "Kode",
            "name": cell_text(headers[0][uraian]) if uraian < len(headers[0]) else "Uraian",
            "allocation": "Anggaran",
            "realized": "Realisasi",
            "jenis_belanja": "Kelompok Belanja",
            "kegiatan_code": "Kegiatan",
        },
        body=body,
        total_rows=totals,
        satker=("", region),
        period=Period(year) if year else None,
        internal=("jenis_belanja", "kegiatan_code"),
    )
