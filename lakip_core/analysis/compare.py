"""Perbandingan antartahun: trends per indicator, sasaran and office over several report years.

PermenPANRB 53/2014 asks a LAKIP to compare this year's realisasi with earlier years and with
the medium-term (Renstra) target. Input: one :class:`~lakip_core.analysis.report.Report` per year.

Names change a little between years ("Pembayaran Gaji Pokok PNS" / "1. Pembayaran gaji pokok
PNS."), so indicators and sasaran are matched by a tolerant similarity (:func:`similarity`) that
the user reviews: every match carries its score and how it was made, and overrides decide
(``None`` = keep apart). The latest year's names are the reference; an older name without a
counterpart starts its own row (its trend then has gaps, shown as "-").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lakip_core.analysis.report import Report
from lakip_core.errors import LakipError
from lakip_core.reading.numbers import cell_text, parse_value
from lakip_core.rules.achievement import achievement
from lakip_core.rules.names import normalize_name, similarity
from lakip_core.schema import IndicatorCol, ObjectiveCol

DEFAULT_THRESHOLD = 0.85
EXACT, SIMILAR, MANUAL, NEW = "sama", "mirip", "manual", "tanpa pasangan"


class CompareError(LakipError):
    """Reports that cannot be compared (two reports of the same year ...)."""


def _years(reports: Sequence[Report]) -> list[Report]:
    ordered = sorted(reports, key=lambda r: r.settings.year)
    years = [r.settings.year for r in ordered]
    duplicates = sorted({y for y in years if years.count(y) > 1})
    if duplicates:
        raise CompareError(f"Ada lebih dari satu laporan untuk tahun {', '.join(map(str, duplicates))}.")
    return ordered


def match_names(
    names_by_year: Mapping[int, Sequence[str]],
    threshold: float = DEFAULT_THRESHOLD,
    overrides: Mapping[tuple[int, str], str | None] | None = None,
) -> pd.DataFrame:
    """Match each year's names to the reference names (the latest year's), one to one per year.

    Columns: ``year``, ``name``, ``canonical`` (the reference name it is matched to),
    ``score`` (similarity), ``method``: ``sama`` (same normalised name), ``mirip`` (score ≥
    ``threshold``), ``manual`` (an override), ``tanpa pasangan`` (its own row). Pairs are taken
    best score first, so two old names never share one reference name. ``overrides`` maps
    ``(year, name)`` to a reference name, or to ``None`` to keep a name apart.
    """
    overrides = overrides or {}
    years = sorted(names_by_year, reverse=True)
    records: list[dict[str, object]] = []
    if not years:
        return pd.DataFrame(columns=["year", "name", "canonical", "score", "method"])
    pool = list(dict.fromkeys(names_by_year[years[0]]))
    records += [{"year": years[0], "name": n, "canonical": n, "score": 1.0, "method": EXACT} for n in pool]
    for year in years[1:]:
        names = list(dict.fromkeys(names_by_year[year]))
        taken: set[str] = set()
        chosen: dict[str, tuple[str, float, str]] = {}
        for name in names:
            if (year, name) in overrides:
                target = overrides[(year, name)]
                if target is not None and target in pool:
                    chosen[name] = (target, similarity(name, target), MANUAL)
                    taken.add(target)
                else:
                    chosen[name] = (name, 1.0, NEW)
        candidates = sorted(
            (
                (similarity(name, ref), i, name, ref)
                for i, name in enumerate(names)
                if name not in chosen
                for ref in pool
            ),
            key=lambda c: (-c[0], c[1]),
        )
        for score, _, name, ref in candidates:
            if name in chosen or ref in taken or score < threshold:
                continue
            exact = normalize_name(name) == normalize_name(ref)
            chosen[name] = (ref, score, EXACT if exact else SIMILAR)
            taken.add(ref)
        for name in names:
            canonical, score, method = chosen.get(name, (name, 0.0, NEW))
            if method == NEW and canonical not in pool:
                pool.append(canonical)
            records.append({"year": year, "name": name, "canonical": canonical, "score": score, "method": method})
    return pd.DataFrame.from_records(records, columns=["year", "name", "canonical", "score", "method"])


def _indicator_names(report: Report) -> pd.Series:
    """The name an indicator is matched by: its label, with the sasaran when a label repeats."""
    frame = report.indicator_frame
    if frame.empty:
        return pd.Series(dtype=object)
    labels = frame[IndicatorCol.LABEL]
    repeated = labels.duplicated(keep=False)
    return pd.Series(
        [
            f"{lab} — {obj}" if rep else str(lab)
            for lab, obj, rep in zip(labels, frame["objective"], repeated, strict=True)
        ],
        index=frame.index,
    )


@dataclass(frozen=True)
class Comparison:
    """Everything the Perbandingan page shows, for reports of two or more years."""

    years: tuple[int, ...]
    indicator_matches: pd.DataFrame
    objective_matches: pd.DataFrame
    indicators: pd.DataFrame
    objectives: pd.DataFrame
    office: pd.DataFrame


def compare(
    reports: Sequence[Report],
    threshold: float = DEFAULT_THRESHOLD,
    indicator_overrides: Mapping[tuple[int, str], str | None] | None = None,
    objective_overrides: Mapping[tuple[int, str], str | None] | None = None,
) -> Comparison:
    """Trends over the years of ``reports`` (any order; one report per year).

    ``indicators`` (long form): ``name`` (reference name), ``year``, ``objective``, ``target_text``,
    ``actual_text``, ``achievement_pct``, ``category``, ``polarity``, ``formula``, ``renstra_text``
    (the file's optional Renstra end-of-period target column, ``""`` without one).
    ``objectives``: ``name``, ``year``, ``mean_achievement_pct``, ``category``.
    ``office``: per year the office mean, mean of sasaran means, counts, pagu, realisasi,
    penyerapan and sisa (``NaN`` where a year has no such data).
    """
    ordered = _years(reports)
    names = {r.settings.year: list(_indicator_names(r)) for r in ordered}
    ind_matches = match_names(names, threshold, indicator_overrides)
    obj_names = {r.settings.year: list(dict.fromkeys(r.objectives["objective"])) for r in ordered}
    obj_matches = match_names(obj_names, threshold, objective_overrides)
    ind_rows, obj_rows, office_rows = [], [], []
    for report in ordered:
        year = report.settings.year
        lookup = ind_matches[ind_matches["year"] == year].set_index("name")["canonical"]
        frame = report.indicator_frame
        for name, (_, row) in zip(_indicator_names(report), frame.iterrows(), strict=True):
            ind_rows.append(
                {
                    "name": lookup.get(name, name),
                    "year": year,
                    "objective": row["objective"],
                    "target_text": row["target_text"],
                    "actual_text": row["actual_text"],
                    "achievement_pct": row[IndicatorCol.ACHIEVEMENT_PCT],
                    "category": row["category"],
                    "polarity": row["polarity"],
                    "formula": row["formula"],
                    "renstra_text": _renstra_text(row),
                }
            )
        obj_lookup = obj_matches[obj_matches["year"] == year].set_index("name")["canonical"]
        for _, row in report.objectives.iterrows():
            obj_rows.append(
                {
                    "name": obj_lookup.get(row["objective"], row["objective"]),
                    "year": year,
                    "mean_achievement_pct": row[ObjectiveCol.MEAN_PCT],
                    "category": row["category"],
                }
            )
        office = report.office
        totals = report.budget_totals
        office_rows.append(
            {
                "year": year,
                "mean_pct": office.mean_pct if report.indicators is not None else None,
                "mean_of_objectives_pct": office.mean_of_objectives_pct if report.indicators is not None else None,
                "category": office.category if report.indicators is not None else None,
                "indicators": office.count,
                "with_data": office.with_data,
                "met": office.met,
                "allocation": totals.allocation if totals else None,
                "realized": totals.realized if totals else None,
                "absorption_pct": totals.absorption_pct if totals else None,
                "remaining": totals.remaining if totals else None,
            }
        )
    office_frame = pd.DataFrame.from_records(office_rows)
    for column in ("mean_pct", "mean_of_objectives_pct", "allocation", "realized", "absorption_pct", "remaining"):
        office_frame[column] = office_frame[column].astype("float64")
    indicators = pd.DataFrame.from_records(
        ind_rows,
        columns=[
            "name",
            "year",
            "objective",
            "target_text",
            "actual_text",
            "achievement_pct",
            "category",
            "polarity",
            "formula",
            "renstra_text",
        ],
    )
    indicators["achievement_pct"] = indicators["achievement_pct"].astype("float64")
    objectives = pd.DataFrame.from_records(obj_rows, columns=["name", "year", "mean_achievement_pct", "category"])
    objectives["mean_achievement_pct"] = objectives["mean_achievement_pct"].astype("float64")
    return Comparison(
        years=tuple(r.settings.year for r in ordered),
        indicator_matches=ind_matches,
        objective_matches=obj_matches,
        indicators=indicators,
        objectives=objectives,
        office=office_frame,
    )


def pivot(long: pd.DataFrame, value: str, years: Sequence[int]) -> pd.DataFrame:
    """Wide table: one row per ``name`` (reference order), one column per year, then ``change_pts``
    (last year minus the year before it; ``NaN`` when either is missing). A name matched twice in a
    year keeps the first value."""
    if long.empty:
        return pd.DataFrame(columns=["name", *years, "change_pts"])
    first = long.drop_duplicates(["name", "year"], keep="first")
    wide = first.pivot(index="name", columns="year", values=value)
    wide = wide.reindex(index=list(dict.fromkeys(long["name"])), columns=list(years))
    wide.columns = list(years)
    wide = wide.reset_index()
    wide["change_pts"] = wide[years[-1]] - wide[years[-2]] if len(years) >= 2 else np.nan
    return wide


def _renstra_text(row: pd.Series) -> str:
    """The Renstra target text of an indicator row ("" when the file has no such column)."""
    value = row.get("renstra_text", "")
    return cell_text(value)


def renstra_targets(comparison: Comparison) -> dict[str, str]:
    """Renstra end-of-period targets read from the indicator files, by reference name.

    The latest year whose file gives a target for that indicator wins (a Renstra revised midway).
    """
    targets: dict[str, str] = {}
    rows = comparison.indicators
    if "renstra_text" not in rows.columns:
        return targets
    for _, row in rows[rows["renstra_text"].astype(bool)].sort_values("year", kind="stable").iterrows():
        targets[row["name"]] = row["renstra_text"]
    return targets


def renstra_progress(comparison: Comparison, renstra: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Progress towards the Renstra end-of-period target: the latest realisasi against it.

    The targets are those of the indicator files (:func:`renstra_targets`); ``renstra`` overrides
    them (a reference indicator name → target text such as ``95%``, ``WTP``, ``12 Lap``; an empty
    text keeps the file's target).
    The progress is :func:`achievement.achievement` of the latest year's realisasi (the last year
    that has one) against that target, with the indicator's polarity: 100 = the Renstra target is
    reached. A target that cannot be read, or no realisasi in any year → ``NaN``.
    Columns: name, renstra_text, year, actual_text, progress_pct.
    """
    records: list[dict[str, object]] = []
    measured = comparison.indicators[comparison.indicators["actual_text"].astype(bool)]
    targets = renstra_targets(comparison)
    for name, text in (renstra or {}).items():
        if cell_text(text):
            targets[name] = text
        else:
            targets.setdefault(name, "")
    order = {n: i for i, n in enumerate(dict.fromkeys([*comparison.indicators["name"], *(renstra or {})]))}
    for name, target_text in sorted(targets.items(), key=lambda item: order.get(item[0], len(order))):
        text = cell_text(target_text)
        if not text:
            continue
        rows = measured[measured["name"] == name].sort_values("year")
        if rows.empty:
            records.append({"name": name, "renstra_text": text, "year": None, "actual_text": "", "progress_pct": None})
            continue
        last = rows.iloc[-1]
        pct = achievement(parse_value(text), parse_value(last["actual_text"]), last["polarity"], last["formula"])
        records.append(
            {
                "name": name,
                "renstra_text": text,
                "year": int(last["year"]),
                "actual_text": last["actual_text"],
                "progress_pct": pct,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=["name", "renstra_text", "year", "actual_text", "progress_pct"])
    frame["progress_pct"] = frame["progress_pct"].astype("float64")
    return frame
