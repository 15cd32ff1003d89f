"""The bundled sample's expected figures, in one place.

``sample_data/`` (the 2024 LAKIP of KPU Kota Jakarta Selatan) is what the dashboard shows before
anything is uploaded, and what most tests read. Every test that pins one of its figures takes it
from here, so a rule that moves a figure (groups counted once, a second document, ...) is a
one-place edit: change the number and its text below. ``tests/test_golden.py`` checks that each
number is what the core computes from ``sample_data/`` now, and that each text is its number
written the Indonesian way, so the two cannot drift apart.

A :class:`Figure` is a number and the text the dashboard, the CLI and the exports show for it;
counts are plain ``int``. Figures under "scenarios" are Simulasi results on the sample.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    value: float
    text: str

    @property
    def rounded(self) -> float:
        """The value rounded to 2 decimals, as the CLI JSON gives percentages."""
        return round(self.value, 2)


# --- indicators (indikator_kinerja_2024.xlsx: Bab III A and the two Perjanjian Kinerja) ----------
INDICATORS = 62  # rows with a target in the three sheets
WITH_DATA = 44  # with a realisasi (the Bab III A table)
MET = 4  # ≥ 100 %
NOT_MET = WITH_DATA - MET
WITHOUT_DATA = INDICATORS - WITH_DATA  # the Perjanjian Kinerja targets: 10 (Ketua) + 8 (Sekretaris)
OBJECTIVES = 20  # sasaran over the three sheets
OBJECTIVES_WITH_DATA = 8  # the eight sasaran of Bab III A
OFFICE_MEAN = Figure(57.891_363_636, "57,89%")  # mean of the indicators with data
OFFICE_CATEGORY = "Rendah"
OFFICE_MEAN_OF_OBJECTIVES = Figure(54.460_881_410, "54,46%")
FIRST_OBJECTIVE_MEAN = Figure(84.955_384_615, "84,96%")  # sasaran 1 (3355), 13 indicators
FIRST_OBJECTIVE_INDICATORS = 13

# --- budget (anggaran_2024.xlsx: the Akuntabilitas Keuangan table) ---------------------------------
ALLOCATION = Figure(3_277_955_000, "Rp 3.277.955.000")  # Σ of the rows, not the Jumlah row
REALIZED = Figure(3_140_196_748, "Rp 3.140.196.748")
ABSORPTION = Figure(95.797_433_095, "95,80%")
REMAINING = Figure(137_758_252, "Rp 137.758.252")
REMAINING_SHORT = "Rp 137,76 juta"
STATED_ALLOCATION = Figure(3_262_453_000, "Rp 3.262.453.000")  # what the Jumlah row says
STATED_REALIZED = Figure(3_157_003_748, "Rp 3.157.003.748")
KEGIATAN = ("3355", "3356", "3357", "3360", "3361", "3363", "3364")
FIRST_LINE_ABSORPTION = Figure(97.96, "97,96%")  # 3355

# --- assets (aset_bmn_2024.xlsx: Tabel 1.7) --------------------------------------------------------
ASSET_UNITS = 221
ASSETS_BY_CONDITION = {"Baik": 8, "Rusak": 3, "Tidak diketahui": 210}
ASSETS_GOOD = Figure(72.727_272_727, "72,73%")  # of the units whose condition is known
ASSETS_PAST_USEFUL_LIFE = 215

# --- staff (pegawai_2024.xlsx) --------------------------------------------------------------------
STAFF = 28
STAFF_BY_ROLE = {"Komisioner": 5, "ASN": 15, "PPNPN": 8}
STAFF_BY_GENDER = {"Laki-laki": 17, "Perempuan": 11}
STAFF_BY_EDUCATION = {"SMA": 5, "D1": 1, "S1": 15, "S2": 7}
FEMALE = Figure(39.285_714_286, "39,29%")
FEMALE_COMMISSIONERS = Figure(20.0, "20%")

# --- findings on the four datasets ----------------------------------------------------------------
FINDINGS = 26
FINDINGS_BY_SEVERITY = {"error": 0, "warning": 8, "info": 18}
FINDING_CODES = {
    "TOTAL_MISMATCH": 2,  # the Jumlah row of the Akuntabilitas Keuangan table (pagu and realisasi)
    "AGE_MISMATCH": 5,  # commissioners' ages stated as of an earlier year
    "WOMEN_COMMISSIONERS_BELOW_MIN": 1,  # 1 of 5 = 20% < 30%
    "INDICATOR_NO_ACTUAL": 18,  # Perjanjian Kinerja targets: 10 (Ketua) + 8 (Sekretaris)
}

# --- scenarios (Simulasi on the sample) -----------------------------------------------------------
# Every 100% target lowered to 90% (the bulk rule's defaults): 44 indicators changed.
TARGETS_90_MEAN = Figure(64.323_737_374, "64,32%")
TARGETS_90_DELTA = "+6,43 poin"
TARGETS_90_MET = 18
# Realisasi of "Pembayaran tunjangan anak PNS" (61,14%, sasaran 1) edited to 100%.
TUNJANGAN_ANAK_KEY = (
    "Capaian Kinerja › Terlaksananya Akuntabilitas Pengelolaan Keuangan di lingkungan Sekretariat KPU "
    "Kabupaten/Kota › Pembayaran tunjangan anak PNS"
)
TUNJANGAN_ANAK_MEAN = Figure(58.774_545_455, "58,77%")
TUNJANGAN_ANAK_DELTA = "+0,88 poin"
TUNJANGAN_ANAK_MET = 5
TUNJANGAN_ANAK_FIRST_OBJECTIVE = Figure(87.944_615_385, "87,94%")
# Kegiatan 3356 realisasi Rp 0 → Rp 10.440.000 (its whole pagu).
SPEND_3356 = 10_440_000
SPEND_3356_ABSORPTION = Figure(96.115_924_349, "96,12%")
