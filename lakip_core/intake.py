"""Intake of uploaded files: check the container, parse in a child process with limits, preview.

An uploaded workbook is never opened by the server process itself before a child process has
read it within limits: some files abort the reader outright (a sheet with one cell at A1 and one
at XFD1048576 makes calamine allocate 512 GiB and abort the whole process), others expand to
gigabytes (zip bombs) or carry XML entity tricks. :func:`inspect_upload` therefore runs
``python -m lakip_core.intake`` with an address-space limit, a CPU-time limit, no core dumps and
a wall-clock timeout; the child checks the container (:func:`check_container`), reads the tables,
builds the report of that one dataset and sends back a JSON :class:`Inspection`. Whatever happens
in the child, the parent gets an Indonesian message (:class:`RejectedFileError`), never a crash.

The web page and ``python -m lakip_core import`` both go through :func:`inspect_upload`.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import signal
import subprocess
import sys
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from . import assets as assets_mod
from . import budget as budget_mod
from . import indicators as indicators_mod
from . import staff as staff_mod
from .errors import EmptyDataError, LakipError
from .findings import Finding
from .reading import FILE, DatasetSpec, Grid, Table, find_tables, load_grids
from .report import Report, detect_satker, detect_year, summary_dict
from .settings import Settings

PARSER_VERSION = f"lakip_core {__version__}"
MIB = 1024 * 1024


class RejectedFileError(LakipError):
    """The file was refused before or while reading it; ``str(err)`` says why and what to do."""


@dataclass(frozen=True)
class Kind:
    """One kind of dataset: internal name (``budget``), Indonesian name (``anggaran``), label, spec."""

    name: str
    slug: str
    label: str
    spec: DatasetSpec


KINDS: dict[str, Kind] = {
    "indicators": Kind("indicators", "indikator", "Indikator kinerja", indicators_mod.SPEC),
    "budget": Kind("budget", "anggaran", "Anggaran (pagu dan realisasi)", budget_mod.SPEC),
    "assets": Kind("assets", "aset", "Aset BMN", assets_mod.SPEC),
    "staff": Kind("staff", "pegawai", "Pegawai", staff_mod.SPEC),
}
# Parsed-row columns shown in previews and version views, with their Indonesian headers.
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
}
_KIND_ALIASES = {**{k.slug: k.name for k in KINDS.values()}, **{k.name: k.name for k in KINDS.values()}}
# Findings that mean a value could not be read at all: they block storing (listed as problems).
BLOCKING_CODES = frozenset({"AMOUNT_NOT_NUMBER"})


def kind_name(text: str) -> str:
    """``anggaran`` / ``budget`` → ``budget``; raises :class:`LakipError` for an unknown kind."""
    key = text.strip().lower()
    if key not in _KIND_ALIASES:
        names = ", ".join(k.slug for k in KINDS.values())
        raise LakipError(f"Jenis data '{text}' tidak dikenal. Pilih salah satu: {names}.")
    return _KIND_ALIASES[key]


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


@dataclass(frozen=True)
class Problem:
    """A reason the file cannot be stored as it is, with its place in the sheet when known."""

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


@dataclass(frozen=True)
class TableLayout:
    """What the reader detected in one sheet: header row, column mapping, unit multiplier."""

    sheet: str
    header_row: int
    mapping: dict[str, str]
    multiplier: int
    unmapped: tuple[str, ...]
    title: tuple[str, ...]
    rows: int
    total_rows: int


@dataclass(frozen=True)
class Inspection:
    """Everything the preview shows and the store keeps about one uploaded file."""

    filename: str
    kind: str
    kind_detected: bool
    sha256: str
    size: int
    year: int
    detected_year: int | None
    detected_satker: str | None
    layout: tuple[TableLayout, ...]
    rows_json: str
    row_count: int
    problems: tuple[Problem, ...]
    findings: tuple[Finding, ...]
    summary: dict[str, Any]
    notes: tuple[str, ...] = ()
    parser_version: str = PARSER_VERSION
    content: bytes = field(default=b"", repr=False)

    @property
    def ok(self) -> bool:
        """True when nothing blocks storing the file."""
        return not self.problems

    def rows(self) -> pd.DataFrame:
        """The parsed rows (the dataset's normalised frame, with ``_sheet`` and ``_row``)."""
        return rows_frame(self.rows_json)

    def layout_json(self) -> str:
        return json.dumps([_layout_dict(t) for t in self.layout], ensure_ascii=False)


def rows_frame(rows_json: str) -> pd.DataFrame:
    """Rebuild a parsed-rows frame from its stored JSON (``orient="split"``), values as stored."""
    return pd.read_json(io.StringIO(rows_json), orient="split", dtype=False)


def layouts_from_json(text: str) -> tuple[TableLayout, ...]:
    return tuple(
        TableLayout(**{**item, "unmapped": tuple(item["unmapped"]), "title": tuple(item["title"])})
        for item in json.loads(text)
    )


def _layout_dict(layout: TableLayout) -> dict[str, Any]:
    return {
        "sheet": layout.sheet,
        "header_row": layout.header_row,
        "mapping": layout.mapping,
        "multiplier": layout.multiplier,
        "unmapped": list(layout.unmapped),
        "title": list(layout.title),
        "rows": layout.rows,
        "total_rows": layout.total_rows,
    }


# --- container checks (run in the child) -------------------------------------------------------

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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


def _cell_count_text(cells: int) -> str:
    from .numbers import format_number

    return format_number(cells)


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
    if not data.strip():
        raise EmptyDataError(f"{name} kosong (0 byte isi). Pilih berkas yang berisi data.")
    head = data[:8]
    if head.startswith(b"%PDF"):
        raise RejectedFileError(
            f"{name} adalah dokumen PDF, bukan lembar kerja. Unggah berkas Excel (.xlsx) atau .csv "
            "hasil unduhan aplikasi (SAKTI/SIMAK BMN), bukan hasil cetaknya."
        )
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"BM", b"RIFF")) or data[4:12] in (
        b"ftypheic",
        b"ftypavif",
    ):
        raise RejectedFileError(
            f"{name} adalah gambar, bukan lembar kerja. Unggah berkas Excel (.xlsx) atau .csv berisi tabelnya."
        )
    if head.startswith(_ZIP) or head.startswith(b"PK\x05\x06"):
        notes += _check_zip(data, name, limits)
    elif head.startswith(_OLE):
        notes += _check_ole(data, name)
    return notes


