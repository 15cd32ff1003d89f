"""Open an office file (xlsx, xls, ods, csv) and return the raw cells of every sheet.

What a file is gets decided here, once, from its first bytes (:func:`sniff`): a PDF, an image, a
password-protected workbook or an empty file is refused with one Indonesian message that says
what to do, whether it came from the command line, a sample file or an upload. Spreadsheets go
through python-calamine (Rust, the fastest reader for xlsx/xls/ods that keeps cell types); CSV
goes through the standard ``csv`` module after encoding and delimiter sniffing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from python_calamine import CalamineError, CalamineWorkbook

from lakip_core.errors import EmptyDataError, UnreadableFileError

Source = str | Path | bytes
Container = Literal["zip", "ole", "text"]

ZIP = b"PK\x03\x04"
ZIP_EMPTY = b"PK\x05\x06"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_UTF16 = "utf-16-le"
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF")


@dataclass(frozen=True)
class Grid:
    """The raw cells of one sheet (or of a CSV file).

    ``book`` is the workbook's bytes when it is a zip (xlsx): the number formats calamine drops
    (percent cells) are read from it, for the columns that need them only.
    """

    file: str
    sheet: str
    rows: Sequence[Sequence[object]]
    book: bytes | None = field(default=None, repr=False, compare=False)


def _read_bytes(source: Source) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "unggahan"
    path = Path(source)
    try:
        return path.read_bytes(), path.name
    except FileNotFoundError as err:
        raise UnreadableFileError(f"Berkas tidak ditemukan: {path}") from err
    except IsADirectoryError as err:
        raise UnreadableFileError(f"{path} adalah folder, bukan berkas.") from err
    except OSError as err:
        raise UnreadableFileError(f"Berkas {path} tidak dapat dibaca: {err.strerror}.") from err


def read_source(source: Source, filename: str | None = None) -> tuple[bytes, str]:
    """The bytes of ``source`` and the name to call it by (``filename`` wins)."""
    data, name = _read_bytes(source)
    return data, filename or name


def _is_image(data: bytes) -> bool:
    # A BMP starts with "BM", its size, then four reserved zero bytes (a CSV may start with "BMN").
    bitmap = data.startswith(b"BM") and data[6:10] == b"\x00\x00\x00\x00"
    return data.startswith(_IMAGES) or bitmap or data[4:12] in (b"ftypheic", b"ftypavif")


def is_encrypted_ole(data: bytes, name: str) -> bool:
    """An OLE file holding an encrypted workbook (an .xlsx with a password is stored this way)."""
    marks = ("EncryptionInfo".encode(_UTF16), "EncryptedPackage".encode(_UTF16))
    return any(mark in data for mark in marks) or name.lower().endswith((".xlsx", ".xlsm"))


def encrypted_message(name: str) -> str:
    return (
        f"{name} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Lindungi Buku Kerja › "
        "Enkripsi dengan Kata Sandi, kosongkan), simpan sebagai .xlsx, lalu unggah lagi."
    )


def sniff(data: bytes, name: str) -> Container:
    """What the bytes are: a zip (xlsx, ods), an OLE file (xls) or text (csv).

    Raises :class:`UnreadableFileError` with an Indonesian message for PDFs, images and
    password-protected workbooks (named .xlsx or not), :class:`EmptyDataError` for an empty file.
    """
    head = data[:8]
    if not data.strip():
        raise EmptyDataError(f"{name} kosong (0 byte isi). Pilih berkas yang berisi data.")
    if head.startswith(b"%PDF"):
        raise UnreadableFileError(
            f"{name} adalah dokumen PDF, bukan lembar kerja. Unggah berkas Excel (.xlsx) atau .csv "
            "hasil unduhan aplikasi (SAKTI/SIMAK BMN), bukan hasil cetaknya."
        )
    if _is_image(data):
        raise UnreadableFileError(
            f"{name} adalah gambar, bukan lembar kerja. Unggah berkas Excel (.xlsx) atau .csv berisi tabelnya."
        )
    if head.startswith((ZIP, ZIP_EMPTY)):
        return "zip"
    if head.startswith(OLE):
        if is_encrypted_ole(data, name):
            raise UnreadableFileError(encrypted_message(name))
        return "ole"
    return "text"


def _decode(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:1000]:
        # UTF-16 without a BOM: every other byte of ASCII text is zero.
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _sniff_delimiter(text: str) -> str:
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    best, best_score = ",", (-1, -1)
    for delim in (";", ",", "\t", "|"):
        counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
        wide = [c for c in counts if c > 1]
        if not wide:
            continue
        mode = max(set(wide), key=wide.count)
        score = (wide.count(mode), mode)
        if score > best_score:
            best, best_score = delim, score
    return best


def load_grids(source: Source, filename: str | None = None) -> list[Grid]:
    """Open a spreadsheet or CSV and return the cells of every sheet.

    Raises :class:`UnreadableFileError` with an Indonesian message for PDFs, images, encrypted
    or corrupt workbooks and missing files.
    """
    data, name = _read_bytes(source)
    name = filename or name
    container = sniff(data, name)
    if container == "text":
        text = _decode(data, name)
        delimiter = _sniff_delimiter(text)
        rows: Sequence[Sequence[object]] = [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]
        return [Grid(name, Path(name).stem, rows)]
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        grids = [
            Grid(
                name,
                sheet_name,
                workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False),
                data if container == "zip" else None,
            )
            for sheet_name in workbook.sheet_names
        ]
    except (CalamineError, ValueError, OSError) as err:
        raise UnreadableFileError(
            f"{name} tidak dapat dibuka sebagai lembar kerja (rusak atau bukan format xlsx/xls/ods/csv). "
            "Simpan ulang dari Excel sebagai .xlsx lalu coba lagi."
        ) from err
    except Exception as err:  # calamine raises its own panics for malformed archives
        raise UnreadableFileError(f"{name} rusak dan tidak dapat dibaca ({type(err).__name__}).") from err
    return grids
