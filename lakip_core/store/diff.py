"""What changed between two stored versions' parsed rows (the Versi Data page's comparison)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from lakip_core.intake.kinds import kind_name

# Columns that identify a row of each kind when comparing two versions.
COMPARE_KEYS: dict[str, tuple[str, ...]] = {
    "indicators": ("document", "objective", "indicator"),
    "budget": ("code", "name"),
    "assets": ("category_sheet", "code", "nup", "name", "brand"),
    "staff": ("name", "nip"),
    "plan": ("code", "name"),
}


@dataclass(frozen=True)
class VersionDiff:
    """What changed between two versions' parsed rows (matched by :data:`COMPARE_KEYS`)."""

    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # key, kolom, lama, baru
    unchanged: int


def _keyed(frame: pd.DataFrame, keys: tuple[str, ...]) -> pd.DataFrame:
    present = [k for k in keys if k in frame.columns]
    data = frame.drop(columns=[c for c in frame.columns if c.startswith("_")]).astype(object)
    data = data.where(pd.notna(data), None)
    label = data[present].astype(str).agg(" · ".join, axis=1) if present else pd.Series("", index=data.index)
    # Duplicated keys are matched in file order.
    data.index = label + label.groupby(label).cumcount().map(lambda n: "" if n == 0 else f" (#{n + 1})")
    return data


def compare_rows(old: pd.DataFrame, new: pd.DataFrame, kind: str) -> VersionDiff:
    """Rows added, removed and changed (per column) from ``old`` to ``new``.

    Values are compared as stored (text as text, numbers as numbers); a column present in only
    one version counts as changed for every matched row whose value differs from blank.
    """
    keys = COMPARE_KEYS[kind_name(kind)]
    before, after = _keyed(old, keys), _keyed(new, keys)
    added = after.loc[[k for k in after.index if k not in before.index]]
    removed = before.loc[[k for k in before.index if k not in after.index]]
    columns = [c for c in dict.fromkeys([*before.columns, *after.columns]) if c not in keys]
    changes: list[dict[str, Any]] = []
    unchanged = 0
    for key in (k for k in after.index if k in before.index):
        differs = False
        for column in columns:
            a = before.at[key, column] if column in before.columns else None
            b = after.at[key, column] if column in after.columns else None
            if not _same(a, b):
                changes.append({"baris": key, "kolom": column, "lama": a, "baru": b})
                differs = True
        unchanged += not differs
    changed = pd.DataFrame(changes, columns=["baris", "kolom", "lama", "baru"])
    return VersionDiff(added.reset_index(drop=True), removed.reset_index(drop=True), changed, unchanged)


def _same(a: object, b: object) -> bool:
    # A blank is a blank: rows stored before a column existed (None) equal an empty cell ("").
    if a is None or b is None or a == "" or b == "":
        return a in (None, "") and b in (None, "")
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(float(a) - float(b)) < 1e-9
    return str(a) == str(b)
