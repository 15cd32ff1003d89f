"""A what-if scenario: named edits of targets, realisasi and pagu; its JSON file; its name rule.

A :class:`Scenario` is a named set of edits on top of the stored figures; it never changes the
report. Indicators are addressed by a readable key (``dokumen › sasaran › indikator``, with
``#2`` for a repeated name) so that a scenario saved as JSON can be reopened on the same data.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from lakip_core.analysis.indicators import column_values
from lakip_core.errors import LakipError
from lakip_core.reading.numbers import cell_text, parse_number
from lakip_core.schema import BudgetCol, IndicatorCol

KEY_SEPARATOR = " › "
FORMAT_NAME = "dasbor-lakip-skenario"
FORMAT_VERSION = 1
# The figures as stored, listed first wherever scenarios are compared; no scenario may take its name.
BASELINE_LABEL = "Data tersimpan"
SCENARIO_NAME_MAX = 120


class ScenarioError(LakipError):
    """A scenario file that cannot be read (wrong format, not JSON, missing fields)."""


@dataclass(frozen=True)
class IndicatorEdit:
    """New target and/or realisasi text of one indicator (``None`` = unchanged)."""

    target_text: str | None = None
    actual_text: str | None = None


@dataclass(frozen=True)
class BudgetEdit:
    """New pagu and/or realisasi of one kegiatan, rupiah (``None`` = unchanged)."""

    allocation: float | None = None
    realized: float | None = None


@dataclass(frozen=True)
class Scenario:
    """A named set of edits. The stored figures are never changed; an empty scenario is the baseline."""

    name: str = "Simulasi"
    indicators: Mapping[str, IndicatorEdit] = field(default_factory=dict)
    budget: Mapping[str, BudgetEdit] = field(default_factory=dict)
    note: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.indicators and not self.budget

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (only the edited fields of each row)."""
        return {
            "name": self.name,
            "note": self.note,
            "indicators": {
                key: {k: v for k, v in (("target", edit.target_text), ("actual", edit.actual_text)) if v is not None}
                for key, edit in self.indicators.items()
            },
            "budget": {
                key: {k: v for k, v in (("allocation", e.allocation), ("realized", e.realized)) if v is not None}
                for key, e in self.budget.items()
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Scenario:
        """Inverse of :meth:`to_dict`; raises :class:`ScenarioError` on a malformed entry."""
        try:
            name = str(data.get("name") or "Simulasi")
            indicators = {
                str(key): IndicatorEdit(_opt_text(edit.get("target")), _opt_text(edit.get("actual")))
                for key, edit in dict(data.get("indicators") or {}).items()
            }
            budget = {
                str(key): BudgetEdit(_opt_amount(edit.get("allocation")), _opt_amount(edit.get("realized")))
                for key, edit in dict(data.get("budget") or {}).items()
            }
        except (AttributeError, TypeError, ValueError) as err:
            raise ScenarioError(
                f"Skenario '{data.get('name', '?')}' tidak dapat dibaca: isinya tidak lengkap."
            ) from err
        return cls(name=name, indicators=indicators, budget=budget, note=str(data.get("note") or ""))


def _opt_text(value: object) -> str | None:
    return None if value is None else cell_text(value)


def _opt_amount(value: object) -> float | None:
    if value is None:
        return None
    number = parse_number(value)
    if number is None:
        raise ValueError(f"not an amount: {value!r}")
    return number


def scenario_name(name: object) -> str:
    """The name a scenario is kept under: spaces collapsed, not empty, not :data:`BASELINE_LABEL`,
    at most :data:`SCENARIO_NAME_MAX` characters. Raises :class:`ScenarioError` otherwise."""
    text = cell_text(name)
    if not text or text == BASELINE_LABEL:
        raise ScenarioError(f"Beri nama skenario terlebih dahulu (bukan '{BASELINE_LABEL}').")
    if len(text) > SCENARIO_NAME_MAX:
        raise ScenarioError(f"Nama skenario terlalu panjang (maksimal {SCENARIO_NAME_MAX} karakter).")
    return text


def scenarios_to_json(scenarios: Sequence[Scenario], year: int | None = None, satker: str | None = None) -> str:
    """Scenarios as a JSON document (UTF-8 text) to download and open again later."""
    return json.dumps(
        {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "year": year,
            "satker": satker,
            "scenarios": [s.to_dict() for s in scenarios],
        },
        ensure_ascii=False,
        indent=2,
    )


def scenarios_from_json(text: str | bytes) -> list[Scenario]:
    """Read a document written by :func:`scenarios_to_json`; :class:`ScenarioError` if it is not one."""
    try:
        data = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ScenarioError(
            "Berkas skenario bukan JSON yang sah. Pilih berkas .json yang diunduh dari Simulasi."
        ) from err
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME or not isinstance(data.get("scenarios"), list):
        raise ScenarioError("Berkas ini bukan berkas skenario Dasbor LAKIP (format tidak dikenali).")
    if int(data.get("version") or 0) > FORMAT_VERSION:
        raise ScenarioError(
            "Berkas skenario dibuat oleh versi dasbor yang lebih baru; perbarui dasbor terlebih dahulu."
        )
    scenarios = []
    for item in data["scenarios"]:
        if not isinstance(item, dict):
            raise ScenarioError("Berkas skenario rusak: setiap skenario harus berupa objek.")
        scenarios.append(Scenario.from_dict(item))
    return scenarios


# --- keys and texts ----------------------------------------------------------------------------


def indicator_keys(frame: pd.DataFrame) -> list[str]:
    """``dokumen › sasaran › indikator`` per row; a repeated name gets ``#2``, ``#3`` ..."""
    seen: dict[str, int] = {}
    keys = []
    columns = (
        column_values(frame[IndicatorCol.DOCUMENT]),
        column_values(frame[IndicatorCol.OBJECTIVE]),
        column_values(frame[IndicatorCol.INDICATOR]),
    )
    for doc, obj, ind in zip(*columns, strict=True):
        base = KEY_SEPARATOR.join((str(doc), str(obj), str(ind)))
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base} #{seen[base]}")
    return keys


def budget_keys(lines: pd.DataFrame) -> list[str]:
    """The kegiatan code, or its name when the line has no code."""
    return [str(c) if c else str(n) for c, n in zip(lines[BudgetCol.CODE], lines[BudgetCol.NAME], strict=True)]


def scenario_texts(
    computed: pd.DataFrame, scenario: Scenario | None = None, keys: Sequence[str] | None = None
) -> tuple[list[str], list[str], list[str]]:
    """(keys, targets, actuals) per row: the stored texts with the scenario's edits applied."""
    keys = list(keys if keys is not None else indicator_keys(computed))
    edits = scenario.indicators if scenario else {}
    targets, actuals = [], []
    stored = zip(
        keys,
        column_values(computed[IndicatorCol.TARGET_TEXT]),
        column_values(computed[IndicatorCol.ACTUAL_TEXT]),
        strict=True,
    )
    for key, target, actual in stored:
        edit = edits.get(key, IndicatorEdit())
        targets.append(edit.target_text if edit.target_text is not None else cell_text(target))
        actuals.append(edit.actual_text if edit.actual_text is not None else cell_text(actual))
    return keys, targets, actuals


def edits_from_texts(
    computed: pd.DataFrame, keys: Sequence[object], targets: Sequence[object], actuals: Sequence[object]
) -> dict[str, IndicatorEdit]:
    """The edits that turn the stored texts into these, matched by key (unknown keys are ignored).

    A text equal to the stored one (ignoring spaces) is no edit.
    """
    stored = {
        key: (cell_text(t), cell_text(a))
        for key, t, a in zip(
            indicator_keys(computed),
            column_values(computed[IndicatorCol.TARGET_TEXT]),
            column_values(computed[IndicatorCol.ACTUAL_TEXT]),
            strict=True,
        )
    }
    edits: dict[str, IndicatorEdit] = {}
    for key, target, actual in zip(keys, targets, actuals, strict=True):
        if key not in stored:
            continue
        base_target, base_actual = stored[str(key)]
        new_target, new_actual = cell_text(target), cell_text(actual)
        edit = IndicatorEdit(
            new_target if new_target != base_target else None, new_actual if new_actual != base_actual else None
        )
        if edit != IndicatorEdit():
            edits[str(key)] = edit
    return edits
