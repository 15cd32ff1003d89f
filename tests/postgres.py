"""A private, throw-away PostgreSQL cluster (Debian's initdb / pg_ctl) on a Unix socket.

For tests and benchmarks that need PostgreSQL without a server to configure: the cluster lives
in a temporary folder, listens on no TCP port, and is removed afterwards.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def binary(name: str) -> str | None:
    """A PostgreSQL program on the PATH or in Debian's ``/usr/lib/postgresql/<version>/bin``."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def available() -> bool:
    return binary("initdb") is not None and binary("pg_ctl") is not None


@contextlib.contextmanager
def private_cluster(fsync: bool = False) -> Iterator[str]:
    """Start a cluster; yield its SQLAlchemy URL; stop and delete it.

    ``fsync=False`` (tests) trades durability for speed; benchmarks pass ``True`` to measure
    PostgreSQL as it runs in production.
    """
    initdb, pg_ctl = binary("initdb"), binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        raise RuntimeError("PostgreSQL (initdb/pg_ctl) is not installed")
    base = Path(tempfile.mkdtemp(prefix="lakip-pg-"))
    run_as: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        shutil.chown(base, "postgres", "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as sock:  # a port number for the socket file's name only (no TCP)
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    data = base / "data"
    subprocess.run([*run_as, initdb, "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"],
                   check=True, capture_output=True)  # fmt: skip
    options = f"-p {port} -k {base} -c listen_addresses='' -c max_connections=100"
    if not fsync:
        options += " -c fsync=off"
    subprocess.run([*run_as, pg_ctl, "-D", str(data), "-o", options, "-w", "-l", str(base / "log"), "start"],
                   check=True, capture_output=True)  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={base}&port={port}"
    finally:
        subprocess.run([*run_as, pg_ctl, "-D", str(data), "-m", "fast", "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
