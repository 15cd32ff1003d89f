"""Bad and hostile files: each gets a clear Indonesian message, the process survives, the store is unchanged.

Every file is generated here. They all go through ``Store.import_file`` (the path of the upload page
and of ``python -m lakip_core import``), which reads them in a child process with limits. The
child processes run a few at a time (one fixture) to keep the suite fast.
"""

from __future__ import annotations

import io
import os
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest

from lakip_core.errors import LakipError
from lakip_core.intake.sandbox import inspect_upload
from lakip_core.intake.security import DEFAULT_LIMITS, MIB, check_container
from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM
from tests.intake_helpers import SAMPLE, SATKER, budget_rows, budget_xlsx, data_state, rewrite_member, xlsx_bytes

pytestmark = pytest.mark.slow  # every case reads its file in a sandboxed child process

GOOD = budget_xlsx([900_000_000, 450_000_000])
SHEET = "xl/worksheets/sheet1.xml"
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _pdf() -> bytes:
    return b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(200)


def _encrypted() -> bytes:
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    OOXMLFile(io.BytesIO(GOOD)).encrypt("sandi-rahasia", out)
    return out.getvalue()


def _legacy_xls() -> bytes:
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Anggaran")
    for r, row in enumerate(budget_rows([250_000_000])):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _macro() -> bytes:
    return rewrite_member(
        GOOD, SHEET, zipfile.ZipFile(io.BytesIO(GOOD)).read(SHEET), {"xl/vbaProject.bin": b"\xcc" * 512}
    )


def _corrupt() -> bytes:
    # Damage the compressed sheet data in the middle of the archive: the CRC no longer matches.
    data = bytearray(GOOD)
    info = zipfile.ZipFile(io.BytesIO(GOOD)).getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size - 2, 60)):
        data[i] ^= 0x5A
    return bytes(data)


def _empty_sheet() -> bytes:
    workbook = openpyxl.Workbook()
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _formulas() -> bytes:
    rows = budget_rows([100, 200])
    rows.append(["", "", "JUMLAH", "=SUM(D5:D6)", "=SUM(E5:E6)"])
    rows[4][4] = "=D5*0.9"  # realisasi as a formula: openpyxl stores no cached value
    return xlsx_bytes(rows)


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(GOOD)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == SHEET:
                with target.open(SHEET, "w", force_zip64=True) as stream:
                    stream.write(f"<worksheet {NS}><sheetData>".encode())
                    chunk = b" " * MIB
                    for _ in range(60):  # 60 MB of whitespace compress to ~60 KB
                        stream.write(chunk)
                    stream.write(b"</sheetData></worksheet>")
            else:
                target.writestr(info.filename, source.read(info.filename))
    return out.getvalue()


