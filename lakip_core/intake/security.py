"""Container checks on an uploaded file before any reader opens it (run in the sandbox child).

What the bytes are (PDF, image, encrypted, empty) is decided once, by
:func:`lakip_core.reading.grids.sniff`; here come the checks only an upload needs: size, macros,
archives that are not workbooks, zip bombs, XML entity tricks, sheets spanning billions of cells
and formulas without stored values.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lakip_core.errors import LakipError
from lakip_core.presentation.format import format_number
from lakip_core.reading.grids import encrypted_message, sniff

MIB = 1024 * 1024


class RejectedFileError(LakipError):
    """The file was refused before or while reading it; ``str(err)`` says why and what to do."""


@dataclass(frozen=True)
class Limits:
    """What an upload may cost. Defaults fit a 100,000-row asset register with room to spare.

    ``memory_bytes`` is address space the child may add on top of what its imports already use;
    ``max_ratio`` applies to archive members larger than ``ratio_floor_bytes`` (small XML parts
    compress very well and are harmless).
    """

    max_bytes: int = 20 * MIB
    max_expanded_bytes: int = 400 * MIB
    max_ratio: float = 100.0
    ratio_floor_bytes: int = 8 * MIB
    max_members: int = 2_000
    max_cells: int = 10_000_000
    memory_bytes: int = 1_536 * MIB
    cpu_seconds: int = 120
    wall_seconds: float = 180.0


DEFAULT_LIMITS = Limits()


_UTF16 = "utf-16-le"
_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.DOTALL)
_CELL_R = re.compile(rb'\br="([A-Z]{1,3}\d{1,7})"')
_VALUE = re.compile(rb"<v>[^<]+</v>|<is>")
_STRING_RESULT = re.compile(rb'\bt="str"')


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + (char - 64)
    return number


def check_container(data: bytes, filename: str, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    """Refuse files that are not safe or not sensible to read; return notes for the preview.

    Raises :class:`RejectedFileError` for: files over ``limits.max_bytes``; PDFs and images
    (named .xlsx or not); password-protected workbooks; macro-enabled workbooks; truncated or
    corrupt archives; zip bombs (members expanding past the limits); XML with a DOCTYPE or entity
    declarations; sheets whose cells span more than ``limits.max_cells`` cells; formulas without
    a stored result. Legacy .xls is read (calamine reads BIFF8) with a note to re-save as .xlsx.
    """
    name = filename or "berkas"
    notes: list[str] = []
    if len(data) > limits.max_bytes:
        raise RejectedFileError(
            f"{name} berukuran {len(data) / MIB:.1f} MB, melebihi batas {limits.max_bytes // MIB} MB. "
            "Hapus lembar yang tidak diperlukan atau pisahkan datanya, lalu unggah lagi."
        )
    container = sniff(data, name)  # PDF, image, encrypted, empty: refused there, with their messages
    if container == "zip":
        notes += _check_zip(data, name, limits)
    elif container == "ole":
        notes += _check_ole(data, name)
    return notes


def _check_ole(data: bytes, name: str) -> list[str]:
    if "_VBA_PROJECT".encode(_UTF16) in data or b"_VBA_PROJECT" in data:
        raise RejectedFileError(
            f"{name} berisi makro (VBA). Demi keamanan, berkas bermakro tidak diterima: simpan ulang sebagai "
            "Buku Kerja Excel (.xlsx) tanpa makro, lalu unggah lagi."
        )
    return [
        f"{name} berformat Excel lama (.xls). Berkas tetap dibaca, tetapi sebaiknya simpan ulang sebagai .xlsx "
        "untuk unggahan berikutnya."
    ]


def _check_zip(data: bytes, name: str, limits: Limits) -> list[str]:
    corrupt = (
        f"{name} rusak atau terpotong (arsip xlsx tidak utuh), mungkin karena unduhan atau salinan yang gagal. "
        "Buka di Excel, simpan ulang sebagai .xlsx, lalu unggah lagi."
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as err:
        raise RejectedFileError(corrupt) from err
    names = {m.filename for m in members}
    if len(members) > limits.max_members:
        raise RejectedFileError(f"{name} berisi {len(members)} bagian; ini bukan lembar kerja biasa.")
    if any(n.lower().endswith("vbaproject.bin") for n in names) or name.lower().endswith((".xlsm", ".xltm")):
        raise RejectedFileError(
            f"{name} adalah buku kerja bermakro (VBA). Demi keamanan, berkas bermakro tidak diterima: simpan ulang "
            "sebagai Buku Kerja Excel (.xlsx) tanpa makro, lalu unggah lagi."
        )
    if "word/document.xml" in names:
        raise RejectedFileError(f"{name} adalah dokumen Word, bukan lembar kerja. Salin tabelnya ke Excel (.xlsx).")
    if "ppt/presentation.xml" in names:
        raise RejectedFileError(f"{name} adalah presentasi PowerPoint, bukan lembar kerja.")
    is_xlsx = "xl/workbook.xml" in names or "xl/workbook.bin" in names
    if not is_xlsx and "content.xml" not in names:
        raise RejectedFileError(
            f"{name} adalah arsip zip, bukan lembar kerja Excel/ODS. Unggah berkas .xlsx, .ods atau .csv."
        )
    if "xl/workbook.bin" in names:
        raise RejectedFileError(f"{name} berformat .xlsb (biner). Simpan ulang sebagai .xlsx, lalu unggah lagi.")
    declared = sum(m.file_size for m in members)
    bomb = RejectedFileError(
        f"{name} mengembang jauh melebihi ukurannya saat dibuka (kemungkinan 'zip bomb' atau berkas rusak). "
        "Berkas ditolak. Jika berkas ini memang data kantor, buka di Excel, simpan ulang sebagai .xlsx, "
        "lalu unggah lagi."
    )
    if declared > limits.max_expanded_bytes:
        raise bomb
    for member in members:
        if member.file_size > limits.ratio_floor_bytes and member.file_size > limits.max_ratio * max(
            member.compress_size, 1
        ):
            raise bomb
    sheet_names = _sheet_names(archive) if is_xlsx else {}
    expanded = 0
    for member in members:
        if member.is_dir():
            continue
        try:
            with archive.open(member) as stream:
                # Never trust the declared size: read at most a little past it.
                content = stream.read(member.file_size + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, RuntimeError) as err:
            if "encrypted" in str(err).lower():
                raise RejectedFileError(encrypted_message(name)) from err
            raise RejectedFileError(corrupt) from err
        except Exception as err:  # zlib.error and friends: a damaged member
            raise RejectedFileError(corrupt) from err
        expanded += len(content)
        if len(content) > member.file_size or expanded > limits.max_expanded_bytes:
            raise bomb
        lower = member.filename.lower()
        if lower.endswith((".xml", ".rels", ".vml")) and _DTD.search(content):
            raise RejectedFileError(
                f"{name} berisi deklarasi XML (DOCTYPE/ENTITY) yang tidak pernah dibuat Excel; berkas ditolak demi "
                "keamanan. Salin datanya ke buku kerja baru di Excel, simpan sebagai .xlsx, lalu unggah lagi."
            )
        if lower.startswith("xl/worksheets/") and lower.endswith(".xml"):
            sheet = sheet_names.get(member.filename, Path(member.filename).stem)
            _check_sheet(content, sheet, name, limits)
    return []


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name, from workbook.xml and its relationships (defusedxml)."""
    from defusedxml import ElementTree

    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # a broken or hostile workbook.xml: the container scan reports it
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    names: dict[str, str] = {}
    for sheet in workbook.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        rel = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rel, "")
        path = target.lstrip("/") if target.startswith("/") else "xl/" + target
        names[os.path.normpath(path)] = sheet.get("name", "")
    return names


