"""The upload preview's questions in the core: a file's satker (options, preselection, mismatch)
and columns that fit one field equally well (settled by a person's choice, refused by the CLI)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from lakip_core.analysis import budget
from lakip_core.intake.inspection import inspect_bytes
from lakip_core.intake.satker_choice import (
    SatkerOption,
    default_option,
    satker_mismatch,
    satker_options,
    stored_name,
)
from lakip_core.reading.grids import load_grids
from lakip_core.reading.mapping import make_layout
from lakip_core.reading.tables import find_tables
from tests.intake_helpers import xlsx_bytes
from tests.real_exports import adk_items, glp039

REPO = Path(__file__).resolve().parents[1]
TWIN = [
    ["ALOKASI ANGGARAN KPU KOTA JAKARTA SELATAN"],
    ["TAHUN ANGGARAN 2024"],
    [],
    ["Kode", "Uraian", "Pagu", "Pagu Anggaran", "Realisasi"],
    ["3355", "Kegiatan A", 1_000_000, 4_000_000, 900_000],
    ["3357", "Kegiatan B", 2_000_000, 6_000_000, 1_500_000],
]


def test_each_satker_of_an_adk_file_is_offered_with_its_rows_and_pagu(tmp_path: Path) -> None:
    expected = adk_items(tmp_path / "d_item25.csv", header=False, satkers=3, rows_per_satker=40, seed=4)
    whole = inspect_bytes(expected.path.read_bytes(), expected.path.name)
    options = satker_options(whole)
    assert [(o.code, o.rows, o.allocation) for o in options] == [
        (code, expected.items_per_satker[code], expected.per_satker[code]) for code in expected.per_satker
    ]
    code = next(iter(expected.per_satker))
    assert options[0].text() == (
        f"{code} · {expected.items_per_satker[code]} baris · pagu Rp "
        + f"{expected.per_satker[code]:,}".replace(",", ".")
    )
    narrowed = inspect_bytes(expected.path.read_bytes(), expected.path.name, satker=code)
    assert narrowed.narrowed_to == code and narrowed.summary["budget"]["allocation"] == expected.per_satker[code]
    assert [o.code for o in satker_options(narrowed)] == list(expected.per_satker)  # all still listed


def test_a_file_with_one_satker_asks_nothing(tmp_path: Path) -> None:
    expected = adk_items(tmp_path / "d_item25.csv", header=False, satkers=1, rows_per_satker=20, seed=1)
    assert satker_options(inspect_bytes(expected.path.read_bytes(), expected.path.name)) == []


OPTIONS = [SatkerOption("410389", "", 40, 1.0), SatkerOption("434873", "KPU Kota Bogor", 45, 2.0)]


@pytest.mark.parametrize(
    ("shown", "codes", "expected"),
    [
        ("KPU Kota Depok", {"KPU Kota Depok": "410389"}, "410389"),  # the shown satker's stored code
        ("kpu kota  bogor", {}, "434873"),  # the shown satker's name, as the file writes it
        ("KPU Kota Depok", {"KPU Kota Depok": "999999", "KPU Kota Bekasi": "434873"}, "434873"),  # the one stored
        (None, {"A": "410389", "B": "434873"}, None),  # two of them stored: the person chooses
        (None, {}, None),  # nothing known: the person chooses, never "all of them"
    ],
)
def test_preselected_only_when_the_dashboard_knows_the_office(
    shown: str | None, codes: dict[str, str], expected: str | None
) -> None:
    assert default_option(OPTIONS, shown, codes) == expected


def test_stored_name_of_a_code() -> None:
    assert stored_name("410389", {"KPU Lama": "410389", "KPU Baru": "410389"}) == "KPU Baru"
    assert stored_name("1", {"KPU Lama": "410389"}) is None and stored_name(None, {}) is None


def test_a_satker_mismatch_is_a_warning_in_plain_indonesian(tmp_path: Path) -> None:
    expected = glp039(tmp_path / "glp039.xlsx", rows=120, seed=3)
    inspection = inspect_bytes(expected.path.read_bytes(), expected.path.name)
    name, code = inspection.detected_satker, inspection.detected_satker_code
    assert name and code
    assert satker_mismatch(inspection, name, {name: code}) is None  # the same office
    assert satker_mismatch(inspection, name, {}) is None  # nothing stored yet, same name
    other = satker_mismatch(inspection, name, {name: "999999"})  # stored under another code
    assert other is not None and f"milik satker {code}" in other and "berkode 999999" in other
    assert "lanjutkan saja" in other  # offices are renamed: a warning, never a refusal
    renamed = satker_mismatch(inspection, "KPU Kota Lain", {})
    assert renamed is not None and f"'{name}'" in renamed and "'KPU Kota Lain'" in renamed
    assert satker_mismatch(inspection, "KPU Kota Lain", {"KPU Kota Lain": code}) is None  # renamed, same code
    assert satker_mismatch(inspection, "  ", {}) is None


def test_a_chosen_column_settles_the_ambiguity_and_is_read_through_a_layout() -> None:
    data = xlsx_bytes(TWIN)
    grids = load_grids(data, "kembar.xlsx")
    (table,) = find_tables(grids, budget.SPEC, {"allocation": "D"})
    (ambiguity,) = table.ambiguities
    assert (ambiguity.chosen, ambiguity.settled) == ("D", True)
    (ignored,) = find_tables(grids, budget.SPEC, {"allocation": "E"})  # not a candidate: still open
    assert (ignored.ambiguities[0].chosen, ignored.ambiguities[0].settled) == ("C", False)

    inspection = inspect_bytes(data, "kembar.xlsx", columns={"allocation": "D"})
    assert inspection.ok and inspection.summary["budget"]["allocation"] == 10_000_000
    assert inspection.ambiguities[0].settled
    assert inspection.layout_use is not None and inspection.layout_use.name == "Pilihan kolom: Pagu = kolom D"
    assert dict(inspection.layout_use.layout.columns)["D"] == "allocation"


def test_choices_on_two_sheets_are_taken_back_for_the_mapping_screen() -> None:
    book = openpyxl.Workbook()
    first = book.active
    assert first is not None
    first.title = "Satu"
    second = book.create_sheet("Dua")
    for sheet in (first, second):
        for row in TWIN[3:]:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    inspection = inspect_bytes(out.getvalue(), "dua.xlsx", year=2024, columns={"allocation": "D"})
    assert not inspection.ok and not any(a.settled for a in inspection.ambiguities)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lakip_core", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow  # two child processes
def test_summary_exits_2_on_twin_columns_unless_a_layout_settles_them(tmp_path: Path) -> None:
    path = tmp_path / "kembar.xlsx"
    path.write_bytes(xlsx_bytes(TWIN))
    result = cli("summary", "--budget", str(path), "--json")
    assert result.returncode == 2 and result.stdout == ""
    assert "Kolom Pagu muncul dua kali: 'Pagu' (kolom C) dan 'Pagu Anggaran' (kolom D)" in result.stderr
    assert "--layout" in result.stderr and "Traceback" not in result.stderr

    (grid,) = load_grids(path.read_bytes(), path.name)
    columns = {"A": "code", "B": "name", "D": "allocation", "E": "realized"}
    layout = tmp_path / "kembar.json"
    layout.write_text(make_layout("Kembar", "budget", grid, (4,), columns).to_json(), encoding="utf-8")
    result = cli("summary", "--budget", str(path), "--layout", str(layout), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["budget"]["allocation"] == 10_000_000
