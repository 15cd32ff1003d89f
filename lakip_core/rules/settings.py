"""Settings that are conventions, not regulations (DOMAIN.md): one frozen object, passed around."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Literal

from lakip_core.rules.achievement import DEFAULT_SCALE, RatingScale


@dataclass(frozen=True)
class UsefulLife:
    """One row of the useful-life table (KMK 295/KM.6/2019 as amended; editable CSV)."""

    code: str
    group: str
    years: int
    keywords: tuple[str, ...]


def load_useful_life(text: str | None = None) -> tuple[UsefulLife, ...]:
    """Read the useful-life table: ``kode_kelompok,kelompok,masa_manfaat_tahun,kata_kunci``.

    Keywords are ``|``-separated and matched as whole words in the asset name when the asset
    has no kode barang. Without ``text`` the bundled table is used.
    """
    if text is None:
        text = resources.files("lakip_core").joinpath("data/useful_life.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return tuple(
        UsefulLife(
            code=row["kode_kelompok"].strip(),
            group=row["kelompok"].strip(),
            years=int(row["masa_manfaat_tahun"]),
            keywords=tuple(k.strip().lower() for k in row["kata_kunci"].split("|") if k.strip()),
        )
        for row in rows
    )


@dataclass(frozen=True)
class IkpaTarget:
    """IKPA absorption targets of one jenis belanja: cumulative % of pagu at the end of TW I–IV."""

    jenis: str  # first two digits of the akun: 51 pegawai, 52 barang, 53 modal, 57 bansos
    quarters: tuple[float, float, float, float]


# DOMAIN.md "Budget": from 2024 per jenis belanja; before, one flat line for every jenis.
IKPA_FROM_2024 = (
    IkpaTarget("51", (20.0, 50.0, 75.0, 95.0)),
    IkpaTarget("52", (15.0, 50.0, 70.0, 90.0)),
    IkpaTarget("53", (10.0, 40.0, 70.0, 90.0)),
    IkpaTarget("57", (25.0, 50.0, 75.0, 95.0)),
)
IKPA_BEFORE_2024 = tuple(IkpaTarget(t.jenis, (15.0, 40.0, 60.0, 90.0)) for t in IKPA_FROM_2024)


def published_ikpa_targets(year: int) -> tuple[IkpaTarget, ...]:
    """The quarterly targets published for ``year`` (per jenis from 2024, flat 15/40/60/90 before)."""
    return IKPA_FROM_2024 if year >= 2024 else IKPA_BEFORE_2024


@dataclass(frozen=True)
class Settings:
    """Report year and the conventions a user may change.

    ``cap_pct``: None = no cap (default); ``tolerance_pts``: how far a stated, rounded % may be
    from the computed one before it is a finding (the seed rounds to whole numbers).
    """

    year: int = 2024
    report_date: date | None = None
    cap_pct: float | None = None
    scale: RatingScale = DEFAULT_SCALE
    tolerance_pts: float = 1.0
    amount_tolerance: float = 1.0
    women_commissioner_min_pct: float = 30.0
    useful_life: tuple[UsefulLife, ...] = field(default_factory=load_useful_life)
    group_counting: Literal["group", "items"] = "group"
    """A line that introduces sub-items (ends with ":" or is followed by a., b., … or "- " lines) is
    counted once: ``"group"`` = the group line where it has its own figure, else its sub-items
    (DOMAIN.md); ``"items"`` = always its sub-items, never the group line."""
    group_tolerance_pts: float = 1.0
    """A group line's own capaian more than this many points from its sub-items' mean is a finding."""
    document_priority: tuple[str, ...] = ("pengukuran", "analisis", "perjanjian", "rencana")
    """Which indicator document feeds the office mean when several state capaian: the kinds of
    :data:`lakip_core.rules.documents.KINDS`, best first. Every document of the best-ranked kind
    that has realisasi feeds the mean; the others are shown apart (and compared with it)."""
    bare_actual_in_target_unit: bool = False
    """A realisasi written without a unit ("100.00") against a target in another unit than % ("4 Unit"):
    False = no ratio and a finding (the seed's Bab III B writes percentages under such targets);
    True = read it in the target's unit."""
    spent_threshold_pct: float = 50.0
    """Capaian against spending: a kegiatan with at least this penyerapan counts as "spent"."""
    achieved_threshold_pct: float = 50.0
    """Capaian against spending: a kegiatan with at least this capaian counts as "achieved"."""
    small_base: int = 20
    """A share or chart built on fewer than this many units / people / indicators says so."""
    ikpa_targets: tuple[IkpaTarget, ...] | None = None
    """IKPA quarterly absorption targets (cumulative % of pagu at the end of TW I–IV per jenis
    belanja, DOMAIN.md "Budget"); ``None`` = the targets published for the report year
    (:func:`published_ikpa_targets`). They change from year to year, hence a setting."""

    @property
    def as_of(self) -> date:
        """The date ages are computed at: ``report_date`` or 31 December of the report year."""
        return self.report_date or date(self.year, 12, 31)

    @property
    def ikpa(self) -> dict[str, tuple[float, float, float, float]]:
        """IKPA targets in force for the report year, by jenis belanja (``"52"`` → (15, 50, 70, 90))."""
        targets = self.ikpa_targets if self.ikpa_targets is not None else published_ikpa_targets(self.year)
        return {t.jenis: t.quarters for t in targets}
