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
from dataclasses import dataclass, field, replace

import pandas as pd

from lakip_core.reading.numbers import cell_text, parse_numbers
from lakip_core.reading.tables import Column, DatasetSpec, Table, aliases
from lakip_core.rules.findings import SILENT_ZERO, Finding, at, not_a_number, reading_findings
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
            fill="number",
            positive=True,
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
                "s.d. Periode",
                "Realisasi s.d. Bulan Ini",
            ),
            required=True,
            label="Realisasi",
            fill="number",
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
            percent=True,
        ),
        Column("remaining", aliases("Sisa", "Sisa Anggaran", "Sisa Pagu", "Saldo", "Sisa Dana"), label="Sisa"),
        Column("funding", aliases("Sumber Dana", "Sumber", "Sumber Anggaran", "Jenis Dana"), label="Sumber Dana"),
        # Kept as their own columns (SAKTI GLP039, ADK); never added into pagu or realisasi.
        Column("lock", aliases("Lock Pagu"), label="Lock Pagu"),
        Column("period_prev", aliases("Periode Lalu", "Realisasi Periode Lalu"), label="Realisasi periode lalu"),
        Column("period_now", aliases("Periode Ini", "Realisasi Periode Ini"), label="Realisasi periode ini"),
        Column("blocked", aliases("Blokir", "Pagu Blokir", "rphblokir"), label="Blokir"),
        Column(
            "satker_code", aliases("Kode Satker", "kdsatker", "KD_SATKER", "Kode Satuan Kerja"), label="Kode Satker"
        ),
        Column("satker_name", aliases("Nama Satker", "UR_SATKER", "Nama Satuan Kerja"), label="Nama Satker"),
        Column("jenis_belanja", aliases("Jenis Belanja", "Kelompok Belanja"), label="Jenis Belanja"),
        # Set by export layouts only: a row's level (``item`` rows below an akun are not counted)
        # and the key that groups rows per kegiatan when the code has no 4-digit kegiatan part.
        Column("level", ()),
        Column("kegiatan_code", ()),
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


# Amounts a file may carry beside pagu and realisasi (GLP039 Lock Pagu and the two periods, ADK
# blokir): kept per row, never added into pagu or realisasi.
EXTRA_AMOUNTS = ("lock", "period_prev", "period_now", "blocked")
# SIPD's kelompok belanja, in the order the LRA prints them (after akun-based jenis belanja).
_JENIS_ORDER = ("Belanja Operasi", "Belanja Modal", "Belanja Tak Terduga", "Belanja Transfer")
# Rows below the counted level: items under an akun, heading lines of an item table.
DETAIL_LEVELS = ("item", "heading")


@dataclass(frozen=True)
class BudgetData:
    """All budget rows with codes, the leaf flag, kegiatan, akun; total rows kept aside.

    ``details`` holds rows below the counted level (GLP039 items under their akun, ADK heading
    lines): never counted, only compared with the akun above them.
    """

    frame: pd.DataFrame
    totals: pd.DataFrame
    findings: tuple[Finding, ...]
    tables: tuple[Table, ...]
    details: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def has_realized(self) -> bool:
        """False for a file with pagu only (an ADK item table): absorption is "belum ada realisasi"."""
        frame = self.frame
        return BudgetCol.REALIZED in frame.columns and bool(frame[BudgetCol.REALIZED].notna().any())


def _texts(part: pd.DataFrame, column: str) -> list[str]:
    if column not in part.columns:
        return [""] * len(part)
    return [cell_text(v, blank_placeholders=True) for v in part[column]]


def _codes(part: pd.DataFrame) -> list[str]:
    """Each row's dotted code: the flat code columns joined (kdgiat, kdakun ...), else the Kode
    column, else a 4-digit kegiatan code at the end of the name (``Keuangan (3355)``)."""
    flat = [_texts(part, c) for c in FLAT_CODE_COLUMNS if c in part.columns]
    joined = [".".join(p for p in parts if p) for parts in zip(*flat, strict=True)] if flat else [""] * len(part)
    result = []
    for path, code, name in zip(joined, _texts(part, "code"), _texts(part, "name"), strict=True):
        if path:
            result.append(path)
        elif code:
            result.append(code.replace(" ", ""))
        else:
            match = _CODE_IN_NAME.search(name)
            result.append(match.group(1) if match else "")
    return result


