"""The Simulasi editors' tables: stored texts with a scenario's edits under Indonesian headers,
and back from an edited table to the scenario's edits."""

from __future__ import annotations

import math

import pandas as pd

from lakip_core.analysis.whatif.scenario import (
    BudgetEdit,
    IndicatorEdit,
    Scenario,
    budget_keys,
    edits_from_texts,
    scenario_texts,
)
from lakip_core.presentation.format import format_number
from lakip_core.reading.numbers import cell_text, parse_number
from lakip_core.schema import BudgetCol, IndicatorCol

# Column headers of the editable tables (what the user sees in st.data_editor).
# Column headers of the editable tables (what the user sees in st.data_editor).
COL_KEY = "Kunci"
COL_DOCUMENT = "Dokumen"
COL_OBJECTIVE = "Sasaran"
COL_INDICATOR = "Indikator"
COL_UNIT = "Satuan"
COL_TARGET = "Target"
COL_ACTUAL = "Realisasi"
COL_CODE = "Kode"
COL_ACTIVITY = "Kegiatan"
COL_ALLOCATION = "Pagu (Rp)"
COL_REALIZED = "Realisasi (Rp)"


def indicator_editor_table(computed: pd.DataFrame, scenario: Scenario | None = None) -> pd.DataFrame:
    """Kunci, Indikator, Target, Realisasi, Satuan, Sasaran, Dokumen: stored texts with the scenario's edits.

    The editable columns come right after the name so they stay on screen in a narrow window.
    """
    keys, targets, actuals = scenario_texts(computed, scenario)
    return pd.DataFrame(
        {
            COL_KEY: keys,
            COL_INDICATOR: computed[IndicatorCol.LABEL].to_numpy(),
            COL_TARGET: targets,
            COL_ACTUAL: actuals,
            COL_UNIT: computed[IndicatorCol.UNIT].fillna("").to_numpy(),
            COL_OBJECTIVE: computed[IndicatorCol.OBJECTIVE].to_numpy(),
            COL_DOCUMENT: computed[IndicatorCol.DOCUMENT].to_numpy(),
        }
    )


def indicator_edits_from_table(computed: pd.DataFrame, table: pd.DataFrame) -> dict[str, IndicatorEdit]:
    """The edits a table (from :func:`indicator_editor_table`, then edited) makes to the stored texts.

    Rows are matched by :data:`COL_KEY`; a cell equal to the stored text (ignoring spaces) is no edit.
    """
    return edits_from_texts(computed, list(table[COL_KEY]), list(table[COL_TARGET]), list(table[COL_ACTUAL]))


def budget_editor_table(lines: pd.DataFrame, scenario: Scenario | None = None) -> pd.DataFrame:
    """Kode, Kegiatan, Pagu (Rp), Realisasi (Rp) as Indonesian-formatted text, with the scenario's edits."""
    edits = scenario.budget if scenario else {}
    allocations, realized = [], []
    for key, alloc, real in zip(
        budget_keys(lines), lines[BudgetCol.ALLOCATION], lines[BudgetCol.REALIZED], strict=True
    ):
        edit = edits.get(key, BudgetEdit())
        allocations.append(format_number(edit.allocation if edit.allocation is not None else alloc))
        realized.append(format_number(edit.realized if edit.realized is not None else real))
    return pd.DataFrame(
        {
            COL_CODE: [str(c) for c in lines[BudgetCol.CODE]],
            COL_ACTIVITY: [str(n) for n in lines[BudgetCol.NAME]],
            COL_ALLOCATION: allocations,
            COL_REALIZED: realized,
        }
    )


def budget_edits_from_table(lines: pd.DataFrame, table: pd.DataFrame) -> tuple[dict[str, BudgetEdit], list[str]]:
    """Edits of pagu/realisasi per kegiatan and the problems (Indonesian) of cells that are not amounts.

    Amounts are read with :func:`numbers.parse_number` (``1.500.000``, ``Rp 2.000.000,-``); a cell
    that is not an amount or is negative is reported and left unchanged. Rows match by position.
    """
    edits: dict[str, BudgetEdit] = {}
    problems: list[str] = []
    keys = budget_keys(lines)
    for position, key in enumerate(keys):
        if position >= len(table):
            break
        row = table.iloc[position]
        values: dict[str, float | None] = {}
        for column, field_name, stored in (
            (COL_ALLOCATION, "allocation", lines[BudgetCol.ALLOCATION].iloc[position]),
            (COL_REALIZED, "realized", lines[BudgetCol.REALIZED].iloc[position]),
        ):
            text = cell_text(row[column])
            number = parse_number(text) if text else None
            label = "pagu" if field_name == "allocation" else "realisasi"
            if number is None or number < 0:
                if text != format_number(stored):
                    problems.append(
                        f"Kegiatan {key}: {label} '{text}' bukan jumlah rupiah yang sah; nilai awal dipakai."
                    )
                values[field_name] = None
            else:
                values[field_name] = number if not math.isclose(number, float(stored), abs_tol=0.5) else None
        edit = BudgetEdit(values["allocation"], values["realized"])
        if edit != BudgetEdit():
            edits[key] = edit
    return edits, problems
