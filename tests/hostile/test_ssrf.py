"""SSRF: links and redirects on an official page must never reach internal services (crawler/siteguard.py).

An "official" site on one loopback port lists links and redirects to an internal service on another
port, to metadata and private addresses, and to a same-site host that resolves privately. None may be
fetched, archived or reported as fine; the site's own pages (a moved page included) still are.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from crawler.mirror_server import MirrorServer
from crawler.runner import crawl
from crawler.siteguard import SiteGuardMiddleware, SitePolicy, is_public, site_domain
from crawler.user_sources import load_sources_text
from policywatch.config import load_settings
from store.db import open_database, session_factory
from store.models import CrawlRun, Notice

SECRET = "INTERNAL-SECRET-7f3a"


class _Server:
    """A loopback HTTP server answering from a dict of path -> (status, headers, body); logs paths."""

    def __init__(self, pages: dict[str, tuple[int, dict[str, str], str]]) -> None:
        self.pages, self.hits = pages, []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                outer.hits.append(self.path)
                status, headers, body = outer.pages.get(self.path, (404, {}, "not found"))
                data = body.encode()
                self.send_response(status)
                for k, v in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _page(title: str, body: str) -> str:
    return f"<html><body><h1>{title}</h1><div id='content'>{body}</div></body></html>"


@pytest.fixture
def internal() -> Iterator[_Server]:
    server = _Server({"/secret.html": (200, {}, _page("关于内部系统的通知", SECRET)),
                      "/latest/meta-data/": (200, {}, SECRET)})
    yield server
    server.close()


def _official(internal_port: int) -> _Server:
    inside = f"http://127.0.0.1:{internal_port}/secret.html"
    targets = [inside, f"http://localhost:{internal_port}/secret.html", f"http://[::1]:{internal_port}/secret.html",
               "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/x.html", "http://192.168.1.1/x.html",
               "./to-inside.html", "./to-metadata.html", "./ok.html", "./moved.html"]
    items = "".join(f'<li><a href="{t}">关于第{i}项工作的通知</a><span>2026-11-2{i % 9}</span></li>'
                    for i, t in enumerate(targets))
    return _Server({
        "/tzgg/": (200, {}, f"<html><body><ul class='list'>{items}</ul></body></html>"),
        "/tzgg/ok.html": (200, {}, _page("关于正常事项的通知", "各有关单位：正文。")),
        "/tzgg/moved.html": (302, {"Location": "/tzgg/new-home.html"}, ""),
        "/tzgg/new-home.html": (200, {}, _page("关于迁移页面的通知", "各有关单位：迁移后的正文。")),
        "/tzgg/to-inside.html": (302, {"Location": inside}, ""),
        "/tzgg/to-metadata.html": (307, {"Location": "http://169.254.169.254/latest/meta-data/"}, ""),
    })


def _crawl(tmp_path: Path, sources_toml: str, mirror: str | None = None) -> tuple[Any, list[Notice], list[CrawlRun]]:
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "data"),
                                      "POLICYWATCH_DOWNLOAD_DELAY": "0"})
    engine = open_database(settings.database_url)
    factory = session_factory(engine)
    try:
        report = asyncio.run(crawl(load_sources_text(sources_toml), settings, factory, mirror=mirror,
                                   reactor=False, polite=False))
        with factory() as s:
            return report, list(s.scalars(select(Notice))), list(s.scalars(select(CrawlRun)))
    finally:
        engine.dispose()


def test_links_and_redirects_to_internal_targets_are_never_fetched(tmp_path: Path, internal: _Server) -> None:
    site = _official(internal.port)
    try:
        toml = (f'[[source]]\nid = "site"\nname = "官网"\n[[source.channel]]\nid = "tzgg"\nname = "通知公告"\n'
                f'url = "http://127.0.0.1:{site.port}/tzgg/"\nlist_item = "ul.list li"\ncontent = "#content"\n')
        report, notices, runs = _crawl(tmp_path, toml)
    finally:
        site.close()
    assert internal.hits == [], internal.hits  # the internal service was never asked anything
    assert all(SECRET not in (n.body or "") for n in notices)
    assert sorted(n.url.rsplit("/", 1)[1] for n in notices) == ["moved.html", "ok.html"]
    assert any("迁移后的正文" in (n.body or "") for n in notices)  # the same-host redirect was followed
    (run,) = runs
    # Refusals are visible: a partial run with off_site errors naming the targets, never "ok".
    assert run.status == "partial" and run.reason_code == "off_site", (run.status, run.reason_code)
    refused = "\n".join(run.errors)
    for target in (f"127.0.0.1:{internal.port}", "localhost", "[::1]", "169.254.169.254", "10.0.0.5",
                   "192.168.1.1"):
        assert target in refused, (target, refused)
    assert refused.count("refused: http://169.254.169.254") == 2  # the link and the 307 to it
    assert report.results[0].reason_code == "off_site"


def test_same_site_hosts_are_followed_only_when_they_resolve_publicly(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """kjj.example.gov.cn beside www.example.gov.cn is the same site: allowed if public, refused if not."""
    fake_dns = {"files.example.gov.cn": ["202.96.0.10"], "intranet.example.gov.cn": ["10.1.2.3"],
                "mixed.example.gov.cn": ["202.96.0.11", "127.0.0.1"]}

    async def resolver(host: str, port: int) -> list[str]:
        return fake_dns.get(host, [])

    monkeypatch.setattr(SiteGuardMiddleware, "resolver", staticmethod(resolver))
    root = tmp_path / "mirror"
    links = ["https://files.example.gov.cn/a.html", "https://intranet.example.gov.cn/b.html",
             "https://mixed.example.gov.cn/c.html", "https://unknown.example.gov.cn/d.html",
             "https://www.elsewhere.gov.cn/e.html"]
    (root / "www.example.gov.cn" / "tzgg").mkdir(parents=True)
    items = "".join(f'<li><a href="{u}">关于第{i}项的通知</a></li>' for i, u in enumerate(links))
    (root / "www.example.gov.cn" / "tzgg" / "index.html").write_text(
        f"<html><body><ul class='list'>{items}</ul></body></html>", "utf-8")
    for url in links:
        host, name = url.split("/")[2], url.rsplit("/", 1)[1]
        (root / host).mkdir(exist_ok=True)
        (root / host / name).write_text(_page(f"关于{host}的通知", "正文。"), "utf-8")
    toml = ('[[source]]\nid = "ex"\nname = "示例"\n[[source.channel]]\nid = "tzgg"\nname = "通知公告"\n'
            'url = "https://www.example.gov.cn/tzgg/"\nlist_item = "ul.list li"\ncontent = "#content"\n')
    with MirrorServer(root, record=True) as server:
        _report, notices, runs = _crawl(tmp_path, toml, mirror=server.url)
        assert server.requests is not None
        asked = {p.split("/")[1] for _, p, _, _ in server.requests}
    assert [n.url for n in notices] == ["https://files.example.gov.cn/a.html"]
    assert asked == {"www.example.gov.cn", "files.example.gov.cn"}, asked
    refused = "\n".join(runs[0].errors)
    assert all(h in refused for h in ("intranet.", "mixed.", "unknown.", "www.elsewhere.gov.cn"))


def test_policy_rules() -> None:
    from crawler.registry import ChannelSpec, SourceSpec

    src = SourceSpec("s", "S", "", (ChannelSpec("c", "C", "https://www.sz.gov.cn/cn/xxgk/", "gkmlpt"),
                                    ChannelSpec("d", "D", "http://127.0.0.1:8000/list/", "generic")),
                     hosts=("cdn.example.com", "http://files.other.cn:8080/"))
    policy = SitePolicy.of(src)
    assert policy.judge("http://www.sz.gov.cn/x.html") == "declared"  # the other default port
    assert policy.judge("https://WWW.SZ.GOV.CN./x.html") == "declared"
    assert policy.judge("https://www.sz.gov.cn:8443/x.html") == "refused"
    assert policy.judge("https://kjj.sz.gov.cn/x.html") == "same_site"
    assert policy.judge("http://127.0.0.1:8000/list/2.html") == "declared"
    assert policy.judge("http://127.0.0.1:8001/") == "refused"
    assert policy.judge("https://cdn.example.com/P0.pdf") == "declared"
    assert policy.judge("http://files.other.cn:8080/a.docx") == "declared"
    assert policy.judge("http://x.other.cn:8080/a.docx") == "refused"  # not a default port
    assert policy.judge("ftp://www.sz.gov.cn/") == "refused"
    assert site_domain("kjj.sz.gov.cn") == "sz.gov.cn" and site_domain("a.b.example.com") == "example.com"
    assert site_domain("10.0.0.1") is None
    assert is_public(["202.96.0.10", "2001:4860::1"]) and not is_public([])
    for private in ("127.0.0.1", "10.0.0.1", "172.16.0.1", "192.168.0.1", "169.254.169.254", "::1", "fe80::1",
                    "100.64.0.1", "0.0.0.0"):
        assert not is_public(["202.96.0.10", private]), private


def test_a_user_sources_file_declares_its_extra_hosts() -> None:
    from policywatch.errors import ConfigError

    base = ('[[source]]\nid = "u"\nname = "U"\n{hosts}\n[[source.channel]]\nid = "c"\nname = "C"\n'
            'url = "https://www.example.gov.cn/c/"\nlist_item = "li"\n')
    (src,) = load_sources_text(base.format(hosts='hosts = ["files.example.com", "cdn.example.net:8443"]'))
    policy = SitePolicy.of(src)
    assert policy.judge("https://files.example.com/a.pdf") == "declared"
    assert policy.judge("https://cdn.example.net:8443/a.pdf") == "declared"
    assert policy.judge("https://cdn.example.net:9000/a.pdf") == "refused"
    for bad in ('hosts = "files.example.com"', 'hosts = ["http://x.cn/path"]', 'hosts = ["x.cn:99999"]',
                'hosts = [""]'):
        with pytest.raises(ConfigError, match="hosts"):
            load_sources_text(base.format(hosts=bad))
