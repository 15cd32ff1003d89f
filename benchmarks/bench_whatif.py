"""Benchmark: what-if recomputation of 1,000 indicators (target: under 50 ms).

Run ``python benchmarks/bench_whatif.py``. The indicators are generated (50 sasaran of 20
indicators; percentages, counts in Laporan/Dokumen, ranges, BPK opinions, negative polarity, some
without realisasi). Three edits are timed, each the best of 7 runs after one warm-up run:

* one indicator's realisasi edited (a user typing in the table);
* the bulk rule "every 100% target → 90%" (most rows edited);
* every row's target and realisasi edited (the worst case: everything parsed again).

Each run is :func:`lakip_core.analysis.whatif.simulate`: apply the edits, recompute the edited rows,
the sasaran means and the office figures, baseline vs scenario. Exit status 1 if any is ≥ 50 ms.
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lakip_core.analysis import indicators as indicators_mod  # noqa: E402
from lakip_core.analysis import whatif  # noqa: E402
from lakip_core.rules.settings import Settings  # noqa: E402

COUNT = 1_000
LIMIT_MS = 50.0
KINDS = (
    ("100%", lambda r: f"{r.uniform(40, 110):.2f}%".replace(".", ","), "positif"),
    ("12 Lap", lambda r: f"{r.randint(4, 13)} Lap", "positif"),
    ("4 Dokumen", lambda r: f"{r.randint(1, 4)} Dokumen", "positif"),
    ("80-90%", lambda r: f"{r.uniform(60, 95):.1f}%".replace(".", ","), "positif"),
    ("WTP", lambda r: r.choice(["WTP", "WDP"]), "positif"),
    ("5 Kasus", lambda r: f"{r.randint(2, 9)} Kasus", "negatif"),
)


def generate(count: int = COUNT, seed: int = 2024) -> pd.DataFrame:
    """A computed indicator frame of ``count`` rows in sasaran of 20 indicators."""
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        target, actual, polarity = KINDS[i % len(KINDS)] if i % 3 else KINDS[0]
        rows.append(
            {
                "document": "Capaian Kinerja" if i < count * 0.8 else "PK Sekretaris",
                "objective": f"Sasaran {i // 20 + 1}",
                "objective_code": "",
                "group": "",
                "indicator": f"Indikator {i + 1}",
                "target_text": target,
                "actual_text": "" if rng.random() < 0.1 else actual(rng),
                "unit_text": "",
                "polarity": polarity,
                "formula": "standar",
                "stated_pct": None,
            }
        )
    return indicators_mod.compute(pd.DataFrame(rows), Settings())


def best_ms(run: Callable[[], object], repeats: int = 7) -> float:
    run()
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        timings.append((time.perf_counter() - start) * 1000)
    return min(timings)


def main() -> int:
    settings = Settings()
    computed = generate()
    keys = whatif.indicator_keys(computed)
    one = whatif.Scenario(indicators={keys[10]: whatif.IndicatorEdit(actual_text="95%")})
    bulk, changed = whatif.bulk_replace(computed, whatif.Scenario(), "target", 100, 90)
    every = whatif.Scenario(
        indicators={key: whatif.IndicatorEdit(target_text="95%", actual_text="90%") for key in keys}
    )
    cases = (
        ("1 indikator diubah", one),
        (f"aturan massal 100% → 90% ({changed} indikator)", bulk),
        (f"semua {len(keys)} indikator diubah", every),
    )
    print(f"Simulasi {len(computed)} indikator, {computed['objective'].nunique()} sasaran (terbaik dari 7):")
    worst = 0.0
    for label, scenario in cases:
        ms = best_ms(lambda s=scenario: whatif.simulate(computed, s, settings))
        worst = max(worst, ms)
        print(f"  {label:<45} {ms:6.1f} ms")
    status = "OK" if worst < LIMIT_MS else "TERLALU LAMBAT"
    print(f"Terburuk {worst:.1f} ms; batas {LIMIT_MS:.0f} ms: {status}")
    return 0 if worst < LIMIT_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
