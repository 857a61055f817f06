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
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from notifier.subscriptions import sign_token

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
STYLE = """
body{font-family:system-ui,"PingFang SC","Noto Sans CJK SC",sans-serif;max-width:40rem;margin:2rem auto;
  padding:0 1rem;line-height:1.6;color:#222}
h1{font-size:1.4rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.3rem 1rem}
dt{color:#666}
button{font-size:1rem;padding:.6rem 1.4rem;border:0;border-radius:.4rem;background:#b3261e;color:#fff}
button.primary{background:#0b57d0}
.ok{color:#1b5e20}
.muted{color:#666;font-size:.9rem}
fieldset{border:1px solid #ddd;border-radius:.4rem;margin:0 0 1rem;padding:.6rem .8rem}
legend{font-weight:600;padding:0 .3rem}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.2rem .6rem}
.grid.wide{grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))}
.grid label{overflow-wrap:anywhere}
label.field{display:block;margin:.5rem 0 .2rem}
input[type=text],input[type=email]{width:100%;box-sizing:border-box;font-size:1rem;padding:.45rem;
  border:1px solid #bbb;border-radius:.3rem}
.error{background:#fdecea;color:#8c1d18;padding:.6rem .8rem;border-radius:.4rem}
.saved{background:#e6f4ea;color:#1b5e20;padding:.6rem .8rem;border-radius:.4rem}
@media (max-width:480px){body{margin:1rem auto}.grid{grid-template-columns:repeat(2,1fr)}
  .grid.wide{grid-template-columns:1fr}}
"""


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


def _read_with_mtime(path: Path) -> tuple[bytes, float]:
    return path.read_bytes(), path.stat().st_mtime


def _templates() -> Environment:
    return Environment(loader=PackageLoader("policywatch", "templates"),
                       autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)


def _form_lists(form: Any) -> dict[str, list[str]]:
    """A posted form as name -> values (checkbox groups post one name many times)."""
    return {key: [str(v) for v in form.getlist(key)] for key in form}


def _csrf_ok(request: Request, form: Any) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = str(form.get("csrf", ""))
    return bool(cookie) and hmac.compare_digest(cookie.encode(), sent.encode())


def _with_csrf(response: Response, csrf: str, request: Request, path: str) -> Response:
    response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=request.url.scheme == "https",
                        path=path)
    return response


