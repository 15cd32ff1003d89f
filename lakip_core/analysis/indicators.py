"""Performance indicators: read the capaian / Perjanjian Kinerja tables and compute achievement."""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from lakip_core.reading.numbers import cell_text, is_missing_text, parse_number, parse_value
from lakip_core.reading.tables import Column, DatasetSpec, Table, aliases
from lakip_core.rules.achievement import achievement, met, parse_formula, parse_polarity
from lakip_core.rules.documents import document_kind, rank
from lakip_core.rules.findings import Finding, at, reading_findings
from lakip_core.rules.settings import Settings
from lakip_core.schema import FILE, ROW, SHEET, ObjectiveCol
from lakip_core.schema import IndicatorCol as C

SPEC = DatasetSpec(
    kind="indicators",
    label="indikator kinerja",
    columns=(
        Column("no", aliases("No", "No.", "Nomor", "No Urut")),
        Column(
            "objective",
            aliases(
                "Sasaran",
                "Sasaran Strategis",
                "Sasaran Program",
                "Sasaran Kegiatan",
                "Sasaran Kinerja",
                "Tujuan/Sasaran",
            ),
            label="Sasaran",
        ),
        Column(
            "indicator",
            aliases(
                "Indikator",
                "Indikator Kinerja",
                "Indikator Kinerja Utama",
                "IKU",
                "Nama Indikator",
                "Uraian",
                "Uraian Indikator",
                "Indikator Kinerja Kegiatan",
                "Indikator Kinerja Program",
            ),
            required=True,
            label="Indikator",
            fill="text",
        ),
        Column(
            "target",
            aliases("Target", "Target Kinerja", "Target 2024", "Target Tahunan", "Target (%)", "Target PK"),
            required=True,
            label="Target",
            fill="any",
            percent=True,
        ),
        # Optional: the Renstra end-of-period target (compare.renstra_progress). Its own aliases
        # also keep such a header from being read as the year's "Target" by prefix.
        Column(
            "renstra_target",
            aliases(
                "Target Renstra",
                "Target Akhir Renstra",
                "Target Renstra 2024",
                "Target Akhir Periode",
                "Target Akhir Periode Renstra",
                "Target Renstra (Akhir Periode)",
                "Target Renstra (%)",
                "Target Akhir Renstra (%)",
            ),
            label="Target Renstra",
        ),
        Column(
            "actual",
            aliases(
                "Realisasi",
                "Realisasi Kinerja",
                "Realisasi (%)",
                "Realisasi Capaian",
                "Realisasi 2024",
                "Capaian Realisasi",
            ),
            label="Realisasi",
            percent=True,
        ),
        Column("capaian", aliases("Capaian"), percent=True),
        Column(
            "stated_pct",
            aliases(
                "%",
                "Capaian (%)",
                "Capaian Kinerja",
                "Capaian Kinerja (%)",
                "Persentase Capaian",
                "Persentase",
                "% Capaian",
                "Capaian %",
            ),
            label="Capaian (%)",
            percent=True,
        ),
        Column("unit", aliases("Satuan", "Unit Satuan", "Satuan Target"), label="Satuan"),
        Column("polarity", aliases("Polaritas", "Polarisasi", "Arah", "Sifat Indikator"), label="Polaritas"),
        Column("formula", aliases("Formula", "Rumus", "Cara Hitung", "Formula Capaian"), label="Formula"),
        Column("code", aliases("Kode", "Kode Indikator", "Kode Kegiatan"), label="Kode"),
    ),
)

_ENUMERATOR = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[-–•*·])\s+")
_CODE_IN_NAME = re.compile(r"\s*\((\d{4})\)\s*$")
# Enumerator kinds, for groups: a line opens sub-items of another kind; a line of the same kind
# as an open group closes it ("3. Jasa pos" after "2. Layanan daya dan jasa" + "- Listrik").
_KINDS = (
    ("number", re.compile(r"^\s*\(?\d{1,2}[.)]\s+")),
    ("letter", re.compile(r"^\s*\(?[a-zA-Z][.)]\s+")),
    ("dash", re.compile(r"^\s*[-–•*·]\s+")),
)
_SUB_ITEM_KINDS = ("letter", "dash")
# A row stating a mean or total of the table, not an indicator ("Rata-rata", "Rata-rata capaian").
_MEAN_ROW = re.compile(r"^\W*(?:rata\s*-?\s*rata|rerata|nilai rata\s*-?\s*rata)\b", re.IGNORECASE)
# Several indicators in one cell: "a. … b. …" or "1. … 2. …".
_INLINE_PARTS = (
    re.compile(r"(?:^|\s)([a-h])[.)]\s+", re.IGNORECASE),
    re.compile(r"(?:^|\s)([1-9])[.)]\s+"),
)


