"""The store's command line: ``import``, ``versions``, ``restore``, ``user add``, ``summaries`` and ``summary --db``.

Same code path as the upload page (:meth:`lakip_core.store.Store.import_file`). Exit status 0 on
success, 2 with a one-line Indonesian reason on stderr when a file or an action is refused (the
store is then unchanged), never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lakip_core.analysis import plan as plan_mod
from lakip_core.analysis.budget_year import budget_year, budget_year_dict
from lakip_core.analysis.report import Report, summary_dict
from lakip_core.cli.settings import apply_flags
from lakip_core.cli.summary import print_budget_year
from lakip_core.errors import LakipError
from lakip_core.intake.kinds import KINDS, kind_name
from lakip_core.presentation.format import format_number
from lakip_core.reading.numbers import cell_text
from lakip_core.store.auth import ROLE_LABELS, ROLES, SYSTEM, Actor
from lakip_core.store.months import budget_months

STORE_COMMANDS = frozenset({"import", "versions", "restore", "user", "summaries"})
_DB_HELP = "URL basis data (bawaan: $LAKIP_DB_URL, atau data/lakip.db); jalur berkas = SQLite"
_USER_HELP = "akun yang tercatat melakukan ini (perannya diperiksa); tanpa ini: operator baris perintah"


def add_store_commands(commands: Any) -> None:
    """Add the store's subcommands to the ``python -m lakip_core`` parser."""
    kinds = ", ".join(k.slug for k in KINDS.values())
    imp = commands.add_parser("import", help="periksa lalu simpan satu berkas sebagai versi baru")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--kind", required=True, help=f"jenis data: {kinds}, atau 'otomatis'")
    imp.add_argument(
        "--satker",
        required=True,
        help="satuan kerja, mis. 'KPU Kota Jakarta Selatan'; untuk berkas ADK berisi banyak satker: kode satker "
        "yang disimpan",
    )
    imp.add_argument("--year", type=int, required=True, help="tahun laporan")
    imp.add_argument("--db", metavar="URL", help=_DB_HELP)
    imp.add_argument("--user", metavar="U", help=_USER_HELP)
    imp.add_argument(
        "--layout",
        metavar="NAMA",
        help="baca dengan tata letak tersimpan bernama NAMA (tanpa ini: tata letak yang judul kolomnya cocok, "
        "lalu pembacaan otomatis)",
    )

    ver = commands.add_parser("versions", help="daftar versi tersimpan")
    ver.add_argument("--db", metavar="URL", help=_DB_HELP)
    ver.add_argument("--satker")
    ver.add_argument("--year", type=int)
    ver.add_argument("--json", action="store_true", help="keluaran JSON")

    res = commands.add_parser("restore", help="jadikan versi lama berlaku kembali")
    res.add_argument("version", type=int, metavar="ID")
    res.add_argument("--db", metavar="URL", help=_DB_HELP)
    res.add_argument("--user", metavar="U", help=_USER_HELP)

    summaries = commands.add_parser(
        "summaries", help="hitung ringkasan rekap provinsi/nasional untuk versi lama yang belum memilikinya"
    )
    summaries.add_argument("--db", metavar="URL", help=_DB_HELP)

    user = commands.add_parser("user", help="kelola akun (mis. membuat admin pertama)")
    user_commands = user.add_subparsers(dest="user_command", required=True, parser_class=type(user))
    add = user_commands.add_parser("add", help="buat akun")
    add.add_argument("username")
    add.add_argument("--role", choices=ROLES, required=True)
    add.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari stdin (satu baris)")
    add.add_argument("--db", metavar="URL", help=_DB_HELP)


def _actor(name: str | None) -> Actor:
    return Actor(name.strip().lower()) if name else SYSTEM


def run_store_command(args: argparse.Namespace, print_text: Callable[[Report], None]) -> int:
    """Run one store subcommand; Indonesian reason on stderr and exit 2 on refusal."""
    from lakip_core.store import Store

    store = Store(args.db)
    try:
        if args.command == "import":
            return _import(store, args)
        if args.command == "versions":
            return _versions(store, args)
        if args.command == "restore":
            info = store.restore(_actor(args.user), args.version)
            print(info.id)
            print(f"Versi #{info.id} ({info.kind_label}, {info.satker} {info.year}) kini berlaku.", file=sys.stderr)
            return 0
        if args.command == "user":
            return _user_add(store, args)
        if args.command == "summaries":
            return _summaries(store)
        return _summary(store, args, print_text)
    except LakipError as err:
        print(str(err).replace("\n", " "), file=sys.stderr)
        return 2
    finally:
        store.dispose()


