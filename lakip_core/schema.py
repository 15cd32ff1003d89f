"""Column names of the frames the core computes, declared once.

Modules and pages index frames with these constants instead of retyping ``"achievement_pct"``.
Each class lists one frame's columns; ``COLUMNS`` is their order. (Checking the frames against
these, e.g. as pandera models, is a later step.)
"""

from __future__ import annotations

from typing import Final

# Where a row came from: on every frame read from a file, so a finding can point at the cell.
ROW: Final = "_row"
SHEET: Final = "_sheet"
FILE: Final = "_file"


class IndicatorCol:
    """The indicator frame (``Report.indicator_frame``, ``analysis.indicators.compute``)."""

    DOCUMENT: Final = "document"
    OBJECTIVE: Final = "objective"
    OBJECTIVE_CODE: Final = "objective_code"
    GROUP: Final = "group"
    INDICATOR: Final = "indicator"
    LABEL: Final = "label"  # the name that stands alone: short sub-items carry their group
    TARGET_TEXT: Final = "target_text"
    ACTUAL_TEXT: Final = "actual_text"
    RENSTRA_TEXT: Final = "renstra_text"
    UNIT_TEXT: Final = "unit_text"
    POLARITY: Final = "polarity"
    FORMULA: Final = "formula"
    STATED_PCT: Final = "stated_pct"
    UNIT: Final = "unit"
    TARGET: Final = "target"
    ACTUAL: Final = "actual"
    ACHIEVEMENT_PCT: Final = "achievement_pct"
    CATEGORY: Final = "category"
    HAS_DATA: Final = "has_data"
    MET: Final = "met"
    # Read from the file (analysis.indicators.from_tables), then computed (compute).
    READ: Final = (
        DOCUMENT,
        OBJECTIVE,
        OBJECTIVE_CODE,
        GROUP,
        INDICATOR,
        TARGET_TEXT,
        ACTUAL_TEXT,
        RENSTRA_TEXT,
        UNIT_TEXT,
        POLARITY,
        FORMULA,
        STATED_PCT,
    )
    COMPUTED: Final = (LABEL, UNIT, TARGET, ACTUAL, ACHIEVEMENT_PCT, CATEGORY, HAS_DATA, MET)
    COLUMNS: Final = READ + COMPUTED


class ObjectiveCol:
    """Per sasaran (``Report.objectives``, ``analysis.indicators.objectives``)."""

    DOCUMENT: Final = "document"
    OBJECTIVE: Final = "objective"
    OBJECTIVE_CODE: Final = "objective_code"
    INDICATORS: Final = "indicators"
    WITH_DATA: Final = "with_data"
    MET: Final = "met"
    MEAN_PCT: Final = "mean_achievement_pct"
    CATEGORY: Final = "category"
    COLUMNS: Final = (DOCUMENT, OBJECTIVE, OBJECTIVE_CODE, INDICATORS, WITH_DATA, MET, MEAN_PCT, CATEGORY)


class BudgetCol:
    """Budget rows (``BudgetData.frame``) and per-kegiatan lines (``Report.budget_lines``)."""

    CODE: Final = "code"
    NAME: Final = "name"
    FUNDING: Final = "funding"
    ALLOCATION: Final = "allocation"
    REALIZED: Final = "realized"
    STATED_PCT: Final = "stated_pct"
    STATED_REMAINING: Final = "stated_remaining"
    IS_LEAF: Final = "is_leaf"
    KEGIATAN: Final = "kegiatan"
    AKUN: Final = "akun"
    JENIS_BELANJA: Final = "jenis_belanja"
    LABEL: Final = "label"  # on total rows: the words (JUMLAH, SUB TOTAL ...)
    ABSORPTION_PCT: Final = "absorption_pct"
    REMAINING: Final = "remaining"
    LINE_COLUMNS: Final = (CODE, NAME, ALLOCATION, REALIZED, ABSORPTION_PCT, REMAINING)


class AssetCol:
    """Asset register lines (``AssetData.frame``)."""

    CATEGORY_SHEET: Final = "category_sheet"
    CODE: Final = "code"
    NUP: Final = "nup"
    NAME: Final = "name"
    BRAND: Final = "brand"
    QUANTITY: Final = "quantity"
    VALUE: Final = "value"
    CONDITION: Final = "condition"
    SOURCE: Final = "source"
    ACQUIRED_YEAR: Final = "acquired_year"
    GROUP: Final = "group"
    USEFUL_LIFE_YEARS: Final = "useful_life_years"
    AGE_YEARS: Final = "age_years"
    PAST_USEFUL_LIFE: Final = "past_useful_life"


class StaffCol:
    """Staff (``StaffData.frame``)."""

    NAME: Final = "name"
    NIP: Final = "nip"
    ROLE: Final = "role"
    GENDER: Final = "gender"
    GENDER_TEXT: Final = "gender_text"
    EDUCATION: Final = "education"
    POSITION: Final = "position"
    UNIT: Final = "unit"
    STATUS: Final = "status"
    RELIGION: Final = "religion"
    DIVISION: Final = "division"
    KORWIL: Final = "korwil"
    BIRTH_PLACE: Final = "birth_place"
    BIRTH_DATE: Final = "birth_date"
    AGE: Final = "age"
    STATED_AGE: Final = "stated_age"
    AGE_BAND: Final = "age_band"


class RollupCol:
    """One row per satker and year in the provincial / national roll-up (``analysis.rollup``)."""

    SATKER: Final = "satker"
    YEAR: Final = "year"
    REGION_LEVEL: Final = "region_level"
    PROVINCE_CODE: Final = "province_code"
    PROVINCE: Final = "province"
    SATKER_CODE: Final = "satker_code"
    ACHIEVEMENT_PCT: Final = "achievement_pct"
    ACHIEVEMENT_CATEGORY: Final = "achievement_category"
    INDICATORS: Final = "indicator_count"
    INDICATORS_WITH_DATA: Final = "indicators_with_data"
    ALLOCATION: Final = "allocation"
    REALIZED: Final = "realized"
    ABSORPTION_PCT: Final = "absorption_pct"
    PERIOD_MONTH: Final = "period_month"
    IKPA_TARGET_PCT: Final = "ikpa_target_pct"
    PACE_PTS: Final = "pace_pts"
    ASSET_UNITS: Final = "asset_units"
    ASSET_GOOD_PCT: Final = "asset_good_pct"
    STAFF_COUNT: Final = "staff_count"
    STAFF_FEMALE_PCT: Final = "staff_female_pct"
    FINDINGS_ERROR: Final = "findings_error"
    FINDINGS_WARNING: Final = "findings_warning"
    KINDS: Final = "kinds"
    UPDATED_AT: Final = "updated_at"
    RANK: Final = "rank"
    OUTLIER: Final = "outlier"