def clean_name(text: object) -> str:
    """``1. Pembayaran Gaji Pokok PNS`` → ``Pembayaran Gaji Pokok PNS``; trailing ``:`` dropped."""
    name = _ENUMERATOR.sub("", cell_text(text))
    return name.rstrip(":").strip()


def split_code(name: str) -> tuple[str, str | None]:
    """``Terlaksananya ... (3355)`` → (``Terlaksananya ...``, ``3355``)."""
    match = _CODE_IN_NAME.search(name)
    if not match:
        return name, None
    return name[: match.start()].strip(), match.group(1)


def enumerator_kind(text: object) -> str:
    """``number`` (``1.``), ``letter`` (``a.``), ``dash`` (``-``) or ``none``: how a line is numbered."""
    raw = cell_text(text)
    return next((kind for kind, pattern in _KINDS if pattern.match(raw)), "none")


def inline_parts(text: str) -> list[str]:
    """The indicators of a cell that numbers several inline (``a. X b. Y`` → [X, Y]); else ``[]``.

    Only a run that starts at the first letter or number (a., b., c. … / 1., 2., 3. …) counts.
    """
    for pattern in _INLINE_PARTS:
        matches = list(pattern.finditer(text))
        if len(matches) < 2 or matches[0].start() > 0:
            continue
        labels = [m.group(1).lower() for m in matches]
        expected = [chr(ord(labels[0]) + i) for i in range(len(labels))]
        if labels[0] not in ("a", "1") or labels != expected:
            continue
        bounds = [m.end() for m in matches]
        starts = [m.start() for m in matches[1:]] + [len(text)]
        parts = [text[b:e].strip(" ;,") for b, e in zip(bounds, starts, strict=True)]
        if all(parts):
            return parts
    return []


def _split_values(text: str, count: int) -> list[str] | None:
    """A cell holding ``count`` values separated by spaces (``WTP B``), each readable on its own."""
    parts = text.split()
    if len(parts) != count or any(parse_value(p).kind in ("text", "missing") for p in parts):
        return None
    return parts


@dataclass(frozen=True)
class IndicatorData:
    """Indicators of one or more files: one row per indicator, plus parse findings.

    ``stated_means``: rows stating a table mean ("Rata-rata") — not indicators; kept to compare.
    """

    frame: pd.DataFrame
    findings: tuple[Finding, ...]
    tables: tuple[Table, ...]
    stated_means: tuple[StatedMean, ...] = ()


@dataclass(frozen=True)
class StatedMean:
    """A "Rata-rata" row of an indicator table: the mean it states, and where."""

    document: str
    value: float | None
    file: str
    sheet: str
    row: int


def _resolve_capaian(table: Table) -> pd.DataFrame:
    """Seed layout ``Target | Capaian | %``: "Capaian" is the realisasi when "%" holds achievement."""
    data = table.data
    if "capaian" not in data.columns:
        return data
    if "actual" not in data.columns:
        return data.rename(columns={"capaian": "actual"})
    if "stated_pct" not in data.columns:
        return data.rename(columns={"capaian": "stated_pct"})
    return data.drop(columns=["capaian"])


@dataclass
class _Line:
    """One indicator row while a table is read (before groups are resolved)."""

    row: pd.Series
    objective: str
    code: str | None
    name: str
    kind: str
    has_figure: bool
    ends_with_colon: bool
    target: str
    actual: str
    stated: str


@dataclass
class _Open:
    """An open group: its name, enumerator kind, and its sheet row when it has its own figure."""

    name: str
    kind: str
    row: int  # 0 = a heading without its own figure


