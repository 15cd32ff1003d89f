"""LAKIP Bab III as a sequence of blocks (headings, text, numbered tables and figures), Word-free.

The order is the seed LAKIP's, inside the chapter frame of PermenPAN-RB 53/2014:
A. Capaian Kinerja Organisasi — 1. pengukuran per sasaran (a table, then the charts),
2. analisis per sasaran (one table of indicators per sasaran, with the kegiatan that funds it);
B. Realisasi Anggaran (akuntabilitas keuangan); the data-check findings as an appendix.

Captions follow the LAKIP's style: ``Tabel 3.1 …`` above a table, ``Gambar 3.1 …`` below a
chart, numbered per chapter, tables and figures counted apart, and only what is in the document
is counted (a chart that could not be drawn takes no number).

A chosen Simulasi scenario adds shaded columns headed ``Simulasi: <nama>`` beside the stored
figures (sasaran and indicator tables) or a table of its own (the budget); a stored column never
holds a simulated value. :mod:`.export_docx` writes the blocks to Word.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

import pandas as pd

from lakip_core.analysis.budget import BudgetTotals
from lakip_core.analysis.report import Report
from lakip_core.analysis.whatif.scenario import Scenario
from lakip_core.analysis.whatif.simulate import BudgetSimulation, Simulation, simulate, simulate_budget
from lakip_core.presentation.export import ExportTable
from lakip_core.presentation.export_blocks import (
    Builder,
    Chapter,
    Column,
    Heading,
    TableBlock,
    Text,
)
from lakip_core.presentation.format import format_percent, format_rupiah
from lakip_core.presentation.tables import CellFormat, findings_columns
from lakip_core.schema import BudgetCol, IndicatorCol, ObjectiveCol

STORED_BAND = "Data tersimpan"
# The charts of the document, by the slug of export_images.report_charts, with their captions.
FIGURE_TITLES = {
    "capaian-sasaran": "Capaian Rata-rata per Sasaran",
    "simulasi-sasaran": "Capaian per Sasaran: Data Tersimpan dan Simulasi",
    "kategori-capaian": "Jumlah Indikator per Kategori Capaian",
    "anggaran-kegiatan": "Pagu dan Realisasi Anggaran per Kegiatan",
    "penyerapan-kegiatan": "Penyerapan Anggaran per Kegiatan",
}


def simulation_band(scenario: Scenario) -> str:
    """The header over a scenario's columns: ``Simulasi: <nama>``."""
    return f"Simulasi: {scenario.name}"


def _category_change(before: str, after: str) -> str:
    return f"kategori tetap {after}" if before == after else f"kategori {before} → {after}"


def _counts(frame: pd.DataFrame) -> str:
    return f"{frame[IndicatorCol.OBJECTIVE].nunique()} sasaran, {len(frame)} indikator"


def _measured_documents(frame: pd.DataFrame, sim: Simulation | None) -> list[str]:
    """Documents with a realisasi for at least one indicator (stored, or in the simulation)."""
    has_data = frame[IndicatorCol.HAS_DATA].astype(bool).to_numpy()
    if sim is not None:
        has_data = has_data | sim.scenario_frame[IndicatorCol.HAS_DATA].astype(bool).to_numpy()
    return list(dict.fromkeys(frame.loc[has_data, IndicatorCol.DOCUMENT]))


