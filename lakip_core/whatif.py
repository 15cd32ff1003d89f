"""What-if (simulasi): edit targets, realisasi, pagu; recompute indicator, sasaran and office figures.

A :class:`Scenario` is a named set of edits on top of the stored figures; it never changes the
report. Indicators are addressed by a readable key (``dokumen › sasaran › indikator``, with
``#2`` for a repeated name) so that a scenario saved as JSON can be reopened on the same data.

Recomputing is incremental: only edited rows are parsed again, and the sasaran and office means
are sums over group codes (``numpy.bincount``), which keeps 1,000 indicators well under 50 ms
(``benchmarks/bench_whatif.py``). The results are the same as :func:`indicators.objectives` and
:func:`indicators.office` on the edited frame (tested).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from . import indicators as indicators_mod
from .achievement import achievement, required_actual
from .budget import BudgetTotals, absorption
from .errors import LakipError
from .numbers import ORDINAL_SCALES, Value, format_number, parse_number, parse_value
from .settings import Settings

KEY_SEPARATOR = " › "
FORMAT_NAME = "dasbor-lakip-skenario"
FORMAT_VERSION = 1

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

# Units counted in whole numbers: a required realisasi is rounded to a whole unit.
COUNTED_UNITS = frozenset(
    {"Laporan", "Dokumen", "Unit", "Paket", "Orang", "Kali", "Kegiatan", "Buah", "Kasus", "Bulan", "Stel", "Set"}
)


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
    return None if value is None else " ".join(str(value).split())


def _opt_amount(value: object) -> float | None:
    if value is None:
        return None
    number = parse_number(value)
    if number is None:
        raise ValueError(f"not an amount: {value!r}")
    return number


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


# --- keys and editable tables ------------------------------------------------------------------


def _values(series: pd.Series) -> list[Any]:
    """A column as a plain list (iterating an Arrow string column element by element is slow)."""
    return series.to_numpy(dtype=object).tolist()


def indicator_keys(frame: pd.DataFrame) -> list[str]:
    """``dokumen › sasaran › indikator`` per row; a repeated name gets ``#2``, ``#3`` ..."""
    seen: dict[str, int] = {}
    keys = []
    columns = (_values(frame["document"]), _values(frame["objective"]), _values(frame["indicator"]))
    for doc, obj, ind in zip(*columns, strict=True):
        base = KEY_SEPARATOR.join((str(doc), str(obj), str(ind)))
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base} #{seen[base]}")
    return keys


def budget_keys(lines: pd.DataFrame) -> list[str]:
    """The kegiatan code, or its name when the line has no code."""
    return [str(c) if c else str(n) for c, n in zip(lines["code"], lines["name"], strict=True)]


def _clean(text: object) -> str:
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return " ".join(str(text).split())


def indicator_editor_table(computed: pd.DataFrame, scenario: Scenario | None = None) -> pd.DataFrame:
    """Kunci, Indikator, Target, Realisasi, Satuan, Sasaran, Dokumen: stored texts with the scenario's edits.

    The editable columns come right after the name so they stay on screen in a narrow window.
    """
    keys = indicator_keys(computed)
    edits = scenario.indicators if scenario else {}
    targets, actuals = [], []
    for key, target, actual in zip(keys, computed["target_text"], computed["actual_text"], strict=True):
        edit = edits.get(key, IndicatorEdit())
        targets.append(edit.target_text if edit.target_text is not None else _clean(target))
        actuals.append(edit.actual_text if edit.actual_text is not None else _clean(actual))
    labels = computed["label"] if "label" in computed.columns else computed["indicator"]
    return pd.DataFrame(
        {
            COL_KEY: keys,
            COL_INDICATOR: labels.to_numpy(),
            COL_TARGET: targets,
            COL_ACTUAL: actuals,
            COL_UNIT: computed["unit"].fillna("").to_numpy() if "unit" in computed.columns else "",
            COL_OBJECTIVE: computed["objective"].to_numpy(),
            COL_DOCUMENT: computed["document"].to_numpy(),
        }
    )


