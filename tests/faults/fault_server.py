"""A scriptable misbehaving web site on 127.0.0.1 for fault-injection tests.

Each path has a body and, optionally, a *script*: the fault to apply on the 1st, 2nd, ... request to
that path (the last entry repeats, so ``[503, 503, OK]`` means "two 503s, then fine forever"). The
script can be replaced between polls, e.g. to make a notice disappear (404) after it was archived.

Faults are what government servers really do (sites.md §11): 5xx, hangs longer than the client's
timeout, connection resets in the middle of a body, a ``Content-Length`` larger than the body,
wrong charsets, redirect loops and pages far over any sane size.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Fault:
    """What to do with one request. ``kind``: ok | status | hang | reset | truncate | redirect."""

    kind: str = "ok"
    status: int = 200
    seconds: float = 0.0
    location: str = ""


OK = Fault()


def status(code: int) -> Fault:
    return Fault("status", status=code)


def hang(seconds: float) -> Fault:
    """Say nothing for ``seconds`` (longer than the crawler's DOWNLOAD_TIMEOUT), then answer."""
    return Fault("hang", seconds=seconds)


RESET = Fault("reset")  # headers and half the body, then a TCP RST
TRUNCATE = Fault("truncate")  # Content-Length promises 4 KiB more than is sent, then close


def redirect(location: str) -> Fault:
    return Fault("redirect", status=302, location=location)


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"


@dataclass
class FaultSite:
    """The site's state: pages, per-path fault scripts and per-path hit counters."""

    pages: dict[str, Page] = field(default_factory=dict)
    scripts: dict[str, list[Fault]] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    log: list[tuple[str, str]] = field(default_factory=list)  # (path, fault kind) in arrival order
    lock: threading.Lock = field(default_factory=threading.Lock)
    closing: threading.Event = field(default_factory=threading.Event)

    def next_fault(self, path: str) -> Fault:
        with self.lock:
            attempt = self.hits[path]
            self.hits[path] += 1
            script = self.scripts.get(path) or [OK]
            fault = script[min(attempt, len(script) - 1)]
            self.log.append((path, fault.kind))
            return fault

    def script(self, path: str, *faults: Fault) -> None:
        """Replace ``path``'s script and restart its attempt count."""
        with self.lock:
            self.scripts[path] = list(faults)
            self.hits[path] = 0


class FaultHandler(BaseHTTPRequestHandler):
    site: FaultSite
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        return

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        fault = self.site.next_fault(path)
        # The client may give up first (timeouts): that is the point of the fault.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(path, fault)

    def _answer(self, path: str, fault: Fault) -> None:
        page = self.site.pages.get(path)
        if fault.kind == "hang" and self.site.closing.wait(fault.seconds):
            return
        if fault.kind == "status" or page is None:
            code = fault.status if fault.kind == "status" else 404
            self._send(code, f"<html><body><h1>HTTP {code}</h1></body></html>".encode(), "text/html")
        elif fault.kind == "redirect":
            self._send(302, b"", "text/html", Location=fault.location)
        elif fault.kind == "reset":
            self._head(200, page.content_type, len(page.body))
            self.wfile.write(page.body[: len(page.body) // 2])
            self.wfile.flush()
            self._reset()
        elif fault.kind == "truncate":
            self._head(200, page.content_type, len(page.body) + 4096)
            self.wfile.write(page.body)
            self.wfile.flush()
            self.close_connection = True
        else:
            self._send(200, page.body, page.content_type)

    def _head(self, code: int, content_type: str, length: int, **extra: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        for key, value in extra.items():
            self.send_header(key, value)
        self.end_headers()

    def _send(self, code: int, body: bytes, content_type: str, **extra: str) -> None:
        self._head(code, content_type, len(body), **extra)
        self.wfile.write(body)

    def _reset(self) -> None:
        # SO_LINGER with a zero timeout turns close() into a RST instead of a FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


class FaultServer:
    """Context manager running a ``FaultSite`` on 127.0.0.1 (random port) in a daemon thread."""

    def __init__(self, site: FaultSite) -> None:
        self.site = site
        handler = type("Handler", (FaultHandler,), {"site": site})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.site.closing.set()  # wake hanging handlers so shutdown is immediate
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
