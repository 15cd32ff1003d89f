#!/usr/bin/env python3
"""Build the sample xlsx files in ``sample_data/`` from tables transcribed by hand.

Source: the 2024 LAKIP (Laporan Akuntabilitas Kinerja Instansi Pemerintah) of
KPU Kota Jakarta Selatan, seed text ``000_18b953003b21659d.txt``.

Every value below is transcribed FIGURE FOR FIGURE from the seed: spelling,
typos, spacing inside values ("100 %", "87,48 %", "KPU- RI") and internal
inconsistencies (e.g. the budget "Jumlah" row) are kept exactly as printed.
Nothing is corrected or invented.  The only reformatting is documented in
``sample_data/README.md``:

* the name of Sasaran 8 is split over a page break in the seed; it is joined
  here with a single space (see ``SASARAN_8_PARTS``);
* the "Komisioner" sheet joins Tabel 1.2 (personal data) with Tabel 1.1
  (division and Korwil) by row number; the full name comes from Tabel 1.1 and
  the two Korwil kecamatan are joined with ", ";
* footnotes printed as Markdown bold in the seed ("***)Sumber :** ...") are
  written without the Markdown markers ("*)Sumber : ..."), and the HTML
  markup at the start of one Tabel 1.10 cell is dropped;
* the twelve Bab III B tables are one sheet (one indicator document), each
  "Sasaran N" heading filling No./Sasaran of its table's first row, under one
  unified header (see ``ANALISIS_ROWS``);
* a Tabel 1.10 indicator continued after a page break ("Kearsipan.") is
  joined with a single space (see ``ARSIP_IKK_PARTS``).

The output is deterministic: fixed workbook properties (2025-01-01) and fixed
timestamps inside the xlsx (zip) container, so rerunning the script produces
byte-identical files.

Usage::

    python tools/build_sample_data.py
"""

from __future__ import annotations

import datetime as _dt
import io
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "sample_data"

FIXED_DATETIME = _dt.datetime(2025, 1, 1, 0, 0, 0)
ZIP_DATE_TIME = (2025, 1, 1, 0, 0, 0)
CREATOR = "Sekretariat KPU Kota Jakarta Selatan"

SUMBER_KEPEGAWAIAN = "*)Sumber : Data Kepegawaian KPU Kota Jakarta Selatan Tahun 2024."
SUMBER_SIMAK_BMN = "*)Sumber : SIMAK BMN KPU Kota Jakarta Selatan Tahun 2024"

# ---------------------------------------------------------------------------
# 1. indikator_kinerja_2024.xlsx
# ---------------------------------------------------------------------------

# Bab III A "PENGUKURAN CAPAIAN KINERJA" (seed lines 701-751).  The seed prints
# a two-row header (No. | Sasaran | Indikator Kinerja: Uraian | Target |
# Capaian | %).  Several rows are shifted one or two columns to the left in the
# seed at page breaks (lines 716-717, 737-739, 747-751); they are put back in
# the Indikator/Target/Capaian/% columns here, values unchanged.

# Sasaran 8's name is printed in two pieces around a page break
# (seed line 744 and line 747).
SASARAN_8_PARTS = (
    "Terfasilitasi Pelaksanaan Tahapan Pemilu Legislatif, Pemilu Presiden dan "
    "Wakil Presiden, Pemilukada, Publikasi dan Sosialisai",
    "serta partisipasi Masyarakat dan PAW (3364)",
)
SASARAN_8 = " ".join(SASARAN_8_PARTS)

CAPAIAN_HEADER = ("No.", "Sasaran", "Indikator Kinerja", "Target", "Capaian", "%")
CAPAIAN_ROWS = [
    # seed lines 703-717
    (
        "1.",
        "Terlaksananya Akuntabilitas Pengelolaan Keuangan di lingkungan Sekretariat KPU Kabupaten/Kota (3355)",
        "Terlaksananya Laporan Sistem Akuntansi dan Pelaporan Keuangan",
        "",
        "",
        "",
    ),
    ("", "", "1. Terlaksananya Laporan Sistem Akuntansi dan Pengelolaan Keuangan", "100%", "99,85%", "99"),
    ("", "", "2. Terlaksananya Laporan Pertanggungjawaban Penggunaan Anggaran (LPPA).", "100%", "99,50%", "99"),
    ("", "", "3. Pengelolaan Keuangan, Perbendaharaan dan Pertanggungjawaban Tahapan Pemilu", "100 %", "87,48 %", "87"),
    ("", "", "Pelaksanaan Akuntabilitas Pengelolaan Administrasi Keuangan", "", "", ""),
    ("", "", "1. Pembayaran Gaji Pokok PNS", "100%", "99,61%", "100"),
    ("", "", "2. Pembayaran Pembulatan gaji PNS", "100%", "80,81%", "81"),
    ("", "", "3. Pembayaran tunjangan suami/istri PNS", "100%", "98,72%", "99"),
    ("", "", "4. Pembayaran tunjangan anak PNS", "100%", "61,14%", "61"),
    ("", "", "5. Pembayaran tunjangan structural PNS", "100%", "100%", "100"),
    ("", "", "6. Pembayaran tunjangan PPh PNS", "100%", "56,11%", "56"),
    ("", "", "7. Pembayaran tunjangan beras PNS", "100%", "69,16%", "69"),
    ("", "", "8. Belanja uang makan PNS", "100%", "76,74%", "77"),
    ("", "", "9. Pembayaran tunjangan umum PNS", "100%", "75,81%", "76"),
    ("", "", "10. Pembayaran tunjangan khusus", "100%", "99,49%", "100"),
    # seed lines 718-722
    (
        "2.",
        "Tersedianya Pengelolaan Data (kebutuhan, pengadaan, pendistribusian, serta pemeliharaan dan inventarisasi logistik Pemilu/Pemilihan (3356)",
        "1. Sistematis dan standar pengiriman Logistik Pemilu",
        "100%",
        "0",
        "0",
    ),
    ("", "", "2. Tersedianya layanan pengadaan logistik Pemilu", "100%", "0", "0"),
    ("", "", "3. Data kebutuhan dan anggaran logistik Pemilu / Pemilihan", "100%", "0", "0"),
    ("", "", "4. Investarisasi Logistik Pemilu", "100 %", "66,46 %", "66"),
    # seed lines 723-726
    (
        "3.",
        "Terlaksananya Manajemen dan Perencanaan Data (3357)",
        "1. Tersedianya Dokumen dan informasi Pemutakhiran Data Pemilih Berkelanjutan.",
        "100%",
        "98,07%",
        "98",
    ),
    ("", "", "2. Tersedianya Pelaksanaan Manajemen Perencanaan dan penganggaran.", "100%", "94,83%", "95"),
    ("", "", "3. Terlaksananya Penyusunan Anggaran", "100%", "0", "0"),
    ("", "", "4. Layanan dan monitoring evaluasi internal", "100%", "46,95%", "47"),
    # seed lines 727-739
    (
        "4.",
        "Terlaksananya Penyelenggara-an Operasional dan Pemeliharaan Perkantoran (KPU) (3360)",
        "1. Terlaksananya Penanggulangan COVID-19",
        "100%",
        "99,41%",
        "99",
    ),
    ("", "", "2. Terlaksananya Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU)", "100%", "98,61%", "99"),
    ("", "", "3. Tersedianya Penyelenggaraan Operasional dan Pemeliharaan Perkantoran", "100%", "100%", "100"),
    ("", "", "4. Tersedianya Layanan Perkantoran:", "100%", "97,94%", "98"),
    ("", "", "a. Operasional Keperluan Perkantoran", "100%", "98,61%", "98"),
    ("", "", "b. Operasional Lainnya", "100%", "85%", "85"),
    ("", "", "c. Operasional Satuan Kerja", "100%", "100%", "100"),
    ("", "", "d. Pemeliharaan Gedung dan Bangunan", "100%", "68,04%", "68"),
    ("", "", "e. Pemeliharaan Peralatan dan Mesin", "100%", "93,18%", "93"),
    ("", "", "f. Layanan Daya & Jasa:", "", "", ""),
    ("", "", "- Listrik", "100%", "0", "0"),
    ("", "", "- Telepon", "100%", "99,94%", "100"),
    ("", "", "- Air", "100%", "0", "0"),
    # seed lines 740-741
    (
        "5.",
        "Terlaksananya Pemeriksaan di Lingkungan Setjen KPU, Sekretariat KPU Provinsi dan Sekretariat KPU Kabupaten/Kota (3361)",
        "1. Terlaksananya evaluasi internal",
        "100%",
        "0",
        "0",
    ),
    ("", "", "2. Laporan hasil evaluasi LAKIP", "100%", "0", "0"),
    # seed line 742 (the kegiatan code "(3360)" is printed for both Sasaran 4 and 6)
    (
        "6.",
        "Terlaksananya Penyelenggaraan Dukungan Sarana dan Prasarana (3360)",
        "Tersedianya Peralatan dan Fasilitas Perkantoran",
        "100%",
        "100%",
        "100",
    ),
    # seed line 743
    (
        "7.",
        "Optimalisasi Penyiapan Penyusunan Rancangan PKPU, Advokasi, Penyelesaian Sengketa dan Penyuluhan Perpu yang berkaitan dengan Penyelenggaraan Pemilu (3363)",
        "Tersedianya Bantuan Hukum Penyelesaian Kasus Hukum Pemilu",
        "100%",
        "95,76%",
        "96",
    ),
    # seed lines 744-751 (name split over a page break, joined)
    ("8.", SASARAN_8, "1. Terlaksananya Rancangan Pedoman/Juknis Penyelenggaraan Tahapan Pemilu", "100%", "0", "0"),
    ("", "", "2. Terlaksananya Sosialisasi Penyelenggaraan Pemilu", "100%", "0", "0"),
    ("", "", "3. Terlaksananya Publikasi Informasi Pemilu", "100%", "0", "0"),
    ("", "", "4. Terlaksananya supervise/monitoring/bimbingan/teknis penyelenggaraan pemilu", "100%", "0", "0"),
    ("", "", "5. Terlaksananya Inventarisir Dokumen Teknis Pemilu", "100%", "0", "0"),
    ("", "", "6. Terlaksananya Pendidikan Pemilih Pemilu", "100%", "0", "0"),
    ("", "", "7. Terlaksananya Pembentukan Rumah Pintar Pemilu", "100%", "0", "0"),
]

