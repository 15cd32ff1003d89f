"""Performance indicators: read the capaian / Perjanjian Kinerja tables and compute achievement."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lakip_core.presentation.format import format_number
from lakip_core.reading.numbers import cell_text, is_missing_text, parse_number, parse_value
from lakip_core.reading.tables import Column, DatasetSpec, Table, aliases
from lakip_core.rules.achievement import achievement, parse_formula, parse_polarity
from lakip_core.rules.findings import Finding, at, reading_findings, stated_pct_differs
from lakip_core.rules.settings import Settings
from lakip_core.schema import FILE, ROW, SHEET, ObjectiveCol
from lakip_core.schema import IndicatorCol as C

SPEC = DatasetSpec(
    kind="indicators",
    label="indikator kinerja",
    columns=(
        Column("no", aliases("No", "No.", "Nomor", "No Urut")),
        Column(
            "objective",
            aliases(
                "Sasaran",
                "Sasaran Strategis",
                "Sasaran Program",
                "Sasaran Kegiatan",
                "Sasaran Kinerja",
                "Tujuan/Sasaran",
            ),
            label="Sasaran",
        ),
        Column(
            "indicator",
            aliases(
                "Indikator",
                "Indikator Kinerja",
                "Indikator Kinerja Utama",
                "IKU",
                "Nama Indikator",
                "Uraian",
                "Uraian Indikator",
                "Indikator Kinerja Kegiatan",
                "Indikator Kinerja Program",
            ),
            required=True,
            label="Indikator",
            fill="text",
        ),
        Column(
            "target",
            aliases("Target", "Target Kinerja", "Target 2024", "Target Tahunan", "Target (%)", "Target PK"),
            required=True,
            label="Target",
            fill="any",
            percent=True,
        ),
        # Optional: the Renstra end-of-period target (compare.renstra_progress). Its own aliases
        # also keep such a header from being read as the year's "Target" by prefix.
        Column(
            "renstra_target",
            aliases(
                "Target Renstra",
                "Target Akhir Renstra",
                "Target Renstra 2024",
                "Target Akhir Periode",
                "Target Akhir Periode Renstra",
                "Target Renstra (Akhir Periode)",
                "Target Renstra (%)",
                "Target Akhir Renstra (%)",
            ),
            label="Target Renstra",
        ),
        Column(
            "actual",
            aliases(
                "Realisasi",
                "Realisasi Kinerja",
                "Realisasi (%)",
                "Realisasi Capaian",
                "Realisasi 2024",
                "Capaian Realisasi",
            ),
            label="Realisasi",
            percent=True,
        ),
        Column("capaian", aliases("Capaian"), percent=True),
        Column(
            "stated_pct",
            aliases(
                "%",
                "Capaian (%)",
                "Capaian Kinerja",
                "Capaian Kinerja (%)",
                "Persentase Capaian",
                "Persentase",
                "% Capaian",
                "Capaian %",
            ),
            label="Capaian (%)",
            percent=True,
        ),
        Column("unit", aliases("Satuan", "Unit Satuan", "Satuan Target"), label="Satuan"),
        Column("polarity", aliases("Polaritas", "Polarisasi", "Arah", "Sifat Indikator"), label="Polaritas"),
        Column("formula", aliases("Formula", "Rumus", "Cara Hitung", "Formula Capaian"), label="Formula"),
        Column("code", aliases("Kode", "Kode Indikator", "Kode Kegiatan"), label="Kode"),
    ),
)

_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[-–•*·])\s+")
_CODE_IN_NAME = re.compile(r"\s*\((\d{4})\)\s*$")


def clean_name(text: object) -> str:
    """``1. Pembayaran Gaji Pokok PNS`` → ``Pembayaran Gaji Pokok PNS``; trailing ``:`` dropped."""
    name = _ENUMERATOR.sub("", cell_text(text))
    return name.rstrip(":").strip()


def split_code(name: str) -> tuple[str, str | None]:
    """``Terlaksananya ... (3355)`` → (``Terlaksananya ...``, ``3355``)."""
    match = _CODE_IN_NAME.search(name)
    if not match:
        return name, None
    return name[: match.start()].strip(), match.group(1)


@dataclass(frozen=True)
class IndicatorData:
    """Indicators of one or more files: one row per indicator, plus parse findings."""

    frame: pd.DataFrame
    findings: tuple[Finding, ...]
    tables: tuple[Table, ...]


def _resolve_capaian(table: Table) -> pd.DataFrame:
    """Seed layout ``Target | Capaian | %``: "Capaian" is the realisasi when "%" holds achievement."""
    data = table.data
    if "capaian" not in data.columns:
        return data
    if "actual" not in data.columns:
        return data.rename(columns={"capaian": "actual"})
    if "stated_pct" not in data.columns:
        return data.rename(columns={"capaian": "stated_pct"})
    return data.drop(columns=["capaian"])


def from_tables(tables: list[Table]) -> IndicatorData:
    """Normalise indicator tables: forward-fill sasaran, turn sub-heading rows into groups."""
    records: list[dict[str, object]] = []
    findings: list[Finding] = []
    for table in tables:
        findings += reading_findings(table, "indicators")
        data = _resolve_capaian(table)
        objective, objective_code, group = "", None, ""
        for _, row in data.iterrows():
            raw_objective = cell_text(row.get("objective"))
            if raw_objective:
                objective, objective_code = split_code(clean_name(raw_objective))
                group = ""
            name = clean_name(row.get("indicator"))
            if not name:
                continue
            target_text, actual_text = cell_text(row.get("target")), cell_text(row.get("actual"))
            stated_text = cell_text(row.get("stated_pct"))
            renstra = row.get("renstra_target")
            if not target_text and not actual_text and not stated_text:
                group = name  # a sub-heading such as "f. Layanan Daya & Jasa:"
                continue
            code = cell_text(row.get("code")) or objective_code
            records.append(
                {
                    C.DOCUMENT: table.sheet,
                    C.OBJECTIVE: objective or "(tanpa sasaran)",
                    C.OBJECTIVE_CODE: code,
                    C.GROUP: group,
                    C.INDICATOR: name,
                    C.TARGET_TEXT: target_text,
                    C.ACTUAL_TEXT: "" if is_missing_text(row.get("actual")) else actual_text,
                    C.RENSTRA_TEXT: "" if is_missing_text(renstra) else cell_text(renstra),
                    C.UNIT_TEXT: cell_text(row.get("unit")),
                    C.POLARITY: parse_polarity(row.get("polarity")),
                    C.FORMULA: parse_formula(row.get("formula")),
                    C.STATED_PCT: parse_number(row.get("stated_pct")),
                    FILE: row[FILE],
                    SHEET: row[SHEET],
                    ROW: row[ROW],
                }
            )
            if not target_text:
                findings.append(
                    at(
                        row,
                        "warning",
                        "INDICATOR_NO_TARGET",
                        f"Indikator '{name}' tidak memiliki target.",
                        "indicators",
                    )
                )
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=[*C.READ, FILE, SHEET, ROW])
    return IndicatorData(frame, tuple(findings), tuple(tables))


def column_values(series: pd.Series) -> list[Any]:
    """A column as a plain list (iterating an Arrow string column element by element is slow)."""
    return series.to_numpy(dtype=object).tolist()


def label(indicator: str, group: str) -> str:
    """A display name that stands alone: short sub-items carry their group (``Listrik (Layanan Daya & Jasa)``)."""
    return f"{indicator} ({group})" if group and len(indicator) < 25 else indicator


# Edited tables (Simulasi) and reports repeat the same few texts ("100%", "12 Laporan"): each
# distinct text is parsed once. Value is frozen, so sharing the parsed objects is safe.
_parse = functools.lru_cache(maxsize=8192)(parse_value)


def computed_columns(frame: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Achievement per row: ``unit``, ``target``, ``actual``, ``achievement_pct``, ``has_data``,
    ``category``, ``met`` for each row of ``frame`` (same index).

    Reads only ``target_text``, ``actual_text``, ``unit_text`` (optional), ``polarity`` and
    ``formula``; the rules are :func:`lakip_core.rules.achievement.achievement`. ``target`` of a
    range is its lower bound; ``met`` is achievement ≥ 100 (no data → not met). The stored
    figures and every what-if edit go through here, so both follow one rule.
    """
    targets = [_parse(t) for t in column_values(frame[C.TARGET_TEXT])]
    actuals = [_parse(a) for a in column_values(frame[C.ACTUAL_TEXT])]
    polarity, formula = column_values(frame[C.POLARITY]), column_values(frame[C.FORMULA])
    pcts = [
        achievement(t, a, p, f, settings.cap_pct)
        for t, a, p, f in zip(targets, actuals, polarity, formula, strict=True)
    ]
    unit_texts = column_values(frame[C.UNIT_TEXT]) if C.UNIT_TEXT in frame.columns else [""] * len(frame)
    index = frame.index
    return pd.DataFrame(
        {
            C.UNIT: pd.Series(
                [(u or None) or t.unit or a.unit for u, t, a in zip(unit_texts, targets, actuals, strict=True)],
                index=index,
                dtype=object,
            ),
            C.TARGET: pd.Series(
                [t.number if t.kind != "range" else t.low for t in targets], index=index, dtype="float64"
            ),
            C.ACTUAL: pd.Series([a.number for a in actuals], index=index, dtype="float64"),
            C.ACHIEVEMENT_PCT: pd.Series(pcts, index=index, dtype="float64"),
            C.HAS_DATA: pd.Series([a.kind != "missing" for a in actuals], index=index, dtype=bool),
            C.CATEGORY: pd.Series([settings.scale.rate(p) for p in pcts], index=index, dtype=object),
            C.MET: pd.Series([p is not None and p >= 100 for p in pcts], index=index, dtype=bool),
        },
        index=index,
    )


