"""Exports read back: xlsx (openpyxl), docx (python-docx), CSV; formula injection; the CLI."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import openpyxl
import pytest

from lakip_core import load_report
from lakip_core.cli.main import main
from lakip_core.presentation import export, export_images
from lakip_core.presentation.export_docx import to_docx
from lakip_core.presentation.export_images import chart_images, report_charts
from lakip_core.presentation.export_xlsx import report_xlsx, to_xlsx
from lakip_core.presentation.tables import indicator_table
from tests import golden
from tests.browser import chromium_path

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
INDICATORS = SAMPLE / "indikator_kinerja_2024.xlsx"
BUDGET = SAMPLE / "anggaran_2024.xlsx"
RISKY = ['=HYPERLINK("http://x","klik")', "+62 812", "@SUM(A1)", "-2+3", "\tTab", "\rCR"]


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return load_report([INDICATORS], budget=BUDGET)


@pytest.fixture
def risky_report(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Indicator and budget names that a spreadsheet would run as formulas."""
    path = tmp_path / "indikator.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi"])
        for i, text in enumerate(RISKY, start=1):
            writer.writerow([i, "=1+1 sasaran", text, "100%", "-"])
        writer.writerow([7, "=1+1 sasaran", "Biasa", "100%", "90%"])
    budget = tmp_path / "anggaran.csv"
    with budget.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Kode", "Kegiatan", "Pagu", "Realisasi"])
        writer.writerow(["3355", "=cmd|' /C calc'!A0", "1.000.000", "500.000"])
    return load_report([path], budget=budget, year=2024)


def sheet_rows(data: bytes, name: str) -> list[tuple[object, ...]]:
    return list(openpyxl.load_workbook(io.BytesIO(data))[name].iter_rows(min_row=6, values_only=True))


def test_xlsx_has_the_reports_tables_with_numbers_as_numbers(report) -> None:  # type: ignore[no-untyped-def]
    data = report_xlsx(report)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [
        "Ringkasan",
        "Capaian Indikator",
        "Capaian Sasaran",
        "Anggaran",
        "Capaian vs Anggaran",
        "Temuan",
    ]
    budget = book["Anggaran"]
    assert [c.value for c in budget[5]] == [
        "Kode",
        "Kegiatan",
        "Pagu (Rp)",
        "Realisasi (Rp)",
        "Penyerapan (%)",
        "Sisa (Rp)",
    ]
    total = next(row for row in budget.iter_rows(min_row=6) if row[1].value == "Jumlah")
    assert (total[2].value, total[3].value, total[5].value) == (
        golden.ALLOCATION.value,
        golden.REALIZED.value,
        golden.REMAINING.value,
    )
    assert round(total[4].value, 2) == golden.ABSORPTION.rounded
    assert total[2].number_format == '"Rp "#,##0' and total[4].number_format == '0.00"%"'
    assert total[1].font.bold
    first = next(budget.iter_rows(min_row=6))
    assert (first[0].value, first[0].data_type) == ("3355", "s")  # a code stays text
    indicators = sheet_rows(data, "Capaian Indikator")
    gaji = next(r for r in indicators if r[2] == "Pembayaran Gaji Pokok PNS")
    assert gaji[3:] == ("100%", "99,61%", "%", 99.61, "Sangat Tinggi", None)  # no note (Keterangan)
    unmeasured = next(r for r in indicators if r[0] == "PK Ketua")
    assert (unmeasured[4], unmeasured[6], unmeasured[7]) == ("-", "-", "Tidak ada data")
    summary = dict(r[:2] for r in sheet_rows(data, "Ringkasan"))
    assert summary["Tahun laporan"] == "2024"
    assert round(summary["Capaian kinerja kantor (%)"], 2) == golden.OFFICE_MEAN.rounded
    assert summary["Pagu anggaran (Rp)"] == golden.ALLOCATION.value


