"""``python -m lakip_core summary ...``: the command line other tools call (a stable contract).

Exit status 0 on success, 2 with a one-line Indonesian reason on stderr when a file cannot be
read, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from lakip_core.cli.export import add_export_command, run_export
from lakip_core.cli.settings import add_settings_command, add_settings_flags, run_settings
from lakip_core.cli.store import STORE_COMMANDS, add_store_commands, run_store_command
from lakip_core.cli.summary import print_text, run_summary


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
    summary.add_argument(
        "--satker",
        help="satuan kerja: dengan --db, nama satker tersimpan; dengan berkas yang memuat banyak satker "
        "(ADK), kode atau nama satker yang dibaca",
    )
    summary.add_argument(
        "--layout",
        action="append",
        default=[],
        metavar="F.json",
        help="tata letak kolom (JSON dari halaman Unggah) untuk berkas jenisnya; boleh lebih dari satu",
    )
    add_settings_flags(summary)  # --scale / --cap / --tolerance / --setting: this run only
    add_store_commands(commands)  # import / versions / restore / user: the store
    add_export_command(commands)  # export --format xlsx|docx: the report's tables
    add_settings_command(commands)  # settings show|set|reset: the store's settings
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "export":
        return run_export(args)
    if args.command == "settings":
        return run_settings(args)
    if args.command in STORE_COMMANDS or (args.command == "summary" and args.db):
        return run_store_command(args, print_text)
    return run_summary(args)