def _far_cells(declared: str) -> bytes:
    sheet = (
        f'<worksheet {NS}><dimension ref="{declared}"/><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Pagu</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    return rewrite_member(GOOD, SHEET, sheet.encode())


def _entities() -> bytes:
    dtd = '<!DOCTYPE worksheet [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    dtd += '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
    sheet = (
        f'<?xml version="1.0"?>{dtd}<worksheet {NS}><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Pagu</t></is></c><c r="B1" t="inlineStr"><is><t>Realisasi</t></is>'
        '</c></row><row r="2"><c r="A2" t="inlineStr"><is><t>&d;</t></is></c></row></sheetData></worksheet>'
    )
    return rewrite_member(GOOD, SHEET, sheet.encode())


def _external_entity() -> bytes:
    sheet = (
        f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet {NS}><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData></worksheet>'
    )
    return rewrite_member(GOOD, SHEET, sheet.encode())


# name, bytes, kind, words the message must contain
CASES: dict[str, tuple[str, bytes, str | None, tuple[str, ...]]] = {
    "pdf_renamed": ("laporan.xlsx", _pdf(), None, ("PDF", "bukan lembar kerja")),
    "image_renamed": ("foto.xlsx", _png(), "anggaran", ("gambar", "bukan lembar kerja")),
    "password_protected": ("terkunci.xlsx", _encrypted(), "anggaran", ("kata sandi", "simpan")),
    "macro_enabled": ("makro.xlsm", _macro(), "anggaran", ("makro", ".xlsx")),
    "macro_inside_xlsx": ("makro.xlsx", _macro(), "anggaran", ("makro",)),
    "truncated_zip": ("terpotong.xlsx", GOOD[: len(GOOD) // 2], "anggaran", ("rusak", "terpotong")),
    "corrupt_zip": ("rusak.xlsx", _corrupt(), "anggaran", ("rusak",)),
    "empty_workbook": ("kosong.xlsx", _empty_sheet(), "anggaran", ("kosong",)),
    "zero_bytes": ("nol.csv", b"", "anggaran", ("kosong",)),
    "header_only": (
        "judul.xlsx",
        xlsx_bytes(budget_rows([])),
        "anggaran",
        ("hanya berisi judul kolom", "baris 4", "tanpa baris data"),
    ),
    "missing_columns": (
        "kurang.xlsx",
        xlsx_bytes([["Kode", "Uraian", "Pagu Anggaran"], ["3355", "Keuangan", 100]]),
        "anggaran",
        ("Kolom wajib tidak ditemukan", "Realisasi", "'Pagu Anggaran'"),
    ),
    "duplicate_columns": (
        "ganda.xlsx",
        xlsx_bytes([["Uraian", "Pagu", "Pagu Anggaran", "Realisasi"], ["Keuangan", 1, 2, 3]]),
        "anggaran",
        ("muncul dua kali", "Pagu"),
    ),
    "text_in_amounts": (
        "teks.xlsx",
        budget_xlsx([900_000_000, "sembilan ratus juta", 5, "belum cair"]),  # type: ignore[list-item]
        "anggaran",
        ("2 masalah", "baris 6", "baris 8", "sembilan ratus juta", "belum cair"),
    ),
    "formulas_without_values": ("rumus.xlsx", _formulas(), "anggaran", ("rumus tanpa nilai tersimpan", "E5", "D7")),
    "zip_bomb": ("bom.xlsx", _zip_bomb(), "anggaran", ("zip bomb",)),
    "huge_dimension": (
        "luas.xlsx",
        _far_cells("A1:XFD1048576"),
        "anggaran",
        ("1048576", "kolom ke-16384", "hapus baris dan kolom kosong"),
    ),
    "far_cells_small_dimension": ("luas2.xlsx", _far_cells("A1:B2"), "anggaran", ("1048576",)),
    "xml_entity_expansion": ("entitas.xlsx", _entities(), "anggaran", ("DOCTYPE", "keamanan")),
    "xml_external_entity": ("eksternal.xlsx", _external_entity(), "anggaran", ("DOCTYPE",)),
    "docx_renamed": (
        "surat.xlsx",
        rewrite_member(GOOD, SHEET, zipfile.ZipFile(io.BytesIO(GOOD)).read(SHEET), {"word/document.xml": b"<w/>"}),
        "anggaran",
        ("dokumen Word",),
    ),
}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Store, dict[str, str], tuple]:
    """Import every case (a few child processes at a time) into one store holding one good version."""
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'lakip.db'}")
    store.import_file(SYSTEM, (SAMPLE / "anggaran_2024.xlsx").read_bytes(), "anggaran_2024.xlsx", None, SATKER, 2024)
    before = data_state(store)

    def attempt(case: str) -> str:
        name, data, kind, _ = CASES[case]
        try:
            store.import_file(SYSTEM, data, name, kind, SATKER, 2024)
        except LakipError as err:
            return str(err)
        return "DISIMPAN"

    with ThreadPoolExecutor(max_workers=3) as pool:
        results = dict(zip(CASES, pool.map(attempt, CASES), strict=True))
    return store, results, before


@pytest.mark.parametrize("case", list(CASES))
def test_bad_file_is_refused_with_a_clear_message(outcomes: tuple, case: str) -> None:
    _, results, _ = outcomes
    message = results[case]
    assert message != "DISIMPAN", f"{case} was stored"
    for words in CASES[case][3]:
        assert words.lower() in message.lower(), message
    assert "Traceback" not in message and "Error" not in message


def test_store_unchanged_after_every_bad_file(outcomes: tuple) -> None:
    store, results, before = outcomes
    assert data_state(store) == before
    assert store.integrity_check() == "ok"
    refused = [e for e in store.audit_entries() if e.action == "unggah-ditolak"]
    assert len(refused) == len(CASES)
    assert {e.detail["filename"] for e in refused} == {c[0] for c in CASES.values()}


def test_legacy_xls_is_read_with_a_note(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'lakip.db'}")
    inspection = inspect_upload(_legacy_xls(), "anggaran_lama.xls")
    assert inspection.kind == "budget"
    assert inspection.summary["budget"]["realized"] == 250_000_000
    assert any("Excel lama (.xls)" in note and "simpan ulang sebagai .xlsx" in note for note in inspection.notes)
    result = store.save(SYSTEM, inspection, SATKER, 2024)
    assert result.created


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    big = GOOD + b"\x00" * (DEFAULT_LIMITS.max_bytes + 1)
    with pytest.raises(LakipError, match="melebihi batas 20 MB"):
        inspect_upload(big, "besar.xlsx", "anggaran")


def test_child_memory_limit_protects_the_server() -> None:
    """With the cell-span check switched off, the reader aborts inside the child, not here."""
    limits = replace(DEFAULT_LIMITS, max_cells=10**13, memory_bytes=512 * MIB)
    with pytest.raises(LakipError, match="terlalu berat untuk dibaca"):
        inspect_upload(_far_cells("A1:B2"), "luas.xlsx", "anggaran", limits=limits)
    # This process is still here and still reads good files.
    assert inspect_upload(GOOD, "baik.xlsx").summary["budget"]["allocation"] == 2_000_000_000


def test_child_time_limit() -> None:
    limits = replace(DEFAULT_LIMITS, wall_seconds=0.05)
    with pytest.raises(LakipError, match="batas waktu"):
        inspect_upload(GOOD, "lambat.xlsx", "anggaran", limits=limits)


def test_ratio_check_does_not_refuse_ordinary_workbooks(tmp_path: Path) -> None:
    """The sample workbooks and one of each real export layout (a 2,000-row GLP039 compresses well)
    pass the container checks. The list is checked too: an empty glob would check nothing."""
    from tests.real_exports.__main__ import main as write_real_exports

    assert write_real_exports([str(tmp_path), "--rows", "2000"]) == 0
    paths = sorted(SAMPLE.glob("*.xlsx")) + sorted(tmp_path.glob("*.xlsx")) + sorted(tmp_path.glob("*.csv"))
    names = {p.name for p in paths}
    assert {"anggaran_2024.xlsx", "indikator_kinerja_2024.xlsx", "glp039_oktober_2025.xlsx", "d_item25.csv"} <= names
    assert len(paths) >= 17, names  # 7 sample workbooks, 10 real-export files
    for path in paths:
        assert check_container(path.read_bytes(), path.name) == [], path.name
