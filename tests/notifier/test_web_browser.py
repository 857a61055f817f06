"""The subscriber's whole journey in a real browser (issue 19).

Playwright drives the system Chromium against `policywatch web` on a real uvicorn TLS server, with a
real SMTP relay (aiosmtpd) and a crawl of the local MOST mirror: fill the sign-up form on a 390 px
phone screen, read the confirmation mail, confirm, crawl, receive the digest, change the
preferences from its link, click its unsubscribe link, then POST one-click as Gmail does. After new
notices are crawled, a control subscriber gets them and the unsubscribed one gets nothing.

``POLICYWATCH_UPDATE_DOCS=1`` copies the page screenshots to docs/screenshots/ (on purpose only).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import re
import shutil
import ssl
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from smtp_servers import free_port, make_self_signed, smtp_server

from crawler.mirror_server import MirrorServer
from crawler.registry import select_sources
from crawler.runner import crawl
from crawler.sources import builtin_sources
from policywatch.app import App
from policywatch.config import load_settings
from policywatch.web import ONE_CLICK, create_app
from tests.conftest import ROOT, SNAPSHOTS

CHROMIUM = Path("/usr/bin/chromium")
DOCS = ROOT / "docs" / "screenshots"
PHONE = {"width": 390, "height": 844}
# What the probe of this machine found Chromium needs on a closed network (no background calls home).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

try:
    from playwright.sync_api import Page, sync_playwright
    _MISSING = "" if CHROMIUM.exists() else f"Chromium not installed at {CHROMIUM} (apt-get install chromium)"
except ImportError:  # pragma: no cover - the dev extra installs it
    _MISSING = "playwright is not installed (pip install -e '.[dev]')"

pytestmark = pytest.mark.skipif(bool(_MISSING), reason=_MISSING)


def _mails(relay: Any, to: str) -> list[email.message.EmailMessage]:
    out = [email.message_from_bytes(m.content, policy=email.policy.default) for m in relay.mailbox.messages]
    return [m for m in out if m["To"] == to]  # type: ignore[misc]


def _wait_for_mail(relay: Any, to: str, count: int) -> list[email.message.EmailMessage]:
    deadline = time.monotonic() + 20
    while len(mails := _mails(relay, to)) < count:
        assert time.monotonic() < deadline, f"no mail #{count} to {to}"
        time.sleep(0.05)
    return mails


def _plain(msg: email.message.EmailMessage) -> str:
    return str(msg.get_body(("plain",)).get_content())  # type: ignore[union-attr]


def _poll(app: App, mirror_url: str) -> None:
    """One crawl of MOST's notices channel, in a thread: the browser's driver owns this one."""
    sources = select_sources(builtin_sources(), ["most/tztg"])
    errors: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(crawl(sources, app.settings, app.factory, mirror=mirror_url, reactor=False, polite=False))
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(120)
    assert not worker.is_alive() and not errors, errors


def _add_notice(root: Path) -> None:
    """A new notice on the mirrored list page, as the site would publish it."""
    channel = root / "www.most.gov.cn" / "tztg"
    detail = channel / "202611" / "t20261120_190101.html"
    (detail.parent / "t20261130_190301.html").write_text(
        detail.read_text("utf-8").replace("评估工作的通知", "评估工作的补充通知"), "utf-8")
    index = channel / "index.html"
    row = ('<li><a href="./202611/t20261130_190301.html" title="补充通知">补充通知</a>'
           '<span class="date">2026-11-30</span></li>')
    index.write_text(index.read_text("utf-8").replace('<ul class="info_list2">', '<ul class="info_list2">\n' + row),
                     "utf-8")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[App, Any, str, ssl.SSLContext]]:
    cert, key = make_self_signed(tmp_path)
    with smtp_server() as relay:
        port = free_port()
        base = f"https://127.0.0.1:{port}"
        env = {"POLICYWATCH_DATA_DIR": str(tmp_path / "data"), "POLICYWATCH_SMTP_HOST": "127.0.0.1",
               "POLICYWATCH_SMTP_PORT": str(relay.port), "POLICYWATCH_SMTP_SECURITY": "none",
               "POLICYWATCH_SMTP_SENDER": "monitor@example.org", "POLICYWATCH_PUBLIC_URL": base,
               "POLICYWATCH_DOWNLOAD_DELAY": "0"}
        app = App.open(load_settings(None, environ=env))
        import uvicorn

        server = uvicorn.Server(uvicorn.Config(create_app(app), host="127.0.0.1", port=port, log_level="warning",
                                               ssl_certfile=str(cert), ssl_keyfile=str(key)))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        try:
            yield app, relay, base, ssl.create_default_context(cafile=str(cert))
        finally:
            server.should_exit = True
            thread.join(timeout=10)


def _shot(page: Page, tmp_path: Path, name: str) -> None:
    # A phone must never scroll sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], name
    out = tmp_path / "shots" / f"{name}.png"
    out.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(out), full_page=True)
    assert out.read_bytes().startswith(b"\x89PNG")
    import os

    if os.environ.get("POLICYWATCH_UPDATE_DOCS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(out, DOCS / out.name)


def test_sign_up_confirm_digest_preferences_unsubscribe_in_a_real_browser(
        tmp_path: Path, served: tuple[App, Any, str, ssl.SSLContext]) -> None:
    from notifier.admin import subscribe
    from tests.notifier.test_web_unsubscribe import _args

    app, relay, base, trust = served
    reader, control = "reader@example.org", "control@example.org"
    subscribe(app, _args(email=control, backlog_days=0))  # an operator's subscriber: proves new notices mail
    root = tmp_path / "snap"
    shutil.copytree(SNAPSHOTS / "www.most.gov.cn", root / "www.most.gov.cn")

    with sync_playwright() as pw, MirrorServer(root) as mirror:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        context = browser.new_context(viewport=PHONE, ignore_https_errors=True, locale="zh-CN",
                                      java_script_enabled=False)  # the pages must work without it
        page = context.new_page()

        page.goto(f"{base}/")
        page.fill("#email", reader)
        page.check('input[name="city"][value="全国"]')
        page.check('input[name="schedule"][value="immediate"]')
        _shot(page, tmp_path, "web-signup")
        page.click("button[type=submit]")
        assert "请查收确认消息" in page.inner_text("h1")
        _shot(page, tmp_path, "web-signup-sent")

        (confirmation,) = _wait_for_mail(relay, reader, 1)
        link = re.search(r"https://\S+/confirm/\S+", _plain(confirmation))
        assert link, _plain(confirmation)
        page.goto(link.group(0))
        _shot(page, tmp_path, "web-confirm")
        page.click("button[type=submit]")
        assert "订阅已确认" in page.inner_text("h1")

        _poll(app, mirror.url)
        report = app.notify()
        assert report.sent == 2  # the reader's digest and the control's
        digest = _wait_for_mail(relay, reader, 2)[-1]
        html = str(digest.get_body(("html",)).get_content())  # type: ignore[union-attr]
        assert "科技部" in html or "评估" in html

        prefs = re.search(r'href="(https://[^"]+/p/[^"]+)"', html)
        assert prefs, "the digest links the preferences page"
        page.goto(prefs.group(1))
        assert page.is_checked('input[name="city"][value="全国"]')
        page.check('input[name="topic"][value="ai"]')
        _shot(page, tmp_path, "web-preferences")
        page.click("button[type=submit]")
        assert "已保存" in page.inner_text(".saved")
        _shot(page, tmp_path, "web-preferences-saved")
        page.uncheck('input[name="topic"][value="ai"]')  # back to everything MOST publishes
        page.click("button[type=submit]")

        unsubscribe = re.search(r'href="(https://[^"]+/u/[^"]+)"', html)
        assert unsubscribe
        page.goto(unsubscribe.group(1))
        _shot(page, tmp_path, "web-unsubscribe")
        page.click("button[type=submit]")
        assert "已退订" in page.inner_text("h1")
        browser.close()

        # What Gmail sends to the List-Unsubscribe URL: a cookie-less POST with the RFC 8058 body.
        assert digest["List-Unsubscribe-Post"] == ONE_CLICK
        url = re.findall(r"<([^>]+)>", str(digest["List-Unsubscribe"]))[0]
        request = urllib.request.Request(url, data=ONE_CLICK.encode(), method="POST",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        with urllib.request.urlopen(request, timeout=10, context=trust) as answer:
            assert answer.status == 200

        _add_notice(root)
        _poll(app, mirror.url)
        assert app.notify().sent == 1
        assert len(_wait_for_mail(relay, control, 2)) == 2  # the new notice was mailed, to the control only
        assert len(_mails(relay, reader)) == 2