def _objective_columns(report: Report, documents: Sequence[str], sim: Simulation | None, band: str) -> list[Column]:
    """Per sasaran of the measured documents, the office on the last row; simulated columns beside."""
    o = ObjectiveCol
    rows = report.objectives[report.objectives[o.DOCUMENT].isin(documents)]
    office = report.office
    stored = STORED_BAND if sim is not None else None
    columns = [Column("No", "No", 0.8, [*range(1, len(rows) + 1), ""])]
    if len(documents) > 1:
        columns.append(Column("Dokumen", "Dokumen", 1.5, [*rows[o.DOCUMENT], ""]))
    columns += [
        Column("Sasaran", "Sasaran", 4.2, [*rows[o.OBJECTIVE], "Kantor (rata-rata seluruh indikator)"]),
        Column(
            "Indikator",
            "Indikator",
            1.5,
            [*rows[o.INDICATORS].astype(int), int(rows[o.INDICATORS].sum())],
            CellFormat.INTEGER,
            stored,
        ),
        Column(
            "Dengan realisasi",
            "Dengan realisasi",
            1.7,
            [*rows[o.WITH_DATA].astype(int), office.with_data],
            CellFormat.INTEGER,
            stored,
        ),
        Column(
            "Tercapai", "Tercapai (≥ 100%)", 1.6, [*rows[o.MET].astype(int), office.met], CellFormat.INTEGER, stored
        ),
        Column(
            "Capaian", "Capaian rata-rata (%)", 1.6, [*rows[o.MEAN_PCT], office.mean_pct], CellFormat.PERCENT, stored
        ),
        Column("Kategori", "Kategori", 1.7, [*rows[o.CATEGORY], office.category], band=stored),
    ]
    if sim is not None:
        means = sim.objectives.set_index(["document", "objective"])
        keys = list(zip(rows[o.DOCUMENT], rows[o.OBJECTIVE], strict=True))
        after = sim.scenario
        columns += [
            Column(
                "Capaian simulasi",
                "Capaian rata-rata (%)",
                1.6,
                [*(means.at[k, "mean"] for k in keys), after.mean_pct],
                CellFormat.PERCENT,
                band,
                True,
            ),
            Column(
                "Kategori simulasi",
                "Kategori",
                1.7,
                [*(means.at[k, "category"] for k in keys), after.category],
                band=band,
                simulated=True,
            ),
        ]
    return columns


def _indicator_columns(frame: pd.DataFrame, sim_rows: pd.DataFrame | None, band: str) -> list[Column]:
    """The indicators of one sasaran: target, realisasi, capaian, kategori; simulated ones beside."""
    c = IndicatorCol
    stored = STORED_BAND if sim_rows is not None else None
    columns = [
        Column("No", "No", 0.8, list(range(1, len(frame) + 1))),
        Column("Indikator", "Indikator Kinerja", 6.6 if sim_rows is None else 3.0, list(frame[c.LABEL])),
        Column("Target", "Target", 1.3, list(frame[c.TARGET_TEXT]), band=stored),
        Column("Realisasi", "Realisasi", 1.8, [a or None for a in frame[c.ACTUAL_TEXT]], band=stored),
        Column("Capaian", "Capaian (%)", 1.6, list(frame[c.ACHIEVEMENT_PCT]), CellFormat.PERCENT, stored),
        Column("Kategori", "Kategori", 1.7, list(frame[c.CATEGORY]), band=stored),
    ]
    if sim_rows is not None:
        columns += [
            Column("Target simulasi", "Target", 1.3, list(sim_rows["target_text"]), band=band, simulated=True),
            Column(
                "Realisasi simulasi",
                "Realisasi",
                1.8,
                [a or None for a in sim_rows["actual_text"]],
                band=band,
                simulated=True,
            ),
            Column("Capaian simulasi", "Capaian (%)", 1.6, list(sim_rows["pct"]), CellFormat.PERCENT, band, True),
        ]
    return columns


