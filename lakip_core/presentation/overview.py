"""The overview's pointers: which page to open next and why, in plain Indonesian."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lakip_core.analysis.indicators import office_mask
from lakip_core.analysis.report import Report
from lakip_core.presentation.format import format_number, format_percent, format_rupiah
from lakip_core.rules.findings import explain
from lakip_core.schema import BudgetCol, IndicatorCol


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
        codes = Counter(f.code for f in serious)
        top = ", ".join(f"{explain(code)[0].lower()} ({n})" for code, n in codes.most_common(3))
        steps.append(NextStep("pemeriksaan", "🔎", f"{len(serious)} temuan perlu diperiksa: {top}."))
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
