"""Budget codes and names used by the SAKTI fixtures (KPU, BA 076; kegiatan names from the seed)."""

from __future__ import annotations

PROGRAM = ("WA", "Program Dukungan Manajemen")
KEGIATAN = {
    "3355": "Pelaksanaan Akuntabilitas Pengelolaan Keuangan di Lingkungan Sekretariat KPU Kabupaten/Kota",
    "3356": "Pengelolaan Data, Dokumentasi, Pengadaan, Pendistribusian dan Inventarisasi Sarana dan Prasarana Pemilu",
    "3357": "Pelaksanaan Manajemen Perencanaan dan Data",
    "3360": "Penyelenggaraan Operasional dan Pemeliharaan Perkantoran (KPU)",
    "3361": "Pemeriksaan di Lingkungan Setjen KPU, Sekretariat KPU Provinsi dan Sekretariat KPU Kabupaten/Kota",
    "3363": "Penyiapan Penyusunan Rancangan Peraturan KPU, Advokasi dan Penyelesaian Sengketa",
    "3364": "Fasilitasi Pelaksanaan Tahapan Pemilu, Publikasi dan Sosialisasi serta Partisipasi Masyarakat",
}
KRO = {
    "EBA": "Layanan Dukungan Manajemen Internal",
    "EBB": "Layanan Sarana dan Prasarana Internal",
    "EBD": "Layanan Manajemen Kinerja Internal",
}
RO = {
    "EBA.994": "Layanan Perkantoran",
    "EBA.956": "Layanan BMN",
    "EBA.957": "Layanan Hukum",
    "EBA.958": "Layanan Hubungan Masyarakat",
    "EBA.962": "Layanan Umum",
    "EBA.963": "Layanan Data dan Informasi",
    "EBB.951": "Layanan Sarana Internal",
    "EBD.952": "Layanan Perencanaan dan Penganggaran",
    "EBD.953": "Layanan Pemantauan dan Evaluasi",
    "EBD.955": "Layanan Manajemen Keuangan",
}
RO_OF_KEGIATAN = {
    "3355": ("EBA.956", "EBD.955"),
    "3356": ("EBA.956", "EBA.962"),
    "3357": ("EBA.963", "EBD.952"),
    "3360": ("EBA.962",),
    "3361": ("EBD.953",),
    "3363": ("EBA.957",),
    "3364": ("EBA.958", "EBA.962"),
}
KOMPONEN_NAMES = (
    "Perencanaan dan Penganggaran",
    "Monitoring dan Evaluasi",
    "Penyusunan Laporan",
    "Rapat Koordinasi",
    "Bimbingan Teknis",
    "Pengelolaan Data dan Informasi",
    "Sosialisasi dan Pendidikan Pemilih",
    "Penyusunan Dokumen",
    "Pengelolaan Arsip",
    "Dukungan Teknis Penyelenggaraan",
)
SUBKOMPONEN = (("0A", "Persiapan"), ("0B", "Pelaksanaan"), ("0C", "Pelaporan"), ("0D", "Evaluasi"))
AKUN = {
    "511111": "Belanja Gaji Pokok PNS",
    "511119": "Belanja Pembulatan Gaji PNS",
    "511121": "Belanja Tunj. Suami/Istri PNS",
    "511122": "Belanja Tunj. Anak PNS",
    "511124": "Belanja Tunj. Struktural PNS",
    "511125": "Belanja Tunj. PPh PNS",
    "511126": "Belanja Tunj. Beras PNS",
    "511129": "Belanja Uang Makan PNS",
    "511151": "Belanja Tunjangan Umum PNS",
    "512211": "Belanja Uang Lembur",
    "521111": "Belanja Operasional Perkantoran",
    "521115": "Belanja Honor Operasional Satuan Kerja",
    "521211": "Belanja Bahan",
    "521213": "Belanja Honor Output Kegiatan",
    "521219": "Belanja Barang Non Operasional Lainnya",
    "521811": "Belanja Barang Persediaan Barang Konsumsi",
    "522111": "Belanja Langganan Listrik",
    "522112": "Belanja Langganan Telepon",
    "522113": "Belanja Langganan Air",
    "522151": "Belanja Jasa Profesi",
    "523111": "Belanja Pemeliharaan Gedung dan Bangunan",
    "523121": "Belanja Pemeliharaan Peralatan dan Mesin",
    "524111": "Belanja Perjalanan Dinas Biasa",
    "524113": "Belanja Perjalanan Dinas Dalam Kota",
    "524114": "Belanja Perjalanan Dinas Paket Meeting Dalam Kota",
    "524119": "Belanja Perjalanan Dinas Paket Meeting Luar Kota",
    "532111": "Belanja Modal Peralatan dan Mesin",
}
GENERIC_AKUN = ("521211", "521213", "521219", "521811", "522151", "524111", "524113", "524114", "524119")
ITEMS = {
    "521111": ("Keperluan Sehari-hari Perkantoran", "Pakaian Dinas Satpam"),
    "521115": ("Honor Pengelola Keuangan", "Honor Pengelola BMN"),
    "521211": ("Makan Rapat", "Snack Rapat", "ATK", "Penggandaan dan Penjilidan", "Spanduk"),
    "521213": ("Honor Narasumber", "Honor Moderator", "Honor Panitia Pelaksana"),
    "521219": ("Pengiriman Dokumen", "Sewa Kendaraan"),
    "521811": ("Kertas HVS", "Tinta Printer", "Toner"),
    "522111": ("Listrik Kantor",),
    "522112": ("Telepon dan Internet",),
    "522113": ("Air Kantor",),
    "522151": ("Jasa Profesi Narasumber",),
    "523111": ("Pemeliharaan Gedung Kantor", "Pemeliharaan Halaman"),
    "523121": ("Pemeliharaan Kendaraan Roda 4", "Pemeliharaan AC", "Pemeliharaan Komputer"),
    "524111": ("Uang Harian", "Tiket Pesawat PP", "Penginapan", "Transport Lokal"),
    "524113": ("Transport Dalam Kota", "Uang Harian Dalam Kota"),
    "524114": ("Paket Fullday", "Paket Halfday", "Transport Peserta"),
    "524119": ("Paket Fullboard", "Tiket Peserta"),
    "532111": ("Pengadaan Laptop", "Pengadaan Printer", "Pengadaan AC", "Pengadaan Meja Kerja"),
}
UNITS = ("ORG", "OK", "PKT", "KALI", "BLN", "LBR", "RIM", "UNIT")