def _budget_columns(lines: pd.DataFrame, totals: BudgetTotals, band: str | None) -> list[Column]:
    """Per kegiatan and the Jumlah row: stored lines (``band`` None) or a scenario's (shaded)."""
    sim = band is not None
    return [
        Column("Kode", "Kode", 1.1, [*lines["code"], ""]),
        Column("Kegiatan", "Kegiatan", 4.0, [*lines["name"], "Jumlah"]),
        Column("Pagu", "Pagu (Rp)", 3.0, [*lines["allocation"], totals.allocation], CellFormat.RUPIAH, band, sim),
        Column("Realisasi", "Realisasi (Rp)", 3.0, [*lines["realized"], totals.realized], CellFormat.RUPIAH, band, sim),
        Column(
            "Penyerapan",
            "Penyerapan (%)",
            1.9,
            [*lines["absorption_pct"], totals.absorption_pct],
            CellFormat.PERCENT,
            band,
            sim,
        ),
        Column("Sisa", "Sisa (Rp)", 3.0, [*lines["remaining"], totals.remaining], CellFormat.RUPIAH, band, sim),
    ]


def _sasaran_text(row: pd.Series, sim_row: pd.Series | None, band: str) -> str:
    o = ObjectiveCol
    if int(row[o.WITH_DATA]) == 0:
        text = f"Belum ada indikator dengan realisasi ({int(row[o.INDICATORS])} indikator)."
    else:
        text = (
            f"Capaian rata-rata sasaran {format_percent(row[o.MEAN_PCT])} (kategori {row[o.CATEGORY]}), dari "
            f"{int(row[o.WITH_DATA])} indikator yang memiliki realisasi; {int(row[o.MET])} dari "
            f"{int(row[o.INDICATORS])} indikator tercapai 100% atau lebih."
        )
    if sim_row is not None and not pd.isna(sim_row["mean"]) and sim_row["mean"] != row[o.MEAN_PCT]:
        text += f" {band}: {format_percent(sim_row['mean'])} (kategori {sim_row['category']})."
    return text


def _funding_text(code: str, lines: pd.DataFrame) -> str | None:
    """The kegiatan whose code the sasaran carries (the seed's ``(3355)``), with its figures."""
    if not code or lines.empty:
        return None
    match = lines[lines[BudgetCol.CODE].astype(str) == code]
    if match.empty:
        return None
    line = match.iloc[0]
    return (
        f"Sasaran ini didukung kegiatan {code} ({line[BudgetCol.NAME]}) dengan pagu "
        f"{format_rupiah(line[BudgetCol.ALLOCATION])} dan realisasi {format_rupiah(line[BudgetCol.REALIZED])} "
        f"(penyerapan {format_percent(line[BudgetCol.ABSORPTION_PCT])})."
    )


def _preface(b: Builder, scenario: Scenario | None, problems: Sequence[str]) -> None:
    b.add(
        Text(
            "Tabel dan grafik untuk Bab III, dihasilkan oleh Dasbor LAKIP dari berkas data; semua jumlah dihitung "
            "dari baris rincian. Nomor tabel dan gambar adalah keterangan (caption) Word, sehingga Daftar Tabel dan "
            "Daftar Gambar dapat dibuat dengan Referensi › Sisipkan Daftar Gambar.",
            note=True,
        )
    )
    if scenario is None:
        return
    b.add(
        Text(
            f"Dokumen ini memuat simulasi '{scenario.name}'. Kolom dan tabel berjudul "
            f"'{simulation_band(scenario)}' (berlatar kuning) adalah hasil simulasi, bukan data tersimpan; data "
            "tersimpan tidak berubah.",
            simulation=True,
        )
    )
    if scenario.note:
        b.add(Text(f"Catatan skenario: {scenario.note}", note=True, simulation=True))
    for problem in problems:
        b.add(Text(f"Catatan simulasi: {problem}", note=True, simulation=True))