def _amounts(table: Table, part: pd.DataFrame, column: str, findings: list[Finding] | None) -> pd.Series:
    """An amount column as rupiah (× the table's unit); text that is not a number is a finding."""
    if column not in part.columns:
        return pd.Series(float("nan"), index=part.index, dtype="float64")
    values, bad = parse_numbers(part[column])
    if findings is not None:
        findings += not_a_number(part, column, bad, f"Nilai {SPEC.column(column).label}", "budget")
    return values * table.multiplier


def _normalise(table: Table, findings: list[Finding]) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = []
    for part in (table.data, table.totals):
        columns = set(part.columns)
        report = findings if part is table.data else None
        frame = pd.DataFrame(
            {
                "code": _codes(part),
                "name": _texts(part, "name"),
                "funding": _texts(part, "funding"),
                "allocation": _amounts(table, part, "allocation", report),
                "realized": _amounts(table, part, "realized", report),
                "stated_pct": parse_numbers(part["stated_pct"])[0]
                if "stated_pct" in columns
                else pd.Series(float("nan"), index=part.index, dtype="float64"),
                "stated_remaining": _amounts(table, part, "remaining", None),
                FILE: part[FILE],
                SHEET: part[SHEET],
                ROW: part[ROW],
            },
            index=part.index,
        )
        for extra in EXTRA_AMOUNTS:
            if extra in columns:
                frame[extra] = _amounts(table, part, extra, report)
        for text in (
            "kdgiat",
            "kegiatan_name",
            "kegiatan_code",
            "jenis_belanja",
            "level",
            "satker_code",
            "satker_name",
        ):
            if text in columns:
                frame[text] = _texts(part, text)
        if part is table.totals:  # the words on a total row: JUMLAH, SUB TOTAL ...
            labels = zip(_texts(part, "no"), _texts(part, "code"), _texts(part, "name"), strict=True)
            frame["label"] = [next((t for t in texts if t), "") for texts in labels]
        out.append(frame)
    return out[0], out[1]


def _kegiatan(code: str, kdgiat: str) -> str:
    if kdgiat:
        return kdgiat
    return next((part for part in code.split(".") if _KEGIATAN.match(part)), "")


def _details(frame: pd.DataFrame) -> pd.Series:
    """Rows below the counted level: headings, and items whose akun row is in the same table
    (GLP039: the akun adds up to JUMLAH SELURUHNYA). Items with no akun row above them (an ADK
    item table) are the counted rows themselves."""
    if BudgetCol.LEVEL not in frame.columns:
        return pd.Series(False, index=frame.index)
    level = frame[BudgetCol.LEVEL]
    items = level == "item"
    counted_codes = set(frame.loc[~level.isin(DETAIL_LEVELS), BudgetCol.CODE])
    parent = frame[BudgetCol.CODE].str.rsplit(".", n=1).str[0]
    return (level == "heading") | (items & parent.isin(counted_codes))


