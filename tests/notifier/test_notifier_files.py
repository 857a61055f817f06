"""Outbox and Atom feed channels: atomic, idempotent files."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import os
import stat
from pathlib import Path

import feedparser
import pytest
from notifier_builders import SHANGHAI, make_digest, make_item

from notifier.channels import AtomFeedChannel, OutboxChannel
from policywatch.errors import ConfigError


def test_outbox_writes_eml_md_html_idempotently(tmp_path: Path) -> None:
    channel = OutboxChannel(tmp_path / "outbox")
    digest = make_digest(3, digest_id="d/42 x")
    first = channel.send(digest)
    snapshot = {p.name: p.read_bytes() for p in (tmp_path / "outbox").iterdir()}
    second = channel.send(digest)
    assert first.ok and second.ok and first.messages_sent == 1
    names = sorted(p.name for p in (tmp_path / "outbox").iterdir())
    assert len(names) == 3 and names == sorted(snapshot)  # overwritten, never duplicated, no temp files
    assert all(n.startswith("20240501T083000+0800-d-42-x-") for n in names)  # China time, labelled
    assert {n.rsplit(".", 1)[1] for n in names} == {"eml", "md", "html"}
    assert {p.name: p.read_bytes() for p in (tmp_path / "outbox").iterdir()} == snapshot  # byte-identical
    eml = next((tmp_path / "outbox").glob("*.eml")).read_bytes()
    msg = email.message_from_bytes(eml, policy=email.policy.default)
    assert msg.get_content_type() == "multipart/alternative"
    assert str(msg["Subject"]).startswith("【政策速递】3 条新通知")


def test_outbox_distinct_digests_get_distinct_files(tmp_path: Path) -> None:
    channel = OutboxChannel(tmp_path)
    channel.send(make_digest(1, digest_id="a"))
    channel.send(make_digest(1, digest_id="b"))
    assert len(list(tmp_path.glob("*.eml"))) == 2


def test_outbox_unwritable_directory_is_config_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ConfigError):
        OutboxChannel(tmp_path / "file" / "sub")


def test_outbox_write_failure_is_a_result_not_an_exception(tmp_path: Path) -> None:
    channel = OutboxChannel(tmp_path)
    digest = make_digest(1)
    channel.paths(digest)["eml"].mkdir()  # a directory where the file must go: rename fails
    result = channel.send(digest)
    assert not result.ok and result.retryable and "cannot write" in result.detail
    assert not list(tmp_path.glob(".*.tmp"))  # the temp file was cleaned up


def _feed(tmp_path: Path, max_entries: int = 100) -> AtomFeedChannel:
    return AtomFeedChannel(
        tmp_path, "ai", "人工智能政策", "https://pw.example.org/feeds/feed-ai.xml", max_entries
    )


def test_atom_feed_merges_and_caps(tmp_path: Path) -> None:
    channel = _feed(tmp_path, max_entries=5)
    day1 = make_digest(tuple(make_item(i) for i in (1, 2, 3)), digest_id="d1")
    day2 = make_digest(
        (make_item(3), make_item(4), make_item(5), make_item(6)),
        digest_id="d2",
        created_at=dt.datetime(2024, 5, 2, 8, 30, tzinfo=SHANGHAI),
    )
    assert channel.send(day1).ok and channel.send(day2).ok and channel.send(day2).ok
    feed = feedparser.parse(channel.feed_path.read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    ids = [e.id for e in feed.entries]
    assert len(ids) == 5 and len(set(ids)) == 5  # capped, no duplicate from the resend
    assert ids[0].endswith(":notice/6/new")  # newest first
    notice3 = next(e for e in feed.entries if e.id.endswith(":notice/3/new"))
    assert notice3.updated.startswith("2024-05-01")  # keeps its first-seen time
    assert all(e.link.startswith("https://www.most.gov.cn/") for e in feed.entries)
    assert feed.feed.updated.startswith("2024-05-02")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed-ai.json", "feed-ai.lock", "feed-ai.xml"]


def test_atom_revisions_get_their_own_entries(tmp_path: Path) -> None:
    channel = _feed(tmp_path)
    channel.send(make_digest((make_item(1, change="revised", diff="+ a"),), digest_id="r1"))
    channel.send(make_digest((make_item(1, change="revised", diff="+ b"),), digest_id="r2"))
    assert len(feedparser.parse(channel.feed_path.read_bytes()).entries) == 2


@pytest.mark.parametrize(
    "kwargs",
    [{"feed_id": "../etc"}, {"feed_id": ""}, {"self_url": "feed.xml"}, {"max_entries": 0},
     {"feed_id": "nl\n"}, {"feed_id": "ai\r"}],  # `$` in a pattern matches before a trailing newline
)
def test_atom_config_errors(tmp_path: Path, kwargs: dict[str, object]) -> None:
    settings: dict[str, object] = {"feed_id": "ai", "title": "t", "self_url": "https://x.org/f.xml"}
    settings.update(kwargs)
    with pytest.raises(ConfigError):
        AtomFeedChannel(tmp_path, **settings)  # type: ignore[arg-type]


def test_atom_feed_is_world_readable_even_under_a_strict_umask(tmp_path: Path) -> None:
    """A web server running as another user serves the feed: 0644, set before the atomic rename."""
    old = os.umask(0o077)
    try:
        channel = _feed(tmp_path)
        assert channel.send(make_digest(2)).ok
        first = stat.S_IMODE(channel.feed_path.stat().st_mode)
        assert channel.send(make_digest(3, digest_id="d2")).ok  # the rewrite keeps the mode
        second = stat.S_IMODE(channel.feed_path.stat().st_mode)
    finally:
        os.umask(old)
    assert (first, second) == (0o644, 0o644), (oct(first), oct(second))
    assert not list(tmp_path.glob(".feed-*.tmp"))
