"""The browser's side of a quick first chart: the app shell asks for plotly.js at once, and the
frontend's files travel compressed.

Streamlit loads its 4,7 MB plotly.js chunk only when the first chart arrives over the websocket,
after the page script has run: the download and the parsing come last, one after the other. The
app shell (the ``index.html`` Streamlit serves for every page address) gets a ``modulepreload`` link
to that chunk here, so the browser fetches and compiles it while the script runs.

Streamlit serves its frontend files (``/static/...``, 7 MB for a first visit) uncompressed and
leaves compression to a reverse proxy: compressing them on every request would cost CPU at each
first visit. Here each file is compressed once per process (the names carry a content hash and
never change) and kept: a room of laptops on one Wi-Fi fetches 2 MB each instead of 7 MB.
A proxy that compresses (docs/deploy.md) simply sees compressed answers.

``ContentMiddleware`` is an ASGI middleware for ``st.App(middleware=...)``; it is outside
Streamlit's own middleware (which gzips other answers, the shell of a page address among them).
"""

from __future__ import annotations

import asyncio
import functools
import gzip
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import streamlit
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from streamlit import config

STATIC = Path(streamlit.__file__).resolve().parent / "static"
# What compresses well (fonts and images are compressed already).
COMPRESSIBLE = (".js", ".css", ".json", ".svg", ".map", ".txt")
LEVEL = 6  # gzip level: 9 saves ~1% more for twice the CPU
# The shell's own module script: present in Streamlit's index.html, the mark that a page is the shell.
SHELL_MARK = b'<script type="module" crossorigin src="./static/js/index.'
# Paths that are never the shell (Streamlit's own routes and this app's).
NOT_SHELL = ("/_stcore/", "/static/", "/media/", "/component/", "/auth/", "/app/static/")


# The frontend parts the home page (Ringkasan) needs, which Streamlit loads only when the first
# element of each kind arrives: the chart, the headline figures, HTML, page links, the sidebar's
# toggle, markdown with HTML (the page's style). Fetched with the shell, they are ready when the
# page's elements arrive instead of being fetched one after another then.
FIRST_VISIT = ("PlotlyChart", "Metric", "Html", "PageLink", "Checkbox", "rehype-raw")
_FILES = re.compile(r"m\.f\|\|\(m\.f=\[(.*?)\]\)")
_LAZY = re.compile(r"import\(`\./([\w.-]+\.js)`\)(?:\.then\([^)]*\))?,__vite__mapDeps\(\[([\d,]*)\]")


def plotly_chunk(static: Path = STATIC) -> str | None:
    """``static/js/PlotlyChart.<hash>.js`` relative to the shell, or None if this Streamlit has none."""
    found = sorted((static / "static" / "js").glob("PlotlyChart.*.js"))
    return f"static/js/{found[0].name}" if len(found) == 1 else None


def lazy_chunks(names: Iterable[str], static: Path = STATIC) -> list[str]:
    """The files (``static/js/...`` relative to the shell) of Streamlit's lazily loaded frontend parts
    ``names`` and of the chunks each needs, as its bundles declare them (Vite's dependency lists);
    without those already loaded by the shell. A name not found adds nothing.

    Reading the bundles takes ~0,2 s: done once per process (the files never change while it runs),
    by the warm-up before the port opens, so the first visitor's page shell is not kept waiting."""
    return list(_lazy_chunks(tuple(names), static))


@functools.cache
def _lazy_chunks(wanted: tuple[str, ...], static: Path) -> tuple[str, ...]:
    shell = set(re.findall(r'\./(static/[^"]+)', (static / "index.html").read_text(encoding="utf-8")))
    chunks: dict[str, None] = {}
    for bundle in sorted((static / "static" / "js").glob("*.js")):
        text = bundle.read_text(encoding="utf-8", errors="replace")
        files = _FILES.search(text)
        if files is None or not any(f"./{name}." in text for name in wanted):
            continue
        listed = [name.removeprefix("./") for name in re.findall(r'"([^"]+)"', files.group(1))]
        for chunk, deps in _LAZY.findall(text):
            if chunk.rsplit(".", 2)[0] not in wanted:
                continue
            for index in [i for i in deps.split(",") if i]:
                name = listed[int(index)] if int(index) < len(listed) else ""
                if name.endswith(".js"):
                    chunks[f"static/js/{name}"] = None
            chunks[f"static/js/{chunk}"] = None
    return tuple(c for c in chunks if c not in shell)


def preload_links(chunks: Iterable[str]) -> bytes:
    return b"".join(f'<link rel="modulepreload" crossorigin href="./{c}">'.encode() for c in chunks)


