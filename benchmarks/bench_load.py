"""Benchmark: N viewers opening the dashboard at the same moment, timed over Streamlit's websocket.

No browser: each viewer is a websocket client speaking Streamlit's own protobuf protocol, the way
the frontend does (``/_stcore/stream``, subprotocols ``["streamlit", <xsrf or placeholder>]``,
then a ``BackMsg.rerun_script`` whose ``page_name`` is the page's URL path and whose
``page_script_hash`` is empty, exactly what a browser sends when a tab opens ``/kinerja``). All N
sessions connect first, then all send their rerun in the same instant; each is timed from sending
the rerun until the server reports ``script_finished`` (and, on the side, until the first delta).

The same run starts a minimal Streamlit app (4 ``st.metric`` + 1 plotly bar, written to a temp
dir) twice and measures both the same way, interleaved batch by batch with the dashboard, so the
dashboard/minimal ratios stay meaningful on a busy machine:

- ``minimal (stock)``: Streamlit's default settings, the reference of issue 13's baseline table
  and of its goal (dashboard p95 at N = 20 no more than this app's, in the same run);
- ``minimal (same settings)``: the dashboard's ``.streamlit/config.toml`` (no module watcher, no
  GC after every run) and the same ``--config`` options, the stricter bar: what Streamlit itself
  costs for a one-chart page when configured like the dashboard.

The dashboard gets the repository's ``.streamlit/config.toml``; every server gets
``LAKIP_DATA_DIR`` pointing at an empty temp dir (the dashboard then shows the bundled sample
data), is warmed with one session per page, and is stopped at the end. The server's CPU time per
page run (from /proc) is printed too: it is the figure that noise on the machine changes least.

Every session is checked: the page that ran is the page asked for (``navigation`` message), no
exception element, no ``page_not_found``, and on pages that have charts a plotly chart arrived.
A failed check stops the benchmark with the reason.

Usage:
    python benchmarks/bench_load.py [--n 1,10,20,50] [--repeat 2]
        [--pages ringkasan,kinerja,anggaran,pegawai,aset,pemeriksaan] [--url http://host:port]
        [--minimal stock,same | --no-minimal] [--profile-n 20 --profile-out prof.txt]

``--url`` measures an already running dashboard instead of starting one (no CPU column unless
``--pid`` is given). ``--profile-out`` records the dashboard server with py-spy (``pip install
py-spy``) during the batches of ``--profile-n`` sessions and writes collapsed stacks;
``benchmarks/stack_summary.py`` turns them into a table of costs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import streamlit
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
# Page (as named on the command line) -> URL path sent as page_name; "" is the default page.
PAGE_PATHS = {
    "ringkasan": "",
    "kinerja": "kinerja",
    "anggaran": "anggaran",
    "pegawai": "pegawai",
    "aset": "aset",
    "pemeriksaan": "pemeriksaan",
    "perbandingan": "perbandingan",
    "simulasi": "simulasi",
    "ekspor": "ekspor",
    "versi": "versi",
}
MAIN_PAGES = ("ringkasan", "kinerja", "anggaran", "pegawai", "aset", "pemeriksaan")
# Pages that draw no chart on the sample data (tests/browser.py keeps the same list).
CHARTLESS = frozenset({"pemeriksaan", "perbandingan", "ekspor", "versi"})
MINIMAL_APP = '''\
"""Minimal reference app for benchmarks/bench_load.py: 4 metrics and 1 plotly bar chart."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(page_title="Minimal", layout="wide")
st.title("Aplikasi minimal")
figures = [("Capaian", "95,80%"), ("Penyerapan", "91,20%"), ("Pegawai", "31"), ("Aset", "412 unit")]
for column, (label, value) in zip(st.columns(4), figures, strict=True):
    column.metric(label, value)
