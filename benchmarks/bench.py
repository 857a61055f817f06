"""Crawler/daemon benchmarks (`make bench`): one run, every ratio measured side by side.

    .venv/bin/python benchmarks/bench.py --quick          # what `make bench` runs (a few minutes)
    .venv/bin/python benchmarks/bench.py                  # full size: every source in the 200 memory cycles,
                                                          # 10 latency samples, 3 crawl and 20 parse rounds

Rows:
  idle poll     requests/bytes of a poll of an unchanged mirror (every built-in channel) vs a naive
                crawl fetching every list and detail page without a cache (goal: 0 details, <= 5 % bytes)
  parse         our parse (decode + platform parse_detail + facts) vs lxml.html.fromstring (goal <= 3x)
  full crawl    pages/s of our crawl (parse + store) vs a bare Scrapy spider that only follows the same
                links, same settings, politeness off, cache off (goal >= 50 %)
  latency       notice published on the mirror -> digest in the outbox, daemon with a short interval
  memory        daemon RSS over N poll+notify cycles on the production reactor (goal flat within 10 %)
  search        read from benchmarks/search_results.json (the search engineer's search_bench.py)

Results are printed as a table and written to benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import asyncio
import email
import email.policy
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.mirror_server import SNAPSHOTS, MirrorServer  # noqa: E402
from policywatch.config import Settings, load_settings  # noqa: E402

HERE = Path(__file__).resolve().parent
ATTACHMENT_SUFFIXES = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".zip", ".rar")


def settings_for(data: Path, **crawl: Any) -> Settings:
    base = load_settings(environ={"POLICYWATCH_DATA_DIR": str(data), "POLICYWATCH_DOWNLOAD_DELAY": "0"})
    return replace(base, crawl=replace(base.crawl, autothrottle=False, **crawl))


def _factory(settings: Settings) -> Any:
    from store.db import open_database, session_factory

    return session_factory(open_database(settings.database_url))


def _poll(settings: Settings, factory: Any, mirror: str, extra: dict[str, Any] | None = None) -> Any:
    from crawler.runner import crawl
    from crawler.sources import builtin_sources

    return asyncio.run(crawl(builtin_sources(), settings, factory, mirror=mirror, reactor=False, polite=False,
                             extra_settings=extra))


# -- idle poll ------------------------------------------------------------------------------

def bench_idle(tmp: Path) -> dict[str, Any]:
    """Cold crawl (= naive: every list + detail page, no cache), then an idle poll of the same mirror."""
    settings = settings_for(tmp / "idle")
    factory = _factory(settings)
    with MirrorServer(record=True) as server:
        assert server.requests is not None
        _poll(settings, factory, server.url)
        cold = list(server.requests)
        server.requests.clear()
        report = _poll(settings, factory, server.url)
        idle = list(server.requests)
    naive = [r for r in cold if not r[1].endswith("/robots.txt") and not r[1].lower().endswith(ATTACHMENT_SUFFIXES)]
    naive_bytes = sum(r[3] for r in naive)
    idle_bytes = sum(r[3] for r in idle)
    return {"naive_requests": len(naive), "naive_bytes": naive_bytes, "idle_requests": len(idle),
            "idle_bytes": idle_bytes, "idle_304": sum(r[2] == 304 for r in idle),
            "idle_detail_fetches": sum(r.details_fetched for r in report.results),
            "bytes_ratio": round(idle_bytes / naive_bytes, 4) if naive_bytes else None}


# -- parse throughput -----------------------------------------------------------------------

def _detail_pages() -> list[tuple[bytes, str, Any, Any]]:
    from crawler.registry import context, find_channel
    from crawler.sources import builtin_sources
    from parsers.decode import decode_html
    from parsers.notice import build_record
    from parsers.platforms import get_platform
    from policywatch.errors import ParseError

    pages = []
    for path in sorted(SNAPSHOTS.rglob("*.*htm*")):
        if path.name.startswith("index") or path.name.endswith(".json") or "@" in path.name:
            continue
        url = "https://" + str(path.relative_to(SNAPSHOTS))
        found = find_channel(builtin_sources(), url)
        if not found:
            continue
        platform_, ctx = get_platform(found[1].platform), context(*found)
        data = path.read_bytes()
        try:
            build_record(platform_.parse_detail(decode_html(data)[0], url, ctx), url, source=None, channel=None)
        except ParseError:
            continue
        pages.append((data, url, platform_, ctx))
    return pages


def bench_parse(rounds: int) -> dict[str, Any]:
    import lxml.html

    from parsers.decode import decode_html
    from parsers.notice import build_record

    pages = _detail_pages()

    def ours() -> None:
        for data, url, platform_, ctx in pages:
            text, _ = decode_html(data)
            build_record(platform_.parse_detail(text, url, ctx), url, source=None, channel=None)

    def detail_only() -> None:  # the parsing half: selection + text, no fact extraction
        for data, url, platform_, ctx in pages:
            platform_.parse_detail(decode_html(data)[0], url, ctx)

    def raw() -> None:
        for data, *_ in pages:
            lxml.html.fromstring(data)

    timings: dict[str, list[float]] = {"ours": [], "detail": [], "lxml": []}
    ours()  # warm imports and regex caches
    raw()
    for _ in range(rounds):  # interleaved, so all see the same machine state
        for name, fn in (("ours", ours), ("detail", detail_only), ("lxml", raw)):
            started = time.perf_counter()
            fn()
            timings[name].append(time.perf_counter() - started)
    per_page = {k: statistics.median(v) / len(pages) * 1000 for k, v in timings.items()}
    return {"pages": len(pages), "ours_ms_per_page": round(per_page["ours"], 3),
            "lxml_ms_per_page": round(per_page["lxml"], 3),
            "ours_pages_s": round(1000 / per_page["ours"]), "lxml_pages_s": round(1000 / per_page["lxml"]),
            "ratio": round(per_page["ours"] / per_page["lxml"], 2),
            "detail_ms_per_page": round(per_page["detail"], 3),
            "detail_ratio": round(per_page["detail"] / per_page["lxml"], 2)}


# -- full crawl vs bare Scrapy ----------------------------------------------------------------

def _bare_spider(start: list[str], allowed: set[str]) -> type:
    import scrapy

    class BareSpider(scrapy.Spider):
        """Fetch the list pages, follow the links our crawl followed; no parsing, no pipeline."""

        name = "bare"
        pages = 0

        async def start(self) -> Any:
            for url in start:
                yield scrapy.Request(url, dont_filter=True)

        def parse(self, response: Any) -> Any:
            type(self).pages += 1
            if not hasattr(response, "css"):
                return
            for href in response.css("a::attr(href)").getall():
                url = response.urljoin(href)
                if url.split("://", 1)[-1].split("/", 1)[-1] in allowed:
                    yield scrapy.Request(url)

    return BareSpider


async def _run_spider(runner_cls: Any, opts: dict[str, Any], spider: type) -> None:
    await runner_cls(opts).crawl(spider)  # the runner must be made inside the running loop


def bench_crawl(tmp: Path, repeat: int) -> dict[str, Any]:
    from scrapy.crawler import AsyncCrawlerRunner

    import crawler.runner  # noqa: F401 - import cost is not crawl cost (idle may not have run first)
    from crawler.mirror import to_mirror
    from crawler.settings import scrapy_settings
    from crawler.sources import builtin_sources

    ours_rates, bare_rates, ours_pages, bare_pages = [], [], 0, 0
    for i in range(repeat):
        # robots.txt off for both: the bare spider has no per-official-host robots lookups to make.
        settings = settings_for(tmp / f"crawl{i}", http_cache=False, obey_robots=False)
        factory = _factory(settings)
        with MirrorServer(record=True) as server:
            assert server.requests is not None
            started = time.perf_counter()
            _poll(settings, factory, server.url)
            ours_s = time.perf_counter() - started
            fetched = [r for r in server.requests if not r[1].endswith("/robots.txt")]
            ours_pages = len(fetched)
            allowed = {r[1].lstrip("/") for r in fetched}
            lists = [to_mirror(c.url, server.url) for s in builtin_sources() for c in s.channels]
            opts = scrapy_settings(settings, reactor=False, polite=False)
            opts.update({"ITEM_PIPELINES": {}})
            spider = _bare_spider(lists, allowed)
            server.requests.clear()
            started = time.perf_counter()
            asyncio.run(_run_spider(AsyncCrawlerRunner, opts, spider))
            bare_s = time.perf_counter() - started
            bare_pages = len(server.requests)
        ours_rates.append(ours_pages / ours_s)
        bare_rates.append(bare_pages / bare_s)
    ours_rate, bare_rate = statistics.median(ours_rates), statistics.median(bare_rates)
    return {"ours_pages": ours_pages, "bare_pages": bare_pages, "ours_pages_s": round(ours_rate, 1),
            "bare_pages_s": round(bare_rate, 1), "ratio": round(ours_rate / bare_rate, 2)}


# -- detection latency ----------------------------------------------------------------------

def _publish(root: Path, n: int) -> str:
    tztg = root / "www.most.gov.cn" / "tztg"
    template = (tztg / "202611" / "t20261120_190101.html").read_text("utf-8")
    title = f"关于第{n}批延迟测量试点的通知"
    name = f"t20261129_39{n:04d}.html"
    (tztg / "202611" / name).write_text(template.replace("评估工作的通知", title), "utf-8")
    index = tztg / "index.html"
    row = f'<li><a href="./202611/{name}" title="{title}">{title}</a><span class="date">2026-11-29</span></li>'
    html = index.read_text("utf-8").replace('<ul class="info_list2">', '<ul class="info_list2">\n' + row, 1)
    index.with_suffix(".tmp").write_text(html, "utf-8")
    index.with_suffix(".tmp").replace(index)
    return title


def _outbox_has(outbox: Path, title: str) -> bool:
    for path in outbox.glob("*.eml"):
        msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        body = msg.get_body(("plain",))
        if body is not None and title in body.get_content():
            return True
    return False


def bench_latency(tmp: Path, samples: int, poll_seconds: float) -> dict[str, Any]:
    root = tmp / "latency-snap"
    shutil.copytree(SNAPSHOTS, root)
    data = tmp / "latency-data"
    config = tmp / "latency.toml"
    config.write_text(f"[crawl]\ndownload_delay = 0\nautothrottle = false\n[schedule]\nnotify_seconds = 60\n"
                      f"[sources.most]\npoll_seconds = {poll_seconds}\n", "utf-8")
    latencies = []
    with MirrorServer(root) as mirror:
        proc = subprocess.Popen([sys.executable, "-m", "policywatch", "--config", str(config), "--data-dir",
                                 str(data), "run", "--mirror", mirror.url], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        try:
            _wait(lambda: any((data / "outbox").glob("*.eml")), 180, "first digest")
            for n in range(samples):
                title = _publish(root, n)
                started = time.monotonic()
                _wait(lambda t=title: _outbox_has(data / "outbox", t), 120, "digest of the new notice")
                latencies.append(time.monotonic() - started)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    return {"samples": len(latencies), "poll_seconds": poll_seconds,
            "median_s": round(statistics.median(latencies), 2), "max_s": round(max(latencies), 2)}


def _wait(check: Any, limit: float, what: str) -> None:
    deadline = time.monotonic() + limit
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {what} within {limit} s")
        time.sleep(0.05)


# -- daemon memory --------------------------------------------------------------------------

def memory_worker(data: str, mirror: str, cycles: int, sources: list[str]) -> None:
    """Runs in its own process on the production reactor: poll + notify, RSS after every cycle."""
    from crawler import reactor
    from crawler.registry import select_sources
    from crawler.runner import crawl
    from policywatch.app import App

    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": data, "POLICYWATCH_DOWNLOAD_DELAY": "0"})
    app = App.open(settings)
    app.ensure_default_outbox()
    chosen = select_sources(app.sources, sources) if sources else app.sources
    rss: list[int] = []

    async def cycles_() -> None:
        for _ in range(cycles):
            await crawl(chosen, settings, app.factory, mirror=mirror, polite=False)
            await asyncio.to_thread(app.notify)
            rss.append(_rss_kb())

    reactor.run(cycles_)
    print(json.dumps(rss))


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def bench_memory(tmp: Path, cycles: int, sources: list[str]) -> dict[str, Any]:
    with MirrorServer() as mirror:
        started = time.monotonic()
        out = subprocess.run([sys.executable, __file__, "--memory-worker", str(tmp / "mem"), mirror.url,
                              str(cycles), ",".join(sources)], capture_output=True, text=True, timeout=3600)
        seconds = time.monotonic() - started
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    rss = json.loads(out.stdout.strip().splitlines()[-1])
    base = rss[min(9, len(rss) - 1)]
    return {"cycles": len(rss), "sources": ",".join(sources) or "all", "rss_c1_mb": round(rss[0] / 1024, 1),
            "rss_c10_mb": round(base / 1024, 1), "rss_last_mb": round(rss[-1] / 1024, 1),
            "growth_after_c10": round(rss[-1] / base - 1, 4), "cycle_s": round(seconds / len(rss), 3)}


# -- search (the search engineer's numbers) ---------------------------------------------------

def search_results() -> dict[str, Any] | None:
    path = HERE / "search_results.json"
    if not path.exists():
        return None
    data = json.loads(path.read_text("utf-8"))
    return {"size": data.get("size"), **{k: {m: v.get(m) for m in ("median_ms", "p95_ms")}
                                         for k, v in data.items() if k.startswith("search_")}}


# -- report ---------------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    import scrapy

    info: dict[str, Any] = {"nproc": os.cpu_count(), "python": platform.python_version(),
                            "scrapy": scrapy.__version__, "sqlite": sqlite3.sqlite_version}
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            info["cpu"] = line.split(":", 1)[1].strip()
            break
    mem_kb = int(Path("/proc/meminfo").read_text().splitlines()[0].split()[1])
    info["ram_gb"] = round(mem_kb / 1024 / 1024, 1)
    return info


def table(results: dict[str, Any]) -> str:
    idle, parse, crawl_, lat, mem = (results.get(k) for k in ("idle", "parse", "crawl", "latency", "memory"))
    rows = [("benchmark", "ours", "baseline", "ratio", "goal")]
    if idle:
        rows.append(("idle poll: requests", str(idle["idle_requests"]), f"{idle['naive_requests']} (naive)",
                     f"{idle['idle_requests'] / idle['naive_requests']:.1%}", ""))
        rows.append(("idle poll: bytes", f"{idle['idle_bytes']:,}", f"{idle['naive_bytes']:,} (naive)",
                     f"{idle['bytes_ratio']:.1%}", "<= 5 %"))
        rows.append(("idle poll: detail fetches", str(idle["idle_detail_fetches"]), "", "", "0"))
    if parse:
        rows.append(("parse: ms/page", f"{parse['ours_ms_per_page']}", f"{parse['lxml_ms_per_page']} (lxml)",
                     f"{parse['ratio']}x", "<= 3x"))
        if "detail_ms_per_page" in parse:
            rows.append(("  of which parse_detail", f"{parse['detail_ms_per_page']}", "(no facts)",
                         f"{parse['detail_ratio']}x", ""))
    if crawl_:
        rows.append(("full crawl: pages/s", f"{crawl_['ours_pages_s']}", f"{crawl_['bare_pages_s']} (bare Scrapy)",
                     f"{crawl_['ratio']:.0%}", ">= 50 %"))
    if lat:
        rows.append(("detection latency", f"{lat['median_s']} s median, {lat['max_s']} s max",
                     f"poll every {lat['poll_seconds']} s", "", ""))
    if mem:
        rows.append((f"daemon RSS, {mem['cycles']} cycles", f"{mem['rss_c10_mb']} -> {mem['rss_last_mb']} MB",
                     f"c1 {mem['rss_c1_mb']} MB", f"{mem['growth_after_c10']:+.1%}", "within 10 %"))
    search = results.get("search")
    if search:
        for key in ("search_3plus", "search_2", "search_1"):
            if key in search:
                rows.append((f"search {key.removeprefix('search_')}-char @ {search['size']:,}",
                             f"{search[key]['median_ms']} ms median", f"p95 {search[key]['p95_ms']} ms", "", ""))
    else:
        rows.append(("search latency @ 1,000,000", "see ## Search", "", "", ""))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="policywatch crawler/daemon benchmarks")
    parser.add_argument("--quick", action="store_true", help="smaller sizes (what make bench runs)")
    parser.add_argument("--only", action="append", choices=["idle", "parse", "crawl", "latency", "memory"])
    parser.add_argument("--json", default=str(HERE / "results.json"), help="where to write the results")
    parser.add_argument("--memory-worker", nargs=4, metavar=("DATA", "MIRROR", "CYCLES", "SOURCES"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_worker:
        data, mirror, cycles, sources = args.memory_worker
        memory_worker(data, mirror, int(cycles), [s for s in sources.split(",") if s])
        return 0
    wanted = set(args.only or ["idle", "parse", "crawl", "latency", "memory"])
    results: dict[str, Any] = {"machine": machine(), "quick": args.quick}
    with tempfile.TemporaryDirectory(prefix="pw-bench-") as name:
        tmp = Path(name)
        steps = {
            "idle": lambda: bench_idle(tmp),
            "parse": lambda: bench_parse(rounds=5 if args.quick else 20),
            "crawl": lambda: bench_crawl(tmp, repeat=1 if args.quick else 3),
            "latency": lambda: bench_latency(tmp, samples=3 if args.quick else 10, poll_seconds=5),
            "memory": lambda: bench_memory(tmp, cycles=200,
                                           sources=["most", "beijing"] if args.quick else []),
        }
        for key, step in steps.items():
            if key in wanted:
                print(f"running {key} ...", file=sys.stderr, flush=True)
                started = time.monotonic()
                results[key] = step()
                print(f"  {key} took {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    results["search"] = search_results()
    Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), "utf-8")
    m = results["machine"]
    print(f"\nmachine: {m['nproc']} x {m.get('cpu', '?')}, {m['ram_gb']} GB RAM; Python {m['python']}, "
          f"Scrapy {m['scrapy']}, SQLite {m['sqlite']}{' (quick)' if args.quick else ''}\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
