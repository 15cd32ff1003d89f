"""Indicator checks: figures that cannot be computed, and figures that contradict each other.

Per line: a stated % far from the computed one, a stated % without realisasi, no realisasi, a
target that cannot be read, target and realisasi in different units, a negative realisasi, a
target of 0. Across lines: a group's own figure against its sub-items, one kegiatan code on two
sasaran, the same indicator in two documents with another realisasi or target, the same
indicator twice in one document, a stated "Rata-rata" against the computed mean.

The figures themselves come from :mod:`lakip_core.analysis.indicators`; these only report.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import pandas as pd

from lakip_core.analysis.indicators import IndicatorData, documents
from lakip_core.presentation.format import format_number, format_percent
from lakip_core.reading.numbers import Value, normalize_unit, parse_value
from lakip_core.rules.achievement import units_comparable
from lakip_core.rules.documents import rank
from lakip_core.rules.findings import Finding, at, stated_pct_differs
from lakip_core.rules.names import alike, contains, normalize_name, same_name
from lakip_core.rules.settings import Settings
from lakip_core.schema import FILE, ROW, SHEET
from lakip_core.schema import IndicatorCol as C

DATASET = "indicators"


def _unit_words(value: Value) -> str:
    if value.kind == "percent":
        return "%"
    return normalize_unit(value.unit) or "tanpa satuan"


def _line_findings(row: pd.Series, settings: Settings) -> list[Finding]:
    """The findings of one computed line (see the module docstring)."""
    found: list[Finding] = []
    name, document = row[C.INDICATOR], row[C.DOCUMENT]
    stated, pct = row[C.STATED_PCT], row[C.ACHIEVEMENT_PCT]
    target_text, actual_text = row[C.TARGET_TEXT], row[C.ACTUAL_TEXT]
    target, actual = parse_value(target_text), parse_value(actual_text)
    if stated_pct_differs(stated, pct, settings.tolerance_pts):
        found.append(
            at(
                row,
                "warning",
                "STATED_PCT_MISMATCH",
                f"Capaian '{name}' tertulis {format_number(stated, 2)}%, dihitung dari realisasi "
                f"{actual_text} terhadap target {target_text} = {format_number(pct, 2)}%.",
                DATASET,
            )
        )
    if not row[C.HAS_DATA]:
        found.append(
            at(
                row,
                "info",
                "INDICATOR_NO_ACTUAL",
                f"Indikator '{name}' ({document}) belum memiliki realisasi: tidak dihitung dalam rata-rata.",
                DATASET,
            )
        )
        if stated is not None and not pd.isna(stated):
            found.append(
                at(
                    row,
                    "warning",
                    "STATED_PCT_WITHOUT_ACTUAL",
                    f"Indikator '{name}' tidak memiliki realisasi, tetapi capaiannya tertulis "
                    f"{format_number(stated, 2)}%. Tanpa data bukan nol: tulis realisasinya atau kosongkan capaiannya.",
                    DATASET,
                )
            )
        return found
    if not target_text:
        return found  # INDICATOR_NO_TARGET is reported when the table is read
    if target.kind == "text":
        found.append(
            at(
                row,
                "warning",
                "INDICATOR_TARGET_UNREADABLE",
                f"Target '{target_text}' pada indikator '{name}' bukan angka, persentase, rentang atau predikat: "
                "capaian tidak dihitung.",
                DATASET,
            )
        )
    elif actual.kind != "text" and actual.number is not None and actual.number < 0:
        found.append(
            at(
                row,
                "warning",
                "INDICATOR_NEGATIVE_ACTUAL",
                f"Realisasi '{name}' bernilai negatif ({actual_text}): capaian tidak dihitung dan tidak ikut "
                "rata-rata.",
                DATASET,
            )
        )
    elif pd.isna(pct) and not units_comparable(
        target, actual, settings.bare_actual_in_target_unit or bool(row.get(C.UNIT_TEXT))
    ):
        found.append(
            at(
                row,
                "warning",
                "INDICATOR_UNIT_MISMATCH",
                f"Target '{target_text}' ({_unit_words(target)}) dan realisasi '{actual_text}' ({_unit_words(actual)}) "
                f"pada indikator '{name}' tidak dalam satuan yang sama: capaian tidak dihitung.",
                DATASET,
            )
        )
    elif pd.isna(pct):
        found.append(
            at(
                row,
                "warning",
                "INDICATOR_NOT_COMPARABLE",
                f"Realisasi '{actual_text}' tidak dapat dibandingkan dengan target '{target_text}' pada indikator "
                f"'{name}'.",
                DATASET,
            )
        )
    elif target.kind in ("number", "percent") and target.number == 0 and row[C.POLARITY] == "positif":
        found.append(
            at(
                row,
                "info",
                "INDICATOR_TARGET_ZERO",
                f"Target '{name}' adalah 0: realisasi {actual_text} memenuhinya (capaian 100%). Periksa apakah "
                "targetnya memang nol.",
                DATASET,
            )
        )
    return found


def _groups(computed: pd.DataFrame, settings: Settings) -> list[Finding]:
    """A group line's own figure against the mean of its sub-items (more than the tolerance apart)."""
    found: list[Finding] = []
    if C.IS_GROUP not in computed.columns:
        return found
    rule = "baris kelompok ini" if settings.group_counting == "group" else "sub-butirnya"
    for _, group in computed[computed[C.IS_GROUP].astype(bool)].iterrows():
        items = computed[
            (computed[FILE] == group[FILE]) & (computed[SHEET] == group[SHEET]) & (computed[C.GROUP_ROW] == group[ROW])
        ]
        pcts = items[C.ACHIEVEMENT_PCT].dropna()
        own = group[C.ACHIEVEMENT_PCT]
        if pd.isna(own) or pcts.empty:
            continue
        mean = math.fsum(pcts.tolist()) / len(pcts)
        if abs(own - mean) > settings.group_tolerance_pts:
            found.append(
                at(
                    group,
                    "warning",
                    "INDICATOR_GROUP_MISMATCH",
                    f"'{group[C.INDICATOR]}' tertulis capaian {format_percent(own)}, sedangkan rata-rata "
                    f"{len(pcts)} sub-butirnya {format_percent(mean)} (selisih {format_number(abs(own - mean), 2)} "
                    f"poin). Kelompok dihitung sekali; rata-rata memakai {rule} (pengaturan).",
                    DATASET,
                )
            )
    return found