PK_HEADER = ("No.", "Sasaran Strategis", "Indikator Kinerja", "Target")
# The column-number row printed directly under the header (seed lines 658, 675).
PK_COLUMN_NUMBER_ROW = ("1", "2", "3", "4")

# Tabel 1.13 Perjanjian Kinerja Ketua KPU Kota Jakarta Selatan Tahun 2024
# (seed lines 654-668).
PK_KETUA_ROWS = [
    (
        1,
        "Terwujudnya Sistem Informasi mengenai Partai Politik yang andal dan berkualitas",
        "Persentase informasi mengenai partai politik yang mutakhir dan dipublikasikan pada public",
        "90%",
    ),
    (2, "Terwujudnya Sumber Daya Manusia dan Lembaga KPU yang berkualitas", "Nilai Akuntabilitas Kinerja", "90%"),
    ("", "", "Persentase Pengelolaan Keuangan Berdasarkan SAP", "90%"),
    (
        "",
        "",
        "Persentase Fasilitas kantor, peralatan dan mesin yang berfungsi dengan baik untuk mendukung kinerja",
        "95%",
    ),
    ("", "", "Persentase Laporan SPIP yang disampaikan dengan tepat waktu", "90%"),
    (
        3,
        "Terwujudnya Keputusan KPU sesuai dengan Peraturan Perundang-undangan",
        "Persentase Rancangan Keputusan KPU yang disusun dan diharmonisasi dengan tepat waktu sesuai dengan Kerangka Regulasi KPU",
        "90%",
    ),
    (
        4,
        "Terwujudnya Pengelolaan Dokumen Hasil Pemilu/ Pemilihan yang berkualitas",
        "Persentase dokumen hasil Pemilu/Pemilihan yang dipelihara/ didigitalisasi dengan baik",
        "95%",
    ),
    (
        5,
        "Terwujudnya Kesadaran Pemilih, Kepemiluan dan Demokrasi yang tinggi untuk seluruh lapisan masyarakat",
        "Persentase Partisipasi Pemilih dalam Pemilu/Pemilihan",
        "90%",
    ),
    ("", "", "Persentase Partisipasi Pemilih Perempuan dalam Pemilu/Pemilihan", "90%"),
    ("", "", "Persentase Partisipasi Pemilih Disabilitas dalam Pemilu/Pemilihan", "90%"),
]

# Tabel 1.14 Perjanjian Kinerja Sekretaris KPU Kota Jakarta Selatan Tahun 2024
# (seed lines 672-683).
PK_SEKRETARIS_ROWS = [
    (
        1,
        "Terwujudnya Data Pemilih Berkelanjutan yang komprehensif, akurat, dan terkini",
        "Persentase Pemutakhiran Data Pemilih tepat waktu.",
        "90%",
    ),
    (
        2,
        "Terwujudnya Dukungan Logistik dalam Penyelenggaraan Pemilu/Pemilihan",
        "Persentase distribusi Logistik Pemilu/Pemilihan secara tepat sasaran, tepat jumlah, tepat jenis, tepat mutu dan tepat waktu",
        "90%",
    ),
    (
        3,
        "Meningkatnya Kapasitas SDM yang berkompeten",
        "Persentase Kesesuaian Kompetensi Pegawai Terhadap Standar Kompetensi",
        "95%",
    ),
    (4, "Meningkatnya Akuntabilitas Keuangan dan Kinerja KPU", "Nilai Akuntabilitas Kinerja", "90%"),
    ("", "", "Persentase Pengelolaan Laporan Keuangan berdasarkan SAP", "90%"),
    (
        5,
        "Terwujudnya Dukungan Sarana dan Prasarana Guna Meningkatkan Kelancaran Tugas KPU",
        "Persentase Tersedianya Sarana dan Prasarana untuk Memenuhi Kebutuhan Kerja Pegawai yang Berfungsi dengan Baik",
        "95%",
    ),
    (
        6,
        "Tersusunnya Rancangan Peraturan dan Keputusan KPU Serta Pendokumentasian Informasi Hukum sesuai Peraturan Perundang undangan",
        "Persentase Rancangan Keputusan KPU Kabupaten yang disusun dan diharmonisasi dengan tepat waktu sesuai dengan Kerangka Regulasi KPU",
        "95%",
    ),
    (
        7,
        "Terwujudnya Tahapan Pemilu/ Pemilihan Sesuai Jadwal",
        "Persentase penyelenggaraan Pemilu/ Pemilihan sesuai dengan jadwal",
        "90%",
    ),
]

# ---------------------------------------------------------------------------
# 2. anggaran_2024.xlsx
# ---------------------------------------------------------------------------

# Bab III "Akuntabilitas Keuangan", alokasi anggaran (seed lines 952-961).
# The Jumlah row is kept as printed, although it is not the sum of the rows.
ANGGARAN_HEADER = ("No.", "Program", "Pagu Anggaran (Rp)", "Realisasi (Rp)")
ANGGARAN_ROWS = [
    (
        "1.",
        "Pelaksanaan akuntabilitas pengelolaan keuangan di lingkungan Sekretariat KPU Kabupaten/Kota (3355)",
        "Rp. 2.469.940.000",
        "Rp. 2.419.466.148",
    ),
    (
        "2.",
        "Pengelolaan Data, Dokumentasi, Pengadaan, Pendistribusian dan Inventarisasi Sarana dan Prasarana Pemilu (3356)",
        "Rp. 10.440.000",
        "0",
    ),
    ("3.", "Pelaksanaan Manajemen Perencanaan dan Data (3357)", "Rp. 44.436.000", "Rp. 39.530.000"),
    (
        "4.",
        "Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU) (3360)",
        "Rp. 726.859.000",
        "Rp. 668.500.600",
    ),
    (
        "5.",
        "Pemeriksaan di Lingkungan Setjen KPU, Sekretariat KPU Provinsi dan Sekretariat KPU Kabupaten/Kota (3361)",
        "Rp. 2.716.000",
        "Rp. 1.350.000",
    ),
    (
        "6.",
        "Penyiapan Penyusunan Rancangan Peraturan KPU, Advokasi, Penyelesaian Sengketa dan Penyuluhan peraturan Perundang-undangan yang berkaitan dengan penyelenggaraan Pemilu (3363)",
        "Rp. 5.062.000",
        "Rp. 4.450.000",
    ),
    (
        "7.",
        "Fasilitasi Pelaksanaan Tahapan Pemilu, Legislatif, Pemilu Presiden dan Wakil Presiden, Pemilukada, Publikasi dan Sosialisasi serta partisipasi Masyarakat dan PAW (3364)",
        "Rp. 18.502.000",
        "Rp. 6.900.000",
    ),
]
# Printed as "Jumlah<TAB><TAB>Rp. ...": "Jumlah" in the No. column, Program empty.
ANGGARAN_JUMLAH_ROW = ("Jumlah", "", "Rp. 3.262.453.000", "Rp. 3.157.003.748")

