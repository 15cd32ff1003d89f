"""ADK item table (RKA-K/L / DIPA data, table ``d_item``): pipe-delimited text, one row per item.

Layout (``../shared/DOMAIN.md``, "Real export layouts"): ``thang|kdjendok|kdsatker|…|jumlah|…``,
``jumlah`` = pagu, no realisasi, many satker per file. The raw form (``d_itemNN.csv`` inside
SAKTI's ``.s24``–``.s30`` ADK archives) has no header and wraps text fields as ``^value^``;
numbers are bare. Lines end in CRLF.

The column list is the full ``d_item`` table (:data:`D_ITEM_COLUMNS`, 77 fields): found in two
independent public repositories — an ADK SAKTI viewer that splits ``d_item{n}.csv`` on ``|`` after
stripping ``^`` (with each field's type, e.g. ``kdsatker CHAR(6)``, ``jumlah DECIMAL(15,0)``) and
a Laravel DIPA importer listing the same fields. ``legacy=True`` gives the older RKA-K/L DBF
list (75 fields: no ``jumlah2``, no ``kdstatus``). DOMAIN.md's shortened
list omits ``kdjnsban|kdctarik|register|carahitung`` between ``kdbeban`` and ``header1``.

Assumed where the sources are silent: which fields are wrapped in ``^`` (here: every CHAR
field, even empty ones, never the numbers), header lines (``kdheader`` 1, no amounts) grouping
the detail items, and the codes and amounts themselves.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.real_exports.common import round_to

D_ITEM_COLUMNS = (
    "thang",
    "kdjendok",
    "kdsatker",
    "kddept",
    "kdunit",
    "kdprogram",
    "kdgiat",
    "kdoutput",
    "kdlokasi",
    "kdkabkota",
    "kddekon",
    "kdsoutput",
    "kdkmpnen",
    "kdskmpnen",
    "kdakun",
    "kdkppn",
    "kdbeban",
    "kdjnsban",
    "kdctarik",
    "register",
    "carahitung",
    "header1",
    "header2",
    "kdheader",
    "noitem",
    "nmitem",
    "vol1",
    "sat1",
    "vol2",
    "sat2",
    "vol3",
    "sat3",
    "vol4",
    "sat4",
    "volkeg",
    "satkeg",
    "hargasat",
    "jumlah",
    "jumlah2",
    "paguphln",
    "pagurmp",
    "pagurkp",
    "kdblokir",
    "blokirphln",
    "blokirrmp",
    "blokirrkp",
    "rphblokir",
    "kdcopy",
    "kdabt",
    "kdsbu",
    "volsbk",
    "volrkakl",
    "blnkontrak",
    "nokontrak",
    "tgkontrak",
    "nilkontrak",
    "januari",
    "pebruari",
    "maret",
    "april",
    "mei",
    "juni",
    "juli",
    "agustus",
    "september",
    "oktober",
    "nopember",
    "desember",
    "jmltunda",
    "kdluncuran",
    "jmlabt",
    "norev",
    "kdubah",
    "kurs",
    "indexkpjm",
    "kdib",
    "kdstatus",
)
NUMERIC = frozenset(
    {
        "noitem",
        "vol1",
        "vol2",
        "vol3",
        "vol4",
        "volkeg",
        "hargasat",
        "jumlah",
        "jumlah2",
        "paguphln",
        "pagurmp",
        "pagurkp",
        "blokirphln",
        "blokirrmp",
        "blokirrkp",
        "rphblokir",
        "volsbk",
        "volrkakl",
        "nilkontrak",
        "januari",
        "pebruari",
        "maret",
        "april",
        "mei",
        "juni",
        "juli",
        "agustus",
        "september",
        "oktober",
        "nopember",
        "desember",
        "jmltunda",
        "jmlabt",
        "kurs",
        "indexkpjm",
    }
)
MONTH_FIELDS = D_ITEM_COLUMNS[D_ITEM_COLUMNS.index("januari") : D_ITEM_COLUMNS.index("desember") + 1]
# (kdgiat, kdoutput, kdsoutput, kdkmpnen, kdskmpnen, akun pool)
LINES = (
    ("3360", "EBA", "994", "001", "A", ("511111", "511121", "511122", "511125", "511126", "511129", "511151")),
    ("3360", "EBA", "994", "002", "A", ("521111", "521115", "522111", "522112", "522113")),
    ("3360", "EBB", "951", "051", "A", ("532111",)),
    ("3355", "EBD", "955", "051", "A", ("521211", "521213", "524111")),
    ("3357", "EBD", "952", "051", "A", ("521211", "521213", "524113", "524114")),
    ("3364", "EBA", "958", "052", "B", ("521211", "521219", "522151", "524119")),
)
ITEM_NAMES = {
    "511111": ("Gaji Pokok PNS",),
    "511121": ("Tunjangan Suami/Istri PNS",),
    "511122": ("Tunjangan Anak PNS",),
    "511125": ("Tunjangan PPh PNS",),
    "511126": ("Tunjangan Beras PNS",),
    "511129": ("Uang Makan PNS",),
    "511151": ("Tunjangan Umum PNS",),
    "52": ("Makan Rapat", "Snack Rapat", "ATK", "Honor Narasumber", "Uang Harian", "Transport Lokal", "Langganan Daya"),
    "53": ("Pengadaan Laptop", "Pengadaan Printer", "Pengadaan AC"),
}
UNITS = ("OK", "ORG", "PKT", "BLN", "KALI", "UNIT", "OH", "THN")


@dataclass(frozen=True)
class AdkExpected:
    """What an ADK item file states: pagu (``jumlah``) per satker; there is no realisasi."""

    path: Path
    year: int
    header: bool
    wrapped: bool
    columns: tuple[str, ...]
    rows: int  # data lines (items and header lines)
    item_rows: int  # lines with an amount
    pagu: int
    blokir: int
    per_satker: Mapping[str, int] = field(default_factory=dict)
    rows_per_satker: Mapping[str, int] = field(default_factory=dict)  # item and header lines
    items_per_satker: Mapping[str, int] = field(default_factory=dict)  # lines with an amount
    per_jenis_belanja: Mapping[str, int] = field(default_factory=dict)


def _spread(rng: random.Random, total: int) -> list[int]:
    """Monthly withdrawal plan (RPD) summing to ``total``."""
    weights = [rng.random() for _ in range(12)]
    parts = [int(total * w / sum(weights)) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def adk_items(
    path: Path,
    header: bool = False,
    satkers: int = 3,
    rows_per_satker: int = 60,
    seed: int = 0,
    year: int = 2025,
    wrapped: bool | None = None,
    legacy: bool = False,
) -> AdkExpected:
    """Write an ADK ``d_item`` file with ``satkers`` satker; return pagu per satker.

    ``wrapped`` defaults to the raw form (``^text^``) exactly when there is no header.
    """
    rng = random.Random(seed)
    wrap = (not header) if wrapped is None else wrapped
    columns = tuple(c for c in D_ITEM_COLUMNS if not (legacy and c in ("jumlah2", "kdstatus")))
    codes = sorted({f"{rng.randrange(400000, 699999):06d}" for _ in range(satkers * 3)})[:satkers]
    lines: list[str] = []
    if header:
        lines.append("|".join(columns))
    per_satker: dict[str, int] = {}
    rows_per: dict[str, int] = {}
    items_per: dict[str, int] = {}
    per_jenis: dict[str, int] = {}
    blokir = item_rows = 0
    for kdsatker in codes:
        written = 0
        number = 0
        while written < rows_per_satker:
            kdgiat, kdoutput, kdsoutput, kdkmpnen, kdskmpnen, pool = LINES[number % len(LINES)]
            number += 1
            for kdakun in sorted(rng.sample(pool, rng.randint(1, len(pool)))):
                base = {
                    "thang": str(year),
                    "kdjendok": "01",
                    "kdsatker": kdsatker,
                    "kddept": "076",
                    "kdunit": "01",
                    "kdprogram": "WA",
                    "kdgiat": kdgiat,
                    "kdoutput": kdoutput,
                    "kdlokasi": "31",
                    "kdkabkota": "71",
                    "kddekon": "1",
                    "kdsoutput": kdsoutput,
                    "kdkmpnen": kdkmpnen,
                    "kdskmpnen": kdskmpnen,
                    "kdakun": kdakun,
                    "kdkppn": "019",
                    "kdbeban": "A",
                    "kdjnsban": "0",
                    "kdctarik": "0",
                    "carahitung": "0",
                    "norev": "00",
                }
                items = rng.randint(1, 5)
                heading = items > 2 and rng.random() < 0.5
                noitem = 1
                if heading:
                    title = "> " + rng.choice(("Persiapan", "Pelaksanaan", "Pelaporan"))
                    heading_line = {**base, "kdheader": "1", "header1": "01", "noitem": noitem, "nmitem": title}
                    lines.append(_line(heading_line, columns, wrap))
                    noitem += 1
                    written += 1
                for _ in range(items):
                    volume = rng.randint(1, 40)
                    price = round_to(rng.uniform(50e3, 25e6), 1000)
                    if kdakun.startswith("51"):
                        volume, price = 12, round_to(rng.uniform(3e6, 40e6), 1000)
                    elif kdakun.startswith("53"):
                        volume, price = rng.randint(1, 8), round_to(rng.uniform(5e6, 60e6), 1000)
                    amount = volume * price
                    blocked = round_to(amount * rng.uniform(0.05, 0.3), 1000) if rng.random() < 0.04 else 0
                    record: dict[str, object] = {
                        **base,
                        "header1": "01" if heading else "00",
                        "header2": "00",
                        "kdheader": "0",
                        "noitem": noitem,
                        "nmitem": rng.choice(ITEM_NAMES.get(kdakun) or ITEM_NAMES[kdakun[:2]]),
                        "vol1": volume,
                        "sat1": rng.choice(UNITS),
                        "volkeg": volume,
                        "satkeg": rng.choice(UNITS),
                        "hargasat": price,
                        "jumlah": amount,
                        "pagurmp": amount,
                        "kdblokir": "1" if blocked else "",
                        "blokirrmp": blocked,
                        "rphblokir": blocked,
                        **dict(zip(MONTH_FIELDS, _spread(rng, amount), strict=True)),
                    }
                    lines.append(_line(record, columns, wrap))
                    noitem += 1
                    written += 1
                    item_rows += 1
                    items_per[kdsatker] = items_per.get(kdsatker, 0) + 1
                    per_satker[kdsatker] = per_satker.get(kdsatker, 0) + amount
                    per_jenis[kdakun[:2]] = per_jenis.get(kdakun[:2], 0) + amount
                    blokir += blocked
        rows_per[kdsatker] = written
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("ascii"))
    return AdkExpected(
        path=path,
        year=year,
        header=header,
        wrapped=wrap,
        columns=columns,
        rows=sum(rows_per.values()),
        item_rows=item_rows,
        pagu=sum(per_satker.values()),
        blokir=blokir,
        per_satker=per_satker,
        rows_per_satker=rows_per,
        items_per_satker=items_per,
        per_jenis_belanja=per_jenis,
    )


def _line(record: Mapping[str, object], columns: tuple[str, ...], wrap: bool) -> str:
    fields = []
    for name in columns:
        value = record.get(name)
        if name in NUMERIC:
            fields.append(str(value if value is not None else 0))
        else:
            text = "" if value is None else str(value)
            fields.append(f"^{text}^" if wrap else text)
    return "|".join(fields)