def indicator_edits_from_table(computed: pd.DataFrame, table: pd.DataFrame) -> dict[str, IndicatorEdit]:
    """The edits a table (from :func:`indicator_editor_table`, then edited) makes to the stored texts.

    Rows are matched by :data:`COL_KEY`; a cell equal to the stored text (ignoring spaces) is no edit.
    """
    stored = {
        key: (_clean(t), _clean(a))
        for key, t, a in zip(indicator_keys(computed), computed["target_text"], computed["actual_text"], strict=True)
    }
    edits: dict[str, IndicatorEdit] = {}
    for key, target, actual in zip(table[COL_KEY], table[COL_TARGET], table[COL_ACTUAL], strict=True):
        if key not in stored:
            continue
        base_target, base_actual = stored[key]
        new_target, new_actual = _clean(target), _clean(actual)
        edit = IndicatorEdit(
            new_target if new_target != base_target else None, new_actual if new_actual != base_actual else None
        )
        if edit != IndicatorEdit():
            edits[key] = edit
    return edits


def budget_editor_table(lines: pd.DataFrame, scenario: Scenario | None = None) -> pd.DataFrame:
    """Kode, Kegiatan, Pagu (Rp), Realisasi (Rp) as Indonesian-formatted text, with the scenario's edits."""
    edits = scenario.budget if scenario else {}
    allocations, realized = [], []
    for key, alloc, real in zip(budget_keys(lines), lines["allocation"], lines["realized"], strict=True):
        edit = edits.get(key, BudgetEdit())
        allocations.append(format_number(edit.allocation if edit.allocation is not None else alloc))
        realized.append(format_number(edit.realized if edit.realized is not None else real))
    return pd.DataFrame(
        {
            COL_CODE: [str(c) for c in lines["code"]],
            COL_ACTIVITY: [str(n) for n in lines["name"]],
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
            (COL_ALLOCATION, "allocation", lines["allocation"].iloc[position]),
            (COL_REALIZED, "realized", lines["realized"].iloc[position]),
        ):
            text = _clean(row[column])
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


# --- recomputation -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Simulation:
    """Baseline vs scenario at three levels, and problems with the edited cells (Indonesian)."""

    indicators: pd.DataFrame
    objectives: pd.DataFrame
    baseline: indicators_mod.OfficeAchievement
    scenario: indicators_mod.OfficeAchievement
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

    Only edited rows are parsed again (see :func:`indicators.compute`); the others are copied.
    ``keys`` are the frame's :func:`indicator_keys` when the caller already has them.
    """
    out = computed.copy()
    position = {key: i for i, key in enumerate(keys if keys is not None else indicator_keys(computed))}
    unknown = [key for key in scenario.indicators if key not in position]
    rows = sorted(position[key] for key in scenario.indicators if key in position)
    if not rows:
        return out, unknown
    # Whole-column assignment: setting cells one by one in an Arrow string column is slow.
    targets = out["target_text"].to_numpy(dtype=object, copy=True)
    actuals = out["actual_text"].to_numpy(dtype=object, copy=True)
    for key, edit in scenario.indicators.items():
        if key in position:
            if edit.target_text is not None:
                targets[position[key]] = edit.target_text
            if edit.actual_text is not None:
                actuals[position[key]] = edit.actual_text
    out["target_text"] = pd.Series(targets, index=out.index, dtype=computed["target_text"].dtype)
    out["actual_text"] = pd.Series(actuals, index=out.index, dtype=computed["actual_text"].dtype)
    fresh = _compute_rows(out.iloc[rows], settings)
    for column in ("unit", "target", "actual", "achievement_pct", "has_data", "category", "met"):
        values = out[column].to_numpy(dtype=object if out[column].dtype == object else None, copy=True)
        values[rows] = fresh[column].to_numpy()
        out[column] = pd.Series(values, index=out.index, dtype=out[column].dtype)
    return out, unknown


_parse = functools.lru_cache(maxsize=8192)(parse_value)


def _compute_rows(rows: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """:func:`indicators.compute` for edited rows, parsing each distinct text once.

    Same rules and results as the core (a property test compares them); edited tables repeat
    the same few texts (``90%``, ``100%``), so the cache makes a bulk rule cheap.
    """
    targets = [_parse(t) for t in _values(rows["target_text"])]
    actuals = [_parse(a) for a in _values(rows["actual_text"])]
    polarity, formula = _values(rows["polarity"]), _values(rows["formula"])
    pcts = [
        achievement(t, a, p, f, settings.cap_pct)
        for t, a, p, f in zip(targets, actuals, polarity, formula, strict=True)
    ]
    unit_texts = _values(rows["unit_text"]) if "unit_text" in rows.columns else [""] * len(rows)
    return pd.DataFrame(
        {
            "unit": pd.Series(
                [(u or None) or t.unit or a.unit for u, t, a in zip(unit_texts, targets, actuals, strict=True)],
                dtype=object,
            ),
            "target": pd.Series([t.number if t.kind != "range" else t.low for t in targets], dtype="float64"),
            "actual": pd.Series([a.number for a in actuals], dtype="float64"),
            "achievement_pct": pd.Series(pcts, dtype="float64"),
            "has_data": [a.kind != "missing" for a in actuals],
            "category": [settings.scale.rate(p) for p in pcts],
            "met": [p is not None and p >= 100 for p in pcts],
        }
    )


def _edit_problems(frame: pd.DataFrame, keys: Sequence[str], scenario: Scenario, unknown: Iterable[str]) -> list[str]:
    problems = [f"Perubahan untuk '{key}' tidak cocok dengan indikator mana pun dan diabaikan." for key in unknown]
    pcts = frame["achievement_pct"].to_numpy(dtype="float64")
    for key, target, actual, pct in zip(
        keys, _values(frame["target_text"]), _values(frame["actual_text"]), pcts, strict=True
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


def _objective_codes(frame: pd.DataFrame) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Group code per row for (document, objective), in order of first appearance (as groupby(sort=False))."""
    pairs = list(zip(_values(frame["document"]), _values(frame["objective"]), strict=True))
    index: dict[tuple[str, str], int] = {}
    codes = np.fromiter((index.setdefault(pair, len(index)) for pair in pairs), dtype="int64", count=len(pairs))
    return codes, list(index)


def _group_means(codes: np.ndarray, groups: int, pcts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per group: mean of the non-missing values (NaN when none) and their count."""
    present = ~np.isnan(pcts)
    counts = np.bincount(codes[present], minlength=groups)
    sums = np.bincount(codes[present], weights=pcts[present], minlength=groups)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return means, counts


def _office(
    pcts: np.ndarray, met: np.ndarray, objective_means: np.ndarray, settings: Settings
) -> indicators_mod.OfficeAchievement:
    present = ~np.isnan(pcts)
    with_data = int(present.sum())
    mean = float(pcts[present].mean()) if with_data else None
    obj = objective_means[~np.isnan(objective_means)]
    met_count = int(met.sum())
    return indicators_mod.OfficeAchievement(
        count=len(pcts),
        with_data=with_data,
        met=met_count,
        not_met=with_data - met_count,
        mean_pct=mean,
        mean_of_objectives_pct=float(obj.mean()) if len(obj) else None,
        category=settings.scale.rate(mean),
    )


def simulate(computed: pd.DataFrame, scenario: Scenario, settings: Settings) -> Simulation:
    """Recompute a scenario against the stored (computed) indicator frame.

    ``indicators``: key, document, objective, label, unit, target/realisasi texts and capaian
    before and after, ``delta_pts`` (``NaN`` when either side has no data), categories, ``changed``.
    ``objectives``: per sasaran, mean before and after, ``delta_pts``, categories.
    Means leave out indicators without data, as :func:`indicators.office` does.
    """
    keys = indicator_keys(computed)
    frame, unknown = apply(computed, scenario, settings, keys)
    base = computed["achievement_pct"].to_numpy(dtype="float64")
    scen = frame["achievement_pct"].to_numpy(dtype="float64")
    codes, uniques = _objective_codes(computed)
    groups = len(uniques)
    base_means, base_counts = _group_means(codes, groups, base)
    scen_means, scen_counts = _group_means(codes, groups, scen)
    rate = settings.scale.rate
    texts_changed = (computed["target_text"].to_numpy() != frame["target_text"].to_numpy()) | (
        computed["actual_text"].to_numpy() != frame["actual_text"].to_numpy()
    )
    pct_changed = ~((base == scen) | (np.isnan(base) & np.isnan(scen)))
    indicators = pd.DataFrame(
        {
            "key": keys,
            "document": computed["document"].to_numpy(),
            "objective": computed["objective"].to_numpy(),
            "label": (computed["label"] if "label" in computed.columns else computed["indicator"]).to_numpy(),
            "unit": frame["unit"].to_numpy(),
            "target_text_base": computed["target_text"].to_numpy(),
            "target_text": frame["target_text"].to_numpy(),
            "actual_text_base": computed["actual_text"].to_numpy(),
            "actual_text": frame["actual_text"].to_numpy(),
            "pct_base": base,
            "pct": scen,
            "delta_pts": scen - base,
            "category_base": computed["category"].to_numpy(),
            "category": frame["category"].to_numpy(),
            "changed": texts_changed | pct_changed,
        }
    )
    objective_names = [name for _, name in uniques]
    objectives = pd.DataFrame(
        {
            "document": [doc for doc, _ in uniques],
            "objective": objective_names,
            "indicators": np.bincount(codes, minlength=groups),
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
        baseline=_office(base, computed["met"].to_numpy(dtype=bool), base_means, settings),
        scenario=_office(scen, frame["met"].to_numpy(dtype=bool), scen_means, settings),
        scenario_frame=frame,
        problems=tuple(_edit_problems(frame, keys, scenario, unknown)),
    )


# --- questions ---------------------------------------------------------------------------------


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
        pct = row["achievement_pct"]
        if not pd.isna(pct) and pct >= bound:
            continue
        target = parse_value(row["target_text"])
        needed = required_actual(target, bound, row["polarity"], row["formula"]) if math.isfinite(bound) else None
        unit = row["unit"] if isinstance(row["unit"], str) else None
        records.append(
            {
                "key": key,
                "document": row["document"],
                "objective": row["objective"],
                "label": row["label"] if "label" in frame.columns else row["indicator"],
                "target_text": row["target_text"],
                "actual_text": row["actual_text"],
                "pct": pct,
                "category": row["category"],
                "required": None if needed is None else _format_required(needed, target, unit, row["polarity"]),
            }
        )
    columns = ["key", "document", "objective", "label", "target_text", "actual_text", "pct", "category", "required"]
    return pd.DataFrame.from_records(records, columns=columns)


def influence(frame: pd.DataFrame, settings: Settings, reach_pct: float = 100.0) -> pd.DataFrame:
    """Which indicators move the office average most if each alone reached ``reach_pct`` capaian.

    With n indicators with data and sum S: raising indicator i from p_i gives
    ``gain_office_pts = (reach − p_i) / n``; an indicator without data that is measured at
    ``reach`` gives ``(reach − mean) / (n + 1)``. ``gain_objectives_pts`` is the same for the
    mean of sasaran means, where an indicator weighs ``1 / (sasaran × indicators of its sasaran)``.
    Only indicators below ``reach_pct`` (or without data) are listed, largest gain first.
    """
    pcts = frame["achievement_pct"].to_numpy(dtype="float64")
    present = ~np.isnan(pcts)
    n = int(present.sum())
    columns = ["key", "document", "objective", "label", "pct", "category", "gain_office_pts", "gain_objectives_pts"]
    if not len(frame):
        return pd.DataFrame(columns=columns)
    mean = float(pcts[present].mean()) if n else float("nan")
    codes, uniques = _objective_codes(frame)
    obj_means, obj_counts = _group_means(codes, len(uniques), pcts)
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
            "key": indicator_keys(frame),
            "document": frame["document"].to_numpy(),
            "objective": frame["objective"].to_numpy(),
            "label": (frame["label"] if "label" in frame.columns else frame["indicator"]).to_numpy(),
            "pct": pcts,
            "category": frame["category"].to_numpy(),
            "gain_office_pts": gains_office,
            "gain_objectives_pts": gains_obj,
        }
    )
    table = table[np.isnan(pcts) | (pcts < reach_pct)]
    ordered = table.sort_values(["gain_office_pts", "gain_objectives_pts"], ascending=False, kind="stable")
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
    text_col = COL_TARGET if column == "target" else COL_ACTUAL
    table = indicator_editor_table(frame, scenario)
    count = 0
    texts = []
    for text in table[text_col]:
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
    table[text_col] = texts
    edits = indicator_edits_from_table(frame, table)
    return Scenario(scenario.name, edits, scenario.budget, scenario.note), count


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
    alloc = lines["allocation"].to_numpy(dtype="float64").copy()
    real = lines["realized"].to_numpy(dtype="float64").copy()
    position = {key: i for i, key in enumerate(keys)}
    for key, edit in scenario.budget.items():
        if key not in position:
            continue
        if edit.allocation is not None:
            alloc[position[key]] = edit.allocation
        if edit.realized is not None:
            real[position[key]] = edit.realized
    base_alloc = lines["allocation"].to_numpy(dtype="float64")
    base_real = lines["realized"].to_numpy(dtype="float64")
    table = pd.DataFrame(
        {
            "key": keys,
            "code": lines["code"].to_numpy(),
            "name": lines["name"].to_numpy(),
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

BASELINE_LABEL = "Data tersimpan"


@dataclass(frozen=True)
class ScenarioFigures:
    """The headline figures of one scenario (or of the stored data)."""

    name: str
    office: indicators_mod.OfficeAchievement
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