def from_tables(tables: list[Table]) -> BudgetData:
    """Normalise budget tables: codes, leaves, kegiatan, akun and jenis belanja per row."""
    findings: list[Finding] = []
    frames, totals, details = [], [], []
    for table in tables:
        findings += reading_findings(table, "budget")
        frame, total = _normalise(table, findings)
        detail = _details(frame)
        details.append(frame[detail])
        frame = frame[~detail]
        parents = {
            ".".join(parts[:i])
            for parts in (c.split(".") for c in frame[BudgetCol.CODE] if c)
            for i in range(1, len(parts))
        }
        frame[BudgetCol.IS_LEAF] = [not code or code not in parents for code in frame[BudgetCol.CODE]]
        kdgiat = frame["kdgiat"] if "kdgiat" in frame.columns else pd.Series([""] * len(frame), index=frame.index)
        if "kegiatan_code" in frame.columns:
            kdgiat = frame["kegiatan_code"].where(frame["kegiatan_code"] != "", kdgiat)
        frame[BudgetCol.KEGIATAN] = [_kegiatan(c, k) for c, k in zip(frame[BudgetCol.CODE], kdgiat, strict=True)]
        frame[BudgetCol.AKUN] = [
            next((p for p in reversed(c.split(".")) if _AKUN.match(p)), "") for c in frame[BudgetCol.CODE]
        ]
        stated_jenis = frame["jenis_belanja"] if "jenis_belanja" in frame.columns else None
        frame[BudgetCol.JENIS_BELANJA] = [
            JENIS_BELANJA.get(a[:2], f"Belanja {a[:2]}") if a else "" for a in frame[BudgetCol.AKUN]
        ]
        if stated_jenis is not None:
            frame[BudgetCol.JENIS_BELANJA] = stated_jenis.where(stated_jenis != "", frame[BudgetCol.JENIS_BELANJA])
        frames.append(frame.drop(columns=[c for c in ("kdgiat", "kegiatan_code") if c in frame.columns]))
        totals.append(total)
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    total = pd.concat(totals, ignore_index=True) if totals else pd.DataFrame()
    detail_frame = pd.concat(details, ignore_index=True) if details else pd.DataFrame()
    data = BudgetData(frame, total, tuple(findings), tuple(tables), detail_frame)
    return replace(data, findings=(*data.findings, *_silent_zero(data)))


def _silent_zero(data: BudgetData) -> list[Finding]:
    """Pagu or realisasi that add up to 0 over the counted rows while other rows hold amounts."""
    frame = data.frame
    if frame.empty:
        return []
    counted = leaves(data)
    found = []
    for column, label in ((BudgetCol.ALLOCATION, "pagu"), (BudgetCol.REALIZED, "realisasi")):
        if counted[column].fillna(0).eq(0).all() and frame[column].fillna(0).ne(0).any():
            example = frame[frame[column].fillna(0).ne(0)].iloc[0]
            found.append(
                at(
                    example,
                    "error",
                    SILENT_ZERO,
                    f"Baris rincian yang dijumlahkan berisi {label} 0, tetapi baris lain berisi angka {label} "
                    f"(misalnya kode '{example[BudgetCol.CODE] or example[BudgetCol.NAME]}'); {label} akan terbaca "
                    "Rp 0. Periksa kode bertingkat di berkas, atau petakan kolomnya sendiri.",
                    "budget",
                )
            )
    return found


@dataclass(frozen=True)
class BudgetTotals:
    """Office totals computed from the leaf rows.

    ``realized`` is every rupiah spent; ``absorption_pct`` and ``remaining`` are of the pagu, so
    they leave out realisasi on rows without a pagu (blank, ``-`` or 0: ``unfunded_realized`` on
    ``unfunded_rows`` rows, reported by the checks). Without such rows,
    ``remaining = allocation − realized`` as always. ``realized``, ``absorption_pct`` and
    ``remaining`` are ``None`` for a file with pagu only (an ADK item table): no realisasi is not a
    realisasi of 0.
    """

    allocation: float
    realized: float | None
    absorption_pct: float | None
    remaining: float | None
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
    """Σ pagu and Σ realisasi of the leaves; absorption and remaining of the rows with a pagu.

    Without any realisasi in the file (pagu only), realisasi, absorption and remaining are ``None``.
    """
    rows = leaves(data)
    allocation = float(rows[BudgetCol.ALLOCATION].sum()) if len(rows) else 0.0
    if not len(rows) or not rows[BudgetCol.REALIZED].notna().any():
        return BudgetTotals(allocation, None, None, None)
    without = unfunded(rows)
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
    if BudgetCol.LEVEL in frame.columns:  # an item's name is not its kegiatan's (ADK item tables)
        frame = frame[frame[BudgetCol.LEVEL] != "item"]
    own = frame["kegiatan_name"] if "kegiatan_name" in frame.columns else pd.Series("", index=frame.index)
    for keg, code, name, stated in zip(
        frame[BudgetCol.KEGIATAN], frame[BudgetCol.CODE], frame[BudgetCol.NAME], own, strict=True
    ):
        if not keg:
            continue
        if name and (code.split(".")[-1] == keg or code == keg):
            names[keg] = _CODE_IN_NAME.sub("", name).strip()
        elif keg not in names and isinstance(stated, str) and stated:
            names[keg] = stated
    return names


