"""Recompute a scenario: indicator, sasaran and office figures, and the budget, before and after.

Recomputing is incremental: only edited rows are parsed again, through the same functions as
the stored figures (:func:`analysis.indicators.computed_columns`, :func:`~analysis.indicators.group_means`,
:func:`~analysis.indicators.office_of`), which keeps 1,000 indicators well under 50 ms
(``benchmarks/bench_whatif.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lakip_core.analysis.budget import BudgetTotals, absorption
from lakip_core.analysis.indicators import (
    OfficeAchievement,
    column_values,
    computed_columns,
    counted_mask,
    group_means,
    objective_codes,
    office_of,
)
from lakip_core.analysis.whatif.scenario import (
    BASELINE_LABEL,
    KEY_SEPARATOR,
    Scenario,
    budget_keys,
    indicator_keys,
)
from lakip_core.reading.numbers import parse_value
from lakip_core.rules.settings import Settings
from lakip_core.schema import BudgetCol, IndicatorCol


@dataclass(frozen=True)
class Simulation:
    """Baseline vs scenario at three levels, and problems with the edited cells (Indonesian)."""

    indicators: pd.DataFrame
    objectives: pd.DataFrame
    baseline: OfficeAchievement
    scenario: OfficeAchievement
    scenario_frame: pd.DataFrame
    problems: tuple[str, ...]

    @property
    def changed(self) -> pd.DataFrame:
        """Indicators whose target, realisasi or capaian differs from the stored figures."""
        return self.indicators[self.indicators["changed"]]


def apply(
    computed: pd.DataFrame, scenario: Scenario, settings: Settings, keys: Sequence[str] | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """The computed frame with the scenario's texts, recomputed where edited; plus unknown keys.

    Only edited rows are recomputed (:func:`analysis.indicators.computed_columns`); the others are copied.
    ``keys`` are the frame's :func:`indicator_keys` when the caller already has them.
    """
    out = computed.copy()
    position = {key: i for i, key in enumerate(keys if keys is not None else indicator_keys(computed))}
    unknown = [key for key in scenario.indicators if key not in position]
    rows = sorted(position[key] for key in scenario.indicators if key in position)
    if not rows:
        return out, unknown
    # Whole-column assignment: setting cells one by one in an Arrow string column is slow.
    targets = out[IndicatorCol.TARGET_TEXT].to_numpy(dtype=object, copy=True)
    actuals = out[IndicatorCol.ACTUAL_TEXT].to_numpy(dtype=object, copy=True)
    for key, edit in scenario.indicators.items():
        if key in position:
            if edit.target_text is not None:
                targets[position[key]] = edit.target_text
            if edit.actual_text is not None:
                actuals[position[key]] = edit.actual_text
    out[IndicatorCol.TARGET_TEXT] = pd.Series(targets, index=out.index, dtype=computed[IndicatorCol.TARGET_TEXT].dtype)
    out[IndicatorCol.ACTUAL_TEXT] = pd.Series(actuals, index=out.index, dtype=computed[IndicatorCol.ACTUAL_TEXT].dtype)
    fresh = computed_columns(out.iloc[rows], settings)
    for column in fresh.columns:
        values = out[column].to_numpy(dtype=object if out[column].dtype == object else None, copy=True)
        values[rows] = fresh[column].to_numpy()
        out[column] = pd.Series(values, index=out.index, dtype=out[column].dtype)
    return out, unknown


def _edit_problems(frame: pd.DataFrame, keys: Sequence[str], scenario: Scenario, unknown: Iterable[str]) -> list[str]:
    problems = [f"Perubahan untuk '{key}' tidak cocok dengan indikator mana pun dan diabaikan." for key in unknown]
    pcts = frame[IndicatorCol.ACHIEVEMENT_PCT].to_numpy(dtype="float64")
    for key, target, actual, pct in zip(
        keys,
        column_values(frame[IndicatorCol.TARGET_TEXT]),
        column_values(frame[IndicatorCol.ACTUAL_TEXT]),
        pcts,
        strict=True,
    ):
        edit = scenario.indicators.get(key)
        if edit is None or not pd.isna(pct):
            continue
        name = key.split(KEY_SEPARATOR)[-1]
        if edit.target_text is not None and parse_value(target).kind in ("text", "missing"):
            problems.append(f"Target '{target}' pada '{name}' bukan angka, persentase, rentang atau predikat.")
        elif edit.actual_text is not None and parse_value(actual).kind == "text":
            problems.append(f"Realisasi '{actual}' pada '{name}' bukan angka, persentase atau predikat.")
        elif edit.actual_text is not None and actual:
            problems.append(f"Realisasi '{actual}' pada '{name}' tidak dapat dibandingkan dengan target '{target}'.")
    return problems


def simulate(computed: pd.DataFrame, scenario: Scenario, settings: Settings) -> Simulation:
    """Recompute a scenario against the stored (computed) indicator frame.

    ``indicators``: key, document, objective, label, unit, target/realisasi texts and capaian
    before and after, ``delta_pts`` (``NaN`` when either side has no data), categories, ``changed``.
    ``objectives``: per sasaran, mean before and after, ``delta_pts``, categories.
    Means leave out indicators without data, as :func:`indicators.office` does.
    """
    keys = indicator_keys(computed)
    frame, unknown = apply(computed, scenario, settings, keys)
    base = computed[IndicatorCol.ACHIEVEMENT_PCT].to_numpy(dtype="float64")
    scen = frame[IndicatorCol.ACHIEVEMENT_PCT].to_numpy(dtype="float64")
    codes, uniques = objective_codes(computed)
    groups = len(uniques)
    # Sasaran means count each group once, as the stored figures do (indicators.objectives).
    counted = counted_mask(computed, settings)
    base_means, base_counts = group_means(codes, groups, np.where(counted, base, np.nan))
    scen_means, scen_counts = group_means(codes, groups, np.where(counted, scen, np.nan))
    rate = settings.scale.rate
    texts_changed = (computed[IndicatorCol.TARGET_TEXT].to_numpy() != frame[IndicatorCol.TARGET_TEXT].to_numpy()) | (
        computed[IndicatorCol.ACTUAL_TEXT].to_numpy() != frame[IndicatorCol.ACTUAL_TEXT].to_numpy()
    )
    pct_changed = ~((base == scen) | (np.isnan(base) & np.isnan(scen)))
    indicators = pd.DataFrame(
        {
            "key": keys,
            "document": computed[IndicatorCol.DOCUMENT].to_numpy(),
            "objective": computed[IndicatorCol.OBJECTIVE].to_numpy(),
            "label": computed[IndicatorCol.LABEL].to_numpy(),
            "unit": frame[IndicatorCol.UNIT].to_numpy(),
            "target_text_base": computed[IndicatorCol.TARGET_TEXT].to_numpy(),
            "target_text": frame[IndicatorCol.TARGET_TEXT].to_numpy(),
            "actual_text_base": computed[IndicatorCol.ACTUAL_TEXT].to_numpy(),
            "actual_text": frame[IndicatorCol.ACTUAL_TEXT].to_numpy(),
            "pct_base": base,
            "pct": scen,
            "delta_pts": scen - base,
            "category_base": computed[IndicatorCol.CATEGORY].to_numpy(),
            "category": frame[IndicatorCol.CATEGORY].to_numpy(),
            "changed": texts_changed | pct_changed,
        }
    )
    objective_names = [name for _, name in uniques]
    objectives = pd.DataFrame(
        {
            "document": [doc for doc, _ in uniques],
            "objective": objective_names,
            "indicators": np.bincount(codes, weights=counted.astype(float), minlength=groups).astype(int),
            "with_data_base": base_counts,
            "with_data": scen_counts,
            "mean_base": base_means,
            "mean": scen_means,
            "delta_pts": scen_means - base_means,
            "category_base": [rate(None if math.isnan(v) else float(v)) for v in base_means],
            "category": [rate(None if math.isnan(v) else float(v)) for v in scen_means],
        }
    )
    return Simulation(
        indicators=indicators,
        objectives=objectives,
        baseline=office_of(base, computed[IndicatorCol.MET].to_numpy(dtype=bool), codes, groups, computed, settings),
        scenario=office_of(scen, frame[IndicatorCol.MET].to_numpy(dtype=bool), codes, groups, computed, settings),
        scenario_frame=frame,
        problems=tuple(_edit_problems(frame, keys, scenario, unknown)),
    )


# --- budget ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetSimulation:
    """Per kegiatan before and after (pagu, realisasi, penyerapan, sisa) and the office totals."""

    lines: pd.DataFrame
    baseline: BudgetTotals
    scenario: BudgetTotals
    unknown: tuple[str, ...]


def simulate_budget(lines: pd.DataFrame, scenario: Scenario) -> BudgetSimulation:
    """Apply pagu/realisasi edits per kegiatan; penyerapan = realisasi / pagu × 100 (pagu ≤ 0 → ``None``).

    Totals are the sums of the kegiatan lines (which are themselves sums of the leaf rows).
    """
    keys = budget_keys(lines)
    alloc = lines[BudgetCol.ALLOCATION].to_numpy(dtype="float64").copy()
    real = lines[BudgetCol.REALIZED].to_numpy(dtype="float64").copy()
    position = {key: i for i, key in enumerate(keys)}
    for key, edit in scenario.budget.items():
        if key not in position:
            continue
        if edit.allocation is not None:
            alloc[position[key]] = edit.allocation
        if edit.realized is not None:
            real[position[key]] = edit.realized
    base_alloc = lines[BudgetCol.ALLOCATION].to_numpy(dtype="float64")
    base_real = lines[BudgetCol.REALIZED].to_numpy(dtype="float64")
    table = pd.DataFrame(
        {
            "key": keys,
            "code": lines[BudgetCol.CODE].to_numpy(),
            "name": lines[BudgetCol.NAME].to_numpy(),
            "allocation_base": base_alloc,
            "allocation": alloc,
            "realized_base": base_real,
            "realized": real,
            "absorption_base": [absorption(a, r) for a, r in zip(base_alloc, base_real, strict=True)],
            "absorption_pct": [absorption(a, r) for a, r in zip(alloc, real, strict=True)],
            "remaining_base": base_alloc - base_real,
            "remaining": alloc - real,
        }
    )
    for column in ("absorption_base", "absorption_pct"):
        table[column] = table[column].astype("float64")
    table["changed"] = (table["allocation"] != table["allocation_base"]) | (table["realized"] != table["realized_base"])

    def totals(a: np.ndarray, r: np.ndarray) -> BudgetTotals:
        allocation, realized = float(np.nansum(a)), float(np.nansum(r))
        return BudgetTotals(allocation, realized, absorption(allocation, realized), allocation - realized)

    return BudgetSimulation(
        lines=table,
        baseline=totals(base_alloc, base_real),
        scenario=totals(alloc, real),
        unknown=tuple(key for key in scenario.budget if key not in position),
    )


# --- comparing scenarios -----------------------------------------------------------------------


@dataclass(frozen=True)
class ScenarioFigures:
    """The headline figures of one scenario (or of the stored data)."""

    name: str
    office: OfficeAchievement
    top_category_count: int
    changed_indicators: int
    budget: BudgetTotals | None


def figures(
    computed: pd.DataFrame, lines: pd.DataFrame | None, scenarios: Sequence[Scenario], settings: Settings
) -> list[ScenarioFigures]:
    """Headline figures of the stored data, then of each scenario, for a side-by-side comparison."""
    top = settings.scale.labels[0]
    out = []
    for scenario in (Scenario(BASELINE_LABEL), *scenarios):
        sim = simulate(computed, scenario, settings)
        budget = simulate_budget(lines, scenario).scenario if lines is not None and len(lines) else None
        out.append(
            ScenarioFigures(
                name=scenario.name,
                office=sim.scenario,
                top_category_count=int((sim.indicators["category"] == top).sum()),
                changed_indicators=int(sim.indicators["changed"].sum()),
                budget=budget,
            )
        )
    return out
