"""Budget checks: stated totals and parent sums against the leaves, overspending, negative or
unfunded amounts, stated % and sisa against the computed ones, duplicate codes.

A stated JUMLAH / TOTAL or a parent sum that differs from the leaves is a finding, never a
number to use: the figures themselves come from :mod:`lakip_core.analysis.budget`.
"""

from __future__ import annotations

import re

import pandas as pd

from lakip_core.analysis.budget import BudgetData, absorption, leaves, totals
from lakip_core.presentation.format import format_number, format_rupiah
from lakip_core.rules.findings import Finding, at, stated_pct_differs
from lakip_core.rules.settings import Settings
from lakip_core.schema import FILE, ROW, SHEET, BudgetCol

_SUBTOTAL = re.compile(r"^\W*sub\s*-?\s*total\b", re.IGNORECASE)
_TOTAL_WORD = re.compile(r"^\W*(?:grand\s*total|sub\s*-?\s*total|jumlah|total)\W*", re.IGNORECASE)


def _is_subtotal(row: pd.Series) -> bool:
    return bool(_SUBTOTAL.match(str(row.get("label") or row.get("name") or "")))


def _same_sheet(frame: pd.DataFrame, row: pd.Series) -> pd.DataFrame:
    rows: pd.DataFrame = frame[(frame[FILE] == row[FILE]) & (frame[SHEET] == row[SHEET])]
    return rows


def _total_scope(row: pd.Series, total_rows: pd.DataFrame, counted: pd.DataFrame) -> pd.DataFrame:
    """The leaves a stated total row adds up.

    A total row with a code (``Jumlah 3355``, a flat subtotal with only kdgiat filled) covers the
    leaves under that code; a SUB TOTAL row covers the leaves since the previous sub total of its
    sheet; any other JUMLAH / TOTAL row covers every leaf of its sheet.
    """
    sheet = _same_sheet(counted, row)
    code = _TOTAL_WORD.sub("", str(row.get("code") or ""))  # "JUMLAH 3355" in a code column → 3355
    if any(ch.isdigit() for ch in code):
        under: pd.DataFrame = sheet[(sheet[BudgetCol.CODE] == code) | sheet[BudgetCol.CODE].str.startswith(code + ".")]
        return under
    if _is_subtotal(row):
        earlier = _same_sheet(total_rows, row)
        earlier = earlier[(earlier[ROW] < row[ROW]) & earlier.apply(_is_subtotal, axis=1).astype(bool)]
        start = int(earlier[ROW].max()) if len(earlier) else 0
        block: pd.DataFrame = sheet[(sheet[ROW] > start) & (sheet[ROW] < row[ROW])]
        return block
    return sheet


def _parents_with_children(frame: pd.DataFrame) -> list[tuple[pd.Series, pd.DataFrame]]:
    """Each parent row with its children: the rows of its sheet whose nearest listed ancestor it is.

    Levels that a printout skips (a kegiatan row directly above its akun rows) are no problem:
    the children are the next rows down the tree, whatever their depth.
    """
    result = []
    for _, sheet in frame[frame[BudgetCol.CODE] != ""].groupby([FILE, SHEET], sort=False):
        present = set(sheet[BudgetCol.CODE])
        nearest = []
        for code in sheet[BudgetCol.CODE]:
            parts = code.split(".")
            prefixes = (".".join(parts[:i]) for i in range(len(parts) - 1, 0, -1))
            nearest.append(next((p for p in prefixes if p in present), ""))
        sheet = sheet.assign(_parent=nearest)
        children = dict(tuple(sheet.groupby("_parent", sort=False)))  # once, not one filter per parent
        empty = sheet.iloc[0:0]
        for _, parent in sheet[~sheet[BudgetCol.IS_LEAF]].iterrows():
            result.append((parent, children.get(parent[BudgetCol.CODE], empty)))
    return result


