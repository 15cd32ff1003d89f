"""Budget (anggaran): pagu vs realisasi per kegiatan, absorption, jenis belanja, total checks.

Three layouts are read the same way, by giving every row a dotted code:

1. flat SAKTI downloads, one row per akun, code columns (kdgiat, kdkro, kdro, kdkmpnen, kdakun);
2. printed trees with full dotted codes (``076.01.WA.3355.EBA.994.001.511111``) whose parent
   rows carry the sums of their children;
3. kegiatan tables with the code in the name (``Pelaksanaan ... (3355)``) or a code column.

Totals always come from the leaves (rows whose code is not the prefix of another row's code),
never from adding every row. A stated JUMLAH / TOTAL or a parent sum that differs from the
leaves is a finding, not a number to use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from lakip_core.presentation.format import format_number, format_rupiah
from lakip_core.reading.numbers import cell_text, is_missing_text, parse_number
from lakip_core.reading.tables import Column, DatasetSpec, Table, aliases
from lakip_core.rules.findings import Finding, at, stated_pct_differs
from lakip_core.rules.settings import Settings
from lakip_core.schema import FILE, ROW, SHEET, BudgetCol

FLAT_CODE_COLUMNS = ("kdprogram", "kdgiat", "kdkro", "kdro", "kdkmpnen", "kdskmpnen", "kdakun")

SPEC = DatasetSpec(
    kind="budget",
    label="anggaran",
    columns=(
        Column("no", aliases("No", "No.", "Nomor")),
        Column(
            "code",
            aliases(
                "Kode",
                "Kode Anggaran",
                "Kode Kegiatan",
                "Kode Program",
                "Kd",
                "Kode Output",
                "Kode Rincian",
                "Kode Anggaran/Akun",
            ),
            label="Kode",
        ),
        Column(
            "name",
            aliases(
                "Uraian",
                "Program",
                "Kegiatan",
                "Nama Kegiatan",
                "Uraian Kegiatan",
                "Uraian Akun",
                "Nama Akun",
                "Nama",
                "Program/Kegiatan",
                "Program Kegiatan",
                "nmakun",
                "nmgiat",
                "Uraian Program/Kegiatan",
                "Rincian",
            ),
            label="Uraian",
        ),
        Column("kdprogram", aliases("kdprogram", "kdprog")),
        Column("kdgiat", aliases("kdgiat", "kode giat", "kdkegiatan")),
        Column("kdkro", aliases("kdkro", "kdoutput", "kro", "kode kro")),
        Column("kdro", aliases("kdro", "kdsoutput", "ro", "kode ro")),
        Column("kdkmpnen", aliases("kdkmpnen", "kdkomponen", "komponen", "kode komponen")),
        Column("kdskmpnen", aliases("kdskmpnen", "kdsubkomponen", "sub komponen", "subkomponen")),
        Column("kdakun", aliases("kdakun", "akun", "kode akun", "kd akun")),
        Column(
            "allocation",
            aliases(
                "Pagu",
                "Pagu Anggaran",
                "Pagu DIPA",
                "pagu_dipa",
                "Pagu Revisi",
                "Pagu Akhir",
                "Alokasi",
                "Alokasi Anggaran",
                "Anggaran",
                "Jumlah Pagu",
                "Total Pagu",
            ),
            required=True,
            label="Pagu",
        ),
        Column(
            "realized",
            aliases(
                "Realisasi",
                "Realisasi Anggaran",
                "Realisasi Belanja",
                "Jumlah Realisasi",
                "Realisasi s.d. Periode",
                "Realisasi s/d",
                "Realisasi SP2D",
                "Total Realisasi",
            ),
            required=True,
            label="Realisasi",
        ),
        Column(
            "stated_pct",
            aliases(
                "%",
                "Persentase",
                "Penyerapan",
                "Penyerapan (%)",
                "Realisasi (%)",
                "% Realisasi",
                "Persentase Realisasi",
                "Persentase Penyerapan",
                "Capaian (%)",
            ),
            label="Persentase",
        ),
        Column("remaining", aliases("Sisa", "Sisa Anggaran", "Sisa Pagu", "Saldo", "Sisa Dana"), label="Sisa"),
        Column("funding", aliases("Sumber Dana", "Sumber", "Sumber Anggaran", "Jenis Dana"), label="Sumber Dana"),
    ),
    one_of=(("name", "code", "kdgiat", "kdakun"),),
)

JENIS_BELANJA = {
    "51": "Belanja Pegawai",
    "52": "Belanja Barang",
    "53": "Belanja Modal",
    "57": "Belanja Bantuan Sosial",
}

_CODE_IN_NAME = re.compile(r"\((\d{4})\)\s*$")
_KEGIATAN = re.compile(r"^\d{4}$")
_AKUN = re.compile(r"^5\d{5}$")


def absorption(allocation: float | None, realized: float | None) -> float | None:
    """Penyerapan = realisasi / pagu × 100.

    Pagu 0 or negative, or either amount missing → ``None`` (no ratio, shown as ``-``); pagu 0
    with realisasi > 0 is a data error reported by :func:`check`, not a ratio.
    """
    if allocation is None or realized is None or pd.isna(allocation) or pd.isna(realized) or allocation <= 0:
        return None
    return float(realized) / float(allocation) * 100


@dataclass(frozen=True)
class BudgetData:
    """All budget rows with codes, the leaf flag, kegiatan, akun; total rows kept aside."""

    frame: pd.DataFrame
    totals: pd.DataFrame
    findings: tuple[Finding, ...]
    tables: tuple[Table, ...]


def _row_code(row: pd.Series, columns: set[str]) -> str:
    flat = [cell_text(row.get(c), blank_placeholders=True) for c in FLAT_CODE_COLUMNS if c in columns]
    if any(flat):
        # A flat file: the code path is the non-empty code cells, highest level first.
        return ".".join(part for part in flat if part)
    code = cell_text(row.get("code"), blank_placeholders=True).replace(" ", "")
    if code:
        return code
    match = _CODE_IN_NAME.search(cell_text(row.get("name"), blank_placeholders=True))
    return match.group(1) if match else ""


def _amounts(table: Table, frame: pd.DataFrame, column: str, findings: list[Finding]) -> pd.Series:
    if column not in frame.columns:
        return pd.Series([float("nan")] * len(frame), index=frame.index, dtype="float64")
    values = []
    label = SPEC.column(column).label
    for _, row in frame.iterrows():
        raw = row[column]
        number = parse_number(raw)
        if number is None and not is_missing_text(raw):
            findings.append(
                at(
                    row,
                    "error",
                    "AMOUNT_NOT_NUMBER",
                    f"Nilai {label} '{cell_text(raw, blank_placeholders=True)}' bukan angka; nilai ini tidak dihitung.",
                    "budget",
                )
            )
        values.append(float("nan") if number is None else number * table.multiplier)
    return pd.Series(values, index=frame.index, dtype="float64")


def _normalise(table: Table, findings: list[Finding]) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = []
    for part in (table.data, table.totals):
        columns = set(part.columns)
        frame = pd.DataFrame(
            {
                "code": [_row_code(r, columns) for _, r in part.iterrows()],
                "name": [
                    cell_text(v, blank_placeholders=True)
                    for v in part.get("name", pd.Series([""] * len(part), index=part.index))
                ],
                "funding": [
                    cell_text(v, blank_placeholders=True)
                    for v in part.get("funding", pd.Series([""] * len(part), index=part.index))
                ],
                "allocation": _amounts(table, part, "allocation", findings if part is table.data else []),
                "realized": _amounts(table, part, "realized", findings if part is table.data else []),
                "stated_pct": [
                    parse_number(v) for v in part.get("stated_pct", pd.Series([None] * len(part), index=part.index))
                ],
                "stated_remaining": _amounts(table, part, "remaining", []),
                FILE: part[FILE],
                SHEET: part[SHEET],
                ROW: part[ROW],
            },
            index=part.index,
        )
        if "kdgiat" in columns:
            frame["kdgiat"] = [cell_text(v, blank_placeholders=True) for v in part["kdgiat"]]
        if part is table.totals:  # the words on a total row: JUMLAH, SUB TOTAL ...
            labels = [
                [cell_text(row.get(c), blank_placeholders=True) for c in ("no", "code", "name")]
                for _, row in part.iterrows()
            ]
            frame["label"] = [next((t for t in texts if t), "") for texts in labels]
        out.append(frame)
    return out[0], out[1]


def _kegiatan(code: str, kdgiat: str) -> str:
    if kdgiat:
        return kdgiat
    return next((part for part in code.split(".") if _KEGIATAN.match(part)), "")


def from_tables(tables: list[Table]) -> BudgetData:
    """Normalise budget tables: codes, leaves, kegiatan, akun and jenis belanja per row."""
    findings: list[Finding] = []
    frames, totals = [], []
    for table in tables:
        frame, total = _normalise(table, findings)
        parents = {
            ".".join(parts[:i])
            for parts in (c.split(".") for c in frame[BudgetCol.CODE] if c)
            for i in range(1, len(parts))
        }
        frame[BudgetCol.IS_LEAF] = [not code or code not in parents for code in frame[BudgetCol.CODE]]
        kdgiat = frame["kdgiat"] if "kdgiat" in frame.columns else pd.Series([""] * len(frame), index=frame.index)
        frame[BudgetCol.KEGIATAN] = [_kegiatan(c, k) for c, k in zip(frame[BudgetCol.CODE], kdgiat, strict=True)]
        frame[BudgetCol.AKUN] = [
            next((p for p in reversed(c.split(".")) if _AKUN.match(p)), "") for c in frame[BudgetCol.CODE]
        ]
        frame[BudgetCol.JENIS_BELANJA] = [
            JENIS_BELANJA.get(a[:2], f"Belanja {a[:2]}") if a else "" for a in frame[BudgetCol.AKUN]
        ]
        frames.append(frame.drop(columns=[c for c in ("kdgiat",) if c in frame.columns]))
        totals.append(total)
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    total = pd.concat(totals, ignore_index=True) if totals else pd.DataFrame()
    return BudgetData(frame, total, tuple(findings), tuple(tables))


@dataclass(frozen=True)
class BudgetTotals:
    """Office totals computed from the leaf rows."""

    allocation: float
    realized: float
    absorption_pct: float | None
    remaining: float


def leaves(data: BudgetData) -> pd.DataFrame:
    """The rows that are counted: leaves with at least one amount."""
    frame = data.frame
    if frame.empty:
        return frame
    return frame[frame[BudgetCol.IS_LEAF] & (frame[BudgetCol.ALLOCATION].notna() | frame[BudgetCol.REALIZED].notna())]


def totals(data: BudgetData) -> BudgetTotals:
    """Σ pagu and Σ realisasi of the leaves; remaining = pagu − realisasi (negative if overspent)."""
    rows = leaves(data)
    allocation = float(rows[BudgetCol.ALLOCATION].sum()) if len(rows) else 0.0
    realized = float(rows[BudgetCol.REALIZED].sum()) if len(rows) else 0.0
    return BudgetTotals(allocation, realized, absorption(allocation, realized), allocation - realized)


def _kegiatan_names(frame: pd.DataFrame) -> dict[str, str]:
    names: dict[str, str] = {}
    for _, row in frame.iterrows():
        keg, code, name = row[BudgetCol.KEGIATAN], row[BudgetCol.CODE], row[BudgetCol.NAME]
        if not keg or not name:
            continue
        own = code.split(".")[-1] == keg or code == keg
        if own or keg not in names:
            names[keg] = _CODE_IN_NAME.sub("", name).strip()
    return names


def lines(data: BudgetData) -> pd.DataFrame:
    """Per kegiatan (4-digit code): name, pagu, realisasi, absorption %, remaining.

    Leaves without a kegiatan code are grouped under their own name. Order: first appearance.
    """
    rows = leaves(data)
    columns = list(BudgetCol.LINE_COLUMNS)
    if rows.empty:
        return pd.DataFrame(columns=columns)
    names = _kegiatan_names(data.frame)
    key = rows[BudgetCol.KEGIATAN].where(rows[BudgetCol.KEGIATAN] != "", rows[BudgetCol.NAME])
    grouped = rows.assign(_key=key).groupby("_key", sort=False)
    result = grouped.agg(allocation=("allocation", "sum"), realized=("realized", "sum")).reset_index()
    result[BudgetCol.CODE] = [k if _KEGIATAN.match(k) else "" for k in result["_key"]]
    result[BudgetCol.NAME] = [names.get(k, k) for k in result["_key"]]
    result[BudgetCol.ABSORPTION_PCT] = [
        absorption(a, r) for a, r in zip(result[BudgetCol.ALLOCATION], result[BudgetCol.REALIZED], strict=True)
    ]
    result[BudgetCol.ABSORPTION_PCT] = result[BudgetCol.ABSORPTION_PCT].astype("float64")
    result[BudgetCol.REMAINING] = result[BudgetCol.ALLOCATION] - result[BudgetCol.REALIZED]
    return result[columns]


def by_jenis_belanja(data: BudgetData) -> pd.DataFrame:
    """Pagu and realisasi per jenis belanja (first two digits of the akun); empty without akun codes."""
    rows = leaves(data)
    rows = rows[rows[BudgetCol.AKUN] != ""] if len(rows) else rows
    if rows.empty:
        return pd.DataFrame(columns=["jenis_belanja", "allocation", "realized", "absorption_pct"])
    # Ordered by akun code (51 pegawai, 52 barang, 53 modal, 57 bansos), the order of DIPA tables.
    result = (
        rows.assign(_code=rows[BudgetCol.AKUN].str[:2])
        .groupby(["_code", "jenis_belanja"], sort=True)
        .agg(allocation=("allocation", "sum"), realized=("realized", "sum"))
        .reset_index()
        .drop(columns="_code")
    )
    result[BudgetCol.ABSORPTION_PCT] = [
        absorption(a, r) for a, r in zip(result[BudgetCol.ALLOCATION], result[BudgetCol.REALIZED], strict=True)
    ]
    return result


def has_hierarchy(data: BudgetData) -> bool:
    """True when the file has more than one code level (a tree worth drawing)."""
    return bool(len(data.frame)) and bool((~data.frame[BudgetCol.IS_LEAF]).any())


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
        for _, parent in sheet[~sheet[BudgetCol.IS_LEAF]].iterrows():
            result.append((parent, sheet[sheet["_parent"] == parent[BudgetCol.CODE]]))
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
        if not pd.isna(alloc) and not pd.isna(real):
            if alloc == 0 and real > 0:
                findings.append(
                    at(
                        row,
                        "error",
                        "PAGU_ZERO_WITH_REALISASI",
                        f"'{name}' tidak memiliki pagu tetapi ada realisasi {format_rupiah(real)}.",
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
    coded = leaves(data)
    coded = coded[coded[BudgetCol.CODE] != ""]
    for _, row in coded[coded.duplicated(["code", "funding"], keep="first")].iterrows():
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
