"""ui/frontend.py: the shell asks for plotly.js at once; frontend files are sent compressed, made once."""

from __future__ import annotations

import asyncio
import concurrent.futures
import gzip
from dataclasses import dataclass

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from ui import frontend as assets

SHELL = (
    b'<html><head><script type="module" crossorigin src="./static/js/index.abc.js"></script></head><body></body></html>'
)
SCRIPT = b"function plotly(){return 1}\n" * 20_000  # 560 kB of very compressible text
CHUNK = "static/js/PlotlyChart.test.js"


def test_this_streamlit_has_one_plotly_chunk_and_the_shell_mark() -> None:
    chunk = assets.plotly_chunk()
    assert chunk is not None and (assets.STATIC / chunk).is_file()
    assert assets.SHELL_MARK in (assets.STATIC / "index.html").read_bytes()  # a Streamlit upgrade checks here


def test_the_preload_goes_into_the_shell_only() -> None:
    links = assets.preload_links([CHUNK])
    changed = assets.with_preload(SHELL, links)
    assert changed == SHELL.replace(
        b"</head>", b'<link rel="modulepreload" crossorigin href="./' + CHUNK.encode() + b'"></head>'
    )
    other = b"<html><head></head><body>another page</body></html>"
    assert assets.with_preload(other, links) == other
    assert assets.with_preload(SHELL, b"") == SHELL


@dataclass
class Answer:
    status_code: int
    headers: dict[str, str]
    raw: bytes

    @property
    def content(self) -> bytes:  # as a browser reads it
        return gzip.decompress(self.raw) if self.headers.get("content-encoding") == "gzip" else self.raw

    @property
    def text(self) -> str:
        return self.content.decode()


class Client:
    """Requests straight into an ASGI app (no network, no extra package)."""

    def __init__(self, app: Starlette) -> None:
        self.app = app

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Answer:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": method,
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": b"",
            "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()],
            "server": ("test", 80),
            "client": ("127.0.0.1", 1),
        }
        sent: list[dict] = []

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            sent.append(message)

        # In a thread of its own: after the browser tests, Playwright's sync API keeps an event loop
        # running in this one, where asyncio.run() is refused.
        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            pool.submit(asyncio.run, self.app(scope, receive, send)).result()
        start = next(m for m in sent if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
        header_map: dict[str, str] = {}
        for k, v in start["headers"]:
            name = k.decode().lower()
            header_map[name] = f"{header_map[name]}, {v.decode()}" if name in header_map else v.decode()
        return Answer(start["status"], header_map, body)

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        return self.request("GET", path, headers)

    def head(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        return self.request("HEAD", path, headers)


def app(shell_gzipped: bool = False) -> Client:
    def static(request: Request) -> Response:
        if "range" in request.headers:
            return Response(SCRIPT[:100], status_code=206, media_type="application/javascript")
        if request.headers.get("if-none-match", "").strip("W/") == '"v1"':
            return Response(status_code=304)
        headers = {"etag": '"v1"', "accept-ranges": "bytes", "cache-control": "public, immutable, max-age=31536000"}
        return Response(SCRIPT, media_type="application/javascript", headers=headers)

    def shell(request: Request) -> Response:
        if shell_gzipped:
            return Response(gzip.compress(SHELL), media_type="text/html", headers={"content-encoding": "gzip"})
        return Response(SHELL, media_type="text/html")

    routes = [
        Route("/static/js/{name}", static),
        Route("/_stcore/health", lambda r: PlainTextResponse("ok")),
        Route("/auth/claim", lambda r: Response(SHELL, media_type="text/html")),
        Route("/{page:path}", shell),
    ]
    middleware = [Middleware(assets.ContentMiddleware, base="", preload=[CHUNK])]
    return Client(Starlette(routes=routes, middleware=middleware))


def test_frontend_files_are_sent_compressed_and_compressed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    client = app()
    calls = []
    real = gzip.compress
    monkeypatch.setattr(assets.gzip, "compress", lambda data, *a, **k: calls.append(1) or real(data, *a, **k))
    for _ in range(3):
        answer = client.get("/static/js/chunk.js", headers={"accept-encoding": "gzip, br"})
        assert answer.status_code == 200 and answer.content == SCRIPT  # decoded by the client
        assert answer.headers["content-encoding"] == "gzip"
        assert int(answer.headers["content-length"]) == len(answer.raw) < len(SCRIPT) / 20
        assert answer.headers["etag"] == 'W/"v1"' and "accept-ranges" not in answer.headers
        assert "accept-encoding" in answer.headers["vary"].lower()
        assert answer.headers["cache-control"].startswith("public, immutable")
    assert len(calls) == 1  # kept after the first request


def test_what_must_not_be_compressed_is_passed_through() -> None:
    client = app()
    plain = client.get("/static/js/chunk.js", headers={"accept-encoding": "identity"})
    assert plain.content == SCRIPT and "content-encoding" not in plain.headers
    ranged = client.get("/static/js/chunk.js", headers={"accept-encoding": "gzip", "range": "bytes=0-99"})
    assert ranged.status_code == 206 and ranged.content == SCRIPT[:100]
    cached = client.get("/static/js/chunk.js", headers={"accept-encoding": "gzip", "if-none-match": 'W/"v1"'})
    assert cached.status_code == 304
    assert client.head("/static/js/chunk.js", headers={"accept-encoding": "gzip"}).status_code == 200
    assert client.get("/_stcore/health").text == "ok"


@pytest.mark.parametrize("shell_gzipped", [False, True], ids=["plain", "gzipped by Streamlit"])
def test_every_page_address_gets_the_preload(shell_gzipped: bool) -> None:
    client = app(shell_gzipped)
    link = b'<link rel="modulepreload" crossorigin href="./' + CHUNK.encode() + b'">'
    for path in ("/", "/kinerja"):
        answer = client.get(path, headers={"accept-encoding": "gzip"})
        assert answer.status_code == 200 and link + b"</head>" in answer.content
        assert int(answer.headers["content-length"]) == len(answer.raw)
    assert link not in client.get("/auth/claim").content  # not Streamlit's shell: left alone


def test_the_warm_up_compresses_what_the_shell_loads() -> None:
    kept = assets._Compressed()
    assert kept.warm(extra=[assets.plotly_chunk() or ""]) > 1_000_000
    chunk = assets.STATIC / (assets.plotly_chunk() or "")
    assert gzip.decompress(kept.get(f"/{assets.plotly_chunk()}", chunk.read_bytes())) == chunk.read_bytes()


def test_the_home_pages_frontend_parts_are_found_in_this_streamlit() -> None:
    chunks = assets.lazy_chunks(assets.FIRST_VISIT)
    names = {c.split("/")[-1].split(".")[0] for c in chunks}
    assert set(assets.FIRST_VISIT) <= names  # each part found (a Streamlit upgrade that renames one fails here)
    assert all((assets.STATIC / c).is_file() for c in chunks)
    shell = (assets.STATIC / "index.html").read_text()
    assert not any(c in shell for c in chunks)  # only what the shell does not load already
    assert len(chunks) < 40  # the parts and what they need, not the whole frontend