def compute(frame: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """The frame of :func:`from_tables` with :func:`computed_columns` and ``label`` added.

    Works on an edited copy too (what-if): only the columns :func:`computed_columns` names are read,
    plus ``indicator`` and ``group`` for the label.
    """
    out = frame.copy()
    for column, values in computed_columns(out, settings).items():
        out[column] = values
    groups = column_values(out[C.GROUP]) if C.GROUP in out.columns else [""] * len(out)
    out[C.LABEL] = [label(i, g) for i, g in zip(column_values(out[C.INDICATOR]), groups, strict=True)]
    return out


@dataclass(frozen=True)
class OfficeAchievement:
    """Office-level figures: counts and the two means (of indicators, of objective means)."""

    count: int
    with_data: int
    met: int
    not_met: int
    mean_pct: float | None
    mean_of_objectives_pct: float | None
    category: str


def objective_codes(frame: pd.DataFrame) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Group code per row for (document, objective), in order of first appearance, and the pairs."""
    pairs = list(zip(column_values(frame[C.DOCUMENT]), column_values(frame[C.OBJECTIVE]), strict=True))
    index: dict[tuple[str, str], int] = {}
    codes = np.fromiter((index.setdefault(pair, len(index)) for pair in pairs), dtype="int64", count=len(pairs))
    return codes, list(index)


def group_means(codes: np.ndarray, groups: int, pcts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per group: mean of the values with data (NaN when none has data) and how many have data.

    A sasaran mean is the mean of its indicators with data; indicators without data are left
    out, not counted as 0. Sums are exact (``math.fsum``), so a mean does not depend on the
    order of the rows.
    """
    present = ~np.isnan(pcts)
    counts = np.bincount(codes[present], minlength=groups)
    order = np.argsort(codes[present], kind="stable")
    chunks = np.split(pcts[present][order], np.cumsum(counts)[:-1])
    sums = np.array([math.fsum(chunk) for chunk in chunks], dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return means, counts


def office_figures(
    pcts: np.ndarray, met: np.ndarray, objective_means: np.ndarray, settings: Settings
) -> OfficeAchievement:
    """Office achievement = mean of every indicator with data; also the mean of the sasaran means.

    No indicator with data → both means ``None`` and the category "no data".
    """
    present = ~np.isnan(pcts)
    with_data = int(present.sum())
    mean = float(pcts[present].mean()) if with_data else None
    measured = objective_means[~np.isnan(objective_means)]
    met_count = int(met.sum())
    return OfficeAchievement(
        count=len(pcts),
        with_data=with_data,
        met=met_count,
        not_met=with_data - met_count,
        mean_pct=mean,
        mean_of_objectives_pct=float(measured.mean()) if len(measured) else None,
        category=settings.scale.rate(mean),
    )


def _pcts(computed: pd.DataFrame) -> np.ndarray:
    pcts: np.ndarray = computed[C.ACHIEVEMENT_PCT].to_numpy(dtype="float64")
    return pcts


def objectives(computed: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Per sasaran: number of indicators, with data, met, mean achievement of those with data.

    A sasaran whose indicators have no realisasi at all has mean ``None`` (NaN), not 0. Its code
    is the first code given in its rows.
    """
    if computed.empty:
        return pd.DataFrame(columns=list(ObjectiveCol.COLUMNS))
    codes, uniques = objective_codes(computed)
    groups = len(uniques)
    means, counts = group_means(codes, groups, _pcts(computed))
    first_code = computed[C.OBJECTIVE_CODE].groupby(codes, sort=True).first()
    result = pd.DataFrame(
        {
            ObjectiveCol.DOCUMENT: [document for document, _ in uniques],
            ObjectiveCol.OBJECTIVE: [objective for _, objective in uniques],
            ObjectiveCol.OBJECTIVE_CODE: first_code.reindex(range(groups)).to_numpy(dtype=object),
            ObjectiveCol.INDICATORS: np.bincount(codes, minlength=groups),
            ObjectiveCol.WITH_DATA: counts,
            ObjectiveCol.MET: np.bincount(
                codes, weights=computed[C.MET].to_numpy(dtype=float), minlength=groups
            ).astype(int),
            ObjectiveCol.MEAN_PCT: means,
        }
    )
    result[ObjectiveCol.CATEGORY] = [settings.scale.rate(None if np.isnan(p) else float(p)) for p in means]
    return result


def office(computed: pd.DataFrame, settings: Settings) -> OfficeAchievement:
    """Office achievement = mean of all indicators with data (and the mean of sasaran means)."""
    codes, uniques = objective_codes(computed)
    pcts = _pcts(computed)
    means, _ = group_means(codes, len(uniques), pcts)
    return office_figures(pcts, computed[C.MET].to_numpy(dtype=bool), means, settings)


def check(computed: pd.DataFrame, settings: Settings) -> list[Finding]:
    """Findings: stated % far from the computed one; no realisasi; duplicate indicators."""
    findings: list[Finding] = []
    for _, row in computed.iterrows():
        stated, pct = row[C.STATED_PCT], row[C.ACHIEVEMENT_PCT]
        if stated_pct_differs(stated, pct, settings.tolerance_pts):
            findings.append(
                at(
                    row,
                    "warning",
                    "STATED_PCT_MISMATCH",
                    f"Capaian '{row[C.INDICATOR]}' tertulis {format_number(stated, 2)}%, dihitung dari realisasi "
                    f"{row[C.ACTUAL_TEXT]} terhadap target {row[C.TARGET_TEXT]} = {format_number(pct, 2)}%.",
                    "indicators",
                )
            )
        if not row[C.HAS_DATA]:
            findings.append(
                at(
                    row,
                    "info",
                    "INDICATOR_NO_ACTUAL",
                    f"Indikator '{row[C.INDICATOR]}' ({row[C.DOCUMENT]}) belum memiliki realisasi: "
                    "tidak dihitung dalam rata-rata.",
                    "indicators",
                )
            )
        elif pd.isna(pct) and row[C.ACTUAL_TEXT]:
            findings.append(
                at(
                    row,
                    "warning",
                    "INDICATOR_NOT_COMPARABLE",
                    f"Realisasi '{row[C.ACTUAL_TEXT]}' tidak dapat dibandingkan dengan target "
                    f"'{row[C.TARGET_TEXT]}' pada indikator '{row[C.INDICATOR]}'.",
                    "indicators",
                )
            )
    keys = [C.DOCUMENT, C.OBJECTIVE, C.INDICATOR]
    dup = computed[computed.duplicated(keys, keep="first")] if len(computed) else computed
    for _, row in dup.iterrows():
        findings.append(
            at(
                row,
                "warning",
                "DUPLICATE_ROW",
                f"Indikator '{row[C.INDICATOR]}' muncul lebih dari sekali pada sasaran yang sama.",
                "indicators",
            )
        )
    return findings
