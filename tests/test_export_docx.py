"""The Word export read back with python-docx: page size, Bab III order, Word captions, a scenario beside."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from lakip_core import load_report
from lakip_core.analysis import whatif
from lakip_core.cli.main import main
from lakip_core.presentation.export_docx import F4, clean, to_docx
from lakip_core.presentation.export_images import ChartImages
from lakip_core.presentation.format import format_rupiah
from tests import golden

SAMPLE = Path(__file__).resolve().parents[1] / "sample_data"
INDICATORS = SAMPLE / "indikator_kinerja_2024.xlsx"
BUDGET = SAMPLE / "anggaran_2024.xlsx"
NO_CHARTS = ChartImages({}, "Grafik tidak disertakan (uji).")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = golden.OFFICE_MEAN.text  # Bab III A alone gives the office mean of the whole sample


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return load_report([INDICATORS], budget=BUDGET)


@pytest.fixture(scope="module")
def target90(report):  # type: ignore[no-untyped-def]
    """Every 100% target becomes 90%, and kegiatan 3356 spends its whole pagu."""
    scenario, count = whatif.bulk_replace(report.indicator_frame, whatif.Scenario("Target 90%"))
    assert count == 44
    return whatif.Scenario(scenario.name, scenario.indicators, {"3356": whatif.BudgetEdit(realized=golden.SPEND_3356)})


def png(width: int = 90, height: int = 50) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def body(document: docx.document.Document) -> list[tuple[str, object]]:
    """The body in order: ("p", paragraph) and ("t", table)."""
    out: list[tuple[str, object]] = []
    paragraphs = iter(document.paragraphs)
    tables = iter(document.tables)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            out.append(("p", next(paragraphs)))
        elif child.tag == qn("w:tbl"):
            out.append(("t", next(tables)))
    return out


def captions(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Caption"]


def seq_fields(paragraph) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.text.strip() for t in paragraph._p.iter(f"{W}instrText")]


def rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_a4_by_default_and_f4_on_request_with_naskah_dinas_margins(report) -> None:  # type: ignore[no-untyped-def]
    section = read(to_docx(report, NO_CHARTS)).sections[0]
    # Word keeps sizes in twentieths of a point: A4 is 11906 × 16838 twips (210,0 × 297,0 mm).
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert [round(m.cm, 2) for m in (section.top_margin, section.bottom_margin)] == [2.0, 2.5]
    assert [round(m.cm, 2) for m in (section.left_margin, section.right_margin)] == [3.0, 2.0]
    f4 = read(to_docx(report, NO_CHARTS, paper=F4)).sections[0]
    assert (round(f4.page_width.mm, 1), round(f4.page_height.mm, 1)) == (215.0, 330.0)


def test_bab_iii_in_the_seed_order_with_a_table_per_sasaran(report) -> None:  # type: ignore[no-untyped-def]
    document = read(to_docx(report, NO_CHARTS))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    sasaran = [h for h in headings if h.startswith("Sasaran ")]
    measured = report.objectives[report.objectives["document"] == "Capaian Kinerja"]["objective"]
    assert sasaran == [f"Sasaran {i}: {name}" for i, name in enumerate(measured, start=1)]
    assert [h for h in headings if not h.startswith("Sasaran ")] == [
        "Laporan Kinerja KPU Kota Jakarta Selatan Tahun 2024",
        "BAB III AKUNTABILITAS KINERJA",
        "A. Capaian Kinerja Organisasi",
        "1. Pengukuran Capaian Kinerja",
        "2. Analisis Capaian Kinerja Tahun 2024",
        "B. Realisasi Anggaran (Akuntabilitas Keuangan)",
        "Lampiran: Temuan Pemeriksaan Data",
    ]
    assert captions(document)[:11] == [
        "Tabel 3.1 Capaian Kinerja per Sasaran Tahun 2024",
        *(f"Tabel 3.{i + 1} Capaian Indikator Kinerja Sasaran {i}" for i in range(1, 9)),
        "Tabel 3.10 Realisasi Anggaran per Kegiatan Tahun 2024",
        "Temuan pemeriksaan data",  # the appendix is titled, not numbered in Bab III
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Capaian kinerja kantor {OFFICE} (kategori {golden.OFFICE_CATEGORY})" in text
    assert (
        f"Realisasi anggaran {golden.REALIZED.text} dari pagu {golden.ALLOCATION.text} "
        f"(penyerapan {golden.ABSORPTION.text})"
    ) in text
    assert "PK Ketua (5 sasaran, 10 indikator); PK Sekretaris (7 sasaran, 8 indikator)" in text
    assert (
        "Sasaran ini didukung kegiatan 3356 (Pengelolaan Data" in text and "realisasi Rp 0 (penyerapan 0,00%)" in text
    )
    assert "Simulasi" not in text  # nothing of a scenario unless one is asked for
    tables = document.tables
    per_sasaran = rows(tables[0])
    assert per_sasaran[0] == [
        "No",
        "Sasaran",
        "Indikator",
        "Dengan realisasi",
        "Tercapai (≥ 100%)",
        "Capaian rata-rata (%)",
        "Kategori",
    ]
    assert per_sasaran[1][0:2] == ["1", measured.iloc[0]]
    assert per_sasaran[1][5:] == [golden.FIRST_OBJECTIVE_MEAN.text, "Tinggi"]
    counts = [str(n) for n in (golden.INDICATORS, golden.WITH_DATA, golden.MET)]
    assert per_sasaran[-1] == ["", "Kantor (rata-rata seluruh indikator)", *counts, OFFICE, golden.OFFICE_CATEGORY]
    sasaran_1 = rows(tables[1])
    assert sasaran_1[0] == ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Kategori"]
    assert len(sasaran_1) == 1 + golden.FIRST_OBJECTIVE_INDICATORS
    gaji = next(r for r in sasaran_1 if r[1] == "Pembayaran Gaji Pokok PNS")
    assert gaji[2:] == ["100%", "99,61%", "99,61%", "Sangat Tinggi"]
    budget = rows(tables[9])
    assert budget[0] == ["Kode", "Kegiatan", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan (%)", "Sisa (Rp)"]
    totals = [golden.ALLOCATION.text, golden.REALIZED.text, golden.ABSORPTION.text, golden.REMAINING.text]
    assert budget[-1] == ["", "Jumlah", *totals]
    assert not document.inline_shapes


def test_captions_are_word_captions_with_seq_fields_above_tables(report) -> None:  # type: ignore[no-untyped-def]
    document = read(to_docx(report, NO_CHARTS))
    order = body(document)
    numbered = [
        (i, p) for i, (kind, p) in enumerate(order) if kind == "p" and p.style.name == "Caption" and seq_fields(p)
    ]
    assert len(numbered) == 10
    for number, (position, paragraph) in enumerate(numbered, start=1):
        assert seq_fields(paragraph) == ["SEQ Tabel \\* ARABIC \\s 1"]
        assert re.match(rf"Tabel 3\.{number} ", paragraph.text)  # the number is also cached text
        assert order[position + 1][0] == "t"  # "Tabel 3.n" stands above its table
        assert paragraph.paragraph_format.keep_with_next
    footer = document.sections[0].footer.paragraphs[0]
    assert seq_fields(footer) == ["PAGE"]


def test_figure_captions_below_charts_numbered_apart_and_only_those_drawn(report) -> None:  # type: ignore[no-untyped-def]
    images = ChartImages({"capaian-sasaran": png(), "anggaran-kegiatan": png(), "penyerapan-kegiatan": png()})
    document = read(to_docx(report, images))
    assert len(document.inline_shapes) == 3
    figures = [c for c in captions(document) if c.startswith("Gambar")]
    assert figures == [  # "kategori-capaian" was not drawn: it takes no number
        "Gambar 3.1 Capaian Rata-rata per Sasaran",
        "Gambar 3.2 Pagu dan Realisasi Anggaran per Kegiatan",
        "Gambar 3.3 Penyerapan Anggaran per Kegiatan",
    ]
    order = body(document)
    for position, (kind, paragraph) in enumerate(order):
        if kind == "p" and paragraph.text.startswith("Gambar 3."):
            assert seq_fields(paragraph) == ["SEQ Gambar \\* ARABIC \\s 1"]
            previous = order[position - 1][1]
            assert previous._p.xpath(".//pic:pic")  # the chart is just above its caption
    # Figures sit in the order of Bab III: after Tabel 3.1, and the budget ones after the budget table.
    texts = [p.text for kind, p in order if kind == "p" and p.style.name == "Caption"]
    assert texts.index("Gambar 3.1 Capaian Rata-rata per Sasaran") == 1
    assert (
        texts.index("Gambar 3.2 Pagu dan Realisasi Anggaran per Kegiatan")
        == texts.index("Tabel 3.10 Realisasi Anggaran per Kegiatan Tahun 2024") + 1
    )


def test_a_scenario_stands_beside_the_stored_figures_labelled_and_shaded(report, target90) -> None:  # type: ignore[no-untyped-def]
    document = read(to_docx(report, NO_CHARTS, scenario=target90))
    tables = document.tables
    per_sasaran = rows(tables[0])
    assert per_sasaran[0] == ["No", "Sasaran", *["Data tersimpan"] * 5, *["Simulasi: Target 90%"] * 2]
    assert per_sasaran[1][-2:] == ["Capaian rata-rata (%)", "Kategori"]
    first = per_sasaran[2]
    assert first[5:7] == [golden.FIRST_OBJECTIVE_MEAN.text, "Tinggi"]  # the stored figures are unchanged
    assert first[7:] == ["94,39%", "Sangat Tinggi"]  # the simulated ones beside them
    assert per_sasaran[-1][5:] == [OFFICE, golden.OFFICE_CATEGORY, golden.TARGETS_90_MEAN.text, "Rendah"]
    sasaran_1 = rows(tables[1])
    assert sasaran_1[0][2:] == [*["Data tersimpan"] * 4, *["Simulasi: Target 90%"] * 3]
    gaji = next(r for r in sasaran_1 if r[1] == "Pembayaran Gaji Pokok PNS")
    assert gaji[2:] == ["100%", "99,61%", "99,61%", "Sangat Tinggi", "90%", "99,61%", "110,68%"]
    # Simulated cells are shaded; stored ones are not.
    cell_fill = [c._tc.xpath("./w:tcPr/w:shd/@w:fill") for c in tables[1].rows[3].cells]
    assert cell_fill[2:6] == [[]] * 4 and cell_fill[6:] == [["FFF2CC"]] * 3
    # The budget: the stored table as it was, the scenario's own table right after it.
    captions_ = captions(document)
    assert captions_[9:12] == [
        "Tabel 3.10 Realisasi Anggaran per Kegiatan Tahun 2024",
        "Tabel 3.11 Simulasi: Target 90% — Realisasi Anggaran per Kegiatan",
        "Temuan pemeriksaan data",
    ]
    assert rows(tables[9])[-1][3] == golden.REALIZED.text
    simulated_budget = rows(tables[10])
    assert simulated_budget[0] == ["Kode", "Kegiatan", *["Simulasi: Target 90%"] * 4]
    assert simulated_budget[-1][2:] == [
        golden.ALLOCATION.text,
        format_rupiah(golden.REALIZED.value + golden.SPEND_3356),
        golden.SPEND_3356_ABSORPTION.text,
        format_rupiah(golden.REMAINING.value - golden.SPEND_3356),
    ]
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"Capaian kinerja kantor {OFFICE} (kategori {golden.OFFICE_CATEGORY})" in text
    simulated = f"{OFFICE} → {golden.TARGETS_90_MEAN.text} (kategori tetap Rendah)"
    assert f"Simulasi: Target 90%: capaian kinerja kantor {simulated}" in text
    assert "(berlatar kuning) adalah hasil simulasi, bukan data tersimpan" in text


def test_a_scenario_without_budget_edits_adds_no_budget_table(report) -> None:  # type: ignore[no-untyped-def]
    scenario = whatif.Scenario("Satu indikator", {}, {})
    document = read(to_docx(report, NO_CHARTS, scenario=scenario))
    assert not any(c.startswith("Tabel 3.11") for c in captions(document))
    assert "Simulasi: Satu indikator: pagu dan realisasi anggaran tidak diubah." in "\n".join(
        p.text for p in document.paragraphs
    )


def test_text_word_cannot_hold_is_dropped_and_formula_text_stays_text() -> None:
    assert clean("Sasaran\x07 satu\x0b\ufffe") == "Sasaran satu"
    assert clean('=HYPERLINK("http://x","klik")') == '=HYPERLINK("http://x","klik")'


def test_cli_docx_on_f4_with_a_scenario_from_a_file(tmp_path: Path, report, target90) -> None:  # type: ignore[no-untyped-def]
    saved = tmp_path / "skenario.json"
    saved.write_text(whatif.scenarios_to_json([target90], 2024), encoding="utf-8")
    out = tmp_path / "bab3.docx"
    base = ["export", "--format", "docx", "--out", str(out), "--indicators", str(INDICATORS), "--budget", str(BUDGET)]
    assert main([*base, "--no-charts", "--paper", "f4", "--scenario-file", str(saved)]) == 0
    document = docx.Document(str(out))
    assert round(document.sections[0].page_height.mm) == 330
    assert "Tabel 3.11 Simulasi: Target 90% — Realisasi Anggaran per Kegiatan" in captions(document)
    xlsx = tmp_path / "tabel.xlsx"
    inputs = ["--indicators", str(INDICATORS), "--budget", str(BUDGET), "--scenario-file", str(saved)]
    assert main(["export", "--format", "xlsx", "--out", str(xlsx), *inputs]) == 0
    import openpyxl

    assert openpyxl.load_workbook(xlsx).sheetnames[-2:] == ["Perbandingan", "Skenario 1"]


def test_cli_scenario_errors_are_one_indonesian_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target90
) -> None:  # type: ignore[no-untyped-def]
    out = str(tmp_path / "x.docx")
    base = ["export", "--format", "docx", "--out", out, "--budget", str(BUDGET), "--no-charts"]
    assert main([*base, "--scenario", "Target 90%"]) == 2
    assert (
        capsys.readouterr().err.strip() == "Skenario dibaca dari basis data (--db) atau dari berkas (--scenario-file)."
    )
    saved = tmp_path / "dua.json"
    saved.write_text(whatif.scenarios_to_json([target90, whatif.Scenario("Lain")]), encoding="utf-8")
    assert main([*base, "--scenario-file", str(saved), "--scenario", "Tidak ada"]) == 2
    assert "Skenario 'Tidak ada' tidak ditemukan. Skenario yang ada: 'Target 90%', 'Lain'." in capsys.readouterr().err
    assert main([*base, "--scenario-file", str(saved)]) == 2  # two in the file: which one?
    assert "Skenario '' tidak ditemukan" in capsys.readouterr().err
    broken = tmp_path / "rusak.json"
    broken.write_text(json.dumps({"format": "lain"}), encoding="utf-8")
    assert main([*base, "--scenario-file", str(broken)]) == 2
    assert "bukan berkas skenario Dasbor LAKIP" in capsys.readouterr().err
    assert not Path(out).exists()


def test_cli_scenario_from_the_store(tmp_path: Path, target90) -> None:  # type: ignore[no-untyped-def]
    from lakip_core.store import Store
    from lakip_core.store.auth import SYSTEM

    url = f"sqlite:///{tmp_path / 'lakip.db'}"
    store = Store(url)
    store.ensure_schema()
    satker = "KPU Kota Jakarta Selatan"
    store.import_file(SYSTEM, INDICATORS.read_bytes(), INDICATORS.name, "indicators", satker, 2024)
    store.save_scenario(SYSTEM, satker, 2024, "Target 90%", target90)
    store.dispose()
    out = tmp_path / "dari-db.docx"
    args = ["export", "--format", "docx", "--out", str(out), "--db", url, "--satker", satker, "--year", "2024"]
    assert main([*args, "--no-charts", "--scenario", "Target 90%"]) == 0
    per_sasaran = rows(docx.Document(str(out)).tables[0])
    assert per_sasaran[0][-1] == "Simulasi: Target 90%"
    assert per_sasaran[-1][-2:] == [golden.TARGETS_90_MEAN.text, "Rendah"]