# ---------------------------------------------------------------------------
# 3. aset_bmn_2024.xlsx
# ---------------------------------------------------------------------------

# Tabel 1.6 Kendaraan Roda Empat dan Dua (seed lines 381-397).
KENDARAAN_HEADER = ("No.", "Nama Barang", "Merk Barang", "Tahun Perolehan", "Status Barang", "Kondisi Barang")
KENDARAAN_ROWS = [
    (1, "Kendaraan Roda 4", "Toyota Soluna", 2000, "KPU- RI", "Baik"),
    (2, "Kendaraan Roda 4", "Toyota Kijang LX", 2004, "KPU- RI", "Rusak"),
    (3, "Kendaraan Roda 4", "Suzuki APV", 2008, "Pengadaan Sendiri", "Baik"),
    (4, "Kendaraan Roda 4", "Suzuki APV", 2008, "Pengadaan Sendiri", "Baik"),
    (5, "Kendaraan Roda 4", "Toyota Innova G", 2019, "Pengadaan Sendiri", "Baik"),
    (6, "Kendaraan Roda 2", "Yamaha Jupiter", 2004, "KPU- RI", "Rusak"),
    (7, "Kendaraan Roda 2", "Suzuki FL 125 SD", 2008, "Pengadaan Sendiri", "Baik"),
    (8, "Kendaraan Roda 2", "Suzuki FL 125 SD", 2008, "Pengadaan Sendiri", "Baik"),
    (9, "Kendaraan Roda 2", "Suzuki FL 125 SD", 2008, "Pengadaan Sendiri", "Baik"),
    (10, "Kendaraan Roda 2", "Suzuki FL 125 SD", 2008, "Pengadaan Sendiri", "Baik"),
    (11, "Kendaraan Roda 2", "Suzuki FL 125 SD", 2008, "Pengadaan Sendiri", "Rusak"),
]

# Tabel 1.7 Peralatan dan Meubelair (seed lines 399-491; blank lines at the
# page breaks after No. 28 and No. 62 are not rows).
PERALATAN_HEADER = ("No.", "Nama Barang", "Merk Barang", "Tahun Perolehan", "Jumlah (Buah)", "Perolehan")
PERALATAN_ROWS = [
    (1, "USB", "Sanddisk Ultra", 2017, 1, "Pengadaan Sendiri"),
    (2, "Filling Cabinet Besi", "Elite", 2012, 4, "Pengadaan Sendiri"),
    (3, "Laci Box", "RPP", 2017, 1, "Pengadaan Sendiri"),
    (4, "Penghancur Kertas", "Sekure Seore", 2017, 1, "Pengadaan Sendiri"),
    (5, "LCD Projector/ Infocus", "NEC", 2009, 1, "Pengadaan Sendiri"),
    (6, "LCD Projector/ Infocus", "Epson", 2017, 1, "Pengadaan Sendiri"),
    (7, "LCD Projector/ Infocus", "Epson EB-S400", 2019, 1, "Pengadaan Sendiri"),
    (8, "Layar Infocus", "GTC", 2009, 1, "Pengadaan Sendiri"),
    (9, "Papan Gambar", "RPP", 2017, 11, "Pengadaan Sendiri"),
    (10, "Meja Kayu", "Meja Kayu", 2011, 5, "Pengadaan Sendiri"),
    (11, "Meja Kerja Kayu", "Meja Kayu", 2019, 1, "Pengadaan Sendiri"),
    (12, "Kursi", "Chairman AC 930", 2017, 1, "Pengadaan Sendiri"),
    (13, "Kursi", "Ergotec", 2012, 6, "Pengadaan Sendiri"),
    (14, "Kursi", "Besi/ Metal", 2019, 4, "Pengadaan Sendiri"),
    (15, "Meubelair Lainnya", "Meubelair Lainnya", 2013, 2, "Pengadaan Sendiri"),
    (16, "Televisi", "Samsung", 2017, 1, "Pengadaan Sendiri"),
    (17, "Televisi", "LG 70 Inch", 2019, 1, "Pengadaan Sendiri"),
    (18, "Televisi", "LG 40 Inch", 2019, 2, "Pengadaan Sendiri"),
    (19, "Karpet Hijau", "Plastik", 2019, 1, "Pengadaan Sendiri"),
    (20, "Bingkai Foto", "Kayu", 2019, 1, "Pengadaan Sendiri"),
    (21, "Televisi", "LG 42 Inch", 2019, 1, "Pengadaan Sendiri"),
    (22, "Camera Video", "Panasonic", 2017, 1, "Pengadaan Sendiri"),
    (23, "Handycam", "Sony", 2009, 1, "Pengadaan Sendiri"),
    (24, "Handycam", "Sony", 2017, 1, "Pengadaan Sendiri"),
    (25, "Uninterruptible Power Supply", "UPS", 2003, 3, "Pengadaan Sendiri"),
    (26, "Uninterruptible Power", "HP", 2017, 1, "Pengadaan Sendiri"),
    (27, "Uninterruptible Power Supply", "Prolink", 2017, 1, "Pengadaan Sendiri"),
    (28, "Tripod Camera", "Somita", 2017, 1, "Pengadaan Sendiri"),
    # page break in the seed (blank line 431)
    (29, "Slide Projector", "Slide Projector", 2007, 1, "Pengadaan Sendiri"),
    (30, "Air Conditioner", "AC", 2008, 10, "Pengadaan Sendiri"),
    (31, "Air Conditioner", "Daikin", 2018, 5, "Pengadaan Sendiri"),
    (32, "Camera Adaptor", "ACK", 2017, 1, "Pengadaan Sendiri"),
    (33, "Camera Digital", "Canon", 2017, 1, "Pengadaan Sendiri"),
    (34, "Connector", "Trendnet", 2017, 1, "Pengadaan Sendiri"),
    (35, "Notebook", "Lenovo", 2012, 1, "Pengadaan Sendiri"),
    (36, "Background Kertas", "RPP", 2017, 1, "Pengadaan Sendiri"),
    (37, "Personal Computer/PC", "HP", 2003, 3, "KPU - RI"),
    (38, "Personal Computer/PC", "HP", 2014, 10, "Pengadaan Sendiri"),
    (39, "Personal Computer/PC", "HP RPP", 2017, 1, "Pengadaan Sendiri"),
    (40, "Personal Computer/PC", "HP ProOne 400 G2", 2017, 2, "Pengadaan Sendiri"),
    (41, "Personal Computer/PC", "HP", 2013, 5, "Pengadaan Sendiri"),
    (42, "Personal Computer/PC", "HP All In One Pro One 200 G3-83 PA i5", 2019, 3, "Pengadaan Sendiri"),
    (43, "Notebook", "Axioo", 2009, 1, "Pengadaan Sendiri"),
    (44, "Notebook", "Axioo", 2011, 1, "Pengadaan Sendiri"),
    (45, "Notebook", "Lenovo IP 100", 2016, 2, "Pengadaan Sendiri"),
    (46, "Notebook", "HP Pavillion", 2017, 3, "Pengadaan Sendiri"),
    (47, "Notebook", "Dell Vostro 3468", 2018, 1, "Pengadaan Sendiri"),
    (48, "Notebook", "Asus AIO", 2018, 4, "Pengadaan Sendiri"),
    (49, "Notebook", "Asus", 2019, 5, "Hibah Bank BTN"),
    (50, "Notebook", "Dell Inspiron", 2018, 3, "Pengadaan Sendiri"),
    (51, "Notebook", "HP 4410 S", 2009, 2, "Pengadaan Sendiri"),
    (52, "Notebook", "Notebook", 2013, 1, "Pengadaan Sendiri"),
    (53, "Notebook", "Asus", 2017, 1, "Pengadaan Sendiri"),
    (54, "Notebook", "Dell", 2018, 10, "Pengadaan Sendiri"),
    (55, "Notebook", "HO Omen 15-DC1090tx", 2019, 1, "Pengadaan Sendiri"),
    (56, "Harddisk External", "HP", 2014, 2, "Pengadaan Sendiri"),
    (57, "Harddisk External", "Seagate", 2017, 2, "Pengadaan Sendiri"),
    (58, "Harddisk External", "Seagate Up Plus Slim", 2017, 2, "Pengadaan Sendiri"),
    (59, "Scanner/ Printer", "Toshiba", 2003, 1, "Pengadaan Sendiri"),
    (60, "Printer", "HP 3330", 2003, 1, "Pengadaan Sendiri"),
    (61, "Printer", "Epson LP 2180", 2003, 1, "Pengadaan Sendiri"),
    (62, "Printer", "HP Laserjet Pro P 1102", 2012, 1, "Pengadaan Sendiri"),
    # page break in the seed (blank line 466)
    (63, "Printer", "HP", 2013, 2, "Pengadaan Sendiri"),
    (64, "Printer", "HP Deskjet Ink 4515", 2014, 10, "Pengadaan Sendiri"),
    (65, "Printer", "HP Officejet 7110", 2017, 1, "Pengadaan Sendiri"),
    (66, "Printer", "Epson", 2017, 2, "Pengadaan Sendiri"),
    (67, "Printer", "Brother", 2017, 1, "Pengadaan Sendiri"),
    (68, "Printer", "Epson L360", 2018, 2, "Pengadaan Sendiri"),
    (69, "Printer", "HP Laserjet Pro", 2018, 1, "Pengadaan Sendiri"),
    (70, "Printer", "Epson L405", 2018, 1, "Hibah Bank BTN"),
    (71, "Printer", "HP Laserjet M15a", 2019, 6, "Pengadaan Sendiri"),
    (72, "Scanner", "Fujitsu", 2009, 2, "Pengadaan Sendiri"),
    (73, "Scanner", "Fujitsu", 2013, 1, "Pengadaan Sendiri"),
    (74, "Scanner", "Fujitsu", 2017, 3, "Pengadaan Sendiri"),
    (75, "Scanner", "Fujitsu", 2018, 11, "Pengadaan Sendiri"),
    (76, "Scanner", "Fujitsu ix500", 2018, 1, "Hibah Bank BTN"),
    (77, "Router", "TP-Link", 2017, 1, "Pengadaan Sendiri"),
    (78, "Hub", "D-Link", 2003, 1, "Pengadaan Sendiri"),
    (79, "Hub", "Sanddisk Ultra", 2017, 1, "Pengadaan Sendiri"),
    (80, "Peralatan Komputer Lainnya", "Peralatan Komputer Lainnya", 2007, 1, "Pengadaan Sendiri"),
    (81, "Miniatur RPP Simulasi TPS", "RPP", 2017, 2, "Pengadaan Sendiri"),
    (82, "Software Komputer", "Antivirus Kaspersky", 2018, 1, "Pengadaan Sendiri"),
    (83, "Software Komputer", "Norton Antivirus", 2019, 10, "Pengadaan Sendiri"),
    (84, "Home Theater", "LG 5.1", 2019, 1, "Pengadaan Sendiri"),
    (85, "Mesin Air Jet Pump", "DAB", 2019, 1, "Pengadaan Sendiri"),
]

