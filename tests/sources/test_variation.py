"""Every adapter reads every template variation of its snapshot pages to the same entries
(tests/sources/variation.py), and pages through sizes it was never told about."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from parsers.page import ListPage, PageRequest, next_page_request
from parsers.platforms.jsonlist import JsonListOptions
from tests.sources.conftest import all_channel_keys, channel_parts, snapshot_text
from tests.sources.variation import MUTATIONS, gkmlpt_site, jcms_site, jsonlist_site, mutate

SEEDS = (1, 2, 3)
HTML_KEYS = [k for k in all_channel_keys() if channel_parts(k)[2].name not in {"gkmlpt", "jsonlist"}]


def _rows(page: ListPage) -> list[tuple[str, str, object, str | None]]:
    return [(e.url, e.title, e.date, e.doc_number) for e in page.entries]


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
@pytest.mark.parametrize("key", HTML_KEYS)
def test_mutated_pages_read_like_the_originals(key: str, mutation: str) -> None:
    _, ctx, platform = channel_parts(key)
    for number in (1, 2):
        request = platform.page_request(ctx, number)
        text = snapshot_text(request)
        original = platform.parse_list(text, request.url, ctx)
        assert original.entries
        for seed in SEEDS:
            variant = platform.parse_list(mutate(text, mutation, seed), request.url, ctx)
            assert _rows(variant) == _rows(original), (mutation, seed, number)
            assert (variant.total_pages, variant.next_url) == (original.total_pages, original.next_url)


def test_a_mutation_changes_the_markup() -> None:
    """The variants differ from the originals (a generator that returns its input tests nothing)."""
    _, ctx, platform = channel_parts("most/gfxwj")
    text = snapshot_text(platform.page_request(ctx, 1))
    for name in MUTATIONS:
        assert mutate(text, name, 1) != text, name


def _crawl(platform_key: str, pages: dict[str, str], first: PageRequest) -> list[str]:
    _, ctx, platform = channel_parts(platform_key)
    urls: list[str] = []
    request: PageRequest | None = first
    for number in range(1, 30):
        if request is None:
            break
        parts = urlsplit(request.url)
        query = dict(parse_qsl(parts.query))
        key = f"startrecord={query['startrecord']}" if "startrecord" in query else request.url
        listing = platform.parse_list(pages[key], request.url, ctx)
        urls.extend(e.url for e in listing.entries)
        request = next_page_request(platform, ctx, listing, number)
    return urls


GKMLPT = [k for k in all_channel_keys() if channel_parts(k)[2].name == "gkmlpt"]
JCMS = [k for k in all_channel_keys() if channel_parts(k)[2].name == "jcms"]


@pytest.mark.parametrize("size", [5, 7, 10, 13, 20])
@pytest.mark.parametrize("key", GKMLPT)
def test_gkmlpt_pages_through_any_page_size(key: str, size: int) -> None:
    _, ctx, platform = channel_parts(key)
    first = platform.page_request(ctx, 1)
    api = first.url.split("?")[0]
    sid = dict(parse_qsl(urlsplit(first.url).query))["sid"]
    site = gkmlpt_site(snapshot_text(first), size, 23, api)
    pages = {f"{url}&sid={sid}": text for url, text in site.items()}
    urls = _crawl(key, pages, first)
    assert len(urls) == 23 == len(set(urls))


@pytest.mark.parametrize("size", [5, 8, 12, 20])
@pytest.mark.parametrize("key", JCMS)
def test_jcms_pages_by_its_own_jpage_config(key: str, size: int) -> None:
    _, ctx, platform = channel_parts(key)
    first = platform.page_request(ctx, 1)
    column, answers, expected = jcms_site(snapshot_text(first), size, 23)
    pages = {first.url: column}
    pages.update({f"startrecord={n * size + 1}": answer for n, answer in enumerate(answers, start=1)})
    urls = _crawl(key, pages, first)
    assert [urlsplit(u).path for u in urls] == expected


JSONLIST = [k for k in all_channel_keys() if channel_parts(k)[2].name == "jsonlist"]


@pytest.mark.parametrize("stringly", [False, True])
@pytest.mark.parametrize("size", [1, 4, 10, 15, 20])
@pytest.mark.parametrize("key", JSONLIST)
def test_jsonlist_pages_by_what_the_interface_answers(key: str, size: int, stringly: bool) -> None:
    """Whatever page size the interface uses (the declared one asks for 10), every record is read
    once and the crawl stops at the end; counts as strings and record key order change nothing."""
    _, ctx, platform = channel_parts(key)
    opts = JsonListOptions.of(ctx)
    answers = jsonlist_site(snapshot_text(platform.page_request(ctx, 1)), str(opts.items), size, 23,
                            pages_key=opts.pages, total_key=opts.total, stringly=stringly)
    pages = {platform.page_request(ctx, n).url: text for n, text in enumerate(answers, start=1)}
    urls = _crawl(key, pages, platform.page_request(ctx, 1))
    assert len(urls) == 23 == len(set(urls))
