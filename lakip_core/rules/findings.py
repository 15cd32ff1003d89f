"""Findings: problems in the data, reported with a stable code and an Indonesian message."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

import pandas as pd

from lakip_core.reading.model import Table
from lakip_core.reading.numbers import cell_text

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


def not_a_number(
    part: pd.DataFrame,
    column: str,
    bad: pd.Series,
    what: str,
    dataset: str,
    then: str = "nilai ini tidak dihitung",
) -> list[Finding]:
    """An ``AMOUNT_NOT_NUMBER`` error at each row of ``part`` that ``bad`` marks (the mask
    :func:`~lakip_core.reading.numbers.parse_numbers` gives for ``part[column]``): "``what`` 'text'
    bukan angka; ``then``." — ``then`` says what became of the value."""
    return [
        at(
            part.loc[index],
            "error",
            "AMOUNT_NOT_NUMBER",
            f"{what} '{cell_text(part.loc[index, column], blank_placeholders=True)}' bukan angka; {then}.",
            dataset,
        )
        for index in part.index[bad.to_numpy()]
    ]


def stated_pct_differs(stated: float | None, computed: float | None, tolerance_pts: float) -> bool:
    """Whether a percentage written in the file is more than ``tolerance_pts`` points from the one
    computed from its figures (the ``STATED_PCT_MISMATCH`` rule). Either missing → no finding."""
    if stated is None or computed is None or pd.isna(stated) or pd.isna(computed):
        return False
    return abs(stated - computed) > tolerance_pts


@dataclass(frozen=True)
class Guide:
    """A finding code in plain Indonesian: what it means, why it matters, what to do, its theme."""

    title: str
    meaning: str
    why: str
    action: str
    theme: str


# Themes of the Pemeriksaan page, most important first: (key, heading, one line under it).
THEMES: tuple[tuple[str, str, str], ...] = (
    (
        "bertentangan",
        "Angka yang saling bertentangan",
        "Hal yang sama tertulis dua kali dengan angka berbeda. Hanya satu yang benar; laporan tidak boleh "
        "ditandatangani sebelum diputuskan yang mana.",
    ),
    (
        "belanja",
        "Belanja dan capaian tidak sejalan",
        "Uang terserap tanpa hasil, atau hasil tanpa uang: pertanyaan pertama auditor.",
    ),
    (
        "tak_terhitung",
        "Angka yang tidak dapat dihitung",
        "Dasbor tidak menghitung angka-angka ini daripada menampilkan angka yang salah.",
    ),
    (
        "susunan",
        "Susunan tabel yang membingungkan",
        "Baris ganda, sasaran bernama sama, beberapa indikator dalam satu sel.",
    ),
    (
        "anggapan",
        "Angka yang memakai anggapan",
        "Dasbor mengisi sesuatu yang tidak tertulis di berkas; periksa apakah anggapannya benar.",
    ),
    ("ketentuan", "Ketentuan yang belum dipenuhi", "Aturan yang berlaku bagi kantor KPU."),
    ("belum_ada", "Data yang belum ada", "Tidak salah, tetapi belum lengkap; tidak dihitung sebagai nol."),
)
THEME_RANK = {key: position for position, (key, _, _) in enumerate(THEMES)}

_CHECK_SOURCE = "Periksa dokumen sumbernya, perbaiki berkas, lalu unggah lagi."

