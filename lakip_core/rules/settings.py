"""Settings that are conventions, not regulations (DOMAIN.md): one frozen object, passed around.

Every field an office may change is declared with :func:`setting`, which records in the field's
metadata how people see it: label, help, unit, bounds, the group it is shown in, and whether it
is chosen per report year (``per_year``) or once for all years. The Pengaturan page, the CLI
(``settings show|set|reset``, ``summary --setting``) and the store's audit are written over these
fields (:mod:`lakip_core.rules.settings_codec`), so a new convention needs one field here::

    group_counting: str = setting("group", label="Cara menghitung kelompok", group="Capaian kinerja",
                                  choices=("group", "items"), help="...")

Plain ``bool``, ``int``, ``float``, ``float | None``, ``date | None`` and ``str`` (with ``choices``)
fields need nothing more; a new kind of value needs a codec there.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from lakip_core.rules.achievement import DEFAULT_SCALE, RatingScale

# The groups settings are shown in, in this order (a group not listed comes after these).
GROUPS = ("Capaian kinerja", "Pemeriksaan", "Anggaran", "Pegawai dan aset")
# Metadata keys of an editable field (see :func:`setting`).
LABEL, HELP, GROUP, UNIT, MINIMUM, MAXIMUM, PER_YEAR, KIND, CHOICES, NONE_LABEL = (
    "label",
    "help",
    "group",
    "unit",
    "minimum",
    "maximum",
    "per_year",
    "kind",
    "choices",
    "none_label",
)


def setting(
    default: Any = None,
    *,
    label: str,
    group: str,
    help: str = "",
    unit: str = "",
    minimum: float | None = None,
    maximum: float | None = None,
    per_year: bool = False,
    kind: str | None = None,
    choices: tuple[str, ...] | None = None,
    none_label: str = "",
    default_factory: Any = None,
) -> Any:
    """A :class:`Settings` field an admin may change, with what the editor and the CLI need to show it.

    ``kind`` is needed only for values that are not plain numbers, flags, dates or text (``scale``,
    ``ikpa``, ``useful_life``); ``none_label`` says what ``None`` means ("tanpa batas").
    """
    metadata = {
        LABEL: label,
        GROUP: group,
        HELP: help,
        UNIT: unit,
        MINIMUM: minimum,
        MAXIMUM: maximum,
        PER_YEAR: per_year,
        KIND: kind,
        CHOICES: choices,
        NONE_LABEL: none_label,
    }
    if default_factory is not None:
        return field(default_factory=default_factory, metadata=metadata)
    return field(default=default, metadata=metadata)


@dataclass(frozen=True)
class UsefulLife:
    """One row of the useful-life table (KMK 295/KM.6/2019 as amended; editable CSV)."""

    code: str
    group: str
    years: int
    keywords: tuple[str, ...]


USEFUL_LIFE_HEADER = ("kode_kelompok", "kelompok", "masa_manfaat_tahun", "kata_kunci")


def load_useful_life(text: str | None = None) -> tuple[UsefulLife, ...]:
    """Read the useful-life table: ``kode_kelompok,kelompok,masa_manfaat_tahun,kata_kunci``.

    Keywords are ``|``-separated and matched as whole words in the asset name when the asset
    has no kode barang. Without ``text`` the bundled table is used. (Checked input, with
    Indonesian messages: :func:`lakip_core.rules.settings_codec.parse_useful_life`.)
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
    """Report year and the conventions a user may change (every :func:`setting` field).

    ``cap_pct``: None = no cap (default); ``tolerance_pts``: how far a stated, rounded % may be
    from the computed one before it is a finding (the seed rounds to whole numbers).
    """

    year: int = 2024
    report_date: date | None = setting(
        None,
        label="Tanggal perhitungan usia",
        group="Pegawai dan aset",
        help="Usia pegawai dan umur aset dihitung pada tanggal ini.",
        per_year=True,
        none_label="31 Desember tahun laporan",
    )
    cap_pct: float | None = setting(
        None,
        label="Batas atas capaian per indikator",
        group="Capaian kinerja",
        help="Capaian di atas batas ini dihitung sebesar batasnya (mis. 120%, seperti PermenPANRB 6/2022 untuk "
        "nilai individu). Bawaan: tanpa batas.",
        unit="%",
        minimum=100,
        maximum=1000,
        none_label="tanpa batas",
    )
    scale: RatingScale = setting(
        DEFAULT_SCALE,
        label="Skala kategori capaian",
        group="Capaian kinerja",
        help="Nama kategori dan batas bawah masing-masing (menurun). Bawaan: gaya Permendagri 86/2017.",
        kind="scale",
    )
    tolerance_pts: float = setting(
        1.0,
        label="Toleransi persentase tertulis",
        group="Pemeriksaan",
        help="Selisih terbesar antara persentase yang tertulis di berkas dan hasil hitung yang belum menjadi "
        "temuan (berkas sering membulatkan ke bilangan bulat).",
        unit="poin",
        minimum=0,
        maximum=10,
    )
    amount_tolerance: float = setting(
        1.0,
        label="Toleransi selisih jumlah rupiah",
        group="Pemeriksaan",
        help="Selisih terbesar antara jumlah yang tertulis dan jumlah rinciannya yang belum menjadi temuan.",
        unit="rupiah",
        minimum=0,
        maximum=1_000_000_000,
    )
    women_commissioner_min_pct: float = setting(
        30.0,
        label="Keterwakilan perempuan minimal di antara anggota KPU",
        group="Pegawai dan aset",
        help="UU 7/2017: sekurang-kurangnya 30%.",
        unit="%",
        minimum=0,
        maximum=100,
    )
    useful_life: tuple[UsefulLife, ...] = setting(
        label="Masa manfaat aset per kelompok barang",
        group="Pegawai dan aset",
        help="Kode kelompok (awal kode barang), nama kelompok, masa manfaat dalam tahun, dan kata kunci nama "
        "barang (dipisah |) untuk aset tanpa kode barang. KMK 295/KM.6/2019 beserta perubahannya.",
        kind="useful_life",
        default_factory=load_useful_life,
    )
    ikpa_targets: tuple[IkpaTarget, ...] | None = setting(
        None,
        label="Target penyerapan IKPA per triwulan",
        group="Anggaran",
        help="Persentase kumulatif pagu yang terserap pada akhir triwulan I–IV, per jenis belanja.",
        kind="ikpa",
        per_year=True,
        none_label="target terbitan untuk tahun itu",
    )
    group_counting: str = setting(
        "group",
        label="Cara menghitung kelompok indikator",
        group="Capaian kinerja",
        help="Baris kelompok (diakhiri ':' atau diikuti butir a., b., … atau '- ') dihitung sekali: 'group' = "
        "baris kelompok bila punya angka sendiri, selain itu sub-butirnya (DOMAIN.md); 'items' = selalu "
        "sub-butirnya.",
        choices=("group", "items"),
    )
    group_tolerance_pts: float = setting(
        1.0,
        label="Toleransi angka kelompok terhadap sub-butirnya",
        group="Pemeriksaan",
        help="Capaian baris kelompok yang berbeda lebih dari sekian poin dari rata-rata sub-butirnya menjadi temuan.",
        unit="poin",
        minimum=0,
        maximum=100,
    )
    document_priority: tuple[str, ...] = ("pengukuran", "analisis", "perjanjian", "rencana")
    """Which indicator document feeds the office mean when several state capaian: the kinds of
    :data:`lakip_core.rules.documents.KINDS`, best first. Every document of the best-ranked kind
    that has realisasi feeds the mean; the others are shown apart (and compared with it)."""
    bare_actual_in_target_unit: bool = setting(
        False,
        label="Realisasi tanpa satuan dibaca dalam satuan target",
        group="Capaian kinerja",
        help="Realisasi tanpa satuan ('100.00') terhadap target bersatuan selain % ('4 Unit'): mati = tidak "
        "dihitung dan menjadi temuan; hidup = dibaca dalam satuan target.",
    )
    spent_threshold_pct: float = setting(
        50.0,
        label="Batas 'terserap' pada capaian terhadap belanja",
        group="Anggaran",
        help="Kegiatan dengan penyerapan setidaknya sebesar ini dihitung 'terserap' pada kuadran capaian dan belanja.",
        unit="%",
        minimum=0,
        maximum=100,
    )
    achieved_threshold_pct: float = setting(
        50.0,
        label="Batas 'tercapai' pada capaian terhadap belanja",
        group="Capaian kinerja",
        help="Kegiatan dengan capaian setidaknya sebesar ini dihitung 'tercapai' pada kuadran capaian dan belanja.",
        unit="%",
        minimum=0,
        maximum=1000,
    )
    small_base: int = setting(
        20,
        label="Dasar kecil",
        group="Pemeriksaan",
        help="Persentase atau grafik dengan dasar kurang dari sekian unit/orang/indikator diberi keterangan "
        "'dasar kecil'.",
        minimum=1,
        maximum=1000,
    )

    @property
    def as_of(self) -> date:
        """The date ages are computed at: ``report_date`` or 31 December of the report year."""
        return self.report_date or date(self.year, 12, 31)

    @property
    def ikpa(self) -> dict[str, tuple[float, float, float, float]]:
        """IKPA targets in force for the report year, by jenis belanja (``"52"`` → (15, 50, 70, 90))."""
        targets = self.ikpa_targets if self.ikpa_targets is not None else published_ikpa_targets(self.year)
        return {t.jenis: t.quarters for t in targets}