def _import(store: Any, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise LakipError(f"Berkas {path} tidak dapat dibaca: {err.strerror or err}.") from err
    kind = None if args.kind.strip().lower() in ("otomatis", "auto") else args.kind
    chosen = store.layout_named(args.layout).known() if args.layout else None
    if chosen is not None and kind is not None and kind_name(kind) != chosen.layout.kind:
        raise LakipError(
            f"Tata letak '{chosen.layout.name}' untuk data {KINDS[chosen.layout.kind].slug}, bukan {kind}. "
            "Pilih --kind yang sesuai atau 'otomatis'."
        )
    kept = [] if chosen else [s.known() for s in store.layouts()]
    result = store.import_file(
        _actor(args.user), data, path.name, kind, args.satker, args.year, layouts=kept, chosen_layout=chosen
    )
    print(result.version_id)
    read_with = store.version(result.version_id).reading_layout_name
    if read_with:
        print(f"Dibaca dengan tata letak '{read_with}'.", file=sys.stderr)
    print(result.message, file=sys.stderr)
    return 0


def _versions(store: Any, args: argparse.Namespace) -> int:
    items = store.versions(args.satker, args.year)
    if args.json:
        rows = [
            {
                "id": v.id,
                "satker": v.satker,
                "year": v.year,
                "kind": KINDS[v.kind].slug,
                "filename": v.filename,
                "sha256": v.sha256,
                "rows": v.row_count,
                "uploaded_by": v.uploaded_by,
                "uploaded_at": v.uploaded_at,
                "parser_version": v.parser_version,
                "current": v.is_current,
                "period_month": v.period_month,
                "file_satker": v.file_satker,
            }
            for v in items
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not items:
        print("Belum ada versi tersimpan.")
        return 0
    for v in items:
        mark = "  [berlaku]" if v.is_current else ""
        print(
            f"#{v.id:<4} {v.satker} {v.year}  {KINDS[v.kind].slug:<9} {v.filename}  "
            f"{format_number(v.row_count)} baris  oleh {v.uploaded_by}  {v.uploaded_at}{mark}"
        )
    return 0


def _summaries(store: Any) -> int:
    missing = store.missing_summaries()
    print(f"{format_number(len(missing))} versi berlaku belum memiliki ringkasan.", file=sys.stderr)

    def progress(done: int, total: int) -> None:
        if done % 50 == 0 or done == total:
            print(f"  {format_number(done)} dari {format_number(total)} versi…", file=sys.stderr)

    done, problems = store.backfill_summaries(missing, progress=progress)
    for problem in problems:
        print(f"  dilewati: {problem}", file=sys.stderr)
    print(done)
    print(f"Ringkasan dihitung untuk {format_number(done)} versi.", file=sys.stderr)
    return 0 if not problems else 2


def _user_add(store: Any, args: argparse.Namespace) -> int:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Kata sandi: ")
        if getpass.getpass("Ulangi kata sandi: ") != password:
            raise LakipError("Kedua kata sandi tidak sama.")
    account = store.create_user(SYSTEM, args.username, password, args.role)
    print(f"Akun {account.username} ({ROLE_LABELS[account.role]}) dibuat.", file=sys.stderr)
    return 0


def _summary(store: Any, args: argparse.Namespace, print_text: Callable[[Report], None]) -> int:
    if args.layout:
        raise LakipError("--layout dipakai dengan berkas (--budget dan lainnya), bukan dengan --db.")
    if args.indicators or args.budget or args.assets or args.staff or getattr(args, "plan", None):
        raise LakipError(
            "Pilih salah satu: berkas (--indicators/--budget/--assets/--staff/--plan) atau --db, bukan keduanya."
        )
    if not args.satker or not args.year:
        raise LakipError("Dengan --db, sebutkan --satker dan --year.")
    report = store.current_report(cell_text(args.satker), args.year)
    if report is None:
        raise LakipError(f"Belum ada data tersimpan untuk {args.satker} tahun {args.year}.")
    report = apply_flags(report, args)  # the store's settings, then this run's flags
    months = budget_months(store, cell_text(args.satker), args.year)
    plan = plan_mod.monthly(report.plan) if report.plan is not None else None
    year = budget_year(months, report.settings, plan) if months else None
    if args.json:
        data = summary_dict(report)
        if year is not None:  # the stored months of the year (GLP039 history), added to the contract
            data["budget_months"] = budget_year_dict(year)
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_text(report)
        if year is not None:
            print_budget_year(year)
    return 0