def _check_ole(data: bytes, name: str) -> list[str]:
    if "EncryptionInfo".encode(_UTF16) in data or "EncryptedPackage".encode(_UTF16) in data:
        raise RejectedFileError(
            f"{name} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Lindungi Buku Kerja › "
            "Enkripsi dengan Kata Sandi, kosongkan), simpan sebagai .xlsx, lalu unggah lagi."
        )
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
                raise RejectedFileError(
                    f"{name} dilindungi kata sandi. Hapus kata sandinya di Excel, simpan sebagai .xlsx, "
                    "lalu unggah lagi."
                ) from err
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
                f"({_cell_count_text(cells)} sel), melebihi batas {_cell_count_text(limits.max_cells)} sel. "
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


# --- reading (run in the child) -----------------------------------------------------------------


def _detect_kind(grids: Sequence[Grid]) -> tuple[str, list[Table]]:
    """The kind whose header matches the most columns; raises when no kind fits."""
    best: tuple[int, str, list[Table]] | None = None
    for kind in KINDS.values():
        try:
            tables = find_tables(grids, kind.spec)
        except LakipError:
            continue
        score = sum(len(t.mapping) for t in tables)
        if best is None or score > best[0]:
            best = (score, kind.name, tables)
    if best is None:
        expected = "; ".join(
            f"{k.slug}: " + ", ".join(c.label or c.name for c in k.spec.columns if c.required) for k in KINDS.values()
        )
        raise RejectedFileError(
            "Jenis data tidak dapat dikenali: tidak ada baris judul kolom yang cocok. Pilih jenis data secara "
            f"manual atau gunakan templat. Kolom wajib per jenis — {expected}."
        )
    return best[1], best[2]


def tables_report(kind: str, tables: list[Table], settings: Settings, satker: str | None = None) -> Report:
    """A :class:`Report` holding one dataset read from ``tables`` (the other datasets absent)."""
    return _report(dict.fromkeys([kind], tables), settings, satker)


def _report(tables: Mapping[str, list[Table]], settings: Settings, satker: str | None) -> Report:
    return Report(
        settings=settings,
        indicators=indicators_mod.from_tables(tables["indicators"]) if "indicators" in tables else None,
        budget=budget_mod.from_tables(tables["budget"]) if "budget" in tables else None,
        assets=assets_mod.from_tables(tables["assets"], settings) if "assets" in tables else None,
        staff=staff_mod.from_tables(tables["staff"], settings) if "staff" in tables else None,
        satker=satker,
    )


