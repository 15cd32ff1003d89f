"""What-if (Simulasi): scenarios of edited targets, realisasi and pagu, and what they change.

:mod:`.scenario` is the model and its file format, :mod:`.simulate` recomputes a scenario,
:mod:`.questions` answers "what realisasi is needed", "what moves the mean most" and bulk rules.
"""

from lakip_core.analysis.whatif.questions import COUNTED_UNITS, bulk_replace, influence, required_for
from lakip_core.analysis.whatif.scenario import (
    BASELINE_LABEL,
    FORMAT_NAME,
    FORMAT_VERSION,
    KEY_SEPARATOR,
    SCENARIO_NAME_MAX,
    BudgetEdit,
    IndicatorEdit,
    Scenario,
    ScenarioError,
    budget_keys,
    edits_from_texts,
    indicator_keys,
    scenario_name,
    scenario_texts,
    scenarios_from_json,
    scenarios_to_json,
)
from lakip_core.analysis.whatif.simulate import (
    BudgetSimulation,
    ScenarioFigures,
    Simulation,
    apply,
    figures,
    office_objectives,
    simulate,
    simulate_budget,
)

__all__ = [
    "BASELINE_LABEL",
    "COUNTED_UNITS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "KEY_SEPARATOR",
    "SCENARIO_NAME_MAX",
    "BudgetEdit",
    "BudgetSimulation",
    "IndicatorEdit",
    "Scenario",
    "ScenarioError",
    "ScenarioFigures",
    "Simulation",
    "apply",
    "budget_keys",
    "bulk_replace",
    "edits_from_texts",
    "figures",
    "indicator_keys",
    "influence",
    "required_for",
    "scenario_name",
    "scenario_texts",
    "scenarios_from_json",
    "scenarios_to_json",
    "office_objectives",
    "simulate",
    "simulate_budget",
]
