"""Local emulations of the access barriers of the real sites, on top of the snapshot mirror.

Written from the documented behaviour (../shared/reference/sites.md §5, §8, §11) so the browser
tier and the per-source egress can be tested, and shown in ``policywatch demo --challenges``,
without ever reaching a real site:

* **Jiasule** (加速乐, Hefei): a request without a valid ``__jsl_clearance`` gets HTTP 521, a
  ``__jsluid_h`` cookie and a script. Round 1 sets a first ``__jsl_clearance`` from an obfuscated
  expression and reloads; round 2 answers ``go({...})`` whose parameters the script must brute-force
  (two unknown characters whose hash is given) before it sets the final cookie and reloads. The final
  cookie is bound to ``__jsluid_h`` and expires after ``ttl`` seconds (server-side check too).
* **WZWS** (网站卫士): a 200 page whose script computes an answer from ``wzwschallenge``, stores it in
  a cookie and goes to ``/WZWSREL<base64 path>``; that answers a 302 back with a ``wzws_cid`` cookie.
* **Nanwei IGS datacall** (Tianjin portal): list pages arrive without rows; a script fetches them as
  JSON from ``…/igs/front/datacall.jhtml`` and writes the same ``div.list-item`` rows the snapshot had.
* **SPA shell** (成都, 西安, 郑州 portals, "client-rendered" in pilot-zones.md): list pages arrive as
  an empty ``<ul>`` and a script that fetches the rows as JSON (``?spa-rows=1`` on the page's own
  URL) after load and builds the same ``<li><a …><span>date</span></li>`` rows the snapshot had.
* **Geo-fence** (Tianjin bureaus): a 403 with the 13-byte ``<html></html>`` body unless the request
  came through the mainland egress, which :class:`EgressProxy` stands in for (it adds ``Via: … cn-egress``).

Hosts are read from the mirror layout (``/{host}/{path}``), and every cookie is scoped to
``path=/{host}/`` so the emulated hosts keep separate cookies on one loopback origin.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import re
import secrets
import threading
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs, quote, urlsplit

from bs4 import BeautifulSoup

from crawler.mirror_server import SNAPSHOTS, MirrorHandler, resolve

CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
EGRESS_MARK = "cn-egress"
FENCE_BODY = b"<html></html>"  # 13 bytes, as kxjs.tj.gov.cn answers foreign IPs
DATACALL = "igs/front/datacall.jhtml"

# The hash both the challenge scripts and the server compute (32-bit FNV-1a, ASCII input).
_FNV_JS = ("function h(s){var x=0x811c9dc5;for(var i=0;i<s.length;i++){x^=s.charCodeAt(i);"
           "x=Math.imul(x,0x01000193)>>>0;}return x.toString(16);}")


def fnv(text: str) -> str:
    x = 0x811C9DC5
    for ch in text:
        x = ((x ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return format(x, "x")


@dataclass
class Barriers:
    """Which emulated host gets which barrier, and what the emulation has served (for tests)."""

    jiasule: frozenset[str] = frozenset()
    wzws: frozenset[str] = frozenset()
    datacall: frozenset[str] = frozenset()
    spa: frozenset[str] = frozenset()
    fenced: frozenset[str] = frozenset()
    unsolvable: frozenset[str] = frozenset()  # Jiasule hosts whose round 2 no browser can solve (tests)
    ttl: float = 3600.0  # seconds a clearance stays valid
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(16))
    served: Counter[str] = field(default_factory=Counter)  # "host kind" -> count
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, host: str, kind: str) -> None:
        with self.lock:
            self.served[f"{host} {kind}"] += 1

    def total(self, kind: str, host: str | None = None) -> int:
        with self.lock:
            return sum(n for key, n in self.served.items()
                       if key.endswith(f" {kind}") and (host is None or key.startswith(f"{host} ")))

    def sign(self, *parts: str) -> str:
        return hmac.new(self.secret, "|".join(parts).encode(), hashlib.sha256).hexdigest()


def demo_barriers(ttl: float = 3600.0) -> Barriers:
    """The barriers of the built-in sources as documented (sites.md §5, §8)."""
    return Barriers(jiasule=frozenset({"kjj.hefei.gov.cn", "jxj.hefei.gov.cn"}),
                    wzws=frozenset({"www.hefei.gov.cn"}), datacall=frozenset({"www.tj.gov.cn"}),
                    spa=frozenset({"www.chengdu.gov.cn", "www.xa.gov.cn", "www.zhengzhou.gov.cn"}),
                    fenced=frozenset({"kxjs.tj.gov.cn", "gyxxh.tj.gov.cn"}), ttl=ttl)


def _cookies(header: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in (header or "").split(";"):
        name, sep, value = part.strip().partition("=")
        if sep:
            out[name] = value
    return out


class ChallengeHandler(MirrorHandler):
    """The snapshot mirror behind the emulated barriers (class attribute ``barriers``)."""

    barriers: Barriers = Barriers()

    def _serve(self, body: bytes | None) -> None:
        parts = urlsplit(self.path)
        host = parts.path.lstrip("/").split("/", 1)[0]
        b = self.barriers
        if host in b.fenced and EGRESS_MARK not in (self.headers.get("Via") or ""):
            b.count(host, "fenced")
            self._send(403, FENCE_BODY, {"Content-Type": "text/html"})
            return
        cookies = _cookies(self.headers.get("Cookie"))
        if host in b.jiasule and not self._jiasule_passed(host, cookies):
            return
        if host in b.wzws and not self._wzws_passed(host, parts.path, parts.query, cookies):
            return
        if host in b.datacall and self._datacall(host, parts.path, parts.query):
            return
        if host in b.spa and self._spa(host, parts.path, parts.query):
            return
        b.count(host, "content")
        super()._serve(body)

    # -- Jiasule -----------------------------------------------------------------------
    def _jiasule_passed(self, host: str, cookies: dict[str, str]) -> bool:
        b, now = self.barriers, time.time()
        uid = cookies.get("__jsluid_h", "")
        clearance = cookies.get("__jsl_clearance", "")
        extra: dict[str, str] = {}
        if not re.fullmatch(r"[0-9a-f]{32}", uid):
            uid = secrets.token_hex(16)
            extra["Set-Cookie"] = f"__jsluid_h={uid}; max-age=31536000; path=/{host}/; HttpOnly"
            clearance = ""
        if self._final_clearance_ok(uid, clearance, now):
            return True
        if self._stage1_ok(uid, clearance):
            b.count(host, "jiasule-round2")
            script = self._jiasule_round2(host, uid, now)
        else:
            b.count(host, "jiasule-round1")
            script = self._jiasule_round1(host, uid, now)
        self._send(521, f"<html><script>{script}</script></html>".encode(),
                   {"Content-Type": "text/html", "Cache-Control": "no-store", **extra})
        return False

    def _stage1_ok(self, uid: str, value: str) -> bool:
        ts, _, sig = value.partition(".")
        return ts.isdigit() and sig == self.barriers.sign("s1", uid, ts)[:12]

    def _jiasule_round1(self, host: str, uid: str, now: float) -> str:
        ts = str(int(now))
        value = f"{ts}.{self.barriers.sign('s1', uid, ts)[:12]}"
        key = 7 + int(now) % 50
        codes = ",".join(str(ord(c) ^ key) for c in value)
        return (f"document.cookie=('_')+('_jsl_clear')+('ance=')+[{codes}].map(function(c){{return "
                f"String.fromCharCode(c^{key})}}).join('')+';max-age=60;path=/{host}/';"
                "location.href=location.pathname+location.search")

    def _answer(self, uid: str, ts: str) -> tuple[str, str, str]:
        """(prefix, the two hidden characters, suffix) of the final clearance for ``uid`` at ``ts``."""
        sig = self.barriers.sign("final", uid, ts)
        hidden = CHARS[int(sig[:4], 16) % len(CHARS)] + CHARS[int(sig[4:8], 16) % len(CHARS)]
        return f"{ts}.{uid[:8]}|0|", hidden, f"|{sig[8:24]}"

    def _final_clearance_ok(self, uid: str, value: str, now: float) -> bool:
        ts = value.split(".", 1)[0]
        if not ts.isdigit() or now - int(ts) > self.barriers.ttl:
            return False
        head, hidden, tail = self._answer(uid, ts)
        return hmac.compare_digest(value, head + hidden + tail)

    def _jiasule_round2(self, host: str, uid: str, now: float) -> str:
        ts = str(int(now))
        head, hidden, tail = self._answer(uid, ts)
        target = "no two characters hash to this" if host in self.barriers.unsolvable else head + hidden + tail
        params = {"bts": [head, tail], "chars": CHARS, "ct": fnv(target), "ha": "fnv",
                  "tn": "__jsl_clearance", "vt": str(int(self.barriers.ttl)), "wt": "1500"}
        return (_FNV_JS + "var go=function(p){for(var i=0;i<p.chars.length;i++){for(var j=0;j<p.chars.length;"
                "j++){var v=p.bts[0]+p.chars[i]+p.chars[j]+p.bts[1];if(h(v)==p.ct){document.cookie=p.tn+'='+v"
                f"+';max-age='+p.vt+';path=/{host}/';location.href=location.pathname+location.search;return;}}}}}}}};"
                f"go({json.dumps(params)})")

    # -- WZWS --------------------------------------------------------------------------
    def _wzws_passed(self, host: str, path: str, query: str, cookies: dict[str, str]) -> bool:
        b, now = self.barriers, time.time()
        cid = cookies.get("wzws_cid", "")
        ts, _, sig = cid.partition(".")
        if ts.isdigit() and now - int(ts) <= b.ttl and sig == b.sign("wzws", ts)[:16]:
            return True
        marker = f"/{host}/WZWSREL"
        if path.startswith(marker):
            return self._wzws_verify(host, path[len(marker):], cookies, now)
        token = secrets.token_hex(8)
        target = path + (f"?{query}" if query else "")
        b.count(host, "wzws-challenge")
        script = (_FNV_JS + f'var wzwschallenge="{token}";var wzwschallengex="{b.sign("x", token)[:8]}";'
                  f'document.cookie="wzwsconfirm="+wzwschallenge+"."+h(wzwschallenge+wzwschallengex)+";path=/{host}/";'
                  f'location.href="{marker}"+btoa("{target}");')
        self._send(200, f"<html><head><title>wzws</title></head><script>{script}</script></html>".encode(),
                   {"Content-Type": "text/html", "Cache-Control": "no-store"})
        return False

    def _wzws_verify(self, host: str, encoded: str, cookies: dict[str, str], now: float) -> bool:
        b = self.barriers
        token, _, answer = cookies.get("wzwsconfirm", "").partition(".")
        try:
            target = base64.b64decode(encoded).decode()
        except ValueError:
            target = ""
        if not token or answer != fnv(token + b.sign("x", token)[:8]) or not target.startswith(f"/{host}/"):
            self._send(403, b"<html>wzws: challenge failed</html>", {"Content-Type": "text/html"})
            return False
        ts = str(int(now))
        b.count(host, "wzws-verified")
        self._send(302, b"", {"Location": target, "Cache-Control": "no-store",
                              "Set-Cookie": f"wzws_cid={ts}.{b.sign('wzws', ts)[:16]}; "
                                            f"max-age={int(b.ttl)}; path=/{host}/"})
        return False

    # -- Nanwei datacall ---------------------------------------------------------------
    def _datacall(self, host: str, path: str, query: str) -> bool:
        """Serve a list page without its rows, or the rows as JSON. False: not a list page."""
        if path == f"/{host}/{DATACALL}":
            wanted = parse_qs(query).get("path", [""])[0]
            page = resolve(self.root, wanted, "", None) if wanted.startswith(f"/{host}/") else None
            rows = _rows(page.read_text("utf-8")) if page else None
            if rows is None:
                self._send(404, b'{"code":404}', {"Content-Type": "application/json"})
                return True
            self.barriers.count(host, "datacall-json")
            data = json.dumps({"code": 200, "data": {"total": len(rows), "rows": rows}}, ensure_ascii=False)
            self._send(200, data.encode(), {"Content-Type": "application/json;charset=utf-8"})
            return True
        page = resolve(self.root, path, query, None)
        if page is None or not page.name.startswith("index"):
            return False
        html = page.read_text("utf-8")
        if _rows(html) is None:
            return False
        self.barriers.count(host, "datacall-shell")
        self._send(200, _shell(html, path).encode(), {"Content-Type": "text/html; charset=utf-8"})
        return True


    # -- SPA shell -----------------------------------------------------------------------
    def _spa(self, host: str, path: str, query: str) -> bool:
        """Serve a list page as an SPA shell, or its rows as JSON. False: not a list page."""
        page = resolve(self.root, path, "" if query == SPA_ROWS else query, None)
        html = page.read_text("utf-8") if page is not None and _guess_html(page) else ""
        rows = spa_rows(html)
        if not rows:
            return False
        if query == SPA_ROWS:
            self.barriers.count(host, "spa-json")
            self._send(200, json.dumps(rows, ensure_ascii=False).encode(),
                       {"Content-Type": "application/json;charset=utf-8"})
            return True
        self.barriers.count(host, "spa-shell")
        self._send(200, spa_shell(html).encode(), {"Content-Type": "text/html; charset=utf-8"})
        return True


SPA_ROWS = "spa-rows=1"
_SPA_ROW = re.compile(r'<li><a href="([^"]+)"[^>]*title="([^"]+)">[^<]*</a><span>([^<]+)</span></li>\n?')


def _guess_html(page: Path) -> bool:
    return page.name.split("@", 1)[0].endswith((".html", ".shtml", ".htm")) or page.name == "index.html"


def spa_rows(html: str) -> list[dict[str, str]]:
    """The list rows of a rendered portal page, as the SPA's JSON would carry them."""
    return [{"href": h, "title": t, "date": d} for h, t, d in _SPA_ROW.findall(html)]