def build_report(sources: Mapping[str, tuple[bytes, str]], year: int, satker: str | None = None) -> Report:
    """Read stored files (kind → (bytes, filename)) into one :class:`Report` for ``year``.

    The same reading as :func:`lakip_core.report.load_report` on files of those names, so the
    figures and findings (file names included) are the same.
    """
    tables = {
        kind: find_tables(load_grids(data, filename), KINDS[kind].spec) for kind, (data, filename) in sources.items()
    }
    return _report(tables, Settings(year=year), satker)


def _dataset(report: Report, kind: str) -> Any:
    return {"indicators": report.indicators, "budget": report.budget, "assets": report.assets, "staff": report.staff}[
        kind
    ]


def inspect_bytes(
    data: bytes, filename: str, kind: str | None = None, year: int | None = None, limits: Limits = DEFAULT_LIMITS
) -> Inspection:
    """Check and read one file in this process (the child's work; callers use :func:`inspect_upload`).

    Raises :class:`LakipError` subclasses with an Indonesian message for files that cannot be read.
    Problems that block storing but still let the file be previewed (text in amount columns) are
    returned in :attr:`Inspection.problems`.
    """
    notes = check_container(data, filename, limits)
    grids = load_grids(data, filename)
    if not any(any(cell not in (None, "") for cell in row) for grid in grids for row in grid.rows):
        raise EmptyDataError(
            f"Semua lembar di {filename} kosong. Isi tabelnya (atau gunakan templat), lalu unggah lagi."
        )
    if kind is None:
        kind, tables = _detect_kind(grids)
        detected = True
    else:
        kind, detected = kind_name(kind), False
        tables = find_tables(grids, KINDS[kind].spec)
    if not any(len(t.data) for t in tables):
        where = ", ".join(f"lembar {t.sheet} baris {t.header_row}" for t in tables)
        raise EmptyDataError(
            f"{filename} hanya berisi judul kolom ({where}) tanpa baris data di bawahnya. "
            "Isi datanya di bawah baris judul kolom, lalu unggah lagi."
        )
    found_year, satker = detect_year(tables), detect_satker(tables)
    settings = Settings(year=year or found_year or Settings().year)
    report = tables_report(kind, tables, settings, satker)
    dataset = _dataset(report, kind)
    frame: pd.DataFrame = dataset.frame
    findings = report.findings
    problems = tuple(
        Problem(f.message, sheet=f.sheet, row=f.row, column=None) for f in findings if f.code in BLOCKING_CODES
    )
    layout = tuple(
        TableLayout(
            sheet=t.sheet,
            header_row=t.header_row,
            mapping=dict(t.mapping),
            multiplier=t.multiplier,
            unmapped=t.unmapped,
            title=t.title,
            rows=len(t.data),
            total_rows=len(t.totals),
        )
        for t in tables
    )
    rows = frame.drop(columns=[FILE], errors="ignore")
    return Inspection(
        filename=filename,
        kind=kind,
        kind_detected=detected,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        year=settings.year,
        detected_year=found_year,
        detected_satker=satker,
        layout=layout,
        rows_json=rows.to_json(orient="split", index=False, date_format="iso", default_handler=str),
        row_count=len(rows),
        problems=problems,
        findings=tuple(f for f in findings if f.code not in BLOCKING_CODES),
        summary=summary_dict(report),
        notes=tuple(notes),
        content=data,
    )


# --- the child process ---------------------------------------------------------------------------


def _inspection_to_json(inspection: Inspection) -> str:
    head = {
        "ok": True,
        "filename": inspection.filename,
        "kind": inspection.kind,
        "kind_detected": inspection.kind_detected,
        "sha256": inspection.sha256,
        "size": inspection.size,
        "year": inspection.year,
        "detected_year": inspection.detected_year,
        "detected_satker": inspection.detected_satker,
        "layout": [_layout_dict(t) for t in inspection.layout],
        "row_count": inspection.row_count,
        "problems": [p.__dict__ for p in inspection.problems],
        "findings": [f.to_dict() for f in inspection.findings],
        "summary": inspection.summary,
        "notes": list(inspection.notes),
        "parser_version": inspection.parser_version,
    }
    return json.dumps(head, ensure_ascii=False, default=str) + "\n" + inspection.rows_json


def _inspection_from_json(text: str, content: bytes) -> Inspection:
    head_text, _, rows_json = text.partition("\n")
    head = json.loads(head_text)
    return Inspection(
        filename=head["filename"],
        kind=head["kind"],
        kind_detected=head["kind_detected"],
        sha256=head["sha256"],
        size=head["size"],
        year=head["year"],
        detected_year=head["detected_year"],
        detected_satker=head["detected_satker"],
        layout=layouts_from_json(json.dumps(head["layout"])),
        rows_json=rows_json,
        row_count=head["row_count"],
        problems=tuple(Problem(**p) for p in head["problems"]),
        findings=tuple(Finding(**f) for f in head["findings"]),
        summary=head["summary"],
        notes=tuple(head["notes"]),
        parser_version=head["parser_version"],
        content=content,
    )