def _check_sheet(content: bytes, sheet: str, name: str, limits: Limits) -> None:
    refs = _CELL_REF.findall(content)
    if refs:
        # Compare lengths first: one pass in C instead of a million int() calls.
        row_digits = max(len(r) for _, r in refs)
        col_letters = max(len(c) for c, _ in refs)
        max_row = max(int(r) for _, r in refs if len(r) == row_digits)
        max_col = max(_column_number(c) for c, _ in refs if len(c) == col_letters)
        cells = max_row * max_col
        if cells > limits.max_cells:
            raise RejectedFileError(
                f"Lembar '{sheet}' di {name} terbentang sampai baris {max_row} dan kolom ke-{max_col} "
                f"({format_number(cells)} sel), melebihi batas {format_number(limits.max_cells)} sel. "
                "Biasanya ada isi atau format tersasar jauh di bawah/kanan tabel: hapus baris dan kolom kosong "
                "di luar tabel, simpan, lalu unggah lagi."
            )
    if b"<f" not in content:
        return
    missing: list[str] = []
    for attrs, body in _CELL.findall(content):
        if body and b"<f" in body and not _VALUE.search(body) and not _STRING_RESULT.search(attrs):
            ref = _CELL_R.search(attrs)
            missing.append(ref.group(1).decode() if ref else "?")
    if missing:
        shown = ", ".join(missing[:8]) + (" …" if len(missing) > 8 else "")
        raise RejectedFileError(
            f"Lembar '{sheet}' di {name} berisi {len(missing)} rumus tanpa nilai tersimpan (sel {shown}), sehingga "
            "angkanya tidak dapat dibaca. Biasanya berkas dibuat oleh program lain dan belum pernah dibuka di "
            "Excel: buka di Excel atau LibreOffice, simpan ulang sebagai .xlsx, lalu unggah lagi."
        )
