"""Summarise py-spy collapsed stacks (``py-spy record --format raw``) as a table of costs.

Each line of the input is ``frame;frame;...;frame count`` with frames like
``func (path/file.py:123)``. The table gives, per function (line numbers dropped), the samples
where it is on the stack (inclusive) and at the top (self), as milliseconds per page run when
``--rate`` and ``--runs`` are given (samples / rate / runs).

Usage:
    python benchmarks/stack_summary.py prof.txt [--rate 200] [--runs 40] [--top 40]
        [--within _run_script] [--sort self|inclusive] [--prefix lakip_core/]
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
    args = parser.parse_args()
    stacks = [s for path in args.files for s in parse(path.read_text().splitlines())]
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