# ---------------------------------------------------------------------------
# 4. pegawai_2024.xlsx
# ---------------------------------------------------------------------------

# Tabel 1.1 Pembagian Divisi dan Korwil Anggota KPU Kota Jakarta Selatan
# (seed lines 282-295): No., Nama, Divisi, Korwil kecamatan 1, kecamatan 2.
TABEL_1_1_ROWS = [
    (1, "Muhammad Taqiyuddin", "Keuangan, Umum, Logistik dan Rumah Tangga", "Setiabudi", "Mampang Prapatan"),
    (2, "Ali Akbar Ba'abud", "Hukum dan Pengawasan", "Kebayoran Baru", "Pancoran"),
    (3, "Fachmi Hidayat", "Teknis Penyelenggaraan", "Jagakarsa", "Pesanggrahan"),
    (4, "Mega Agustin", "Perencanaan, Data dan Informasi", "Cilandak", "Pasar Minggu"),
    (5, "Yusuf Pasaribu", "Sosialisasi Pendidikan Pemilih, Partisipasi Masyarakat dan SDM", "Kebayoran Lama", "Tebet"),
]

# First Tabel 1.2 Rincian Tingkat Pendidikan Anggota KPU Kota Jakarta Selatan
# (seed lines 301-308).  Ages are printed as they were at an earlier date
# (kept as printed).
TABEL_1_2_ANGGOTA_ROWS = [
    (1, "Muhammad Taqiyuddin", "Laki-laki", "Jakarta/1 Maret 1993", "30 Tahun", "Islam", "S1", "Ketua"),
    (2, "Ali Akbar B.", "Laki-laki", "Jakarta/13 Agustus 1989", "33 Tahun", "Islam", "S2", "Anggota"),
    (3, "Fachmi Hidayat", "Laki-laki", "Jakarta/22 Agustus 1992", "30 Tahun", "Islam", "S1", "Anggota"),
    (4, "Mega Agustin", "Perempuan", "Jakarta/15 Agustus 1989", "33 Tahun", "Islam", "S1", "Anggota"),
    (5, "Yusuf Pasaribu", "Laki-laki", "Jakarta/5 Juli 1990", "32 Tahun", "Kristen", "S1", "Anggota"),
]

KOMISIONER_HEADER = (
    "No",
    "Nama",
    "Jenis Kelamin",
    "Tempat/Tanggal Lahir",
    "Usia",
    "Agama",
    "Pendidikan Terakhir",
    "Jabatan",
    "Divisi",
    "Korwil Kecamatan",
)


def komisioner_rows():
    """Join Tabel 1.2 (first) with Tabel 1.1 by row number.

    Nama comes from Tabel 1.1 (full name, e.g. "Ali Akbar Ba'abud"; Tabel 1.2
    prints "Ali Akbar B."); Korwil is the two kecamatan joined with ", ".
    """
    by_no = {row[0]: row for row in TABEL_1_1_ROWS}
    rows = []
    for no, _short_name, jk, ttl, usia, agama, pend, jabatan in TABEL_1_2_ANGGOTA_ROWS:
        _, full_name, divisi, kec1, kec2 = by_no[no]
        rows.append((no, full_name, jk, ttl, usia, agama, pend, jabatan, divisi, ", ".join((kec1, kec2))))
    return rows


# Second Tabel 1.2 Rincian Tingkat Pendidikan Sekretariat KPU Kota Jakarta
# Selatan (seed lines 332-354).  The text above it says "15 (empat belas)".
SEKRETARIAT_HEADER = ("No", "Nama", "Jenis Kelamin", "Pendidikan Terakhir", "Jabatan")
SEKRETARIAT_ROWS = [
    (1, "Sholehudin Zuhri", "Laki-laki", "S1", "Sekretaris"),
    (2, "Ike Arianti Az", "Perempuan", "S2", "Kasubbag Hukum dan SDM"),
    (3, "Podang Wahyowidoro", "Laki-laki", "S1", "Kasubbag Tekmas"),
    (4, "Wiwit Tuswanti", "Perempuan", "S2", "Kasubbag KUL"),
    (5, "Mokh. Hilmi Firdaus", "Laki-Laki", "S1", "Kasubbag Perdatin"),
    (6, "Dyna Laura", "Perempuan", "S2", "Pelaksana Sub Bagian Perdatin"),
    (7, "Woro Kandito", "Perempuan", "S2", "Pelaksana Sub Bagian Tekmas"),
    (8, "Muhammad Imron", "Laki-laki", "S1", "Pelaksana Sub Bagian KUL"),
    (9, "Artanty Arsyad", "Perempuan", "S2", "Pelaksana Sub Bagian Hukum dan SDM"),
    (10, "Indah Dian Rostianti", "Perempuan", "S1", "Pelaksana Sub Bagian KUL"),
    (11, "Anditia Ari Wibowo", "Laki-laki", "S1", "Pelaksana Sub Bagian Perdatin"),
    (12, "Cehat", "Perempuan", "S1", "Bendahara"),
    (13, "Zainab Muthiah", "Perempuan", "S1", "Pelaksana Sub Bagian Tekmas"),
    (14, "Mulyadi", "Laki-laki", "SMA", "Pelaksana Sub Bagian KUL"),
    (15, "Yudha Kamal Fauzan", "Laki-Laki", "S1", "Pelaksana Sub Bagian Perdatin"),
]

