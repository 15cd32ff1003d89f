"""One office-year: the datasets read from files, the computed figures, all findings, the JSON.

This is what the dashboard, the CLI and the exports share. Reading happens once in
:func:`load_report`; everything else is derived (and cached on the frozen object).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, TypeVar

import pandas as pd

from lakip_core.analysis import assets as assets_mod
from lakip_core.analysis import budget as budget_mod
from lakip_core.analysis import budget_checks, budget_year, indicator_checks
from lakip_core.analysis import capaian_budget as capaian_budget_mod
from lakip_core.analysis import indicators as indicators_mod
from lakip_core.analysis import plan as plan_mod
from lakip_core.analysis import staff as staff_mod
from lakip_core.frame_schemas import (
    ASSETS,
    BUDGET,
    BUDGET_LINES,
    INDICATOR_FRAME,
    INDICATORS,
    OBJECTIVES,
    PLAN,
    STAFF,
)
from lakip_core.frame_schemas import check as check_frame
from lakip_core.frame_schemas import empty as empty_frame
from lakip_core.reading.grids import Source, load_grids
from lakip_core.reading.mapping import Layout, layout_from_json, read_with_layout
from lakip_core.reading.satker import narrow_if_many, satkers_in
from lakip_core.reading.tables import DatasetSpec, Period, Table, read_tables
from lakip_core.rules import settings_codec
from lakip_core.rules.findings import Finding
from lakip_core.rules.settings import Settings
from lakip_core.schema import BudgetCol, IndicatorCol, ObjectiveCol

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


# The dataset kinds a report holds, by internal name, with the columns each is read by.
SPECS: dict[str, DatasetSpec] = {
    "indicators": indicators_mod.SPEC,
    "budget": budget_mod.SPEC,
    "assets": assets_mod.SPEC,
    "staff": staff_mod.SPEC,
    "plan": plan_mod.SPEC,
}


@dataclass(frozen=True)
class Report:
    """The datasets of one office-year (any may be absent) and the settings used to read them."""

    settings: Settings = field(default_factory=Settings)
    indicators: indicators_mod.IndicatorData | None = None
    budget: budget_mod.BudgetData | None = None
    assets: assets_mod.AssetData | None = None
    staff: staff_mod.StaffData | None = None
    satker: str | None = None
    year_assumed: bool = False
    """True when no year was given and none was found in the files: the year is the default."""
    # What the files state about themselves (a GLP039's title rows): satker code and period.
    satker_code: str | None = None
    period: Period | None = None
    plan: plan_mod.PlanData | None = None  # the RPD (halaman III DIPA): the monthly spending plan

    @cached_property
    def indicator_frame(self) -> pd.DataFrame:
        """Indicators with achievement and category (empty frame without an indicator file)."""
        if self.indicators is None or self.indicators.frame.empty:
            return empty_frame(INDICATOR_FRAME)
        return check_frame(indicators_mod.compute(self.indicators.frame, self.settings), INDICATOR_FRAME)

    @cached_property
    def objectives(self) -> pd.DataFrame:
        """Per sasaran (see :func:`indicators.objectives`); a missing kegiatan code is ``""``."""
        table = indicators_mod.objectives(self.indicator_frame, self.settings)
        code = table[ObjectiveCol.OBJECTIVE_CODE]
        table[ObjectiveCol.OBJECTIVE_CODE] = code.astype(object).where(code.notna(), "")
        return check_frame(table, OBJECTIVES)

    @cached_property
    def office(self) -> indicators_mod.OfficeAchievement:
        return indicators_mod.office(self.indicator_frame, self.settings)

    @cached_property
    def documents(self) -> list[indicators_mod.DocumentFigures]:
        """Counts and mean per indicator document (counts are never added across documents)."""
        return indicators_mod.documents(self.indicator_frame, self.settings)

    @cached_property
    def capaian_budget(self) -> pd.DataFrame:
        """Per kegiatan: capaian of its sasaran beside its penyerapan (empty without both datasets)."""
        if self.indicators is None or self.budget is None:
            return pd.DataFrame(columns=list(capaian_budget_mod.KegiatanCol.COLUMNS))
        return capaian_budget_mod.by_kegiatan(self.indicator_frame, self.budget_lines, self.settings)

    @cached_property
    def budget_totals(self) -> budget_mod.BudgetTotals | None:
        return budget_mod.totals(self.budget) if self.budget is not None else None

    @cached_property
    def budget_lines(self) -> pd.DataFrame:
        return check_frame(budget_mod.lines(self.budget), BUDGET_LINES) if self.budget is not None else pd.DataFrame()

    @cached_property
    def asset_summary(self) -> assets_mod.AssetSummary | None:
        return assets_mod.summarize(self.assets) if self.assets is not None else None

    @cached_property
    def staff_summary(self) -> staff_mod.StaffSummary | None:
        return staff_mod.summarize(self.staff) if self.staff is not None else None

    @cached_property
    def findings(self) -> tuple[Finding, ...]:
        """Every finding of every dataset, most severe first, then by file and row."""
        found: list[Finding] = []
        if self.indicators is not None:
            found += list(self.indicators.findings)
            found += indicator_checks.check(self.indicator_frame, self.settings, self.indicators)
        if self.budget is not None:
            found += budget_checks.check(self.budget, self.settings)
        if self.assets is not None:
            found += assets_mod.check(self.assets, self.settings)
        if self.staff is not None:
            found += staff_mod.check(self.staff, self.settings)
        if self.plan is not None:
            found += plan_mod.check(self.plan, self.settings)
        found += capaian_budget_mod.check(self.capaian_budget, self.indicator_frame, self.budget)
        if self.year_assumed:
            found.append(
                Finding(
                    "warning",
                    "YEAR_NOT_DETECTED",
                    "Tahun laporan tidak tertulis pada judul, nama lembar atau nama berkas; dipakai "
                    f"{self.settings.year}. Umur aset dan usia pegawai dihitung pada tahun itu: tentukan tahun "
                    "laporan yang benar.",
                )
            )
        return tuple(sorted(found, key=lambda f: (SEVERITY_ORDER[f.severity], f.file or "", f.sheet or "", f.row or 0)))

    def computed(self) -> Report:
        """This report with every derived figure already computed, then returned.

        The dashboard caches reports once per server (``st.cache_resource``: one object shared by
        every session, read-only): computing first means no session recomputes achievement, checks
        and summaries (50–70 ms on the sample), and no two sessions compute the same figure at once.
        A pickled copy keeps them too.
        """
        for name in (
            "indicator_frame",
            "objectives",
            "office",
            "documents",
            "capaian_budget",
            "budget_totals",
            "budget_lines",
            "asset_summary",
            "staff_summary",
            "findings",
        ):
            getattr(self, name)
        return self

    def with_settings(self, settings: Settings) -> Report:
        """The same data under other settings: the tables already read are normalised again and every
        figure is recomputed (asset ages and useful-life groups, staff ages depend on the settings)."""
        present = (
            ("indicators", self.indicators),
            ("budget", self.budget),
            ("assets", self.assets),
            ("staff", self.staff),
        )
        return build_report({kind: data.tables for kind, data in present if data is not None}, settings, self.satker)


_YEAR = re.compile(r"\b(20\d{2})\b")
_SATKER = re.compile(r"\b(KPU\s+(?:KABUPATEN|KOTA|KAB\.?|PROVINSI)\s+[A-Z][A-Z .'-]+)", re.IGNORECASE)


def detect_period(tables: Sequence[Table]) -> Period | None:
    """The period a file states (GLP039 "Periode Oktober 2025", SIPD "TAHUN ANGGARAN 2026"); a
    monthly period wins over a year alone."""
    periods = [t.period for t in tables if t.period is not None]
    return next((p for p in periods if p.month), periods[0] if periods else None)


def detect_satker_code(tables: Sequence[Table]) -> str | None:
    """The satker code a file states (GLP039 title rows, or the one satker of a satker column)."""
    found = satkers_in(tables)
    return found[0].code if len(found) == 1 and found[0].code.isdigit() else None


def detect_year(tables: Sequence[Table]) -> int | None:
    """The year a file's period states, else the year most often named in title rows, sheet
    names and file names."""
    period = detect_period(tables)
    if period is not None:
        return period.year
    counts: Counter[int] = Counter()
    for table in tables:
        for text in (*table.title, table.sheet, table.file):
            counts.update(int(y) for y in _YEAR.findall(text))
    return counts.most_common(1)[0][0] if counts else None


def detect_satker(tables: Sequence[Table]) -> str | None:
    """The office a file names: its stated satker (GLP039), else a KPU office named in title rows
    (``KPU KOTA JAKARTA SELATAN``), title-cased."""
    stated = satkers_in(tables)
    if len(stated) == 1 and stated[0].name:
        return _title_case(stated[0].name)
    for table in tables:
        for text in table.title:
            match = _SATKER.search(text)
            if match:
                # "KPU KOTA JAKARTA SELATAN TAHUN 2024": the year words are not part of the name.
                name = re.split(r"\s+(?:TAHUN|TA|PERIODE|SEMESTER|TRIWULAN)\b", match.group(1), flags=re.I)[0]
                return _title_case(name)
    return None


def _title_case(name: str) -> str:
    return " ".join(w if w.isupper() and len(w) <= 3 else w.capitalize() for w in name.split())


_Data = TypeVar(
    "_Data",
    indicators_mod.IndicatorData,
    budget_mod.BudgetData,
    assets_mod.AssetData,
    staff_mod.StaffData,
    plan_mod.PlanData,
)


def _checked(data: _Data | None, frame_name: str) -> _Data | None:
    """``data`` with its frame checked against the declared schema ``frame_name``."""
    return None if data is None else replace(data, frame=check_frame(data.frame, frame_name))


def build_report(
    tables: Mapping[str, Sequence[Table]], settings: Settings, satker: str | None = None, year_assumed: bool = False
) -> Report:
    """A :class:`Report` of the datasets read from ``tables`` (kind → its tables); other kinds absent.

    The one place a report is assembled: :func:`load_report` (files), the upload inspection and
    the store (stored bytes) all come through here, so they give the same figures and findings.
    """
    every = [t for found in tables.values() for t in found]
    indicators = indicators_mod.from_tables(list(tables["indicators"])) if "indicators" in tables else None
    budget = budget_mod.from_tables(list(tables["budget"])) if "budget" in tables else None
    assets = assets_mod.from_tables(list(tables["assets"]), settings) if "assets" in tables else None
    staff = staff_mod.from_tables(list(tables["staff"]), settings) if "staff" in tables else None
    # Where data enters the core: every frame read is checked against its declared schema.
    return Report(
        settings=settings,
        indicators=_checked(indicators, INDICATORS),
        budget=_checked(budget, BUDGET),
        assets=_checked(assets, ASSETS),
        staff=_checked(staff, STAFF),
        plan=_checked(plan_mod.from_tables(list(tables["plan"])) if "plan" in tables else None, PLAN),
        satker=satker,
        year_assumed=year_assumed,
        satker_code=detect_satker_code(every),
        period=detect_period(every),
    )


def load_report(
    indicators: Sequence[Source] = (),
    budget: Source | None = None,
    assets: Source | None = None,
    staff: Source | None = None,
    settings: Settings | None = None,
    year: int | None = None,
    layouts: Mapping[str, Layout] | None = None,
    satker: str | None = None,
    plan: Source | None = None,
) -> Report:
    """Read the given files into a :class:`Report` (``plan``: an RPD / halaman III DIPA file).

    ``satker`` (a code or a name) narrows a file holding several satker (an ADK item table) to
    that one; a file with many satker is otherwise read whole.

    The report year is ``year``, else ``settings.year`` when settings are given, else the year the
    files' title rows name most often. ``layouts`` (kind → hand-made layout) reads that kind's
    files with the layout instead of automatically. Raises :class:`~lakip_core.errors.LakipError`
    subclasses with an Indonesian message when a file cannot be read.
    """
    tables: dict[str, list[Table]] = {}
    if indicators:
        tables["indicators"] = [t for source in indicators for t in _read(source, "indicators", layouts)]
    for kind, source in (("budget", budget), ("assets", assets), ("staff", staff), ("plan", plan)):
        if source is not None:
            tables[kind] = _read(source, kind, layouts)
    tables = {kind: narrow_if_many(found, satker) for kind, found in tables.items()}
    every = [t for found in tables.values() for t in found]
    assumed = False
    if settings is None:
        detected = year or detect_year(every)
        settings = Settings(year=detected) if detected else Settings()
        assumed = detected is None
    elif year is not None:
        settings = replace(settings, year=year)
    return build_report(tables, settings, detect_satker(every), assumed)


def _read(
    source: Source, kind: str, layouts: Mapping[str, Layout | str | None] | None, filename: str | None = None
) -> list[Table]:
    """The tables of one file: with the kind's layout (a :class:`Layout` or its JSON) when given."""
    layout = (layouts or {}).get(kind)
    if not layout:
        return read_tables(source, SPECS[kind], filename)
    if isinstance(layout, str):
        layout = layout_from_json(layout)
    return read_with_layout(load_grids(source, filename), layout, SPECS[kind]).tables


