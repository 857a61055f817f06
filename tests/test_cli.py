"""The CLI as users run it: real subprocesses on the production (reactor) path."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SNAPSHOTS

QTWJ = SNAPSHOTS / "www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/qtwj/qtwj2019/201910/t20191031_149721.html"
QTWJ_URL = "https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/qtwj/qtwj2019/201910/t20191031_149721.html"


def pw(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "policywatch", *args], capture_output=True, text=True,
                          env=full_env, cwd=cwd or ROOT, timeout=300)


def test_help_on_every_command() -> None:
    out = pw("--help")
    assert out.returncode == 0
    for command in ("init", "sources", "crawl", "parse", "export", "notify", "run", "status", "demo"):
        res = pw(command, "--help")
        assert res.returncode == 0 and "usage: policywatch" in res.stdout, command


def test_filter_help_lists_the_valid_values_from_their_vocabularies() -> None:
    from crawler.sources import builtin_sources
    from parsers.facts.events import filter_names
    from parsers.facts.topics import VOCABULARY

    for command in ("subscribe", "search"):
        text = " ".join(pw(command, "--help").stdout.split())  # argparse wraps lines
        assert not any(key in text for key in ("{CITIES}", "{TOPICS}", "{EVENTS}")), text
        for value in (*VOCABULARY, *filter_names(), *{s.city.removesuffix("市") for s in builtin_sources()}):
            assert value in text, (command, value)


def test_parsing_does_not_load_the_vocabularies() -> None:
    """The known values are looked up only when help is shown (start-up time of every command)."""
    code = ("import sys; from policywatch.cli import build_parser; "
            "build_parser().parse_args(['search', '--city', '上海', 'x']); "
            "print(sorted(m for m in ('crawler.sources', 'parsers.facts.topics') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.stdout.strip() == "[]", out.stderr


def test_sources_json_interface() -> None:
    data = json.loads(pw("sources", "--json").stdout)
    most = next(s for s in data if s["id"] == "most")
    assert {"id", "name", "city", "channels"} <= set(most)
    assert {"id", "name", "url", "platform"} <= set(most["channels"][0])


def test_parse_most_xxgk_page_prints_title_number_dates_body() -> None:
    res = pw("parse", str(QTWJ), "--url", QTWJ_URL, "--json")
    assert res.returncode == 0, res.stderr
    rec = json.loads(res.stdout)
    assert rec["title"] == "科技部关于支持深圳建设国家新一代人工智能创新发展试验区的函"
    assert rec["doc_number"] == "国科函规〔2019〕183号"
    assert rec["written_date"] == "2019-10-17" and rec["published_date"] == "2019-10-31"
    assert rec["source"] == "most" and "广东省人民政府" in rec["body"]
    assert any(e["type"] == "pilot_zone_approved" and e["city"] == "深圳" for e in rec["events"])


def test_parse_plain_text_and_explain(tmp_path: Path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("科技部关于支持德清县建设国家新一代人工智能创新发展试验区的函\n国科函规〔2019〕194号\n浙江省人民政府：\n"
                   "一、支持德清县建设国家新一代人工智能创新发展试验区。\n科 技 部\n2019年11月2日\n", "utf-8")
    res = pw("parse", str(txt), "--url", "https://example.org/a", "--explain")
    assert res.returncode == 0, res.stderr
    rec = json.loads(res.stdout)
    assert rec["doc_number"] == "国科函规〔2019〕194号" and rec["written_date"] == "2019-11-02"
    assert any(row["field"] == "doc_number" and row["rule"] for row in rec["explain"])


def test_bad_config_exits_2(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[crawl]\nnope = 1\n")
    res = pw("--config", str(cfg), "status")
    assert res.returncode == 2 and "nope" in res.stderr


def test_init_writes_a_loadable_config(tmp_path: Path) -> None:
    assert pw("init", str(tmp_path / "p.toml")).returncode == 0
    assert pw("init", str(tmp_path / "p.toml")).returncode == 2  # no silent overwrite
    assert pw("--config", str(tmp_path / "p.toml"), "--data-dir", str(tmp_path / "d"), "status").returncode == 0


@pytest.mark.timeout(600)
def test_demo_twice_then_export_and_status(tmp_path: Path) -> None:
    data = tmp_path / "demo"
    first = pw("demo", "--data-dir", str(data))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "digest written to" in first.stdout
    hint = next(ln.split() for ln in first.stdout.splitlines() if ln.strip().endswith("search 试验区"))
    # The printed command, run as printed (make demo leaves policywatch in .venv/bin, not on PATH).
    found = subprocess.run(hint, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert found.returncode == 0 and "试验区" in found.stdout and "empty" not in found.stdout, found.stdout
    for source in json.loads(pw("sources", "--json").stdout):
        line = next(ln for ln in first.stdout.splitlines() if ln.startswith(source["id"] + " "))
        assert int(line.split()[2]) > 0, line  # notices stored for every bundled source
    digests = sorted((data / "outbox").glob("*.eml"))
    assert len(digests) == 1
    second = pw("demo", "--data-dir", str(data))
    assert second.returncode == 0 and "0 new notice(s)" in second.stdout
    assert sorted((data / "outbox").glob("*.eml")) == digests  # no new digest
    export = pw("export", "--format", "jsonl", "--data-dir", str(data))
    rows = [json.loads(line) for line in export.stdout.splitlines()]
    assert rows and all(r["version"] == 1 and r["first_seen"] and r["channel"] for r in rows)
    status = pw("status", "--json", "--data-dir", str(data))
    assert all(r["state"] == "ok" for r in json.loads(status.stdout))


def test_crawl_exits_1_when_a_channel_is_blocked_and_stores_the_rest(tmp_path: Path) -> None:
    import shutil

    from crawler.mirror_server import MirrorServer

    root = tmp_path / "snap"
    shutil.copytree(SNAPSHOTS / "www.most.gov.cn", root / "www.most.gov.cn")
    index = root / "www.most.gov.cn" / "tztg" / "index.html"
    index.write_bytes(b"<html></html>")
    (index.parent / "index.html.headers.json").write_text('{"status": 403}')
    with MirrorServer(root) as mirror:
        res = pw("crawl", "--source", "most", "--mirror", mirror.url, "--data-dir", str(tmp_path / "d"),
                 env={"POLICYWATCH_DOWNLOAD_DELAY": "0"})
    assert res.returncode == 1, res.stdout + res.stderr
    lines = {ln.split()[0]: ln for ln in res.stdout.splitlines() if ln.startswith("most/")}
    assert "blocked" in lines["most/tztg"] and "13-byte" in lines["most/tztg"]
    assert " ok " in lines["most/qtwj"] and "new   7" in lines["most/qtwj"]


def test_demo_never_touches_a_real_archive_or_real_channels(tmp_path: Path) -> None:
    """`--data-dir REAL demo` must not load snapshots into a real archive, mail its subscribers or, with
    --fresh, delete it."""
    real = tmp_path / "real"
    smtp = {"POLICYWATCH_SMTP_HOST": "127.0.0.1", "POLICYWATCH_SMTP_SENDER": "monitor@example.org"}
    made = pw("--data-dir", str(real), "subscribe", "--email", "analyst@example.org", env=smtp)
    assert made.returncode == 0, made.stderr
    before = sorted(p.name for p in real.iterdir())
    for extra in ((), ("--fresh",)):
        out = pw("--data-dir", str(real), "demo", *extra)
        assert out.returncode == 2 and "not a demo folder" in out.stderr, out.stderr
        assert sorted(p.name for p in real.iterdir()) == before
    # A demo folder that someone subscribed a real channel in is refused too, before anything is sent.
    demo = tmp_path / "demo"
    assert pw("--data-dir", str(demo), "demo").returncode == 0
    assert pw("--data-dir", str(demo), "subscribe", "--email", "analyst@example.org", env=smtp).returncode == 0
    again = pw("--data-dir", str(demo), "demo")
    assert again.returncode == 2 and "only writes to its outbox" in again.stderr, again.stderr
    assert pw("--data-dir", str(demo), "--database-url", "sqlite:///" + str(tmp_path / "x.db"),
              "demo").returncode == 2


def test_version_broken_pipe_and_config_discovery(tmp_path: Path) -> None:
    out = pw("--version")
    assert out.returncode == 0 and out.stdout.startswith("policywatch "), out
    # `... | head`: the reader leaves after one line; no traceback, no error exit.
    proc = subprocess.Popen([sys.executable, "-m", "policywatch", "--data-dir", str(tmp_path / "d"), "sources"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err and proc.returncode == 0, err
    # ./policywatch.toml is found without --config; so is $XDG_CONFIG_HOME/policywatch/config.toml.
    here = tmp_path / "here"
    here.mkdir()
    (here / "policywatch.toml").write_text(f'data_dir = "{tmp_path / "from-cwd"}"\n', "utf-8")
    status = pw("status", "--json", cwd=here)
    assert status.returncode == 0 and (tmp_path / "from-cwd" / "policywatch.sqlite3").exists(), status.stderr
    xdg = tmp_path / "xdg"
    (xdg / "policywatch").mkdir(parents=True)
    (xdg / "policywatch" / "config.toml").write_text(f'data_dir = "{tmp_path / "from-xdg"}"\n', "utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"XDG_CONFIG_HOME": str(xdg)}
    assert pw("status", cwd=elsewhere, env=env).returncode in (0, 1)
    assert (tmp_path / "from-xdg" / "policywatch.sqlite3").exists()


def test_status_check_fails_on_an_archive_never_polled(tmp_path: Path) -> None:
    out = pw("--data-dir", str(tmp_path / "d"), "status", "--check")
    assert out.returncode == 1 and "no channel has been polled yet" in out.stderr, (out.returncode, out.stderr)
    assert pw("--data-dir", str(tmp_path / "d"), "status").returncode == 0  # without --check: a report


def test_search_on_an_empty_archive_says_so(tmp_path: Path) -> None:
    out = pw("--data-dir", str(tmp_path / "d"), "search", "试验区")
    assert out.returncode == 0 and "is empty" in out.stdout and "no matches" not in out.stdout, out.stdout


def test_unknown_cities_topics_and_sources_are_refused_and_spellings_accepted(tmp_path: Path) -> None:
    base = ["--data-dir", str(tmp_path / "d")]
    smtp = {"POLICYWATCH_SMTP_HOST": "127.0.0.1", "POLICYWATCH_SMTP_SENDER": "monitor@example.org"}
    for args, word, known in ((["subscribe", "--email", "a@example.org", "--topic", "nosuch"], "unknown topic",
                               "funding"),
                              (["subscribe", "--email", "a@example.org", "--city", "Bejing"], "unknown city", "北京"),
                              (["search", "试验区", "--city", "Atlantis"], "unknown city", "上海"),
                              (["report", "funding", "--city", "Gotham"], "unknown city", "深圳")):
        out = pw(*base, *args, env=smtp)
        assert out.returncode == 2 and word in out.stderr and known in out.stderr, (args, out.stderr)
    for spelling in ("Beijing", "beijing", "北京市", "北京"):
        made = pw(*base, "subscribe", "--email", "b@example.org", "--city", spelling, env=smtp)
        assert made.returncode == 0, (spelling, made.stderr)
    listed = pw(*base, "subscriptions", "list", "--json")
    assert listed.stdout.count('"北京"') == 4, listed.stdout  # one canonical spelling, so the filter matches


def test_an_email_subscription_without_smtp_says_where_to_set_it(tmp_path: Path) -> None:
    out = pw("--data-dir", str(tmp_path / "d"), "subscribe", "--email", "a@example.org")
    assert out.returncode == 2 and "[smtp] host" in out.stderr and "docs/config.md" in out.stderr, out.stderr
    assert "subscription" not in out.stdout


def test_status_alive_and_check_with_an_ignore_list(tmp_path: Path) -> None:
    """Docker's health check abroad: "is the daemon up" apart from "are the sites reachable"."""
    import datetime as dt

    import scheduler
    from policywatch.app import App
    from policywatch.config import load_settings
    from store.db import transaction
    from store.models import CrawlRun

    data = tmp_path / "d"
    assert pw("--data-dir", str(data), "status", "--alive").returncode == 1
    lock = scheduler.InstanceLock(data / "policywatch.lock")
    lock.acquire()
    try:
        assert pw("--data-dir", str(data), "status", "--alive").returncode == 0
    finally:
        lock.release()
    assert pw("--data-dir", str(data), "status", "--alive").returncode == 1

    app = App.open(load_settings(environ={"POLICYWATCH_DATA_DIR": str(data)}))
    now = dt.datetime.now(dt.UTC)
    with transaction(app.factory) as session:
        for src in app.sources:
            for ch in src.channels:
                blocked = src.id == "hefei"
                session.add(CrawlRun(source=src.id, channel=ch.id, started_at=now, finished_at=now,
                                     status="blocked" if blocked else "ok", pages=1, items_seen=20, new=0,
                                     changed=0, unchanged=20, details_fetched=0, error_count=0, errors=[],
                                     http_codes={}, reason="HTTP 403 Forbidden" if blocked else None,
                                     reason_code="blocked" if blocked else None))
    app.engine.dispose()
    assert pw("--data-dir", str(data), "status", "--check").returncode == 1
    assert pw("--data-dir", str(data), "status", "--check", "--ignore", "hefei").returncode == 0


