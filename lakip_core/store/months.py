"""The stored months of a satker-year, read back for the budget through the year.

A version's figures are read again from its original bytes (the same reading as the current
report), so a month shows what the Anggaran page showed when that month was current.
"""

from __future__ import annotations

from lakip_core.analysis.budget_year import MonthBudget, month_budget
from lakip_core.analysis.report import report_from_files
from lakip_core.store.engine import StoreError
from lakip_core.store.versions import VersionInfo, Versions


def month_of_version(store: Versions, info: VersionInfo, month: int) -> MonthBudget:
    """The figures of one stored budget version as ``month`` (source: file name and version)."""
    narrow = {"budget": info.file_satker} if info.file_satker else None
    report = report_from_files({"budget": (store.content(info.id), info.filename)}, info.year, info.satker, narrow)
    if report.budget is None:
        raise StoreError(f"Versi #{info.id} bukan data anggaran.")
    return month_budget(month, report.budget, f"{info.filename} (versi #{info.id})")


def budget_months(store: Versions, satker: str, year: int) -> list[MonthBudget]:
    """Every month of a satker-year the store holds (:meth:`Versions.budget_history`), oldest first."""
    return [month_of_version(store, info, month) for month, info in store.budget_history(satker, year)]