def _performance(b: Builder, report: Report, sim: Simulation | None, band: str, source: str) -> None:
    """A. Capaian Kinerja Organisasi: the office, 1. per sasaran with charts, 2. each sasaran's indicators."""
    frame, year, office = report.indicator_frame, report.settings.year, report.office
    b.add(
        Text(
            f"Capaian kinerja kantor {format_percent(office.mean_pct)} (kategori {office.category}), rata-rata dari "
            f"{office.with_data} indikator yang memiliki realisasi pada {', '.join(office.documents) or '-'} "
            f"(kelompok dihitung sekali); {office.met} dari {office.with_data} indikator tercapai 100% atau lebih. "
            f"Rata-rata capaian per sasaran {format_percent(office.mean_of_objectives_pct)}."
        )
    )
    if sim is not None:
        after = sim.scenario
        b.add(
            Text(
                f"{band}: capaian kinerja kantor {format_percent(office.mean_pct)} → {format_percent(after.mean_pct)} "
                f"({_category_change(office.category, after.category)}); {after.met} indikator tercapai 100% atau "
                f"lebih; {int(sim.indicators['changed'].sum())} indikator diubah dari data tersimpan.",
                simulation=True,
            )
        )
    documents = _measured_documents(frame, sim)
    others = frame[~frame[IndicatorCol.DOCUMENT].isin(documents)]
    b.add(Heading("1. Pengukuran Capaian Kinerja", 3))
    lead = f"Capaian kinerja per sasaran disajikan pada {b.next_table()}."
    if not others.empty:
        unmeasured = "; ".join(
            f"{doc} ({_counts(part)})" for doc, part in others.groupby(IndicatorCol.DOCUMENT, sort=False)
        )
        lead += f" Dokumen yang belum memiliki realisasi tidak disajikan di bab ini (lihat ekspor Excel): {unmeasured}."
    b.add(Text(lead))
    b.table(
        f"Capaian Kinerja per Sasaran Tahun {year}",
        "Capaian Sasaran",
        _objective_columns(report, documents, sim, band),
        total_rows=1,
        source=source,
    )
    b.figure("capaian-sasaran", FIGURE_TITLES["capaian-sasaran"], source)
    if sim is not None:
        b.figure(
            "simulasi-sasaran",
            FIGURE_TITLES["simulasi-sasaran"],
            f"Sumber: {band}, dihitung dari data capaian kinerja Tahun {year}.",
        )
    b.figure("kategori-capaian", FIGURE_TITLES["kategori-capaian"], source)

    b.add(Heading(f"2. Analisis Capaian Kinerja Tahun {year}", 3))
    objectives = report.objectives[report.objectives[ObjectiveCol.DOCUMENT].isin(documents)]
    sim_objectives = sim.objectives.set_index(["document", "objective"]) if sim is not None else None
    for number, (_, row) in enumerate(objectives.iterrows(), start=1):
        document, name = row[ObjectiveCol.DOCUMENT], row[ObjectiveCol.OBJECTIVE]
        where = ((frame[IndicatorCol.DOCUMENT] == document) & (frame[IndicatorCol.OBJECTIVE] == name)).to_numpy()
        sim_row = sim_objectives.loc[(document, name)] if sim_objectives is not None else None
        heading = f"Sasaran {number}" + (f" ({document})" if len(documents) > 1 else "")
        b.add(Heading(f"{heading}: {name}", 4), Text(_sasaran_text(row, sim_row, band)))
        funding = _funding_text(str(row[ObjectiveCol.OBJECTIVE_CODE]), report.budget_lines)
        if funding:
            b.add(Text(funding))
        b.table(
            f"Capaian Indikator Kinerja Sasaran {number}",
            "Capaian Indikator",
            _indicator_columns(frame[where], sim.indicators[where] if sim is not None else None, band),
            source=source,
        )


