"""Templates read back to their example row; kinds, satker and year are detected from the file."""

from __future__ import annotations

import io

import openpyxl
import pytest

from lakip_core.intake.inspection import inspect_bytes
from lakip_core.intake.kinds import KINDS, kind_name
from lakip_core.presentation.previews import PREVIEW_COLUMNS
from lakip_core.presentation.templates import TEMPLATES, template_bytes
from lakip_core.reading.tables import read_tables
from tests.intake_helpers import SAMPLE, SATKER


@pytest.mark.parametrize("kind", list(KINDS))
def test_template_reads_back_to_its_example_row(kind: str) -> None:
    data = template_bytes(kind, 2025)
    (table,) = read_tables(data, KINDS[kind].spec, "templat.xlsx")
    assert table.sheet == "Data" and table.header_row == 4 and len(table.data) == 1
    assert set(table.mapping) == {c.name for c in TEMPLATES[kind]}  # every header maps to its column
    inspection = inspect_bytes(data, f"templat-{kind}.xlsx")
    assert (inspection.kind, inspection.kind_detected, inspection.year) == (kind, True, 2025)
    assert inspection.detected_satker == "KPU Kabupaten Contoh"
    assert inspection.ok and inspection.findings == ()
    assert set(PREVIEW_COLUMNS[kind]) <= set(inspection.rows().columns)
    guide = openpyxl.load_workbook(io.BytesIO(data))["Petunjuk"]
    headers = [row[0].value for row in guide.iter_rows(min_row=5, max_row=4 + len(TEMPLATES[kind]))]
    assert headers == [c.header for c in TEMPLATES[kind]]


@pytest.mark.parametrize(
    ("name", "kind", "rows"),
    [
        ("indikator_kinerja_2024.xlsx", "indicators", 62),
        ("anggaran_2024.xlsx", "budget", 7),
        ("aset_bmn_2024.xlsx", "assets", 96),
        ("pegawai_2024.xlsx", "staff", 28),
    ],
)
def test_sample_files_are_recognised(name: str, kind: str, rows: int) -> None:
    inspection = inspect_bytes((SAMPLE / name).read_bytes(), name)
    assert (inspection.kind, inspection.row_count, inspection.year) == (kind, rows, 2024)
    assert inspection.detected_satker == SATKER  # "... SELATAN TAHUN 2024" stops before TAHUN
    assert inspection.ok


def test_kind_names() -> None:
    assert [kind_name(k) for k in ("Anggaran", "budget", " aset ", "pegawai", "indikator")] == [
        "budget",
        "budget",
        "assets",
        "staff",
        "indicators",
    ]
    with pytest.raises(Exception, match="tidak dikenal"):
        kind_name("keuangan")