def report_from_files(
    files: Mapping[str, tuple[bytes, str]],
    year: int,
    satker: str | None = None,
    layouts: Mapping[str, Layout | str | None] | None = None,
    narrow: Mapping[str, str] | None = None,
    settings: Settings | None = None,
) -> Report:
    """The report of stored files (kind → (bytes, file name)) for ``year``: the same reading as
    :func:`load_report` on files of those names, so figures and findings (file names included) match.
    ``layouts`` (kind → a layout or its JSON, as a version keeps it) re-reads a file the way it was read;
    ``narrow`` gives, per kind, the satker code a file with many satker was narrowed to; ``settings``:
    the office's (their year is ``year``), the defaults without them."""
    tables = {kind: _read(data, kind, layouts, filename) for kind, (data, filename) in files.items()}
    tables = {kind: narrow_if_many(found, (narrow or {}).get(kind)) for kind, found in tables.items()}
    return build_report(tables, replace(settings, year=year) if settings else Settings(year=year), satker)


def _num(value: Any, digits: int = 2) -> float | int | None:
    if value is None or pd.isna(value):
        return None
    number = float(value)
    if digits == 0 or number.is_integer():
        return int(round(number)) if number.is_integer() or digits == 0 else number
    return round(number, digits)


def summary_dict(report: Report) -> dict[str, Any]:
    """The ``summary --json`` contract: one section per dataset given, plus ``checks``.

    Percentages are plain numbers rounded to 2 decimals (92.43 = 92.43 %), ``None`` without data;
    amounts are rupiah. ``settings``: the conventions the figures were computed under (name → value).
    """
    out: dict[str, Any] = {
        "year": report.settings.year,
        "year_assumed": report.year_assumed,
        "settings": settings_codec.plain(report.settings),
    }
    # What the files state about themselves: the satker and the period read (null when none).
    out["satker"] = {"code": report.satker_code, "name": report.satker} if report.satker or report.satker_code else None
    period = report.period
    out["period"] = {"year": period.year, "month": period.month, "label": period.label} if period else None
    if report.indicators is not None:
        office = report.office
        frame = report.indicator_frame
        out["indicators"] = {
            # count / with_data / met / the means: the lines that feed the office mean (the documents
            # in "office_documents", each group once); "lines" = every line read; "documents" = per document.
            "count": office.count,
            "with_data": office.with_data,
            "met": office.met,
            "mean_achievement_pct": _num(office.mean_pct),
            "mean_of_objectives_pct": _num(office.mean_of_objectives_pct),
            "category": office.category,
            "lines": office.lines,
            "office_documents": list(office.documents),
            "group_counting": report.settings.group_counting,
            "documents": [
                {
                    "document": d.document,
                    "kind": d.kind,
                    "lines": d.lines,
                    "count": d.count,
                    "with_data": d.with_data,
                    "met": d.met,
                    "mean_achievement_pct": _num(d.mean_pct),
                    "category": d.category,
                    "in_office_mean": d.in_office_mean,
                }
                for d in report.documents
            ],
            "items": [
                {
                    "document": row["document"],
                    "objective": row["objective"],
                    "indicator": row["indicator"],
                    "target": _num(row["target"], 4),
                    "actual": _num(row["actual"], 4),
                    "target_text": row["target_text"],
                    "actual_text": row["actual_text"],
                    "unit": row["unit"],
                    "polarity": row["polarity"],
                    "achievement_pct": _num(row[IndicatorCol.ACHIEVEMENT_PCT]),
                    "category": row["category"],
                    "group": row[IndicatorCol.GROUP],
                    "is_group": bool(row[IndicatorCol.IS_GROUP]),
                    "counted": bool(row[IndicatorCol.COUNTED]),
                    "in_office_mean": bool(row[IndicatorCol.COUNTED] and row[IndicatorCol.IN_OFFICE_MEAN]),
                }
                for _, row in frame.iterrows()
            ],
            "objectives": [
                {
                    "document": row["document"],
                    "objective": row["objective"],
                    "code": row[ObjectiveCol.OBJECTIVE_CODE],
                    "indicators": int(row["indicators"]),
                    "with_data": int(row["with_data"]),
                    "mean_achievement_pct": _num(row[ObjectiveCol.MEAN_PCT]),
                    "category": row["category"],
                }
                for _, row in report.objectives.iterrows()
            ],
        }
    if report.budget is not None and report.budget_totals is not None:
        totals = report.budget_totals
        out["budget"] = {
            "allocation": _num(totals.allocation, 0),
            "realized": _num(totals.realized, 0),
            "absorption_pct": _num(totals.absorption_pct),
            "remaining": _num(totals.remaining, 0),
            # Realisasi on rows without a pagu: in "realized", not in "absorption_pct" / "remaining".
            "unfunded_realized": _num(totals.unfunded_realized, 0),
            "unfunded_rows": totals.unfunded_rows,
            # False for a file with pagu only (ADK): realized, absorption_pct, remaining are null.
            "realization_recorded": totals.realized is not None,
            "lines": [
                {
                    "code": row["code"],
                    "name": row["name"],
                    "allocation": _num(row["allocation"], 0),
                    "realized": _num(row["realized"], 0),
                    "absorption_pct": _num(row[BudgetCol.ABSORPTION_PCT]),
                    "remaining": _num(row["remaining"], 0),
                    "unfunded_realized": _num(row[BudgetCol.UNFUNDED], 0),
                }
                for _, row in report.budget_lines.iterrows()
            ],
            # Per jenis belanja (51 ...): pagu and the realisasi counted in absorption; what a stored
            # version's summary needs for the budget through the year (budget_year.month_from_summary).
            "by_jenis_belanja": [
                {
                    "code": item["code"],
                    "name": item["name"],
                    "allocation": _num(item["allocation"], 0),
                    "realized": _num(item["realized"], 0),
                    "absorption_pct": _num(item["absorption_pct"]),
                }
                for item in budget_year.summary_jenis(report.budget)
            ],
        }
    if report.plan is not None:
        monthly = plan_mod.monthly(report.plan)
        out["plan"] = {  # the RPD: planned rupiah per month (January first), in total and per jenis
            "total": _num(float(monthly.to_numpy().sum()), 0),
            "months": [_num(float(v), 0) for v in monthly.sum(axis=1)],
            "by_jenis_belanja": {str(k): [_num(float(v), 0) for v in monthly[k]] for k in monthly.columns},
        }
    if len(report.capaian_budget):
        table = report.capaian_budget
        eff = capaian_budget_mod.office_efficiency(table)
        k = capaian_budget_mod.KegiatanCol
        out["capaian_vs_budget"] = {
            "spent_threshold_pct": report.settings.spent_threshold_pct,
            "achieved_threshold_pct": report.settings.achieved_threshold_pct,
            "efficiency_e_pct": _num(eff.e_pct),
            "efficiency_score_pct": _num(eff.score_pct),
            "kegiatan": [
                {
                    "code": row[k.CODE],
                    "name": row[k.NAME],
                    "objectives": list(row[k.OBJECTIVES]),
                    "indicators": int(row[k.INDICATORS]),
                    "indicators_zero": int(row[k.ZERO]),
                    "capaian_pct": _num(row[k.CAPAIAN]),
                    "allocation": _num(row[k.ALLOCATION], 0),
                    "realized": _num(row[k.REALIZED], 0),
                    "absorption_pct": _num(row[k.ABSORPTION]),
                    "gap_pts": _num(row[k.GAP]),
                    "efficiency_pct": _num(row[k.EFFICIENCY]),
                    "quadrant": row[k.QUADRANT] if isinstance(row[k.QUADRANT], str) else None,
                }
                for _, row in table.iterrows()
            ],
        }
    if report.asset_summary is not None:
        summary = report.asset_summary
        out["assets"] = {
            "units": summary.units,
            "by_condition": summary.by_condition,
            "good_pct": _num(summary.good_pct),
            "condition_known": summary.units - summary.unknown_condition,  # the base of good_pct
            "total_value": _num(summary.total_value, 0),
            "past_useful_life": summary.past_useful_life,
            "condition_recorded": summary.condition_recorded,
        }
    if report.staff_summary is not None:
        people = report.staff_summary
        out["staff"] = {
            "count": people.count,
            "by_role": people.by_role,
            "by_gender": people.by_gender,
            "female_pct": _num(people.female_pct),
            "by_education": people.by_education,
            "gender_known": people.gender_known,  # the base of female_pct
            "secretariat_count": people.secretariat,  # ASN + PPNPN, without the commissioners
            "roles": [
                {
                    "role": r.role,
                    "count": r.count,
                    "women": r.women,
                    "gender_known": r.gender_known,
                    "female_pct": _num(r.female_pct),
                }
                for r in people.roles
            ],
            "by_grade": people.by_grade,
        }
    out["checks"] = [
        {"severity": f.severity, "code": f.code, "message": f.message, "file": f.file, "sheet": f.sheet, "row": f.row}
        for f in report.findings
    ]
    return out


def extremes(report: Report, count: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``count`` weakest and strongest indicators with data that feed the office mean (ties
    keep file order)."""
    frame = report.indicator_frame
    if len(frame):
        frame = frame[indicators_mod.office_mask(frame)]
    with_data = frame[frame[IndicatorCol.ACHIEVEMENT_PCT].notna()] if len(frame) else frame
    weakest = with_data.sort_values(IndicatorCol.ACHIEVEMENT_PCT, kind="stable").head(count)
    strongest = with_data.sort_values(IndicatorCol.ACHIEVEMENT_PCT, ascending=False, kind="stable").head(count)
    return weakest, strongest
