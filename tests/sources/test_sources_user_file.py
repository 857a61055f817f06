"""User sources from TOML: the documented format loads; every bad file is one clear ConfigError."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.mirror_server import MirrorServer
from crawler.politeness import download_slots
from crawler.runner import crawl
from crawler.user_sources import load_sources_file, load_sources_text
from policywatch.config import load_settings
from policywatch.errors import ConfigError
from store.db import open_database, session_factory

GOOD = """\
[[source]]
id = "mock"
name = "测试站"
city = "测试"
[[source.channel]]
id = "tzgg"
name = "通知公告"
url = "http://127.0.0.1:8000/tzgg/"
list_item = "ul.list li"
link = "a::attr(href)"
title = "a::attr(title)"     # optional
date = "span::text"          # optional
next_page = "a.next::attr(href)"  # optional
max_pages = 5                # optional
content = "#zoom"            # optional
download_delay = 0           # optional
"""


def test_documented_example_loads(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(GOOD, "utf-8")
    (src,) = load_sources_file(path)
    assert (src.id, src.name, src.city, src.download_delay) == ("mock", "测试站", "测试", None)
    (ch,) = src.channels
    assert (ch.id, ch.url, ch.platform, ch.max_pages) == ("tzgg", "http://127.0.0.1:8000/tzgg/", "generic", 5)
    assert ch.download_delay == 0.0
    assert dict(ch.options) == {"list_item": "ul.list li", "link": "a::attr(href)", "title": "a::attr(title)",
                                "date": "span::text", "next_page": "a.next::attr(href)", "content": "#zoom"}


def test_minimal_channel_and_largest_delay_wins() -> None:
    text = """[[source]]
