"""Shared helpers for the core tests: small hand-built files written into ``tmp_path``.

The helpers write real files (xlsx through openpyxl, csv in a given encoding) so that every test
goes through the same reader the dashboard and the CLI use.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from lakip_core.analysis.report import Report
from lakip_core.rules.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DIR = REPO / "sample_data"
SAMPLE_FILES = sorted(SAMPLE_DIR.glob("*.xlsx"))
SAMPLE_INDICATORS = SAMPLE_DIR / "indikator_kinerja_2024.xlsx"
SAMPLE_ANALYSIS = SAMPLE_DIR / "analisis_sasaran_2024.xlsx"  # Bab III B: a second indicator document
SAMPLE_PLANNING = SAMPLE_DIR / "perencanaan_kinerja_2024.xlsx"  # Tabel 1.9 (targets), 1.10, 1.12
# The dashboard's sample indicator documents (ui/common.sample_report): the office mean comes from the
# first one's Capaian Kinerja sheet; the others are shown apart and compared with it.
SAMPLE_INDICATOR_DOCS = [SAMPLE_INDICATORS, SAMPLE_ANALYSIS, SAMPLE_PLANNING]
SAMPLE_BUDGET = SAMPLE_DIR / "anggaran_2024.xlsx"
SAMPLE_ASSETS = SAMPLE_DIR / "aset_bmn_2024.xlsx"
SAMPLE_STAFF = SAMPLE_DIR / "pegawai_2024.xlsx"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests are slow tests: ``-m "not slow"`` leaves them out with the others."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)


Rows = Sequence[Sequence[object]]


def write_xlsx(path: Path, sheets: Mapping[str, Rows], number_formats: Mapping[str, str] | None = None) -> Path:
    """Write one worksheet per entry of ``sheets`` (rows as lists; ``None`` = empty cell)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cell_ref, number_format in (number_formats or {}).items():
            sheet[cell_ref].number_format = number_format
    workbook.save(path)
    return path


def write_csv(path: Path, rows: Rows, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    """Write ``rows`` as CSV text in ``encoding`` (``utf-8-sig`` gives a BOM, ``utf-16`` a BOM too)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(
        ["" if cell is None else cell for cell in row] for row in rows
    )
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.fixture
def xlsx(tmp_path: Path) -> Callable[..., Path]:
    """``xlsx(rows)`` or ``xlsx({"Sheet": rows, ...}, name="x.xlsx")`` → path of a real workbook."""

    def make(sheets: Rows | Mapping[str, Rows], name: str = "data.xlsx", **kwargs: object) -> Path:
        if not isinstance(sheets, Mapping):
            sheets = {"Data": sheets}
        return write_xlsx(tmp_path / name, sheets, **kwargs)  # type: ignore[arg-type]

    return make


@pytest.fixture
def csv_file(tmp_path: Path) -> Callable[..., Path]:
    """``csv_file(rows, encoding=..., delimiter=..., name=...)`` → path of a real CSV file."""

    def make(rows: Rows, encoding: str = "utf-8", delimiter: str = ",", name: str = "data.csv") -> Path:
        return write_csv(tmp_path / name, rows, encoding, delimiter)

    return make


@pytest.fixture(scope="session")
def sample_report() -> Report:
    """The dashboard's sample (the four datasets; three indicator documents), read once per run: a
    Report is frozen, so tests share it (``with_settings`` gives a new one)."""
    from lakip_core import load_report

    return load_report(SAMPLE_INDICATOR_DOCS, SAMPLE_BUDGET, SAMPLE_ASSETS, SAMPLE_STAFF)


@pytest.fixture
def settings() -> Settings:
    """The defaults, for the 2024 report (ages at 31 December 2024)."""
    return Settings(year=2024, report_date=date(2024, 12, 31))


BUDGET_HEADER = ["Kode", "Uraian", "Pagu", "Realisasi"]


def pytest_configure(config: pytest.Config) -> None:
    """Never touch a developer's real ``data/`` store: every test run starts from an empty one.

    Tests that need their own store still set ``LAKIP_DATA_DIR`` with monkeypatch; the app servers
    the browser tests start inherit this environment.
    """
    import os
    import tempfile

    os.environ["LAKIP_DATA_DIR"] = tempfile.mkdtemp(prefix="lakip-test-data-")
    os.environ.pop("LAKIP_DB_URL", None)
    os.environ.pop("LAKIP_PUBLIC_READ", None)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian chromium for the browser tests: skipped locally without it, a failure in CI."""
    import os

    from tests.browser import chromium_path, start_browser

    if chromium_path() is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; CI must run the browser tests (see .ci/run)")
        pytest.skip("chromium not installed (apt-get install chromium)")
    with start_browser() as instance:
        yield instance
