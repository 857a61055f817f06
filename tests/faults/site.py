"""The small user-defined site the fault tests crawl: one TOML source, two channels, scripted faults.

Channel ``tzgg`` lists one notice per fault kind; channel ``flaky`` has a list page that answers
503 for a whole poll. ``VALID`` names every notice that must end up archived exactly once.
"""

from __future__ import annotations

from pathlib import Path

from tests.faults.fault_server import OK, RESET, TRUNCATE, Fault, FaultSite, Page, hang, redirect, status

SOURCE_ID = "faulty"
MAX_PAGE_BYTES = 64 * 1024
# Seconds. Hangs last twice as long, so every hang is a client-side timeout; not shorter, because on a
# loaded 2-core CI machine a healthy answer must never time out (that would make the test flaky).
TIMEOUT = 3.0
HANG = 2 * TIMEOUT
GBK_TITLE = "关于开展人工智能专项资金申报工作的通知（锟斤拷测试：镕堃）"  # 镕堃 are GBK-only, not GB2312

# name -> (script for the detail page, fault description). Each is a notice on the tzgg list.
DETAIL_FAULTS: dict[str, list[Fault]] = {
    "plain": [OK],
    "flaky503": [status(503), status(503), OK],  # recovered by the in-poll retries
    "down503": [status(503)] * 3 + [OK],  # exhausts this poll's retries; archived next poll
    "hang": [hang(HANG), OK],  # one timeout, then the retry succeeds
    "reset": [RESET] * 3 + [OK],  # connection reset mid-body for a whole poll
    "truncated": [TRUNCATE, OK],  # Content-Length larger than the body
    "gbkmeta": [OK],  # GBK bytes, header says utf-8, <meta charset=gbk>
    "gbknometa": [OK],  # GBK bytes, header says utf-8, no meta at all
    "moved": [redirect("/tzgg/new-home.html")],  # a plain redirect must be followed
    "loop": [redirect("/tzgg/loop.html")],  # redirects to itself forever: never a notice
    "huge": [OK],  # over max_page_bytes: permanent failure with backoff
    "removed": [OK],  # archived in poll 1; 404 from poll 2 on -> withdrawn
    "bad500": [status(500), OK],  # one 500, recovered by the retry
}
NOT_NOTICES = {"loop", "huge"}
FLAKY_NOTICES = ("alpha", "beta")
VALID = sorted((set(DETAIL_FAULTS) - NOT_NOTICES) | {f"flaky-{n}" for n in FLAKY_NOTICES})


def _detail(title: str, body: str, *, charset_meta: str | None = "utf-8") -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (f"<html><head>{meta}<title>{title}</title></head><body><h1>{title}</h1>"
            f'<div id="zoom"><p>{body}</p><p>各有关单位：现将有关事项通知如下。申报截止日期为2026年12月31日。</p>'
            "</div></body></html>")


def _title(name: str) -> str:
    return f"关于{name}事项的通知"


def _list(channel: str, names: list[str], extra: str = "") -> bytes:
    rows = "".join(f'<li><a href="./{n}.html" title="{_title(n)}">{_title(n)}</a><span>2026-11-2{i % 9}</span></li>'
                   for i, n in enumerate(names))
    return (f'<html><head><meta charset="utf-8"><title>{channel}</title></head><body>'
            f'<ul class="list">{rows}{extra}</ul></body></html>').encode()


def build_site() -> FaultSite:
    site = FaultSite()
    names = [n for n in DETAIL_FAULTS if not n.startswith("gbk")]
    # A hostile row: the list links a local file. It must be ignored, never fetched.
    hostile = '<li><a href="file:///etc/passwd" title="关于file事项的通知">passwd</a><span>2026-11-20</span></li>'
    site.pages["/tzgg/index.html"] = Page(_list("tzgg", [*names, "gbkmeta", "gbknometa"], hostile))
    for name in names:
        site.pages[f"/tzgg/{name}.html"] = Page(_detail(_title(name), f"{name}的正文内容。").encode())
        site.scripts[f"/tzgg/{name}.html"] = list(DETAIL_FAULTS[name])
    site.pages["/tzgg/new-home.html"] = Page(_detail(_title("moved"), "moved的正文内容。").encode())
    padding = "<p>" + "填充" * 200 + "</p>"
    site.pages["/tzgg/huge.html"] = Page(_detail(_title("huge"), padding * (MAX_PAGE_BYTES // 1000)).encode())
    gbk = _detail(GBK_TITLE, "本通知以GBK编码发布。", charset_meta=None)
    site.pages["/tzgg/gbkmeta.html"] = Page(gbk.replace("<head>", '<head><meta charset="gbk">').encode("gbk"))
    site.pages["/tzgg/gbknometa.html"] = Page(gbk.replace(GBK_TITLE, GBK_TITLE + "（无meta）").encode("gbk"))
    # The whole flaky list answers 503 for one poll (three attempts), then recovers.
    site.pages["/flaky/index.html"] = Page(_list("flaky", list(FLAKY_NOTICES)))
    site.scripts["/flaky/index.html"] = [status(503)] * 3 + [OK]
    for name in FLAKY_NOTICES:
        site.pages[f"/flaky/{name}.html"] = Page(_detail(_title(name), f"{name}的正文内容。").encode())
    return site


def notice_path(name: str) -> str:
    if name.startswith("flaky-"):
        return f"/flaky/{name.removeprefix('flaky-')}.html"
    return f"/tzgg/{name}.html"


def write_sources(path: Path, base_url: str) -> Path:
    channels = ""
    for cid in ("tzgg", "flaky"):
        channels += (f'[[source.channel]]\nid = "{cid}"\nname = "{cid}"\nurl = "{base_url}/{cid}/index.html"\n'
                     'list_item = "ul.list li"\ntitle = "a::attr(title)"\ndate = "span::text"\ncontent = "#zoom"\n')
    path.write_text(f'[[source]]\nid = "{SOURCE_ID}"\nname = "故障站"\ncity = "测试"\n{channels}', "utf-8")
    return path


def write_config(path: Path) -> Path:
    """Short timeouts, a small page cap, no politeness delays, and a recheck of every known notice
    on every poll (so a notice that later 404s is noticed at once)."""
    path.write_text(
        f"[crawl]\ndownload_delay = 0\nautothrottle = false\ntimeout = {TIMEOUT}\nretries = 2\n"
        f"max_page_bytes = {MAX_PAGE_BYTES}\nconcurrent_per_host = 8\nrecheck_hours = 0\n"
        f"[sources.{SOURCE_ID}]\nmax_rechecks = 100\n", "utf-8")
    return path
