"""Loopback emulators of the push APIs, following each one's documented contract.

Each emulator is a real `ThreadingHTTPServer` on 127.0.0.1 with a random port,
records every request it receives and answers the way the real service does
(see /work/shared/reference/channels.md). Use them as context managers.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from notifier.channels.http import HttpTransport


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body.decode("utf-8")).items()}


@dataclass
class Emulator:
    """Base: records requests; subclasses implement `answer(request) -> (status, json)`."""

    requests: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    base_url: str = ""

    def answer(self, request: Request) -> tuple[int, Any]:
        raise NotImplementedError

    @property
    def allow_hosts(self) -> tuple[str, ...]:
        """The emulator's host for the channels' internal-address allow-list: it runs on loopback."""
        return (str(urlsplit(self.base_url).hostname),)

    def transport(self, **kwargs: Any) -> HttpTransport:
        """An `HttpTransport` that may reach this emulator (and nothing else internal)."""
        return HttpTransport(allow_hosts=self.allow_hosts, **kwargs)

    def handle(self, request: Request) -> tuple[int, Any]:
        with self.lock:
            self.requests.append(request)
            return self.answer(request)


def _handler_for(emulator: Emulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            parts = urlsplit(self.path)
            request = Request(
                "POST", parts.path, parse_qs(parts.query), dict(self.headers.items()), self.rfile.read(length)
            )
            status, payload = emulator.handle(request)
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # keep pytest output clean
            pass

    return Handler


@contextmanager
def serve(emulator: Emulator) -> Iterator[Emulator]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(emulator))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    emulator.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield emulator
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


# ---------------------------------------------------------------------------
# WeCom group robot


@dataclass
class WeComEmulator(Emulator):
    """`POST /cgi-bin/webhook/send?key=KEY` with `{"msgtype":"markdown","markdown":{"content":…}}`.

    - unknown key → errcode 93000;
    - content over `max_bytes` (4096 documented) UTF-8 bytes → 40058;
    - `fail_45009` next requests answer 45009 (api freq out of limit);
    - more than `limit_per_minute` accepted messages in the rolling 60 s of
      `clock` → 45009, like the real bot's 20/min rule;
    - once `busy_after` messages were accepted → errcode -1 (system busy) until reset.
    """

    keys: tuple[str, ...] = ("test-bot-key-0001",)
    max_bytes: int = 4096
    fail_45009: int = 0
    busy_after: int | None = None
    limit_per_minute: int = 20
    clock: Callable[[], float] = lambda: 0.0
    accepted: list[str] = field(default_factory=list)
    accepted_at: list[float] = field(default_factory=list)
    window: deque[float] = field(default_factory=deque)

    def answer(self, request: Request) -> tuple[int, Any]:
        if request.path != "/cgi-bin/webhook/send" or request.query.get("key", [""])[0] not in self.keys:
            return 200, {"errcode": 93000, "errmsg": "invalid webhook url, hint: [emulator]"}
        body = request.json()
        if body.get("msgtype") != "markdown" or not isinstance(body.get("markdown", {}).get("content"), str):
            return 200, {"errcode": 40008, "errmsg": "invalid message type"}
        content = body["markdown"]["content"]
        if len(content.encode("utf-8")) > self.max_bytes:
            return 200, {"errcode": 40058, "errmsg": "markdown.content exceed max length 4096"}
        if self.fail_45009 > 0:
            self.fail_45009 -= 1
            return 200, {"errcode": 45009, "errmsg": "api freq out of limit"}
        if self.busy_after is not None and len(self.accepted) >= self.busy_after:
            return 200, {"errcode": -1, "errmsg": "system busy"}
        now = self.clock()
        while self.window and self.window[0] <= now - 60:
            self.window.popleft()
        if len(self.window) >= self.limit_per_minute:
            return 200, {"errcode": 45009, "errmsg": "api freq out of limit"}
        self.window.append(now)
        self.accepted.append(content)
        self.accepted_at.append(now)
        return 200, {"errcode": 0, "errmsg": "ok"}


# ---------------------------------------------------------------------------
# ServerChan Turbo


@dataclass
class ServerChanEmulator(Emulator):
    """`POST /{sendkey}.send` form `title`, `desp`, `short`; JSON `code == 0` is success.

    title over 32 chars, desp over 32 KB or short over 64 chars → non-zero code.
    """

    keys: tuple[str, ...] = ("SCT123456TtestKey",)
    accepted: list[dict[str, str]] = field(default_factory=list)

    def answer(self, request: Request) -> tuple[int, Any]:
        key = request.path.strip("/").removesuffix(".send")
        if key not in self.keys:
            return 200, {"code": 40001, "message": "bad pushkey", "data": None}
        form = request.form()
        title = form.get("title", "")
        if not title or len(title) > 32:
            return 200, {"code": 40002, "message": "title too long or empty", "data": None}
        if len(form.get("desp", "").encode("utf-8")) > 32 * 1024:
            return 200, {"code": 40003, "message": "desp too long", "data": None}
        if len(form.get("short", "")) > 64:
            return 200, {"code": 40004, "message": "short too long", "data": None}
        self.accepted.append(form)
        return 200, {"code": 0, "message": "", "data": {"pushid": str(len(self.accepted)), "errno": 0}}


# ---------------------------------------------------------------------------
# PushPlus


@dataclass
class PushPlusEmulator(Emulator):
    """`POST /send` JSON `{token, title, content, template}`; `code 200` = accepted.

    title over 100 chars or content over `max_content` chars → code 999;
    unknown token → 903; `fail_500` next requests → code 500 (server error).
    """

    tokens: tuple[str, ...] = ("0123456789abcdef0123456789abcdef",)
    max_content: int = 20000
    fail_500: int = 0
    accepted: list[dict[str, Any]] = field(default_factory=list)

    def answer(self, request: Request) -> tuple[int, Any]:
        body = request.json()
        if self.fail_500 > 0:
            self.fail_500 -= 1
            return 200, {"code": 500, "msg": "系统异常", "data": None}
        if body.get("token") not in self.tokens:
            return 200, {"code": 903, "msg": "无效的用户token", "data": None}
        if len(body.get("title", "")) > 100 or len(body.get("content", "")) > self.max_content:
            return 200, {"code": 999, "msg": "内容过长", "data": None}
        self.accepted.append(body)
        return 200, {"code": 200, "msg": "请求成功", "data": f"flow-{len(self.accepted)}"}


# ---------------------------------------------------------------------------
# Generic webhook receiver


@dataclass
class WebhookSink(Emulator):
    """Accepts anything; answers `statuses` in turn (then 200)."""

    statuses: list[int] = field(default_factory=list)

    def answer(self, request: Request) -> tuple[int, Any]:
        status = self.statuses.pop(0) if self.statuses else 200
        return status, {"status": status}
