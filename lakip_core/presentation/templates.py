"""Downloadable xlsx templates, one per dataset kind: the expected columns and an example row.

Each template has a sheet ``Data`` (two title rows naming the satker and year, a blank row, the
header row, one example row) and a sheet ``Petunjuk`` listing every column, whether it is
required, what it holds and the other header spellings the reader also accepts. A template read
back through :mod:`lakip_core.reading` gives exactly its example row (tested).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from lakip_core.intake.kinds import KINDS
from lakip_core.reading.model import MONTH_NAMES

EXAMPLE_SATKER = "KPU KABUPATEN CONTOH"


@dataclass(frozen=True)
class TemplateColumn:
    """A template column: header text, the canonical column it maps to, a hint, the example value."""

    header: str
    name: str
    hint: str
    example: object


TEMPLATES: dict[str, tuple[TemplateColumn, ...]] = {
    "indicators": (
        TemplateColumn("No", "no", "Nomor urut (boleh kosong).", 1),
        TemplateColumn(
            "Sasaran",
            "objective",
            "Sasaran strategis/kegiatan; cukup diisi pada baris pertama tiap sasaran. Kode kegiatan boleh ditulis "
            "di akhir dalam kurung, misalnya (3355).",
            "Terlaksananya akuntabilitas pengelolaan keuangan (3355)",
        ),
        TemplateColumn("Indikator Kinerja", "indicator", "Nama indikator.", "Persentase laporan keuangan tepat waktu"),
        TemplateColumn("Target", "target", "Angka, persen, rentang (80–90%) atau predikat (WTP, A).", "100%"),
        TemplateColumn(
            "Realisasi",
            "actual",
            "Capaian nyata; kosongkan atau isi '-' bila belum ada data (tidak dihitung sebagai nol).",
            "95%",
        ),
        TemplateColumn("Satuan", "unit", "%, Laporan, Dokumen, Orang, dst.", "%"),
        TemplateColumn(
            "Polaritas",
            "polarity",
            "positif (makin tinggi makin baik) atau negatif (makin rendah makin baik). Kosong = positif.",
            "positif",
        ),
    ),
    "budget": (
        TemplateColumn("No", "no", "Nomor urut (boleh kosong).", 1),
        TemplateColumn(
            "Kode",
            "code",
            "Kode anggaran bertitik, misalnya 076.01.WA.3355 atau sampai akun 076.01.WA.3355.EBA.994.001.A.521111. "
            "Baris induk boleh ada: total dihitung dari baris terbawah saja.",
            "3355",
        ),
        TemplateColumn(
            "Uraian", "name", "Nama program/kegiatan/akun.", "Pelaksanaan akuntabilitas pengelolaan keuangan"
        ),
        TemplateColumn(
            "Pagu Anggaran",
            "allocation",
            "Rupiah penuh (atau tulis 'dalam ribuan rupiah' di baris judul). Hanya angka.",
            2469940000,
        ),
        TemplateColumn("Realisasi", "realized", "Rupiah yang sudah dibelanjakan. Hanya angka.", 2419466148),
        TemplateColumn("Sumber Dana", "funding", "APBN, hibah/NPHD ... (boleh kosong).", "APBN"),
    ),
    "assets": (
        TemplateColumn("No", "no", "Nomor urut (boleh kosong).", 1),
        TemplateColumn("Kode Barang", "code", "Kode barang SIMAK BMN/SAKTI, 10 digit.", "3020104001"),
        TemplateColumn("NUP", "nup", "Nomor urut pendaftaran.", 1),
        TemplateColumn("Nama Barang", "name", "Nama barang.", "Sepeda Motor"),
        TemplateColumn("Merk/Tipe", "brand", "Merek dan tipe (boleh kosong).", "Honda Supra X 125"),
        TemplateColumn("Tahun Perolehan", "acquired", "Tahun atau tanggal perolehan.", 2018),
        TemplateColumn("Jumlah", "quantity", "Banyaknya unit (kosong = 1).", 1),
        TemplateColumn("Nilai Perolehan", "value", "Rupiah. Hanya angka.", 18500000),
        TemplateColumn("Kondisi", "condition", "Baik / Rusak Ringan / Rusak Berat (atau B/RR/RB, 1/2/3).", "Baik"),
    ),
    "staff": (
        TemplateColumn("No", "no", "Nomor urut (boleh kosong).", 1),
        TemplateColumn("Nama", "name", "Nama lengkap.", "Siti Rahmawati, S.E."),
        TemplateColumn("NIP", "nip", "18 digit, ditulis sebagai teks (awali dengan ' di Excel).", "198503122010012003"),
        TemplateColumn("Jenis Kelamin", "gender", "L/P atau Laki-laki/Perempuan.", "P"),
        TemplateColumn("Tanggal Lahir", "birth", "Tanggal lahir (tanggal Excel atau 12-03-1985).", "12-03-1985"),
        TemplateColumn("Pendidikan", "education", "SMA, D3, S1, S2 ...", "S1"),
        TemplateColumn("Jabatan", "position", "Nama jabatan.", "Kepala Subbagian Keuangan"),
        TemplateColumn("Status", "status", "PNS, PPPK, PPNPN (honorer) atau Komisioner.", "PNS"),
    ),
    "plan": (
        TemplateColumn(
            "Kode",
            "code",
            "Kode akun (521211) atau jenis belanja (51 pegawai, 52 barang, 53 modal, 57 bansos). Ekspor SAKTI "
            "'RPD DIPA Petikan' boleh diunggah apa adanya.",
            "52",
        ),
        TemplateColumn("Uraian", "name", "Nama akun atau jenis belanja.", "Belanja Barang"),
        *(
            TemplateColumn(
                month,
                f"m{number:02d}",
                "Rencana penarikan bulan ini, rupiah penuh (atau tulis 'dalam ribuan rupiah' di baris judul).",
                example,
            )
            for number, (month, example) in enumerate(
                zip(MONTH_NAMES, (50, 60, 80, 90, 100, 120, 100, 110, 130, 140, 150, 200), strict=True), start=1
            )
        ),
    ),
}

LAYOUT_NOTES = (
    "Satu lembar boleh diawali beberapa baris judul (nama satker dan tahun dibaca dari sini), lalu SATU baris "
    "judul kolom, lalu baris data. Urutan kolom bebas; nama kolom lain yang umum juga dikenali (lihat lembar "
    "Petunjuk).",
    "Ekspor SAKTI/SIMAK BMN boleh diunggah apa adanya (xlsx, xls atau csv); baris JUMLAH/TOTAL dikenali dan "
    "dipakai untuk pemeriksaan, bukan dijumlahkan lagi.",
    "Jumlah dalam ribuan/jutaan: tulis 'dalam ribuan rupiah' (atau jutaan) di baris judul; dasbor mengalikannya.",
    "Beberapa lembar dengan judul kolom yang sama dibaca semuanya (misalnya PNS dan PPNPN).",
    "Tidak diterima: PDF atau gambar, berkas berkata sandi, berkas bermakro (.xlsm), rumus yang belum pernah "
    f"dihitung Excel, berkas di atas {20} MB.",
)


def template_filename(kind: str) -> str:
    return f"templat-{KINDS[kind].slug}.xlsx"


def template_bytes(kind: str, year: int) -> bytes:
    """The xlsx template of ``kind`` (``indicators``, ``budget``, ``assets``, ``staff``) for ``year``."""
    info = KINDS[kind]
    columns = TEMPLATES[kind]
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Data"
    sheet.append([f"DATA {info.label.upper()}"])
    sheet.append([f"{EXAMPLE_SATKER} TAHUN {year}"])
    sheet.append([])
    sheet.append([c.header for c in columns])
    sheet.append([c.example for c in columns])
    header_fill = PatternFill("solid", fgColor="DDEBF7")
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=4, column=index)
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(index)].width = max(12, min(45, len(str(column.example)) + 4))
        if column.name == "nip":
            sheet.cell(row=5, column=index).number_format = "@"
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.freeze_panes = "A5"

    guide = workbook.create_sheet("Petunjuk")
    guide.append([f"Petunjuk templat {info.label}"])
    guide["A1"].font = Font(bold=True, size=13)
    guide.append(["Ganti baris 2 lembar Data dengan nama satker dan tahun laporan; hapus baris contoh."])
    guide.append([])
    guide.append(["Kolom", "Wajib", "Isi", "Nama kolom lain yang juga dikenali"])
    for cell in guide[4]:
        cell.font = Font(bold=True)
    required = {c.name for c in info.spec.columns if c.required}
    one_of = {name for group in info.spec.one_of for name in group}
    for column in columns:
        spec_column = info.spec.column(column.name)
        need = "ya" if column.name in required else ("salah satu" if column.name in one_of else "tidak")
        guide.append([column.header, need, column.hint, ", ".join(spec_column.aliases)])
    guide.append([])
    for note in LAYOUT_NOTES:
        guide.append([note])
    for letter, width in zip("ABCD", (22, 10, 70, 60), strict=True):
        guide.column_dimensions[letter].width = width
    for row in guide.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
