"""Column names of the frames the core computes, declared once.

Modules and pages index frames with these constants instead of retyping ``"achievement_pct"``.
Each class lists one frame's columns; ``COLUMNS`` is their order. The core frames are checked
against declared schemas built on these names: :mod:`lakip_core.frame_schemas` (pandera).
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
    SATKER_NAME: Final = "satker_name"
    KDGIAT: Final = "kdgiat"  # flat SAKTI downloads: the kegiatan code column
    KEGIATAN_NAME: Final = "kegiatan_name"  # flat SAKTI downloads: nmgiat
    KEGIATAN_CODE: Final = "kegiatan_code"  # the kegiatan key a layout states
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
    ACQUIRED_DATE: Final = "acquired_date"  # the acquisition date when the file has one (ages by date)
    SATKER_CODE: Final = "satker_code"  # registers listing several satker (Kode Satker / KD_SATKER)
    SATKER_NAME: Final = "satker_name"
    DEPRECIATION: Final = "depreciation"  # Nilai Penyusutan / RPH_SUSUT
    BOOK_VALUE: Final = "book_value"  # Nilai Buku / NILAI_BUKU


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


class ScenarioCol:
    """What-if frames (``analysis.whatif``): per indicator and per sasaran (``Simulation``), per kegiatan
    (``simulate_budget``), and the questions (``required_for``, ``influence``). ``*_BASE`` = the stored
    figure, the plain name = the scenario's."""

    KEY: Final = "key"  # the scenario edit key: document › sasaran › indicator, or the kegiatan
    DOCUMENT: Final = "document"
    OBJECTIVE: Final = "objective"
    LABEL: Final = "label"
    UNIT: Final = "unit"
    TARGET_TEXT_BASE: Final = "target_text_base"
    TARGET_TEXT: Final = "target_text"
    ACTUAL_TEXT_BASE: Final = "actual_text_base"
    ACTUAL_TEXT: Final = "actual_text"
    PCT_BASE: Final = "pct_base"
    PCT: Final = "pct"
    DELTA_PTS: Final = "delta_pts"
    CATEGORY_BASE: Final = "category_base"
    CATEGORY: Final = "category"
    CHANGED: Final = "changed"
    INDICATORS: Final = "indicators"
    WITH_DATA_BASE: Final = "with_data_base"
    WITH_DATA: Final = "with_data"
    MEAN_BASE: Final = "mean_base"
    MEAN: Final = "mean"
    CODE: Final = "code"
    NAME: Final = "name"
    ALLOCATION_BASE: Final = "allocation_base"
    ALLOCATION: Final = "allocation"
    REALIZED_BASE: Final = "realized_base"
    REALIZED: Final = "realized"
    ABSORPTION_BASE: Final = "absorption_base"
    ABSORPTION_PCT: Final = "absorption_pct"
    REMAINING_BASE: Final = "remaining_base"
    REMAINING: Final = "remaining"
    REQUIRED: Final = "required"  # the realisasi that reaches a category (text)
    GAIN_OFFICE_PTS: Final = "gain_office_pts"
    GAIN_OBJECTIVES_PTS: Final = "gain_objectives_pts"
    INDICATOR_COLUMNS: Final = (
        KEY,
        DOCUMENT,
        OBJECTIVE,
        LABEL,
        UNIT,
        TARGET_TEXT_BASE,
        TARGET_TEXT,
        ACTUAL_TEXT_BASE,
        ACTUAL_TEXT,
        PCT_BASE,
        PCT,
        DELTA_PTS,
        CATEGORY_BASE,
        CATEGORY,
        CHANGED,
    )
    OBJECTIVE_COLUMNS: Final = (
        DOCUMENT,
        OBJECTIVE,
        INDICATORS,
        WITH_DATA_BASE,
        WITH_DATA,
        MEAN_BASE,
        MEAN,
        DELTA_PTS,
        CATEGORY_BASE,
        CATEGORY,
    )
    BUDGET_COLUMNS: Final = (
        KEY,
        CODE,
        NAME,
        ALLOCATION_BASE,
        ALLOCATION,
        REALIZED_BASE,
        REALIZED,
        ABSORPTION_BASE,
        ABSORPTION_PCT,
        REMAINING_BASE,
        REMAINING,
        CHANGED,
    )
    REQUIRED_COLUMNS: Final = (KEY, DOCUMENT, OBJECTIVE, LABEL, TARGET_TEXT, ACTUAL_TEXT, PCT, CATEGORY, REQUIRED)
    INFLUENCE_COLUMNS: Final = (KEY, DOCUMENT, OBJECTIVE, LABEL, PCT, CATEGORY, GAIN_OFFICE_PTS, GAIN_OBJECTIVES_PTS)