def spa_shell(html: str) -> str:
    """The page as the SPA sends it: the rows removed, a script that fetches and builds them."""
    script = ("<script>window.addEventListener('load',function(){fetch(location.pathname+'?" + SPA_ROWS + "')"
              ".then(function(r){return r.json();}).then(function(rows){"
              "var ul=document.getElementsByTagName('ul')[0];"
              "rows.forEach(function(row){var li=document.createElement('li');"
              "var a=document.createElement('a');a.href=row.href;a.title=row.title;a.textContent=row.title;"
              "var s=document.createElement('span');s.textContent=row.date;"
              "li.appendChild(a);li.appendChild(s);ul.appendChild(li);});});});</script>\n")
    return _SPA_ROW.sub("", html).replace("</body>", script + "</body>")


_ROW = re.compile(r'<div class="list-item clear">.*?</div>\s*', re.S)


def _rows(html: str) -> list[dict[str, str]] | None:
    """The list rows of a Tianjin portal page as datacall JSON records (None: no rows here)."""
    soup = BeautifulSoup(html, "html.parser")
    items = soup.select("div.list-item.clear")
    if not items:
        return None
    rows = []
    for item in items:
        a = item.find("a")
        date = item.select_one("span.fr")
        if a is not None:
            rows.append({"title": str(a.get("title") or ""), "url": str(a.get("href") or ""),
                         "date": date.get_text(strip=True) if date else ""})
    return rows


