"""``python -m lakip_core summary ...``: the command line other tools call (a stable contract).

Exit status 0 on success, 2 with a one-line Indonesian reason on stderr when a file cannot be
read, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import LakipError
from .findings import SEVERITY_LABELS
from .numbers import format_number, format_percent, format_rupiah
from .report import Report, load_report, summary_dict


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"Perintah tidak lengkap atau salah: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m lakip_core", description="Dasbor LAKIP: ringkasan kinerja, anggaran, aset, pegawai."
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    summary = commands.add_parser("summary", help="ringkasan dari berkas indikator/anggaran/aset/pegawai")
    summary.add_argument(
        "--indicators",
        nargs="+",
        action="extend",
        default=[],
        metavar="F",
        help="berkas indikator kinerja (boleh lebih dari satu)",
    )
    summary.add_argument("--budget", metavar="F", help="berkas anggaran (pagu dan realisasi)")
    summary.add_argument("--assets", metavar="F", help="berkas aset BMN")
    summary.add_argument("--staff", metavar="F", help="berkas pegawai")
    summary.add_argument("--year", type=int, help="tahun laporan (bawaan: dari judul berkas)")
    summary.add_argument("--json", action="store_true", help="keluaran JSON")
    summary.add_argument("--db", metavar="URL", help="baca versi berlaku dari basis data, bukan dari berkas")
    summary.add_argument("--satker", help="satuan kerja (dengan --db)")
    from .cli_store import add_store_commands  # import / versions / restore / user: the store

    add_store_commands(commands)
    from .cli_export import add_export_command  # export --format xlsx|docx: the report's tables

    add_export_command(commands)
    return parser


def _print_text(report: Report) -> None:
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "export":
        from .cli_export import run_export

        return run_export(args)
    from .cli_store import STORE_COMMANDS, run_store_command

    if args.command in STORE_COMMANDS or (args.command == "summary" and args.db):
        return run_store_command(args, _print_text)
    if args.command == "summary":
        if not (args.indicators or args.budget or args.assets or args.staff):
            print("Berikan minimal satu berkas: --indicators, --budget, --assets atau --staff.", file=sys.stderr)
            return 2
        try:
            report = load_report(args.indicators, args.budget, args.assets, args.staff, year=args.year)
            data = summary_dict(report)
        except LakipError as err:
            print(str(err).replace("\n", " "), file=sys.stderr)
            return 2
        if args.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
            print()
        else:
            _print_text(report)
    return 0