class CompareCol:
    """Perbandingan antartahun frames (``analysis.compare``): name matches, the long frames per year
    (indicators, sasaran, office), ``pivot`` (one column per year) and Renstra progress."""

    YEAR: Final = "year"
    NAME: Final = "name"  # the reference (latest year's) name a row is matched to
    CANONICAL: Final = "canonical"
    SCORE: Final = "score"
    METHOD: Final = "method"
    OBJECTIVE: Final = "objective"
    TARGET_TEXT: Final = "target_text"
    ACTUAL_TEXT: Final = "actual_text"
    ACHIEVEMENT_PCT: Final = "achievement_pct"
    CATEGORY: Final = "category"
    POLARITY: Final = "polarity"
    FORMULA: Final = "formula"
    RENSTRA_TEXT: Final = "renstra_text"
    MEAN_PCT: Final = "mean_achievement_pct"  # per sasaran
    OFFICE_MEAN_PCT: Final = "mean_pct"
    OFFICE_MEAN_OF_OBJECTIVES_PCT: Final = "mean_of_objectives_pct"
    INDICATORS: Final = "indicators"
    WITH_DATA: Final = "with_data"
    MET: Final = "met"
    ALLOCATION: Final = "allocation"
    REALIZED: Final = "realized"
    ABSORPTION_PCT: Final = "absorption_pct"
    REMAINING: Final = "remaining"
    CHANGE_PTS: Final = "change_pts"
    PROGRESS_PCT: Final = "progress_pct"
    MATCH_COLUMNS: Final = (YEAR, NAME, CANONICAL, SCORE, METHOD)
    INDICATOR_COLUMNS: Final = (
        NAME,
        YEAR,
        OBJECTIVE,
        TARGET_TEXT,
        ACTUAL_TEXT,
        ACHIEVEMENT_PCT,
        CATEGORY,
        POLARITY,
        FORMULA,
        RENSTRA_TEXT,
    )
    OBJECTIVE_COLUMNS: Final = (NAME, YEAR, MEAN_PCT, CATEGORY)
    OFFICE_COLUMNS: Final = (
        YEAR,
        OFFICE_MEAN_PCT,
        OFFICE_MEAN_OF_OBJECTIVES_PCT,
        CATEGORY,
        INDICATORS,
        WITH_DATA,
        MET,
        ALLOCATION,
        REALIZED,
        ABSORPTION_PCT,
        REMAINING,
    )
    PROGRESS_COLUMNS: Final = (NAME, RENSTRA_TEXT, YEAR, ACTUAL_TEXT, PROGRESS_PCT)


class PlanCol:
    """RPD plan rows (``PlanData.frame``): code, name, level, jenis belanja, twelve months (rupiah)."""

    CODE: Final = "code"
    NAME: Final = "name"
    LEVEL: Final = "level"  # program, kegiatan, kro, ro, komponen, subkomponen, jenis, akun ("" unknown)
    JENIS: Final = "jenis"  # 51, 52, 53, 57 ... ("" when the row does not say)
    COUNTED: Final = "counted"  # the rows the plan adds up (akun, else jenis, else the deepest level)
    MONTHS: Final = tuple(f"m{month:02d}" for month in range(1, 13))
    COLUMNS: Final = (CODE, NAME, LEVEL, JENIS, *MONTHS, COUNTED)


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
