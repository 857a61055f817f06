"""`policywatch browse`: Datasette on 127.0.0.1 against the demo archive, fetched over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

import policywatch.cli as cli
from store.browse import build_metadata, free_port, sources_values, sqlite_path
from store.models import Notice
from tests.archive.conftest import DemoArchive

pytest.importorskip("datasette")


def _get(base: str, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=10) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def datasette(sqlite_demo: DemoArchive) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "policywatch", "--database-url", sqlite_demo.url,
                             "--data-dir", str(sqlite_demo.data_dir), "browse", "--port", str(port), "--no-open"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if _get(base, "/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"datasette did not start:\n{proc.stdout.read() if proc.stdout else ''}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()  # browse exec()s Datasette, so this pid is the server itself
        proc.wait(timeout=10)


def test_index_and_table_pages(datasette: str) -> None:
    status, html = _get(datasette, "/")
    assert status == 200 and "policywatch archive" in html
    status, html = _get(datasette, "/policywatch/notice")
    assert status == 200 and "One official document per canonical URL" in html
    assert "source" in html and "facet" in html.lower()


def test_canned_funding_query_json_matches_the_archive(datasette: str, sqlite_demo: DemoArchive) -> None:
    status, body = _get(datasette, "/policywatch/funding_rules.json?_shape=array")
    assert status == 200, body
    rows = json.loads(body)
    with sqlite_demo.factory() as s:
        events = [e for n in s.scalars(select(Notice)) for e in n.events if e.get("type") == "funding_rule"]
    assert len(rows) == len(events)
    assert {r["city"] for r in rows} >= {"北京", "上海", "杭州"}
    status, body = _get(datasette, "/policywatch/funding_rules.json?_shape=array&city=" + urllib.parse.quote("上海"))
    assert status == 200 and {r["city"] for r in json.loads(body)} == {"上海"}


def test_pilot_zones_recent_and_search(datasette: str) -> None:
    status, body = _get(datasette, "/policywatch/pilot_zones.json?_shape=array")
    assert status == 200, body
    cities = [r["city"] for r in json.loads(body)]
    assert len(cities) == len(set(cities)) and {"北京", "上海", "深圳"} <= set(cities)
    status, body = _get(datasette, "/policywatch/recent_notices.json?_shape=array")
    assert status == 200 and len(json.loads(body)) > 20
    status, body = _get(datasette, "/policywatch/notice.json?_shape=array&_search=" + urllib.parse.quote("试验区"))
    assert status == 200 and json.loads(body)


def test_read_only_and_secrets_hidden(datasette: str) -> None:
    assert _get(datasette, "/policywatch/subscription")[0] == 403
    status, _ = _get(datasette, "/policywatch.json?sql=" + urllib.parse.quote("DELETE FROM notice"))
    assert status == 400  # only SELECT reaches the read-only (mode=ro) connection
    status, body = _get(datasette, "/policywatch.json?_shape=array&sql=" + urllib.parse.quote(
        "SELECT count(*) AS n FROM notice WHERE instr(title, '科技') > 0"))
    assert status == 200 and json.loads(body)[0]["n"] > 0  # 1–2 character search through instr() works


def test_postgres_gets_a_clear_message(capsys: Any, tmp_path: Any) -> None:
    assert sqlite_path("postgresql+psycopg://u@/db?host=/tmp") is None
    from store.browse import prepare

    with pytest.raises(ValueError, match="SQLite archive only"):
        prepare("postgresql+psycopg://u@/db?host=/tmp", [], None, False)
    with pytest.raises(ValueError, match="no archive"):
        prepare(f"sqlite:///{tmp_path / 'missing.sqlite3'}", [], None, False)


def test_metadata_binds_sources_as_quoted_literals() -> None:
    class Src:
        id, city, name = "x", "O'Brien", "名"

    assert sources_values([Src()]) == "VALUES ('x', 'O''Brien', '名')"
    meta = build_metadata("archive", [Src()])
    assert "/*SOURCES*/" not in json.dumps(meta) and "archive" in meta["databases"]


def test_cli_refuses_postgres(capsys: Any, tmp_path: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr("policywatch.app.open_database", lambda url: __import__("sqlalchemy").create_engine("sqlite://"))
    code = cli.main(["--database-url", "postgresql+psycopg://u@/db?host=/nonexistent", "--data-dir", str(tmp_path),
                     "browse", "--no-open"])
    assert code == 2 and "SQLite archive only" in capsys.readouterr().err


def test_custom_sql_cannot_read_the_subscriber_tables(tmp_path: Any) -> None:
    """The SQL box used to return WeCom keys and tokens: ``?sql=select kind, target from subscription``."""
    import datetime as dt

    from notifier.subscriptions import new_token
    from policywatch.app import App
    from policywatch.config import load_settings
    from store.db import transaction
    from store.models import Subscriber, Subscription

    secret = "wecom-key-7d1c9e0b"
    app = App.open(load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path)}))
    now = dt.datetime.now(dt.UTC)
    with transaction(app.factory) as session:
        subscriber = Subscriber(name="客户甲", created_at=now)
        session.add(subscriber)
        session.flush()
        session.add(Subscription(subscriber_id=subscriber.id, kind="wecom", target={"key": secret}, filters={},
                                 schedule="immediate", active=True, token=new_token(), created_at=now, since=now))
    app.engine.dispose()
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "policywatch", "--data-dir", str(tmp_path), "browse", "--port",
                             str(port), "--no-open"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if _get(base, "/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "datasette did not start"
            time.sleep(0.2)
        for sql in ("select kind, target from subscription", "select * from subscriber",
                    "select s.target from notice n join subscription s on 1 = 1",
                    "select (select group_concat(target) from subscription) as t",
                    "select token from subscription union select title from notice"):
            status, body = _get(base, "/policywatch.json?_shape=array&sql=" + urllib.parse.quote(sql))
            assert status >= 400 and secret not in body and "客户甲" not in body, (sql, status, body[:200])
        status, body = _get(base, "/policywatch.json?_shape=array&sql=" + urllib.parse.quote(
            "select count(*) as n from notice"))
        assert status == 200, body  # the archive itself stays queryable
    finally:
        proc.terminate()
        proc.wait(timeout=10)
