"""The client-rendered portals of issue 20 (成都, 西安, 郑州) through the browser tier, with a real Chromium.

The default snapshots hold the DOM the browser leaves (like the Tianjin portal's), so `make demo`
reads them. Here each list page is replaced by what an SPA shell sends: no rows, and a script that
fetches them as JSON and builds them. Only a browser can read that; read plainly it is a
SelectorError, never "no news".
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from crawler.mirror_server import SNAPSHOTS, MirrorServer
from parsers.page import PageRequest
from policywatch.errors import SelectorError
from tests.sources.conftest import channel_parts, snapshot_text
from tests.test_browser import needs_chromium, poll, write_config

PORTALS = ["chengdu/szf_zcwj", "xian/szf_zcwj", "zhengzhou/szf_zcwj"]
_ROW = re.compile(r"<li>.*?</li>\n?", re.S)


def _shell(html: str, rows_file: str) -> str:
    """The page with its rows removed and a script that fetches and inserts them after load."""
    script = ("<script>window.addEventListener('load',function(){fetch('" + rows_file + "')"
              ".then(function(r){return r.json();}).then(function(rows){"
              "var ul=document.getElementsByTagName('ul')[0];"
              "rows.forEach(function(row){var li=document.createElement('li');"
              "var a=document.createElement('a');a.href=row.href;a.title=row.title;a.textContent=row.title;"
              "var s=document.createElement('span');s.textContent=row.date;"
              "li.appendChild(a);li.appendChild(s);ul.appendChild(li);});});});</script>\n")
    return _ROW.sub("", html).replace("</body>", script + "</body>")


def _rows(html: str) -> list[dict[str, str]]:
    found = re.findall(r'<li><a href="([^"]+)"[^>]*title="([^"]+)">[^<]*</a><span>([^<]+)</span></li>', html)
    assert found, "the snapshot's rows changed shape"
    return [{"href": h, "title": t, "date": d} for h, t, d in found]


def _shell_root(dest: Path) -> Path:
    """A private snapshot tree whose portal list pages are SPA shells."""
    for key in PORTALS:
        _, ctx, platform = channel_parts(key)
        host = ctx.url.split("/")[2]
        if not (dest / host).exists():
            shutil.copytree(SNAPSHOTS / host, dest / host)
        for number in (1, 2):
            request = platform.page_request(ctx, number)
            path = request.url.split("/", 3)[3]
            target = dest / host / (path + "index.html" if path.endswith("/") or not path else path)
            html = snapshot_text(request)
            rows_file = f"rows-{number}.json"
            target.with_name(rows_file).write_text(json.dumps(_rows(html), ensure_ascii=False), "utf-8")
            target.write_text(_shell(html, rows_file), "utf-8")
    return dest


@pytest.mark.parametrize("key", PORTALS)
def test_a_shell_read_without_the_browser_is_a_selector_error(key: str, tmp_path: Path) -> None:
    root = _shell_root(tmp_path / "mirror")
    _, ctx, platform = channel_parts(key)
    host = ctx.url.split("/")[2]
    path = ctx.url.split("/", 3)[3]
    page = root / host / (path + "index.html" if path.endswith("/") else path)
    with pytest.raises(SelectorError) as err:
        platform.parse_list(page.read_text("utf-8"), ctx.url, ctx)
    assert err.value.channel == key


@needs_chromium
def test_spa_portals_are_rendered_by_the_browser_tier_and_read_whole(tmp_path: Path) -> None:
    root = _shell_root(tmp_path / "mirror")
    cfg = write_config(tmp_path)
    with MirrorServer(root=root) as mirror:
        res, log = poll(cfg, mirror.url, *PORTALS)
    for key in PORTALS:
        r = res[key]
        assert r["status"] == "ok", (key, r, log)
        assert (r["items_seen"], r["new"]) == (3, 3), (key, r)  # two list pages: 2 + 1 rows
        assert r["browser_pages"] >= 2, (key, r)  # each list page rendered, the details read plainly
        _, ctx, _ = channel_parts(key)
        assert snapshot_text(PageRequest(ctx.url))  # the default snapshot is untouched


def test_without_the_browser_the_portals_are_reported_needs_browser(tmp_path: Path) -> None:
    cfg = write_config(tmp_path, "[browser]\nenabled = false\n")
    with MirrorServer() as mirror:
        res, _ = poll(cfg, mirror.url, *PORTALS, "xian/kjj_tzgg")
    for key in PORTALS:
        assert res[key]["status"] == "failed" and res[key]["reason_code"] == "needs_browser", res[key]
    assert res["xian/kjj_tzgg"]["status"] == "ok"  # the static 科技局 list of the same city is read plainly
