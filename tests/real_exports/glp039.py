"""SAKTI GLP039 "Laporan Ketersediaan Dana Detail" (Laporan Fa Detail 16 Segmen), cell by cell.

Layout (``../shared/DOMAIN.md``, "Real export layouts"; columns 0-based in brackets):

- Sheet ``"GLP039_LAPORAN REALISASI SUPER "`` (trailing space). No ``sharedStrings.xml``: every
  text cell is an inline string and every number a Java double (``2.037392E10``), as the Kas
  Tunai handoff notes describe a real download (see Sources).
- Rows 1–3 in column A: the title with ``TA 2025``; ``Per Program; Kegiatan; …; Item;``;
  ``Periode Oktober 2025``. Rows 4–6: ``"Kementerian\\t:"`` / ``"Unit Organisasi"`` /
  ``"Satuan Kerja   \\t:"`` in A, the code in O and the name in P; ``"Hal 1 dari"`` and
  ``" 195"`` (the page count) far right in AE4/AF4.
- Rows 7–8: two header rows with merged cells. Every value label sits one column RIGHT of its
  values: ``Uraian`` B7:P8; ``Pagu Revisi`` R7:S8 (values in Q); ``Lock Pagu`` T7:V8 (values in
  S); ``Realisasi TA 2025`` X7:AD7 over ``Periode Lalu`` X8 (W), ``Periode Ini`` Y8:Z8 (X),
  ``s.d. Periode`` AA8:AC8 (Z), ``%`` AD8 (AC); ``SISA ANGGARAN`` AF7:AF8 (AE).
- Row 9: ``JUMLAH SELURUHNYA`` in A, its values ONE COLUMN LEFT of the detail rows': pagu P,
  lock R, lalu V, ini W, s.d. Y, % AB, sisa AD (detail rows: Q, S, W, X, Z, AC, AE).
- Then the hierarchy, each level's code in its own column and name in its own column:
  program ``WA`` B/D, kegiatan ``WA.3360`` B/I, KRO ``EBA`` C/G, RO ``EBA.994`` C/K, komponen
  ``002`` E/J, subkomponen ``002.0A`` F/L, akun ``521211`` H/M (a number cell), item
  ``"002514. Makan Rapat [...]"`` in N. Every level carries its own sums; ``%`` is a fraction
  (0.7712); sisa = pagu − s.d. periode.
- The footnote ``*Lock Pagu adalah …`` (column A) closes every printed page (40–60 data rows),
  so it also sits in the middle of the data; with ``repeat_header=True`` the two header rows
  are printed again after each footnote, as multi-page downloads do.
- Perjalanan dinas (5241xx) akun: about half of them have one item whose realisasi was raised
  after the akun was summed, so their items add up to MORE than the akun. The akun level adds
  up to JUMLAH SELURUHNYA; the items never do.

Assumed where the sources are silent: the title wording, the exact merge ranges (only "label one
column right of its values" is known), that the total row shifts every value column (the
SIMORA notes list P/R/V/W/Y/AB/AD, the other sources Q/S/W/X/Z/AC/AE for details and Y/Z,
AD/AE for the two of them), the akun code stored as a number, ``Unit Organisasi`` without a
colon (as DOMAIN.md writes it), the item text after the name, and the amounts themselves.

Sources (public repositories, found with the code search): a Kas Tunai handoff document
("Pencocokan Pagu & Realisasi (GLP039)": inline strings, E-notation, rows 7–8 header, row 9
JUMLAH, Q/S/W/X, Y or Z, AC, AD/AE, code/name columns per level), the SIMORA field map ("Laporan
Fa Detail (16 Segmen)": code/name columns, P/R/V/W/Y/AB/AD), a Streamlit FA Detail parser
(columns 16/18/25 or 24/30 or 29) and the footnote text quoted by several GLP039 cleaners.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.real_exports.budget_codes import (
    AKUN,
    GENERIC_AKUN,
    ITEMS,
    KEGIATAN,
    KOMPONEN_NAMES,
    KRO,
    PROGRAM,
    RO,
    RO_OF_KEGIATAN,
    SUBKOMPONEN,
    UNITS,
)
from tests.real_exports.common import MONTHS, Amounts, add_to, round_to
from tests.real_exports.xlsx_raw import Sheet, Workbook, column_index

SHEET = "GLP039_LAPORAN REALISASI SUPER "
FOOTNOTE = "*Lock Pagu adalah jumlah pagu yang sedang dalam proses usulan revisi DIPA atau POK."
FIRST_DATA_ROW = 9
# Value columns (0-based): detail rows and the JUMLAH SELURUHNYA row, one column further left.
DETAIL = {"pagu": "Q", "lock": "S", "lalu": "W", "ini": "X", "sd": "Z", "pct": "AC", "sisa": "AE"}
TOTAL = {"pagu": "P", "lock": "R", "lalu": "V", "ini": "W", "sd": "Y", "pct": "AB", "sisa": "AD"}
HEADER_MERGES = ("B{0}:P{1}", "R{0}:S{1}", "T{0}:V{1}", "X{0}:AD{0}", "Y{1}:Z{1}", "AA{1}:AC{1}", "AF{0}:AF{1}")
LAST_COL = column_index("AF")


@dataclass(frozen=True)
class AkunLine:
    """One akun row as written, with the sum of its item rows (which may disagree)."""

    row: int
    path: str  # "WA.3360.EBA.994.002.0A.521211"
    kegiatan: str
    akun: str
    name: str
    pagu: int
    realisasi: int
    items_pagu: int
    items_realisasi: int


@dataclass(frozen=True)
class Glp039Expected:
    """What a GLP039 file states about itself (totals from its akun level)."""

    path: Path
    sheet: str
    satker_code: str
    satker_name: str
    year: int
    month: int
    pagu: int
    lock: int
    periode_lalu: int
    periode_ini: int
    realisasi: int  # s.d. periode
    stated: Amounts  # the JUMLAH SELURUHNYA row as written
    rows: int  # hierarchy rows written (program … item), without JUMLAH, headers and footnotes
    akun_rows: int
    item_rows: int
    zero_pagu_items: int
    pages: int
    total_row: int
    header_rows: tuple[int, ...]
    footnote_rows: tuple[int, ...]
    merged: tuple[str, ...]
    per_kegiatan: Mapping[str, Amounts] = field(default_factory=dict)
    per_jenis_belanja: Mapping[str, Amounts] = field(default_factory=dict)
    akun: tuple[AkunLine, ...] = ()
    mismatched_akun_rows: tuple[int, ...] = ()

    @property
    def sisa(self) -> int:
        return self.pagu - self.realisasi

    @property
    def amounts(self) -> Amounts:
        return Amounts(self.pagu, self.realisasi)


@dataclass
class _Node:
    level: str  # program kegiatan kro ro komponen subkomponen akun item
    code: str
    name: str
    children: list[_Node] = field(default_factory=list)
    values: dict[str, int] = field(default_factory=dict)  # pagu lock lalu ini sd (items only, or sums)
    stated: dict[str, int] | None = None  # item values as written, if they differ from ``values``

    def total(self) -> dict[str, int]:
        if self.level != "item":
            sums = dict.fromkeys(("pagu", "lock", "lalu", "ini", "sd"), 0)
            for child in self.children:
                for key, value in child.total().items():
                    sums[key] += value
            self.values = sums
        return self.values


class _Builder:
    def __init__(self, rng: random.Random, month: int) -> None:
        self.rng = rng
        self.month = month
        self.item_number = rng.randrange(100, 2000)
        self.rows = 0
        self.forced_travel = False

    def items(self, akun: str) -> list[_Node]:
        rng = self.rng
        names = ITEMS.get(akun, (AKUN[akun].removeprefix("Belanja "),))
        count = 1 if akun.startswith("51") else rng.randint(1, min(6, len(names) + 2))
        result = []
        for _ in range(count):
            self.item_number += rng.randint(1, 40)
            name = rng.choice(names)
            detail = f"[{rng.randint(1, 60)} {rng.choice(UNITS)} x {rng.randint(1, 12)} KALI]"
            pagu, sd = self._amounts(akun)
            ini = round(sd * rng.uniform(0, 0.3)) if sd else 0
            lock = 0
            if akun.startswith("52") and pagu and rng.random() < 0.05:
                lock = min(round_to(pagu * rng.uniform(0.1, 0.4), 1000), pagu - sd)
            values = {"pagu": pagu, "lock": max(lock, 0), "lalu": sd - ini, "ini": ini, "sd": sd}
            result.append(_Node("item", f"{self.item_number:06d}", f"{name} {detail}", values=values))
        self.rows += 1 + len(result)
        return result

    def _amounts(self, akun: str) -> tuple[int, int]:
        rng, share = self.rng, self.month / 12
        if rng.random() < 0.02:
            return 0, 0  # revised to zero, still listed
        if akun == "511111":
            pagu = round_to(rng.uniform(200e6, 900e6), 1000)
        elif akun == "511119":
            pagu = round_to(rng.uniform(10e3, 60e3), 1000)
        elif akun.startswith("51"):
            pagu = round_to(rng.uniform(8e6, 150e6), 1000)
        elif akun.startswith("53"):
            pagu = round_to(rng.uniform(15e6, 350e6), 1000)
        else:
            pagu = round_to(rng.uniform(1e6, 120e6), 1000)
        if akun.startswith("51"):
            fraction = share * rng.uniform(0.92, 1.0)
        elif akun.startswith("53"):
            fraction = rng.choice((0.0, 0.0, 0.97, 1.0))
        else:
            fraction = 0.0 if rng.random() < 0.1 else min(1.0, share * rng.uniform(0.3, 1.3))
        return pagu, round(pagu * fraction)

    def akun_nodes(self, codes: list[str]) -> list[_Node]:
        return [_Node("akun", code, AKUN[code], self.items(code)) for code in sorted(set(codes))]

    def generic_komponen(self, code: str, name: str) -> _Node:
        rng = self.rng
        subs = []
        for sub_code, sub_name in SUBKOMPONEN[: rng.randint(1, 2)]:
            akun = rng.sample(GENERIC_AKUN, rng.randint(1, 3))
            if not self.forced_travel or rng.random() < 0.3:
                akun.append("524111")
                self.forced_travel = True
            subs.append(_Node("subkomponen", f"{code}.{sub_code}", sub_name, self.akun_nodes(akun)))
            self.rows += 1
        self.rows += 1
        return _Node("komponen", code, name, subs)


def _build(rng: random.Random, rows: int, month: int) -> _Node:
    builder = _Builder(rng, month)
    count = max(2, min(len(KEGIATAN), rows // 80))
    chosen = sorted([*rng.sample(sorted(set(KEGIATAN) - {"3360"}), count - 1), "3360"])
    budget = rows / count
    program = _Node("program", PROGRAM[0], PROGRAM[1])
    builder.rows = 1
    for kegiatan in chosen:
        start = builder.rows
        builder.rows += 1
        ro_codes = list(RO_OF_KEGIATAN[kegiatan])
        fixed: dict[str, list[_Node]] = {}
        if kegiatan == "3360":
            ro_codes += ["EBA.994", "EBB.951"]
            gaji = builder.akun_nodes([c for c in AKUN if c.startswith("51")])
            kantor = builder.akun_nodes(["521111", "521115", "522111", "522112", "522113"])
            rawat = builder.akun_nodes(["523111", "523121"])
            fixed["EBA.994"] = [
                _Node("komponen", "001", "Gaji dan Tunjangan", [_Node("subkomponen", "001.0A", "Gaji", gaji)]),
                _Node(
                    "komponen",
                    "002",
                    "Operasional dan Pemeliharaan Kantor",
                    [
                        _Node("subkomponen", "002.0A", "Kebutuhan Sehari-hari Perkantoran", kantor),
                        _Node("subkomponen", "002.0B", "Pemeliharaan Kantor", rawat),
                    ],
                ),
            ]
            modal = builder.akun_nodes(["532111"])
            pengadaan = [_Node("subkomponen", "051.0A", "Pengadaan", modal)]
            fixed["EBB.951"] = [_Node("komponen", "051", "Pengadaan Peralatan Kantor", pengadaan)]
            builder.rows += 6
        ro_codes = sorted(set(ro_codes))
        per_ro = (budget - (builder.rows - start)) / len(ro_codes)
        kro_nodes: dict[str, _Node] = {}
        for ro_code in ro_codes:
            kro_code = ro_code.split(".")[0]
            if kro_code not in kro_nodes:
                kro_nodes[kro_code] = _Node("kro", kro_code, KRO[kro_code])
                builder.rows += 1
            ro = _Node("ro", ro_code, RO[ro_code], list(fixed.get(ro_code, [])))
            builder.rows += 1
            ro_start = builder.rows
            number = 52 if ro.children else 51
            while builder.rows - ro_start < per_ro or not ro.children:
                name = KOMPONEN_NAMES[(number - 51) % len(KOMPONEN_NAMES)]
                ro.children.append(builder.generic_komponen(f"{number:03d}", name))
                number += 1
            kro_nodes[kro_code].children.append(ro)
        code = f"{PROGRAM[0]}.{kegiatan}"
        program.children.append(_Node("kegiatan", code, KEGIATAN[kegiatan], list(kro_nodes.values())))
    program.total()
    _mismatch_travel(rng, program)
    return program


def _mismatch_travel(rng: random.Random, node: _Node) -> None:
    """Raise one item's realisasi in about half of the 5241xx akun (the first one always)."""
    first = True
    stack = [node]
    while stack:
        current = stack.pop()
        if current.level == "akun":
            if current.code.startswith("5241") and (first or rng.random() < 0.5):
                item = max(current.children, key=lambda n: n.values["sd"])
                extra = max(1, round(max(item.values["sd"], item.values["pagu"], 1_000_000) * rng.uniform(0.1, 0.5)))
                stated = dict(item.values)
                stated["sd"] += extra
                stated["ini"] += extra
                item.stated = stated
                first = False
            continue
        stack.extend(reversed(current.children))