GUIDES: dict[str, Guide] = {
    "TOTAL_MISMATCH": Guide(
        "Baris jumlah tidak sama dengan rinciannya",
        "Angka pada baris JUMLAH/TOTAL berbeda dari hasil penjumlahan baris-baris di atasnya. Dasbor memakai "
        "hasil penjumlahan rincian.",
        "Angka jumlah yang salah sering disalin ke Bab IV dan ringkasan eksekutif.",
        "Tentukan mana yang benar sebelum laporan ditandatangani; perbaiki baris jumlah atau rinciannya.",
        "bertentangan",
    ),
    "PARENT_SUM_MISMATCH": Guide(
        "Baris induk tidak sama dengan anak-anaknya",
        "Pada susunan kode bertingkat, nilai baris induk seharusnya sama dengan jumlah baris di bawahnya.",
        "Salah satu tingkat memuat angka yang tidak ikut dijumlahkan atau terhitung dua kali.",
        _CHECK_SOURCE,
        "bertentangan",
    ),
    "STATED_PCT_MISMATCH": Guide(
        "Persentase tertulis berbeda dari hasil hitung",
        "Persentase yang diketik di berkas berbeda lebih dari toleransi dari persentase yang dihitung ulang dari "
        "target dan realisasinya.",
        "Pembaca melihat dua angka capaian untuk satu hal.",
        "Hitung ulang kolom persentase dari target dan realisasi.",
        "bertentangan",
    ),
    "STATED_PCT_WITHOUT_ACTUAL": Guide(
        "Persentase tertulis tanpa realisasi",
        "Kolom capaian berisi angka (sering 0), padahal realisasinya kosong atau '-'.",
        "Tanpa data bukan nol: angka 0 di sini membuat indikator tampak gagal.",
        "Isi realisasinya, atau kosongkan kolom capaiannya bila belum diukur.",
        "bertentangan",
    ),
    "STATED_MEAN_MISMATCH": Guide(
        "Rata-rata tertulis berbeda dari hasil hitung",
        "Baris 'Rata-rata' pada tabel indikator menyatakan angka lain daripada rata-rata indikatornya. Baris itu "
        "tidak dihitung sebagai indikator.",
        "Rata-rata yang tertulis biasanya dikutip di ringkasan eksekutif.",
        "Hitung ulang baris rata-rata atau periksa indikator yang dihitung.",
        "bertentangan",
    ),
    "STATED_REMAINING_MISMATCH": Guide(
        "Sisa anggaran tertulis berbeda",
        "Sisa = pagu − realisasi tidak cocok.",
        "Sisa anggaran dikutip sebagai penghematan.",
        "Hitung ulang kolom sisa.",
        "bertentangan",
    ),
    "INDICATOR_DOCUMENTS_DIFFER": Guide(
        "Satu indikator, dua realisasi",
        "Indikator yang sama (nama yang sama dalam sasaran yang sama) tertulis dengan realisasi berbeda di dua "
        "dokumen, misalnya tabel Bab III A dan analisis Bab III B.",
        "Hanya satu dokumen yang dipakai untuk capaian kantor; angka di dokumen lain tampak seperti salah ketik.",
        "Samakan realisasinya di kedua dokumen.",
        "bertentangan",
    ),
    "INDICATOR_TARGET_DIFFERS": Guide(
        "Satu indikator, dua target",
        "Indikator yang sama bertarget lain di dua dokumen (misalnya Perjanjian Kinerja dan arsitektur kinerja), "
        "atau target predikat di satu dokumen dan persentase di dokumen lain.",
        "Capaian bergantung pada target mana yang dipakai.",
        "Pakai target Perjanjian Kinerja yang ditandatangani dan samakan dokumen lainnya.",
        "bertentangan",
    ),
    "INDICATOR_GROUP_MISMATCH": Guide(
        "Angka kelompok tidak sama dengan sub-butirnya",
        "Baris kelompok (misalnya 'Tersedianya Layanan Perkantoran:') punya capaiannya sendiri yang jauh dari "
        "rata-rata sub-butir di bawahnya. Kelompok dihitung sekali saja dalam rata-rata.",
        "Angka kelompok yang tinggi dapat menutupi sub-butir yang bercapaian 0%.",
        "Tentukan cara menghitung capaian kelompok dan samakan angkanya.",
        "bertentangan",
    ),
    "INDICATOR_REPEATED_IN_DOCUMENT": Guide(
        "Indikator yang sama di dua sasaran",
        "Satu dokumen menulis indikator yang sama di dua sasaran dengan realisasi berbeda.",
        "Salah satu angka kemungkinan disalin dari tempat lain.",
        _CHECK_SOURCE,
        "bertentangan",
    ),
    "AGE_MISMATCH": Guide(
        "Usia tertulis tidak sesuai tanggal lahir",
        "Usia dihitung ulang dari tanggal lahir pada akhir tahun laporan; usia yang tertulis kemungkinan dari "
        "tahun sebelumnya.",
        "Tabel profil pegawai tampak tidak diperbarui.",
        "Perbarui kolom usia.",
        "bertentangan",
    ),
    "NIP_BIRTHDATE_MISMATCH": Guide(
        "NIP tidak cocok dengan tanggal lahir",
        "Delapan digit pertama NIP = tanggal lahir.",
        "Salah satunya salah ketik.",
        "Cocokkan dengan SK atau data SIASN.",
        "bertentangan",
    ),
    "NIP_GENDER_MISMATCH": Guide(
        "NIP tidak cocok dengan jenis kelamin",
        "Digit ke-15 NIP: 1 laki-laki, 2 perempuan.",
        "Salah satunya salah ketik.",
        "Cocokkan dengan SK atau data SIASN.",
        "bertentangan",
    ),
    "SPENT_WITHOUT_CAPAIAN": Guide(
        "Anggaran terserap, capaian 0%",
        "Kegiatan ini membelanjakan uang, tetapi semua indikator sasarannya bercapaian 0%.",
        "Belanja tanpa hasil yang tercatat adalah temuan pertama pemeriksa.",
        "Isi realisasi indikatornya bila kegiatan memang berjalan, atau jelaskan belanjanya di Bab III.",
        "belanja",
    ),
    "CAPAIAN_WITHOUT_SPENDING": Guide(
        "Capaian tanpa realisasi anggaran",
        "Indikator sasaran kegiatan ini bercapaian, tetapi realisasi anggaran kegiatannya Rp 0.",
        "Capaian tanpa belanja perlu dijelaskan: sumber dana lain, atau realisasi anggaran yang belum tercatat.",
        "Periksa realisasi anggaran kegiatan ini dan sumber dana capaiannya.",
        "belanja",
    ),
    "KEGIATAN_ON_TWO_SASARAN": Guide(
        "Satu kode kegiatan pada dua sasaran",
        "Kode kegiatan yang sama tercantum di akhir nama dua sasaran.",
        "Anggaran kegiatan itu tidak dapat dibagi per sasaran; capaian dan belanjanya digabung.",
        "Periksa kode kegiatan setiap sasaran.",
        "belanja",
    ),
    "KEGIATAN_WITHOUT_BUDGET": Guide(
        "Kegiatan tanpa data anggaran",
        "Kode kegiatan pada sasaran tidak ada di data anggaran.",
        "Capaiannya tidak dapat dibandingkan dengan belanjanya.",
        "Unggah data anggaran yang memuat kegiatan ini, atau periksa kodenya.",
        "belanja",
    ),
    "BUDGET_WITHOUT_SASARAN": Guide(
        "Anggaran tanpa sasaran",
        "Kegiatan di data anggaran tidak tercantum pada sasaran mana pun.",
        "Belanjanya tidak dapat dikaitkan dengan capaian.",
        "Tambahkan kode kegiatan pada nama sasarannya.",
        "belanja",
    ),
    "INDICATOR_UNIT_MISMATCH": Guide(
        "Target dan realisasi beda satuan",
        "Target ditulis dalam satu satuan (misalnya '4 Unit') dan realisasi dalam satuan lain atau tanpa satuan "
        "(misalnya '100.00' di kolom persen). Capaian tidak dihitung.",
        "Membagi '100' dengan '4 Unit' menghasilkan 2.500%: angka yang salah besar.",
        "Tulis target dan realisasi dalam satuan yang sama.",
        "tak_terhitung",
    ),
    "INDICATOR_NOT_COMPARABLE": Guide(
        "Realisasi tidak sebanding dengan target",
        "Target dan realisasi memakai bentuk yang berbeda (misalnya predikat dan angka).",
        "Capaian tidak dapat dihitung.",
        "Tulis realisasi dalam bentuk yang sama dengan targetnya.",
        "tak_terhitung",
    ),
    "INDICATOR_TARGET_UNREADABLE": Guide(
        "Target tidak terbaca",
        "Target bukan angka, persentase, rentang atau predikat (WTP, BB ...).",
        "Capaian tidak dapat dihitung.",
        "Tulis targetnya sebagai angka dengan satuan, persentase atau predikat.",
        "tak_terhitung",
    ),
    "INDICATOR_NEGATIVE_ACTUAL": Guide(
        "Realisasi negatif",
        "Realisasi indikator bernilai negatif; capaiannya tidak dihitung.",
        "Capaian negatif tidak bermakna dan menurunkan rata-rata.",
        "Periksa tanda minus pada realisasi.",
        "tak_terhitung",
    ),
    "INDICATOR_NO_TARGET": Guide(
        "Indikator tanpa target",
        "Capaian tidak dapat dihitung tanpa target.",
        "Indikator ini tidak ikut rata-rata.",
        "Isi targetnya dari Perjanjian Kinerja.",
        "tak_terhitung",
    ),
    "AMOUNT_NOT_NUMBER": Guide(
        "Teks di kolom angka",
        "Sel berisi teks yang bukan angka; nilai itu tidak dihitung (nilai lain pada baris yang sama tetap dihitung).",
        "Jumlah menjadi lebih kecil dari seharusnya.",
        "Ganti teks dengan angka.",
        "tak_terhitung",
    ),
    "NEGATIVE_AMOUNT": Guide(
        "Nilai negatif",
        "Pagu, realisasi atau nilai aset tidak boleh negatif.",
        "Angka negatif mengurangi jumlah.",
        "Periksa tanda minus.",
        "tak_terhitung",
    ),
    "PAGU_ZERO_WITH_REALISASI": Guide(
        "Realisasi tanpa pagu",
        "Ada realisasi pada baris yang pagunya nol. Realisasi itu tidak dihitung dalam penyerapan dan sisa.",
        "Penyerapan di atas 100% biasanya berasal dari baris seperti ini.",
        "Isi pagunya, atau pindahkan realisasinya ke baris yang benar.",
        "tak_terhitung",
    ),
    "PAGU_BLANK_WITH_REALISASI": Guide(
        "Realisasi dengan pagu kosong",
        "Pagu kosong atau '-' pada baris yang ada realisasinya; baris ditampilkan sebagai 'pagu kosong' dan "
        "realisasinya tidak dihitung dalam penyerapan dan sisa.",
        "Tanpa aturan ini penyerapan bisa tampak 550%.",
        "Isi pagunya dari DIPA.",
        "tak_terhitung",
    ),
    "REALISASI_OVER_PAGU": Guide(
        "Realisasi melebihi pagu",
        "Belanja tercatat lebih besar dari pagu yang tersedia.",
        "Belanja melebihi pagu tidak boleh terjadi; kemungkinan salah ketik atau revisi DIPA belum masuk.",
        "Periksa revisi DIPA dan realisasinya.",
        "tak_terhitung",
    ),
    "NIP_INVALID": Guide(
        "NIP tidak valid",
        "NIP harus 18 digit: tanggal lahir (8), TMT tahun dan bulan (6), kode jenis kelamin (1), nomor urut (3).",
        "NIP yang salah tidak dapat dicocokkan dengan SIASN.",
        "Salin NIP dari SK atau SIASN.",
        "tak_terhitung",
    ),
    "GENDER_UNKNOWN": Guide(
        "Jenis kelamin tidak dikenali",
        "Gunakan L/P atau Laki-laki/Perempuan.",
        "Orang ini tidak ikut persentase perempuan.",
        "Perbaiki isi kolom jenis kelamin.",
        "tak_terhitung",
    ),
    "DUPLICATE_ROW": Guide(
        "Baris ganda",
        "Data yang sama tercatat lebih dari sekali dan bisa terhitung dua kali.",
        "Jumlah menjadi terlalu besar.",
        "Hapus baris yang ganda.",
        "susunan",
    ),
    "OBJECTIVE_NAME_REPEATED": Guide(
        "Dua sasaran bernama sama",
        "Satu dokumen memakai nama yang sama untuk dua sasaran dengan indikator berbeda; keduanya dihitung terpisah.",
        "Nama yang sama untuk hal berbeda biasanya salah salin.",
        "Perbaiki nama sasaran di dokumen sumber.",
        "susunan",
    ),
    "INDICATOR_SEVERAL_IN_CELL": Guide(
        "Beberapa indikator dalam satu sel",
        "Satu sel memuat beberapa indikator ('a. … b. …') dan targetnya dalam satu sel ('WTP B').",
        "Setiap indikator perlu target dan capaiannya sendiri.",
        "Tulis setiap indikator pada barisnya sendiri.",
        "susunan",
    ),
    "YEAR_NOT_DETECTED": Guide(
        "Tahun laporan tidak ditemukan",
        "Tahun tidak tertulis pada judul, nama lembar atau nama berkas; dasbor memakai tahun bawaan.",
        "Umur aset dan usia pegawai dihitung pada tahun itu.",
        "Tentukan tahun laporan saat mengunggah (atau --year pada baris perintah).",
        "anggapan",
    ),
    "ASSET_QUANTITY_BLANK": Guide(
        "Jumlah aset kosong",
        "Kolom Jumlah kosong pada beberapa baris; setiap baris itu dihitung 1 unit.",
        "Bila satu baris mewakili beberapa unit, jumlah aset terlalu kecil.",
        "Isi kolom Jumlah.",
        "anggapan",
    ),
    "INDICATOR_TARGET_ZERO": Guide(
        "Target nol",
        "Target indikator adalah 0; realisasi berapa pun (≥ 0) memenuhinya dan capaiannya 100%.",
        "Target 0 sering salah ketik.",
        "Periksa targetnya di Perjanjian Kinerja.",
        "anggapan",
    ),
    "ACQUIRED_AFTER_REPORT": Guide(
        "Tahun perolehan setelah tahun laporan",
        "Aset tercatat diperoleh setelah tahun laporan.",
        "Umurnya negatif dan tidak bermakna.",
        "Periksa tahun perolehan aset.",
        "anggapan",
    ),
    "WOMEN_COMMISSIONERS_BELOW_MIN": Guide(
        "Keterwakilan perempuan di bawah 30%",
        "UU 7/2017 meminta keterwakilan perempuan sekurang-kurangnya 30% dalam keanggotaan KPU (komisioner, "
        "bukan pegawai sekretariat).",
        "Ketentuan undang-undang.",
        "Catat dalam laporan; keanggotaan ditetapkan pada seleksi berikutnya.",
        "ketentuan",
    ),
    "INDICATOR_NO_ACTUAL": Guide(
        "Indikator tanpa realisasi",
        "Indikator ini punya target tetapi belum ada realisasinya (misalnya target Perjanjian Kinerja yang belum "
        "diukur). Tidak dihitung sebagai nol, tetapi juga tidak ikut rata-rata.",
        "Capaian kantor hanya memuat indikator yang sudah diukur.",
        "Isi realisasinya bila sudah diukur.",
        "belum_ada",
    ),
    "SILENT_ZERO": Guide(
        "Angka tidak terbaca dari kolomnya",
        "Berkas berisi angka, tetapi kolom yang dibaca kosong atau nol semua, sehingga hasilnya akan Rp 0 atau "
        "kosong. Biasanya judul kolom bergeser dari angkanya.",
        "Angka nol yang sebenarnya tidak terbaca adalah kesalahan paling berbahaya: terlihat sah.",
        "Berkas tidak disimpan sampai kolomnya diperbaiki atau dipetakan sendiri (Atur kolom sendiri).",
        "tak_terhitung",
    ),
    "COLUMN_AMBIGUOUS": Guide(
        "Dua kolom cocok untuk satu isian",
        "Dua judul kolom sama-sama cocok untuk satu isian. Pratinjau memakai kolom paling kiri.",
        "Bila kolom yang dipakai salah, semua angka turunannya salah.",
        "Pilih kolom yang benar lewat pemetaan kolom (atau ganti salah satu judulnya), lalu simpan.",
        "susunan",
    ),
    "ITEM_SUM_MISMATCH": Guide(
        "Rincian item tidak sama dengan akunnya",
        "Jumlah baris item di bawah satu akun berbeda dari angka akun itu (misalnya perjalanan dinas). Dasbor "
        "memakai angka akun, yang menjumlah ke JUMLAH SELURUHNYA; item hanya dibandingkan.",
        "Rincian yang tidak cocok menyulitkan penelusuran belanja per item.",
        "Periksa rincian item akun itu di SAKTI.",
        "bertentangan",
    ),
}

