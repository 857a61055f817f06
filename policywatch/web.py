"""`policywatch web`: the subscriber-facing HTTP service (Starlette, run by uvicorn).

This first part serves what every sent digest already points at (issue 19):

- ``GET /u/{token}`` shows which subscription the link stops; ``POST /u/{token}`` stops it. The POST
  also takes RFC 8058's one-click body ``List-Unsubscribe=One-Click`` as Gmail and Yahoo send it (no
  cookie, no CSRF token) and answers 200; stopping a stopped subscription is fine (idempotent).
  ``/unsubscribe/{token}``, the path of digests sent before, is the same page.
- ``GET /feeds/{name}.xml``: the Atom feeds of ``--atom`` subscriptions, with ETag / Last-Modified
  and 304 answers.
- ``GET /calendar/{token}.ics``: a subscription's grant-call deadlines (notifier.calendar), with a
  token signed for that purpose only (``policywatch calendar ID --url`` prints the address).
- ``GET /healthz``: 200 with the last poll time as JSON when the database answers, else 503.

Why Starlette + uvicorn: uvicorn already runs `policywatch browse` (Datasette); Starlette is a small
ASGI toolkit with forms, routing and a test client, and no ORM or template layer of its own to
reconcile with ours (SQLAlchemy, Jinja2). GET never changes state (mail scanners prefetch links).
Every page is escaped by Jinja2's autoescape, carries a strict CSP (no script at all, styles from
/static only), and errors are plain pages without tracebacks. The unsubscribe form carries a CSRF
token (a random value in a SameSite=Strict cookie, repeated in the form); the one-click body is the
exception RFC 8058 requires, and is safe because it can only ever unsubscribe.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
from email.utils import format_datetime
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("policywatch.web")

CSRF_COOKIE = "pw_csrf"
ONE_CLICK = "List-Unsubscribe=One-Click"
# No script anywhere; forms post only here; the pages cannot be framed.
SECURITY_HEADERS = {
    "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",  # the token is in the path: never hand it to another site
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}
STYLE = """body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;max-width:40rem;margin:2rem auto;
padding:0 1rem;line-height:1.6;color:#222}h1{font-size:1.4rem}dl{display:grid;grid-template-columns:auto 1fr;
gap:.3rem 1rem}dt{color:#666}button{font-size:1rem;padding:.6rem 1.4rem;border:0;border-radius:.4rem;
background:#b3261e;color:#fff}.ok{color:#1b5e20}.muted{color:#666;font-size:.9rem}"""


class SecurityHeaders:
    """Adds `SECURITY_HEADERS` to every response (pages, errors, feeds) unless one is set already."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items() if k.encode() not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, with_headers)


def _templates() -> Environment:
    return Environment(loader=PackageLoader("policywatch", "templates"),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def create_app(app: Any) -> Starlette:
    """The ASGI application over a `policywatch.app.App` (its database, secret and settings)."""
    env = _templates()

    def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context), status_code=status)

    async def unsubscribe_page(request: Request) -> Response:
        from notifier.admin import describe_subscription

        signed = request.path_params["token"]
        sub = describe_subscription(app, signed)
        if sub is None:
            return page("invalid.html", 404)
        csrf = secrets.token_urlsafe(24)
        response = page("unsubscribe.html", sub=sub, csrf=csrf, action=request.url.path, done=False)
        response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=request.url.scheme == "https",
                            path=request.url.path)
        return response

    async def unsubscribe_post(request: Request) -> Response:
        from notifier.admin import describe_subscription, unsubscribe

        signed = request.path_params["token"]
        body = (await request.body())[:4096]
        one_click = body.strip() == ONE_CLICK.encode()
        if not one_click:
            form = await request.form()
            cookie = request.cookies.get(CSRF_COOKIE, "")
            sent = str(form.get("csrf", ""))
            if not cookie or not hmac.compare_digest(cookie.encode(), sent.encode()):
                return page("error.html", 403, message="表单已过期，请重新打开退订链接。")
        if describe_subscription(app, signed) is None:
            return page("invalid.html", 404)
        sub_id = unsubscribe(app, signed)
        log.info("subscription %s unsubscribed via %s", sub_id, "one-click" if one_click else "the web form")
        if one_click:
            return Response("unsubscribed\n", media_type="text/plain; charset=utf-8")
        return page("unsubscribe.html", sub=describe_subscription(app, signed), csrf="", action="", done=True)

    async def feed(request: Request) -> Response:
        from notifier.channels.atom import feed_file, is_feed_id

        name = request.path_params["name"]
        if not is_feed_id(name):
            raise HTTPException(404)
        path = feed_file(app.settings.feeds_path, name)
        try:
            data = path.read_bytes()
            mtime = path.stat().st_mtime
        except OSError:
            raise HTTPException(404) from None
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        modified = format_datetime(dt.datetime.fromtimestamp(int(mtime), dt.UTC), usegmt=True)
        headers = {"etag": etag, "last-modified": modified, "cache-control": "public, max-age=300"}
        if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
            return Response(status_code=304, headers=headers)
        return Response(data, media_type="application/atom+xml; charset=utf-8", headers=headers)

    async def calendar(request: Request) -> Response:
        from sqlalchemy import select

        from notifier.calendar import calendar_feed
        from notifier.subscriptions import verify_scoped
        from store.models import Subscription

        token = verify_scoped("calendar", request.path_params["token"], app.secret())
        if token is None:
            raise HTTPException(404)
        with app.factory() as session:
            sub = session.scalar(select(Subscription).where(Subscription.token == token))
            if sub is None or not sub.active:
                raise HTTPException(404)
            cities = {sid: city for sid, (_, city) in app.source_names().items()}
            text = calendar_feed(session, sub, cities, app.clock())
        data = text.encode("utf-8")
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        headers = {"etag": etag, "cache-control": "private, max-age=900"}
        if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
            return Response(status_code=304, headers=headers)
        return Response(data, media_type="text/calendar; charset=utf-8", headers=headers)

    async def healthz(request: Request) -> Response:
        from sqlalchemy import func, select

        from store.models import CrawlRun

        try:
            with app.factory() as session:
                last = session.scalar(select(func.max(CrawlRun.finished_at)))
        except Exception as exc:  # any database failure is "unhealthy", never a traceback
            log.warning("healthz: database check failed: %s", type(exc).__name__)
            return JSONResponse({"ok": False, "database": "unavailable"}, status_code=503)
        return JSONResponse({"ok": True, "database": "ok", "last_poll": last.isoformat() if last else None})

    async def style(request: Request) -> Response:
        return Response(STYLE, media_type="text/css; charset=utf-8", headers={"cache-control": "public, max-age=86400"})

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 404
        return page("error.html", status, message="页面不存在。" if status == 404 else "请求无法处理。")

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("web: %s %s failed", request.method, request.url.path, exc_info=exc)
        return page("error.html", 500, message="服务暂时不可用，请稍后再试。")

    routes = [
        Route("/u/{token}", unsubscribe_page, methods=["GET"]),
        Route("/u/{token}", unsubscribe_post, methods=["POST"]),
        Route("/unsubscribe/{token}", unsubscribe_page, methods=["GET"]),
        Route("/unsubscribe/{token}", unsubscribe_post, methods=["POST"]),
        Route("/feeds/{name}.xml", feed, methods=["GET", "HEAD"]),
        Route("/calendar/{token}.ics", calendar, methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/static/style.css", style, methods=["GET"]),
    ]
    return Starlette(routes=routes, middleware=[Middleware(SecurityHeaders)],
                     exception_handlers={HTTPException: not_found, 500: server_error})


def serve(app: Any) -> None:
    """Run the web service in the foreground on ``[web] host:port``."""
    import uvicorn

    web = app.settings.web
    log.info("policywatch web on http://%s:%s/ (public URL: %s)", web.host, web.port,
             app.settings.notify.public_url or "not set: digests offer mailto instead")
    uvicorn.run(create_app(app), host=web.host, port=web.port, log_level="warning", access_log=False,
                proxy_headers=True, server_header=False)
