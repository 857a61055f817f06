"""A block page answered with a 5xx status after a successful poll (Jiasule's HTTP 521).

On the production path (Twisted reactor, `policywatch crawl`/`run`), Scrapy's RFC2616Policy serves
the *cached* response whenever the new one is a 5xx (``is_cached_response_valid``). Once a list page
is cached, a 521 challenge — or a 500/502/503 outage — reaches the spider as the old, healthy page:
the channel reports "ok" and nobody hears. ``crawler.cache.MonitorCachePolicy`` reuses the stored
page only on a 304; this test keeps it that way.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from crawler.mirror_server import MirrorServer
from tests.ops import helpers as h


def test_jiasule_521_after_a_cached_poll_is_blocked(tmp_path: Path) -> None:
    root = h.copy_mirror(tmp_path / "mirror", ["www.most.gov.cn"])
    cfg = tmp_path / "pw.toml"
    # The plain-HTTP path through the cache is under test (tests/test_browser.py has the browser tier).
    cfg.write_text("[crawl]\ndownload_delay = 0\nautothrottle = false\n[browser]\nenabled = false\n")
    with MirrorServer(root=root) as mirror:
        def poll() -> str:
            out = subprocess.run([sys.executable, "-m", "policywatch", "--config", str(cfg), "--data-dir",
                                  str(tmp_path / "data"), "crawl", "--source", "most/tztg", "--mirror", mirror.url],
                                 capture_output=True, text=True, timeout=60)
            return out.stdout.split()[1]

        assert poll() == "ok"
        h.serve(root, h.TZTG / "index.html", (h.FIXTURES / "jiasule_challenge.html").read_bytes(), 521)
        assert poll() == "blocked"
