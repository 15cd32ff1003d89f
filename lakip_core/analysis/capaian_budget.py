"""Capaian against spending: per kegiatan, the achievement of its sasaran beside its absorption.

Sasaran names carry their kegiatan code ("… (3355)") and so do budget lines; joining them by
code puts each kegiatan's capaian (mean of the indicators that feed the office mean, groups once)
beside its penyerapan. A kegiatan then falls in one of four quadrants (thresholds are settings),
and two contradictions become findings: money spent with no capaian at all, and capaian with no
money spent. The efficiency figure of DOMAIN.md (PMK 214/2017) is a labelled secondary number:

    E = Σ(pagu_i × capaian_i − realisasi_i) / Σ(pagu_i × capaian_i)
    nilai efisiensi = 50% + (E / 20%) × 50%

with capaian as a fraction; kegiatan without a pagu, a realisasi or a capaian are left out, and
with Σ(pagu × capaian) = 0 there is no figure (``None``). The simpler comparison used in
practice, capaian minus penyerapan in points, is given per kegiatan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from lakip_core.analysis.budget import BudgetData, absorption, leaves
from lakip_core.analysis.indicators import column_values, office_mask
from lakip_core.presentation.format import format_number, format_percent, format_rupiah
from lakip_core.rules.findings import Finding, at
from lakip_core.rules.settings import Settings
from lakip_core.schema import BudgetCol, IndicatorCol

SPENT_ACHIEVED, SPENT_NOT_ACHIEVED = "Terserap & tercapai", "Terserap, belum tercapai"
ACHIEVED_NOT_SPENT, NEITHER = "Tercapai, belum terserap", "Belum terserap & belum tercapai"
QUADRANTS = (SPENT_ACHIEVED, SPENT_NOT_ACHIEVED, ACHIEVED_NOT_SPENT, NEITHER)


class KegiatanCol:
    """Columns of :func:`by_kegiatan`."""

    CODE = "code"
    NAME = "name"
    OBJECTIVES = "objectives"
    INDICATORS = "indicators"
    ZERO = "indicators_zero"
    CAPAIAN = "capaian_pct"
    ALLOCATION = "allocation"
    REALIZED = "realized"
    ABSORPTION = "absorption_pct"
    GAP = "gap_pts"
    EFFICIENCY = "efficiency_pct"
    QUADRANT = "quadrant"
    COLUMNS = (
        CODE,
        NAME,
        OBJECTIVES,
        INDICATORS,
        ZERO,
        CAPAIAN,
        ALLOCATION,
        REALIZED,
        ABSORPTION,
        GAP,
        EFFICIENCY,
        QUADRANT,
    )


def quadrant(absorption_pct: float | None, capaian_pct: float | None, settings: Settings) -> str | None:
    """Which quadrant a kegiatan is in; ``None`` without a penyerapan or a capaian."""
    if absorption_pct is None or capaian_pct is None or math.isnan(absorption_pct) or math.isnan(capaian_pct):
        return None
    spent = absorption_pct >= settings.spent_threshold_pct
    achieved = capaian_pct >= settings.achieved_threshold_pct
    if spent:
        return SPENT_ACHIEVED if achieved else SPENT_NOT_ACHIEVED
    return ACHIEVED_NOT_SPENT if achieved else NEITHER


def efficiency(
    allocation: np.ndarray, realized: np.ndarray, capaian_pct: np.ndarray
) -> tuple[float | None, float | None]:
    """(E, nilai efisiensi) in percent over the kegiatan with pagu, realisasi and capaian (module docstring)."""
    known = ~(np.isnan(allocation) | np.isnan(realized) | np.isnan(capaian_pct)) & (allocation > 0)
    expected = math.fsum((allocation[known] * capaian_pct[known] / 100).tolist())
    if expected <= 0:
        return None, None
    e = (expected - math.fsum(realized[known].tolist())) / expected
    return e * 100, 50 + (e / 0.20) * 50


def by_kegiatan(computed: pd.DataFrame, lines: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """One row per kegiatan code found in the budget lines or the sasaran names (budget order
    first): its sasaran, indicators with data, how many are 0, capaian (their mean), pagu,
    realisasi, penyerapan, capaian − penyerapan (points), nilai efisiensi and quadrant.

    Indicators are those that feed the office mean (:func:`indicators.office_mask`); a code on
    two sasaran joins both (reported by the indicator checks). Empty without codes on either side.
    """
    columns = list(KegiatanCol.COLUMNS)
    rows = computed[office_mask(computed)] if len(computed) else computed
    codes_ind = (
        [str(c) for c in column_values(rows[IndicatorCol.OBJECTIVE_CODE]) if isinstance(c, str) and c]
        if len(rows)
        else []
    )
    codes_bud = [str(c) for c in lines[BudgetCol.CODE] if c] if len(lines) else []
    if not codes_ind or not codes_bud:
        return pd.DataFrame(columns=columns)
    records = []
    for code in dict.fromkeys([*codes_bud, *codes_ind]):
        mine = rows[rows[IndicatorCol.OBJECTIVE_CODE] == code] if len(rows) else rows
        pcts = mine[IndicatorCol.ACHIEVEMENT_PCT].dropna() if len(mine) else pd.Series(dtype="float64")
        line = lines[lines[BudgetCol.CODE] == code]
        allocation = float(line[BudgetCol.ALLOCATION].sum(min_count=1)) if len(line) else math.nan
        realized = float(line[BudgetCol.REALIZED].sum(min_count=1)) if len(line) else math.nan
        unfunded = float(line[BudgetCol.UNFUNDED].sum()) if len(line) and BudgetCol.UNFUNDED in line else 0.0
        spent = absorption(allocation, realized - unfunded)
        capaian = math.fsum(pcts.tolist()) / len(pcts) if len(pcts) else None
        e_pct, _ = efficiency(np.array([allocation]), np.array([realized]), np.array([capaian or math.nan]))
        records.append(
            {
                KegiatanCol.CODE: code,
                KegiatanCol.NAME: str(line[BudgetCol.NAME].iloc[0]) if len(line) else "",
                KegiatanCol.OBJECTIVES: list(dict.fromkeys(column_values(mine[IndicatorCol.OBJECTIVE]))),
                KegiatanCol.INDICATORS: len(pcts),
                KegiatanCol.ZERO: int((pcts == 0).sum()),
                KegiatanCol.CAPAIAN: capaian,
                KegiatanCol.ALLOCATION: allocation,
                KegiatanCol.REALIZED: realized,
                KegiatanCol.ABSORPTION: spent,
                KegiatanCol.GAP: capaian - spent if capaian is not None and spent is not None else None,
                KegiatanCol.EFFICIENCY: e_pct,
                KegiatanCol.QUADRANT: quadrant(spent, capaian, settings),
            }
        )
    frame = pd.DataFrame.from_records(records, columns=columns)
    for column in (KegiatanCol.CAPAIAN, KegiatanCol.ABSORPTION, KegiatanCol.GAP, KegiatanCol.EFFICIENCY):
        frame[column] = frame[column].astype("float64")
    return frame


@dataclass(frozen=True)
class Efficiency:
    """The office's E and nilai efisiensi (percent), and how many kegiatan they cover."""

    e_pct: float | None
    score_pct: float | None
    kegiatan: int


