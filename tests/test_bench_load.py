"""The load benchmark's own helpers, and its websocket protocol against a real (minimal) server.

The end-to-end test starts the benchmark's minimal app and runs two sessions the way
``benchmarks/bench_load.py`` does, so a Streamlit upgrade that changes the protocol (endpoint,
subprotocols, how a page is asked for, the finish message) fails here, not silently in a benchmark.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import sys
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import bench_load  # noqa: E402
import stack_summary  # noqa: E402


def test_percentile_is_nearest_rank() -> None:
    values = [float(v) for v in range(1, 21)]  # 1..20
    assert bench_load.percentile(values, 50) == 10.0
    assert bench_load.percentile(values, 95) == 19.0
    assert bench_load.percentile(values[:10], 95) == 10.0  # with 10 values p95 is the maximum
    assert bench_load.percentile([3.0], 95) == 3.0
    with pytest.raises(ValueError):
        bench_load.percentile([], 50)


def test_stream_url_keeps_base_path_and_scheme() -> None:
    assert bench_load.stream_url("http://127.0.0.1:8501") == "ws://127.0.0.1:8501/_stcore/stream"
    assert bench_load.stream_url("http://host:80/lakip/") == "ws://host:80/lakip/_stcore/stream"
    assert bench_load.stream_url("https://host/lakip") == "wss://host/lakip/_stcore/stream"


def test_page_request_maps_names_to_url_paths() -> None:
    assert bench_load.PageRequest.parse("ringkasan") == bench_load.PageRequest("ringkasan", "", "", True)
    meeting = bench_load.PageRequest.parse("kinerja?rapat=true")
    assert (meeting.path, meeting.query, meeting.expect_chart) == ("kinerja", "rapat=true", True)
    assert bench_load.PageRequest.parse("pemeriksaan").expect_chart is False


def test_rerun_message_asks_for_the_page_by_url_path() -> None:
    msg = BackMsg()
    msg.ParseFromString(bench_load.rerun_message(bench_load.PageRequest.parse("aset?rapat=true")))
    assert msg.WhichOneof("type") == "rerun_script"
    assert (msg.rerun_script.page_name, msg.rerun_script.page_script_hash) == ("aset", "")
    assert msg.rerun_script.query_string == "rapat=true"


def test_check_page_refuses_another_page() -> None:
    nav = ForwardMsg()
    for hash_, path in (("h0", ""), ("h1", "kinerja")):
        page = nav.navigation.app_pages.add()
        page.page_script_hash, page.url_pathname = hash_, path
    nav.navigation.page_script_hash = "h0"
    bench_load.check_page(bench_load.PageRequest.parse("ringkasan"), nav)
    with pytest.raises(bench_load.BenchError, match="ran ''"):
        bench_load.check_page(bench_load.PageRequest.parse("kinerja"), nav)


def test_stack_summary_counts_inclusive_self_and_buckets() -> None:
    lines = [
        "main (a.py:1);run (b.py:2);build (lakip_core/presentation/charts.py:3) 6",
        "main (a.py:1);run (b.py:9);ScriptRunner._on_script_finished (s.py:4) 3",
        "main (a.py:1);idle (c.py:5) 1",
        "not a stack line",
    ]
    stacks = stack_summary.parse(lines)
    assert stacks[0] == (["main (a.py)", "run (b.py)", "build (lakip_core/presentation/charts.py)"], 6)
    costs = stack_summary.costs(stacks)
    assert costs.total == 10
    assert costs.inclusive["run (b.py)"] == 9  # two lines of one function count together
    assert costs.self_["build (lakip_core/presentation/charts.py)"] == 6
    within = stack_summary.costs(stacks, within="run (")
    assert within.total == 9 and "main (a.py)" not in within.inclusive
    buckets = stack_summary.buckets(stacks)
    assert buckets["plotly figure building (lakip_core/presentation/charts.py)"] == 6
    assert buckets["Streamlit post-run gc.collect(2) (runner.postScriptGC)"] == 3
    assert buckets["other"] == 1


def test_minimal_app_sessions_over_the_websocket(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(bench_load.MINIMAL_APP)
    env = bench_load.server_env(tmp_path / "data")
    with bench_load.streamlit_server(app, tmp_path, env, tmp_path / "log") as (url, pid):
        target = bench_load.Target("minimal", url, [bench_load.PageRequest("minimal", "")], pid)
        # A thread of its own: a Playwright sync browser open in this one keeps an event loop running.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            batch = pool.submit(asyncio.run, bench_load.run_batch(target, 2, timeout=60)).result()
    assert len(batch.results) == 2
    for result in batch.results:
        assert result.charts == 1
        assert result.deltas >= 6  # title, 4 metrics, the chart (plus the column blocks)
        assert 0 < result.first_delta_s <= result.finished_s
    assert batch.cpu_s is not None and batch.cpu_s >= 0
