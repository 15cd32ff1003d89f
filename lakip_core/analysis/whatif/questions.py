"""Questions asked of the figures: what realisasi reaches a category, which indicators move the
office mean most, and the bulk rule "every 100% target becomes 90%"."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from lakip_core.analysis.indicators import group_means, objective_codes, office_mask
from lakip_core.analysis.whatif.scenario import Scenario, edits_from_texts, indicator_keys, scenario_texts
from lakip_core.presentation.format import format_number
from lakip_core.reading.numbers import ORDINAL_SCALES, Value, parse_value
from lakip_core.rules.achievement import required_actual
from lakip_core.rules.settings import Settings
from lakip_core.schema import IndicatorCol
from lakip_core.schema import ScenarioCol as S

# Units counted in whole numbers: a required realisasi is rounded to a whole unit.
COUNTED_UNITS = frozenset(
    {"Laporan", "Dokumen", "Unit", "Paket", "Orang", "Kali", "Kegiatan", "Buah", "Kasus", "Bulan", "Stel", "Set"}
)


def _format_required(value: float, target: Value, unit: str | None, polarity: str) -> str:
    if target.kind == "ordinal" and target.scale is not None:
        scores = ORDINAL_SCALES[target.scale]
        # The lowest grade whose score reaches the value (the grades are whole scores).
        label = next(
            (name for name, score in sorted(scores.items(), key=lambda s: s[1]) if score >= value - 1e-9), None
        )
        return label or "tidak dapat dicapai"
    if unit in COUNTED_UNITS and float(target.number or target.low or 0).is_integer():
        value = math.ceil(value - 1e-9) if polarity == "positif" else math.floor(value + 1e-9)
        return f"{format_number(value)} {unit}"
    decimals = 0 if float(value).is_integer() else 2
    suffix = "%" if unit == "%" else (f" {unit}" if unit else "")
    return f"{format_number(value, decimals)}{suffix}"


def required_for(frame: pd.DataFrame, category: str, settings: Settings) -> pd.DataFrame:
    """Indicators below ``category`` (or without data) and the realisasi each needs to reach it.

    The needed realisasi is :func:`achievement.required_actual` at the category's lower bound,
    rounded up to a whole unit for counted units (Laporan, Dokumen ...) and to the lowest grade
    that reaches it for ordinal targets (WTP, BB ...). Positive polarity: ``T × batas / 100``;
    negative: ``T × (2 − batas / 100)``. A target that cannot be read → ``None`` (shown as ``-``).
    Columns: key, document, objective, label, target_text, actual_text, pct, category, required.
    """
    bound = settings.scale.lower_bound(category)
    keys = indicator_keys(frame)
    records = []
    for key, (_, row) in zip(keys, frame.iterrows(), strict=True):
        pct = row[IndicatorCol.ACHIEVEMENT_PCT]
        if not pd.isna(pct) and pct >= bound:
            continue
        target = parse_value(row[IndicatorCol.TARGET_TEXT])
        needed = (
            required_actual(target, bound, row[IndicatorCol.POLARITY], row[IndicatorCol.FORMULA])
            if math.isfinite(bound)
            else None
        )
        unit = row[IndicatorCol.UNIT] if isinstance(row[IndicatorCol.UNIT], str) else None
        records.append(
            {
                S.KEY: key,
                S.DOCUMENT: row[IndicatorCol.DOCUMENT],
                S.OBJECTIVE: row[IndicatorCol.OBJECTIVE],
                S.LABEL: row[IndicatorCol.LABEL],
                S.TARGET_TEXT: row[IndicatorCol.TARGET_TEXT],
                S.ACTUAL_TEXT: row[IndicatorCol.ACTUAL_TEXT],
                S.PCT: pct,
                S.CATEGORY: row[IndicatorCol.CATEGORY],
                S.REQUIRED: None
                if needed is None
                else _format_required(needed, target, unit, row[IndicatorCol.POLARITY]),
            }
        )
    columns = list(S.REQUIRED_COLUMNS)
    return pd.DataFrame.from_records(records, columns=columns)


def influence(frame: pd.DataFrame, settings: Settings, reach_pct: float = 100.0) -> pd.DataFrame:
    """Which indicators move the office average most if each alone reached ``reach_pct`` capaian.

    With n indicators with data and sum S: raising indicator i from p_i gives
    ``gain_office_pts = (reach − p_i) / n``; an indicator without data that is measured at
    ``reach`` gives ``(reach − mean) / (n + 1)``. ``gain_objectives_pts`` is the same for the
    mean of sasaran means, where an indicator weighs ``1 / (sasaran × indicators of its sasaran)``.
    Only indicators below ``reach_pct`` (or without data) are listed, largest gain first, and only
    those that feed the office mean (:func:`~lakip_core.analysis.indicators.office_mask`: its
    documents, each group once): another document's line moves no office figure.
    """
    included = office_mask(frame) if len(frame) else np.zeros(0, dtype=bool)
    pcts = np.where(included, frame[IndicatorCol.ACHIEVEMENT_PCT].to_numpy(dtype="float64"), np.nan)
    present = ~np.isnan(pcts)
    n = int(present.sum())
    columns = list(S.INFLUENCE_COLUMNS)
    if not len(frame):
        return pd.DataFrame(columns=columns)
    mean = float(pcts[present].mean()) if n else float("nan")
    codes, uniques = objective_codes(frame)
    obj_means, obj_counts = group_means(codes, len(uniques), pcts)
    measured = int((obj_counts > 0).sum())
    gains_office = np.where(present, (reach_pct - pcts) / max(n, 1), (reach_pct - mean) / (n + 1) if n else reach_pct)
    gains_obj = np.empty(len(frame))
    for i, code in enumerate(codes):
        count = obj_counts[code]
        if present[i]:
            gains_obj[i] = (reach_pct - pcts[i]) / count / measured
        elif count:
            # The sasaran mean moves to (S_j + reach) / (k_j + 1); the number of sasaran stays.
            gains_obj[i] = ((obj_means[code] * count + reach_pct) / (count + 1) - obj_means[code]) / measured
        else:
            # A sasaran measured for the first time joins the mean of sasaran means.
            total = float(np.nansum(obj_means))
            gains_obj[i] = (total + reach_pct) / (measured + 1) - (total / measured if measured else 0.0)
    table = pd.DataFrame(
        {
            S.KEY: indicator_keys(frame),
            S.DOCUMENT: frame[IndicatorCol.DOCUMENT].to_numpy(),
            S.OBJECTIVE: frame[IndicatorCol.OBJECTIVE].to_numpy(),
            S.LABEL: frame[IndicatorCol.LABEL].to_numpy(),
            S.PCT: pcts,
            S.CATEGORY: frame[IndicatorCol.CATEGORY].to_numpy(),
            S.GAIN_OFFICE_PTS: gains_office,
            S.GAIN_OBJECTIVES_PTS: gains_obj,
        }
    )
    table = table[included & (np.isnan(pcts) | (pcts < reach_pct))]
    ordered = table.sort_values([S.GAIN_OFFICE_PTS, S.GAIN_OBJECTIVES_PTS], ascending=False, kind="stable")
    result: pd.DataFrame = ordered.reset_index(drop=True)[columns]
    return result


def bulk_replace(
    frame: pd.DataFrame,
    scenario: Scenario,
    column: str = "target",
    equals: float = 100.0,
    becomes: float = 90.0,
    percent_only: bool = True,
) -> tuple[Scenario, int]:
    """Rule edit: every ``column`` (``target`` or ``actual``) value equal to ``equals`` becomes ``becomes``.

    ``frame`` is the computed frame of the stored figures; the scenario's current texts are
    matched (so rules compose), numbers compared within 1e-9. ``percent_only`` matches only
    percentages (``100%``, ``100 %``), so ``100 Laporan`` is left alone. The new text keeps the
    kind: ``90%`` or ``90 Laporan``. Returns the new scenario and how many rows it changed.
    """
    if column not in ("target", "actual"):
        raise ValueError("column must be 'target' or 'actual'")
    keys, targets, actuals = scenario_texts(frame, scenario)
    count = 0
    texts = []
    for text in targets if column == "target" else actuals:
        value = parse_value(text)
        matches = (
            value.kind in (("percent",) if percent_only else ("percent", "number"))
            and value.number is not None
            and abs(value.number - equals) < 1e-9
        )
        if matches:
            count += 1
            decimals = 0 if float(becomes).is_integer() else 2
            suffix = "%" if value.kind == "percent" else (f" {value.unit}" if value.unit else "")
            texts.append(f"{format_number(becomes, decimals)}{suffix}")
        else:
            texts.append(text)
    if column == "target":
        targets = texts
    else:
        actuals = texts
    edits = edits_from_texts(frame, keys, targets, actuals)
    return Scenario(scenario.name, edits, scenario.budget, scenario.note), count