def check(data: BudgetData, settings: Settings) -> list[Finding]:
    """Findings: stated totals and parent sums vs leaves, realisasi > pagu, negatives, pagu 0
    with spending, stated % and sisa vs computed, duplicate codes."""
    findings = list(data.findings)
    frame = data.frame
    if frame.empty:
        return findings
    tol = settings.amount_tolerance
    counted = leaves(data)
    everything = totals(data)
    for _, row in data.totals.iterrows():
        scope = _total_scope(row, data.totals, counted)
        for column, label, whole in (
            ("allocation", "pagu", everything.allocation),
            ("realized", "realisasi", everything.realized),
        ):
            stated, value = row[column], float(scope[column].sum())
            if pd.isna(stated) or abs(stated - value) <= tol:
                continue
            if len(data.tables) > 1 and not _is_subtotal(row) and abs(stated - whole) <= tol:
                continue  # a grand total of every sheet, written on one of them
            findings.append(
                at(
                    row,
                    "warning",
                    "TOTAL_MISMATCH",
                    f"Baris {row['name'] or row.get('label') or 'Jumlah'} menyatakan {label} {format_rupiah(stated)}, "
                    f"tetapi jumlah rinciannya {format_rupiah(value)} "
                    f"({format_rupiah(abs(stated - value))} lebih {'besar' if stated > value else 'kecil'}).",
                    "budget",
                )
            )
    for parent, children in _parents_with_children(frame):
        for column, label in (("allocation", "pagu"), ("realized", "realisasi")):
            stated, summed = parent[column], children[column].sum()
            if not pd.isna(stated) and abs(stated - summed) > tol:
                findings.append(
                    at(
                        parent,
                        "warning",
                        "PARENT_SUM_MISMATCH",
                        f"Baris induk {parent['code']} menyatakan {label} {format_rupiah(stated)}, "
                        f"tetapi jumlah baris di bawahnya {format_rupiah(summed)}.",
                        "budget",
                    )
                )
    # A pagu cell with text is reported as AMOUNT_NOT_NUMBER already, not again as a blank pagu.
    unreadable = {(f.file, f.sheet, f.row) for f in data.findings if f.code == "AMOUNT_NOT_NUMBER"}
    for _, row in leaves(data).iterrows():
        name = row[BudgetCol.NAME] or row[BudgetCol.CODE]
        alloc, real = row[BudgetCol.ALLOCATION], row[BudgetCol.REALIZED]
        for column, label in (("allocation", "Pagu"), ("realized", "Realisasi")):
            if row[column] < 0:
                findings.append(
                    at(
                        row,
                        "error",
                        "NEGATIVE_AMOUNT",
                        f"{label} '{name}' bernilai negatif ({format_rupiah(row[column])}).",
                        "budget",
                    )
                )
        if pd.isna(alloc) and not pd.isna(real) and real > 0 and (row[FILE], row[SHEET], row[ROW]) not in unreadable:
            findings.append(
                at(
                    row,
                    "error",
                    "PAGU_BLANK_WITH_REALISASI",
                    f"'{name}' tidak memiliki pagu (sel kosong atau '-') tetapi ada realisasi {format_rupiah(real)}: "
                    "ditampilkan sebagai pagu kosong; realisasinya tidak dihitung dalam penyerapan dan sisa.",
                    "budget",
                )
            )
        if not pd.isna(alloc) and not pd.isna(real):
            if alloc == 0 and real > 0:
                findings.append(
                    at(
                        row,
                        "error",
                        "PAGU_ZERO_WITH_REALISASI",
                        f"'{name}' berpagu 0 tetapi ada realisasi {format_rupiah(real)}: realisasinya tidak dihitung "
                        "dalam penyerapan dan sisa.",
                        "budget",
                    )
                )
            elif alloc > 0 and real > alloc + tol:
                findings.append(
                    at(
                        row,
                        "warning",
                        "REALISASI_OVER_PAGU",
                        f"Realisasi '{name}' {format_rupiah(real)} melebihi pagu {format_rupiah(alloc)}.",
                        "budget",
                    )
                )
        pct = absorption(alloc, real)
        stated = row[BudgetCol.STATED_PCT]
        if stated_pct_differs(stated, pct, settings.tolerance_pts):
            findings.append(
                at(
                    row,
                    "warning",
                    "STATED_PCT_MISMATCH",
                    f"Persentase '{name}' tertulis {format_number(stated, 2)}%, dihitung {format_number(pct, 2)}%.",
                    "budget",
                )
            )
        remaining = row[BudgetCol.STATED_REMAINING]
        if (
            not pd.isna(remaining)
            and not pd.isna(alloc)
            and not pd.isna(real)
            and abs(remaining - (alloc - real)) > tol
        ):
            findings.append(
                at(
                    row,
                    "warning",
                    "STATED_REMAINING_MISMATCH",
                    f"Sisa '{name}' tertulis {format_rupiah(remaining)}, dihitung {format_rupiah(alloc - real)}.",
                    "budget",
                )
            )
    findings += _item_checks(data, tol)
    coded = leaves(data)
    coded = coded[coded[BudgetCol.CODE] != ""]
    if BudgetCol.LEVEL in coded.columns:  # item numbers of an item table are not identifiers
        coded = coded[coded[BudgetCol.LEVEL] != "item"]
    key = [c for c in ("code", "funding", BudgetCol.JENIS_BELANJA, BudgetCol.SATKER_CODE) if c in coded.columns]
    for _, row in coded[coded.duplicated(key, keep="first")].iterrows():
        findings.append(
            at(
                row,
                "warning",
                "DUPLICATE_ROW",
                f"Kode {row['code']} muncul lebih dari sekali; jumlahnya ikut dihitung dua kali.",
                "budget",
            )
        )
    return findings