def test_xlsx_text_that_looks_like_a_formula_stays_text(risky_report) -> None:  # type: ignore[no-untyped-def]
    data = report_xlsx(risky_report)
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [row[2] for row in book["Capaian Indikator"].iter_rows(min_row=6)]
    names = {c.value: c for c in cells}
    for text in ('=HYPERLINK("http://x","klik")', "+62 812", "@SUM(A1)", "-2+3"):
        assert names[text].data_type == "s" and names[text].quotePrefix, text
    assert names["Biasa"].data_type == "s" and not names["Biasa"].quotePrefix
    objective = next(book["Capaian Indikator"].iter_rows(min_row=6))[1]
    assert (objective.value, objective.data_type, objective.quotePrefix) == ("=1+1 sasaran", "s", True)
    kegiatan = next(book["Anggaran"].iter_rows(min_row=6))
    assert kegiatan[1].value == "=cmd|' /C calc'!A0" and kegiatan[1].data_type == "s"
    assert kegiatan[2].value == 1_000_000 and kegiatan[2].data_type == "n"  # numbers stay numbers
    # No formula anywhere in the workbook's XML.
    with __import__("zipfile").ZipFile(io.BytesIO(data)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in xml for xml in sheets)


def test_csv_prefixes_formula_text_and_keeps_numbers(risky_report) -> None:  # type: ignore[no-untyped-def]
    table = indicator_table(risky_report.indicator_frame)
    text = export.csv_bytes(table).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == [
        "Dokumen",
        "Sasaran",
        "Indikator",
        "Target",
        "Realisasi",
        "Satuan",
        "Capaian",
        "Kategori",
        "Keterangan",
    ]
    names = [r[2] for r in rows[1:]]
    assert names[:4] == ['\'=HYPERLINK("http://x","klik")', "'+62 812", "'@SUM(A1)", "'-2+3"]
    assert names[-1] == "Biasa" and rows[1][1] == "'=1+1 sasaran"
    assert rows[-1][6] == "90,00%" and rows[1][6] == "-"  # a lone "-" (no data) is left alone
    assert [export.csv_safe(v) for v in ("-5", "-12,5%", "-", "Rp 1.000", 7)] == ["-5", "-12,5%", "-", "Rp 1.000", 7]
    assert [export.csv_safe(v) for v in ("\tx", "\rx", "-Rp 5.000")] == ["'\tx", "'\rx", "'-Rp 5.000"]


def test_chart_images_fall_back_to_a_note(monkeypatch: pytest.MonkeyPatch, report) -> None:  # type: ignore[no-untyped-def]
    async def no_browser(*_args: object) -> dict[str, bytes]:
        raise RuntimeError("ChromeNotFoundError: chrome not found")

    monkeypatch.setattr(export_images, "_render", no_browser)
    images = chart_images(report_charts(report))
    assert images.images == {}
    assert images.note == "Grafik tidak disertakan: grafik tidak dapat digambar di server (Chromium tidak tersedia)."


@pytest.mark.slow  # draws the charts in headless Chromium
@pytest.mark.skipif(chromium_path() is None, reason="chromium not installed")
def test_docx_charts_are_png_images(report) -> None:  # type: ignore[no-untyped-def]
    images = chart_images(report_charts(report))
    assert list(images.images) == ["capaian-sasaran", "kategori-capaian", "anggaran-kegiatan", "penyerapan-kegiatan"]
    assert all(png.startswith(b"\x89PNG") for png in images.images.values())
    document = docx.Document(io.BytesIO(to_docx(report, images)))
    assert len(document.inline_shapes) == 4


