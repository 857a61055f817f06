"""The client-rendered portals of issue 20 (成都, 西安, 郑州) through the browser tier, with a real Chromium.

The default snapshots hold the DOM the browser leaves (like the Tianjin portal's), so `make demo`
reads them. Behind the emulated barriers (crawler/emulation.py, `demo --challenges`) each list page
is what an SPA shell sends: no rows, and a script that fetches them as JSON and builds them. Only a
browser can read that; read plainly it is a SelectorError, never "no news".
"""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from crawler.emulation import ChallengeServer, demo_barriers, spa_rows
from crawler.mirror import to_mirror
from crawler.mirror_server import MirrorServer
from policywatch.errors import SelectorError
from tests.sources.conftest import channel_parts, snapshot_text
from tests.test_browser import needs_chromium, poll, write_config

PORTALS = ["chengdu/szf_zcwj", "xian/szf_zcwj", "zhengzhou/szf_zcwj"]


def _fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as answer:  # the loopback emulation only
        return str(answer.read().decode("utf-8"))


@pytest.mark.parametrize("key", PORTALS)
def test_the_shell_has_no_rows_and_read_plainly_is_a_selector_error(key: str) -> None:
    _, ctx, platform = channel_parts(key)
    barriers = demo_barriers()
    with ChallengeServer(barriers) as server:
        for number in (1, 2):
            request = platform.page_request(ctx, number)
            shell = _fetch(to_mirror(request.url, server.url))
            assert not spa_rows(shell) and "fetch(" in shell
            with pytest.raises(SelectorError) as err:
                platform.parse_list(shell, request.url, ctx)
            assert err.value.channel == key
            assert spa_rows(snapshot_text(request))  # the snapshot itself keeps the rendered rows
    assert barriers.total("spa-shell") == 2


@needs_chromium
def test_spa_portals_are_rendered_by_the_browser_tier_and_read_whole(tmp_path: Path) -> None:
    barriers = demo_barriers()
    cfg = write_config(tmp_path)
    with ChallengeServer(barriers) as server:
        res, log = poll(cfg, server.url, *PORTALS)
    for key in PORTALS:
        r = res[key]
        assert r["status"] == "ok", (key, r, log)
        assert (r["items_seen"], r["new"]) == (3, 3), (key, r)  # two list pages: 2 + 1 rows
        assert r["browser_pages"] >= 2, (key, r)  # each list page rendered; the details read plainly
    for host in ("www.chengdu.gov.cn", "www.xa.gov.cn", "www.zhengzhou.gov.cn"):
        assert barriers.total("spa-shell", host) >= 2 and barriers.total("spa-json", host) >= 2, host


def test_without_the_browser_the_portals_are_reported_needs_browser(tmp_path: Path) -> None:
    cfg = write_config(tmp_path, "[browser]\nenabled = false\n")
    with MirrorServer() as mirror:
        res, _ = poll(cfg, mirror.url, *PORTALS, "xian/kjj_tzgg")
    for key in PORTALS:
        assert res[key]["status"] == "failed" and res[key]["reason_code"] == "needs_browser", res[key]
    assert res["xian/kjj_tzgg"]["status"] == "ok"  # the static 科技局 list of the same city is read plainly