def office_efficiency(table: pd.DataFrame) -> Efficiency:
    """E and nilai efisiensi over every kegiatan of :func:`by_kegiatan` with pagu, realisasi and capaian."""
    if table.empty:
        return Efficiency(None, None, 0)
    allocation = table[KegiatanCol.ALLOCATION].to_numpy(dtype="float64")
    realized = table[KegiatanCol.REALIZED].to_numpy(dtype="float64")
    capaian = table[KegiatanCol.CAPAIAN].to_numpy(dtype="float64")
    e_pct, score = efficiency(allocation, realized, capaian)
    known = ~(np.isnan(allocation) | np.isnan(realized) | np.isnan(capaian)) & (allocation > 0)
    return Efficiency(e_pct, score, int(known.sum()))


def spent_without_capaian(row: pd.Series) -> bool:
    """Realisasi > 0 while every indicator with data of the kegiatan's sasaran is at 0%."""
    realized, with_data = row[KegiatanCol.REALIZED], int(row[KegiatanCol.INDICATORS])
    return bool(not pd.isna(realized) and realized > 0 and with_data and row[KegiatanCol.ZERO] == with_data)


def capaian_without_spending(row: pd.Series) -> bool:
    """Realisasi exactly 0 while at least one indicator of the kegiatan's sasaran is above 0%."""
    realized, with_data = row[KegiatanCol.REALIZED], int(row[KegiatanCol.INDICATORS])
    return bool(not pd.isna(realized) and realized == 0 and with_data and row[KegiatanCol.ZERO] < with_data)


