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
from lakip_core.schema import CompareCol as C
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
        return pd.DataFrame(columns=list(C.MATCH_COLUMNS))
    pool = list(dict.fromkeys(names_by_year[years[0]]))
    records += [{C.YEAR: years[0], C.NAME: n, C.CANONICAL: n, C.SCORE: 1.0, C.METHOD: EXACT} for n in pool]
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
            records.append({C.YEAR: year, C.NAME: name, C.CANONICAL: canonical, C.SCORE: score, C.METHOD: method})
    return pd.DataFrame.from_records(records, columns=list(C.MATCH_COLUMNS))


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
            for lab, obj, rep in zip(labels, frame[IndicatorCol.OBJECTIVE], repeated, strict=True)
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
    obj_names = {r.settings.year: list(dict.fromkeys(r.objectives[ObjectiveCol.OBJECTIVE])) for r in ordered}
    obj_matches = match_names(obj_names, threshold, objective_overrides)
    ind_rows, obj_rows, office_rows = [], [], []
    for report in ordered:
        year = report.settings.year
        lookup = ind_matches[ind_matches[C.YEAR] == year].set_index(C.NAME)[C.CANONICAL]
        frame = report.indicator_frame
        for name, (_, row) in zip(_indicator_names(report), frame.iterrows(), strict=True):
            ind_rows.append(
                {
                    C.NAME: lookup.get(name, name),
                    C.YEAR: year,
                    C.OBJECTIVE: row[IndicatorCol.OBJECTIVE],
                    C.TARGET_TEXT: row[IndicatorCol.TARGET_TEXT],
                    C.ACTUAL_TEXT: row[IndicatorCol.ACTUAL_TEXT],
                    C.ACHIEVEMENT_PCT: row[IndicatorCol.ACHIEVEMENT_PCT],
                    C.CATEGORY: row[IndicatorCol.CATEGORY],
                    C.POLARITY: row[IndicatorCol.POLARITY],
                    C.FORMULA: row[IndicatorCol.FORMULA],
                    C.RENSTRA_TEXT: _renstra_text(row),
                }
            )
        obj_lookup = obj_matches[obj_matches[C.YEAR] == year].set_index(C.NAME)[C.CANONICAL]
        for _, row in report.objectives.iterrows():
            obj_rows.append(
                {
                    C.NAME: obj_lookup.get(row[ObjectiveCol.OBJECTIVE], row[ObjectiveCol.OBJECTIVE]),
                    C.YEAR: year,
                    C.MEAN_PCT: row[ObjectiveCol.MEAN_PCT],
                    C.CATEGORY: row[ObjectiveCol.CATEGORY],
                }
            )
        office, totals, measured = report.office, report.budget_totals, report.indicators is not None
        office_rows.append(
            {
                C.YEAR: year,
                C.OFFICE_MEAN_PCT: office.mean_pct if measured else None,
                C.OFFICE_MEAN_OF_OBJECTIVES_PCT: office.mean_of_objectives_pct if measured else None,
                C.CATEGORY: office.category if measured else None,
                C.INDICATORS: office.count,
                C.WITH_DATA: office.with_data,
                C.MET: office.met,
                C.ALLOCATION: totals.allocation if totals else None,
                C.REALIZED: totals.realized if totals else None,
                C.ABSORPTION_PCT: totals.absorption_pct if totals else None,
                C.REMAINING: totals.remaining if totals else None,
            }
        )
    office_frame = pd.DataFrame.from_records(office_rows, columns=list(C.OFFICE_COLUMNS))
    amounts = (C.ALLOCATION, C.REALIZED, C.ABSORPTION_PCT, C.REMAINING)
    for column in (C.OFFICE_MEAN_PCT, C.OFFICE_MEAN_OF_OBJECTIVES_PCT, *amounts):
        office_frame[column] = office_frame[column].astype("float64")
    indicators = pd.DataFrame.from_records(ind_rows, columns=list(C.INDICATOR_COLUMNS))
    indicators[C.ACHIEVEMENT_PCT] = indicators[C.ACHIEVEMENT_PCT].astype("float64")
    objectives = pd.DataFrame.from_records(obj_rows, columns=list(C.OBJECTIVE_COLUMNS))
    objectives[C.MEAN_PCT] = objectives[C.MEAN_PCT].astype("float64")
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
        return pd.DataFrame(columns=[C.NAME, *years, C.CHANGE_PTS])
    first = long.drop_duplicates([C.NAME, C.YEAR], keep="first")
    wide = first.pivot(index=C.NAME, columns=C.YEAR, values=value)
    wide = wide.reindex(index=list(dict.fromkeys(long[C.NAME])), columns=list(years))
    wide.columns = list(years)
    wide = wide.reset_index()
    wide[C.CHANGE_PTS] = wide[years[-1]] - wide[years[-2]] if len(years) >= 2 else np.nan
    return wide


def _renstra_text(row: pd.Series) -> str:
    """The Renstra target text of an indicator row ("" when the file has no such column)."""
    value = row.get(C.RENSTRA_TEXT, "")
    return cell_text(value)


def renstra_targets(comparison: Comparison) -> dict[str, str]:
    """Renstra end-of-period targets read from the indicator files, by reference name.

    The latest year whose file gives a target for that indicator wins (a Renstra revised midway).
    """
    targets: dict[str, str] = {}
    rows = comparison.indicators
    if C.RENSTRA_TEXT not in rows.columns:
        return targets
    for _, row in rows[rows[C.RENSTRA_TEXT].astype(bool)].sort_values(C.YEAR, kind="stable").iterrows():
        targets[row[C.NAME]] = row[C.RENSTRA_TEXT]
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
    measured = comparison.indicators[comparison.indicators[C.ACTUAL_TEXT].astype(bool)]
    targets = renstra_targets(comparison)
    for name, text in (renstra or {}).items():
        if cell_text(text):
            targets[name] = text
        else:
            targets.setdefault(name, "")
    order = {n: i for i, n in enumerate(dict.fromkeys([*comparison.indicators[C.NAME], *(renstra or {})]))}
    for name, target_text in sorted(targets.items(), key=lambda item: order.get(item[0], len(order))):
        text = cell_text(target_text)
        if not text:
            continue
        rows = measured[measured[C.NAME] == name].sort_values(C.YEAR)
        if rows.empty:
            records.append({C.NAME: name, C.RENSTRA_TEXT: text, C.YEAR: None, C.ACTUAL_TEXT: "", C.PROGRESS_PCT: None})
            continue
        last = rows.iloc[-1]
        pct = achievement(parse_value(text), parse_value(last[C.ACTUAL_TEXT]), last[C.POLARITY], last[C.FORMULA])
        records.append(
            {
                C.NAME: name,
                C.RENSTRA_TEXT: text,
                C.YEAR: int(last[C.YEAR]),
                C.ACTUAL_TEXT: last[C.ACTUAL_TEXT],
                C.PROGRESS_PCT: pct,
            }
        )
    frame = pd.DataFrame.from_records(records, columns=list(C.PROGRESS_COLUMNS))
    frame[C.PROGRESS_PCT] = frame[C.PROGRESS_PCT].astype("float64")
    return frame
