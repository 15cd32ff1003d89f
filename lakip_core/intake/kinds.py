"""The kinds of dataset an upload can be: internal name, Indonesian name, label, column spec.

A new kind of dataset starts with its module in :mod:`lakip_core.analysis` (a ``SPEC`` and a
``from_tables``), its place in :func:`lakip_core.analysis.report.build_report`, then a line here.
"""

from __future__ import annotations

from dataclasses import dataclass

from lakip_core.analysis.report import SPECS
from lakip_core.errors import LakipError
from lakip_core.reading.tables import DatasetSpec


@dataclass(frozen=True)
class Kind:
    """One kind of dataset: internal name (``budget``), Indonesian name (``anggaran``), label, spec."""

    name: str
    slug: str
    label: str
    spec: DatasetSpec


KINDS: dict[str, Kind] = {
    "indicators": Kind("indicators", "indikator", "Indikator kinerja", SPECS["indicators"]),
    "budget": Kind("budget", "anggaran", "Anggaran (pagu dan realisasi)", SPECS["budget"]),
    "assets": Kind("assets", "aset", "Aset BMN", SPECS["assets"]),
    "staff": Kind("staff", "pegawai", "Pegawai", SPECS["staff"]),
    "plan": Kind("plan", "rpd", "Rencana penarikan dana (RPD, halaman III DIPA)", SPECS["plan"]),
}
_KIND_ALIASES = {**{k.slug: k.name for k in KINDS.values()}, **{k.name: k.name for k in KINDS.values()}}


def kind_name(text: str) -> str:
    """``anggaran`` / ``budget`` → ``budget``; raises :class:`LakipError` for an unknown kind."""
    key = text.strip().lower()
    if key not in _KIND_ALIASES:
        names = ", ".join(k.slug for k in KINDS.values())
        raise LakipError(f"Jenis data '{text}' tidak dikenal. Pilih salah satu: {names}.")
    return _KIND_ALIASES[key]
