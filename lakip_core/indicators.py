"""Performance indicators: read the capaian / Perjanjian Kinerja tables and compute achievement."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

import pandas as pd

from .achievement import achievement, parse_formula, parse_polarity
from .findings import Finding, at
from .numbers import is_missing_text, parse_number, parse_value
from .reading import FILE, ROW, SHEET, Column, DatasetSpec, Source, Table, aliases, read_tables
from .settings import Settings

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
        ),
        Column(
            "target",
            aliases("Target", "Target Kinerja", "Target 2024", "Target Tahunan", "Target (%)", "Target PK"),
            required=True,
            label="Target",
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
        ),
        Column(
            "capaian",
            aliases(
                "Capaian",
            ),
        ),
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
        ),
        Column("unit", aliases("Satuan", "Unit Satuan", "Satuan Target"), label="Satuan"),
        Column("polarity", aliases("Polaritas", "Polarisasi", "Arah", "Sifat Indikator"), label="Polaritas"),
        Column("formula", aliases("Formula", "Rumus", "Cara Hitung", "Formula Capaian"), label="Formula"),
        Column("code", aliases("Kode", "Kode Indikator", "Kode Kegiatan"), label="Kode"),
    ),
)

COLUMNS = (
    "document",
    "objective",
    "objective_code",
    "group",
    "indicator",
    "target_text",
    "actual_text",
    "renstra_text",
    "unit",
    "polarity",
    "formula",
    "stated_pct",
    "target",
    "actual",
    "achievement_pct",
    "category",
    "has_data",
    "met",
)

_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[-–•*·])\s+")
_CODE_IN_NAME = re.compile(r"\s*\((\d{4})\)\s*$")


def clean_name(text: object) -> str:
    """``1. Pembayaran Gaji Pokok PNS`` → ``Pembayaran Gaji Pokok PNS``; trailing ``:`` dropped."""
    name = " ".join(str(text or "").split())
    name = _ENUMERATOR.sub("", name)
    return name.rstrip(":").strip()


def split_code(name: str) -> tuple[str, str | None]:
    """``Terlaksananya ... (3355)`` → (``Terlaksananya ...``, ``3355``)."""
    match = _CODE_IN_NAME.search(name)
    if not match:
        return name, None
    return name[: match.start()].strip(), match.group(1)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


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
        data = _resolve_capaian(table)
        objective, objective_code, group = "", None, ""
        for _, row in data.iterrows():
            raw_objective = _text(row.get("objective"))
            if raw_objective:
                objective, objective_code = split_code(clean_name(raw_objective))
                group = ""
            name = clean_name(row.get("indicator"))
            if not name:
                continue
            target_text, actual_text = _text(row.get("target")), _text(row.get("actual"))
            stated_text = _text(row.get("stated_pct"))
            renstra = row.get("renstra_target")
            if not target_text and not actual_text and not stated_text:
                group = name  # a sub-heading such as "f. Layanan Daya & Jasa:"
                continue
            code = _text(row.get("code")) or objective_code
            records.append(
                {
                    "document": table.sheet,
                    "objective": objective or "(tanpa sasaran)",
                    "objective_code": code,
                    "group": group,
                    "indicator": name,
                    "target_text": target_text,
                    "actual_text": "" if is_missing_text(row.get("actual")) else actual_text,
                    "renstra_text": "" if is_missing_text(renstra) else _text(renstra),
                    "unit_text": _text(row.get("unit")),
                    "polarity": parse_polarity(row.get("polarity")),
                    "formula": parse_formula(row.get("formula")),
                    "stated_pct": parse_number(row.get("stated_pct")),
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
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=[*COLUMNS, FILE, SHEET, ROW])
    return IndicatorData(frame, tuple(findings), tuple(tables))


def read_indicators(*sources: Source) -> IndicatorData:
    """Read one or more indicator files (every sheet with an indicator header)."""
    tables = [table for source in sources for table in read_tables(source, SPEC)]
    return from_tables(tables)


def compute(frame: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Add target/actual numbers, unit, ``achievement_pct``, ``category``, ``has_data``, ``met``.

    Works on the frame of :func:`from_tables` or on an edited copy of it (what-if): only
    ``target_text``, ``actual_text``, ``unit_text``, ``polarity`` and ``formula`` are read.
    """
    out = frame.copy()
    targets = [parse_value(t) for t in out["target_text"]]
    actuals = [parse_value(a) for a in out["actual_text"]]
    pcts = [
        achievement(t, a, p, f, settings.cap_pct)
        for t, a, p, f in zip(targets, actuals, out["polarity"], out["formula"], strict=True)
    ]
    units = [
        (u or None) or t.unit or a.unit
        for u, t, a in zip(out.get("unit_text", [""] * len(out)), targets, actuals, strict=True)
    ]
    out["unit"] = pd.Series(units, index=out.index, dtype=object)
    out["target"] = pd.Series(
        [t.number if t.kind != "range" else t.low for t in targets], index=out.index, dtype="float64"
    )
    out["actual"] = pd.Series([a.number for a in actuals], index=out.index, dtype="float64")
    out["achievement_pct"] = pd.Series(pcts, index=out.index, dtype="float64")
    out["has_data"] = [a.kind not in ("missing",) for a in actuals]
    out["category"] = [settings.scale.rate(p) for p in pcts]
    out["met"] = out["achievement_pct"] >= 100
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


