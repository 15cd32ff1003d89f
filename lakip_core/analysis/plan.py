"""Rencana Penarikan Dana (RPD, halaman III DIPA): the planned spending of each month.

A plan file has a Kode column, names and twelve month columns. SAKTI's "RPD DIPA Petikan"
(:mod:`lakip_core.reading.layouts.rpd`) lists every level of the budget code, each with its own
sums, the code alone telling the level by its length; halaman III DIPA itself is one row per jenis
belanja. Amounts are often in thousands (the unit line sets the multiplier).

What is counted: the akun rows (``521211``: jenis belanja = its first two digits) when the file has
them; else the jenis belanja rows (``52`` or ``Belanja Barang``); else the rows of the deepest
level the file has, as one plan without jenis (:data:`TOTAL`). Parent rows and a stated
``JUMLAH`` row are only compared with the counted rows (``TOTAL_MISMATCH``), never added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from lakip_core.analysis.budget import JENIS_BELANJA
from lakip_core.presentation.format import format_rupiah
from lakip_core.reading.layouts.rpd import MONTH_FIELDS
from lakip_core.reading.model import MONTH_NAMES, month_name
from lakip_core.reading.numbers import cell_text, parse_numbers
from lakip_core.reading.tables import Column, DatasetSpec, Table, aliases
from lakip_core.rules.findings import Finding, at, not_a_number, reading_findings
from lakip_core.rules.settings import Settings
from lakip_core.schema import FILE, ROW, SHEET, PlanCol

TOTAL = "total"
_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
_EXTRA = {8: ("Agt", "Ags", "Agst", "Agustus"), 2: ("Pebruari",), 11: ("Nop", "Nopember")}

SPEC = DatasetSpec(
    kind="plan",
    label="rencana penarikan dana",
    columns=(
        Column("code", aliases("Kode", "Kode Akun", "Kode Jenis Belanja", "Akun"), label="Kode"),
        Column("name", aliases("Uraian", "Jenis Belanja", "Uraian Kegiatan", "Nama"), label="Uraian", fill="any"),
        *(
            Column(
                MONTH_FIELDS[m - 1],
                aliases(MONTH_NAMES[m - 1], _SHORT[m - 1], *_EXTRA.get(m, ())),
                required=True,
                label=MONTH_NAMES[m - 1],
                fill="number",
            )
            for m in range(1, 13)
        ),
    ),
    one_of=(("code", "name"),),
)

# Code → level, by the code's shape (SAKTI prints each level's own code, its length telling it).
_LEVELS = (
    ("akun", re.compile(r"^5\d{5}$")),
    ("jenis", re.compile(r"^5\d$")),
    ("program", re.compile(r"^\d{3}\.\d{2}\.[A-Z]{2}$")),
    ("kro", re.compile(r"^\d{4}\.[A-Z0-9]{3}$")),
    ("ro", re.compile(r"^[A-Z0-9]{3}\.[A-Z0-9]{3}$")),
    ("kegiatan", re.compile(r"^\d{4}$")),
    ("komponen", re.compile(r"^\d{3}$")),
    ("subkomponen", re.compile(r"^(?=.*[A-Z])[0-9A-Z]{1,2}$")),
)
DEPTH = ("program", "kegiatan", "kro", "ro", "komponen", "subkomponen", "jenis", "akun")
_JENIS_BY_NAME = {re.sub(r"\W+", " ", name.lower()).strip(): code for code, name in JENIS_BELANJA.items()}


def level_of(code: str, name: str = "") -> str:
    """The level a row's code (or, without one, its name: ``Belanja Barang``) says; ``""`` unknown."""
    code = code.replace(" ", "").upper()
    for level, pattern in _LEVELS:
        if code and pattern.match(code):
            return level
    if not code and jenis_of_name(name):
        return "jenis"
    return ""


def jenis_of_name(name: str) -> str:
    """``Belanja Barang`` → ``52`` (the four jenis of DOMAIN.md); else ``""``."""
    text = re.sub(r"\W+", " ", name.lower()).strip()
    text = re.sub(r"^\d+\s*", "", text)
    return _JENIS_BY_NAME.get(text, _JENIS_BY_NAME.get(f"belanja {text}", ""))


@dataclass(frozen=True)
class PlanData:
    """Plan rows (:class:`~lakip_core.schema.PlanCol` columns, months in rupiah), the stated
    total rows apart, and the findings of reading them."""

    frame: pd.DataFrame
    totals: pd.DataFrame
    findings: tuple[Finding, ...]
    tables: tuple[Table, ...]

    @property
    def counted(self) -> pd.DataFrame:
        frame = self.frame
        return frame[frame[PlanCol.COUNTED]] if len(frame) else frame


def _months(table: Table, part: pd.DataFrame, findings: list[Finding] | None) -> dict[str, pd.Series]:
    result = {}
    for month, name in enumerate(MONTH_FIELDS, start=1):
        if name not in part.columns:
            result[name] = pd.Series(0.0, index=part.index)
            continue
        values, bad = parse_numbers(part[name])
        if findings is not None:
            findings += not_a_number(part, name, bad, f"Rencana {month_name(month)}", "plan")
        result[name] = (values * table.multiplier).fillna(0.0)
    return result


