"""Which province a satker belongs to, from its name: ``KPU Kota Jakarta Selatan`` → DKI Jakarta.

The table ``lakip_core/data/wilayah.csv`` lists the 38 provinces and 514 kabupaten/kota with their
Kemendagri codes (Kepmendagri No. 300.2.2-2138 Tahun 2025 on the codes and data of government
administrative areas; transcribed from the open compilation github.com/cahyadsn/wilayah, MIT,
``db/wilayah_luas.sql``, whose counts per province match the Kepmendagri's: 416 kabupaten,
98 kota). KPU has one satker per province and per kabupaten/kota plus KPU RI: 1 + 38 + 514 = 553.

A satker's code (the six-digit DIPA kode satker) is a running number with no region in it, so the
province comes from the name: ``KPU``/``KIP``/``Komisi Pemilihan Umum``/``Sekretariat`` prefixes
are dropped, then ``Provinsi X``, ``Kabupaten X`` / ``Kab. X`` or ``Kota X`` is looked up (spaces,
dots and hyphens ignored, ``Kep.`` = ``Kepulauan``, ``Administrasi`` dropped). A bare name
(Aceh's ``KIP Aceh Besar``) counts when it names exactly one area. Anything else is ``None``:
no guess.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

NATIONAL = "nasional"
LEVEL_LABELS = {NATIONAL: "Nasional", "provinsi": "Provinsi", "kabupaten": "Kabupaten", "kota": "Kota"}


@dataclass(frozen=True)
class Region:
    """Where a satker sits: its level and province (``None`` for KPU RI, which has no province)."""

    level: str  # nasional | provinsi | kabupaten | kota
    code: str  # Kemendagri code of the area ("31.74"), "" for nasional
    name: str  # "Kota Administrasi Jakarta Selatan"
    province_code: str | None
    province: str | None


_PREFIXES = re.compile(
    r"^(?:SEKRETARIAT JENDERAL |SEKRETARIAT |SETJEN )?(?:KOMISI PEMILIHAN UMUM|KOMISI INDEPENDEN PEMILIHAN|KPU|KIP)\b ?"
)
_NATIONAL = re.compile(r"^(?:RI|REPUBLIK INDONESIA|PUSAT|)$")
_PROVINCE_ALIASES = {
    "DKI": "31",
    "DAERAHKHUSUSIBUKOTAJAKARTA": "31",
    "DAERAHKHUSUSJAKARTA": "31",
    "JAKARTA": "31",
    "DIY": "34",
    "DAERAHISTIMEWAYOGYAKARTA": "34",
    "BABEL": "19",
    "BANGKABELITUNG": "19",
    "KEPRI": "21",
    "NTB": "52",
    "NTT": "53",
    "NANGGROEACEHDARUSSALAM": "11",
}


def _key(text: str) -> str:
    """Comparison key: upper case, ``Kep.`` expanded, ``Administrasi`` dropped, letters and digits only."""
    words = re.sub(r"[^A-Z0-9]+", " ", text.upper()).split()
    words = ["KEPULAUAN" if w == "KEP" else w for w in words if w not in ("ADMINISTRASI", "ADM")]
    return "".join(words)


@dataclass(frozen=True)
class _Table:
    provinces: dict[str, Region]  # key of the province name → region
    areas: dict[tuple[str, str], Region]  # (level, key of the name without its level word) → region
    bare: dict[str, list[Region]]  # key without level word → every area so named (province included)


@functools.cache
def _table() -> _Table:
    text = resources.files("lakip_core").joinpath("data/wilayah.csv").read_text(encoding="utf-8")
    provinces: dict[str, Region] = {}
    areas: dict[tuple[str, str], Region] = {}
    bare: dict[str, list[Region]] = {}
    for row in csv.DictReader(text.splitlines()):
        level, name = row["tingkat"], row["nama"]
        region = Region(level, row["kode"], name, row["kode_provinsi"], row["provinsi"])
        if level == "provinsi":
            provinces[_key(name)] = region
            bare.setdefault(_key(name), []).append(region)
            continue
        stem = _key(re.sub(r"^(?:Kabupaten|Kota)\s+", "", name))
        areas[(level, stem)] = region
        bare.setdefault(stem, []).append(region)
    by_code = {r.code: r for r in provinces.values()}
    for alias, code in _PROVINCE_ALIASES.items():
        provinces.setdefault(alias, by_code[code])
    return _Table(provinces, areas, bare)


def regions() -> list[Region]:
    """Every province and kabupaten/kota of the table, in code order."""
    table = _table()
    every = {r.code: r for r in (*table.provinces.values(), *table.areas.values())}
    return [every[code] for code in sorted(every)]


def provinces() -> list[Region]:
    """The 38 provinces, in code order."""
    return [r for r in regions() if r.level == "provinsi"]


def region_of(satker: str | None) -> Region | None:
    """The region a satker name points to (see the module docstring); ``None`` when unsure."""
    if not satker:
        return None
    text = " ".join(re.sub(r"[^A-Z0-9]+", " ", satker.upper()).split())
    text = _PREFIXES.sub("", text).strip()
    if _NATIONAL.match(text):
        return Region(NATIONAL, "", "KPU Republik Indonesia", None, None)
    table = _table()
    match = re.match(r"^(PROVINSI|PROV|KABUPATEN|KAB|KOTA)\b ?(.*)$", text)
    if match:
        word, rest = match.groups()
        if word.startswith("PROV"):
            return table.provinces.get(_key(rest))
        level = "kota" if word == "KOTA" else "kabupaten"
        return table.areas.get((level, _key(rest)))
    if _key(text) in _PROVINCE_ALIASES:
        return table.provinces[_key(text)]
    candidates = table.bare.get(_key(text), [])
    return candidates[0] if len(candidates) == 1 else None