def _shell(html: str, path: str) -> str:
    """The page as the live portal sends it: rows removed, a datacall script to build them."""
    first = _ROW.search(html)
    assert first is not None
    api = "/" + path.lstrip("/").split("/", 1)[0] + f"/{DATACALL}?siteId=34&path=" + quote(path, safe="")
    script = (
        '<div id="igs-datacall"></div><script>(function(){'
        f'fetch("{api}").then(function(r){{return r.json();}}).then(function(j){{'
        'var box=document.getElementById("igs-datacall");'
        'j.data.rows.forEach(function(row){var d=document.createElement("div");d.className="list-item clear";'
        'var a=document.createElement("a");a.href=row.url;a.target="_blank";a.title=row.title;'
        'var l=document.createElement("span");l.className="fl";l.textContent=row.title;'
        'var r=document.createElement("span");r.className="fr";r.textContent=row.date;'
        'a.appendChild(l);a.appendChild(r);d.appendChild(a);box.appendChild(d);});});})();</script>\n')
    stripped = _ROW.sub("", html)
    return stripped[:first.start()] + script + stripped[first.start():]


class ChallengeServer:
    """The mirror with barriers on 127.0.0.1, as a context manager (like ``MirrorServer``)."""

    def __init__(self, barriers: Barriers, root: Path = SNAPSHOTS, port: int = 0) -> None:
        self.barriers = barriers
        handler = type("Handler", (ChallengeHandler,), {"root": root, "barriers": barriers})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> ChallengeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


