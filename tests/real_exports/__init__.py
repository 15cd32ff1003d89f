"""Generators of files laid out exactly as the systems export them (``../shared/DOMAIN.md``).

Each generator writes one file and returns a frozen ``...Expected`` dataclass holding the path and
the figures the file states about itself, computed from the rows it wrote, so a test can assert
that a reader reproduces the file's own totals. All are deterministic for a given ``seed``.
``python tests/real_exports OUTDIR`` (or ``python -m tests.real_exports OUTDIR``) writes one of each.

- :func:`glp039` — SAKTI GLP039 Laporan Ketersediaan Dana Detail (budget, monthly snapshot)
- :func:`sipd_lra` — SIPD Laporan Realisasi Anggaran (regional governments)
- :func:`adk_items` — ADK ``d_item`` (RKA-K/L / DIPA), pipe-delimited, many satker
- :func:`bmn_register` — BMN registers in SIMAK / SAKTI / SIMAN styles
- :func:`siasn_staff` — SIASN / SIMPEG staff list
- :func:`percent_cells` — an indicator sheet mixing Excel percent cells, text and numbers
"""

from tests.real_exports.adk import D_ITEM_COLUMNS, AdkExpected, adk_items
from tests.real_exports.bmn import BmnExpected, bmn_register
from tests.real_exports.common import Amounts
from tests.real_exports.glp039 import AkunLine, Glp039Expected, glp039
from tests.real_exports.percent import PercentExpected, PercentRow, percent_cells
from tests.real_exports.sipd import SipdExpected, sipd_lra
from tests.real_exports.staff import Person, StaffExpected, siasn_staff

__all__ = [
    "D_ITEM_COLUMNS",
    "AdkExpected",
    "AkunLine",
    "Amounts",
    "BmnExpected",
    "Glp039Expected",
    "PercentExpected",
    "PercentRow",
    "Person",
    "SipdExpected",
    "StaffExpected",
    "adk_items",
    "bmn_register",
    "glp039",
    "percent_cells",
    "siasn_staff",
    "sipd_lra",
]