def _kegiatan_codes(computed: pd.DataFrame) -> list[Finding]:
    """One kegiatan code on two or more sasaran of one document: its budget cannot be split."""
    found: list[Finding] = []
    coded = computed[computed[C.OBJECTIVE_CODE].map(_code) != ""]
    for (document, code), rows in coded.groupby([C.DOCUMENT, C.OBJECTIVE_CODE], sort=False):
        names = list(dict.fromkeys(rows[C.OBJECTIVE]))
        if len(names) < 2:
            continue
        second = rows[rows[C.OBJECTIVE] == names[1]].iloc[0]
        found.append(
            at(
                second,
                "warning",
                "KEGIATAN_ON_TWO_SASARAN",
                f"Kode kegiatan {code} tercantum pada {len(names)} sasaran di {document}: "
                + " dan ".join(f"'{n}'" for n in names)
                + ". Anggaran satu kegiatan tidak dapat dibagi per sasaran; perbandingan capaian dengan "
                "anggaran menggabungkan sasaran-sasaran ini.",
                DATASET,
            )
        )
    return found


def _differs(a: str, b: str) -> bool:
    """Two stated values differ: other kinds, numbers, bounds or scale (``100%`` = ``100``)."""
    left, right = parse_value(a), parse_value(b)
    if left.kind in ("missing", "text") or right.kind in ("missing", "text"):
        return normalize_name(a) != normalize_name(b)
    if (left.kind == "ordinal") != (right.kind == "ordinal") or (left.kind == "range") != (right.kind == "range"):
        return True
    if left.kind == "ordinal":
        return (left.scale, left.number) != (right.scale, right.number)
    if left.kind == "range":
        return (left.low, left.high) != (right.low, right.high)
    return left.number is None or right.number is None or not math.isclose(left.number, right.number, abs_tol=1e-9)


