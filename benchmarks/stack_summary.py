"""Summarise py-spy collapsed stacks (``py-spy record --format raw``) as a table of costs.

Each line of the input is ``frame;frame;...;frame count`` with frames like
``func (path/file.py:123)``. The table gives, per function (line numbers dropped), the samples
where it is on the stack (inclusive) and at the top (self), as milliseconds per page run when
``--rate`` and ``--runs`` are given (samples / rate / runs).

Usage:
    python benchmarks/stack_summary.py prof.txt [--rate 200] [--runs 40] [--top 40]
        [--within _run_script] [--sort self|inclusive] [--prefix lakip_core/] [--buckets]

``--buckets`` sorts every sample into one of the dashboard's cost buckets (Streamlit's post-run
GC, its module watcher, plotly figure building, serialisation, cache reads, ...; see BUCKETS).
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_LINE = re.compile(r"^(?P<stack>.*) (?P<count>\d+)$")
_LINENO = re.compile(r":\d+\)$")


def frame_name(frame: str) -> str:
    """``func (pkg/mod.py:12)`` -> ``func (pkg/mod.py)``: a function, not one of its lines."""
    return _LINENO.sub(")", frame.strip())


def parse(lines: Iterable[str]) -> list[tuple[list[str], int]]:
    """Collapsed stacks as (frames root first, sample count); blank or malformed lines skipped."""
    stacks = []
    for line in lines:
        match = _LINE.match(line.rstrip("\n"))
        if match:
            frames = [frame_name(f) for f in match["stack"].split(";") if f.strip()]
            stacks.append((frames, int(match["count"])))
    return stacks


# Where a dashboard rerun's time goes, first match wins (frame text contained in any frame of a stack).
BUCKETS = [
    ("Streamlit post-run gc.collect(2) (runner.postScriptGC)", "ScriptRunner._on_script_finished"),
    ("Streamlit module watcher scan (server.fileWatcherType)", "LocalSourcesWatcher.update_watched_modules"),
    ("plotly figure building (lakip_core/presentation/charts.py)", "presentation/charts.py"),
    ("st.plotly_chart: figure to_dict + to_json", "PlotlyMixin.plotly_chart"),
    ("st.dataframe: Arrow serialisation", "ArrowMixin.dataframe"),
    ("st.cache_data read (unpickling the Report)", "DataCache.read_result"),
    ("pandera frame checks", "pandera/"),
    ("store queries (SQLAlchemy)", "sqlalchemy/"),
    ("other lakip_core (tables, crosstabs, filters)", "lakip_core/"),
    ("page scripts and Streamlit elements", "Page.run"),
    ("router dashboard.py (sidebar, navigation)", "(dashboard.py)"),
    ("script runner, compile, session start", "ScriptRunner._run_script_thread"),
    ("event loop: websocket sends, session events", "BaseEventLoop"),
]


def buckets(stacks: list[tuple[list[str], int]], rules: list[tuple[str, str]] = BUCKETS) -> Counter[str]:
    """Samples per bucket: each stack goes to the first rule whose text is in one of its frames."""
    out: Counter[str] = Counter()
    for frames, count in stacks:
        label = next((name for name, text in rules if any(text in f for f in frames)), "other")
        out[label] += count
    return out


@dataclass(frozen=True)
class Costs:
    total: int
    inclusive: Counter[str]
    self_: Counter[str]


def costs(stacks: list[tuple[list[str], int]], within: str | None = None) -> Costs:
    """Inclusive and self samples per function, over the stacks containing ``within`` (all if None).

    With ``within``, frames above it (its callers) are dropped, so the table reads from there down.
    A function recursing on one stack counts once for that stack.
    """
    inclusive: Counter[str] = Counter()
    self_: Counter[str] = Counter()
    total = 0
    for frames, count in stacks:
        if within is not None:
            at = next((i for i, f in enumerate(frames) if within in f), None)
            if at is None:
                continue
            frames = frames[at:]
        total += count
        for name in set(frames):
            inclusive[name] += count
        if frames:
            self_[frames[-1]] += count
    return Costs(total, inclusive, self_)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--rate", type=float, default=200, help="py-spy samples per second")
    parser.add_argument("--runs", type=int, default=0, help="page runs recorded (for ms per run)")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--within", help="only stacks through a frame containing this text")
    parser.add_argument("--sort", choices=["inclusive", "self"], default="inclusive")
    parser.add_argument("--prefix", default="", help="only list functions whose frame contains this")
    parser.add_argument("--buckets", action="store_true", help="print the dashboard's cost buckets instead")
    args = parser.parse_args()
    stacks = [s for path in args.files for s in parse(path.read_text().splitlines())]
    if args.buckets:
        counts = buckets(stacks)
        total = sum(counts.values())
        scale = 1000 / args.rate / args.runs if args.runs else None
        for name, count in counts.most_common():
            amount = f"{count * scale:8.1f} ms/run" if scale else f"{count:8d} samples"
            print(f"{amount}{count / total:>7.1%}  {name}")
        print(f"{total * scale:8.1f} ms/run total" if scale else f"{total:8d} samples total")
        return
    result = costs(stacks, args.within)
    table = result.inclusive if args.sort == "inclusive" else result.self_
    scale = 1000 / args.rate / args.runs if args.runs else None
    unit = "ms/run" if scale else "samples"
    print(f"{result.total} samples{f' = {result.total * scale:.0f} ms per run' if scale else ''}")
    print(f"{'incl ' + unit:>14}{'self ' + unit:>14}{'incl %':>8}  function")
    shown = 0
    for name, _ in table.most_common():
        if args.prefix not in name:
            continue
        incl, own = result.inclusive[name], result.self_[name]
        if scale:
            print(f"{incl * scale:>14.1f}{own * scale:>14.1f}{incl / result.total:>8.1%}  {name}")
        else:
            print(f"{incl:>14}{own:>14}{incl / result.total:>8.1%}  {name}")
        shown += 1
        if shown >= args.top:
            break


if __name__ == "__main__":
    main()
