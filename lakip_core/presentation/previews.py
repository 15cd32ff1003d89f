"""Indonesian headers of the parsed-row columns shown in upload previews and version views."""

from __future__ import annotations

PREVIEW_COLUMNS: dict[str, dict[str, str]] = {
    "indicators": {
        "objective": "Sasaran",
        "indicator": "Indikator",
        "target_text": "Target",
        "actual_text": "Realisasi",
        "unit_text": "Satuan",
        "polarity": "Polaritas",
    },
    "budget": {
        "code": "Kode",
        "name": "Uraian",
        "allocation": "Pagu",
        "realized": "Realisasi",
        "funding": "Sumber dana",
        "is_leaf": "Ikut dijumlah",
    },
    "assets": {
        "code": "Kode barang",
        "nup": "NUP",
        "name": "Nama barang",
        "brand": "Merk/Tipe",
        "acquired_year": "Tahun perolehan",
        "quantity": "Jumlah",
        "value": "Nilai perolehan",
        "condition": "Kondisi",
    },
    "staff": {
        "name": "Nama",
        "nip": "NIP",
        "gender": "Jenis kelamin",
        "birth_date": "Tanggal lahir",
        "education": "Pendidikan",
        "position": "Jabatan",
        "role": "Peran",
    },
    "plan": {
        "code": "Kode",
        "name": "Uraian",
        "jenis": "Jenis belanja",
        "m01": "Januari",
        "m06": "Juni",
        "m12": "Desember",
        "counted": "Ikut dijumlah",
    },
}
