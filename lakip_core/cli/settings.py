"""Settings on the command line: ``summary``/``export`` flags, and ``settings show|set|reset`` on the store.

``--scale``, ``--cap``, ``--tolerance`` and ``--setting NAME=VALUE`` (any editable setting) change the
settings of one run; they win over the defaults (files) and over the store's settings (``--db``).
``settings set`` changes what the store keeps, as the dashboard's Pengaturan page does: checked,
audited, and in force for every figure from then on. Values are written as people write them
(``120``, ``1,5``, ``tanpa batas``, ``baik:91/76/66/51``, ``52=15/50/70/90; 53=10/40/70/90``);
``@FILE`` reads the value from a file (the useful-life table as CSV).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from lakip_core.analysis.report import Report
from lakip_core.errors import LakipError
from lakip_core.rules import settings_codec as codec
from lakip_core.rules.settings import Settings
from lakip_core.store.auth import SYSTEM, Actor

_DB_HELP = "URL basis data (bawaan: $LAKIP_DB_URL, atau data/lakip.db); jalur berkas = SQLite"
_USER_HELP = "akun admin yang tercatat melakukan ini (perannya diperiksa); tanpa ini: operator baris perintah"
FLAGS = (("scale", "scale"), ("cap", "cap_pct"), ("tolerance", "tolerance_pts"))


def add_settings_flags(parser: argparse.ArgumentParser) -> None:
    """The flags that change the settings of one ``summary`` / ``export`` run."""
    parser.add_argument(
        "--scale", metavar="SKALA", help="skala kategori: tinggi atau baik, boleh dengan batas (baik:91/76/66/51)"
    )
    parser.add_argument("--cap", metavar="PERSEN", help="batas atas capaian per indikator (mis. 120; 'tanpa' = tanpa)")
    parser.add_argument("--tolerance", metavar="POIN", help="toleransi persentase tertulis, dalam poin (bawaan 1)")
    parser.add_argument(
        "--setting",
        action="append",
        default=[],
        metavar="NAMA=NILAI",
        help="pengaturan lain untuk sekali jalan (lihat: python -m lakip_core settings show)",
    )


def _value_text(text: str) -> str:
    if not text.startswith("@"):
        return text
    path = Path(text[1:])
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as err:
        raise LakipError(f"Berkas {path} tidak dapat dibaca: {err.strerror or err}.") from err


def flag_values(args: argparse.Namespace) -> dict[str, Any]:
    """The checked setting values given by the flags of this run (name → value)."""
    values: dict[str, Any] = {}
    for flag, name in FLAGS:
        text = getattr(args, flag, None)
        if text is not None:
            values[name] = codec.parse(name, _value_text(text))
    for item in getattr(args, "setting", []):
        name, sep, text = item.partition("=")
        if not sep:
            raise LakipError(f"Tulis --setting NAMA=NILAI, bukan '{item}'.")
        values[name.strip()] = codec.parse(name.strip(), _value_text(text))
    return values


def apply_flags(report: Report, args: argparse.Namespace) -> Report:
    """``report`` under the settings the flags give (the same report without flags)."""
    values = flag_values(args)
    return report.with_settings(codec.apply(report.settings, values)) if values else report


def add_settings_command(commands: Any) -> None:
    settings = commands.add_parser("settings", help="lihat atau ubah pengaturan perhitungan di basis data")
    actions = settings.add_subparsers(dest="settings_command", required=True, parser_class=type(settings))
    show = actions.add_parser("show", help="pengaturan yang berlaku")
    show.add_argument("name", nargs="?", metavar="NAMA", help="hanya satu pengaturan (nilainya saja)")
    show.add_argument("--json", action="store_true", help="keluaran JSON")
    for action, helptext in (("set", "ubah satu pengaturan (admin)"), ("reset", "kembalikan ke bawaan (admin)")):
        sub = actions.add_parser(action, help=helptext)
        sub.add_argument("name", metavar="NAMA")
        if action == "set":
            sub.add_argument("value", metavar="NILAI", help="nilai baru; @BERKAS membaca nilai dari berkas")
        sub.add_argument("--user", metavar="U", help=_USER_HELP)
    for sub in (show, *(actions.choices[a] for a in ("set", "reset"))):
        sub.add_argument("--year", type=int, help="tahun laporan (untuk pengaturan per tahun, mis. target IKPA)")
        sub.add_argument("--db", metavar="URL", help=_DB_HELP)


def _actor(name: str | None) -> Actor:
    return Actor(name.strip().lower()) if name else SYSTEM


def _year(store: Any, args: argparse.Namespace, name: str | None) -> int:
    if args.year is not None:
        return int(args.year)
    if name is not None and codec.spec(name).per_year and args.settings_command != "show":
        raise LakipError(f"'{name}' berlaku per tahun laporan: sebutkan --year.")
    datasets = store.datasets()
    return int(datasets[0][1]) if datasets else Settings().year


def run_settings(args: argparse.Namespace) -> int:
    """``settings show|set|reset``; Indonesian reason on stderr and exit 2 on refusal."""
    from lakip_core.store import Store

    store = Store(args.db)
    try:
        year = _year(store, args, getattr(args, "name", None))
        if args.settings_command == "show":
            return _show(store, args, year)
        if args.settings_command == "set":
            changes = store.change_settings(
                _actor(args.user), {args.name: codec.parse(args.name, _value_text(args.value))}, year
            )
        else:
            changes = store.reset_settings(_actor(args.user), [args.name], year)
        for change in changes:
            print(change.describe(), file=sys.stderr)
        if not changes:
            print("Tidak ada yang berubah: nilai itu sudah berlaku.", file=sys.stderr)
        return 0
    except LakipError as err:
        print(str(err).replace("\n", " "), file=sys.stderr)
        return 2
    finally:
        store.dispose()


def _show(store: Any, args: argparse.Namespace, year: int) -> int:
    overrides = store.overrides()
    settings = overrides.settings(year)
    items = [codec.spec(args.name)] if args.name else list(codec.specs())
    if args.json:
        data = {
            item.name: {
                "label": item.label,
                "value": codec.to_plain(item.name, getattr(settings, item.name)),
                "text": codec.show(item.name, getattr(settings, item.name)),
                "chosen": overrides.is_chosen(item.name, year),
                "per_year": item.per_year,
            }
            for item in items
        }
        json.dump({"year": year, "settings": data}, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if args.name:
        value = getattr(settings, args.name)
        print(codec.useful_life_csv(value) if args.name == "useful_life" else codec.show(args.name, value), end="")
        print("" if args.name == "useful_life" else "\n", end="")
        return 0
    print(f"Pengaturan perhitungan (tahun laporan {year})")
    group = None
    order = list(dict.fromkeys(item.group for item in items))
    for item in sorted(items, key=lambda i: order.index(i.group)):
        if item.group != group:
            group = item.group
            print(f"\n{group}")
        mark = "diubah" if overrides.is_chosen(item.name, year) else "bawaan"
        scope = f", tahun {year}" if item.per_year else ""
        print(f"  {item.label} [{item.name}]: {codec.show(item.name, getattr(settings, item.name))} ({mark}{scope})")
    return 0