def _lines(table: Table, findings: list[Finding]) -> tuple[list[list[_Line]], list[StatedMean]]:
    """The table's rows as lines, one list per sasaran; "Rata-rata" rows set aside.

    A sasaran name repeated later in the same document with other indicators (two sasaran printed
    with one name) is kept apart, named with its number, and reported.
    """
    data = _resolve_capaian(table)
    blocks: list[list[_Line]] = []
    means: list[StatedMean] = []
    objective, objective_code = "", None
    seen: dict[str, int] = {}
    # Sasaran written once per block (merged cells, blanks below): a name written again starts
    # another sasaran. Written on every row: the same name on the next row is the same sasaran.
    once_per_block = "objective" in data.columns and bool(
        (data["indicator"].map(cell_text) != "").any()
        and ((data["objective"].map(cell_text) == "") & (data["indicator"].map(cell_text) != "")).any()
    )
    for _, row in data.iterrows():
        raw_objective = cell_text(row.get("objective"))
        if raw_objective and not once_per_block and split_code(clean_name(raw_objective))[0] == objective:
            raw_objective = ""  # the same sasaran, written again on its next row
        if raw_objective:
            objective, objective_code = split_code(clean_name(raw_objective))
            if objective in seen and once_per_block:
                seen[objective] += 1
                number = cell_text(row.get("no")) or f"ke-{seen[objective]}"
                findings.append(
                    at(
                        row,
                        "warning",
                        "OBJECTIVE_NAME_REPEATED",
                        f"Sasaran '{objective}' muncul lagi di {table.sheet} ({number}) dengan indikator lain; "
                        "keduanya dihitung terpisah. Periksa nama sasaran yang benar.",
                        "indicators",
                    )
                )
                objective = f"{objective} ({number})"
            else:
                seen.setdefault(objective, 1)
            blocks.append([])
        raw_name = cell_text(row.get("indicator"))
        name = clean_name(raw_name)
        if not name:
            continue
        target = "" if is_missing_text(row.get("target")) else cell_text(row.get("target"))
        actual = "" if is_missing_text(row.get("actual")) else cell_text(row.get("actual"))
        stated = cell_text(row.get("stated_pct"))
        if _MEAN_ROW.match(name) and len(name) < 60:
            value = parse_number(row.get("actual")) if actual else parse_number(row.get("stated_pct"))
            means.append(StatedMean(table.sheet, value, str(row[FILE]), str(row[SHEET]), int(row[ROW])))
            continue
        has_figure = bool(cell_text(row.get("target")) or actual or stated)
        if not blocks:
            blocks.append([])
        blocks[-1].append(
            _Line(
                row,
                objective or "(tanpa sasaran)",
                objective_code,
                name,
                enumerator_kind(raw_name),
                has_figure,
                raw_name.rstrip().endswith(":"),
                target,
                actual,
                stated,
            )
        )
    return blocks, means


def _record(line: _Line, table: Table, kind: str, group: str, group_row: int, is_group: bool) -> dict[str, object]:
    row = line.row
    renstra = row.get("renstra_target")
    return {
        C.DOCUMENT: table.sheet,
        C.DOCUMENT_KIND: kind,
        C.OBJECTIVE: line.objective,
        C.OBJECTIVE_CODE: cell_text(row.get("code")) or line.code,
        C.GROUP: group,
        C.GROUP_ROW: group_row,
        C.IS_GROUP: is_group,
        C.INDICATOR: line.name,
        C.TARGET_TEXT: line.target,
        C.ACTUAL_TEXT: line.actual,
        C.RENSTRA_TEXT: "" if is_missing_text(renstra) else cell_text(renstra),
        C.UNIT_TEXT: cell_text(row.get("unit")),
        C.POLARITY: parse_polarity(row.get("polarity")),
        C.FORMULA: parse_formula(row.get("formula")),
        C.STATED_PCT: parse_number(row.get("stated_pct")),
        FILE: row[FILE],
        SHEET: row[SHEET],
        ROW: row[ROW],
    }


def _split_inline(record: dict[str, object], line: _Line, findings: list[Finding]) -> list[dict[str, object]]:
    """A cell with several indicators ("a. Opini BPK … b. Nilai Evaluasi …") and as many targets
    ("WTP B") becomes one record per indicator; a finding says so either way."""
    parts = inline_parts(cell_text(line.row.get("indicator")))
    if not parts:
        return [record]
    targets = _split_values(line.target, len(parts)) if line.target else None
    actuals = _split_values(line.actual, len(parts)) if line.actual else None
    split = targets is not None and (not line.actual or actuals is not None)
    findings.append(
        at(
            line.row,
            "warning",
            "INDICATOR_SEVERAL_IN_CELL",
            f"Satu sel memuat {len(parts)} indikator ({'; '.join(parts)}) dengan target '{line.target or '-'}'"
            + (
                f"; dibaca sebagai {len(parts)} indikator masing-masing dengan targetnya."
                if split
                else "; target tidak dapat dibagi per indikator. Tulis setiap indikator pada barisnya sendiri."
            ),
            "indicators",
        )
    )
    if not split:
        return [record]
    assert targets is not None
    return [
        {
            **record,
            C.INDICATOR: part,
            C.TARGET_TEXT: targets[i],
            C.ACTUAL_TEXT: actuals[i] if actuals else "",
        }
        for i, part in enumerate(parts)
    ]


