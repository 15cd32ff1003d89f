"""``python -m lakip_core summary``: the report of some files as text or as the JSON contract."""

from __future__ import annotations

import argparse
import json
import sys

from lakip_core.analysis.report import Report, load_report, summary_dict
from lakip_core.cli.settings import apply_flags
from lakip_core.errors import LakipError
from lakip_core.presentation.format import format_number, format_percent, format_rupiah
from lakip_core.rules.findings import SEVERITY_LABELS


def print_text(report: Report) -> None:
    data = summary_dict(report)
    print(f"Ringkasan LAKIP tahun {report.settings.year}" + (f" — {report.satker}" if report.satker else ""))
    if "indicators" in data:
        ind = data["indicators"]
        print("\nKinerja")
        print(f"  Indikator: {ind['count']} (dengan realisasi {ind['with_data']}, tercapai ≥100%: {ind['met']})")
        print(f"  Capaian rata-rata: {format_percent(ind['mean_achievement_pct'])} ({ind['category']})")
        for obj in ind["objectives"]:
            print(
                f"  - {obj['objective'][:70]}: {format_percent(obj['mean_achievement_pct'])}"
                f" ({obj['indicators']} indikator)"
            )
    if "budget" in data:
        bud = data["budget"]
        print("\nAnggaran")
        print(
            f"  Pagu {format_rupiah(bud['allocation'])}, realisasi {format_rupiah(bud['realized'])}, "
            f"penyerapan {format_percent(bud['absorption_pct'])}, sisa {format_rupiah(bud['remaining'])}"
        )
        for line in bud["lines"]:
            print(f"  - {line['code'] or '-'} {line['name'][:60]}: {format_percent(line['absorption_pct'])}")
    if "assets" in data:
        ast = data["assets"]
        kondisi = ", ".join(f"{k} {format_number(v)}" for k, v in ast["by_condition"].items())
        print("\nAset")
        print(
            f"  {format_number(ast['units'])} unit ({kondisi}); baik {format_percent(ast['good_pct'])}"
            f" dari yang diketahui kondisinya; nilai {format_rupiah(ast['total_value'])}"
        )
    if "staff" in data:
        stf = data["staff"]
        print("\nPegawai")
        roles = ", ".join(f"{k} {v}" for k, v in stf["by_role"].items())
        print(f"  {stf['count']} orang ({roles}); perempuan {format_percent(stf['female_pct'])}")
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


def run_summary(args: argparse.Namespace) -> int:
    """Read the files named on the command line; print the summary (exit 2 when a file is unreadable)."""
    if not (args.indicators or args.budget or args.assets or args.staff):
        print("Berikan minimal satu berkas: --indicators, --budget, --assets atau --staff.", file=sys.stderr)
        return 2
    try:
        report = apply_flags(load_report(args.indicators, args.budget, args.assets, args.staff, year=args.year), args)
        data = summary_dict(report)
    except LakipError as err:
        print(str(err).replace("\n", " "), file=sys.stderr)
        return 2
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_text(report)
    return 0
