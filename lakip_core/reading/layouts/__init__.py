"""Export layouts known cell by cell, read before any header guessing.

Each module turns one system's download into the common :class:`~lakip_core.reading.model.Table`
(canonical field names, total rows aside, sheet row numbers kept) and states what the file says
about itself (satker, period):

- :mod:`.glp039` — SAKTI GLP039 "Laporan Ketersediaan Dana Detail" (monthly budget report);
- :mod:`.sipd` — SIPD "Laporan Realisasi Anggaran" of regional governments;
- :mod:`.adk` — ADK ``d_item`` tables (RKA-K/L / DIPA data), with or without a header.

A new layout goes here: a module with ``read(grid, spec) -> Table | None`` that returns ``None``
quickly for a grid that is not in its layout, then a line in :data:`LAYOUTS`. It builds its
table with :func:`.aligned.aligned_table`, which puts every field's values in one column (undoing merged
labels, shifted total rows, per-level code columns) and goes through the one table builder.
"""

from __future__ import annotations

from lakip_core.reading.grids import Grid
from lakip_core.reading.layouts import adk, glp039, sipd
from lakip_core.reading.model import DatasetSpec, Table

LAYOUTS = (glp039.read, sipd.read, adk.read)


def read_layout(grid: Grid, spec: DatasetSpec) -> Table | None:
    """The table of ``grid`` when it is in a known export layout for ``spec``'s kind, else ``None``."""
    for read in LAYOUTS:
        table = read(grid, spec)
        if table is not None:
            return table
    return None
