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


# --- indicators (three documents, as the dashboard's sample loads them) -----------------------------
# indikator_kinerja_2024.xlsx (Bab III A and the two Perjanjian Kinerja), analisis_sasaran_2024.xlsx
# (Bab III B) and perencanaan_kinerja_2024.xlsx (Tabel 1.9). The office mean is of the Bab III A
# lines only (one document feeds it), with "4. Tersedianya Layanan Perkantoran:" counted once.
LINES = 114  # indicator lines read in the three files
INDICATORS = 36  # lines in the office mean
WITH_DATA = 36  # of them with a realisasi
MET = 3  # ≥ 100 %
NOT_MET = WITH_DATA - MET
WITHOUT_DATA = INDICATORS - WITH_DATA  # lines of the office mean without realisasi
OBJECTIVES = 36  # sasaran over every document
OBJECTIVES_WITH_DATA = 18  # with at least one realisasi (Bab III A and Bab III B)
OFFICE_OBJECTIVES_WITH_DATA = 8  # the eight sasaran of Bab III A (the office mean's document)
OFFICE_MEAN = Figure(55.623_611_111, "55,62%")  # mean of the office lines with data
OFFICE_CATEGORY = "Rendah"
OFFICE_MEAN_OF_OBJECTIVES = Figure(57.035_360_577, "57,04%")
FIRST_OBJECTIVE_MEAN = Figure(84.955_384_615, "84,96%")  # sasaran 1 (3355), 13 indicators
FIRST_OBJECTIVE_INDICATORS = 13
# With group_counting="items" (the sub-items, never the group line): 43 lines, 4 met, 56,96%.
OFFICE_MEAN_ITEMS = Figure(56.96, "56,96%")
INDICATORS_ITEMS = 43
MET_ITEMS = 4

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
PAGU_3356 = Figure(10_440_000, "Rp 10.440.000")  # kegiatan 3356 (Pengelolaan Data dan Logistik), realisasi Rp 0

# --- assets (aset_bmn_2024.xlsx: Tabel 1.7) --------------------------------------------------------
ASSET_UNITS = 221
ASSETS_BY_CONDITION = {"Baik": 8, "Rusak": 3, "Tidak tercatat": 210}
ASSETS_GOOD = Figure(72.727_272_727, "72,73%")  # of the units whose condition is known
ASSETS_PAST_USEFUL_LIFE = 217  # "Meubelair Lainnya" has a group of its own

# --- staff (pegawai_2024.xlsx) --------------------------------------------------------------------
STAFF = 28
STAFF_BY_ROLE = {"Komisioner": 5, "ASN": 15, "PPNPN": 8}
SECRETARIAT = STAFF_BY_ROLE["ASN"] + STAFF_BY_ROLE["PPNPN"]  # "Pegawai sekretariat": staff, not commissioners
STAFF_BY_GENDER = {"Laki-laki": 17, "Perempuan": 11}
STAFF_BY_EDUCATION = {"SMA": 5, "D1": 1, "S1": 15, "S2": 7}
FEMALE = Figure(39.285_714_286, "39,29%")
FEMALE_COMMISSIONERS = Figure(20.0, "20%")

# --- findings on the four datasets ----------------------------------------------------------------
FINDINGS = 71
FINDINGS_BY_SEVERITY = {"error": 0, "warning": 47, "info": 24}
FINDING_CODES = {
    "TOTAL_MISMATCH": 2,  # the Jumlah row of the Akuntabilitas Keuangan table (pagu and realisasi)
    "AGE_MISMATCH": 5,  # commissioners' ages stated as of an earlier year
    "WOMEN_COMMISSIONERS_BELOW_MIN": 1,  # 1 of 5 = 20% < 30%
    "INDICATOR_NO_ACTUAL": 24,  # Perjanjian Kinerja targets (10 + 8) and Tabel 1.9 (4) and Bab III B (2)
    "INDICATOR_DOCUMENTS_DIFFER": 10,  # Bab III A vs III B: the ten Sasaran 1 lines
    "STATED_PCT_MISMATCH": 2,  # 98,07% stated as 0; 94,83% stated as 99
    "STATED_PCT_WITHOUT_ACTUAL": 1,
    "INDICATOR_REPEATED_IN_DOCUMENT": 1,  # "Penyusunan Anggaran" 0 and 96,77% in Bab III B
    "OBJECTIVE_NAME_REPEATED": 2,  # Bab III B sasaran 8/9 and 10/11
    "INDICATOR_UNIT_MISMATCH": 13,  # "1 Paket" vs "96.57" ...
    "INDICATOR_NO_TARGET": 1,
    "CAPAIAN_WITHOUT_SPENDING": 1,  # 3356
    "SPENT_WITHOUT_CAPAIAN": 2,  # 3361, 3364
    "INDICATOR_GROUP_MISMATCH": 1,  # 97,94% vs its sub-items' 68,10%
    "KEGIATAN_ON_TWO_SASARAN": 1,  # 3360
    "INDICATOR_TARGET_DIFFERS": 3,  # Tabel 1.9 vs PK Sekretaris
    "INDICATOR_SEVERAL_IN_CELL": 1,  # "WTP B"
}

# --- scenarios (Simulasi on the sample) -----------------------------------------------------------
# Every 100% target lowered to 90% (the bulk rule's defaults): 73 lines changed in the three documents.
TARGETS_90_CHANGED = 73
TARGETS_90_MEAN = Figure(61.804_012_346, "61,80%")
TARGETS_90_DELTA = "+6,18 poin"
TARGETS_90_MET = 14
# Realisasi of "Pembayaran tunjangan anak PNS" (61,14%, sasaran 1) edited to 100%.
TUNJANGAN_ANAK_KEY = (
    "Capaian Kinerja › Terlaksananya Akuntabilitas Pengelolaan Keuangan di lingkungan Sekretariat KPU "
    "Kabupaten/Kota › Pembayaran tunjangan anak PNS"
)
TUNJANGAN_ANAK_MEAN = Figure(56.703_055_556, "56,70%")
TUNJANGAN_ANAK_DELTA = "+1,08 poin"
TUNJANGAN_ANAK_MET = 4
TUNJANGAN_ANAK_FIRST_OBJECTIVE = Figure(87.944_615_385, "87,94%")
# Kegiatan 3356 realisasi Rp 0 → Rp 10.440.000 (its whole pagu).
SPEND_3356 = int(PAGU_3356.value)
SPEND_3356_ABSORPTION = Figure(96.115_924_349, "96,12%")