def _address_space() -> int:
    """Current virtual memory size of this process in bytes (0 when /proc is unavailable)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _apply_limits(limits: Limits) -> None:
    import resource

    memory = _address_space() + limits.memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def _child_main() -> int:
    header = json.loads(sys.stdin.buffer.readline())
    data = sys.stdin.buffer.read(int(header["size"]))
    limits = Limits(**header["limits"])
    _apply_limits(limits)
    try:
        inspection = inspect_bytes(data, header["filename"], header["kind"], header["year"], limits)
        text = _inspection_to_json(inspection)
    except LakipError as err:
        text = json.dumps({"ok": False, "error": str(err)}, ensure_ascii=False)
    except MemoryError:
        text = json.dumps({"ok": False, "error": "memory"})
    except RecursionError:
        text = json.dumps({"ok": False, "error": "broken"})
    except BaseException as err:  # calamine's PanicException is a BaseException
        text = json.dumps({"ok": False, "error": "broken", "detail": type(err).__name__})
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
    return 0


def _memory_message(filename: str, limits: Limits) -> str:
    return (
        f"{filename} terlalu berat untuk dibaca (melebihi batas memori {limits.memory_bytes // MIB} MB). Biasanya ada "
        "isi atau format tersasar jauh di luar tabel, atau lembarnya sangat besar: hapus baris/kolom kosong di luar "
        "tabel atau pisahkan datanya, simpan sebagai .xlsx, lalu unggah lagi."
    )


def _broken_message(filename: str) -> str:
    return (
        f"{filename} tidak dapat dibaca: berkas rusak atau bukan lembar kerja yang sah. Buka di Excel, simpan ulang "
        "sebagai .xlsx, lalu unggah lagi."
    )


def inspect_upload(
    data: bytes,
    filename: str,
    kind: str | None = None,
    year: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Inspection:
    """Check and read an uploaded file in a child process with memory and time limits.

    ``kind`` ``None`` = detect it from the header. Raises :class:`LakipError` (usually
    :class:`RejectedFileError`) with an Indonesian message when the file is refused, when reading
    it crashes the child, or runs out of memory or time. The caller's process is never at risk.
    """
    filename = Path(filename or "unggahan").name or "unggahan"
    if len(data) > limits.max_bytes:
        check_container(data, filename, limits)  # raises the size message
    header = {
        "filename": filename,
        "kind": kind_name(kind) if kind else None,
        "year": year,
        "size": len(data),
        "limits": limits.__dict__,
    }
    env = {
        **os.environ,
        "OPENBLAS_NUM_THREADS": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "RUST_BACKTRACE": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    payload = json.dumps(header).encode() + b"\n" + data
    try:
        result = subprocess.run(
            [sys.executable, "-m", "lakip_core.intake"],
            input=payload,
            capture_output=True,
            timeout=limits.wall_seconds,
            env=env,
            cwd=root,
            check=False,
        )
    except subprocess.TimeoutExpired as err:
        raise RejectedFileError(
            f"Pembacaan {filename} melebihi batas waktu {limits.wall_seconds:.0f} detik dan dihentikan. Periksa "
            "apakah berkasnya memang sebesar itu; pisahkan datanya bila perlu, lalu unggah lagi."
        ) from err
    if result.returncode != 0 or not result.stdout:
        if result.returncode in (-signal.SIGXCPU, -signal.SIGKILL) and b"MemoryError" not in result.stderr:
            raise RejectedFileError(
                f"Pembacaan {filename} melebihi batas waktu proses ({limits.cpu_seconds} detik) dan dihentikan."
            )
        if result.returncode == -signal.SIGABRT or b"memory" in result.stderr.lower():
            raise RejectedFileError(_memory_message(filename, limits))
        raise RejectedFileError(_broken_message(filename))
    text = result.stdout.decode("utf-8")
    if text.startswith('{"ok": false'):
        error = json.loads(text)["error"]
        if error == "memory":
            raise RejectedFileError(_memory_message(filename, limits))
        if error == "broken":
            raise RejectedFileError(_broken_message(filename))
        raise RejectedFileError(error)
    return _inspection_from_json(text, data)


if __name__ == "__main__":
    raise SystemExit(_child_main())
