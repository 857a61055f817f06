"""Search benchmark: bulk-load N synthetic notices, then time searches.

    .venv/bin/python benchmarks/search_bench.py --size 1000000            # the recorded run
    .venv/bin/python benchmarks/search_bench.py --size 20000 --json out.json

Notices are generated from a vocabulary of real policy phrasing (issuers, programmes, funding
clauses) so that trigram statistics look like the archive's: ~400-character bodies, titles of
20–50 characters. Loading uses Core executemany in batches with the FTS sync triggers dropped, then
one FTS 'rebuild' (store.search.begin_bulk_load / end_bulk_load). Latency is measured through
store.search.search(), i.e. including ranking, snippets and the ORM round trip.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert  # noqa: E402

from store.db import open_database, session_factory  # noqa: E402
from store.models import Notice  # noqa: E402
from store.search import SearchFilters, begin_bulk_load, end_bulk_load, search  # noqa: E402

SOURCES = {"most": "科技部", "beijing": "北京市", "shanghai": "上海市", "tianjin": "天津市",
           "shenzhen": "深圳市", "hangzhou": "杭州市", "hefei": "合肥市"}
DEPARTMENTS = ["科学技术委员会", "经济和信息化局", "人民政府办公厅", "发展和改革委员会", "财政局", "科技创新局",
               "工业和信息化局", "数据资源管理局", "人力资源和社会保障局", "市场监督管理局"]
ACTIONS = ["关于印发", "关于组织申报", "关于开展", "关于发布", "关于征集", "关于公布", "关于做好", "关于推进"]
SUBJECTS = ["人工智能产业发展专项资金管理办法", "重点研发计划项目申报指南", "科技型中小企业创新资金项目",
            "新型研发机构认定工作", "算力券申领工作", "模型券申报指南", "首版次软件产品应用推广",
            "揭榜挂帅项目", "科技创新券管理办法", "高新技术企业认定管理工作", "智能网联汽车道路测试",
            "人工智能典型应用场景", "大模型创新发展若干措施", "数据要素市场化配置改革", "专精特新企业培育",
            "科技成果转移转化示范区建设", "智能制造示范工厂遴选", "国家新一代人工智能创新发展试验区建设",
            "科技企业孵化器考核评价", "知识产权质押融资风险补偿", "集成电路设计企业流片补贴",
            "工业互联网平台培育", "医疗器械创新产品采购", "智慧城市场景开放", "海外高层次人才引进"]
TAILS = ["的通知", "的公告", "的实施细则", "的若干措施", "工作方案", "的补充通知"]
OPENERS = ["各区人民政府，市政府各委、办、局：", "各有关单位：", "各省、自治区、直辖市科技厅（委、局）：",
           "各区县科技主管部门，各有关企业："]
SENTENCES = [
    "为深入贯彻落实{plan}，加快推进{field}高质量发展，现将有关事项通知如下。",
    "对{field}领域的{who}，按照项目总投资的{pct}%给予支持，单个项目最高不超过{amount}万元。",
    "支持{who}建设{platform}，按其新购置研发设备总价的{pct}%进行补助，单个平台补助最高不超过{amount}万元。",
    "设立总规模{fund}亿元的{field}产业引导基金，采用“母基金+直投”的方式支持早期项目。",
    "对实现重大突破的{who}，以“一事一议”方式给予最高{fund}亿元资金支持。",
    "申报单位应为在本市注册、具有独立法人资格的{who}，近三年无严重失信行为。",
    "请于{month}月{day}日前通过{system}完成网上申报，逾期不予受理。",
    "项目实施期一般为{years}年，财政资金分两期拨付，首期拨付比例为{pct}%。",
    "市{dept}负责政策解释，各区应当加强组织协调，确保各项措施落地见效。",
    "本办法自发布之日起施行，有效期{years}年，原《{old}》同时废止。",
    "鼓励{who}开放{field}应用场景，对入选的示范项目给予{amount}万元一次性奖励。",
    "建立{field}人才培养体系，对引进的高层次人才团队给予最高{amount}万元的综合资助。",
]
PLANS = ["《新一代人工智能发展规划》", "《关于加快建设国家科技创新中心的意见》", "《数字经济发展规划》",
         "《“十四五”国家科技创新规划》", "《关于促进科技成果转化的若干规定》"]
FIELDS = ["人工智能", "集成电路", "生物医药", "智能制造", "新能源汽车", "工业互联网", "量子信息", "低空经济",
          "具身智能", "大模型", "智能网联汽车", "智慧医疗", "区块链", "云计算", "数据要素", "机器人"]
WHO = ["企业", "高校院所", "新型研发机构", "创新联合体", "专精特新企业", "科技型中小企业", "龙头企业", "科研团队"]
PLATFORMS = ["共性技术研发平台", "算力中心", "中试基地", "公共服务平台", "重点实验室", "技术创新中心"]
SYSTEMS = ["市科技管理信息系统", "政务服务网", "一网通办平台", "项目申报系统"]

QUERIES_LONG = ["人工智能", "试验区", "专项资金", "算力中心", "揭榜挂帅", "一事一议", "首版次软件",
                "引导基金", "人工智能 补助", "量子信息 中试基地", "海外高层次人才", "流片补贴"]
QUERIES_SHORT = ["科技", "补贴", "算力", "基金", "量子", "中试"]
QUERIES_ONE = ["券", "芯"]


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        plan=rng.choice(PLANS), field=rng.choice(FIELDS), who=rng.choice(WHO), pct=rng.choice([10, 20, 30, 40, 50]),
        amount=rng.choice([50, 100, 200, 300, 500, 1000, 2000, 3000]), fund=rng.choice([1, 2, 5, 10, 20, 100]),
        platform=rng.choice(PLATFORMS), month=rng.randint(1, 12), day=rng.randint(1, 28),
        system=rng.choice(SYSTEMS), years=rng.randint(2, 5), dept=rng.choice(DEPARTMENTS),
        old=rng.choice(SUBJECTS))


def synthetic_rows(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    sources = list(SOURCES)
    now = dt.datetime(2026, 11, 29, tzinfo=dt.UTC)
    start = dt.date(2012, 1, 1).toordinal()
    for i in range(n):
        source = sources[i % len(sources)]
        issuer = SOURCES[source] + rng.choice(DEPARTMENTS) if source != "most" else "科技部"
        title = f"{issuer}{rng.choice(ACTIONS)}{rng.choice(FIELDS)}{rng.choice(SUBJECTS)}{rng.choice(TAILS)}"
        parts = [rng.choice(OPENERS)]
        while sum(map(len, parts)) < 380:
            parts.append(_sentence(rng))
        body = "\n".join(parts)
        url = f"https://bench.invalid/{source}/{i}.html"
        published = dt.date.fromordinal(start + rng.randint(0, 5440))
        yield {"uid": hashlib.sha1(url.encode()).hexdigest(), "source": source, "channel": "bench", "url": url,
               "title": title, "doc_number": None, "doc_number_raw": None, "issuers": [issuer],
               "written_date": published, "published_date": published, "body": body, "topics": [], "events": [],
               "content_hash": hashlib.sha256(f"{title}{i}".encode()).hexdigest(), "list_fingerprint": None,
               "version": 1, "status": "active", "first_seen": now, "last_seen": now, "last_checked": now,
               "last_changed": now}


def load(url: str, size: int, batch: int) -> dict[str, float]:
    engine = open_database(url)
    table = Notice.__table__
    t0 = time.perf_counter()
    with engine.begin() as conn:
        begin_bulk_load(conn)
    buf: list[dict[str, Any]] = []
    inserted = 0
    with engine.begin() as conn:  # one transaction: a commit per batch would fsync per batch
        for row in synthetic_rows(size):
            buf.append(row)
            if len(buf) >= batch:
                conn.execute(insert(table), buf)
                inserted += len(buf)
                buf.clear()
                if inserted % (batch * 20) == 0:
                    rate = inserted / (time.perf_counter() - t0)
                    print(f"  {inserted:>9,} rows  {rate:,.0f}/s", file=sys.stderr, flush=True)
        if buf:
            conn.execute(insert(table), buf)
    t1 = time.perf_counter()
    with engine.begin() as conn:
        end_bulk_load(conn)
    t2 = time.perf_counter()
    engine.dispose()
    return {"insert_s": t1 - t0, "index_s": t2 - t1, "rows": size, "insert_rate": size / (t1 - t0),
            "overall_rate": size / (t2 - t0)}


def time_queries(url: str, queries: list[str], repeat: int) -> dict[str, Any]:
    engine = open_database(url, auto_migrate=False)
    factory = session_factory(engine)
    per_query: dict[str, dict[str, Any]] = {}
    samples: list[float] = []
    with factory() as session:
        for q in queries:
            search(session, q, SearchFilters(limit=20), sources=())  # warm the page cache once per query
            times = []
            hits = 0
            for _ in range(repeat):
                t = time.perf_counter()
                hits = len(search(session, q, SearchFilters(limit=20), sources=()))
                times.append((time.perf_counter() - t) * 1000)
            per_query[q] = {"median_ms": round(statistics.median(times), 2), "max_ms": round(max(times), 2),
                            "hits": hits}
            samples.extend(times)
    engine.dispose()
    samples.sort()
    return {"median_ms": round(statistics.median(samples), 2),
            "p95_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.95))], 2),
            "queries": per_query}


def machine() -> dict[str, Any]:
    import os

    info = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "platform": platform.platform(),
            "cpus": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        info["mem_gb"] = round(int(mem) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per query")
    parser.add_argument("--database-url", help="default: a SQLite file in a temporary folder")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="pw-bench-") as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        print(f"loading {args.size:,} synthetic notices into {url}", file=sys.stderr)
        result: dict[str, Any] = {"machine": machine(), "size": args.size, "load": load(url, args.size, args.batch)}
        if url.startswith("sqlite"):
            result["db_mb"] = round(Path(url.split("///", 1)[1]).stat().st_size / 1e6, 1)
        result["search_3plus"] = time_queries(url, QUERIES_LONG, args.repeat)
        result["search_2"] = time_queries(url, QUERIES_SHORT, args.repeat)
        result["search_1"] = time_queries(url, QUERIES_ONE, args.repeat)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
