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
from lakip_core.schema import ScenarioCol as S


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
        return self.indicators[self.indicators[S.CHANGED]]


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
            S.KEY: keys,
            S.DOCUMENT: computed[IndicatorCol.DOCUMENT].to_numpy(),
            S.OBJECTIVE: computed[IndicatorCol.OBJECTIVE].to_numpy(),
            S.LABEL: computed[IndicatorCol.LABEL].to_numpy(),
            S.UNIT: frame[IndicatorCol.UNIT].to_numpy(),
            S.TARGET_TEXT_BASE: computed[IndicatorCol.TARGET_TEXT].to_numpy(),
            S.TARGET_TEXT: frame[IndicatorCol.TARGET_TEXT].to_numpy(),
            S.ACTUAL_TEXT_BASE: computed[IndicatorCol.ACTUAL_TEXT].to_numpy(),
            S.ACTUAL_TEXT: frame[IndicatorCol.ACTUAL_TEXT].to_numpy(),
            S.PCT_BASE: base,
            S.PCT: scen,
            S.DELTA_PTS: scen - base,
            S.CATEGORY_BASE: computed[IndicatorCol.CATEGORY].to_numpy(),
            S.CATEGORY: frame[IndicatorCol.CATEGORY].to_numpy(),
            S.CHANGED: texts_changed | pct_changed,
        }
    )
    objective_names = [name for _, name in uniques]
    objectives = pd.DataFrame(
        {
            S.DOCUMENT: [doc for doc, _ in uniques],
            S.OBJECTIVE: objective_names,
            S.INDICATORS: np.bincount(codes, weights=counted.astype(float), minlength=groups).astype(int),
            S.WITH_DATA_BASE: base_counts,
            S.WITH_DATA: scen_counts,
            S.MEAN_BASE: base_means,
            S.MEAN: scen_means,
            S.DELTA_PTS: scen_means - base_means,
            S.CATEGORY_BASE: [rate(None if math.isnan(v) else float(v)) for v in base_means],
            S.CATEGORY: [rate(None if math.isnan(v) else float(v)) for v in scen_means],
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
            S.KEY: keys,
            S.CODE: lines[BudgetCol.CODE].to_numpy(),
            S.NAME: lines[BudgetCol.NAME].to_numpy(),
            S.ALLOCATION_BASE: base_alloc,
            S.ALLOCATION: alloc,
            S.REALIZED_BASE: base_real,
            S.REALIZED: real,
            S.ABSORPTION_BASE: [absorption(a, r) for a, r in zip(base_alloc, base_real, strict=True)],
            S.ABSORPTION_PCT: [absorption(a, r) for a, r in zip(alloc, real, strict=True)],
            S.REMAINING_BASE: base_alloc - base_real,
            S.REMAINING: alloc - real,
        }
    )
    for column in (S.ABSORPTION_BASE, S.ABSORPTION_PCT):
        table[column] = table[column].astype("float64")
    table[S.CHANGED] = (table[S.ALLOCATION] != table[S.ALLOCATION_BASE]) | (table[S.REALIZED] != table[S.REALIZED_BASE])

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
                top_category_count=int((sim.indicators[S.CATEGORY] == top).sum()),
                changed_indicators=int(sim.indicators[S.CHANGED].sum()),
                budget=budget,
            )
        )
    return out


def office_objectives(sim: Simulation, computed: pd.DataFrame) -> pd.DataFrame:
    """The sasaran of the documents that feed the office mean: the ones beside the office figure.

    Other documents (Perjanjian Kinerja, Bab III B) repeat sasaran names with their own figures;
    drawn beside the office mean they would sit on one line with the counted ones. All are kept in
    ``sim.objectives`` (and the per-indicator table); Kinerja shows each document on its own tab.
    """
    if IndicatorCol.IN_OFFICE_MEAN not in computed.columns:
        return sim.objectives
    feeding = computed.loc[computed[IndicatorCol.IN_OFFICE_MEAN].astype(bool), IndicatorCol.DOCUMENT]
    return sim.objectives[sim.objectives[S.DOCUMENT].isin(set(feeding))].reset_index(drop=True)
