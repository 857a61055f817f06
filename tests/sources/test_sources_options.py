"""Declared adapter options and the shared list loop (parsers.options, parsers.listing)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

import pytest

import crawler.sources as sources_mod
from crawler.registry import SourceSpec
from crawler.sources import MOST, SHENZHEN, builtin_sources, check_options
from crawler.user_sources import load_sources_text
from parsers.listing import Found, HtmlRow, RawList, read_list
from parsers.options import OptionError
from parsers.page import ChannelContext, html_selector
from parsers.platforms import PLATFORMS, get_platform
from parsers.platforms.anhui import AnhuiOptions
from parsers.platforms.jcms import JcmsOptions
from parsers.platforms.shanghai import ShanghaiOptions
from parsers.platforms.trs import TrsOptions
from policywatch.errors import ConfigError, SelectorError
from tests.sources.conftest import all_channel_keys, channel_parts
from tests.sources.test_sources_user_file import GOOD

PAGE = "https://example.gov.cn/col/list/index.html"


def _ctx(key: str = "x/y", **options: object) -> ChannelContext:
    return ChannelContext(key=key, url=PAGE, options=options)


def _with_options(src: SourceSpec, **extra: object) -> SourceSpec:
    """``src`` with its first channel's options extended by ``extra``."""
    first = src.channels[0]
    return replace(src, channels=(replace(first, options={**first.options, **extra}),))


# -- every built-in channel ------------------------------------------------------------------

@pytest.mark.parametrize("key", all_channel_keys())
def test_every_builtin_channel_validates_against_its_adapter(key: str) -> None:
    _, ctx, platform = channel_parts(key)
    opts = platform.options.validate(ctx.options, key)  # complete: required options too
    assert isinstance(opts, platform.options)


def test_every_adapter_declares_documented_options_under_its_own_name() -> None:
    for name, platform in PLATFORMS.items():
        assert platform.options.platform == name
        specs = platform.options.specs()
        assert specs, name
        undocumented = [s.name for s in specs if not s.doc.strip()]
        assert not undocumented, f"{name}: options without a doc line: {undocumented}"


def test_declarations_carry_each_family_s_defaults() -> None:
    assert TrsOptions.of(_ctx()).page_offset == 1
    sh = ShanghaiOptions.of(_ctx())
    assert (sh.page_offset, sh.strip_comments) == (0, True)
    assert ShanghaiOptions.of(_ctx(page_offset=3)).page_offset == 3  # the channel's value wins
    assert AnhuiOptions.of(_ctx()).list_item == "ul.doc_list li"


# -- a typo or a wrong type fails loudly -----------------------------------------------------

def test_typo_in_a_builtin_channel_names_adapter_channel_key_and_suggestion() -> None:
    with pytest.raises(ConfigError) as err:
        check_options([_with_options(MOST, artcle_url=r"/t\d+")])
    message = str(err.value)
    assert "trs" in message and "most/tztg" in message
    assert "'artcle_url'" in message and "did you mean 'article_url'?" in message
    cause = err.value.__cause__
    assert isinstance(cause, OptionError)
    assert (cause.platform, cause.channel, cause.key) == ("trs", "most/tztg", "artcle_url")


