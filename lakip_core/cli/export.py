"""``python -m lakip_core export --format xlsx|docx --out FILE``: the report's tables as a document.

``--paper a4|f4`` sets the docx page size; ``--scenario NAMA`` adds a saved Simulasi scenario
beside the stored figures (from the store with ``--db``, or from ``--scenario-file``).

The inputs are those of ``summary``: files (``--indicators``/``--budget``/``--assets``/``--staff``)
or the store (``--db URL --satker S --year Y``). The documents are the same as the dashboard's
Ekspor page (:mod:`lakip_core.presentation.export`). Exit status 0 on success, 2 with a one-line Indonesian
reason on stderr otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from lakip_core.analysis.report import Report, load_report
from lakip_core.analysis.whatif.scenario import Scenario
from lakip_core.cli.settings import add_settings_flags, apply_flags
from lakip_core.errors import LakipError
from lakip_core.reading.numbers import cell_text


def add_export_command(commands: Any) -> None:
    export = commands.add_parser("export", help="tabel laporan sebagai xlsx atau docx (masukan sama dengan summary)")
    export.add_argument("--format", required=True, choices=("xlsx", "docx"), help="jenis dokumen")
    export.add_argument("--out", required=True, metavar="FILE", help="berkas keluaran")
    export.add_argument("--indicators", nargs="+", action="extend", default=[], metavar="F", help="berkas indikator")
    export.add_argument("--budget", metavar="F", help="berkas anggaran")
    export.add_argument("--assets", metavar="F", help="berkas aset BMN")
    export.add_argument("--staff", metavar="F", help="berkas pegawai")
    export.add_argument("--year", type=int, help="tahun laporan (bawaan: dari judul berkas)")
    export.add_argument("--db", metavar="URL", help="baca versi berlaku dari basis data, bukan dari berkas")
    export.add_argument("--satker", help="satuan kerja (dengan --db)")
    export.add_argument("--no-charts", action="store_true", help="docx tanpa grafik (lebih cepat, tanpa Chromium)")
    export.add_argument("--paper", choices=("a4", "f4"), default="a4", help="ukuran kertas docx (bawaan: a4)")
    export.add_argument(
        "--scenario",
        metavar="NAMA",
        help="sertakan skenario Simulasi tersimpan di samping data tersimpan (dari --db atau --scenario-file)",
    )
    export.add_argument("--scenario-file", metavar="F", help="berkas skenario JSON yang diunduh dari Simulasi")
    add_settings_flags(export)


def _report(args: argparse.Namespace) -> Report:
    files = args.indicators or args.budget or args.assets or args.staff
    if args.db:
        if files:
            raise LakipError(
                "Pilih salah satu: berkas (--indicators/--budget/--assets/--staff) atau --db, bukan keduanya."
            )
        if not args.satker or not args.year:
            raise LakipError("Dengan --db, sebutkan --satker dan --year.")
        from lakip_core.store import Store

        store = Store(args.db)
        try:
            report = store.current_report(cell_text(args.satker), args.year)
        finally:
            store.dispose()
        if report is None:
            raise LakipError(f"Belum ada data tersimpan untuk {args.satker} tahun {args.year}.")
        return report
    if not files:
        raise LakipError("Berikan minimal satu berkas: --indicators, --budget, --assets atau --staff (atau --db).")
    return load_report(args.indicators, args.budget, args.assets, args.staff, year=args.year)


def _scenario(args: argparse.Namespace) -> Scenario | None:
    """The scenario named by ``--scenario``: from ``--scenario-file`` or else from the store (``--db``).

    A file holding one scenario needs no name. Raises :class:`LakipError` naming the scenarios
    there are when the name is not found.
    """
    from lakip_core.analysis.whatif import ScenarioError, scenarios_from_json

    if args.scenario_file:
        path = Path(args.scenario_file)
        try:
            found = {s.name: s for s in scenarios_from_json(path.read_bytes())}
        except OSError as err:
            raise LakipError(f"Berkas skenario {path} tidak dapat dibaca: {err.strerror or err}.") from err
        except ScenarioError as err:
            raise LakipError(str(err)) from err
        if args.scenario is None and len(found) == 1:
            return next(iter(found.values()))
    elif args.scenario is None:
        return None
    elif args.db:
        from lakip_core.store import Store

        store = Store(args.db)
        try:
            found = {s.name: s.scenario for s in store.scenarios(cell_text(args.satker), args.year)}
        finally:
            store.dispose()
    else:
        raise LakipError("Skenario dibaca dari basis data (--db) atau dari berkas (--scenario-file).")
    name = cell_text(args.scenario or "")
    if name not in found:
        known = ", ".join(f"'{n}'" for n in found) or "tidak ada"
        raise LakipError(f"Skenario '{name}' tidak ditemukan. Skenario yang ada: {known}.")
    return found[name]


def run_export(args: argparse.Namespace) -> int:
    """Write the document; print its path on stdout and a note (charts missing ...) on stderr."""
    from lakip_core.presentation.export_docx import PAPERS, to_docx
    from lakip_core.presentation.export_images import ChartImages, chart_images, report_charts
    from lakip_core.presentation.export_xlsx import report_xlsx

    try:
        report = apply_flags(_report(args), args)
        scenario = _scenario(args)
        if args.format == "xlsx":
            data = report_xlsx(report, scenario)
        else:
            images = ChartImages({}, "Grafik tidak disertakan (--no-charts).") if args.no_charts else None
            if images is None:
                images = chart_images(report_charts(report, scenario))
            if images.note:
                print(images.note, file=sys.stderr)
            data = to_docx(report, images, paper=PAPERS[args.paper], scenario=scenario)
        out = Path(args.out)
        try:
            out.write_bytes(data)
        except OSError as err:
            raise LakipError(f"Berkas {out} tidak dapat ditulis: {err.strerror or err}.") from err
    except LakipError as err:
        print(str(err).replace("\n", " "), file=sys.stderr)
        return 2
    print(out)
    return 0