def test_cli_export_xlsx_and_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "laporan.xlsx"
    assert (
        main(
            ["export", "--format", "xlsx", "--out", str(out), "--indicators", str(INDICATORS), "--budget", str(BUDGET)]
        )
        == 0
    )
    assert capsys.readouterr().out.strip() == str(out)
    total = next(r for r in sheet_rows(out.read_bytes(), "Anggaran") if r[1] == "Jumlah")
    assert total[2:4] == (golden.ALLOCATION.value, golden.REALIZED.value)
    out = tmp_path / "laporan.docx"
    args = ["export", "--format", "docx", "--out", str(out), "--budget", str(BUDGET), "--no-charts"]
    assert main(args) == 0
    assert "Grafik tidak disertakan (--no-charts)." in capsys.readouterr().err
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"penyerapan {golden.ABSORPTION.text}" in text and "Data indikator kinerja belum tersedia." in text


def test_cli_export_errors_are_one_indonesian_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "xlsx", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert capsys.readouterr().err.startswith("Berikan minimal satu berkas")
    assert (
        main(
            [
                "export",
                "--format",
                "xlsx",
                "--out",
                str(tmp_path / "x.xlsx"),
                "--budget",
                str(tmp_path / "tidak-ada.xlsx"),
            ]
        )
        == 2
    )
    assert "tidak ditemukan" in capsys.readouterr().err
    assert main(["export", "--format", "xlsx", "--out", str(tmp_path / "no" / "x.xlsx"), "--budget", str(BUDGET)]) == 2
    assert "tidak dapat ditulis" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "pdf", "--out", "x"])
    assert exit_info.value.code == 2


def test_scenario_comparison_workbook(report) -> None:  # type: ignore[no-untyped-def]
    from lakip_core.analysis import whatif

    target90, _ = whatif.bulk_replace(report.indicator_frame, whatif.Scenario("Target 90%"))
    spend = whatif.Scenario("Serap 3356", budget={"3356": whatif.BudgetEdit(realized=golden.SPEND_3356)})
    tables = export.scenario_tables(report.indicator_frame, report.budget_lines, [target90, spend], report.settings)
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(tables)))
    assert book.sheetnames == ["Perbandingan", "Skenario 1", "Skenario 2"]
    rows = list(book["Perbandingan"].iter_rows(min_row=6, values_only=True))
    assert [r[0] for r in rows] == ["Data tersimpan", "Target 90%", "Serap 3356"]
    office, target90_office = golden.OFFICE_MEAN.rounded, golden.TARGETS_90_MEAN.rounded
    assert [round(r[1], 2) for r in rows] == [office, target90_office, office]
    absorption, spent = golden.ABSORPTION.rounded, golden.SPEND_3356_ABSORPTION.rounded
    assert [round(r[7], 2) for r in rows] == [absorption, absorption, spent]
    assert len(list(book["Skenario 1"].iter_rows(min_row=6))) == 44
    (line,) = book["Skenario 2"].iter_rows(min_row=6, values_only=True)
    assert line[1].startswith("3356 ") and line[4:6] == ("Rp 0", golden.PAGU_3356.text) and line[7] == 100


def test_cli_export_from_the_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lakip_core.store import Store
    from lakip_core.store.auth import SYSTEM

    url = f"sqlite:///{tmp_path / 'lakip.db'}"
    store = Store(url)
    store.ensure_schema()
    store.import_file(SYSTEM, BUDGET.read_bytes(), BUDGET.name, "budget", "KPU Kota Jakarta Selatan", 2024)
    store.dispose()
    out = tmp_path / "dari-db.xlsx"
    args = ["export", "--format", "xlsx", "--out", str(out), "--db", url, "--satker", "KPU Kota Jakarta Selatan"]
    assert main([*args, "--year", "2024"]) == 0
    total = next(r for r in sheet_rows(out.read_bytes(), "Anggaran") if r[1] == "Jumlah")
    assert total[2:4] == (golden.ALLOCATION.value, golden.REALIZED.value)
    capsys.readouterr()
    assert main([*args, "--year", "2019"]) == 2
    assert capsys.readouterr().err.strip() == "Belum ada data tersimpan untuk KPU Kota Jakarta Selatan tahun 2019."