def _pairs(left: pd.DataFrame, right: pd.DataFrame, loose: bool) -> list[tuple[pd.Series, pd.Series]]:
    """One-to-one matches of the indicators of two sasaran: same name first, then alike, then
    (``loose``) one name's words all in the other."""
    pairs: list[tuple[pd.Series, pd.Series]] = []
    names_left = [str(n) for n in left[C.INDICATOR]]
    names_right = [str(n) for n in right[C.INDICATOR]]
    used_left: set[int] = set()
    used_right: set[int] = set()

    def exact(a: str, b: str) -> bool:
        return normalize_name(a) == normalize_name(b)

    def part(a: str, b: str) -> bool:
        return contains(a, b, prefix=not loose) or contains(b, a, prefix=not loose)

    for test in (exact, alike, part):
        for i, a in enumerate(names_left):
            if i in used_left:
                continue
            for j, b in enumerate(names_right):
                if j not in used_right and test(a, b):
                    pairs.append((left.iloc[i], right.iloc[j]))
                    used_left.add(i)
                    used_right.add(j)
                    break
    return pairs


def _place(row: pd.Series) -> str:
    return f"{row[C.DOCUMENT]} baris {int(row[ROW])}"


def _restated(a: pd.Series, b: pd.Series, feeding: Sequence[str]) -> list[Finding]:
    """Findings for one indicator stated in two documents (``a`` in the better-ranked one)."""
    found: list[Finding] = []
    used = [d for d in (a[C.DOCUMENT], b[C.DOCUMENT]) if d in feeding]
    which = f"Capaian kantor memakai {used[0]}." if used else "Tentukan angka yang benar."
    if a[C.ACTUAL_TEXT] and b[C.ACTUAL_TEXT] and _differs(a[C.ACTUAL_TEXT], b[C.ACTUAL_TEXT]):
        found.append(
            at(
                b,
                "warning",
                "INDICATOR_DOCUMENTS_DIFFER",
                f"Indikator '{a[C.INDICATOR]}' tertulis realisasi {a[C.ACTUAL_TEXT]} di {_place(a)} dan "
                f"{b[C.ACTUAL_TEXT]} di {_place(b)}. {which}",
                DATASET,
            )
        )
    if a[C.TARGET_TEXT] and b[C.TARGET_TEXT] and _differs(a[C.TARGET_TEXT], b[C.TARGET_TEXT]):
        found.append(
            at(
                b,
                "warning",
                "INDICATOR_TARGET_DIFFERS",
                f"Indikator '{b[C.INDICATOR]}' bertarget {b[C.TARGET_TEXT]} di {_place(b)}, tetapi "
                f"'{a[C.INDICATOR]}' bertarget {a[C.TARGET_TEXT]} di {_place(a)} (sasaran yang sama). "
                "Satu indikator semestinya satu target.",
                DATASET,
            )
        )
    return found


def _code(value: object) -> str:
    """A kegiatan code cell as text; blank (None, NaN) → ``""``."""
    return "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value)


