"""Where the Perbandingan page gets its years: the store's current versions of the shown satker.

Not a page. The report in the sidebar is always one of the years; every other year stored for
the same satker is added (each rebuilt once per version set, cached).
"""

from __future__ import annotations

from lakip_core import Report
from ui.access import get_store
from ui.common import chosen_dataset, stored_report

SAMPLE_ONLY = "data contoh"


def year_reports(report: Report) -> tuple[list[Report], str]:
    """The reports of every stored year of the shown satker (the shown one included), and a source label."""
    chosen = chosen_dataset()
    if chosen is None:
        return [report], SAMPLE_ONLY
    satker, shown_year = chosen
    store = get_store()
    reports = {shown_year: report}
    for name, year in store.datasets():
        if name != satker or year in reports:
            continue
        current = store.current(satker, year)
        ids = tuple(sorted((kind, v.id) for kind, v in current.items()))
        reports[year] = stored_report(store.url, satker, year, ids)
    return [reports[y] for y in sorted(reports)], f"data tersimpan {satker}"
