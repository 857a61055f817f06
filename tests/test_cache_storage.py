"""The HTTP cache never hands back a torn entry after the crawler was killed while storing one.

The crash harness (tests/crash) showed the symptom: after a SIGKILL, Scrapy found a half-written
pickle. Worse than the warning is the case it did not show: a new ``pickled_meta`` beside the old or a
truncated ``response_body``, served on the next 304 as the current page. Here a kill is simulated at
every file Scrapy writes, and the entry read afterwards is always the old one whole, or none.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Spider
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings
from scrapy.utils.request import RequestFingerprinter

from crawler.cache import AtomicFilesystemCacheStorage

URL = "https://kjj.hefei.gov.cn/zwgk/tzgg/index.html"
OLD = "<ul><li>一</li><li>二</li><li>三</li></ul>".encode() * 50
NEW = "<ul><li>四</li><li>五</li></ul>".encode() * 80
FILES = ["meta", "pickled_meta", "response_headers", "response_body", "response_data", "request_headers",
         "request_body"]


class Killed(BaseException):
    """Stands for SIGKILL: nothing after it runs, not even `except Exception` handlers."""


def _storage(tmp_path: Path) -> tuple[AtomicFilesystemCacheStorage, Spider]:
    settings = Settings({"HTTPCACHE_DIR": str(tmp_path / "cache")})
    # What the storage reads of a spider: its name and its crawler's fingerprinter (no reactor needed).
    spider: Any = SimpleNamespace(name="pw", crawler=SimpleNamespace(request_fingerprinter=RequestFingerprinter()))
    storage = AtomicFilesystemCacheStorage(settings)
    storage.open_spider(spider)
    return storage, spider


def _response(body: bytes, etag: str) -> HtmlResponse:
    return HtmlResponse(URL, body=body, headers={"ETag": etag, "Content-Type": "text/html; charset=utf-8"},
                        request=Request(URL))


@pytest.mark.parametrize("dies_at", range(len(FILES)))
def test_a_kill_while_storing_leaves_the_old_entry_whole(tmp_path: Path, dies_at: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    storage, spider = _storage(tmp_path)
    storage.store_response(spider, Request(URL), _response(OLD, '"v1"'))
    opened: list[str] = []
    real_open = storage._open

    def dying_open(path: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(path, mode, *args, **kwargs)
        opened.append(Path(path).name)
        if len(opened) > dies_at:
            handle.write(b"\x80\x04torn")  # a partial write, then the process is gone
            handle.close()
            raise Killed
        return handle

    monkeypatch.setattr(storage, "_open", dying_open)
    with pytest.raises(Killed):
        storage.store_response(spider, Request(URL), _response(NEW, '"v2"'))
    monkeypatch.setattr(storage, "_open", real_open)
    cached = storage.retrieve_response(spider, Request(URL))
    assert cached is not None and cached.body == OLD and cached.headers[b"ETag"] == b'"v1"'


def test_a_kill_between_the_two_renames_is_a_cache_miss_and_leftovers_are_cleared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    storage, spider = _storage(tmp_path)
    storage.store_response(spider, Request(URL), _response(OLD, '"v1"'))
    calls = []
    real_replace = os.replace

    def dying_replace(src: Any, dst: Any) -> None:
        calls.append(dst)
        if len(calls) == 2:  # the old entry moved aside, the new one not yet in place
            raise Killed
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", dying_replace)
    with pytest.raises(Killed):
        storage.store_response(spider, Request(URL), _response(NEW, '"v2"'))
    monkeypatch.setattr(os, "replace", real_replace)
    assert storage.retrieve_response(spider, Request(URL)) is None  # one unconditional GET, no torn page
    shard = Path(storage._get_request_path(spider, Request(URL))).parent
    assert any(p.name.startswith(".") for p in shard.iterdir())
    again, spider = _storage(tmp_path)  # the next run
    assert not any(p.name.startswith(".") for p in shard.iterdir())
    again.store_response(spider, Request(URL), _response(NEW, '"v2"'))
    cached = again.retrieve_response(spider, Request(URL))
    assert cached is not None and cached.body == NEW


def test_replacing_an_entry_keeps_only_the_new_one(tmp_path: Path) -> None:
    storage, spider = _storage(tmp_path)
    for n, body in enumerate((OLD, NEW, OLD + NEW), 1):
        storage.store_response(spider, Request(URL), _response(body, f'"v{n}"'))
        cached = storage.retrieve_response(spider, Request(URL))
        assert cached is not None and cached.body == body and cached.headers[b"ETag"] == f'"v{n}"'.encode()
    shard = Path(storage._get_request_path(spider, Request(URL))).parent
    assert [p.name for p in shard.iterdir()] == [Path(storage._get_request_path(spider, Request(URL))).name]