_PLACES = {
    "program": ("B", "D"),
    "kegiatan": ("B", "I"),
    "kro": ("C", "G"),
    "ro": ("C", "K"),
    "komponen": ("E", "J"),
    "subkomponen": ("F", "L"),
    "akun": ("H", "M"),
}


def _values(cells: list[object], values: Mapping[str, int], columns: Mapping[str, str]) -> None:
    pct = values["sd"] / values["pagu"] if values["pagu"] else 0.0
    numbers = {**values, "pct": round(pct, 4), "sisa": values["pagu"] - values["sd"]}
    for key, letter in columns.items():
        cells[column_index(letter)] = numbers[key]


def glp039(
    path: Path,
    rows: int = 300,
    seed: int = 0,
    month: int = 10,
    year: int = 2025,
    satker: tuple[str, str] = ("123456", "KPU KABUPATEN CONTOH"),
    repeat_header: bool = False,
    jumlah_delta: int = 0,
    numeric_akun: bool = True,
) -> Glp039Expected:
    """Write a GLP039 download of about ``rows`` hierarchy rows; return what the file states.

    ``jumlah_delta`` is added to the JUMLAH SELURUHNYA pagu (and sisa), so a test can check that
    a stated total that disagrees with the akun level is reported, not used. Deterministic for
    a given ``seed``; 5,000 rows take well under a second to write.
    """
    rng = random.Random(seed)
    tree = _build(rng, rows, month)
    path = Path(path)
    lines: list[tuple[str, list[object]]] = []  # (kind, cells)
    akun_lines: list[tuple[int, list[str], _Node]] = []  # (index in lines, path, node)
    per_kegiatan: dict[str, Amounts] = {}
    per_jenis: dict[str, Amounts] = {}
    counts = {"rows": 0, "akun": 0, "item": 0, "zero": 0}

    def walk(node: _Node, trail: list[str], kegiatan: str) -> None:
        cells: list[object] = [None] * (LAST_COL + 1)
        if node.level == "item":
            cells[column_index("N")] = f"{node.code}. {node.name}"
            counts["item"] += 1
            counts["zero"] += node.values["pagu"] == 0
        else:
            code_col, name_col = _PLACES[node.level]
            code: object = node.code
            if node.level == "akun" and numeric_akun:
                code = int(node.code)
            cells[column_index(code_col)] = code
            cells[column_index(name_col)] = node.name
        _values(cells, node.stated or node.values, DETAIL)
        counts["rows"] += 1
        lines.append((node.level, cells))
        part = node.code.split(".")[-1]
        trail = [*trail, part] if node.level not in ("item", "program") else trail
        if node.level == "akun":
            counts["akun"] += 1
            akun_lines.append((len(lines) - 1, trail, node))
            amounts = Amounts(node.values["pagu"], node.values["sd"])
            add_to(per_kegiatan, kegiatan, amounts)
            add_to(per_jenis, node.code[:2], amounts)
        for child in node.children:
            walk(child, trail, kegiatan or (part if node.level == "kegiatan" else ""))

    walk(tree, [PROGRAM[0]], "")

    total = tree.values
    jumlah: list[object] = [None] * (LAST_COL + 1)
    jumlah[0] = "JUMLAH SELURUHNYA"
    stated_values = {**total, "pagu": total["pagu"] + jumlah_delta}
    _values(jumlah, stated_values, TOTAL)
    data = [("total", jumlah), *lines]

    pages: list[list[tuple[str, list[object]]]] = []
    start = 0
    while start < len(data):
        size = rng.randint(40, 60)  # a printed page of the report
        pages.append(data[start : start + size])
        start += size
    header_rows: list[int] = []
    footnotes: list[int] = []
    merged: list[str] = []
    line_rows: list[int] = []
    with Workbook(path) as book:
        sheet = book.sheet(SHEET)
        _title(sheet, merged, year, month, satker, len(pages))
        header_rows += _header(sheet, merged, year)
        for number, page in enumerate(pages):
            if number and repeat_header:
                header_rows += _header(sheet, merged, year)
            for kind, cells in page:
                row = sheet.append(cells)
                if kind != "total":
                    line_rows.append(row)
            footnotes.append(sheet.append([FOOTNOTE]))

    akun = tuple(
        AkunLine(
            row=line_rows[index],
            path=".".join(trail),
            kegiatan=trail[1],
            akun=node.code,
            name=node.name,
            pagu=node.values["pagu"],
            realisasi=node.values["sd"],
            items_pagu=sum((c.stated or c.values)["pagu"] for c in node.children),
            items_realisasi=sum((c.stated or c.values)["sd"] for c in node.children),
        )
        for index, trail, node in akun_lines
    )
    return Glp039Expected(
        path=path,
        sheet=SHEET,
        satker_code=satker[0],
        satker_name=satker[1],
        year=year,
        month=month,
        pagu=total["pagu"],
        lock=total["lock"],
        periode_lalu=total["lalu"],
        periode_ini=total["ini"],
        realisasi=total["sd"],
        stated=Amounts(stated_values["pagu"], stated_values["sd"]),
        rows=counts["rows"],
        akun_rows=counts["akun"],
        item_rows=counts["item"],
        zero_pagu_items=counts["zero"],
        pages=len(footnotes),
        total_row=FIRST_DATA_ROW,
        header_rows=tuple(header_rows),
        footnote_rows=tuple(footnotes),
        merged=tuple(merged),
        per_kegiatan=per_kegiatan,
        per_jenis_belanja=per_jenis,
        akun=akun,
        mismatched_akun_rows=tuple(a.row for a in akun if a.items_realisasi != a.realisasi),
    )