# (title, explanation) of each code, as before the guides had more parts.
EXPLANATIONS: dict[str, tuple[str, str]] = {code: (g.title, g.meaning) for code, g in GUIDES.items()}

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
        if not ambiguity.settled
    ]
    return found


def explain(code: str) -> tuple[str, str]:
    """(title, explanation) of a finding code in plain Indonesian; unknown codes explain themselves."""
    return EXPLANATIONS.get(code, (code.replace("_", " ").capitalize(), ""))


def guide(code: str) -> Guide:
    """The full plain-Indonesian guide of a code; an unknown code gets its own name and theme "susunan"."""
    return GUIDES.get(code, Guide(code.replace("_", " ").capitalize(), "", "", "", "susunan"))


_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
_GUIDE_RANK = {code: position for position, code in enumerate(GUIDES)}


def by_theme(findings: Sequence[Finding]) -> list[tuple[str, str, str, list[tuple[str, list[Finding]]]]]:
    """Findings grouped for people: themes (key, heading, line) most important first, each with
    its codes and their findings. A theme with an error comes first; then the order of
    :data:`THEMES`; inside a theme, errors before warnings before information, then in the order
    of :data:`GUIDES` (written most important first: a wrong total before a wrong percentage)."""
    codes: dict[str, list[Finding]] = {}
    for finding in findings:
        codes.setdefault(finding.code, []).append(finding)
    themes: dict[str, list[tuple[str, list[Finding]]]] = {}
    for code, items in codes.items():
        themes.setdefault(guide(code).theme, []).append((code, items))
    result = []
    for key, heading, line in THEMES:
        if key not in themes:
            continue
        entries = sorted(
            themes[key], key=lambda e: (min(_SEVERITY_RANK[f.severity] for f in e[1]), _GUIDE_RANK.get(e[0], 999))
        )
        result.append((key, heading, line, entries))
    return sorted(
        result,
        key=lambda t: (
            min(_SEVERITY_RANK[f.severity] for _, items in t[3] for f in items) > 0,
            THEME_RANK[t[0]],
        ),
    )