def test_the_mirror_server_command_serves_saved_pages_byte_for_byte(tmp_path: Path) -> None:
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    site = tmp_path / "www.example.gov.cn" / "tzgg"
    site.mkdir(parents=True)
    page = "<html><head><meta charset=gb2312></head><body>关于申报的通知</body></html>".encode("gb2312")
    (site / "index.html").write_bytes(page)
    proc = subprocess.Popen([sys.executable, "-m", "crawler.mirror_server", str(tmp_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout is not None
        banner = proc.stdout.readline()
        assert f"--mirror http://127.0.0.1:{port}" in banner, banner
        deadline = time.monotonic() + 10
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/www.example.gov.cn/tzgg/index.html") as r:
                    assert r.read() == page
                break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    wrong = subprocess.run([sys.executable, "-m", "crawler.mirror_server", str(tmp_path / "nope")],
                           capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert wrong.returncode == 2 and "is not a folder" in wrong.stderr


def test_sources_json_lists_the_later_zones_and_the_provinces() -> None:
    """Issue 20: the twelve later zones' cities we cover and the provincial departments, with their city."""
    data = {s["id"]: s for s in json.loads(pw("sources", "--json").stdout)}
    zones = {"deqing": "德清县", "chongqing": "重庆", "chengdu": "成都", "xian": "西安", "jinan": "济南",
             "guangzhou": "广州", "wuhan": "武汉", "suzhou": "苏州", "changsha": "长沙", "zhengzhou": "郑州",
             "shenyang": "沈阳", "harbin": "哈尔滨"}
    provinces = {"zhejiang": "浙江", "sichuan": "四川", "shaanxi": "陕西", "shandong": "山东", "guangdong": "广东",
                 "hubei": "湖北", "jiangsu": "江苏", "hunan": "湖南", "henan": "河南", "liaoning": "辽宁",
                 "heilongjiang": "黑龙江"}
    for sid, city in {**zones, **provinces}.items():
        assert data[sid]["city"] == city, sid
        assert data[sid]["channels"], sid
    rendered = {f"{sid}/{c['id']}" for sid in data for c in data[sid]["channels"] if c["needs_browser"]}
    assert {"chengdu/szf_zcwj", "xian/szf_zcwj", "zhengzhou/szf_zcwj"} <= rendered
    # The Done-when counts of issue 20, told apart by province_of: a city source's city lies in
    # another province (or is a municipality), a provincial one's city is its province.
    from parsers.facts.zone_reference import province_of

    municipalities = {"北京", "上海", "天津", "重庆"}
    city_ids = {sid for sid, s in data.items()
                if s["city"] in municipalities or province_of(s["city"]) not in (None, s["city"])}
    province_ids = {sid for sid, s in data.items()
                    if province_of(s["city"]) == s["city"] and s["city"] not in municipalities}
    assert province_ids == set(provinces)
    # 18 zone cities as sources (Haidian is beijing/hd_zcwj, a 19th city-level publisher under Beijing)
    assert len(city_ids) == 18 and set(zones) <= city_ids
    assert "hd_zcwj" in {c["id"] for c in data["beijing"]["channels"]}
    assert sum(len(data[sid]["channels"]) for sid in {**zones, **provinces}) >= 46
    assert {c["platform"] for sid in {**zones, **provinces} for c in data[sid]["channels"]} == {
        "trs", "jcms", "gkmlpt", "ucap", "jsonlist"}