def lines(data: BudgetData) -> pd.DataFrame:
    """Per kegiatan (4-digit code, or the kegiatan key a layout gives): name, pagu, realisasi,
    absorption %, remaining, and the realisasi on rows without a pagu (``unfunded_realized``, left
    out of absorption and remaining).

    A kegiatan none of whose rows has a pagu has pagu NaN ("pagu kosong") and no absorption;
    realisasi stays missing (not 0) for a kegiatan without any.

    Leaves without a kegiatan code are grouped under their own name. Order: first appearance.
    """
    rows = leaves(data)
    columns = list(BudgetCol.LINE_COLUMNS)
    if rows.empty:
        return pd.DataFrame(columns=[*columns, BudgetCol.UNFUNDED])
    names = _kegiatan_names(data.frame)
    coded = rows[BudgetCol.KEGIATAN] != ""
    key = rows[BudgetCol.KEGIATAN].where(coded, rows[BudgetCol.NAME])
    codes = set(key[coded])
    outside = rows[BudgetCol.REALIZED].where(unfunded(rows), 0.0)
    grouped = rows.assign(_key=key, _outside=outside).groupby("_key", sort=False)
    result = grouped[[BudgetCol.ALLOCATION]].sum(min_count=1).reset_index()  # no pagu on any row: "pagu kosong"
    result[BudgetCol.REALIZED] = grouped[BudgetCol.REALIZED].sum(min_count=1).to_numpy()
    result[BudgetCol.UNFUNDED] = grouped["_outside"].sum().to_numpy()
    result[BudgetCol.CODE] = [k if k in codes else "" for k in result["_key"]]
    # A kegiatan code without any name in the file (an ADK item table): "Kegiatan 3355", never an akun name.
    result[BudgetCol.NAME] = [names.get(k, f"Kegiatan {k}" if k in codes else k) for k in result["_key"]]
    funded = result[BudgetCol.REALIZED] - result[BudgetCol.UNFUNDED]
    result[BudgetCol.ABSORPTION_PCT] = [
        absorption(a, r) for a, r in zip(result[BudgetCol.ALLOCATION], funded, strict=True)
    ]
    result[BudgetCol.ABSORPTION_PCT] = result[BudgetCol.ABSORPTION_PCT].astype("float64")
    result[BudgetCol.REMAINING] = result[BudgetCol.ALLOCATION] - funded
    return result[[*columns, BudgetCol.UNFUNDED]]


def _jenis_key(akun: str, jenis: str) -> str:
    if akun:
        return akun[:2]
    return f"9{_JENIS_ORDER.index(jenis)}" if jenis in _JENIS_ORDER else f"99{jenis}"


def by_jenis_belanja(data: BudgetData) -> pd.DataFrame:
    """Pagu and realisasi per jenis belanja: the first two digits of the akun, or the kelompok
    belanja a file states (SIPD: Operasi, Modal ...); empty without either."""
    rows = leaves(data)
    rows = rows[rows[BudgetCol.JENIS_BELANJA] != ""] if len(rows) else rows
    if rows.empty:
        return pd.DataFrame(columns=["jenis_belanja", "allocation", "realized", "absorption_pct"])
    # Ordered by akun code (51 pegawai, 52 barang, 53 modal, 57 bansos), the order of DIPA tables.
    keys = [_jenis_key(a, j) for a, j in zip(rows[BudgetCol.AKUN], rows[BudgetCol.JENIS_BELANJA], strict=True)]
    grouped = rows.assign(_code=keys).groupby(["_code", "jenis_belanja"], sort=True)
    result = grouped[[BudgetCol.ALLOCATION]].sum()
    result[BudgetCol.REALIZED] = grouped[BudgetCol.REALIZED].sum(min_count=1)
    result = result.reset_index().drop(columns="_code")
    result[BudgetCol.ABSORPTION_PCT] = [
        absorption(a, r) for a, r in zip(result[BudgetCol.ALLOCATION], result[BudgetCol.REALIZED], strict=True)
    ]
    return result


def has_hierarchy(data: BudgetData) -> bool:
    """True when the file has more than one code level (a tree worth drawing)."""
    return bool(len(data.frame)) and bool((~data.frame[BudgetCol.IS_LEAF]).any())
