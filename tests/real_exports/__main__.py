"""Write one file of each export layout: ``python tests/real_exports OUTDIR [--rows N]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as ``python tests/real_exports``: make ``tests`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.real_exports import adk_items, bmn_register, glp039, percent_cells, siasn_staff, sipd_lra  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--rows", type=int, default=300, help="GLP039 hierarchy rows (default 300)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    out: Path = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    seed = args.seed
    results = [
        glp039(out / "glp039_oktober_2025.xlsx", rows=args.rows, seed=seed),
        sipd_lra(out / "sipd_lra_2026.xlsx", seed=seed),
        adk_items(out / "d_item25.csv", header=False, seed=seed),
        adk_items(out / "adk_d_item_header.csv", header=True, seed=seed),
        *(bmn_register(out / f"bmn_{style}.xlsx", style=style, seed=seed) for style in ("simak", "sakti", "siman")),
        bmn_register(out / "bmn_sakti_tanpa_kondisi.xlsx", style="sakti", with_condition=False, seed=seed),
        siasn_staff(out / "siasn_pegawai.xlsx", ppnpn=6, seed=seed),
        percent_cells(out / "indikator_persen.xlsx", seed=seed),
    ]
    for result in results:
        totals = ", ".join(
            f"{name}={getattr(result, name):,}"
            for name in ("pagu", "realisasi", "rows", "nilai_perolehan")
            if isinstance(getattr(result, name, None), int)
        )
        print(f"{result.path}  {totals}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