def _item_checks(data: BudgetData, tol: float) -> list[Finding]:
    """Items under an akun whose sums differ from the akun row (GLP039 travel items can exceed it).

    The akun level is what adds up to the stated total; items are only compared, never counted.
    """
    details = data.details
    if details.empty or BudgetCol.LEVEL not in details.columns:
        return []
    items = details[details[BudgetCol.LEVEL] == "item"]
    if items.empty:
        return []
    parent = items[BudgetCol.CODE].str.rsplit(".", n=1).str[0]
    grouped = items.assign(_parent=parent).groupby("_parent")
    sums = pd.DataFrame(
        {
            BudgetCol.ALLOCATION: grouped[BudgetCol.ALLOCATION].sum(min_count=1),
            BudgetCol.REALIZED: grouped[BudgetCol.REALIZED].sum(min_count=1),
        }
    )
    findings: list[Finding] = []
    akun_rows = data.frame[data.frame[BudgetCol.CODE].isin(sums.index)]
    summed_at = sums.reindex(akun_rows[BudgetCol.CODE]).set_axis(akun_rows.index)
    summed_values = {column: summed_at[column].to_dict() for column in (BudgetCol.ALLOCATION, BudgetCol.REALIZED)}
    differs = pd.Series(False, index=akun_rows.index)
    for column in (BudgetCol.ALLOCATION, BudgetCol.REALIZED):
        differs |= (akun_rows[column] - summed_at[column]).abs() > tol
    for index, row in akun_rows[differs].iterrows():
        for column, label in ((BudgetCol.ALLOCATION, "pagu"), (BudgetCol.REALIZED, "realisasi")):
            stated, summed = row[column], summed_values[column][index]
            if pd.isna(stated) or pd.isna(summed) or abs(stated - summed) <= tol:
                continue
            name = row[BudgetCol.AKUN] or row[BudgetCol.CODE]
            findings.append(
                at(
                    row,
                    "warning",
                    "ITEM_SUM_MISMATCH",
                    f"Item di bawah akun {name} ({row[BudgetCol.NAME]}) berjumlah {label} {format_rupiah(summed)}, "
                    f"sedangkan baris akun menyatakan {format_rupiah(stated)} (selisih "
                    f"{format_rupiah(abs(summed - stated))}); jumlah memakai angka akun.",
                    "budget",
                )
            )
    return findings
