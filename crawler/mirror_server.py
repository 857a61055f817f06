"""A local HTTP server that stands in for the official sites, serving bundled snapshots.

Layout: ``{root}/{host}/{path}``; a directory URL serves ``index.html``. A request with a query
string or a POST body first looks for ``{file}@{key}`` where key is the query (``/`` and ``&`` kept
as is, unsafe characters replaced by ``_``) or, for POST, ``post-`` + the first 12 hex digits of the
body's SHA-1; then for the plain file. A sidecar ``{file}.headers.json`` may set
``{"status": 403, "headers": {"Content-Type": "text/html; charset=ISO-8859-1"}}`` to reproduce
wrong headers, blocks and challenges byte for byte. ETag / Last-Modified are served and honoured
(304), like the real TRS and Hanweb servers, so conditional polling can be measured.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
_UNSAFE = re.compile(r"[^A-Za-z0-9._=&\-]")


def query_key(query: str) -> str:
    return _UNSAFE.sub("_", query)


def post_key(body: bytes) -> str:
    return "post-" + hashlib.sha1(body).hexdigest()[:12]


def resolve(root: Path, path: str, query: str, body: bytes | None) -> Path | None:
    rel = unquote(path).lstrip("/")
    target = (root / rel).resolve()
    if root.resolve() not in target.parents and target != root.resolve():
        return None  # no escaping the snapshot root
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    candidates = []
    if body:
        candidates.append(target.with_name(f"{target.name}@{post_key(body)}"))
    if query:
        candidates.append(target.with_name(f"{target.name}@{query_key(query)}"))
    candidates.append(target)
    for cand in candidates:
        if cand.is_file():
            return cand
    return None


def _guess_type(path: Path) -> str:
    name = path.name.split("@", 1)[0]
    if name.endswith((".html", ".htm", ".shtml", ".jhtml", ".jsp")) or "." not in name:
        return "text/html"
    if name.endswith(".json") or "/api/" in str(path):
        return "application/json"
    if name.endswith(".txt"):
        return "text/plain"
    if name.endswith(".pdf"):
        return "application/pdf"
    return "application/octet-stream"


class MirrorHandler(BaseHTTPRequestHandler):
    server_version = "TRS-WCM"  # what the sites answer with; keeps Server headers realistic
    root: Path = SNAPSHOTS
    log_requests: list[tuple[str, str, int, int]] | None = None

    def log_message(self, format: str, *args: Any) -> None:  # quiet by default
        return

    def _serve(self, body: bytes | None) -> None:
        parts = urlsplit(self.path)
        found = resolve(self.root, parts.path, parts.query, body)
        if found is None:
            self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", {"Content-Type": "text/html"})
            return
        data = found.read_bytes()
        status, headers = 200, {"Content-Type": _guess_type(found)}
        sidecar = found.with_name(found.name + ".headers.json")
        if sidecar.is_file():
            spec = json.loads(sidecar.read_text("utf-8"))
            status = int(spec.get("status", 200))
            headers.update(spec.get("headers", {}))
        etag = '"' + hashlib.md5(data).hexdigest() + '"'
        modified = email.utils.formatdate(found.stat().st_mtime, usegmt=True)
        if status == 200:
            headers.setdefault("ETag", etag)
            headers.setdefault("Last-Modified", modified)
            if self.headers.get("If-None-Match") == etag:
                self._send(304, b"", {"ETag": etag})
                return
        self._send(status, data, headers)

    def _send(self, status: int, data: bytes, headers: dict[str, str]) -> None:
        if self.log_requests is not None:
            self.log_requests.append((self.command, self.path, status, len(data)))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD" and status != 304:
            self.wfile.write(data)

    def do_GET(self) -> None:
        self._serve(None)

    def do_HEAD(self) -> None:
        self._serve(None)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self._serve(self.rfile.read(length) if length else b"")


class MirrorServer:
    """Context manager running the mirror on 127.0.0.1 in a background thread."""

    def __init__(self, root: Path = SNAPSHOTS, port: int = 0, record: bool = False) -> None:
        self.requests: list[tuple[str, str, int, int]] | None = [] if record else None
        handler = type("Handler", (MirrorHandler,), {"root": root, "log_requests": self.requests})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> MirrorServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:
    """`python -m crawler.mirror_server [DIR] [--port N]`: serve saved pages for `crawl --mirror URL`."""
    import argparse
    import time

    parser = argparse.ArgumentParser(prog="python -m crawler.mirror_server", description=main.__doc__)
    parser.add_argument("root", nargs="?", type=Path, default=SNAPSHOTS,
                        help="folder of HOST/PATH files (default: the bundled snapshots)")
    parser.add_argument("--port", type=int, default=8090)
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        parser.error(f"{args.root} is not a folder")
    with MirrorServer(args.root, args.port) as server:
        print(f"serving {args.root} at {server.url}; crawl with --mirror {server.url}  (Ctrl-C stops)", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
