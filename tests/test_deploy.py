"""More than one machine: two dashboard processes on one PostgreSQL behind docs/nginx-lakip.conf.

Starts a private PostgreSQL cluster, two ``streamlit run dashboard.py`` processes on it (bound to
127.0.0.1, one cookie secret, as docs/deploy.md says) and nginx with the documented config in
front of them. Checks the sticky route cookie over HTTP, then in a real browser that opens the
dashboard *by a server name* (the Host-header pitfall): logs in through nginx, uploads a 1,25 MB
file (over nginx's 1 MB default) and saves it, and sees the new version — and the roll-up page
once a second satker arrives — on the *other* process. Skipped without PostgreSQL, nginx or
chromium locally; in CI (``CI=true``) any of them missing is a failure. Uses the session's
Playwright (conftest's ``browser``): a second ``sync_playwright()`` in one process is refused.
"""

from __future__ import annotations

import contextlib
import http.cookies
import os
import shutil
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from lakip_core.store import Store
from lakip_core.store.auth import SYSTEM
from tests import golden, postgres
from tests.browser import CHROMIUM_ARGS, chromium_path, log_in, metric, nav, running_app, wait_http, wait_idle
from tests.intake_helpers import PASSWORD, SAMPLE, SATKER
from tests.real_exports.budget_codes import AKUN
from tests.rollup_helpers import THREE, store_satker

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "docs" / "nginx-lakip.conf"
SECRET = "rahasia-bersama-untuk-uji-dua-proses"
pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _need(found: bool, what: str) -> None:
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} is not installed; .ci/run installs it")
        pytest.skip(f"{what} not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def dashboard(port: int, db_url: str, data_dir: Path) -> Iterator[str]:
    """One dashboard process as docs/deploy.md runs it (127.0.0.1, shared cookie secret, one database)."""
    env = {
        "LAKIP_DB_URL": db_url,
        "LAKIP_DATA_DIR": str(data_dir),
        "LAKIP_PUBLIC_READ": "1",
        "STREAMLIT_SERVER_COOKIE_SECRET": SECRET,
    }
    with running_app(env, port=port) as url:
        yield url


def nginx_config(folder: Path, listen: int, upstreams: list[int]) -> Path:
    """docs/nginx-lakip.conf with this run's ports, in a minimal nginx.conf; one test-only header
    names the process that answered (at server level: a location-level add_header would drop
    the route cookie's)."""
    folder.mkdir(parents=True, exist_ok=True)
    site = CONFIG.read_text(encoding="utf-8")
    assert "server 127.0.0.1:8501;" in site and "listen 80;" in site
    servers = "".join(f"    server 127.0.0.1:{port};\n" for port in upstreams)
    site = site.replace("    server 127.0.0.1:8501;\n    server 127.0.0.1:8502;\n", servers)
    site = site.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    site = site.replace(
        "add_header Set-Cookie $lakip_route_cookie always;",
        "add_header Set-Cookie $lakip_route_cookie always;\n    add_header X-Lakip-Upstream $upstream_addr always;",
    )
    temp = "".join(
        f"{name}_temp_path {folder}/{name};\n" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = (
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\npid {folder}/nginx.pid;\nerror_log {folder}/error.log;\n"
        + "events { worker_connections 256; }\n"
        + f"http {{\naccess_log {folder}/access.log;\n{temp}{site}\n}}\n"
    )
    path = folder / "nginx.conf"
    path.write_text(main, encoding="utf-8")
    return path


@contextlib.contextmanager
def nginx(folder: Path, upstreams: list[int]) -> Iterator[int]:
    port = _free_port()
    config = nginx_config(folder, port, upstreams)
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    check = subprocess.run([binary, "-t", "-c", str(config), "-p", str(folder)], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen([binary, "-c", str(config), "-p", str(folder), "-g", "daemon off;"])
    try:
        wait_http(f"http://127.0.0.1:{port}/_stcore/health")
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)


def upstream_of(port: int, cookie: str | None) -> tuple[str, str | None]:
    """(the process that answered, the route cookie nginx set) for one request through nginx."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/_stcore/health")
    if cookie:
        request.add_header("Cookie", f"lakip_route={cookie}")
    with urllib.request.urlopen(request, timeout=10) as response:
        minted = None
        for header in response.headers.get_all("Set-Cookie") or []:
            parsed = http.cookies.SimpleCookie(header)
            if "lakip_route" in parsed:
                minted = parsed["lakip_route"].value
        return str(response.headers["X-Lakip-Upstream"]), minted


def big_budget_csv() -> bytes:
    """A 1,25 MB flat budget download (8.000 akun lines, long descriptions): 45% absorbed."""
    codes = sorted(AKUN)[:20]
    lines = ["LAPORAN REALISASI ANGGARAN KPU KOTA JAKARTA SELATAN", "TAHUN ANGGARAN 2024", ""]
    lines.append("kdgiat,kdkro,kdro,kdkmpnen,kdskmpnen,kdakun,nmakun,Pagu,Realisasi")
    for i in range(8000):
        akun = codes[i % 20]
        text = f"{AKUN[akun]} rincian nomor {i} untuk operasional kantor, rapat koordinasi dan pemeliharaan sarana"
        lines.append(f'3360,EBA,994,{i // 20:03d},0A,{akun},"{text}",1000000,450000')
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_two_processes_one_postgresql_behind_nginx(browser: object, tmp_path: Path) -> None:
    _need(postgres.available(), "PostgreSQL (initdb/pg_ctl)")
    _need(shutil.which("nginx") is not None or Path("/usr/sbin/nginx").exists(), "nginx")

    upload = tmp_path / "anggaran_besar.csv"
    upload.write_bytes(big_budget_csv())
    assert upload.stat().st_size > 1_200_000  # over nginx's default client_max_body_size (1 MB)
    ports = [_free_port(), _free_port()]
    with contextlib.ExitStack() as stack:
        db_url = stack.enter_context(postgres.private_cluster())
        store = Store(db_url)
        store.create_user(SYSTEM, "sekretariat", PASSWORD, "pengunggah")
        store.import_file(
            SYSTEM, (SAMPLE / "anggaran_2024.xlsx").read_bytes(), "anggaran_2024.xlsx", "anggaran", SATKER, 2024
        )
        urls = [stack.enter_context(dashboard(port, db_url, tmp_path)) for port in ports]
        proxy = stack.enter_context(nginx(tmp_path / "nginx", ports))

        # Sticky: nginx mints a route cookie; with it, every request reaches the same process;
        # different visitors are spread over both.
        first, cookie = upstream_of(proxy, None)
        assert cookie
        assert {upstream_of(proxy, cookie)[0] for _ in range(8)} == {upstream_of(proxy, cookie)[0]}
        spread = {upstream_of(proxy, f"pengunjung-{n}")[0] for n in range(24)}
        assert spread == {f"127.0.0.1:{port}" for port in ports}, spread
        assert first in spread

        # A second chromium from the session's Playwright that resolves dasbor.test to this machine.
        args = [*CHROMIUM_ARGS, "--host-resolver-rules=MAP dasbor.test 127.0.0.1"]
        named = browser.browser_type.launch(executable_path=chromium_path(), headless=True, args=args)  # type: ignore[attr-defined]
        stack.callback(named.close)

        # Through nginx, by a server name: log in, upload, save.
        staff = named.new_context(viewport={"width": 1280, "height": 900})
        page = staff.new_page()
        page.goto(f"http://dasbor.test:{proxy}/")
        wait_idle(page, timeout=90_000)
        assert metric(page, "Penyerapan anggaran") == golden.ABSORPTION.text  # the WebSocket works through nginx
        log_in(page, "sekretariat", PASSWORD, timeout=90_000)
        nav(page, "Unggah Data", 90_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
        page.get_by_text("Pratinjau: anggaran_besar.csv").wait_for(timeout=120_000)
        wait_idle(page, timeout=120_000)
        page.get_by_role("button", name="Simpan sebagai versi baru").click()
        page.get_by_text("Tersimpan sebagai versi #2 (berlaku).").wait_for(timeout=60_000)
        route = next(c["value"] for c in staff.cookies() if c["name"] == "lakip_route")
        served_by = upstream_of(proxy, route)[0]

        # The other process, opened directly by a viewer, shows the new version on its first run.
        other = next(url for url, port in zip(urls, ports, strict=True) if f":{port}" not in served_by)
        viewer = named.new_context(viewport={"width": 1280, "height": 900}).new_page()
        viewer.goto(other)
        wait_idle(viewer, timeout=90_000)
        assert metric(viewer, "Penyerapan anggaran") == "45,00%"
        assert "anggaran v2" in viewer.locator('[data-testid="stSidebar"]').inner_text()
        assert viewer.get_by_role("link", name="Provinsi / Nasional").count() == 0  # one satker so far

        # A second satker stored through the store API: the other process's menu offers the roll-up.
        store_satker(store, THREE[0], 2024)
        viewer.reload()
        wait_idle(viewer, timeout=90_000)
        nav(viewer, "Provinsi / Nasional", 90_000)
        viewer.locator('[data-testid="stDataFrame"]').wait_for(timeout=60_000)
        assert "Traceback" not in viewer.inner_text("body")
        store.dispose()
