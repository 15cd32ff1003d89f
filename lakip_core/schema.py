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
    DOCUMENT_KIND: Final = "document_kind"  # rules.documents: pengukuran / analisis / perjanjian / rencana
    OBJECTIVE: Final = "objective"
    OBJECTIVE_CODE: Final = "objective_code"
    GROUP: Final = "group"
    GROUP_ROW: Final = "group_row"  # sheet row of the group line (with its own figure) above it; 0 = none
    IS_GROUP: Final = "is_group"  # a line with its own figure that introduces sub-items
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
    COUNTED: Final = "counted"  # counted once in its document's means (the group rule)
    IN_OFFICE_MEAN: Final = "in_office_mean"  # its document feeds the office mean
    # Read from the file (analysis.indicators.from_tables), then computed (compute).
    READ: Final = (
        DOCUMENT,
        DOCUMENT_KIND,
        OBJECTIVE,
        OBJECTIVE_CODE,
        GROUP,
        GROUP_ROW,
        IS_GROUP,
        INDICATOR,
        TARGET_TEXT,
        ACTUAL_TEXT,
        RENSTRA_TEXT,
        UNIT_TEXT,
        POLARITY,
        FORMULA,
        STATED_PCT,
    )
    COMPUTED: Final = (LABEL, UNIT, TARGET, ACTUAL, ACHIEVEMENT_PCT, CATEGORY, HAS_DATA, MET, COUNTED, IN_OFFICE_MEAN)
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
    # Present when the file has them (export layouts): a row's level (program ... akun, item),
    # its satker, and amounts kept beside pagu/realisasi (GLP039 Lock Pagu and periods, ADK blokir).
    LEVEL: Final = "level"
    SATKER_CODE: Final = "satker_code"
    LOCK: Final = "lock"
    PERIOD_PREV: Final = "period_prev"
    PERIOD_NOW: Final = "period_now"
    BLOCKED: Final = "blocked"
    ABSORPTION_PCT: Final = "absorption_pct"
    REMAINING: Final = "remaining"
    UNFUNDED: Final = "unfunded_realized"  # realisasi on rows without a pagu (blank, "-" or 0)
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
    MODEL: Final = "model"  # Tipe, beside Merk (BRAND)


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
    RANK: Final = "rank"
    GRADE: Final = "grade"
    TMT: Final = "tmt"
    TMT_GRADE: Final = "tmt_grade"
