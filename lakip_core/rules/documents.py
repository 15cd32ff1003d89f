"""Kinds of indicator documents, and which one feeds the office mean.

A LAKIP states indicators in several tables: the measurement table of Bab III A ("Pengukuran
Capaian Kinerja"), the per-sasaran analysis of Bab III B, the Perjanjian Kinerja (targets only)
and planning tables such as Tabel 1.9 "Arsitektur Kinerja" (targets only). When two of them state
realisasi, the office mean uses one kind (``Settings.document_priority``, best first), so no
indicator is counted twice; the others are shown apart and compared with it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MEASUREMENT, ANALYSIS, AGREEMENT, PLAN = "pengukuran", "analisis", "perjanjian", "rencana"

# Keywords of each kind in a sheet name or title, checked in this order ("Analisis Capaian
# Kinerja" is an analysis, not a measurement table). A document that names no kind is a
# measurement table: an office's own upload is usually its capaian table.
KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (ANALYSIS, re.compile(r"\banalisis\b|\bbab\s*iii\s*\.?\s*b\b")),
    (AGREEMENT, re.compile(r"\bperjanjian kinerja\b|\bpk\b|\bperkin\b")),
    (PLAN, re.compile(r"\barsitektur\b|\brencana kinerja\b|\brenstra\b|\brenja\b|\brkt\b|\bcascading\b")),
    (MEASUREMENT, re.compile(r"\bcapaian\b|\bpengukuran\b|\brealisasi\b|\bbab\s*iii\s*\.?\s*a\b")),
)

KINDS: dict[str, str] = {
    MEASUREMENT: "tabel pengukuran capaian kinerja (Bab III A)",
    ANALYSIS: "analisis capaian per sasaran (Bab III B)",
    AGREEMENT: "Perjanjian Kinerja (target)",
    PLAN: "rencana / arsitektur kinerja (target)",
}


def document_kind(name: str, titles: Sequence[str] = ()) -> str:
    """The kind of a document from its sheet name, else its title rows; :data:`MEASUREMENT` by default."""
    for text in (name, " ".join(titles)):
        low = " ".join(text.lower().split())
        for kind, pattern in KEYWORDS:
            if pattern.search(low):
                return kind
    return MEASUREMENT


def rank(kind: str, priority: Sequence[str]) -> int:
    """Position of ``kind`` in ``priority`` (best = 0); an unlisted kind comes after every listed one."""
    return list(priority).index(kind) if kind in priority else len(priority)