def _frame(table: Table, part: pd.DataFrame, findings: list[Finding] | None) -> pd.DataFrame:
    codes = [cell_text(v, blank_placeholders=True) for v in part.get("code", pd.Series("", index=part.index))]
    names = [cell_text(v, blank_placeholders=True) for v in part.get("name", pd.Series("", index=part.index))]
    frame = pd.DataFrame({PlanCol.CODE: codes, PlanCol.NAME: names}, index=part.index)
    frame[PlanCol.LEVEL] = [level_of(c, n) for c, n in zip(codes, names, strict=True)]
    frame[PlanCol.JENIS] = [
        c.replace(" ", "")[:2] if lv in ("akun", "jenis") and c else (jenis_of_name(n) if lv == "jenis" else "")
        for c, n, lv in zip(codes, names, frame[PlanCol.LEVEL], strict=True)
    ]
    for name, values in _months(table, part, findings).items():
        frame[name] = values
    for column in (FILE, SHEET, ROW):
        frame[column] = part[column]
    return frame


def from_tables(tables: list[Table]) -> PlanData:
    """Normalise plan tables: level and jenis per row, months in rupiah, counted rows marked."""
    findings: list[Finding] = []
    frames, totals = [], []
    for table in tables:
        findings += reading_findings(table, "plan")
        frames.append(_frame(table, table.data, findings))
        totals.append(_frame(table, table.totals, None))
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(PlanCol.COLUMNS))
    total = pd.concat(totals, ignore_index=True) if totals else pd.DataFrame(columns=list(PlanCol.COLUMNS))
    if len(frame):
        levels = set(frame[PlanCol.LEVEL])
        if "akun" in levels:
            counted = frame[PlanCol.LEVEL] == "akun"
        elif "jenis" in levels:
            counted = frame[PlanCol.LEVEL] == "jenis"
        else:
            deepest = max((DEPTH.index(lv) for lv in levels if lv in DEPTH), default=None)
            counted = frame[PlanCol.LEVEL] == DEPTH[deepest] if deepest is not None else frame[PlanCol.LEVEL] == ""
            frame[PlanCol.JENIS] = ""
        frame[PlanCol.COUNTED] = counted
    else:
        frame[PlanCol.COUNTED] = pd.Series(dtype=bool)
    return PlanData(frame, total, tuple(findings), tuple(tables))


def monthly(data: PlanData) -> pd.DataFrame:
    """The plan per month (index 1–12) and jenis belanja (columns ``51`` …, or :data:`TOTAL` for a
    plan without jenis), in rupiah. Empty without counted rows."""
    rows = data.counted
    if rows.empty:
        return pd.DataFrame(index=range(1, 13))
    keys = rows[PlanCol.JENIS].where(rows[PlanCol.JENIS] != "", TOTAL)
    grouped = rows.assign(_key=keys).groupby("_key", sort=True)[list(MONTH_FIELDS)].sum()
    result = grouped.T
    result.index = pd.RangeIndex(1, 13)
    result.columns = [str(c) for c in result.columns]
    return result


def check(data: PlanData, settings: Settings) -> list[Finding]:
    """Findings: a stated JUMLAH row that differs from the counted rows in some month; a plan
    whose counted rows carry no amount at all (read as nothing planned: a silent zero)."""
    findings = list(data.findings)
    counted = data.counted
    sums = counted[list(MONTH_FIELDS)].sum() if len(counted) else pd.Series(0.0, index=list(MONTH_FIELDS))
    for _, row in data.totals.iterrows():
        differ = [
            (month, float(row[name]), float(sums[name]))
            for month, name in enumerate(MONTH_FIELDS, start=1)
            if abs(float(row[name]) - float(sums[name])) > settings.amount_tolerance
        ]
        if differ:
            month, stated, computed = differ[0]
            more = f" (dan {len(differ) - 1} bulan lain)" if len(differ) > 1 else ""
            findings.append(
                at(
                    row,
                    "warning",
                    "TOTAL_MISMATCH",
                    f"Baris jumlah rencana {month_name(month)} tertulis {format_rupiah(stated)}, rinciannya "
                    f"berjumlah {format_rupiah(computed)}{more}. Dasbor memakai jumlah rincian.",
                    "plan",
                )
            )
    if len(data.frame) and float(sums.sum()) == 0 and float(data.frame[list(MONTH_FIELDS)].to_numpy().sum()) != 0:
        example = data.frame[data.frame[list(MONTH_FIELDS)].sum(axis=1) != 0].iloc[0]
        findings.append(
            at(
                example,
                "error",
                "SILENT_ZERO",
                "Baris rincian rencana (akun atau jenis belanja) berisi 0 semua, tetapi baris lain berisi angka; "
                "rencana akan terbaca Rp 0. Periksa kolom Kode berkasnya.",
                "plan",
            )
        )
    return findings