def _mean(series: pd.Series) -> float | None:
    values = series.dropna()
    return float(values.mean()) if len(values) else None


def objectives(computed: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Per sasaran: number of indicators, with data, met, mean achievement of those with data.

    A sasaran whose indicators have no realisasi at all has mean ``None`` (not 0).
    """
    if computed.empty:
        return pd.DataFrame(
            columns=[
                "document",
                "objective",
                "objective_code",
                "indicators",
                "with_data",
                "met",
                "mean_achievement_pct",
                "category",
            ]
        )
    grouped = computed.groupby(["document", "objective"], sort=False, dropna=False)
    result = grouped.agg(
        objective_code=("objective_code", "first"),
        indicators=("indicator", "size"),
        with_data=("achievement_pct", "count"),
        met=("met", "sum"),
        mean_achievement_pct=("achievement_pct", "mean"),
    ).reset_index()
    result["met"] = result["met"].astype(int)
    result["category"] = [settings.scale.rate(None if pd.isna(p) else float(p)) for p in result["mean_achievement_pct"]]
    return result


def office(computed: pd.DataFrame, settings: Settings) -> OfficeAchievement:
    """Office achievement = mean of all indicators with data (and the mean of sasaran means)."""
    with_data = int(computed["achievement_pct"].notna().sum()) if len(computed) else 0
    met = int(computed["met"].sum()) if len(computed) else 0
    mean = _mean(computed["achievement_pct"]) if len(computed) else None
    per_objective = objectives(computed, settings)
    return OfficeAchievement(
        count=len(computed),
        with_data=with_data,
        met=met,
        not_met=with_data - met,
        mean_pct=mean,
        mean_of_objectives_pct=_mean(per_objective["mean_achievement_pct"]) if len(per_objective) else None,
        category=settings.scale.rate(mean),
    )


def check(computed: pd.DataFrame, settings: Settings) -> list[Finding]:
    """Findings: stated % far from the computed one; no realisasi; duplicate indicators."""
    findings: list[Finding] = []
    for _, row in computed.iterrows():
        stated, pct = row["stated_pct"], row["achievement_pct"]
        if (
            stated is not None
            and not pd.isna(stated)
            and not pd.isna(pct)
            and abs(stated - pct) > settings.tolerance_pts
        ):
            findings.append(
                at(
                    row,
                    "warning",
                    "STATED_PCT_MISMATCH",
                    f"Capaian '{row['indicator']}' tertulis {_fmt(stated)}%, dihitung dari realisasi "
                    f"{row['actual_text']} terhadap target {row['target_text']} = {_fmt(pct)}%.",
                    "indicators",
                )
            )
        if not row["has_data"]:
            findings.append(
                at(
                    row,
                    "info",
                    "INDICATOR_NO_ACTUAL",
                    f"Indikator '{row['indicator']}' ({row['document']}) belum memiliki realisasi: "
                    "tidak dihitung dalam rata-rata.",
                    "indicators",
                )
            )
        elif pd.isna(pct) and row["actual_text"]:
            findings.append(
                at(
                    row,
                    "warning",
                    "INDICATOR_NOT_COMPARABLE",
                    f"Realisasi '{row['actual_text']}' tidak dapat dibandingkan dengan target "
                    f"'{row['target_text']}' pada indikator '{row['indicator']}'.",
                    "indicators",
                )
            )
    keys = ["document", "objective", "indicator"]
    dup = computed[computed.duplicated(keys, keep="first")] if len(computed) else computed
    for _, row in dup.iterrows():
        findings.append(
            at(
                row,
                "warning",
                "DUPLICATE_ROW",
                f"Indikator '{row['indicator']}' muncul lebih dari sekali pada sasaran yang sama.",
                "indicators",
            )
        )
    return findings


def _fmt(value: float) -> str:
    from .numbers import format_number

    return format_number(value, 2)