def flagged(table: pd.DataFrame) -> frozenset[str]:
    """Codes of the kegiatan with a contradiction: spent without capaian, capaian without
    spending, or one code on several sasaran."""
    return frozenset(
        str(row[KegiatanCol.CODE])
        for _, row in table.iterrows()
        if spent_without_capaian(row) or capaian_without_spending(row) or len(row[KegiatanCol.OBJECTIVES]) > 1
    )


def _where(budget: BudgetData | None, computed: pd.DataFrame, code: str) -> pd.Series | dict[str, object]:
    """A row to point a finding at: the kegiatan's budget row, else its first indicator."""
    if budget is not None:
        rows = leaves(budget)
        mine = rows[rows[BudgetCol.KEGIATAN] == code] if len(rows) else rows
        if len(mine):
            return mine.iloc[0]
    mine = computed[computed[IndicatorCol.OBJECTIVE_CODE] == code]
    return mine.iloc[0] if len(mine) else {}


def check(table: pd.DataFrame, computed: pd.DataFrame, budget: BudgetData | None) -> list[Finding]:
    """Money spent with no capaian; capaian with no money; a kegiatan only on one side (info)."""
    found: list[Finding] = []
    for _, k in table.iterrows():
        code, name = k[KegiatanCol.CODE], k[KegiatanCol.NAME] or "tanpa nama"
        realized, allocation = k[KegiatanCol.REALIZED], k[KegiatanCol.ALLOCATION]
        with_data = int(k[KegiatanCol.INDICATORS])
        where = _where(budget, computed, code)
        if spent_without_capaian(k):
            found.append(
                at(
                    where,
                    "warning",
                    "SPENT_WITHOUT_CAPAIAN",
                    f"Kegiatan {code} ({name}): {format_rupiah(realized)} dari pagu {format_rupiah(allocation)} "
                    f"terserap ({format_percent(k[KegiatanCol.ABSORPTION])}), tetapi "
                    + ("satu-satunya indikator" if with_data == 1 else f"semua {with_data} indikator")
                    + " sasarannya bercapaian 0%.",
                    "budget",
                )
            )
        if capaian_without_spending(k):
            mine = computed[office_mask(computed) & (computed[IndicatorCol.OBJECTIVE_CODE] == code).to_numpy()]
            best = mine.sort_values(IndicatorCol.ACHIEVEMENT_PCT, ascending=False, kind="stable").iloc[0]
            found.append(
                at(
                    where,
                    "warning",
                    "CAPAIAN_WITHOUT_SPENDING",
                    f"Kegiatan {code} ({name}): realisasi anggaran Rp 0 dari pagu {format_rupiah(allocation)}, "
                    f"tetapi indikator '{best[IndicatorCol.INDICATOR]}' bercapaian "
                    f"{format_percent(best[IndicatorCol.ACHIEVEMENT_PCT])}. Periksa realisasi anggarannya atau "
                    "sumber dana capaian tersebut.",
                    "budget",
                )
            )
        if pd.isna(allocation) and pd.isna(realized):
            found.append(
                at(
                    where,
                    "info",
                    "KEGIATAN_WITHOUT_BUDGET",
                    f"Kode kegiatan {code} pada sasaran {', '.join(repr(o) for o in k[KegiatanCol.OBJECTIVES])} "
                    "tidak ada di data anggaran.",
                    "indicators",
                )
            )
        elif not with_data and not k[KegiatanCol.OBJECTIVES]:
            found.append(
                at(
                    where,
                    "info",
                    "BUDGET_WITHOUT_SASARAN",
                    f"Kegiatan {code} ({name}, pagu {format_rupiah(allocation)}) tidak tercantum pada sasaran mana pun "
                    "di tabel capaian kinerja: capaiannya tidak dapat dibandingkan dengan belanjanya.",
                    "budget",
                )
            )
    return found


def summary_line(table: pd.DataFrame) -> str:
    """One sentence for a commissioner: how many kegiatan in each quadrant."""
    counts = table[KegiatanCol.QUADRANT].value_counts() if len(table) else pd.Series(dtype="int64")
    parts = [f"{format_number(int(counts[q]))} {q.lower()}" for q in QUADRANTS if q in counts.index]
    return (
        f"{len(table)} kegiatan: " + ", ".join(parts) + "." if parts else "Belum ada kegiatan yang dapat dipasangkan."
    )
