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
  written without the Markdown markers ("*)Sumber : ...").

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
    """
    ws = wb.create_sheet(title=name)
    r = 1
    for title in titles:
        ws.cell(row=r, column=1, value=title).font = TITLE_FONT
        r += 1
    r += 1  # blank row
    for c, text in enumerate(header, start=1):
        cell = ws.cell(row=r, column=c, value=text)
        cell.font = BOLD
        cell.alignment = HEADER_ALIGN
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


def main(out_dir: Path = OUT_DIR) -> list[Path]:
    paths = [
        build_indikator_kinerja(out_dir),
        build_anggaran(out_dir),
        build_aset_bmn(out_dir),
        build_pegawai(out_dir),
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