def _block_records(block: list[_Line], table: Table, kind: str, findings: list[Finding]) -> list[dict[str, object]]:
    """Records of one sasaran's lines, with their groups resolved (DOMAIN.md, Groups).

    A line opens a group when it has no figure of its own (a sub-heading such as
    "f. Layanan Daya & Jasa:"), or when it has one and ends with ":" or is followed by lines
    lettered a., b., … or dashed "- ". A later line numbered like an open group closes it.
    """
    records: list[dict[str, object]] = []
    stack: list[_Open] = []
    for position, line in enumerate(block):
        kinds = [g.kind for g in stack]
        if line.kind in kinds:  # a sibling of an open group closes it (and every group inside it)
            del stack[len(kinds) - 1 - kinds[::-1].index(line.kind) :]
        if not line.has_figure:
            stack.append(_Open(line.name, line.kind, 0))
            continue
        following = block[position + 1] if position + 1 < len(block) else None
        opens = line.ends_with_colon or (
            following is not None
            and following.kind in _SUB_ITEM_KINDS
            and following.kind != line.kind
            and following.kind not in [g.kind for g in stack]
        )
        outer = next((g.row for g in stack if g.row), 0)
        inner = stack[-1].name if stack else ""
        row = int(line.row[ROW])
        records += _split_inline(_record(line, table, kind, inner, outer, opens and not outer), line, findings)
        if opens:
            stack.append(_Open(line.name, line.kind, row if not outer else 0))
    return records


def from_tables(tables: list[Table]) -> IndicatorData:
    """Normalise indicator tables: forward-fill sasaran, resolve groups, kind of each document."""
    records: list[dict[str, object]] = []
    findings: list[Finding] = []
    means: list[StatedMean] = []
    for table in tables:
        findings += reading_findings(table, "indicators")
        kind = document_kind(table.sheet, table.title)
        blocks, stated = _lines(table, findings)
        means += stated
        for block in blocks:
            for record in _block_records(block, table, kind, findings):
                records.append(record)
                if not record[C.TARGET_TEXT]:
                    findings.append(
                        at(
                            record,
                            "warning",
                            "INDICATOR_NO_TARGET",
                            f"Indikator '{record[C.INDICATOR]}' tidak memiliki target.",
                            "indicators",
                        )
                    )
    frame = pd.DataFrame.from_records(records) if records else pd.DataFrame(columns=[*C.READ, FILE, SHEET, ROW])
    if len(frame):
        frame[C.GROUP_ROW] = frame[C.GROUP_ROW].astype("int64")
        frame[C.IS_GROUP] = frame[C.IS_GROUP].astype(bool)
    return IndicatorData(frame, tuple(findings), tuple(tables), tuple(means))


def column_values(series: pd.Series) -> list[Any]:
    """A column as a plain list (iterating an Arrow string column element by element is slow)."""
    return series.to_numpy(dtype=object).tolist()


def label(indicator: str, group: str) -> str:
    """A display name that stands alone: short sub-items carry their group (``Listrik (Layanan Daya & Jasa)``)."""
    return f"{indicator} ({group})" if group and len(indicator) < 25 else indicator


# Edited tables (Simulasi) and reports repeat the same few texts ("100%", "12 Laporan"): each
# distinct text is parsed once. Value is frozen, so sharing the parsed objects is safe.
_parse = functools.lru_cache(maxsize=8192)(parse_value)