# -- the mainland egress stand-in ----------------------------------------------------------
class _ProxyHandler(BaseHTTPRequestHandler):
    auth: str | None = None  # expected Proxy-Authorization value
    log: ClassVar[list[str]] = []

    def log_message(self, format: str, *args: Any) -> None:
        return

    def _forward(self) -> None:
        if self.auth is not None and self.headers.get("Proxy-Authorization") != self.auth:
            self.send_response(407)
            self.send_header("Proxy-Authenticate", 'Basic realm="cn-egress"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        target = urlsplit(self.path)
        self.log.append(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in {"proxy-authorization", "proxy-connection", "connection", "host"}}
        headers["Via"] = f"1.1 {EGRESS_MARK}"
        conn = http.client.HTTPConnection(target.hostname or "", target.port or 80, timeout=30)
        try:
            path = target.path + (f"?{target.query}" if target.query else "")
            conn.request(self.command, path or "/", body=body, headers=headers)
            answer = conn.getresponse()
            data = answer.read()
            self.send_response(answer.status)
            for key, value in answer.getheaders():
                if key.lower() not in {"transfer-encoding", "connection", "content-length"}:
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        finally:
            conn.close()

    do_GET = do_POST = do_HEAD = _forward


class EgressProxy:
    """A local forward HTTP proxy standing in for a mainland egress (``http://`` targets only)."""

    def __init__(self, username: str = "", password: str = "") -> None:
        auth = None
        if username:
            auth = "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()
        self.requests: list[str] = []
        handler = type("Proxy", (_ProxyHandler,), {"auth": auth, "log": self.requests})
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"{host!s}:{port}"

    def hosts(self) -> Iterable[str]:
        """The emulated hosts (mirror layout) requests went to through this proxy."""
        return {urlsplit(url).path.lstrip("/").split("/", 1)[0] for url in self.requests}

    def __enter__(self) -> EgressProxy:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