def _objectives_match(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two sasaran (name, kegiatan code) are one: the same code when both have one, else alike names."""
    if a[1] and b[1]:
        return a[1] == b[1]
    return same_name(a[0], b[0])


def _across_documents(computed: pd.DataFrame, settings: Settings) -> list[Finding]:
    """The same indicator (normalised name within the same sasaran) in two documents."""
    found: list[Finding] = []
    if computed[C.DOCUMENT].nunique() < 2:
        return found
    kinds = computed.groupby(C.DOCUMENT, sort=False)[C.DOCUMENT_KIND].first()
    order = sorted(kinds.index, key=lambda d: rank(str(kinds[d]), settings.document_priority))
    feeding = list(dict.fromkeys(computed.loc[computed[C.IN_OFFICE_MEAN].astype(bool), C.DOCUMENT]))
    blocks = {
        d: [
            ((str(name), _code(rows[C.OBJECTIVE_CODE].iloc[0])), rows)
            for name, rows in computed[computed[C.DOCUMENT] == d].groupby(C.OBJECTIVE, sort=False)
        ]
        for d in order
    }
    for i, first in enumerate(order):
        for second in order[i + 1 :]:
            for key_left, left in blocks[first]:
                for key_right, right in blocks[second]:
                    if _objectives_match(key_left, key_right):
                        for a, b in _pairs(left, right, loose=True):
                            found += _restated(a, b, feeding)
    return found


def _within_documents(computed: pd.DataFrame) -> list[Finding]:
    """The same indicator in two sasaran of one document with another realisasi."""
    found: list[Finding] = []
    rows = computed[computed[C.HAS_DATA].astype(bool)]
    for _, document in rows.groupby(C.DOCUMENT, sort=False):
        # Candidates share their first two words: alike names (≥ 0.9) or one the start of the other.
        buckets: dict[str, list[pd.Series]] = defaultdict(list)
        for _, row in document.iterrows():
            buckets[" ".join(normalize_name(row[C.INDICATOR]).split()[:2])].append(row)
        for bucket in buckets.values():
            for x, a in enumerate(bucket):
                for b in bucket[x + 1 :]:
                    if a[C.OBJECTIVE] == b[C.OBJECTIVE] or not same_name(a[C.INDICATOR], b[C.INDICATOR]):
                        continue
                    if _differs(a[C.ACTUAL_TEXT], b[C.ACTUAL_TEXT]):
                        found.append(
                            at(
                                b,
                                "warning",
                                "INDICATOR_REPEATED_IN_DOCUMENT",
                                f"Indikator '{b[C.INDICATOR]}' ({b[C.ACTUAL_TEXT]}, sasaran '{b[C.OBJECTIVE]}') "
                                f"juga tertulis sebagai '{a[C.INDICATOR]}' ({a[C.ACTUAL_TEXT]}, sasaran "
                                f"'{a[C.OBJECTIVE]}', baris {int(a[ROW])}) dengan realisasi lain.",
                                DATASET,
                            )
                        )
    return found


def _stated_means(computed: pd.DataFrame, data: IndicatorData | None, settings: Settings) -> list[Finding]:
    """A "Rata-rata" row of a table (not an indicator) against the computed mean of that document."""
    found: list[Finding] = []
    if data is None or not data.stated_means:
        return found
    means = {d.document: d.mean_pct for d in documents(computed, settings)}
    for stated in data.stated_means:
        computed_mean = means.get(stated.document)
        if stated_pct_differs(stated.value, computed_mean, settings.tolerance_pts):
            found.append(
                Finding(
                    "warning",
                    "STATED_MEAN_MISMATCH",
                    f"Baris rata-rata {stated.document} menyatakan {format_percent(stated.value)}, rata-rata "
                    f"indikatornya dihitung {format_percent(computed_mean)}. Baris rata-rata tidak dihitung "
                    "sebagai indikator.",
                    stated.file,
                    stated.sheet,
                    stated.row,
                    DATASET,
                )
            )
    return found


def check(computed: pd.DataFrame, settings: Settings, data: IndicatorData | None = None) -> list[Finding]:
    """Every indicator finding of a computed frame (see the module docstring)."""
    findings: list[Finding] = []
    if computed.empty:
        return findings
    for _, row in computed.iterrows():
        findings += _line_findings(row, settings)
    keys = [C.DOCUMENT, C.OBJECTIVE, C.INDICATOR]
    for _, row in computed[computed.duplicated(keys, keep="first")].iterrows():
        findings.append(
            at(
                row,
                "warning",
                "DUPLICATE_ROW",
                f"Indikator '{row[C.INDICATOR]}' muncul lebih dari sekali pada sasaran yang sama.",
                DATASET,
            )
        )
    findings += _groups(computed, settings)
    findings += _kegiatan_codes(computed)
    if C.DOCUMENT_KIND in computed.columns and C.IN_OFFICE_MEAN in computed.columns:
        findings += _across_documents(computed, settings)
    findings += _within_documents(computed)
    findings += _stated_means(computed, data, settings)
    return findings