def create_app(app: Any, channel_options: dict[str, Any] | None = None) -> Starlette:
    """The ASGI application over a `policywatch.app.App` (its database, secret and settings).

    ``channel_options``: extra channel options for the confirmation messages (tests point the push
    channels at local emulators with them).
    """
    from notifier import optin

    env = _templates()
    web = app.settings.web
    limits = optin.Limits(per_client_hour=web.signup_per_client_hour, per_contact_day=web.signup_per_address_day,
                          confirm_hours=web.confirm_hours)
    make_channel = app.channel_maker(channel_options)

    def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(template).render(**context), status_code=status)

    def choices() -> optin.Choices:
        return optin.Choices.of([city for _, city in app.source_names().values()])

    def email_enabled() -> bool:
        return bool(app.settings.smtp.host and app.settings.smtp.sender)

    def links(request: Request) -> optin.Links:
        return optin.Links(app.settings.notify.public_url or str(request.base_url), app.secret())

    def form_page(template: str, request: Request, path: str, status: int = 200, **context: Any) -> Response:
        csrf = secrets.token_urlsafe(24)
        response = page(template, status, csrf=csrf, choices=choices(), email_enabled=email_enabled(),
                        kind_label=optin.kind_label, **context)
        return _with_csrf(response, csrf, request, path)

    async def signup_page(request: Request) -> Response:
        if not web.signup:
            raise HTTPException(404)
        return form_page("signup.html", request, "/subscribe", prefs=optin.Preferences(), values={}, error=None)

    async def signup_post(request: Request) -> Response:
        if not web.signup:
            raise HTTPException(404)
        form = await request.form()
        values = _form_lists(form)
        if not _csrf_ok(request, form):
            return page("error.html", 403, message="表单已过期，请返回订阅页重新填写。")
        try:
            req = optin.parse_signup(values, choices(), email_enabled=email_enabled())
        except optin.FormError as exc:
            prefs = optin.Preferences(cities=tuple(values.get("city", ())), topics=tuple(values.get("topic", ())),
                                      events=tuple(values.get("event", ())),
                                      keywords=tuple(" ".join(values.get("keywords", ())).split()),
                                      min_amount=(values.get("min_amount") or [""])[0],
                                      schedule=(values.get("schedule") or ["immediate"])[0])
            # The keys stay out of the page: a visitor re-types them rather than see them echoed.
            return form_page("signup.html", request, "/subscribe", 400, prefs=prefs, error=str(exc),
                             values={"email": (values.get("email") or [""])[0]})
        client = request.client.host if request.client else "unknown"
        try:
            result = await run_in_threadpool(optin.signup, app, req, client, limits=limits, links=links(request),
                                             make_channel=make_channel)
        except optin.RateLimited:
            return page("error.html", 429, message="提交过于频繁，请一小时后再试。")
        if result.failed and not result.sent:
            return page("error.html", 503, message="确认消息暂时无法发送，请稍后重新提交。")
        # The same answer whether or not the address was known, and whether or not it was over its limit.
        return page("signup_done.html", kinds=[optin.kind_label(k) for k, _ in req.targets],
                    failed=[optin.kind_label(k) for k in result.failed], hours=web.confirm_hours)

    async def confirm_page(request: Request) -> Response:
        signed = request.path_params["token"]
        sub = await run_in_threadpool(optin.find, app, optin.CONFIRM_SCOPE, signed)
        if sub is None:
            return page("invalid.html", 404)
        state = optin.state_of(sub, app.clock(), web.confirm_hours)
        return form_page("confirm.html", request, request.url.path, 410 if state == optin.EXPIRED else 200,
                         state=state, sub=_public(sub), action=request.url.path, done=False)

    async def confirm_post(request: Request) -> Response:
        signed = request.path_params["token"]
        form = await request.form()
        if not _csrf_ok(request, form):
            return page("error.html", 403, message="表单已过期，请重新打开确认链接。")
        state, sub = await run_in_threadpool(optin.confirm, app, signed, web.confirm_hours)
        if sub is None:
            return page("invalid.html", 404)
        prefs_url = links(request).preferences(sub.token) if state == optin.ACTIVE else None
        return page("confirm.html", 410 if state == optin.EXPIRED else 200, state=state, sub=_public(sub),
                    done=state == optin.ACTIVE, prefs_url=prefs_url, csrf="", action="")

    async def preferences_page(request: Request) -> Response:
        signed = request.path_params["token"]
        sub = await run_in_threadpool(optin.find, app, optin.PREFS_SCOPE, signed)
        if sub is None:
            return page("invalid.html", 404)
        prefs = optin.Preferences.of_subscription(sub.filters or {}, sub.schedule)
        return form_page("preferences.html", request, request.url.path, sub=_public(sub), prefs=prefs,
                         action=request.url.path, error=None, saved=False, unsubscribe=_unsubscribe_path(sub))

    async def preferences_post(request: Request) -> Response:
        signed = request.path_params["token"]
        form = await request.form()
        if not _csrf_ok(request, form):
            return page("error.html", 403, message="表单已过期，请重新打开修改订阅的链接。")
        sub = await run_in_threadpool(optin.find, app, optin.PREFS_SCOPE, signed)
        if sub is None:
            return page("invalid.html", 404)
        try:
            prefs = optin.parse_preferences(_form_lists(form), choices())
        except optin.FormError as exc:
            return form_page("preferences.html", request, request.url.path, 400, sub=_public(sub),
                             prefs=optin.Preferences.of_subscription(sub.filters or {}, sub.schedule),
                             action=request.url.path, error=str(exc), saved=False,
                             unsubscribe=_unsubscribe_path(sub))
        updated = await run_in_threadpool(optin.update_preferences, app, signed, prefs)
        if updated is None:
            return page("invalid.html", 404)
        return form_page("preferences.html", request, request.url.path, sub=_public(updated), prefs=prefs,
                         action=request.url.path, error=None, saved=True, unsubscribe=_unsubscribe_path(updated))

    def _unsubscribe_path(sub: Any) -> str:
        return f"/u/{sign_token(sub.token, app.secret())}"

    async def unsubscribe_page(request: Request) -> Response:
        from notifier.admin import describe_subscription

        signed = request.path_params["token"]
        sub = await run_in_threadpool(describe_subscription, app, signed)
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
        if await run_in_threadpool(describe_subscription, app, signed) is None:
            return page("invalid.html", 404)
        sub_id = await run_in_threadpool(unsubscribe, app, signed)
        log.info("subscription %s unsubscribed via %s", sub_id, "one-click" if one_click else "the web form")
        if one_click:
            return Response("unsubscribed\n", media_type="text/plain; charset=utf-8")
        done = await run_in_threadpool(describe_subscription, app, signed)
        return page("unsubscribe.html", sub=done, csrf="", action="", done=True)

    async def feed(request: Request) -> Response:
        from notifier.channels.atom import feed_file, is_feed_id

        name = request.path_params["name"]
        if not is_feed_id(name):
            raise HTTPException(404)
        path = feed_file(app.settings.feeds_path, name)
        try:
            data, mtime = await run_in_threadpool(_read_with_mtime, path)
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
        from notifier.subscriptions import CALENDAR_SCOPE, verify_scoped
        from store.models import Subscription

        token = verify_scoped(CALENDAR_SCOPE, request.path_params["token"], app.secret())
        if token is None:
            raise HTTPException(404)

        def build() -> str | None:
            with app.factory() as session:
                sub = session.scalar(select(Subscription).where(Subscription.token == token))
                if sub is None or not sub.active:
                    return None
                cities = {sid: city for sid, (_, city) in app.source_names().items()}
                return calendar_feed(session, sub, cities, app.clock())

        text = await run_in_threadpool(build)
        if text is None:
            raise HTTPException(404)
        data = text.encode("utf-8")
        etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
        headers = {"etag": etag, "cache-control": "private, max-age=900"}
        if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
            return Response(status_code=304, headers=headers)
        return Response(data, media_type="text/calendar; charset=utf-8", headers=headers)

    async def healthz(request: Request) -> Response:
        from sqlalchemy import func, select

        from store.models import CrawlRun

        def last_poll() -> Any:
            with app.factory() as session:
                return session.scalar(select(func.max(CrawlRun.finished_at)))

        try:
            last = await run_in_threadpool(last_poll)
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
        Route("/", signup_page, methods=["GET"]),
        Route("/subscribe", signup_post, methods=["POST"]),
        Route("/confirm/{token}", confirm_page, methods=["GET"]),
        Route("/confirm/{token}", confirm_post, methods=["POST"]),
        Route("/p/{token}", preferences_page, methods=["GET"]),
        Route("/p/{token}", preferences_post, methods=["POST"]),
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


def _public(sub: Any) -> dict[str, Any]:
    """What a page may show of a subscription: the channel with its address or key masked."""
    from notifier.admin import page_target

    return {"id": sub.id, "kind": sub.kind, "target": page_target(sub.kind, sub.target or {}),
            "schedule": sub.schedule, "active": bool(sub.active)}


def serve(app: Any) -> None:
    """Run the web service in the foreground on ``[web] host:port``."""
    import uvicorn

    web = app.settings.web
    log.info("policywatch web on http://%s:%s/ (public URL: %s)", web.host, web.port,
             app.settings.notify.public_url or "not set: digests offer mailto instead")
    uvicorn.run(create_app(app), host=web.host, port=web.port, log_level="warning", access_log=False,
                proxy_headers=True, server_header=False)