# Tabel 1.4 Rincian Detail PPNPN KPU Kota Jakarta Selatan (seed lines 362-375).
PPNPN_HEADER = ("No", "Nama", "Jenis Kelamin", "Agama", "Pendidikan Terakhir", "Jabatan")
PPNPN_ROWS = [
    (1, "Suhendar", "Laki-laki", "Islam", "SMA", "Pengemudi"),
    (2, "Ismawan", "Laki-laki", "Islam", "SMA", "Pramubakti"),
    (3, "Irwan Hermansyah", "Laki-laki", "Islam", "S1", "Tenaga Pendukung"),
    (4, "Saifullah", "Laki-laki", "Islam", "S2", "Tenaga Pendukung"),
    (5, "Siti Amelia", "Perempuan", "Islam", "SMA", "Pramubakti"),
    (6, "Achmad Kurtubi", "Laki-laki", "Islam", "SMA", "Jagatsaksana"),
    (7, "Ahmad Tsabit Rabbani", "Laki-laki", "Islam", "D1", "Jagatsaksana"),
    (8, "Annisa Fitria Rizkiani", "Perempuan", "Islam", "S1", "Tenaga Pendukung"),
]

# ---------------------------------------------------------------------------
# 5. analisis_sasaran_2024.xlsx
# ---------------------------------------------------------------------------

# Bab III B "Analisis Capaian Kinerja Tahun Anggaran 2024" (seed lines 753-944):
# twelve small tables, each under a two-cell heading "Sasaran N<TAB>name" (and
# a Markdown separator line "------<TAB>--", not data).  They are put in ONE
# sheet so that the reader sees ONE indicator document, "Analisis Sasaran
# (Bab III B)", next to the Bab III A "Capaian Kinerja" document:
#
# * the heading "Sasaran N" / name fills the No. / Sasaran cells of the first
#   row of its table (merged vertically over the table, as in Capaian
#   Kinerja); the sasaran names carry no kegiatan code "(3355)" in Bab III B;
# * the per-table headers differ and are unified as
#   "No. | Sasaran | Indikator Kinerja | Target | Realisasi | %":
#   Sasaran 1 prints "Indikator Kinerja | Target | Realisasi (%)" (no "%"
#   column: left empty), Sasaran 9 prints "Indikator Kinerja | Target (%) |
#   Realisasi (%)" (no "%" column: left empty; its "(%)" header units are not
#   kept, see sample_data/README.md), the others "Indikator Kinerja | Target |
#   Realisasi | %";
# * values are as printed: "98,07%" beside "0", "100.00" with a decimal point,
#   "96.57" without "%", "-" as a target or a realisasi.
ANALISIS_SHEET = "Analisis Sasaran (Bab III B)"
ANALISIS_HEADER = ("No.", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "%")
ANALISIS_ROWS = [
    # Sasaran 1: heading line 759, table lines 764-775 (no "%" column)
    (
        "Sasaran 1",
        "Terlaksananya Akuntabilitas Pengelolaan Keuangan di lingkungan Sekretariat KPU Kabupaten/Kota",
        "Optimalisasi Layanan Perkantoran, Pembayaran Gaji dan Tunjangan",
        "",
        "",
        "",
    ),
    ("", "", "1. Pembayaran Gaji Pokok PNS", "100%", "98,83%", ""),
    ("", "", "2. Pembayaran Pembulatan gaji PNS", "100%", "94,94%", ""),
    ("", "", "3. Pembayaran tunjangan suami/ istri PNS", "100%", "99,78%", ""),
    ("", "", "4. Pembayaran tunjangan anak PNS", "100%", "99,87%", ""),
    ("", "", "5. Pembayaran tunjangan struktural PNS", "100%", "99,52%", ""),
    ("", "", "6. Pembayaran tunjangan PPh", "100%", "99,86%", ""),
    ("", "", "7. Pembayaran tunjangan beras PNS", "100%", "99,76%", ""),
    ("", "", "8. Belanja uang makan PNS", "100%", "94,04%", ""),
    ("", "", "9. Pembayaran tunjangan umum PNS", "100%", "99,98%", ""),
    ("", "", "10. Pembayaran tunjangan khusus", "100%", "99,21%", ""),
    # Sasaran 2: heading line 796, table lines 801-802
    (
        "Sasaran 2",
        "Terkelolanya Data, Dokumentasi, Pengadaan, Pendistribusian, dan Inventarisasi Sarana dan Pra Sarana Pemilu",
        "1. Terlaksananya Pemeliharaan dan Inventarisasi Logistik Pemilu",
        "100%",
        "66,46%",
        "66",
    ),
    # Sasaran 3: heading line 806, table lines 811-815 ("98,07%" beside a "%" of 0)
    (
        "Sasaran 3",
        "Terlaksananya Manajemen dan Perencanaan Data",
        "1. Tersedianya Dokumen dan informasi Pemutakhiran Data Pemilih Berkelanjutan",
        "100%",
        "98,07%",
        "0",
    ),
    ("", "", "2. Tersedianya Pelaksanaan Manajemen Perencanaan dan penganggaran.", "100%", "94,83%", "99"),
    ("", "", "3. Terlaksananya Monitoring dan Evaluasi Pemilu", "100%", "46,95%", "47"),
    ("", "", "4. Terlaksananya Penyusunan Anggaran", "100%", "0", "0"),
    # Sasaran 4: heading line 819, table lines 824-836
    (
        "Sasaran 4",
        "Terlaksananya Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU)",
        "1. Terlaksananya Pengelolaan Barang Milik Negara",
        "100%",
        "0",
        "0",
    ),
    ("", "", "2. Terlaksananya Penyusunan Anggaran Tahun 2024", "100%", "96,77%", "97"),
    (
        "",
        "",
        "3. Terlaksananya Penanggulangan COVID-19 Optimalisasi Kegiatan Operasional dan Pemeliharaan Perkantoran",
        "100%",
        "99,41%",
        "99",
    ),
    ("", "", "4. Operasional Keperluan Perkantoran", "100%", "98,61%", "98"),
    ("", "", "5. Operasional Lainnya", "100%", "85%", "85"),
    ("", "", "6. Operasional Satuan Kerja", "100%", "100%", "100"),
    ("", "", "7. Pemeliharaan Gedung dan Bangunan", "100%", "68,04%", "68"),
    ("", "", "8. Pemeliharaan Peralatan dan Mesin", "100%", "93,18%", "93"),
    ("", "", "9. Layanan Daya dan Jasa:", "", "", ""),
    ("", "", "- Listrik", "100%", "0", "0"),
    ("", "", "- Telepon", "100%", "99,94%", "100"),
    ("", "", "- Air", "100%", "0", "0"),
    # Sasaran 5: heading line 840, table lines 845-846
    (
        "Sasaran 5",
        "Terlaksananya Pemeriksaan di Lingkungan Setjen KPU, Sekretariat KPU Provinsi dan Sekretariat KPU Kabupaten/Kota",
        "1. Terlaksananya evaluasi internal",
        "100%",
        "0",
        "0",
    ),
    # Sasaran 6: heading line 850, table lines 855-856
    (
        "Sasaran 6",
        "Tersedianya Layanan Teknologi Informasi",
        "1. Tersedianya sarana dan Prasarana",
        "12 bulan",
        "12 bulan",
        "100.00",
    ),
    # Sasaran 7: heading line 860, table lines 865-866
    (
        "Sasaran 7",
        "Tersedianya Dokumen Pemutakhiran Data Pemilih Berkelanjutan",
        "Dokumen Pemutakhiran Daftar Pemilih",
        "1 Laporan",
        "1 Laporan",
        "100.00",
    ),
    # Sasaran 8: heading line 870, table lines 875-876
    (
        "Sasaran 8",
        "Tersedianya laporan barang milik negara",
        "Pengelolaan laporan SIMAK BMN",
        "2 Unit",
        "2 Unit",
        "100.00",
    ),
    # Sasaran 9: heading line 880 (same name as Sasaran 8), table lines 885-901,
    # printed under "Target (%) | Realisasi (%)" without a "%" column.
    (
        "Sasaran 9",
        "Tersedianya laporan barang milik negara",
        "1. Pemenuhan kebutuhan sehari-hari perkantoran",
        "1 Paket",
        "96.57",
        "",
    ),
    ("", "", "2. Layanan daya dan jasa", "", "", ""),
    ("", "", "- Listrik", "1 Thn", "0.00", ""),
    ("", "", "- Telp", "1 Thn", "40.14", ""),
    ("", "", "3. Jasa pos/ giro/ sertifikat", "1 Thn", "0.00", ""),
    ("", "", "4. Perawatan gedung kantor (pindahan kantor)", "1 Paket", "0.00", ""),
    ("", "", "5. Perawatan kendaraan bermotor roda 4", "4 Unit", "100.00", ""),
    ("", "", "6. Perawatan kendaraan roda 2", "5 Unit", "100.00", ""),
    ("", "", "7. Pengadaan pakaian dinas pegawai", "8 Org", "100.00", ""),
    ("", "", "8. Pengadaan pakaian satpam/ pesuruh/pramubakti/ sopir", "5 Org", "0.00", ""),
    ("", "", "9. Perawatan sarana gedung", "", "", ""),
    ("", "", "- Service PC", "5 Unit", "100.00", ""),
    ("", "", "- Service AC", "5 Unit", "100.00", ""),
    ("", "", "- Service printer", "5 Unit", "100.00", ""),
    ("", "", "- Inventaris kantor", "-", "0.00", ""),
    ("", "", "10. Perjalanan dinas", "1 Thn", "99.13", ""),
    # Sasaran 10: heading line 916, table lines 921-922
    (
        "Sasaran 10",
        "Tersedianya Laporan Hasil Reviu Laporan Keuangan",
        "Peningkatan kualitas penyusunan Laporan Keuangan sesuai SAP",
        "2 Laporan",
        "2 Laporan",
        "100.00",
    ),
    # Sasaran 11: heading line 926 (same name as Sasaran 10), table lines 931-932
    (
        "Sasaran 11",
        "Tersedianya Laporan Hasil Reviu Laporan Keuangan",
        "Tersedianya dukungan sarana dan prasarana untuk memenuhi kebutuhan kerja pegawai yang berfungsi dengan baik",
        "1 Unit",
        "1 Unit",
        "100.00",
    ),
    # Sasaran 12: heading line 936, table lines 941-942
    (
        "Sasaran 12",
        "Penyiapan bahan kajian/dukungan untuk pertimbangan/opini hukum dan penyelesaian sengketa yang tepat waktu",
        "Pengelolaan dokumen produk hukum",
        "1 Kasus",
        "-",
        "0.00",
    ),
]