fig = go.Figure(go.Bar(x=["Sasaran 1", "Sasaran 2", "Sasaran 3", "Sasaran 4"], y=[96.5, 101.2, 88.0, 104.3]))
st.plotly_chart(fig)
'''


# The two reference apps: Streamlit's defaults (issue 13's reference), and the dashboard's settings.
MINIMAL_KINDS = {"stock": "minimal (stock)", "same": "minimal (same settings)"}


def minimal_app(folder: Path, same_settings: bool) -> Path:
    """Write the minimal app into ``folder`` (with the dashboard's config.toml when ``same_settings``)."""
    (folder / ".streamlit").mkdir(parents=True)
    (folder / "app.py").write_text(MINIMAL_APP)
    config = ROOT / ".streamlit" / "config.toml"
    if same_settings and config.exists():
        shutil.copy(config, folder / ".streamlit" / "config.toml")
    return folder


class BenchError(RuntimeError):
    """A session did not run the page it asked for (or the server misbehaved)."""


@dataclass(frozen=True)
class PageRequest:
    """What a session asks for: the URL path, an optional query string, and whether a chart must arrive."""

    label: str
    path: str
    query: str = ""
    expect_chart: bool = True

    @classmethod
    def parse(cls, spec: str) -> PageRequest:
        """``kinerja`` or ``kinerja?rapat=true``; ``ringkasan`` is the default page (URL path "")."""
        name, _, query = spec.partition("?")
        path = PAGE_PATHS.get(name, name)
        return cls(label=spec, path=path, query=query, expect_chart=name not in CHARTLESS)


@dataclass(frozen=True)
class SessionResult:
    page: str
    first_delta_s: float
    finished_s: float
    deltas: int
    charts: int
    received_bytes: int


@dataclass
class Batch:
    """N sessions run at once, and the server CPU seconds they cost (None when unknown)."""

    n: int
    results: list[SessionResult]
    cpu_s: float | None
    wall_s: float

    def finished(self) -> list[float]:
        return [r.finished_s for r in self.results]

    def first(self) -> list[float]:
        return [r.first_delta_s for r in self.results]


@dataclass
class Target:
    """One server under test."""

    name: str
    url: str
    pages: list[PageRequest]
    pid: int | None = None
    batches: dict[int, list[Batch]] = field(default_factory=dict)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest value with at least ``pct`` % of values at or below it.

    With 10 values p95 is the maximum; with 20 it is the 19th. Empty input is an error.
    """
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def stream_url(url: str) -> str:
    """``http://host:port[/base]`` -> ``ws://host:port[/base]/_stcore/stream``."""
    base = url.rstrip("/")
    if base.startswith("https://"):
        return "wss://" + base.removeprefix("https://") + "/_stcore/stream"
    return "ws://" + base.removeprefix("http://") + "/_stcore/stream"


def rerun_message(page: PageRequest) -> bytes:
    """The BackMsg a browser sends when a tab opens ``/<path>?<query>`` (no widget state yet)."""
    msg = BackMsg()
    msg.rerun_script.query_string = page.query
    msg.rerun_script.page_script_hash = ""
    msg.rerun_script.page_name = page.path
    msg.rerun_script.context_info.timezone = "Asia/Jakarta"
    msg.rerun_script.context_info.timezone_offset = -420
    msg.rerun_script.context_info.locale = "id-ID"
    return msg.SerializeToString()


def check_page(page: PageRequest, navigation: ForwardMsg | None) -> None:
    """Raise unless the last ``navigation`` message says the page asked for is the page that ran."""
    if navigation is None:
        return  # a single-page app (the minimal one) sends no navigation
    running = navigation.navigation.page_script_hash
    paths = {p.page_script_hash: p.url_pathname for p in navigation.navigation.app_pages}
    if paths.get(running) != page.path:
        served = sorted(paths.values())
        raise BenchError(
            f"{page.label}: the server ran {paths.get(running)!r}, not {page.path!r} "
            f"(pages served: {served}; a login gate hides pages when public viewing is off)"
        )


async def connect(url: str) -> websockets.ClientConnection:
    # The frontend's subprotocols: "streamlit", then the XSRF cookie (only needed to read an auth
    # cookie, which these sessions do not have) or a placeholder. No Origin header: allowed.
    return await websockets.connect(
        stream_url(url),
        subprotocols=[websockets.Subprotocol("streamlit"), websockets.Subprotocol("PLACEHOLDER_AUTH_TOKEN")],
        max_size=None,
        ping_interval=None,  # a busy server answers pings late; the browser does not ping either
        open_timeout=60,
    )


async def run_page(ws: websockets.ClientConnection, page: PageRequest, timeout: float) -> SessionResult:
    """Send the rerun and read ForwardMsgs until the script finished successfully."""
    start = time.perf_counter()
    await ws.send(rerun_message(page))
    first_delta = None
    deltas = charts = received = 0
    navigation: ForwardMsg | None = None
    async with asyncio.timeout(timeout):
        while True:
            data = await ws.recv()
            received += len(data)
            msg = ForwardMsg()
            msg.ParseFromString(data)
            kind = msg.WhichOneof("type")
            if kind == "delta":
                if first_delta is None:
                    first_delta = time.perf_counter() - start
                deltas += 1
                if msg.delta.WhichOneof("type") == "new_element":
                    element = msg.delta.new_element.WhichOneof("type")
                    if element == "exception":
                        exc = msg.delta.new_element.exception
                        raise BenchError(f"{page.label}: exception in the page: {exc.type}: {exc.message}")
                    charts += element == "plotly_chart"
            elif kind == "navigation":
                navigation = msg
            elif kind == "page_not_found":
                raise BenchError(f"{page.label}: page not found (not served to a visitor without login?)")
            elif kind == "script_finished":
                status = msg.script_finished
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise BenchError(f"{page.label}: script compile error")
                if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                    break
                # FINISHED_EARLY_FOR_RERUN (st.rerun, e.g. pages/__init__.py on a cold server): keep reading.
    finished = time.perf_counter() - start
    check_page(page, navigation)
    if page.expect_chart and not charts:
        raise BenchError(f"{page.label}: no plotly chart arrived ({deltas} deltas)")
    if not deltas:
        raise BenchError(f"{page.label}: the script finished without sending anything")
    return SessionResult(page.label, first_delta or finished, finished, deltas, charts, received)


def process_cpu_s(pid: int | None) -> float | None:
    """User + system CPU seconds of a process (and its reaped children), from /proc; None if unknown."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


async def run_batch(target: Target, n: int, timeout: float) -> Batch:
    """Open n sessions, then run one page in each at the same moment (pages assigned round-robin)."""
    sockets = await asyncio.gather(*(connect(target.url) for _ in range(n)))
    try:
        cpu_before = process_cpu_s(target.pid)
        wall = time.perf_counter()
        results = await asyncio.gather(
            *(run_page(ws, target.pages[i % len(target.pages)], timeout) for i, ws in enumerate(sockets))
        )
        wall = time.perf_counter() - wall
        cpu_after = process_cpu_s(target.pid)
    finally:
        await asyncio.gather(*(ws.close() for ws in sockets), return_exceptions=True)
    cpu = None if cpu_before is None or cpu_after is None else cpu_after - cpu_before
    return Batch(n, list(results), cpu, wall)


async def warm(target: Target) -> None:
    """One session per distinct page, one after the other (first imports, first cache fills)."""
    for page in dict.fromkeys(target.pages):
        ws = await connect(target.url)
        try:
            await run_page(ws, page, timeout=180)
        finally:
            await ws.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise BenchError(f"streamlit exited ({process.returncode}):\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise BenchError(f"streamlit did not answer /_stcore/health within {timeout:.0f} s")


@contextlib.contextmanager
def streamlit_server(
    script: Path, cwd: Path, env: dict[str, str], log: Path, options: Sequence[str] = ()
) -> Iterator[tuple[str, int]]:
    """``streamlit run script`` (headless, free port, extra ``key=value`` options) in ``cwd``;
    yield (url, pid) once healthy."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]
    for option in options:
        key, _, value = option.partition("=")
        command += [f"--{key}", value]
    with log.open("wb") as out:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process, log)
        yield url, process.pid
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def server_env(data_dir: Path) -> dict[str, str]:
    """This environment, with the store in an empty temp dir so the sample data is shown."""
    env = {k: v for k, v in os.environ.items() if k not in ("LAKIP_DB_URL", "LAKIP_PUBLIC_READ")}
    env["LAKIP_DATA_DIR"] = str(data_dir)
    return env


@contextlib.contextmanager
def py_spy(pid: int | None, out: Path | None, gil: bool = True) -> Iterator[None]:
    """Record ``pid`` with py-spy (collapsed stacks) while the block runs.

    ``gil``: only samples of the thread holding the GIL, i.e. the server's one real bottleneck (the
    script threads, the event loop and the file watcher all take turns on it); sleeping threads,
    which py-spy otherwise samples as busy, drop out. Work in C that releases the GIL is missed.
    """
    if pid is None or out is None:
        yield
        return
    spy = shutil.which("py-spy")
    if spy is None:
        raise BenchError("py-spy not found: pip install py-spy")
    command = [spy, "record", "--pid", str(pid), "--format", "raw", "--rate", "200", "--output", str(out)]
    if gil:
        command.append("--gil")
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.0)  # let py-spy attach
    try:
        yield
    finally:
        recorder.send_signal(2)  # SIGINT: py-spy writes the profile and exits
        _, err = recorder.communicate(timeout=60)
        if recorder.returncode not in (0, -2, 130):
            print(err.decode(errors="replace")[-1000:], file=sys.stderr)


def row(label: str, batch: Batch) -> str:
    finished, first = batch.finished(), batch.first()
    cpu = f"{batch.cpu_s / batch.n * 1000:>9.0f}" if batch.cpu_s is not None else f"{'-':>9}"
    deltas = statistics.median(r.deltas for r in batch.results)
    return (
        f"{label:>8}{percentile(finished, 50):>8.2f}{percentile(finished, 95):>8.2f}{max(finished):>8.2f}"
        f"{percentile(first, 50):>10.2f}{cpu}{deltas:>8.0f}"
    )


def print_table(target: Target, title: str) -> None:
    print(f"\n{title}")
    print(f"{'N · run':>8}{'p50 s':>8}{'p95 s':>8}{'max s':>8}{'1st p50':>10}{'cpu ms':>9}{'deltas':>8}")
    for n, batches in target.batches.items():
        for i, batch in enumerate(batches, 1):
            print(row(f"{n} · {i}", batch))


def ratio(dashboard: Batch, minimal: Batch, pct: float) -> float:
    """The dashboard's percentile over the minimal app's (nearest rank) in batches run side by side."""
    return percentile(dashboard.finished(), pct) / percentile(minimal.finished(), pct)


def print_ratio(dashboard: Target, minimal: Target) -> None:
    print(f"\nratio dashboard / {minimal.name} (same run, batches interleaved; p95 ≤ 1,0 is the goal)")
    print(f"{'N · run':>8}{'p50':>8}{'p95':>8}{'max':>8}{'cpu':>8}")
    for n, batches in dashboard.batches.items():
        for i, (dash, mini) in enumerate(zip(batches, minimal.batches.get(n, []), strict=False), 1):
            cpu = f"{dash.cpu_s / mini.cpu_s:>8.1f}" if dash.cpu_s and mini.cpu_s else f"{'-':>8}"
            print(
                f"{f'{n} · {i}':>8}{ratio(dash, mini, 50):>8.2f}{ratio(dash, mini, 95):>8.2f}"
                f"{max(dash.finished()) / max(mini.finished()):>8.2f}{cpu}"
            )


def print_summary(dashboard: Target, minimals: list[Target]) -> None:
    """One line per N: p95 of every batch of every server, side by side (the README's table)."""
    names = [dashboard.name, *(m.name for m in minimals)]
    print("\np95 per batch (s), " + " | ".join(names))
    for n in dashboard.batches:
        cells = [
            " · ".join(f"{percentile(b.finished(), 95):.2f}" for b in t.batches.get(n, []))
            for t in [dashboard, *minimals]
        ]
        print(f"{n:>4}  " + " | ".join(cells))


async def measure(targets: list[Target], ns: list[int], repeat: int, args: argparse.Namespace) -> None:
    for target in targets:
        started = time.perf_counter()
        await warm(target)
        print(f"warmed {target.name} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    for n in ns:
        for r in range(repeat):
            for target in targets:
                profile = args.profile_out if target is targets[0] and n == args.profile_n else None
                out = None if profile is None else profile.with_name(f"{profile.stem}-run{r + 1}{profile.suffix}")
                with py_spy(target.pid, out, gil=args.profile_mode == "gil"):
                    batch = await run_batch(target, n, timeout=args.timeout)
                target.batches.setdefault(n, []).append(batch)
                print(
                    f"{target.name} N={n} run {r + 1}: p95 {percentile(batch.finished(), 95):.2f} s",
                    file=sys.stderr,
                )
                await asyncio.sleep(1.0)  # let the server drop the closed sessions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", default="1,10,20,50", help="concurrent sessions per batch, comma-separated")
    parser.add_argument("--repeat", type=int, default=2, help="batches per N and server")
    parser.add_argument("--pages", default=",".join(MAIN_PAGES), help="pages (URL path; ?query allowed)")
    parser.add_argument("--url", help="an already running dashboard instead of starting one")
    parser.add_argument(
        "--app",
        type=Path,
        default=ROOT / "dashboard.py",
        help="entry script to start as the dashboard (run in its folder); e.g. an experimental copy",
    )
    parser.add_argument("--pid", type=int, help="with --url: the server's pid, for the CPU column")
    parser.add_argument(
        "--minimal",
        default="stock,same",
        help="minimal reference apps: stock (Streamlit defaults, issue 13's reference) and/or same "
        "(the dashboard's .streamlit/config.toml and --config options)",
    )
    parser.add_argument("--no-minimal", action="store_true", help="skip the minimal reference apps")
    parser.add_argument("--timeout", type=float, default=600, help="seconds one session may take")
    parser.add_argument("--profile-n", type=int, default=20, help="N whose dashboard batches are profiled")
    parser.add_argument("--profile-out", type=Path, help="py-spy collapsed stacks of the dashboard server")
    parser.add_argument("--profile-mode", choices=["gil", "wall"], default="gil", help="py-spy --gil or all threads")
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra streamlit option for the dashboard and the same-settings minimal app, e.g. "
        "server.fileWatcherType=auto (repeatable)",
    )
    parser.add_argument(
        "--dashboard-config",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra streamlit option for the dashboard only (the minimal apps keep theirs)",
    )
    args = parser.parse_args()
    ns = [int(n) for n in args.n.split(",") if n.strip()]
    load_before = os.getloadavg()[0]
    pages = [PageRequest.parse(spec.strip()) for spec in args.pages.split(",") if spec.strip()]

    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-load-")))
        env = server_env(tmp / "data")
        if args.url:
            dashboard = Target("dashboard", args.url.rstrip("/"), pages, args.pid)
        else:
            options = args.config + args.dashboard_config
            url, pid = stack.enter_context(
                streamlit_server(args.app.resolve(), args.app.resolve().parent, env, tmp / "dashboard.log", options)
            )
            dashboard = Target("dashboard", url, pages, pid)
        targets = [dashboard]
        kinds = [] if args.no_minimal else [k.strip() for k in args.minimal.split(",") if k.strip()]
        for kind in kinds:
            if kind not in MINIMAL_KINDS:
                raise BenchError(f"--minimal {kind!r}: choose from {', '.join(MINIMAL_KINDS)}")
            app_dir = minimal_app(tmp / f"minimal-{kind}", same_settings=kind == "same")
            options = args.config if kind == "same" else []
            url, pid = stack.enter_context(
                streamlit_server(app_dir / "app.py", app_dir, env, tmp / f"minimal-{kind}.log", options)
            )
            targets.append(Target(MINIMAL_KINDS[kind], url, [PageRequest("minimal", "")], pid))
        asyncio.run(measure(targets, ns, args.repeat, args))

    print(
        f"\nbench_load · {datetime.now():%Y-%m-%d %H:%M} · {platform.node()} · {os.cpu_count()} CPUs · "
        f"load {load_before:.1f} before, {os.getloadavg()[0]:.1f} after · Python {platform.python_version()} · "
        f"Streamlit {streamlit.__version__}"
    )
    print(f"dashboard: {args.url or args.app}; pages (round-robin): {', '.join(p.label for p in pages)}")
    if args.config:
        print(f"streamlit options (dashboard and same-settings minimal): {' '.join(args.config)}")
    if args.dashboard_config:
        print(f"streamlit options (dashboard only): {' '.join(args.dashboard_config)}")
    print("seconds from rerun sent to script_finished; 1st = first delta; cpu ms = server CPU per session")
    print_table(dashboard, f"dashboard ({', '.join(p.label for p in pages)})")
    for minimal in targets[1:]:
        print_table(minimal, f"{minimal.name}: 4 st.metric + 1 plotly bar")
    for minimal in targets[1:]:
        print_ratio(dashboard, minimal)
    if len(targets) > 1:
        print_summary(dashboard, targets[1:])


if __name__ == "__main__":
    try:
        main()
    except BenchError as err:
        sys.exit(f"bench_load: {err}")
