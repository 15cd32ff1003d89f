"""The satker/year a version or scenario is stored under, checked and cleaned."""

from __future__ import annotations

from lakip_core.reading.numbers import cell_text
from lakip_core.store.engine import StoreError


def clean_satker(satker: str) -> str:
    name = cell_text(satker)
    if not name:
        raise StoreError("Nama satuan kerja (satker) wajib diisi, misalnya 'KPU Kota Jakarta Selatan'.")
    if len(name) > 200:
        raise StoreError("Nama satuan kerja terlalu panjang (maksimal 200 karakter).")
    return name


def clean_year(year: int) -> int:
    if not 2000 <= int(year) <= 2100:
        raise StoreError(f"Tahun {year} tidak masuk akal; isi tahun laporan antara 2000 dan 2100.")
    return int(year)
