"""State assets (BMN): condition counts weighted by Jumlah, value, age against useful life.

Reads SIMAK BMN / SAKTI asset registers (one row per unit with kode barang and NUP) and the
summary tables of LAKIP reports (one row per item kind with a Jumlah column, maybe no condition).
Everything here is vectorised: a 100,000-row register is normalised in a fraction of the time
the spreadsheet reader needs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from lakip_core.presentation.format import format_number
from lakip_core.reading.dates import age_on, parse_date, parse_year
from lakip_core.reading.numbers import cell_text, is_missing_text, parse_numbers
from lakip_core.reading.tables import Column, DatasetSpec, Table, aliases
from lakip_core.rules.findings import Finding, at, not_a_number, reading_findings
from lakip_core.rules.settings import Settings, UsefulLife
from lakip_core.schema import FILE, ROW, SHEET

SPEC = DatasetSpec(
    kind="assets",
    label="aset (BMN)",
    columns=(
        Column("no", aliases("No", "No.", "Nomor")),
        Column(
            "code", aliases("Kode Barang", "Kd Brg", "Kode Brg", "Kode Aset", "Kode", "KD_BRG"), label="Kode Barang"
        ),
        Column("nup", aliases("NUP", "No Register", "Nomor Urut Pendaftaran", "NO_ASET", "No Aset"), label="NUP"),
        Column(
            "name",
            aliases(
                "Nama Barang", "Uraian Barang", "Nama Aset", "Jenis Barang", "Uraian", "Nama", "UR_SSKEL", "UR_BARANG"
            ),
            required=True,
            label="Nama Barang",
            fill="text",
        ),
        Column(
            "brand",
            aliases(
                "Merk", "Merk Barang", "Merk/Tipe", "Merk / Type", "Merek", "Merk Type", "MEREK_TIPE", "Merek/Tipe"
            ),
            label="Merk",
        ),
        # Beside Merk, not a second Merk: both are kept.
        Column("model", aliases("Tipe", "Type", "Tipe Barang"), label="Tipe"),
        Column(
            "acquired",
            aliases(
                "Tahun Perolehan",
                "Tanggal Perolehan",
                "Tgl Perolehan",
                "Thn Perolehan",
                "Tahun Pengadaan",
                "Tgl Buku Pertama",
                "Tanggal Buku",
                "TGL_PERLH",
                "TGL_PEROLEHAN",
            ),
            label="Tahun Perolehan",
        ),
        Column(
            "quantity",
            aliases(
                "Jumlah",
                "Jumlah (Buah)",
                "Kuantitas",
                "Qty",
                "Jml",
                "Jumlah Barang",
                "Banyaknya",
                "Jumlah Unit",
                "Q_AST",
            ),
            label="Jumlah",
        ),
        Column(
            "value",
            aliases("Nilai", "Nilai Perolehan", "Harga Perolehan", "Nilai Aset", "Harga", "RPH_ASET"),
            label="Nilai Perolehan",
            fill="number",
        ),
        Column(
            "depreciation",
            aliases("Nilai Penyusutan", "Penyusutan", "Akumulasi Penyusutan", "RPH_SUSUT"),
            label="Nilai Penyusutan",
        ),
        Column("book_value", aliases("Nilai Buku", "NILAI_BUKU", "RPH_BUKU"), label="Nilai Buku"),
        Column(
            "condition",
            aliases("Kondisi", "Kondisi Barang", "Keadaan Barang", "Kondisi Aset", "KOND", "UR_KONDISI", "KD_KONDISI"),
            label="Kondisi",
        ),
        Column(
            "source",
            aliases("Asal Perolehan", "Perolehan", "Status Barang", "Cara Perolehan", "Sumber Perolehan"),
            label="Asal Perolehan",
        ),
        Column("category", aliases("Kelompok", "Kategori", "Kelompok Barang"), label="Kelompok"),
        Column("satker_code", aliases("Kode Satker", "KD_SATKER", "Kode Satuan Kerja"), label="Kode Satker"),
        Column("satker_name", aliases("Nama Satker", "UR_SATKER", "Nama Satuan Kerja"), label="Nama Satker"),
    ),
)

GOOD, LIGHT, HEAVY, DAMAGED, UNKNOWN = "Baik", "Rusak Ringan", "Rusak Berat", "Rusak", "Tidak diketahui"
# A register without any condition column: the condition is not recorded (no "good %" at all).
NOT_RECORDED = "Tidak tercatat"
CONDITIONS = (GOOD, LIGHT, HEAVY, DAMAGED, UNKNOWN, NOT_RECORDED)
_CONDITION_WORDS = {
    "b": GOOD,
    "baik": GOOD,
    "1": GOOD,
    "bk": GOOD,
    "rr": LIGHT,
    "rusak ringan": LIGHT,
    "2": LIGHT,
    "kurang baik": LIGHT,
    "rb": HEAVY,
    "rusak berat": HEAVY,
    "3": HEAVY,
    "rusak": DAMAGED,
    "r": DAMAGED,
}
OTHER_GROUP = "Lainnya"


def normalize_condition(value: object) -> str:
    """B / 1 / Baik → Baik; RR / 2 → Rusak Ringan; RB / 3 → Rusak Berat; plain "Rusak" stays
    "Rusak" (the seed does not say how badly); blank → Tidak diketahui; other text is kept."""
    if is_missing_text(value):
        return UNKNOWN
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(re.sub(r"[^0-9a-z]+", " ", str(value).lower()).split())
    # "R.R", "R R" and "Rusak-Ringan" are spellings of the same code / words.
    return _CONDITION_WORDS.get(text) or _CONDITION_WORDS.get(text.replace(" ", ""), str(value).strip())


def _normalize_source(value: object) -> str:
    """``KPU- RI`` / ``KPU - RI`` → ``KPU RI``; blanks → ``Tidak diketahui``."""
    if is_missing_text(value):
        return UNKNOWN
    text = re.sub(r"\s*-\s*", " ", str(value))
    return " ".join(text.split())


def classify(name: str, code: str, table: tuple[UsefulLife, ...]) -> UsefulLife | None:
    """The useful-life group of an asset: by kode barang prefix (the longest matching code), else
    by a keyword in its name.

    An Indonesian name puts the thing first and what it belongs to after ("Software Komputer" is
    software, "Meja Komputer" a table): the keyword found earliest in the name wins, and of two
    found at the same place the longer one.
    """
    digits = re.sub(r"\D", "", code)
    if digits:
        by_code = [entry for entry in table if entry.code and digits.startswith(entry.code)]
        if by_code:
            return max(by_code, key=lambda entry: len(entry.code))
    words = f" {re.sub(r'[^a-z0-9]+', ' ', name.lower())} "
    best: tuple[int, int, UsefulLife] | None = None
    for entry in table:
        for keyword in entry.keywords:
            position = words.find(f" {keyword} ")
            if position >= 0 and (best is None or (position, -len(keyword)) < (best[0], best[1])):
                best = (position, -len(keyword), entry)
    return best[2] if best else None


def acquired_date(value: object) -> date | None:
    """The full acquisition date of a cell (``15-12-2020``, an Excel date); ``None`` for a bare
    year (``2017``: an Excel serial number 2017 would otherwise be read as a day in 1905)."""
    if parse_year(value) is not None and (
        isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit())
    ):
        return None
    return parse_date(value)


@dataclass(frozen=True)
class AssetData:
    """One row per register line: name, quantity, value, condition, acquisition year, group."""

    frame: pd.DataFrame
    totals: pd.DataFrame
    findings: tuple[Finding, ...]
    tables: tuple[Table, ...]


def _clean_code(value: object) -> str:
    """A kode barang / NUP cell as text: a number read as ``1.0`` → ``1``."""
    text = cell_text(value)
    return text[:-2] if text.endswith(".0") else text


def _factorize(series: pd.Series, codes: np.ndarray | None = None) -> tuple[np.ndarray, list[object]]:
    """Codes and distinct values of a column; blanks (None / NaN) get the appended last value None.

    ``codes`` are the reader's codes for the column (:attr:`Table.distinct`), when it has them:
    then no string is hashed again.
    """
    if codes is not None and len(codes) == len(series):
        present, first = np.unique(codes, return_index=True)
        pairs = zip(present, first, strict=True)
        known = [series.iat[int(position)] if code >= 0 else None for code, position in pairs]
        return np.searchsorted(present, codes), [*known, None]
    values = series.to_numpy(dtype=object) if series.dtype == object else series
    found, uniques = pd.factorize(values, use_na_sentinel=True)
    return found, [*uniques, None]  # code -1 picks the appended None


def _take(per_unique: list[Any], codes: np.ndarray, dtype: str = "object") -> np.ndarray:
    """Spread values computed per distinct value back over the rows."""
    array = np.empty(len(per_unique), dtype=dtype)
    array[:] = per_unique
    spread: np.ndarray = array[codes]
    return spread


def _map_unique(
    series: pd.Series, func: Callable[[object], object], dtype: str = "object", codes: np.ndarray | None = None
) -> pd.Series:
    """``series.map(func)``, calling ``func`` once per distinct value (blanks → ``func(None)``).

    Registers repeat the same names, conditions and years thousands of times; this is what keeps
    a 100,000-row file fast. ``codes``: the reader's codes for the column, when it has them.
    """
    found, uniques = _factorize(series, codes)
    # dtype given explicitly: pandas would otherwise convert text to its (slower to build) str dtype.
    return pd.Series(_take([func(value) for value in uniques], found, dtype), index=series.index, dtype=dtype)


def _text_column(data: pd.DataFrame, column: str, codes: np.ndarray | None = None) -> pd.Series:
    if column not in data.columns:
        return pd.Series("", index=data.index, dtype=object)
    return _map_unique(data[column], _clean_code if column in ("code", "nup") else cell_text, codes=codes)


def _classify_pairs(
    names: pd.Series,
    codes: pd.Series,
    settings: Settings,
    name_distinct: np.ndarray | None = None,
    code_distinct: np.ndarray | None = None,
) -> tuple[np.ndarray, list[UsefulLife | None]]:
    """Useful-life group per distinct (name, kode barang) pair: (row codes, group per pair)."""
    name_codes, name_values = _factorize(names, name_distinct)
    code_codes, code_values = _factorize(codes, code_distinct)
    width = len(code_values)
    # One integer per pair; code -1 (a blank) wraps to the appended None of its list.
    pair_codes, pairs = pd.factorize(name_codes.astype(np.int64) % len(name_values) * width + code_codes % width)
    groups = [
        classify(str(name_values[pair // width] or ""), str(code_values[pair % width] or ""), settings.useful_life)
        for pair in pairs.tolist()
    ]
    return pair_codes, groups


def from_tables(tables: list[Table], settings: Settings) -> AssetData:
    """Normalise asset tables. Quantity defaults to 1 when the file has no Jumlah column."""
    frames: list[pd.DataFrame] = []
    findings: list[Finding] = []
    for table in tables:
        findings += reading_findings(table, "assets")
        data = table.data
        frame = pd.DataFrame(index=data.index)
        frame["category_sheet"] = table.sheet
        codes = table.distinct
        for column in ("code", "nup", "name", "brand"):
            frame[column] = _text_column(data, column, codes.get(column))
        for column in ("model", "satker_code", "satker_name"):
            if column in data.columns:
                frame[column] = _map_unique(data[column], _clean_code, codes=codes.get(column))
        if "quantity" in data.columns:
            quantity, bad_q = parse_numbers(data["quantity"])
            blank = quantity.isna() & ~bad_q
            if blank.any():
                rows = data.loc[blank, ROW].tolist()
                shown = ", ".join(str(r) for r in rows[:10]) + (
                    f" dan {len(rows) - 10} lainnya" if len(rows) > 10 else ""
                )
                findings.append(
                    at(
                        data.loc[blank].iloc[0],
                        "warning",
                        "ASSET_QUANTITY_BLANK",
                        f"Kolom Jumlah kosong pada {format_number(len(rows))} baris ({table.sheet}, baris {shown}); "
                        "setiap baris itu dihitung 1 unit. Isi jumlahnya bila tidak satu.",
                        "assets",
                    )
                )
            frame["quantity"] = quantity.fillna(1.0)
        else:
            frame["quantity"], bad_q = 1.0, pd.Series(False, index=data.index)
        if "value" in data.columns:
            value, bad_v = parse_numbers(data["value"])
            frame["value"] = value * table.multiplier
        else:
            frame["value"], bad_v = float("nan"), pd.Series(False, index=data.index)
        findings += not_a_number(data, "quantity", bad_q, "Jumlah", "assets", "baris ini dihitung 1 unit")
        findings += not_a_number(data, "value", bad_v, "Nilai Perolehan", "assets")
        for extra in ("depreciation", "book_value"):
            if extra in data.columns:
                frame[extra] = parse_numbers(data[extra])[0] * table.multiplier
        frame["condition"] = (
            _map_unique(data["condition"], normalize_condition, codes=codes.get("condition"))
            if "condition" in data
            else NOT_RECORDED
        )
        frame["source"] = (
            _map_unique(data["source"], _normalize_source, codes=codes.get("source"))
            if "source" in data.columns
            else UNKNOWN
        )
        frame["acquired_year"] = (
            _map_unique(data["acquired"], parse_year, "float64").astype("Float64")
            if "acquired" in data.columns
            else pd.Series(pd.NA, index=data.index, dtype="Float64")  # no year column: unknown ages
        )
        frame["acquired_date"] = _map_unique(data["acquired"], acquired_date) if "acquired" in data.columns else None
        pairs, groups = _classify_pairs(frame["name"], frame["code"], settings, codes.get("name"), codes.get("code"))
        frame["group"] = pd.Series(_take([g.group if g else OTHER_GROUP for g in groups], pairs), data.index, object)
        years = _take([g.years if g else np.nan for g in groups], pairs, "float64")
        frame["useful_life_years"] = pd.Series(years, index=data.index).astype("Float64")
        for column in (FILE, SHEET, ROW):
            frame[column] = data[column]
        frames.append(frame)
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
    if len(frame):
        # Age in whole years at the report date when the file gives dates; by calendar year otherwise.
        frame["age_years"] = settings.as_of.year - frame["acquired_year"]
        dated = frame["acquired_date"].notna().to_numpy()
        if dated.any():
            ages = _map_unique(
                frame.loc[dated, "acquired_date"],
                lambda d: age_on(d, settings.as_of) if isinstance(d, date) else np.nan,
                "float64",
            )
            frame.loc[dated, "age_years"] = ages.to_numpy()
        frame["past_useful_life"] = (frame["age_years"] >= frame["useful_life_years"]).fillna(False).astype(bool)
    totals = pd.concat([t.totals for t in tables], ignore_index=True) if tables else pd.DataFrame()
    return AssetData(frame, totals, tuple(findings), tuple(tables))


@dataclass(frozen=True)
class AssetSummary:
    """Units (Σ Jumlah), units per condition, good % of units with a known condition, value."""

    units: int
    by_condition: dict[str, int]
    good_pct: float | None
    total_value: float | None
    unknown_condition: int
    past_useful_life: int
    condition_recorded: bool = True


def summarize(data: AssetData) -> AssetSummary:
    """Counts weighted by Jumlah. ``good_pct`` = Baik / units whose condition is known × 100
    (``None`` when no condition is known, e.g. a table without a Kondisi column).
    ``total_value`` is ``None`` when the file has no value column."""
    frame = data.frame
    if frame.empty:
        return AssetSummary(0, {}, None, None, 0, 0)
    by_condition = frame.groupby("condition", sort=False)["quantity"].sum()
    ordered = {c: int(by_condition[c]) for c in CONDITIONS if c in by_condition.index}
    ordered.update({str(c): int(v) for c, v in by_condition.items() if c not in ordered})
    units = int(frame["quantity"].sum())
    unknown = ordered.get(UNKNOWN, 0) + ordered.get(NOT_RECORDED, 0)
    known = units - unknown
    good_pct = ordered.get(GOOD, 0) / known * 100 if known > 0 else None
    value = frame["value"]
    total_value = float((value * 1).sum()) if value.notna().any() else None
    past = int(frame.loc[frame["past_useful_life"], "quantity"].sum())
    recorded = ordered.get(NOT_RECORDED, 0) < units
    return AssetSummary(units, ordered, good_pct, total_value, unknown, past, recorded)


def condition_by_group(data: AssetData) -> pd.DataFrame:
    """Units per useful-life group (rows) and condition (columns), weighted by Jumlah."""
    if data.frame.empty:
        return pd.DataFrame()
    table = data.frame.pivot_table(index="group", columns="condition", values="quantity", aggfunc="sum", fill_value=0)
    ordered = [c for c in CONDITIONS if c in table.columns] + [c for c in table.columns if c not in CONDITIONS]
    return table[ordered].astype(int)


def by_source(data: AssetData) -> pd.Series:
    """Units per acquisition source (asal perolehan), largest first."""
    if data.frame.empty:
        return pd.Series(dtype="int64")
    return data.frame.groupby("source")["quantity"].sum().sort_values(ascending=False).astype(int)


def attention_list(data: AssetData) -> pd.DataFrame:
    """Lines that need attention: damaged (any Rusak) or past their useful life."""
    frame = data.frame
    if frame.empty:
        return frame
    damaged = frame["condition"].isin([LIGHT, HEAVY, DAMAGED])
    return frame[damaged | frame["past_useful_life"]]


def check(data: AssetData, settings: Settings) -> list[Finding]:
    """Findings: unparseable numbers, negative values, duplicate kode barang + NUP, a stated
    Jumlah total that differs from Σ Jumlah. Identical lines without NUP are separate units
    (a summary table lists each vehicle on its own line), so they are not duplicates."""
    findings = list(data.findings)
    frame = data.frame
    if frame.empty:
        return findings
    for _, row in frame[frame["value"] < 0].iterrows():
        findings.append(at(row, "error", "NEGATIVE_AMOUNT", f"Nilai perolehan '{row['name']}' negatif.", "assets"))
    identified = frame[(frame["nup"] != "") & (frame["code"] != "")]
    for _, row in identified[identified.duplicated(["code", "nup"], keep="first")].iterrows():
        findings.append(
            at(
                row,
                "warning",
                "DUPLICATE_ROW",
                f"Kode barang {row['code']} NUP {row['nup']} tercatat lebih dari sekali.",
                "assets",
            )
        )
    future = frame[frame["acquired_year"] > settings.as_of.year]
    for _, row in future.iterrows():
        findings.append(
            at(
                row,
                "warning",
                "ACQUIRED_AFTER_REPORT",
                f"Tahun perolehan '{row['name']}' ({int(row['acquired_year'])}) setelah tahun laporan.",
                "assets",
            )
        )
    for table in data.tables:
        if "quantity" not in table.totals.columns:
            continue
        mine = frame[(frame[FILE] == table.file) & (frame[SHEET] == table.sheet)]
        stated_values, _ = parse_numbers(table.totals["quantity"])
        for position, stated in enumerate(stated_values):
            if not pd.isna(stated) and abs(stated - mine["quantity"].sum()) > 0:
                findings.append(
                    at(
                        table.totals.iloc[position],
                        "warning",
                        "TOTAL_MISMATCH",
                        f"Baris Jumlah menyatakan {format_number(stated)} unit, tetapi jumlah rinciannya "
                        f"{format_number(mine['quantity'].sum())} unit.",
                        "assets",
                    )
                )
    return findings
