"""Findings: problems in the data, reported with a stable code and an Indonesian message."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal

import pandas as pd

from lakip_core.reading.model import Table

Severity = Literal["error", "warning", "info"]

SEVERITY_LABELS: dict[str, str] = {"error": "Galat", "warning": "Peringatan", "info": "Informasi"}


@dataclass(frozen=True)
class Finding:
    """One problem: how bad, a stable code, a message in Indonesian, and where it is."""

    severity: Severity
    code: str
    message: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    dataset: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @property
    def location(self) -> str:
        """``anggaran.xlsx, lembar Anggaran, baris 12`` (the parts that are known)."""
        parts = [p for p in (self.file, f"lembar {self.sheet}" if self.sheet else None) if p]
        if self.row is not None:
            parts.append(f"baris {self.row}")
        return ", ".join(parts)


def at(row: pd.Series | Mapping[str, Any], severity: Severity, code: str, message: str, dataset: str) -> Finding:
    """A finding located at a frame row (a Series or dict with ``_file``, ``_sheet``, ``_row``)."""
    file, sheet, number = row.get("_file"), row.get("_sheet"), row.get("_row")
    return Finding(
        severity,
        code,
        message,
        file=str(file) if file is not None else None,
        sheet=str(sheet) if sheet is not None else None,
        row=int(number) if number is not None else None,
        dataset=dataset,
    )


def stated_pct_differs(stated: float | None, computed: float | None, tolerance_pts: float) -> bool:
    """Whether a percentage written in the file is more than ``tolerance_pts`` points from the one
    computed from its figures (the ``STATED_PCT_MISMATCH`` rule). Either missing → no finding."""
    if stated is None or computed is None or pd.isna(stated) or pd.isna(computed):
        return False
    return abs(stated - computed) > tolerance_pts


# Plain-words explanation of each finding code, for the Pemeriksaan page and exports.
EXPLANATIONS: dict[str, tuple[str, str]] = {
    "TOTAL_MISMATCH": (
        "Baris jumlah tidak sama dengan rinciannya",
        "Angka pada baris JUMLAH/TOTAL berbeda dari hasil penjumlahan baris-baris di atasnya. Dasbor memakai "
        "hasil penjumlahan rincian; periksa mana yang benar sebelum laporan ditandatangani.",
    ),
    "PARENT_SUM_MISMATCH": (
        "Baris induk tidak sama dengan anak-anaknya",
        "Pada susunan kode bertingkat, nilai baris induk seharusnya sama dengan jumlah baris di bawahnya.",
    ),
    "STATED_PCT_MISMATCH": (
        "Persentase tertulis berbeda dari hasil hitung",
        "Persentase yang diketik di berkas berbeda lebih dari toleransi dari persentase yang dihitung ulang dari "
        "target dan realisasinya.",
    ),
    "STATED_REMAINING_MISMATCH": ("Sisa anggaran tertulis berbeda", "Sisa = pagu − realisasi tidak cocok."),
    "REALISASI_OVER_PAGU": ("Realisasi melebihi pagu", "Belanja tercatat lebih besar dari pagu yang tersedia."),
    "NEGATIVE_AMOUNT": ("Nilai negatif", "Pagu, realisasi atau nilai aset tidak boleh negatif."),
    "PAGU_ZERO_WITH_REALISASI": ("Realisasi tanpa pagu", "Ada realisasi pada baris yang pagunya nol."),
    "AMOUNT_NOT_NUMBER": (
        "Teks di kolom angka",
        "Sel berisi teks yang bukan angka; nilai itu tidak dihitung (nilai lain pada baris yang sama tetap dihitung).",
    ),
    "DUPLICATE_ROW": ("Baris ganda", "Data yang sama tercatat lebih dari sekali dan bisa terhitung dua kali."),
    "INDICATOR_NO_ACTUAL": (
        "Indikator tanpa realisasi",
        "Indikator ini punya target tetapi belum ada realisasinya (misalnya target Perjanjian Kinerja yang belum "
        "diukur). Tidak dihitung sebagai nol, tetapi juga tidak ikut rata-rata.",
    ),
    "INDICATOR_NO_TARGET": ("Indikator tanpa target", "Capaian tidak dapat dihitung tanpa target."),
    "INDICATOR_NOT_COMPARABLE": (
        "Realisasi tidak sebanding dengan target",
        "Target dan realisasi memakai bentuk yang berbeda (misalnya predikat dan angka).",
    ),
    "NIP_INVALID": ("NIP tidak valid", "NIP harus 18 digit: tanggal lahir, TMT, kode jenis kelamin, nomor urut."),
    "NIP_BIRTHDATE_MISMATCH": ("NIP tidak cocok dengan tanggal lahir", "Delapan digit pertama NIP = tanggal lahir."),
    "NIP_GENDER_MISMATCH": ("NIP tidak cocok dengan jenis kelamin", "Digit ke-15 NIP: 1 laki-laki, 2 perempuan."),
    "AGE_MISMATCH": (
        "Usia tertulis tidak sesuai tanggal lahir",
        "Usia dihitung ulang dari tanggal lahir pada akhir tahun laporan; usia yang tertulis kemungkinan dari "
        "tahun sebelumnya.",
    ),
    "GENDER_UNKNOWN": ("Jenis kelamin tidak dikenali", "Gunakan L/P atau Laki-laki/Perempuan."),
    "WOMEN_COMMISSIONERS_BELOW_MIN": (
        "Keterwakilan perempuan di bawah 30%",
        "UU 7/2017 meminta keterwakilan perempuan sekurang-kurangnya 30% dalam keanggotaan KPU.",
    ),
    "ACQUIRED_AFTER_REPORT": ("Tahun perolehan setelah tahun laporan", "Periksa tahun perolehan aset."),
    "SILENT_ZERO": (
        "Angka tidak terbaca dari kolomnya",
        "Berkas berisi angka, tetapi kolom yang dibaca kosong atau nol semua, sehingga hasilnya akan Rp 0 atau "
        "kosong. Biasanya judul kolom bergeser dari angkanya. Berkas tidak disimpan sampai kolomnya diperbaiki "
        "atau dipetakan sendiri.",
    ),
    "COLUMN_AMBIGUOUS": (
        "Dua kolom cocok untuk satu isian",
        "Dua judul kolom sama-sama cocok untuk satu isian. Pratinjau memakai kolom paling kiri; berkas baru "
        "disimpan setelah kolom yang benar dipilih lewat pemetaan kolom (atau salah satu judulnya diganti).",
    ),
    "ITEM_SUM_MISMATCH": (
        "Rincian item tidak sama dengan akunnya",
        "Jumlah baris item di bawah satu akun berbeda dari angka akun itu (misalnya perjalanan dinas). Dasbor "
        "memakai angka akun, yang menjumlah ke JUMLAH SELURUHNYA; item hanya dibandingkan.",
    ),
}

# A finding that means a figure would be a silent zero: the file is not stored (upload, import)
# and the command line exits with status 2.
SILENT_ZERO = "SILENT_ZERO"
# Two columns fit one field equally well: read for the preview, not stored until a person chooses.
COLUMN_AMBIGUOUS = "COLUMN_AMBIGUOUS"


def reading_findings(table: Table, dataset: str) -> list[Finding]:
    """The reading problems of one table as findings (errors that block storing): mapped columns
    that hold nothing (:data:`SILENT_ZERO`) and columns that fit one field equally well
    (:data:`COLUMN_AMBIGUOUS`)."""
    found = [
        Finding("error", SILENT_ZERO, empty.message(), table.file, table.sheet, table.header_row, dataset)
        for empty in table.empty_fields
    ]
    found += [
        Finding("error", COLUMN_AMBIGUOUS, ambiguity.message(), table.file, table.sheet, table.header_row, dataset)
        for ambiguity in table.ambiguities
    ]
    return found


def explain(code: str) -> tuple[str, str]:
    """(title, explanation) of a finding code in plain Indonesian; unknown codes explain themselves."""
    return EXPLANATIONS.get(code, (code.replace("_", " ").capitalize(), ""))
