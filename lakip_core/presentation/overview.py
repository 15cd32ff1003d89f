"""The overview's pointers: which page to open next and why, in plain Indonesian."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from lakip_core.analysis.indicators import office_mask
from lakip_core.analysis.report import Report
from lakip_core.presentation.format import format_number, format_percent, format_rupiah
from lakip_core.schema import BudgetCol, IndicatorCol, ObjectiveCol


@dataclass(frozen=True)
class NextStep:
    """A pointer for the overview: which page to open and why."""

    page: str
    icon: str
    text: str


def next_steps(report: Report) -> list[NextStep]:
    """Where to look next, most pressing first: contradictions, weak indicators, budget, assets."""
    steps: list[NextStep] = []
    findings = report.findings
    serious = [f for f in findings if f.severity in ("error", "warning")]
    if serious:
        # One line: the details are the secretariat's (Pemeriksaan), not the plenary's.
        steps.append(NextStep("pemeriksaan", "🔎", f"{len(serious)} temuan data perlu dicek sekretariat."))
    frame = report.indicator_frame
    if len(frame):
        low_labels = report.settings.scale.labels[-2:]
        counted = frame[office_mask(frame)]  # counts are of the office's own lines, never across documents
        low = counted[counted[IndicatorCol.CATEGORY].isin(low_labels)]
        if len(low):
            steps.append(
                NextStep(
                    "kinerja",
                    "🎯",
                    f"{len(low)} dari {len(counted)} indikator {', '.join(report.office.documents)} berkategori "
                    f"{' atau '.join(low_labels)}; {int((low[IndicatorCol.ACHIEVEMENT_PCT] == 0).sum())} di "
                    "antaranya bernilai 0%.",
                )
            )
        missing = [(d.document, d.count - d.with_data) for d in report.documents if d.count > d.with_data]
        if missing:
            per_document = ", ".join(f"{document} {n}" for document, n in missing)
            steps.append(NextStep("kinerja", "📝", f"Indikator belum memiliki realisasi: {per_document}."))
    spent = [f for f in findings if f.code in ("SPENT_WITHOUT_CAPAIAN", "CAPAIAN_WITHOUT_SPENDING")]
    if spent:
        steps.append(
            NextStep(
                "anggaran",
                "⚖️",
                f"{len(spent)} kegiatan: belanja dan capaiannya tidak sejalan (anggaran terserap dengan capaian 0%, "
                "atau capaian tanpa realisasi anggaran).",
            )
        )
    lines = report.budget_lines
    if len(lines) and report.budget_totals is not None:
        low_lines = lines[lines[BudgetCol.ABSORPTION_PCT].astype("float64") < 50]
        if len(low_lines):
            names = ", ".join(str(c) for c in low_lines[BudgetCol.CODE])
            steps.append(
                NextStep(
                    "anggaran",
                    "💰",
                    f"{len(low_lines)} kegiatan menyerap di bawah 50% ({names}); sisa "
                    f"anggaran {format_rupiah(report.budget_totals.remaining)}.",
                )
            )
    if report.asset_summary is not None and report.asset_summary.units:
        summary = report.asset_summary
        damaged = sum(v for k, v in summary.by_condition.items() if k.startswith("Rusak"))
        steps.append(
            NextStep(
                "aset",
                "🏢",
                f"{format_number(summary.past_useful_life)} unit aset melewati masa "
                f"manfaat; {format_number(damaged)} unit rusak (baik {format_percent(summary.good_pct)} dari "
                f"{format_number(summary.units - summary.unknown_condition)} unit yang tercatat kondisinya; "
                f"{format_number(summary.units)} unit seluruhnya).",
            )
        )
    return steps


def achievement_reasons(report: Report) -> str:
    """Why the office figure is what it is, in one line: the indicators at 0% (and the sasaran
    holding most of them), those that met their target, and those left out for want of data.

    Counts are over the rows the office mean averages (its documents, a group counted once);
    "tanpa realisasi" counts the other counted rows without data (targets not yet measured).
    Empty when there is no indicator with data.
    """
    frame = report.indicator_frame
    if not len(frame):
        return ""
    counted = frame[frame[IndicatorCol.COUNTED].astype(bool)]
    office_rows = counted[counted[IndicatorCol.IN_OFFICE_MEAN].astype(bool)]
    measured = office_rows[office_rows[IndicatorCol.HAS_DATA].astype(bool)]
    if not len(measured):
        return ""
    parts = []
    zeros = measured[measured[IndicatorCol.ACHIEVEMENT_PCT].astype("float64") == 0]
    if len(zeros):
        counts = zeros[IndicatorCol.OBJECTIVE].astype(str).value_counts()
        name = textwrap.shorten(str(counts.index[0]), 55, placeholder=" …")
        parts.append(
            f"{format_number(len(zeros))} dari {format_number(len(measured))} indikator bernilai 0%"
            + (f" ({format_number(int(counts.iloc[0]))} di sasaran {name})" if counts.iloc[0] > 1 else "")
        )
    met = int(measured[IndicatorCol.MET].astype(bool).sum())
    parts.append(f"{format_number(met)} mencapai target")
    missing = int((~counted[IndicatorCol.HAS_DATA].astype(bool)).sum())
    if missing:
        parts.append(f"{format_number(missing)} tanpa realisasi tidak dihitung")
    return "; ".join(parts) + "."


def achievement_next(report: Report) -> str:
    """What to look at next after the office figure: the weakest sasaran with data (ties named
    together, at most two). Empty when no sasaran has data."""
    objectives = report.objectives
    if not len(objectives):
        return ""
    office_rows = objectives[ObjectiveCol.DOCUMENT].isin(report.office.documents)
    measured = objectives[office_rows & (objectives[ObjectiveCol.WITH_DATA] > 0)]
    values = measured[ObjectiveCol.MEAN_PCT].astype("float64")
    if not values.notna().any():
        return ""
    low = float(values.min())
    weakest = measured[values == low]
    names = [textwrap.shorten(str(name), 55, placeholder=" …") for name in weakest[ObjectiveCol.OBJECTIVE]]
    more = f" dan {len(names) - 2} lainnya" if len(names) > 2 else ""
    return f"Lihat berikutnya: {' dan '.join(names[:2])}{more} ({format_percent(low)})."