# ---------------------------------------------------------------------------
# 6. perencanaan_kinerja_2024.xlsx (Bab II D "Kebijakan dan Program")
# ---------------------------------------------------------------------------

SUMBER_KEPUTUSAN_357 = "*)Sumber : Keputusan KPU Nomor 357/PR.01.3-Kpt/01/KPU/VI/2023"
# Tabel 1.9 prints its footnote with other spacing (seed line 563).
SUMBER_KEPUTUSAN_357_TABEL_1_9 = "*) Sumber: Keputusan KPU Nomor 357/PR.01.3-Kpt/01/KPU/VI/2023"

# Tabel 1.9 Arsitektur Kinerja (Sasaran Program dan Indikator Kinerja Program)
# Program Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya (seed lines
# 552-563).  Row 3 prints two indicators ("a. ... b. ...") in one cell and
# their two targets "WTP B" in one cell; kept as printed.
TABEL_1_9_HEADER = ("No.", "Sasaran Program", "Indikator Kinerja Program", "Target 2024")
TABEL_1_9_ROWS = [
    (
        1,
        "Terwujudnya Data Pemilih secara Berkelanjutan",
        "Tepat jadwal dalam pelaksanaan Rakor dengan Pemangku kepentingan",
        "100%",
    ),
    (
        2,
        "Meningkatnya Kapasitas SDM yang kompeten",
        "Persentase kesesuaian kompetensi pegawai terhadap standar kompetensi penugasannya",
        "100 %",
    ),
    (
        3,
        "Meningkatnya Akuntabilitas Keuangan dan Kinerja KPU",
        "a. Opini BPK atas laporan Keuangan b. Nilai Evaluasi atas akuntabilitas Kinerja KPU",
        "WTP B",
    ),
    (
        4,
        "Terwujudnya Dukungan Sarana dan Prasarana Guna Meningkatkan Kelancaran Tugas KPU",
        "Persentase Tersedianya Sarana dan Prasarana untuk Memenuhi Kebutuhan Kerja Pegawai yang Berfungsi dengan Baik",
        "90%",
    ),
]

