"""N polls in one daemon-like process (one reactor, like `policywatch run`), sampling the browser.

Usage: browser_soak.py CONFIG MIRROR_URL POLLS. Prints one JSON line per poll: descendant processes
after the poll and at peak during it, this process's RSS, browser pages used, whether all channels
were ok. Run by tests/test_browser.py; not a test module itself.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import threading
import uuid
from pathlib import Path
from typing import Any


def descendants(pid: int) -> list[int]:
    """Every process whose parent chain leads to ``pid`` (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, frontier = [], [pid]
    while frontier:
        kids = [p for p, parent in parents.items() if parent in frontier]
        out += kids
        frontier = kids
    return out


MARK = f"PW_SOAK_MARK={uuid.uuid4().hex}"


def marked() -> int:
    """Processes, other than this one, that inherited this soak's environment marker: descendants,
    and also any that were orphaned (reparented to init) and so escape ``descendants``."""
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if MARK.encode() in (entry / "environ").read_bytes().split(b"\0"):
                    count += 1
            except OSError:
                continue
    return count


def tree_rss_mb(pid: int) -> float:
    total = 0
    for p in [pid, *descendants(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


class Peak:
    """Samples the descendant count in a thread while a poll runs."""

    def __init__(self) -> None:
        self.peak = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.wait(0.2):
            self.peak = max(self.peak, len(descendants(os.getpid())))


def main() -> None:
    cfg, url, polls = sys.argv[1], sys.argv[2], int(sys.argv[3])
    name, _, value = MARK.partition("=")
    os.environ[name] = value  # inherited by the Playwright driver and every Chromium process
    from crawler import reactor
    from crawler.registry import select_sources
    from policywatch.app import App
    from policywatch.config import load_settings

    app = App.open(load_settings(cfg), ())
    sources = select_sources(app.sources, ["hefei", "tianjin/szfwj_bgt"])

    async def loop() -> None:
        from crawler.runner import crawl

        for n in range(polls):
            peak = Peak()
            peak.thread.start()
            report = await crawl(sources, app.settings, app.factory, mirror=url, polite=False)
            peak.stop.set()
            peak.thread.join()
            await asyncio.sleep(0.5)  # let exited children be reaped
            sample: dict[str, Any] = {
                "poll": n, "children": len(descendants(os.getpid())), "marked": marked(),
                "peak_children": peak.peak,
                "rss_mb": round(tree_rss_mb(os.getpid()), 1),
                "browser_pages": sum(r.browser_pages for r in report.results),
                "ok": all(r.status == "ok" for r in report.results)}
            print(json.dumps(sample), flush=True)

    reactor.run(loop)


if __name__ == "__main__":
    main()
