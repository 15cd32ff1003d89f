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

from lakip_core.reading.numbers import cell_text, is_missing_text, parse_number
from lakip_core.reading.tables import Column, DatasetSpec, Table, aliases
from lakip_core.rules.findings import Finding, at
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
                "Uraian Program/Kegiatan",
                "Rincian",
            ),
            label="Uraian",
        ),
        Column("kdprogram", aliases("kdprogram", "kdprog")),
        Column("kdgiat", aliases("kdgiat", "kode giat", "kdkegiatan")),
        # Flat downloads name the kegiatan in its own column; the row's name is its akun's.
        Column("kegiatan_name", aliases("nmgiat", "nama giat", "nmkegiatan"), label="Nama Kegiatan"),
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
        for column in ("kdgiat", "kegiatan_name"):
            if column in columns:
                frame[column] = [cell_text(v, blank_placeholders=True) for v in part[column]]
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
    """Office totals computed from the leaf rows.

    ``realized`` is every rupiah spent; ``absorption_pct`` and ``remaining`` are of the pagu, so
    they leave out realisasi on rows without a pagu (blank, ``-`` or 0: ``unfunded_realized`` on
    ``unfunded_rows`` rows, reported by the checks). Without such rows,
    ``remaining = allocation − realized`` as always.
    """

    allocation: float
    realized: float
    absorption_pct: float | None
    remaining: float
    unfunded_realized: float = 0.0
    unfunded_rows: int = 0


def leaves(data: BudgetData) -> pd.DataFrame:
    """The rows that are counted: leaves with at least one amount."""
    frame = data.frame
    if frame.empty:
        return frame
    return frame[frame[BudgetCol.IS_LEAF] & (frame[BudgetCol.ALLOCATION].notna() | frame[BudgetCol.REALIZED].notna())]


def unfunded(rows: pd.DataFrame) -> pd.Series:
    """Rows with realisasi > 0 but no pagu (blank, ``-`` or 0): their spending has no pagu to be
    a share of."""
    allocation = rows[BudgetCol.ALLOCATION]
    mask: pd.Series = (allocation.isna() | (allocation <= 0)) & (rows[BudgetCol.REALIZED].fillna(0) > 0)
    return mask


def totals(data: BudgetData) -> BudgetTotals:
    """Σ pagu and Σ realisasi of the leaves; absorption and remaining of the rows with a pagu."""
    rows = leaves(data)
    if not len(rows):
        return BudgetTotals(0.0, 0.0, None, 0.0)
    without = unfunded(rows)
    allocation = float(rows[BudgetCol.ALLOCATION].sum())
    realized = float(rows[BudgetCol.REALIZED].sum())
    outside = float(rows.loc[without, BudgetCol.REALIZED].sum())
    funded = realized - outside
    return BudgetTotals(
        allocation, realized, absorption(allocation, funded), allocation - funded, outside, int(without.sum())
    )


def _kegiatan_names(frame: pd.DataFrame) -> dict[str, str]:
    """The name of each kegiatan: its own row's (``3355`` or ``….3355``), else a kegiatan-name
    column (flat downloads: nmgiat), else none. Never the name of an akun under it: a flat file
    would otherwise call kegiatan 3355 "Belanja Gaji Pokok PNS"."""
    names: dict[str, str] = {}
    named = "kegiatan_name" in frame.columns
    for _, row in frame.iterrows():
        keg, code, name = row[BudgetCol.KEGIATAN], row[BudgetCol.CODE], row[BudgetCol.NAME]
        if not keg:
            continue
        if name and (code.split(".")[-1] == keg or code == keg):
            names[keg] = _CODE_IN_NAME.sub("", name).strip()
        elif named and keg not in names and isinstance(row["kegiatan_name"], str) and row["kegiatan_name"]:
            names[keg] = row["kegiatan_name"]
    return names


def lines(data: BudgetData) -> pd.DataFrame:
    """Per kegiatan (4-digit code): name, pagu, realisasi, absorption %, remaining, and the
    realisasi on rows without a pagu (``unfunded_realized``, left out of absorption and remaining).

    A kegiatan none of whose rows has a pagu has pagu NaN ("pagu kosong") and no absorption.

    Leaves without a kegiatan code are grouped under their own name. Order: first appearance.
    """
    rows = leaves(data)
    columns = list(BudgetCol.LINE_COLUMNS)
    if rows.empty:
        return pd.DataFrame(columns=[*columns, BudgetCol.UNFUNDED])
    names = _kegiatan_names(data.frame)
    key = rows[BudgetCol.KEGIATAN].where(rows[BudgetCol.KEGIATAN] != "", rows[BudgetCol.NAME])
    outside = rows[BudgetCol.REALIZED].where(unfunded(rows), 0.0)
    grouped = rows.assign(_key=key, _outside=outside).groupby("_key", sort=False)
    result = grouped.agg(
        allocation=("allocation", lambda v: v.sum(min_count=1)),  # no pagu on any row: "pagu kosong"
        realized=("realized", "sum"),
        unfunded_realized=("_outside", "sum"),
    ).reset_index()
    result[BudgetCol.CODE] = [k if _KEGIATAN.match(k) else "" for k in result["_key"]]
    result[BudgetCol.NAME] = [names.get(k, f"Kegiatan {k}" if _KEGIATAN.match(k) else k) for k in result["_key"]]
    funded = result[BudgetCol.REALIZED] - result[BudgetCol.UNFUNDED]
    result[BudgetCol.ABSORPTION_PCT] = [
        absorption(a, r) for a, r in zip(result[BudgetCol.ALLOCATION], funded, strict=True)
    ]
    result[BudgetCol.ABSORPTION_PCT] = result[BudgetCol.ABSORPTION_PCT].astype("float64")
    result[BudgetCol.REMAINING] = result[BudgetCol.ALLOCATION] - funded
    return result[[*columns, BudgetCol.UNFUNDED]]


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