def _title(sheet: Sheet, merged: list[str], year: int, month: int, satker: tuple[str, str], pages: int) -> None:
    last = "AF"
    for text in (
        f"LAPORAN KETERSEDIAAN DANA DETAIL TA {year}",
        "Per Program; Kegiatan; Output; SubOutput; Komponen; SubKomponen; Akun; Item;",
        f"Periode {MONTHS[month - 1]} {year}",
    ):
        row = sheet.append([text])
        sheet.merge(f"A{row}:{last}{row}")
        merged.append(f"A{row}:{last}{row}")
    for label, code, name in (
        ("Kementerian\t:", "076", "KOMISI PEMILIHAN UMUM"),
        ("Unit Organisasi", "01", "SEKRETARIAT JENDERAL KOMISI PEMILIHAN UMUM"),
        ("Satuan Kerja   \t:", *satker),
    ):
        cells: list[object] = [None] * (LAST_COL + 1)
        cells[0], cells[column_index("O")], cells[column_index("P")] = label, code, name
        if label.startswith("Kementerian"):
            cells[column_index("AE")], cells[column_index("AF")] = "Hal 1 dari", f" {pages}"
        row = sheet.append(cells)
        sheet.merge(f"A{row}:N{row}")
        merged.append(f"A{row}:N{row}")


def _header(sheet: Sheet, merged: list[str], year: int) -> list[int]:
    """The two header rows; each value label one column right of its values."""
    top: list[object] = [None] * (LAST_COL + 1)
    bottom: list[object] = [None] * (LAST_COL + 1)
    for letter, text in (
        ("B", "Uraian"),
        ("R", "Pagu Revisi"),
        ("T", "Lock Pagu"),
        ("X", f"Realisasi TA {year}"),
        ("AF", "SISA ANGGARAN"),
    ):
        top[column_index(letter)] = text
    for letter, text in (("X", "Periode Lalu"), ("Y", "Periode Ini"), ("AA", "s.d. Periode"), ("AD", "%")):
        bottom[column_index(letter)] = text
    first = sheet.append(top)
    second = sheet.append(bottom)
    for ref in HEADER_MERGES:
        sheet.merge(ref.format(first, second))
        merged.append(ref.format(first, second))
    return [first, second]
