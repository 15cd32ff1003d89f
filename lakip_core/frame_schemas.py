"""Declared schemas of the core frames (pandera), built on the column names of :mod:`lakip_core.schema`.

Each frame the core hands on is checked against its schema where it enters the core (right
after a dataset is read into its frame, in :func:`lakip_core.analysis.report.build_report`) and
where its figures are computed (:class:`~lakip_core.analysis.report.Report`): the columns are
exactly the declared ones (``strict``), each holds what it says (text, numbers, flags) and the
rules the figures rest on hold — above all, no achievement or mean without data behind it
(a silent zero). A frame that breaks its schema is a programming error, never a user's: it is
raised as :class:`FrameSchemaError` (a :class:`~lakip_core.errors.LakipError` with an Indonesian
message listing every problem), so the dashboard and the CLI show a message, not a traceback.

Cost: pandera's import takes ~0.3 s, so it is imported on the first check, not with the core;
the schemas are built once (cached); checks are vectorised and run ``inplace`` (no copy), a few
milliseconds on a 100,000-row asset register (benchmarks/bench_read_assets.py prints it).

Text columns are declared by their values (every value a ``str``, checked with pandas'
``infer_dtype``), not by a pandas dtype: readers build them as ``object`` for speed or as
pandas 3's ``str``, and both are text.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import pandas as pd
from pandas.api.types import infer_dtype, is_bool_dtype, is_numeric_dtype

from lakip_core.errors import LakipError
from lakip_core.schema import FILE, ROW, SHEET, AssetCol, BudgetCol, IndicatorCol, ObjectiveCol, StaffCol

if TYPE_CHECKING:
    import pandera.pandas as pa

# Frame names (the keys of the schemas) and how the messages call them.
INDICATORS = "indicators"  # analysis.indicators.from_tables: as read
INDICATOR_FRAME = "indicator_frame"  # Report.indicator_frame: with achievement
OBJECTIVES = "objectives"
BUDGET = "budget"  # BudgetData.frame: every row read
BUDGET_LINES = "budget_lines"  # per kegiatan
ASSETS = "assets"
STAFF = "staff"
LABELS = {
    INDICATORS: "indikator kinerja",
    INDICATOR_FRAME: "capaian indikator",
    OBJECTIVES: "capaian per sasaran",
    BUDGET: "anggaran",
    BUDGET_LINES: "anggaran per kegiatan",
    ASSETS: "aset (BMN)",
    STAFF: "pegawai",
}
MAX_LISTED = 8
EMPTY = "empty_dtype"  # column metadata: the dtype of the column in a frame with no rows


class FrameSchemaError(LakipError):
    """A computed frame does not match its declared schema (a bug in the program, not in the file)."""

    def __init__(self, frame_name: str, problems: list[str]) -> None:
        self.frame_name = frame_name
        self.problems = problems
        shown = "; ".join(problems[:MAX_LISTED])
        more = f"; dan {len(problems) - MAX_LISTED} masalah lain" if len(problems) > MAX_LISTED else ""
        super().__init__(
            f"Data {LABELS.get(frame_name, frame_name)} hasil pembacaan tidak sesuai bentuk yang diharapkan: "
            f"{shown}{more}. Ini kesalahan program, bukan kesalahan berkas Anda; angka tidak ditampilkan agar "
            "tidak keliru. Laporkan pesan ini kepada pengelola aplikasi."
        )


# --- column kinds ---------------------------------------------------------------------------------


def _is_text(series: pd.Series, nullable: bool, non_empty: bool) -> bool:
    """Every value a ``str`` (blanks allowed when ``nullable``; ``""`` refused when ``non_empty``).

    One pass of pandas' C-level ``infer_dtype``: on an ``object`` column it also sees a None or NaN
    (``skipna=False``), where ``isna`` would cost ten times more; a ``str`` column knows its blanks.
    """
    is_object = series.dtype == object
    if infer_dtype(series, skipna=nullable or not is_object) not in ("string", "empty"):
        return False
    if not nullable and not is_object and series.isna().any():
        return False
    return not (non_empty and bool((series == "").any()))


def _optional(column: pa.Column) -> pa.Column:
    """``column`` as one that only some files have (a layout's extra columns): checked when present."""
    column.required = False
    return column


def _text(nullable: bool = False, non_empty: bool = False, isin: tuple[str, ...] | None = None) -> pa.Column:
    import pandera.pandas as pa

    what = "teks" + (" yang tidak kosong" if non_empty else "") + (" atau kosong (null)" if nullable else "")
    checks = [pa.Check(lambda s: _is_text(s, nullable, non_empty), name=what, ignore_na=False)]
    if isin is not None:
        allowed = list(isin)
        checks.append(pa.Check(lambda s: s.isin(allowed), name=f"salah satu dari {', '.join(isin)}", ignore_na=False))
    # nullable=True here: the null rule is part of the text check (one pass instead of two).
    return pa.Column(checks=checks, nullable=True, metadata={EMPTY: "object"})


def _number(nullable: bool = True, ge: float | None = None, coerce: bool = False) -> pa.Column:
    import pandera.pandas as pa

    checks = [pa.Check(lambda s: is_numeric_dtype(s) and not is_bool_dtype(s), name="angka", ignore_na=False)]
    if ge is not None:
        checks.append(pa.Check(lambda s: ~(s < ge).fillna(False), name=f"angka ≥ {ge:g}", ignore_na=False))
    dtype = "float64" if coerce else None
    return pa.Column(dtype, checks=checks, nullable=nullable, coerce=coerce, metadata={EMPTY: "float64"})


def _whole(ge: int = 0) -> pa.Column:
    import pandera.pandas as pa

    check = pa.Check(lambda s: s >= ge, name=f"bilangan bulat ≥ {ge}", ignore_na=False)
    return pa.Column("int64", check, nullable=False, metadata={EMPTY: "int64"})


def _flag() -> pa.Column:
    import pandera.pandas as pa

    return pa.Column(bool, nullable=False, metadata={EMPTY: "bool"})


def _dates() -> pa.Column:
    import pandera.pandas as pa

    def only_dates(series: pd.Series) -> bool:
        return all(value is None or isinstance(value, date) for value in series.dropna().tolist())

    check = pa.Check(only_dates, name="tanggal atau kosong", ignore_na=False)
    return pa.Column(checks=check, nullable=True, metadata={EMPTY: "object"})


def _origin() -> dict[str, pa.Column]:
    """Where each row came from: file, sheet, spreadsheet row number (1-based)."""
    return {FILE: _text(), SHEET: _text(), ROW: _whole(ge=1)}


# --- rules across columns -------------------------------------------------------------------------


def _rule(name: str, holds: Callable[[pd.DataFrame], pd.Series]) -> Any:
    import pandera.pandas as pa

    return pa.Check(holds, name=name, ignore_na=False)


def _indicator_rules() -> list[Any]:
    c = IndicatorCol
    return [
        _rule("capaian ada hanya bila realisasi ada", lambda f: f[c.HAS_DATA] | f[c.ACHIEVEMENT_PCT].isna()),
        _rule("tercapai hanya bila capaian ≥ 100%", lambda f: ~f[c.MET] | (f[c.ACHIEVEMENT_PCT] >= 100)),
    ]


def _objective_rules() -> list[Any]:
    o = ObjectiveCol
    return [
        _rule("indikator berdata ≤ jumlah indikator", lambda f: f[o.WITH_DATA] <= f[o.INDICATORS]),
        _rule("indikator tercapai ≤ indikator berdata", lambda f: f[o.MET] <= f[o.WITH_DATA]),
        _rule(
            "rata-rata ada tepat bila ada indikator berdata",
            lambda f: f[o.MEAN_PCT].notna() == (f[o.WITH_DATA] > 0),
        ),
    ]


def _budget_rules() -> list[Any]:
    b = BudgetCol
    return [
        _rule(
            "akun kosong atau enam digit berawalan 5",
            lambda f: (f[b.AKUN] == "") | f[b.AKUN].astype(str).str.fullmatch(r"5\d{5}"),
        ),
        # from the akun code (51 pegawai ...), or the kelompok belanja a file states without akun (SIPD)
        _rule("jenis belanja ada bila akun ada", lambda f: (f[b.AKUN] == "") | (f[b.JENIS_BELANJA] != "")),
    ]


def _line_rules() -> list[Any]:
    b = BudgetCol
    return [
        _rule(
            "penyerapan hanya bila pagu > 0",
            lambda f: f[b.ABSORPTION_PCT].isna() | (f[b.ALLOCATION] > 0),
        )
    ]


@functools.cache
def schemas() -> dict[str, pa.DataFrameSchema]:
    """Every declared frame schema by name (built once)."""
    import pandera.pandas as pa

    c, o, b, a, s = IndicatorCol, ObjectiveCol, BudgetCol, AssetCol, StaffCol
    read_indicators = {
        c.DOCUMENT: _text(non_empty=True),
        c.DOCUMENT_KIND: _text(non_empty=True),
        c.OBJECTIVE: _text(non_empty=True),
        c.OBJECTIVE_CODE: _text(nullable=True),
        c.GROUP: _text(),
        c.GROUP_ROW: _whole(),
        c.IS_GROUP: _flag(),
        c.INDICATOR: _text(non_empty=True),
        c.TARGET_TEXT: _text(),
        c.ACTUAL_TEXT: _text(),
        c.RENSTRA_TEXT: _text(),
        c.UNIT_TEXT: _text(),
        c.POLARITY: _text(isin=("positif", "negatif")),
        c.FORMULA: _text(isin=("standar", "terbalik")),
        c.STATED_PCT: _number(coerce=True),  # read cell by cell: float or None (object when all None)
        **_origin(),
    }
    computed_indicators = {
        **read_indicators,
        c.LABEL: _text(non_empty=True),
        c.UNIT: _text(nullable=True),
        c.TARGET: _number(),
        c.ACTUAL: _number(),
        c.ACHIEVEMENT_PCT: _number(),
        c.CATEGORY: _text(non_empty=True),
        c.HAS_DATA: _flag(),
        c.MET: _flag(),
        c.COUNTED: _flag(),
        c.IN_OFFICE_MEAN: _flag(),
    }
    budget_rows = {
        b.CODE: _text(),
        b.NAME: _text(),
        b.FUNDING: _text(),
        b.ALLOCATION: _number(),
        b.REALIZED: _number(),
        b.STATED_PCT: _number(coerce=True),  # read cell by cell: float or None (object when all None)
        b.STATED_REMAINING: _number(),
        **_origin(),
        b.IS_LEAF: _flag(),
        b.KEGIATAN: _text(),
        b.AKUN: _text(),
        b.JENIS_BELANJA: _text(),
        # Columns only some exports have: flat SAKTI (kdgiat, nmgiat), GLP039 (lock pagu, periode lalu /
        # ini, level), ADK (blokir, satker), SIPD (kelompok belanja as jenis belanja).
        **{name: _optional(_text()) for name in (b.KDGIAT, b.KEGIATAN_NAME, b.KEGIATAN_CODE, b.LEVEL)},
        **{name: _optional(_text()) for name in (b.SATKER_CODE, b.SATKER_NAME)},
        **{name: _optional(_number()) for name in (b.LOCK, b.PERIOD_PREV, b.PERIOD_NOW, b.BLOCKED)},
    }
    plan = {
        INDICATORS: (read_indicators, []),
        INDICATOR_FRAME: (computed_indicators, _indicator_rules()),
        OBJECTIVES: (
            {
                o.DOCUMENT: _text(non_empty=True),
                o.OBJECTIVE: _text(non_empty=True),
                o.OBJECTIVE_CODE: _text(nullable=True),
                o.INDICATORS: _whole(ge=1),
                o.WITH_DATA: _whole(),
                o.MET: _whole(),
                o.MEAN_PCT: _number(),
                o.CATEGORY: _text(non_empty=True),
            },
            _objective_rules(),
        ),
        BUDGET: (budget_rows, _budget_rules()),
        BUDGET_LINES: (
            {
                b.CODE: _text(),
                b.NAME: _text(),
                b.ALLOCATION: _number(),
                b.REALIZED: _number(),
                b.ABSORPTION_PCT: _number(),
                b.REMAINING: _number(),
                b.UNFUNDED: _number(),
            },
            _line_rules(),
        ),
        ASSETS: (
            {
                a.CATEGORY_SHEET: _text(),
                a.CODE: _text(),
                a.NUP: _text(),
                a.NAME: _text(),
                a.BRAND: _text(),
                a.QUANTITY: _number(nullable=False),
                a.VALUE: _number(),
                a.CONDITION: _text(non_empty=True),
                a.SOURCE: _text(non_empty=True),
                a.ACQUIRED_YEAR: _number(),
                a.GROUP: _text(non_empty=True),
                a.USEFUL_LIFE_YEARS: _number(ge=0),
                **_origin(),
                a.AGE_YEARS: _number(),
                a.PAST_USEFUL_LIFE: _flag(),
                a.ACQUIRED_DATE: _dates(),
                a.MODEL: _optional(_text()),
                a.SATKER_CODE: _optional(_text()),
                a.SATKER_NAME: _optional(_text()),
                a.DEPRECIATION: _optional(_number()),
                a.BOOK_VALUE: _optional(_number()),
            },
            [],
        ),
        STAFF: (
            {
                s.NAME: _text(non_empty=True),
                s.NIP: _text(),
                s.ROLE: _text(non_empty=True),
                s.GENDER: _text(non_empty=True),
                s.GENDER_TEXT: _text(),
                s.EDUCATION: _text(non_empty=True),
                s.POSITION: _text(),
                s.UNIT: _text(),
                s.STATUS: _text(),
                s.RELIGION: _text(),
                s.DIVISION: _text(),
                s.KORWIL: _text(),
                s.BIRTH_PLACE: _text(nullable=True),
                s.BIRTH_DATE: _dates(),
                s.AGE: _number(),
                s.STATED_AGE: _number(coerce=True),  # read cell by cell: float or None
                **_origin(),
                s.AGE_BAND: _text(non_empty=True),
                s.RANK: _optional(_text()),
                s.GRADE: _optional(_text()),
                s.TMT: _optional(_dates()),
                s.TMT_GRADE: _optional(_dates()),
            },
            [],
        ),
    }
    return {
        name: pa.DataFrameSchema(columns, checks=rules, strict=True, name=name)
        for name, (columns, rules) in plan.items()
    }


def columns(name: str) -> list[str]:
    """The declared columns of a frame, in order."""
    return list(schemas()[name].columns)


def required_columns(name: str) -> list[str]:
    """The declared columns every frame of that name has (the others come with some layouts only)."""
    return [column for column, declared in schemas()[name].columns.items() if declared.required]


def _where(frame: pd.DataFrame, index: Any) -> str:
    """``lembar X baris N`` of a row of ``frame`` (empty when the frame does not say)."""
    if index is None or (not isinstance(index, str) and pd.isna(index)) or index not in frame.index:
        return ""
    if SHEET not in frame.columns or ROW not in frame.columns:
        return ""
    return f"lembar {frame.loc[index, SHEET]} baris {frame.loc[index, ROW]}"


def _problems(cases: pd.DataFrame, frame: pd.DataFrame) -> list[str]:
    """One line per broken rule or column check: what it asks, up to three values and places, how many more."""
    groups: dict[tuple[str, str], tuple[list[str], list[str], int]] = {}
    for _, case in cases.iterrows():
        context, column, check, value, index = (str(case["schema_context"]), case["column"], str(case["check"]),
                                                case["failure_case"], case["index"])  # fmt: skip
        if check == "column_in_schema":
            groups.setdefault((f"kolom tak terdaftar '{value}'", ""), ([], [], 0))
            continue
        if check == "column_in_dataframe":
            groups.setdefault((f"kolom '{value}' tidak ada", ""), ([], [], 0))
            continue
        if check.startswith("dtype("):
            check = f"berjenis data {check[6:-1]}"
        rule = context == "DataFrameSchema"  # a rule across columns: one entry per row, not per column
        key = ("aturan" if rule else f"kolom '{column}'", check)
        values, places, count = groups.get(key, ([], [], 0))
        whole_column = isinstance(value, bool | type(None)) or (not isinstance(value, str) and pd.isna(value))
        if whole_column and not rule and column in frame.columns:
            check = f"{check} (berisi jenis {frame[column].dtype})"  # a check on the whole column
            key = (key[0], check)
            values, places, count = groups.get(key, ([], [], 0))
        shown = "" if rule or whole_column else repr(value)
        if shown and shown not in values:
            values.append(shown)
        place = _where(frame, index)
        if place and place not in places:
            places.append(place)
            count += 1
        groups[key] = (values, places, count)
    lines = []
    for (subject, check), (values, places, count) in groups.items():
        if not check:
            lines.append(subject)
            continue
        text = f"{subject} harus {check}"
        if values:
            text += ": " + ", ".join(values[:3]) + (" …" if len(values) > 3 else "")
        if places:
            more = f" dan {count - 3} baris lain" if count > 3 else ""
            text += f" ({'; '.join(places[:3])}{more})"
        lines.append(text)
    return lines


def empty(name: str) -> pd.DataFrame:
    """A frame with no rows and the declared columns (each with the dtype its kind needs)."""
    declared = schemas()[name].columns
    return pd.DataFrame({column: pd.Series(dtype=spec.metadata[EMPTY]) for column, spec in declared.items()})


def check(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """``frame`` checked against the schema ``name``; every problem at once as :class:`FrameSchemaError`.

    A frame without rows (nothing was read) becomes :func:`empty`: the declared columns, typed.
    Otherwise the frame itself is returned (coerced where a schema says so), never copied.
    """
    import pandera.errors

    schema = schemas()[name]
    if len(frame) == 0 and set(frame.columns) <= set(schema.columns):
        return empty(name)  # no rows: the declared columns with their dtypes, whatever was built
    try:
        return schema.validate(frame, lazy=True, inplace=True)
    except pandera.errors.SchemaErrors as err:
        raise FrameSchemaError(name, _problems(err.failure_cases, frame)) from None