def test_builtin_sources_refuses_a_typo_at_load(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = _with_options(SHENZHEN, page_sise=20)
    monkeypatch.setattr(sources_mod, "SOURCES", (broken,))
    with pytest.raises(ConfigError, match=r"gkmlpt channel shenzhen/szf_gkml: option 'page_sise'.*'page_size'"):
        builtin_sources()


@pytest.mark.parametrize(("extra", "key", "problem"), [
    ({"page_offset": "1"}, "page_offset", "must be an integer, not str"),
    ({"strip_comments": "yes"}, "strip_comments", "must be true or false"),
    ({"detail_body": "#Zoom"}, "detail_body", "must be a list of strings, not str"),
    ({"detail_body": ["#Zoom", 3]}, "detail_body", "must be a list of strings"),
    ({"article_url": "(("}, "article_url", "invalid regular expression"),
    ({"list_item": "ul[["}, "list_item", "invalid CSS selector"),
    ({"page_offset": True}, "page_offset", "must be an integer, not bool"),
])
def test_wrong_type_or_syntax_is_an_error(extra: dict[str, object], key: str, problem: str) -> None:
    with pytest.raises(ConfigError) as err:
        check_options([_with_options(MOST, **extra)])
    cause = err.value.__cause__
    assert isinstance(cause, OptionError) and cause.key == key
    assert problem in cause.problem and "most/tztg" in str(err.value)


def test_choices_minimum_and_required_are_checked() -> None:
    with pytest.raises(OptionError, match="'js_arrays' is not one of document_write, js_array"):
        get_platform("jslist").options.validate({"mode": "js_arrays"}, "b/j")
    with pytest.raises(OptionError, match=r"perpage.*must be >= 1"):
        JcmsOptions.validate({"perpage": 0}, "h/k")
    with pytest.raises(OptionError, match="'sid': required"):
        get_platform("gkmlpt").options.validate({"api_category": 1}, "s/z")
    jslist = get_platform("jslist").options
    with pytest.raises(OptionError, match="'list_item': required in document_write mode"):
        jslist.validate({"page_name": "index_{n}.shtml"}, "b/h")
    assert jslist.validate({"mode": "js_array"}, "b/k")  # its rows are not HTML rows
    # A detail page is parsed without the list options: adapters do not insist on required ones.
    assert get_platform("gkmlpt").options.of(_ctx()).sid is None


def test_adapter_refuses_an_unvalidated_typo_too() -> None:
    """A context built by hand (not through the registry) still cannot smuggle a typo past the adapter."""
    with pytest.raises(OptionError, match="did you mean 'list_item'"):
        PLATFORMS["trs"].parse_list("<ul><li><a href='/a'>x</a></li></ul>", PAGE, _ctx(lst_item="li"))


def test_typo_in_a_user_source_is_a_config_error_with_file_line_and_suggestion() -> None:
    text = GOOD.replace('title = "a::attr(title)"', 'titel = "a::attr(title)"')
    with pytest.raises(ConfigError) as err:
        load_sources_text(text, "mine.toml")
    assert str(err.value).startswith("mine.toml:11: source[0].channel[0].titel: unknown key 'titel'")
    assert "did you mean 'title'?" in str(err.value)


def test_user_source_keys_come_from_the_generic_declaration() -> None:
    from crawler.user_sources import CHANNEL_KEYS
    from parsers.platforms.generic import GenericOptions

    assert GenericOptions.names() <= CHANNEL_KEYS
    (src,) = load_sources_text(GOOD, "ok.toml")
    assert set(src.channels[0].options) <= GenericOptions.names()


# -- the shared loop -------------------------------------------------------------------------

def test_loop_resolves_filters_dates_and_pages() -> None:
    items = [
        Found("../a/t20261101_1.html", "甲"),  # relative, dated by its URL
        Found("javascript:void(0)", "脚本"),  # never an entry
        Found("  ", "空链接"),  # an empty link is not the page itself
        Found("https://other.gov.cn/b/t20261102_2.html", "乙", date=dt.date(2026, 1, 5), doc_number="X〔2026〕1号"),
        Found("/about.html", "关于我们"),  # not an article
    ]
    raw = RawList(items, "fake rows", PAGE, total_pages=7, next_href="index_1.html")
    page = read_list(raw, lambda found: found, _ctx(), article_url=r"/t\d{8}_\d+\.html$")
    assert [(e.url, e.title, e.date, e.doc_number) for e in page.entries] == [
        ("https://example.gov.cn/col/a/t20261101_1.html", "甲", dt.date(2026, 11, 1), None),
        ("https://other.gov.cn/b/t20261102_2.html", "乙", dt.date(2026, 1, 5), "X〔2026〕1号"),
    ]
    assert (page.total_pages, page.next_url) == (7, "https://example.gov.cn/col/list/index_1.html")


def test_loop_without_any_article_raises_naming_where_the_items_came_from() -> None:
    raw = RawList([{"u": "/about.html"}], "articles[]", PAGE)
    with pytest.raises(SelectorError) as err:
        read_list(raw, lambda item: Found(item["u"], "x"), _ctx("sz/a"), article_url=r"/post_\d+\.html$")
    assert err.value.channel == "sz/a" and err.value.selector == "articles[] -> article links"


def test_loop_over_json_items_in_gkmlpt() -> None:
    """The loop over raw items that are not HTML: gkmlpt's API objects, read by its own reader."""
    answer = {"classify": {"post_count": 21}, "articles": [
        {"title": "深圳通知", "url": "/gkmlpt/content/1/2/post_3.html", "document_number": "深府〔2026〕1号",
         "display_publish_time": 1_763_397_000},
        {"title": "", "url": "/gkmlpt/content/1/2/post_4.html"},  # no title: not an entry
        {"title": "外链", "url": "javascript:alert(1)"},
        "not an object",
    ]}
    ctx = _ctx("shenzhen/x", api_category=1, sid="1", page_size=10)
    page = PLATFORMS["gkmlpt"].parse_list(json.dumps(answer), "http://www.sz.gov.cn/gkmlpt/api/all/1?page=1", ctx)
    assert [(e.url, e.title, e.date, e.doc_number) for e in page.entries] == [
        ("http://www.sz.gov.cn/gkmlpt/content/1/2/post_3.html", "深圳通知", dt.date(2025, 11, 18), "深府〔2026〕1号"),
    ]
    assert page.total_pages == 3


def test_loop_in_generic_resolves_and_guards_the_next_link() -> None:
    html = ('<ul class="l"><li><a href="t20261103_5.html">丙</a></li><li>no link</li></ul>'
            '<a class="next" href="?page=2">下一页</a><a class="bad" href="javascript:next()">x</a>')
    generic = PLATFORMS["generic"]
    page = generic.parse_list(html, PAGE, _ctx(list_item="ul.l li", next_page="a.next::attr(href)"))
    assert [(e.url, e.title, e.date) for e in page.entries] == [
        ("https://example.gov.cn/col/list/t20261103_5.html", "丙", dt.date(2026, 11, 3))]
    assert page.next_url == "https://example.gov.cn/col/list/index.html?page=2"
    bad = generic.parse_list(html, PAGE, _ctx(list_item="ul.l li", next_page="a.bad::attr(href)"))
    assert bad.next_url is None


def test_html_row_reader_falls_back_to_the_link_text() -> None:
    (row,) = html_selector('<li><a href="/x.html"> 标题 <b>二</b></a><span>2026-11-04</span></li>').css("li")
    found = HtmlRow().read(row)
    assert found == Found("/x.html", "标题 二", dt.date(2026, 11, 4))
    assert HtmlRow(link="a.none::attr(href)").read(row) is None