IKK_HEADER = ("No", "Kegiatan", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan")

# Tabel 1.10 Kegiatan dan Indikator Kinerja Kegiatan, Program Dukungan
# Manajemen dan Pelaksanaan Tugas Teknis Lainnya - 076.01.2 (seed lines
# 573-599).  Numbering as printed: 1, 2, 3, 4, 6 (no 5).  Line 583's cell
# starts with HTML markup from the text conversion ('<ol style=...>'), dropped
# like the Markdown bold markers; line 590's indicator continues on line 592
# after a page break ("... sesuai aturan" + "Kearsipan."), joined with a space.
ARSIP_IKK_PARTS = ("Persentase pengelolaan arsip inaktif sesuai aturan", "Kearsipan.")
ARSIP_IKK = " ".join(ARSIP_IKK_PARTS)
TABEL_1_10_ROWS = [
    (
        1,
        "Pelaksanaan akuntabilitas pengelolaan keuangan di lingkungan Sekretariat KPU Kota Jakarta Selatan.",
        "Terlaksananya Sistem akuntansi dan pelaporan keuangan;",
        "Jumlah laporan dengan menggunakan sistem akuntansi dan pelaporan keuangan.",
    ),
    (
        "",
        "",
        "Terselesaikannya permasalahan pengelolaan keuangan;",
        "Persentase penyelesaian permasalahan laporan keuangan.",
    ),
    (
        "",
        "",
        "Tersusunnya laporan Pertanggung jawaban penggunaan anggaran.",
        "Persentase penyampaian laporan pertanggung jawaban penggunaan anggaran berbasis SIMONIKA yang tepat waktu dan valid.",
    ),
    (
        2,
        "Fasilitasi pengelolaan data, dokumentasi, pengadaan, pendistribusian, pemeliharaan dan inventaris logistik Pemilu",
        "Terlaksananya fasilitasi dan koordinasi pengelolaan data dan dokumentasi kebutuhan, pengadaan, pendistribusian, serta pemeliharaan dan inventarisasi logistik Pemilu/Pemilihan.",
        "Persentase penyelenggaraan Pemilu/ Pemilihan tanpa ada permasalahan anggaran dalam pemenuhan kebutuhan logistik; Persentase pengadaan logistik tanpa ada kasus yang mengakibatkan kerugian negara atau pemborosan negara; Persentase pemeliharaan dan inventaris logistik.",
    ),
    (
        3,
        "Pelaksanaan Manajemen Perencanaan dan Data",
        "Terwujudnya perencanaan program dan anggaran yang berkualitas;",
        "Persentase kesesuaian program dan kegiatan yang direncanakan dengan yang dilaksanakan.",
    ),
    (
        "",
        "",
        "Terwujudnya koordinasi antar lembaga;",
        "Persentase fasilitasi kerjasama dengan instansi terkait dalam rangka penguatan kelembagaan demokrasi.",
    ),
    (
        "",
        "",
        "Terwujudnya sistem penyelenggaraan Pemilu yang tertib, efektif dan efisien;",
        "Persentase laporan monitoring dan evaluasi yang akuntabel dan tepat waktu.",
    ),
    (
        "",
        "",
        "Tersedianya data, informasi dan sarana serta prasarana teknologi informasi.",
        "Persentase KPU/ PPK dan PPS yang melaksanakan Pemilu/ Pemilihan yang memutakhirkan data pemilih melalui cokit dan sistem informasi (Sidalih).",
    ),
    (
        4,
        "Penyelenggaraan operasional dan pemeliharaan perkantoran",
        "Terwujudnya pengelolaan barang milik negara berdasarkan SAP;",
        "Persentase pengelolaan BMN yang tertib.",
    ),
    ("", "", "", "Jumlah laporan BMN berdasarkan SIMAK BMN yang datanya sesuai dengan data SAK."),
    ("", "", "Meningkatnya kualitas tata kelola persuratan;", ARSIP_IKK),
    (
        "",
        "",
        "Terwujudnya dukungan sarana dan prasarana guna meningkatkan kelancaran tugas KPU",
        "1. Persentase sarana transportasi untuk mendukung kinerja pegawai yang berfungsi dengan baik; 2. Persentase fasilitas perkantoran untuk kinerja pegawai yang berfungsi dengan baik.",
    ),
    (
        6,
        "Pemeriksaan di lingkungan KPU",
        "Meningkatnya efektifitas pengawasan internal dan eksternal di lingkungan KPU;",
        "Persentase penurunan nilai temuan hasil pemeriksaan internal dan eksternal terhadap realisasi anggaran.",
    ),
    (
        "",
        "",
        "Meningkatnya manfaat hasil pengawasan BPK, BPKP dan APIP KPU dalam pencapaian tujuan KPU;",
        "Persentase penyelesaian rekomendasi BPK, BPKP dan APIP KPU yang ditindaklanjuti.",
    ),
    (
        "",
        "",
        "Meningkatkan akuntabilitas kinerja di lingkungan KPU;",
        "Persentase kenaikan nilai akuntabilitas kinerja minimal B.",
    ),
    (
        "",
        "",
        "Meningkatnya kompetensi aparat pengawas dan efektifitas sistem pengendalian internal.",
        "Persentase pelaporan SPIP tepat waktu.",
    ),
]

# Tabel 1.12 Kegiatan dan Indikator Kinerja Kegiatan, Penguatan Kelembagaan
# Demokrasi dan Perbaikan Proses Politik (seed lines 606-618).  The line of
# dashes under the table (line 616, "---<TAB>--<TAB>--<TAB>---") is a
# Markdown table separator from the text conversion, not data.
TABEL_1_12_HEADER = ("No.", "Kegiatan", "Sasaran Kegiatan", "Indikator Kinerja Kegiatan")
TABEL_1_12_ROWS = [
    (
        1,
        "Tahapan Pemilu/Pemilihan Sesuai Jadwal di Kab/Kota",
        "Terwujudnya Tahapan Pemilu/Pemilihan Sesuai Jadwal",
        "Persentase KPU/KPU Provinsi/KPU Kabupaten/Kota yang menyelenggarakan Pemilu/Pemilihan sesuai jadwal",
    ),
    (
        2,
        "Penetapan Peraturan KPU Kabupaten/Kota sesuai dengan ketentuan peraturan perundang-undangan, serta pendokumentasian informasi hukum, dan penyuluhannya.",
        "Terlaksananya Penetapan Peraturan KPU Kabupaten/Kota sesuai dengan ketentuan peraturan perundang-undangan, serta pendokumentasian informasi hukum, dan penyuluhannya.",
        "Persentase Rancangan Peraturan KPU Kabupaten/Kota yang disusun dan diharmonisasi dengan tepat waktu sesuai dengan Kerangka Regulasi KPU.",
    ),
    (
        3,
        "Dukungan Logistik dalam Penyelenggaraan Pemilu/Pemilihan",
        "Terwujudnya Dukungan Logistik dalam Penyelenggaraan Pemilu/Pemilihan",
        "Persentase Satker KPU Kabupaten/Kota yang menyediakan logistik Pemilu/Pemilihan di TPS secara tepat sasaran, tepat jumlah, tepat jenis, tepat mutu, dan tepat waktu",
    ),
]

# ---------------------------------------------------------------------------
# 7. pagu_dipa_2024.xlsx
# ---------------------------------------------------------------------------

# Tabel 1.15 Besaran Anggaran Pada Sekretariat KPU Kota Jakarta Selatan Tahun
# 2024 (seed lines 685-690), laid out as printed: the header "Program" spans
# the No. and name columns and "Anggaran" spans two columns, the currency
# "Rp." in the first and the amount, with commas and ",-", in the second.
# The amount (41,266,060,000) is not the Akuntabilitas Keuangan total.
TABEL_1_15_SHEET = "Tabel 1.15 Besaran Anggaran"
TABEL_1_15_HEADER = ("Program", "", "Anggaran", "")
TABEL_1_15_ROWS = [
    (
        "1.",
        "Program Dukungan Manajemen dan Pelaksanaan Tugas Teknis Lainnya KPU (076.01.2).",
        "Rp.",
        "41,266,060,000,-",
    ),
]
SUMBER_DIPA = "*)Sumber : DIPA KPU Kota Jakarta Selatan Tahun Anggaran 2024."

# ---------------------------------------------------------------------------
# Sheet / workbook writing
# ---------------------------------------------------------------------------

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=12)
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
TEXT_ALIGN = Alignment(vertical="top", wrap_text=True)


def write_sheet(
    wb,
    name,
    titles,
    header,
    rows,
    widths,
    *,
    footnote=None,
    merge_first_cols=0,
    extra_rows_after_header=(),
    merge_label_row=None,
    header_spans=(),
):
    """Write one sheet: title rows, a blank row, ONE header row, data rows.

    ``merge_first_cols``: number of leading columns (No./Sasaran) that are only
    filled on the first row of a group and merged vertically over the group,
    as an office would lay out such a table.  Following rows of a group keep
    those cells empty.
    ``extra_rows_after_header``: rows printed between the header and the data
    (the "1 | 2 | 3 | 4" column-number row of the PK tables).
    ``merge_label_row``: a row (e.g. the Jumlah row) whose first two cells are
    merged horizontally.
    ``header_spans``: (first, last) 1-based column pairs of header cells that
    span several columns, as printed (Tabel 1.15: "Program" over No. and name).
    """
    ws = wb.create_sheet(title=name)
    r = 1
    for title in titles:
        ws.cell(row=r, column=1, value=title).font = TITLE_FONT
        r += 1
    r += 1  # blank row
    for c, text in enumerate(header, start=1):
        cell = ws.cell(row=r, column=c, value=text or None)
        cell.font = BOLD
        cell.alignment = HEADER_ALIGN
    for first, last in header_spans:
        ws.merge_cells(start_row=r, start_column=first, end_row=r, end_column=last)
    r += 1
    for extra in extra_rows_after_header:
        for c, value in enumerate(extra, start=1):
            ws.cell(row=r, column=c, value=value).alignment = HEADER_ALIGN
        r += 1

    first_data_row = r
    group_start = None
    groups = []
    for row in rows:
        for c, value in enumerate(row, start=1):
            if value == "" or value is None:
                continue
            ws.cell(row=r, column=c, value=value).alignment = TEXT_ALIGN
        if merge_first_cols and row[0] not in ("", None):
            if group_start is not None:
                groups.append((group_start, r - 1))
            group_start = r
        r += 1
    if merge_first_cols and group_start is not None:
        groups.append((group_start, r - 1))
    for start, end in groups:
        if end > start:
            for c in range(1, merge_first_cols + 1):
                ws.merge_cells(start_row=start, start_column=c, end_row=end, end_column=c)

    if merge_label_row is not None:
        for c, value in enumerate(merge_label_row, start=1):
            if value == "" or value is None:
                continue
            cell = ws.cell(row=r, column=c, value=value)
            cell.font = BOLD
            cell.alignment = TEXT_ALIGN
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=2)
        r += 1

    assert r > first_data_row
    if footnote is not None:
        r += 1  # one blank row, footnote two rows below the last data row
        ws.cell(row=r, column=1, value=footnote)

    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    return ws


def new_workbook():
    wb = Workbook()
    wb.remove(wb.active)
    props = wb.properties
    props.creator = CREATOR
    props.lastModifiedBy = CREATOR
    props.created = FIXED_DATETIME
    props.modified = FIXED_DATETIME
    return wb


def save_deterministic(wb, path: Path):
    """Save ``wb`` so that the bytes only depend on the content.

    ``Workbook.save`` stamps ``modified`` with the current time and the zip
    entries with the current local time; here the ExcelWriter is driven
    directly (keeping the fixed properties) and the archive is re-packed with
    a fixed timestamp per entry.
    """
    wb.properties.created = FIXED_DATETIME
    wb.properties.modified = FIXED_DATETIME
    buf = io.BytesIO()
    archive = zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(wb, archive).save()  # closes the archive
    buf.seek(0)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 0
            dst.writestr(entry, src.read(info.filename))