def _budget(b: Builder, report: Report, budget_sim: BudgetSimulation | None, band: str, source: str) -> None:
    """B. Realisasi Anggaran: the stored table, a scenario's own table beside it, the charts."""
    totals, lines, year = report.budget_totals, report.budget_lines, report.settings.year
    assert totals is not None
    b.add(
        Text(
            f"Realisasi anggaran {format_rupiah(totals.realized)} dari pagu {format_rupiah(totals.allocation)} "
            f"(penyerapan {format_percent(totals.absorption_pct)}); sisa anggaran {format_rupiah(totals.remaining)}."
        )
    )
    stored = pd.DataFrame(
        {
            "code": lines[BudgetCol.CODE],
            "name": lines[BudgetCol.NAME],
            "allocation": lines[BudgetCol.ALLOCATION],
            "realized": lines[BudgetCol.REALIZED],
            "absorption_pct": lines[BudgetCol.ABSORPTION_PCT],
            "remaining": lines[BudgetCol.REMAINING],
        }
    )
    b.table(
        f"Realisasi Anggaran per Kegiatan Tahun {year}",
        "Anggaran",
        _budget_columns(stored, totals, None),
        total_rows=1,
        source=source,
    )
    if budget_sim is not None:
        changed = budget_sim.lines[budget_sim.lines["changed"]]
        if changed.empty:
            b.add(Text(f"{band}: pagu dan realisasi anggaran tidak diubah.", simulation=True))
        else:
            after = budget_sim.scenario
            b.add(
                Text(
                    f"{band}: realisasi {format_rupiah(after.realized)} dari pagu {format_rupiah(after.allocation)} "
                    f"(penyerapan {format_percent(totals.absorption_pct)} → {format_percent(after.absorption_pct)}); "
                    f"kegiatan yang diubah: {', '.join(str(code) for code in changed['code'])}.",
                    simulation=True,
                )
            )
            b.table(
                f"{band} — Realisasi Anggaran per Kegiatan",
                "Anggaran (simulasi)",
                _budget_columns(budget_sim.lines, after, band),
                total_rows=1,
                source=f"Sumber: {band}, dihitung dari data realisasi anggaran Tahun {year}.",
            )
    b.figure("anggaran-kegiatan", FIGURE_TITLES["anggaran-kegiatan"], source)
    b.figure("penyerapan-kegiatan", FIGURE_TITLES["penyerapan-kegiatan"], source)


def bab_iii(report: Report, charts: Collection[str] = (), scenario: Scenario | None = None) -> Chapter:
    """Bab III of the report in LAKIP order; ``charts`` are the chart slugs that have images.

    With ``scenario``, its figures stand beside the stored ones under ``Simulasi: <nama>``.
    """
    b = Builder(charts)
    year, satker = report.settings.year, report.satker or "Satuan Kerja"
    band = simulation_band(scenario) if scenario is not None else ""
    frame, lines = report.indicator_frame, report.budget_lines
    sim = simulate(frame, scenario, report.settings) if scenario is not None and len(frame) else None
    budget_sim = simulate_budget(lines, scenario) if scenario is not None and len(lines) else None
    problems = [*(sim.problems if sim else ()), *(budget_sim.unknown if budget_sim else ())]
    _preface(b, scenario, problems)
    b.add(Heading("BAB III AKUNTABILITAS KINERJA", 1), Heading("A. Capaian Kinerja Organisasi", 2))
    if report.indicators is not None and len(frame):
        _performance(b, report, sim, band, f"Sumber: data capaian kinerja {satker} Tahun {year}, diolah.")
    else:
        b.add(Text("Data indikator kinerja belum tersedia."))
    b.add(Heading("B. Realisasi Anggaran (Akuntabilitas Keuangan)", 2))
    if report.budget_totals is not None and len(lines):
        _budget(b, report, budget_sim, band, f"Sumber: data realisasi anggaran {satker} Tahun {year}, diolah.")
    else:
        b.add(Text("Data anggaran belum tersedia."))
    if report.findings:
        findings = ExportTable.of("Temuan", "Temuan pemeriksaan data", findings_columns(report.findings))
        columns = ("Tingkat", "Jenis", "Pesan")
        b.add(
            Heading("Lampiran: Temuan Pemeriksaan Data", 1),
            TableBlock(findings, None, columns, columns, (1.3, 2.5, 12.2)),
        )
    return Chapter(f"Laporan Kinerja {satker} Tahun {year}", tuple(b.blocks))