def with_preload(html: bytes, links: bytes) -> bytes:
    """The shell with ``links`` at the end of its head (unchanged when it is not the shell)."""
    if not links or SHELL_MARK not in html or b"</head>" not in html:
        return html
    return html.replace(b"</head>", links + b"</head>", 1)


class _Compressed:
    """Compressed bodies of the frontend's files by (path, length), each made once per process."""

    def __init__(self) -> None:
        self._done: dict[tuple[str, int], bytes] = {}
        self._locks: dict[tuple[str, int], threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, path: str, body: bytes) -> bytes:
        key = (path, len(body))
        done = self._done.get(key)
        if done is not None:
            return done
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # two first requests for one file: compressed once
            done = self._done.get(key)
            if done is None:
                done = self._done[key] = gzip.compress(body, LEVEL, mtime=0)
            return done

    def warm(self, static: Path = STATIC, extra: Iterable[str] = ()) -> int:
        """Compress the files the shell loads at once (and ``extra``) before anyone asks: bytes kept."""
        shell = (static / "index.html").read_text(encoding="utf-8")
        names = dict.fromkeys([*re.findall(r'\./(static/[^"]+)', shell), *extra])
        kept = 0
        for name in names:
            file = static / name
            if file.suffix in COMPRESSIBLE and file.is_file():
                kept += len(self.get(f"/{name}", file.read_bytes()))
        return kept


COMPRESSED = _Compressed()


class ContentMiddleware:
    """Preload link in the shell; compressed frontend files for browsers that accept gzip."""

    def __init__(self, app: ASGIApp, base: str | None = None, preload: Iterable[str] | None = None) -> None:
        self.app = app
        self._base = base
        self._preload = None if preload is None else list(preload)

    @functools.cached_property
    def links(self) -> bytes:
        """The preload links (the frontend's bundles are read on the first page asked for)."""
        return preload_links(lazy_chunks(FIRST_VISIT) if self._preload is None else self._preload)

    def _path(self, scope: Scope) -> str:
        """The request path without ``server.baseUrlPath``."""
        if self._base is None:
            self._base = str(config.get_option("server.baseUrlPath") or "")
        base = "/" + self._base.strip("/") if self._base.strip("/") else ""
        path = str(scope.get("path", ""))
        if base and (path == base or path.startswith(base + "/")):
            path = path[len(base) :] or "/"
        return path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "GET":
            await self.app(scope, receive, send)
            return
        path = self._path(scope)
        headers = Headers(scope=scope)
        if path.startswith("/static/"):
            accepts = "gzip" in headers.get("accept-encoding", "").lower()
            if accepts and "range" not in headers and path.endswith(COMPRESSIBLE):
                await self._buffered(scope, receive, send, lambda body: COMPRESSED.get(path, body), compress=True)
                return
        elif not path.startswith(NOT_SHELL) and self.links:
            await self._buffered(scope, receive, send, lambda body: with_preload(body, self.links), compress=False)
            return
        await self.app(scope, receive, send)

    async def _buffered(self, scope: Scope, receive: Receive, send: Send, change: Any, compress: bool) -> None:
        """Run the app, hold a complete 200 answer, send ``change(body)`` instead (anything else as is)."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def hold(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                if not self._changeable(message, compress):
                    await send(message)
                    start = None
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            body = b"".join(chunks)
            encoded = MutableHeaders(raw=list(start["headers"])).get("content-encoding")
            if compress:
                new = await asyncio.to_thread(change, body) if len(body) > 200_000 else change(body)
            elif encoded == "gzip":  # Streamlit gzipped the shell of a page address
                new = gzip.compress(change(gzip.decompress(body)), LEVEL, mtime=0)
            else:
                new = change(body)
            out = MutableHeaders(raw=list(start["headers"]))
            if compress:
                out["content-encoding"] = "gzip"
                out.add_vary_header("Accept-Encoding")
                if "accept-ranges" in out:  # byte ranges are of the uncompressed file
                    del out["accept-ranges"]
                etag = out.get("etag")
                if etag and not etag.startswith("W/"):  # another encoding of the same file (as nginx does)
                    out["etag"] = f"W/{etag}"
            out["content-length"] = str(len(new))
            await send({**start, "headers": out.raw})
            await send({"type": "http.response.body", "body": new, "more_body": False})

        await self.app(scope, receive, hold)

    @staticmethod
    def _changeable(start: Message, compress: bool) -> bool:
        headers = Headers(raw=start["headers"])
        if start["status"] != 200:
            return False
        if compress:
            return "content-encoding" not in headers
        return headers.get("content-type", "").startswith("text/html") and headers.get(
            "content-encoding", "identity"
        ) in ("identity", "gzip")


# For ``st.App(middleware=...)`` (dashboard.py).
MIDDLEWARE = [Middleware(ContentMiddleware)]