def build_indikator_kinerja(out_dir: Path) -> Path:
    wb = new_workbook()
    write_sheet(
        wb,
        "Capaian Kinerja",
        ("PENGUKURAN CAPAIAN KINERJA", "KPU KOTA JAKARTA SELATAN", "TAHUN 2024"),
        CAPAIAN_HEADER,
        CAPAIAN_ROWS,
        (6, 45, 60, 10, 11, 7),
        merge_first_cols=2,
    )
    write_sheet(
        wb,
        "PK Ketua",
        ("PERJANJIAN KINERJA KETUA KPU KOTA JAKARTA SELATAN", "TAHUN 2024"),
        PK_HEADER,
        PK_KETUA_ROWS,
        (6, 50, 65, 10),
        merge_first_cols=2,
        extra_rows_after_header=(PK_COLUMN_NUMBER_ROW,),
    )
    write_sheet(
        wb,
        "PK Sekretaris",
        ("PERJANJIAN KINERJA SEKRETARIS KPU KOTA JAKARTA SELATAN", "TAHUN 2024"),
        PK_HEADER,
        PK_SEKRETARIS_ROWS,
        (6, 50, 65, 10),
        merge_first_cols=2,
        extra_rows_after_header=(PK_COLUMN_NUMBER_ROW,),
    )
    path = out_dir / "indikator_kinerja_2024.xlsx"
    save_deterministic(wb, path)
    return path


def build_anggaran(out_dir: Path) -> Path:
    wb = new_workbook()
    write_sheet(
        wb,
        "Anggaran",
        ("ALOKASI ANGGARAN SEKRETARIAT KPU KOTA JAKARTA SELATAN", "TAHUN ANGGARAN 2024"),
        ANGGARAN_HEADER,
        ANGGARAN_ROWS,
        (8, 70, 22, 22),
        merge_label_row=ANGGARAN_JUMLAH_ROW,
    )
    path = out_dir / "anggaran_2024.xlsx"
    save_deterministic(wb, path)
    return path


def build_aset_bmn(out_dir: Path) -> Path:
    wb = new_workbook()
    write_sheet(
        wb,
        "Kendaraan",
        ("DAFTAR BARANG MILIK NEGARA (BMN)", "KENDARAAN RODA EMPAT DAN DUA", "KPU KOTA JAKARTA SELATAN TAHUN 2024"),
        KENDARAAN_HEADER,
        KENDARAAN_ROWS,
        (6, 20, 22, 16, 20, 16),
        footnote=SUMBER_SIMAK_BMN,
    )
    write_sheet(
        wb,
        "Peralatan",
        ("DAFTAR BARANG MILIK NEGARA (BMN)", "PERALATAN DAN MEUBELAIR", "KPU KOTA JAKARTA SELATAN TAHUN 2024"),
        PERALATAN_HEADER,
        PERALATAN_ROWS,
        (6, 30, 38, 16, 14, 20),
        footnote=SUMBER_SIMAK_BMN,
    )
    path = out_dir / "aset_bmn_2024.xlsx"
    save_deterministic(wb, path)
    return path


def build_pegawai(out_dir: Path) -> Path:
    wb = new_workbook()
    write_sheet(
        wb,
        "Komisioner",
        ("DATA ANGGOTA KPU KOTA JAKARTA SELATAN", "PEMBAGIAN DIVISI DAN KORWIL", "TAHUN 2024"),
        KOMISIONER_HEADER,
        komisioner_rows(),
        (5, 24, 14, 24, 10, 10, 12, 10, 40, 30),
        footnote=SUMBER_KEPEGAWAIAN,
    )
    write_sheet(
        wb,
        "Sekretariat",
        ("DATA PEGAWAI ASN SEKRETARIAT KPU KOTA JAKARTA SELATAN", "TAHUN 2024"),
        SEKRETARIAT_HEADER,
        SEKRETARIAT_ROWS,
        (5, 26, 14, 12, 36),
        footnote=SUMBER_KEPEGAWAIAN,
    )
    write_sheet(
        wb,
        "PPNPN",
        ("DATA PPNPN KPU KOTA JAKARTA SELATAN", "TAHUN 2024"),
        PPNPN_HEADER,
        PPNPN_ROWS,
        (5, 26, 14, 10, 12, 20),
        footnote=SUMBER_KEPEGAWAIAN,
    )
    path = out_dir / "pegawai_2024.xlsx"
    save_deterministic(wb, path)
    return path


def build_analisis_sasaran(out_dir: Path) -> Path:
    wb = new_workbook()
    write_sheet(
        wb,
        ANALISIS_SHEET,
        ("ANALISIS CAPAIAN KINERJA PER SASARAN (BAB III B)", "KPU KOTA JAKARTA SELATAN", "TAHUN 2024"),
        ANALISIS_HEADER,
        ANALISIS_ROWS,
        (11, 45, 60, 10, 11, 8),
        merge_first_cols=2,
    )
    path = out_dir / "analisis_sasaran_2024.xlsx"
    save_deterministic(wb, path)
    return path


def build_perencanaan_kinerja(out_dir: Path) -> Path:
    wb = new_workbook()
    write_sheet(
        wb,
        "Tabel 1.9 Arsitektur Kinerja",
        (
            "ARSITEKTUR KINERJA (SASARAN PROGRAM DAN INDIKATOR KINERJA PROGRAM)",
            "PROGRAM DUKUNGAN MANAJEMEN DAN PELAKSANAAN TUGAS TEKNIS LAINNYA",
            "KPU KOTA JAKARTA SELATAN TAHUN 2024",
        ),
        TABEL_1_9_HEADER,
        TABEL_1_9_ROWS,
        (6, 45, 60, 12),
        footnote=SUMBER_KEPUTUSAN_357_TABEL_1_9,
    )
    write_sheet(
        wb,
        "Tabel 1.10 Kegiatan dan IKK",
        (
            "KEGIATAN DAN INDIKATOR KINERJA KEGIATAN",
            "PROGRAM DUKUNGAN MANAJEMEN DAN PELAKSANAAN TUGAS TEKNIS LAINNYA - 076.01.2",
            "KPU KOTA JAKARTA SELATAN TAHUN 2024",
        ),
        IKK_HEADER,
        TABEL_1_10_ROWS,
        (5, 40, 45, 60),
        footnote=SUMBER_KEPUTUSAN_357,
        merge_first_cols=2,
    )
    write_sheet(
        wb,
        "Tabel 1.12 Kegiatan dan IKK",
        (
            "KEGIATAN DAN INDIKATOR KINERJA KEGIATAN",
            "PENGUATAN KELEMBAGAAN DEMOKRASI DAN PERBAIKAN PROSES POLITIK",
            "KPU KOTA JAKARTA SELATAN TAHUN 2024",
        ),
        TABEL_1_12_HEADER,
        TABEL_1_12_ROWS,
        (5, 40, 45, 60),
        footnote=SUMBER_KEPUTUSAN_357,
    )
    path = out_dir / "perencanaan_kinerja_2024.xlsx"
    save_deterministic(wb, path)
    return path


def build_pagu_dipa(out_dir: Path) -> Path:
    wb = new_workbook()
    write_sheet(
        wb,
        TABEL_1_15_SHEET,
        ("BESARAN ANGGARAN PADA SEKRETARIAT KPU KOTA JAKARTA SELATAN", "TAHUN ANGGARAN 2024"),
        TABEL_1_15_HEADER,
        TABEL_1_15_ROWS,
        (6, 70, 6, 20),
        footnote=SUMBER_DIPA,
        header_spans=((1, 2), (3, 4)),
    )
    path = out_dir / "pagu_dipa_2024.xlsx"
    save_deterministic(wb, path)
    return path


def main(out_dir: Path = OUT_DIR) -> list[Path]:
    paths = [
        build_indikator_kinerja(out_dir),
        build_anggaran(out_dir),
        build_aset_bmn(out_dir),
        build_pegawai(out_dir),
        build_analisis_sasaran(out_dir),
        build_perencanaan_kinerja(out_dir),
        build_pagu_dipa(out_dir),
    ]
    for p in paths:
        try:
            shown = p.relative_to(ROOT)
        except ValueError:
            shown = p
        print(f"wrote {shown}")
    return paths


if __name__ == "__main__":
    main()