def computed_columns(frame: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Achievement per row: ``unit``, ``target``, ``actual``, ``achievement_pct``, ``has_data``,
    ``category``, ``met`` for each row of ``frame`` (same index).

    Reads only ``target_text``, ``actual_text``, ``unit_text`` (optional), ``polarity`` and
    ``formula``; the rules are :func:`lakip_core.rules.achievement.achievement`. ``target`` of a
    range is its lower bound; ``met`` is achievement ≥ 100 as shown (no data → not met); the
    category rates the value as shown. The stored figures and every what-if edit go through
    here, so both follow one rule.
    """
    targets = [_parse(t) for t in column_values(frame[C.TARGET_TEXT])]
    actuals = [_parse(a) for a in column_values(frame[C.ACTUAL_TEXT])]
    polarity, formula = column_values(frame[C.POLARITY]), column_values(frame[C.FORMULA])
    unit_texts = column_values(frame[C.UNIT_TEXT]) if C.UNIT_TEXT in frame.columns else [""] * len(frame)
    bare = settings.bare_actual_in_target_unit
    pcts = [
        # A Satuan column states one unit for both sides: a bare realisasi is in that unit.
        achievement(t, a, p, f, settings.cap_pct, bare or bool(u))
        for t, a, p, f, u in zip(targets, actuals, polarity, formula, unit_texts, strict=True)
    ]
    index = frame.index
    return pd.DataFrame(
        {
            C.UNIT: pd.Series(
                [(u or None) or t.unit or a.unit for u, t, a in zip(unit_texts, targets, actuals, strict=True)],
                index=index,
                dtype=object,
            ),
            C.TARGET: pd.Series(
                [t.number if t.kind != "range" else t.low for t in targets], index=index, dtype="float64"
            ),
            C.ACTUAL: pd.Series([a.number for a in actuals], index=index, dtype="float64"),
            C.ACHIEVEMENT_PCT: pd.Series(pcts, index=index, dtype="float64"),
            C.HAS_DATA: pd.Series([a.kind != "missing" for a in actuals], index=index, dtype=bool),
            C.CATEGORY: pd.Series([settings.scale.rate(p) for p in pcts], index=index, dtype=object),
            C.MET: pd.Series([met(p) for p in pcts], index=index, dtype=bool),
        },
        index=index,
    )


def counted_mask(frame: pd.DataFrame, settings: Settings) -> np.ndarray:
    """Rows counted once in their document's means (DOMAIN.md, Groups).

    ``group_counting="group"``: a group line with its own figure is counted and its sub-items are
    not; ``"items"``: the sub-items are counted and the group line is not. Rows of a frame without
    group columns (an edited copy of an older frame) are all counted.
    """
    if C.GROUP_ROW not in frame.columns or C.IS_GROUP not in frame.columns:
        return np.ones(len(frame), dtype=bool)
    if settings.group_counting == "items":
        mask: np.ndarray = ~frame[C.IS_GROUP].to_numpy(dtype=bool)
        return mask
    inside: np.ndarray = frame[C.GROUP_ROW].to_numpy(dtype="int64") > 0
    return ~inside


def office_documents(frame: pd.DataFrame, settings: Settings) -> list[str]:
    """The documents that feed the office mean: those of the best-ranked kind
    (``settings.document_priority``) among documents with at least one realisasi; without any
    realisasi, those of the best-ranked kind. Order: as read."""
    if frame.empty:
        return []
    kinds = frame[C.DOCUMENT_KIND] if C.DOCUMENT_KIND in frame.columns else pd.Series("", index=frame.index)
    documents = pd.DataFrame({"doc": frame[C.DOCUMENT], "kind": kinds, "data": frame[C.HAS_DATA].astype(bool)})
    per_doc = documents.groupby("doc", sort=False).agg(kind=("kind", "first"), data=("data", "any"))
    per_doc["rank"] = [rank(k, settings.document_priority) if k else 0 for k in per_doc["kind"]]
    pool = per_doc[per_doc["data"]] if per_doc["data"].any() else per_doc
    best = pool["rank"].min()
    return [str(d) for d in pool.index[pool["rank"] == best]]


def compute(frame: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """The frame of :func:`from_tables` with :func:`computed_columns`, ``label``, ``counted`` and
    ``in_office_mean`` added.

    Works on an edited copy too (what-if): only the columns :func:`computed_columns` names are read,
    plus ``indicator`` and ``group`` for the label and the group and document columns when present.
    """
    out = frame.copy()
    for column, values in computed_columns(out, settings).items():
        out[column] = values
    groups = column_values(out[C.GROUP]) if C.GROUP in out.columns else [""] * len(out)
    out[C.LABEL] = [label(i, g) for i, g in zip(column_values(out[C.INDICATOR]), groups, strict=True)]
    out[C.COUNTED] = counted_mask(out, settings)
    out[C.IN_OFFICE_MEAN] = out[C.DOCUMENT].isin(office_documents(out, settings)).to_numpy(dtype=bool)
    return out


@dataclass(frozen=True)
class OfficeAchievement:
    """Office-level figures: counts and the two means (of indicators, of objective means).

    The counts are of the lines that feed the office mean: the documents of :func:`office_documents`
    (``documents``), each group counted once. ``lines`` = every indicator line read, all documents.
    """

    count: int
    with_data: int
    met: int
    not_met: int
    mean_pct: float | None
    mean_of_objectives_pct: float | None
    category: str
    documents: tuple[str, ...] = ()
    lines: int = 0


def objective_codes(frame: pd.DataFrame) -> tuple[np.ndarray, list[tuple[str, str]]]:
    """Group code per row for (document, objective), in order of first appearance, and the pairs."""
    pairs = list(zip(column_values(frame[C.DOCUMENT]), column_values(frame[C.OBJECTIVE]), strict=True))
    index: dict[tuple[str, str], int] = {}
    codes = np.fromiter((index.setdefault(pair, len(index)) for pair in pairs), dtype="int64", count=len(pairs))
    return codes, list(index)


def group_means(codes: np.ndarray, groups: int, pcts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per group: mean of the values with data (NaN when none has data) and how many have data.

    A sasaran mean is the mean of its indicators with data; indicators without data are left
    out, not counted as 0. Sums are exact (``math.fsum``), so a mean does not depend on the
    order of the rows.
    """
    present = ~np.isnan(pcts)
    counts = np.bincount(codes[present], minlength=groups)
    order = np.argsort(codes[present], kind="stable")
    chunks = np.split(pcts[present][order], np.cumsum(counts)[:-1])
    sums = np.array([math.fsum(chunk) for chunk in chunks], dtype="float64")
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return means, counts


def office_figures(
    pcts: np.ndarray,
    met: np.ndarray,
    objective_means: np.ndarray,
    settings: Settings,
    included: np.ndarray | None = None,
    documents: tuple[str, ...] = (),
) -> OfficeAchievement:
    """Office achievement = mean of every included indicator with data; also the mean of the
    sasaran means (pass the means of the included rows: a sasaran without any is NaN, left out).

    ``included`` = the rows that feed the office mean (all when ``None``). No included indicator
    with data → both means ``None`` and the category "no data".
    """
    lines = len(pcts)
    if included is not None:
        pcts = np.where(included, pcts, np.nan)
        met = met & included
    present = ~np.isnan(pcts)
    with_data = int(present.sum())
    mean = math.fsum(pcts[present].tolist()) / with_data if with_data else None
    measured = objective_means[~np.isnan(objective_means)]
    met_count = int(met.sum())
    return OfficeAchievement(
        count=int(included.sum()) if included is not None else lines,
        with_data=with_data,
        met=met_count,
        not_met=with_data - met_count,
        mean_pct=mean,
        mean_of_objectives_pct=float(measured.mean()) if len(measured) else None,
        category=settings.scale.rate(mean),
        documents=documents,
        lines=lines,
    )


def _pcts(computed: pd.DataFrame) -> np.ndarray:
    pcts: np.ndarray = computed[C.ACHIEVEMENT_PCT].to_numpy(dtype="float64")
    return pcts


def _flag(computed: pd.DataFrame, column: str) -> np.ndarray:
    """A boolean column, all True when the frame has none (an edited copy without it)."""
    if column not in computed.columns:
        return np.ones(len(computed), dtype=bool)
    flags: np.ndarray = computed[column].to_numpy(dtype=bool)
    return flags


def office_mask(computed: pd.DataFrame) -> np.ndarray:
    """The rows that feed the office figures: counted once, in a document that feeds the mean."""
    mask: np.ndarray = _flag(computed, C.COUNTED) & _flag(computed, C.IN_OFFICE_MEAN)
    return mask


def objectives(computed: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Per sasaran: indicators counted (groups once), with data, met, mean achievement of those with data.

    A sasaran whose indicators have no realisasi at all has mean ``None`` (NaN), not 0. Its code
    is the first code given in its rows.
    """
    if computed.empty:
        return pd.DataFrame(columns=list(ObjectiveCol.COLUMNS))
    codes, uniques = objective_codes(computed)
    groups = len(uniques)
    counted = _flag(computed, C.COUNTED)
    means, counts = group_means(codes, groups, np.where(counted, _pcts(computed), np.nan))
    first_code = computed[C.OBJECTIVE_CODE].groupby(codes, sort=True).first()
    result = pd.DataFrame(
        {
            ObjectiveCol.DOCUMENT: [document for document, _ in uniques],
            ObjectiveCol.OBJECTIVE: [objective for _, objective in uniques],
            ObjectiveCol.OBJECTIVE_CODE: first_code.reindex(range(groups)).to_numpy(dtype=object),
            ObjectiveCol.INDICATORS: np.bincount(codes, weights=counted.astype(float), minlength=groups).astype(int),
            ObjectiveCol.WITH_DATA: counts,
            ObjectiveCol.MET: np.bincount(
                codes, weights=(computed[C.MET].to_numpy(dtype=bool) & counted).astype(float), minlength=groups
            ).astype(int),
            ObjectiveCol.MEAN_PCT: means,
        }
    )
    result[ObjectiveCol.CATEGORY] = [settings.scale.rate(None if np.isnan(p) else float(p)) for p in means]
    return result


def office_documents_of(computed: pd.DataFrame) -> tuple[str, ...]:
    """The documents a computed frame marks as feeding the office mean, in reading order."""
    feeding = _flag(computed, C.IN_OFFICE_MEAN)
    return tuple(str(d) for d in dict.fromkeys(column_values(computed[C.DOCUMENT][feeding])))


def office_of(
    pcts: np.ndarray, met: np.ndarray, codes: np.ndarray, groups: int, computed: pd.DataFrame, settings: Settings
) -> OfficeAchievement:
    """Office figures of achievement values ``pcts`` laid out like ``computed`` (stored or a what-if
    scenario): only the rows of :func:`office_mask` count, and so only their sasaran means."""
    included = office_mask(computed)
    means, _ = group_means(codes, groups, np.where(included, pcts, np.nan))
    return office_figures(pcts, met, means, settings, included, office_documents_of(computed))


def office(computed: pd.DataFrame, settings: Settings) -> OfficeAchievement:
    """Office achievement = mean of the indicators with data that feed it (:func:`office_mask`),
    and the mean of those sasaran means."""
    codes, uniques = objective_codes(computed)
    return office_of(_pcts(computed), computed[C.MET].to_numpy(dtype=bool), codes, len(uniques), computed, settings)


@dataclass(frozen=True)
class DocumentFigures:
    """One indicator document: its kind, lines read, lines counted, with data, met, its own mean."""

    document: str
    kind: str
    lines: int
    count: int
    with_data: int
    met: int
    mean_pct: float | None
    category: str
    in_office_mean: bool


def documents(computed: pd.DataFrame, settings: Settings) -> list[DocumentFigures]:
    """Counts and mean per document (groups counted once), in reading order: counts are per
    document wherever they are shown, never a sum of Capaian Kinerja lines and PK targets."""
    result: list[DocumentFigures] = []
    if computed.empty:
        return result
    counted = _flag(computed, C.COUNTED)
    for name in dict.fromkeys(column_values(computed[C.DOCUMENT])):
        rows = (computed[C.DOCUMENT] == name).to_numpy()
        pcts = np.where(counted & rows, _pcts(computed), np.nan)
        present = ~np.isnan(pcts)
        mean = math.fsum(pcts[present].tolist()) / int(present.sum()) if present.any() else None
        has_data = computed[C.HAS_DATA].to_numpy(dtype=bool) & counted & rows
        result.append(
            DocumentFigures(
                document=str(name),
                kind=str(computed.loc[rows, C.DOCUMENT_KIND].iloc[0]) if C.DOCUMENT_KIND in computed.columns else "",
                lines=int(rows.sum()),
                count=int((counted & rows).sum()),
                with_data=int(has_data.sum()),
                met=int((computed[C.MET].to_numpy(dtype=bool) & counted & rows).sum()),
                mean_pct=mean,
                category=settings.scale.rate(mean),
                in_office_mean=bool(_flag(computed, C.IN_OFFICE_MEAN)[rows].any()),
            )
        )
    return result
