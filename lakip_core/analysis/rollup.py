"""The provincial / national roll-up: satker side by side, ranked, their spread and outliers.

Built from the stored per-version figures (:meth:`lakip_core.store.Store.current_summaries`),
never from the files: :func:`satker_table` makes one row per satker and year, :func:`ranked`
orders it by one measure, :func:`spread` gives the quartiles and the outliers.

Outliers follow Tukey's rule: a value below Q1 − 1,5 × IQR or above Q3 + 1,5 × IQR, where Q1/Q3
are the 25th/75th percentiles (linear interpolation) of the satker shown and IQR = Q3 − Q1. It
needs at least :data:`MIN_FOR_SPREAD` values; with fewer, no satker is called an outlier.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lakip_core.rules.ikpa import Targets, month_target, pace_gap
from lakip_core.rules.settings import Settings
from lakip_core.schema import RollupCol as R

MIN_FOR_SPREAD = 4
IQR_FACTOR = 1.5
LOW, HIGH = "rendah", "tinggi"


@dataclass(frozen=True)
class Metric:
    """A measure satker are ranked by: its column, Indonesian label, unit (``%`` or ``poin``)."""

    key: str
    column: str
    label: str
    unit: str
    help: str


METRICS: dict[str, Metric] = {
    "capaian": Metric(
        "capaian",
        R.ACHIEVEMENT_PCT,
        "Capaian kinerja kantor",
        "%",
        "Rata-rata capaian indikator yang memiliki realisasi, dari berkas indikator yang berlaku.",
    ),
    "penyerapan": Metric(
        "penyerapan",
        R.ABSORPTION_PCT,
        "Penyerapan anggaran",
        "%",
        "Realisasi dibagi pagu, dari berkas anggaran yang berlaku.",
    ),
    "laju": Metric(
        "laju",
        R.PACE_PTS,
        "Laju penyerapan terhadap target IKPA",
        "poin",
        "Penyerapan s.d. bulan laporan dikurangi target IKPA triwulan itu (per jenis belanja, "
        "ditimbang pagu). Positif = di atas target. Perlu berkas anggaran yang menyebut periodenya.",
    ),
}

_KIND_FIELDS = {
    "indicators": (R.ACHIEVEMENT_PCT, R.ACHIEVEMENT_CATEGORY, R.INDICATORS, R.INDICATORS_WITH_DATA),
    "budget": (R.ALLOCATION, R.REALIZED, R.ABSORPTION_PCT, R.PERIOD_MONTH, "jenis_belanja"),
    "assets": (R.ASSET_UNITS, R.ASSET_GOOD_PCT),
    "staff": (R.STAFF_COUNT, R.STAFF_FEMALE_PCT),
}
COLUMNS = (
    R.SATKER,
    R.YEAR,
    R.REGION_LEVEL,
    R.PROVINCE_CODE,
    R.PROVINCE,
    R.SATKER_CODE,
    R.ACHIEVEMENT_PCT,
    R.ACHIEVEMENT_CATEGORY,
    R.INDICATORS,
    R.INDICATORS_WITH_DATA,
    R.ALLOCATION,
    R.REALIZED,
    R.ABSORPTION_PCT,
    R.PERIOD_MONTH,
    R.IKPA_TARGET_PCT,
    R.PACE_PTS,
    R.ASSET_UNITS,
    R.ASSET_GOOD_PCT,
    R.STAFF_COUNT,
    R.STAFF_FEMALE_PCT,
    R.FINDINGS_ERROR,
    R.FINDINGS_WARNING,
    R.KINDS,
    R.UPDATED_AT,
)
_FLOATS = (
    R.ACHIEVEMENT_PCT,
    R.ALLOCATION,
    R.REALIZED,
    R.ABSORPTION_PCT,
    R.IKPA_TARGET_PCT,
    R.PACE_PTS,
    R.ASSET_GOOD_PCT,
    R.STAFF_FEMALE_PCT,
)
_COUNTS = (R.INDICATORS, R.INDICATORS_WITH_DATA, R.PERIOD_MONTH, R.ASSET_UNITS, R.STAFF_COUNT)


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def published_targets(year: int) -> Targets:
    """The IKPA targets of the default settings for ``year`` (the page passes the office's)."""
    return Settings(year=year).ikpa


def _pace(month: Any, absorption: Any, jenis_json: Any, targets: Targets) -> tuple[float | None, float | None]:
    if _missing(month) or _missing(absorption) or not jenis_json:
        return None, None
    by_jenis = {
        code: float(pagu) for code, (pagu, _realized) in json.loads(str(jenis_json)).items() if pagu is not None
    }
    target = month_target(int(month), by_jenis, targets)
    return target, pace_gap(float(absorption), target)


def satker_table(summaries: pd.DataFrame, targets: Callable[[int], Targets] = published_targets) -> pd.DataFrame:
    """One row per satker and year from the current versions' figures (columns :data:`COLUMNS`).

    Each kind's fields come from that kind's current version; with several current budget
    versions (monthly snapshots) the latest month counts. Missing kinds leave their fields
    empty (no data, never 0). Findings are summed over the kinds. ``pace_pts`` is the
    absorption minus the IKPA target at the budget's month (:func:`.rules.ikpa.month_target`: the
    pagu-weighted quarter targets, linear between quarter ends, as on Anggaran's year screen);
    empty when the budget file names no month. ``targets(year)`` gives that year's IKPA targets.
    """
    if summaries.empty:
        return pd.DataFrame(columns=list(COLUMNS))
    rows = summaries.sort_values(["kind", "period_month", "version_id"], na_position="first", kind="stable")
    rows = rows.drop_duplicates([R.SATKER, R.YEAR, "kind"], keep="last")
    keys = [R.SATKER, R.YEAR]
    table = (
        rows.groupby(keys, sort=True)
        .agg(
            region_level=(R.REGION_LEVEL, "first"),
            province_code=(R.PROVINCE_CODE, "first"),
            province=(R.PROVINCE, "first"),
            satker_code=(R.SATKER_CODE, "first"),
            findings_error=(R.FINDINGS_ERROR, "sum"),
            findings_warning=(R.FINDINGS_WARNING, "sum"),
            kinds=("kind", "nunique"),
            updated_at=("uploaded_at", "max"),
        )
        .reset_index()
    )
    for kind, fields in _KIND_FIELDS.items():
        part = rows.loc[rows["kind"] == kind, [*keys, *fields]]
        table = table.merge(part, on=keys, how="left")
    by_year = {int(y): targets(int(y)) for y in table[R.YEAR].unique()}
    paces = [
        _pace(m, a, j, by_year[int(y)])
        for y, m, a, j in zip(
            table[R.YEAR], table[R.PERIOD_MONTH], table[R.ABSORPTION_PCT], table["jenis_belanja"], strict=True
        )
    ]
    table[R.IKPA_TARGET_PCT] = [p[0] for p in paces]
    table[R.PACE_PTS] = [p[1] for p in paces]
    for column in _FLOATS:
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("float64")
    for column in _COUNTS:
        table[column] = pd.to_numeric(table[column], errors="coerce").astype("Int64")
    return table[list(COLUMNS)]


def filtered(
    table: pd.DataFrame, year: int | None = None, province_code: str | None = None, level: str | None = None
) -> pd.DataFrame:
    """The rows of one year, one province (``province_code``) and one level (``provinsi`` or
    ``kabkota``); ``None`` keeps all."""
    keep = pd.Series(True, index=table.index)
    if year is not None:
        keep &= table[R.YEAR] == year
    if province_code is not None:
        keep &= table[R.PROVINCE_CODE] == province_code
    if level == "kabkota":
        keep &= table[R.REGION_LEVEL].isin(["kabupaten", "kota"])
    elif level is not None:
        keep &= table[R.REGION_LEVEL] == level
    return table[keep]


@dataclass(frozen=True)
class Spread:
    """Quartiles and Tukey fences of one measure over the satker shown."""

    count: int
    q1: float
    median: float
    q3: float
    low_fence: float
    high_fence: float

    @property
    def iqr(self) -> float:
        return self.q3 - self.q1


def spread(values: pd.Series) -> Spread | None:
    """The spread of the values with data; ``None`` with fewer than :data:`MIN_FOR_SPREAD`."""
    data = pd.to_numeric(values, errors="coerce").dropna().to_numpy(dtype="float64")
    if len(data) < MIN_FOR_SPREAD:
        return None
    q1, median, q3 = (float(v) for v in np.percentile(data, [25, 50, 75]))
    iqr = q3 - q1
    return Spread(len(data), q1, median, q3, q1 - IQR_FACTOR * iqr, q3 + IQR_FACTOR * iqr)


def outlier_flags(values: pd.Series, found: Spread | None) -> pd.Series:
    """``rendah`` below the low fence, ``tinggi`` above the high fence, ``""`` otherwise or without data."""
    flags = pd.Series("", index=values.index, dtype=object)
    if found is None:
        return flags
    numbers = pd.to_numeric(values, errors="coerce")
    flags[numbers < found.low_fence] = LOW
    flags[numbers > found.high_fence] = HIGH
    return flags


def ranked(table: pd.DataFrame, metric: Metric) -> tuple[pd.DataFrame, Spread | None]:
    """``table`` ordered best first by ``metric`` with a ``rank`` (ties share the better rank;
    rows without data last, unranked) and an ``outlier`` flag; and the spread it was judged by."""
    values = pd.to_numeric(table[metric.column], errors="coerce")
    found = spread(values)
    out = table.assign(
        **{
            R.RANK: values.rank(ascending=False, method="min").astype("Int64"),
            R.OUTLIER: outlier_flags(values, found),
        }
    )
    out = out.assign(_value=values).sort_values(["_value", R.SATKER], ascending=[False, True], na_position="last")
    return out.drop(columns="_value").reset_index(drop=True), found