id = "a"
name = "A"
download_delay = 1
[[source.channel]]
id = "x"
name = "X"
url = "https://a.gov.cn/x/"
list_item = "li"
download_delay = 3.5
[[source.channel]]
id = "y"
name = "Y"
url = "https://a.gov.cn/y/"
list_item = "li"
[[source.channel]]
id = "z"
name = "Z"
url = "https://files.a.gov.cn/z/"
list_item = "li"
"""
    (src,) = load_sources_text(text)
    assert src.download_delay == 1 and src.channels[0].max_pages is None
    assert [c.download_delay for c in src.channels] == [3.5, None, None]
    # Paced per host: x and y share a.gov.cn at the larger delay; z's host keeps the source's.
    assert download_slots([src], {}, 2.0) == {"a.gov.cn": {"delay": 3.5}, "files.a.gov.cn": {"delay": 1.0}}


def _bad(replace: str, by: str) -> str:
    assert replace in GOOD
    return GOOD.replace(replace, by)


@pytest.mark.parametrize(("text", "line", "fragment"), [
    (_bad('url = "http://127.0.0.1:8000/tzgg/"', 'url = "file:///etc/passwd"'), 8,
     "source[0].channel[0].url: only http(s) URLs are allowed"),
    (_bad('url = "http://127.0.0.1:8000/tzgg/"', 'url = "ftp://example.gov.cn/"'), 8, "channel[0].url"),
    (_bad('url = "http://127.0.0.1:8000/tzgg/"', 'url = "javascript:alert(1)"'), 8, "channel[0].url"),
    (_bad('id = "mock"', 'id = "Mock-Site"'), 2, "source[0].id: 'Mock-Site' must match [a-z0-9_]+"),
    (_bad('id = "tzgg"', 'id = "tz gg"'), 6, "source[0].channel[0].id"),
    (_bad("max_pages = 5 ", 'max_pages = "5"'), 14, "channel[0].max_pages: must be an integer"),
    (_bad("max_pages = 5 ", "max_pages = 0 "), 14, "channel[0].max_pages: must be >= 1"),
    (_bad("max_pages = 5 ", "max_pages = true "), 14, "must be an integer"),
    (_bad("download_delay = 0 ", "download_delay = -1 "), 16, "channel[0].download_delay: must be >= 0"),
    (_bad('list_item = "ul.list li"', 'list_item = "ul..list li"'), 9, "channel[0].list_item: invalid CSS selector"),
    (_bad('list_item = "ul.list li"', "list_item = 3"), 9, "channel[0].list_item: must be a non-empty string"),
    (_bad('list_item = "ul.list li"\n', ""), 5, "channel[0]: missing required key 'list_item'"),
    (_bad('content = "#zoom"', 'contnet = "#zoom"'), 15, "channel[0].contnet: unknown key 'contnet'"),
    (_bad('city = "测试"', 'cty = "测试"'), 4, "source[0].cty: unknown key"),
    (_bad('date = "span::text"', 'date = "span::text'), 12, "invalid TOML"),
])
def test_bad_files_name_key_and_line(tmp_path: Path, text: str, line: int, fragment: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as err:
        load_sources_file(path)
    message = str(err.value)
    assert fragment in message
    assert f"bad.toml:{line}:" in message or f"line {line}" in message, message


def test_duplicate_ids_and_missing_tables() -> None:
    twice = GOOD + GOOD.replace('id = "tzgg"', 'id = "other"')
    with pytest.raises(ConfigError, match=r":18: source\[1\]\.id: duplicate source id 'mock'"):
        load_sources_text(twice)
    with pytest.raises(ConfigError, match="at least one"):
        load_sources_text("")
    with pytest.raises(ConfigError, match=r"source\[0\]\.channel: expected at least one"):
        load_sources_text('[[source]]\nid = "a"\nname = "A"\n')
    with pytest.raises(ConfigError, match="unknown key 'sources'"):
        load_sources_text('[[sources]]\nid = "a"\n')


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_sources_file(tmp_path / "missing.toml")
    path = tmp_path / "gbk.toml"
    path.write_bytes(GOOD.encode("gbk"))
    with pytest.raises(ConfigError, match=r"gbk\.toml:3: sources file must be UTF-8"):
        load_sources_file(path)


_TOML_ATOMS = st.sampled_from([
    "[[source]]", "[[source.channel]]", "[source]", 'id = "a"', 'id = "b"', "id = 3", 'name = "N"',
    'url = "http://a.gov.cn/"', 'url = "file:///x"', 'list_item = "li"', 'list_item = "li["', "max_pages = 0",
    "max_pages = 2", "download_delay = nan", "download_delay = inf", "channel = 1", "source = []",
    'link = "a::attr(href)"', "x = {a = 1}", "[[source.channel.extra]]", "= 1", '"', "[", "]]",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_TOML_ATOMS, st.text(max_size=30)), max_size=14))
def test_fuzz_only_config_error(lines: list[str]) -> None:
    with contextlib.suppress(ConfigError):
        load_sources_text("\n".join(lines))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_fuzz_bytes_only_config_error(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "s.toml"
    path.write_bytes(data)
    with contextlib.suppress(ConfigError):
        load_sources_file(path)


def test_user_source_crawls_on_the_generic_platform(tmp_path: Path) -> None:
    """A user file pointed at a snapshot host crawls end to end (generic list + generic detail)."""
    text = """[[source]]
id = "kw_user"
name = "北京市科委（用户定义）"
[[source.channel]]
id = "tzgg"
name = "通知公告"
url = "https://kw.beijing.gov.cn/zwgk/tzgg/"
list_item = "ul.list li"
title = "a::attr(title)"
date = "span::text"
content = "#mainText"
"""
    sources = load_sources_text(text)
    settings_ = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path / "data")})
    factory = session_factory(open_database(settings_.database_url))
    with MirrorServer() as mirror:
        report = asyncio.run(crawl(sources, settings_, factory, mirror=mirror.url, reactor=False, polite=False))
    (result,) = report.results
    assert result.status == "ok" and result.new == 3, result


def test_sources_file_in_the_config_reaches_every_command(tmp_path: Path) -> None:
    """--sources used to work for `crawl` only: the daemon never polled user sources, status never saw them."""
    import subprocess
    import sys

    sources = tmp_path / "sources.toml"
    sources.write_text(GOOD.replace('id = "mock"', 'id = "mine"'), "utf-8")
    cfg = tmp_path / "pw.toml"
    cfg.write_text(f'sources_file = "{sources}"\n[sources.mine]\nmax_pages = 2\n', "utf-8")
    base = [sys.executable, "-m", "policywatch", "--config", str(cfg), "--data-dir", str(tmp_path / "d")]
    listed = subprocess.run([*base, "sources", "--json"], capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0 and '"mine"' in listed.stdout, listed.stderr
    status = subprocess.run([*base, "status", "--json"], capture_output=True, text=True, timeout=120)
    assert status.returncode == 0 and '"source": "mine"' in status.stdout, status.stderr
