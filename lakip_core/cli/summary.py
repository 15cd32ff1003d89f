"""``python -m lakip_core summary``: the report of some files as text or as the JSON contract."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lakip_core.analysis.budget_year import PROJECTION_METHOD, STATUS_LABELS, BudgetYear, month_name
from lakip_core.analysis.report import Report, load_report, summary_dict
from lakip_core.cli.settings import apply_flags
from lakip_core.errors import LakipError
from lakip_core.intake.kinds import KINDS
from lakip_core.intake.layouts import parse_layout
from lakip_core.presentation.format import format_number, format_percent, format_rupiah, format_share
from lakip_core.reading.mapping import Layout
from lakip_core.rules.findings import COLUMN_AMBIGUOUS, SEVERITY_LABELS, SILENT_ZERO


def print_text(report: Report) -> None:
    data = summary_dict(report)
    print(f"Ringkasan LAKIP tahun {report.settings.year}" + (f" — {report.satker}" if report.satker else ""))
    stated = [
        f"satker {report.satker_code}" if report.satker_code else "",
        f"periode {report.period.label}" if report.period else "",
    ]
    if any(stated):
        print("Menurut berkas: " + ", ".join(t for t in stated if t))
    if "indicators" in data:
        ind = data["indicators"]
        print("\nKinerja")
        print(f"  Capaian rata-rata: {format_percent(ind['mean_achievement_pct'])} ({ind['category']})")
        print(
            f"  dari {ind['with_data']} indikator dengan realisasi di {', '.join(ind['office_documents']) or '-'}"
            f" (kelompok dihitung sekali); tercapai ≥100%: {format_share(ind['met'], ind['with_data'], 'indikator')}"
        )
        print("  Indikator per dokumen (tidak dijumlahkan antardokumen):")
        for doc in ind["documents"]:
            used = "dipakai untuk capaian kantor" if doc["in_office_mean"] else "ditampilkan terpisah"
            figure = (
                f"capaian {format_percent(doc['mean_achievement_pct'])}, {doc['with_data']} dengan realisasi"
                if doc["with_data"]
                else "target saja, belum ada realisasi"
            )
            print(f"  - {doc['document']}: {doc['lines']} baris, {doc['count']} dihitung; {figure} ({used})")
        for document in dict.fromkeys(obj["document"] for obj in ind["objectives"]):
            print(f"  Sasaran — {document}:")
            for obj in ind["objectives"]:
                if obj["document"] == document:
                    print(
                        f"  - {obj['objective'][:70]}: {format_percent(obj['mean_achievement_pct'])}"
                        f" ({obj['indicators']} indikator)"
                    )
    if "budget" in data:
        bud = data["budget"]
        print("\nAnggaran")
        if bud["realization_recorded"]:
            print(
                f"  Pagu {format_rupiah(bud['allocation'])}, realisasi {format_rupiah(bud['realized'])}, "
                f"penyerapan {format_percent(bud['absorption_pct'])}, sisa {format_rupiah(bud['remaining'])}"
            )
        else:
            print(f"  Pagu {format_rupiah(bud['allocation'])}; belum ada realisasi (berkas hanya memuat pagu)")
        if bud.get("unfunded_rows"):
            print(
                f"  Realisasi {format_rupiah(bud['unfunded_realized'])} pada {bud['unfunded_rows']} baris tanpa pagu "
                "termasuk dalam realisasi, tidak dalam penyerapan dan sisa."
            )
        for line in bud["lines"]:
            if not bud["realization_recorded"]:
                absorbed = "belum ada realisasi"
            else:
                absorbed = format_percent(line["absorption_pct"]) if line["allocation"] is not None else "pagu kosong"
            print(f"  - {line['code'] or '-'} {line['name'][:60]}: {absorbed}")
    if "capaian_vs_budget" in data:
        cvb = data["capaian_vs_budget"]
        print("\nCapaian dan penyerapan per kegiatan")
        for k in cvb["kegiatan"]:
            print(
                f"  - {k['code']}: capaian {format_percent(k['capaian_pct'])}, penyerapan "
                f"{format_percent(k['absorption_pct'])} — {k['quadrant'] or 'tidak dapat dipasangkan'}"
            )
        print(
            f"  Nilai efisiensi (PMK 214/2017): {format_percent(cvb['efficiency_score_pct'])} "
            f"(E = {format_percent(cvb['efficiency_e_pct'])})"
        )
    if "assets" in data:
        ast = data["assets"]
        kondisi = ", ".join(f"{k} {format_number(v)}" for k, v in ast["by_condition"].items())
        print("\nAset")
        good_units = ast["by_condition"].get("Baik", 0)
        good = (
            f"baik {format_share(good_units, ast['condition_known'], 'unit', 'yang tercatat kondisinya')}"
            if ast["condition_recorded"]
            else "kondisi tidak tercatat di berkas"
        )
        print(f"  {format_number(ast['units'])} unit ({kondisi}); {good}; nilai {format_rupiah(ast['total_value'])}")
    if "staff" in data:
        stf = data["staff"]
        print("\nPegawai")
        roles = ", ".join(f"{k} {v}" for k, v in stf["by_role"].items())
        print(f"  {stf['count']} orang ({roles}); sekretariat (ASN dan PPNPN) {stf['secretariat_count']} orang")
        for role in stf["roles"]:
            print(
                f"  - {role['role']}: perempuan "
                f"{format_share(role['women'], role['gender_known'], 'orang', 'yang tercatat jenis kelaminnya')}"
            )
    print(f"\nTemuan pemeriksaan: {len(data['checks'])}")
    for check in data["checks"]:
        where = ", ".join(
            str(p)
            for p in (
                check["file"],
                check["sheet"] and f"lembar {check['sheet']}",
                check["row"] and f"baris {check['row']}",
            )
            if p
        )
        print(f"  [{SEVERITY_LABELS[check['severity']]}] {check['message']} ({where})")


def _layouts(paths: list[str]) -> dict[str, Layout]:
    """kind → layout from ``--layout`` JSON files; a second layout for the same kind is refused."""
    layouts: dict[str, Layout] = {}
    for name in paths:
        path = Path(name)
        try:
            text = path.read_bytes()
        except OSError as err:
            raise LakipError(f"Berkas tata letak {path} tidak dapat dibaca: {err.strerror or err}.") from err
        try:
            layout = parse_layout(text)
        except LakipError as err:
            raise LakipError(f"{path.name}: {err}") from err
        if layout.kind in layouts:
            raise LakipError(f"Dua tata letak untuk jenis data yang sama ({KINDS[layout.kind].slug}); pilih satu.")
        layouts[layout.kind] = layout
    return layouts


def print_budget_year(year: BudgetYear) -> None:
    """The budget through the year as text: the months stored, a line per quarter, the projection."""
    months = ", ".join(month_name(m) for m in year.months)
    print(f"\nAnggaran sepanjang tahun ({len(year.months)} bulan tersimpan: {months})")
    if len(year.months) < 2:
        print("  Unggah laporan GLP039 bulan lain: setiap bulan disimpan sebagai riwayat.")
    total = year.total
    for quarter in total.quarters:
        below = [
            f"{line.label} {format_percent(q.actual_pct)} < {format_percent(q.target_pct, 0)}"
            for line in year.jenis
            for q in line.quarters
            if q.quarter == quarter.quarter and q.status == "missed"
        ]
        figures = (
            f"{format_percent(quarter.actual_pct)}, target {format_percent(quarter.target_pct)}"
            if quarter.actual_pct is not None
            else f"target {format_percent(quarter.target_pct)}"
        )
        detail = f" ({'; '.join(below)})" if below else ""
        print(f"  {quarter.name} ({month_name(quarter.month)}): {figures} — {STATUS_LABELS[quarter.status]}{detail}")
    if total.targets is None:
        print("  Target IKPA tidak dapat dihitung: berkas tidak memuat kode akun (jenis belanja).")
    if total.projection is not None:
        print(
            f"  Proyeksi Desember: {format_percent(total.projection.pct)} "
            f"(kenaikan rata-rata {total.projection.window_text}). {PROJECTION_METHOD}"
        )
    for line in year.lines:
        for change in line.pagu_changes:
            print(
                f"  Pagu {line.label} berubah {month_name(change.previous_month)} → {month_name(change.month)}: "
                f"{format_rupiah(change.before)} → {format_rupiah(change.after)}"
            )
    if year.plan is not None and year.plan.mean_pct is not None:
        print(f"  Deviasi realisasi terhadap RPD: rata-rata {format_percent(year.plan.mean_pct)}")


def run_summary(args: argparse.Namespace) -> int:
    """Read the files named on the command line; print the summary (exit 2 when a file is unreadable)."""
    if not (args.indicators or args.budget or args.assets or args.staff or args.plan):
        print("Berikan minimal satu berkas: --indicators, --budget, --assets, --staff atau --plan.", file=sys.stderr)
        return 2
    try:
        layouts = _layouts(args.layout)
        given = {
            "indicators": args.indicators,
            "budget": args.budget,
            "assets": args.assets,
            "staff": args.staff,
            "plan": args.plan,
        }
        for kind, layout in layouts.items():
            if not given[kind]:
                raise LakipError(
                    f"Tata letak '{layout.name}' untuk data {KINDS[kind].slug}, tetapi tidak ada berkas "
                    f"{KINDS[kind].slug} yang diberikan (--{'indicators' if kind == 'indicators' else kind})."
                )
        report = apply_flags(
            load_report(
                args.indicators,
                args.budget,
                args.assets,
                args.staff,
                year=args.year,
                layouts=layouts,
                satker=args.satker,
                plan=args.plan,
            ),
            args,
        )
        data = summary_dict(report)
    except LakipError as err:
        print(str(err).replace("\n", " "), file=sys.stderr)
        return 2
    silent = [f for f in report.findings if f.code == SILENT_ZERO]
    if silent:  # a figure would be a silent zero: no summary at all, the reason on stderr
        for finding in silent:
            print(f"{finding.message} ({finding.location})", file=sys.stderr)
        return 2
    ambiguous = [f for f in report.findings if f.code == COLUMN_AMBIGUOUS]
    if ambiguous:  # a figure from one of two columns nobody chose: no summary, as for a silent zero
        for finding in ambiguous:
            print(f"{finding.message} ({finding.location})", file=sys.stderr)
        print(
            "Tentukan kolomnya dengan --layout BERKAS.json: buat tata letaknya di halaman Unggah Data "
            "(Atur kolom sendiri, lalu Unduh JSON), atau ganti nama salah satu judul kolomnya.",
            file=sys.stderr,
        )
        return 2
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_text(report)
    return 0
