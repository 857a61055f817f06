"""Push channels against loopback emulators of WeCom, ServerChan, PushPlus and a webhook."""

from __future__ import annotations

import logging
import re

import pytest
from notifier_builders import HOSTILE_TITLES, FakeClock, make_digest, make_item
from servers import PushPlusEmulator, ServerChanEmulator, WebhookSink, WeComEmulator, serve
from smtp_servers import free_port

from notifier.channels import (
    PushPlusChannel,
    SendResult,
    ServerChanChannel,
    SlidingWindowPacer,
    WebhookChannel,
    WeComBotChannel,
)
from notifier.channels.http import HttpTransport
from policywatch.errors import ConfigError

WECOM_KEY = "test-bot-key-0001"
SC_KEY = "SCT123456TtestKey"
PP_TOKEN = "0123456789abcdef0123456789abcdef"
_LABEL = re.compile(r"^\*\*【政策速递】.*\*\* \(([\d.]+)/(\d+)\)\n")


def _wecom(server: WeComEmulator, clock: FakeClock, **kwargs: object) -> WeComBotChannel:
    kwargs.setdefault("transport", server.transport())
    return WeComBotChannel(WECOM_KEY, server.base_url, clock, clock.sleep, **kwargs)  # type: ignore[arg-type]


def _items_per_message(digest_items: tuple, messages: list[str]) -> None:
    for item in digest_items:
        assert sum(item.url in m for m in messages) == 1, item.url


def _policywatch_logs(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("policywatch"))


# ---------------------------------------------------------------------------
# WeCom


def test_wecom_sixty_notices_arrive_split_numbered_and_intact(fake_clock: FakeClock) -> None:
    digest = make_digest(60)
    with serve(WeComEmulator(clock=fake_clock)) as server:
        result = _wecom(server, fake_clock).send(digest)
    assert result.ok and result.messages_sent == len(server.accepted) > 1, result
    assert all(len(m.encode("utf-8")) < 4096 for m in server.accepted)
    labels = [_LABEL.match(m).groups() for m in server.accepted]  # type: ignore[union-attr]
    n = str(len(server.accepted))
    assert labels == [(str(i), n) for i in range(1, len(server.accepted) + 1)]
    _items_per_message(digest.items, server.accepted)
    body = server.requests[0].json()
    assert body["msgtype"] == "markdown" and set(body) == {"msgtype", "markdown"}


def test_wecom_45009_backs_off_and_retries_without_duplicates(fake_clock: FakeClock) -> None:
    digest = make_digest(60)
    with serve(WeComEmulator(clock=fake_clock, fail_45009=2)) as server:
        channel = _wecom(server, fake_clock, retry_delays=(10.0, 20.0, 40.0))
        result = channel.send(digest)
    assert result.ok, result
    assert fake_clock.sleeps[:2] == [10.0, 20.0]  # delayed before each retry
    assert len(server.requests) == len(server.accepted) + 2
    assert len(set(server.accepted)) == len(server.accepted)  # no chunk twice
    _items_per_message(digest.items, server.accepted)


def test_wecom_45009_gives_up_after_bounded_retries(fake_clock: FakeClock) -> None:
    with serve(WeComEmulator(clock=fake_clock, fail_45009=100)) as server:
        result = _wecom(server, fake_clock, retry_delays=(1.0, 2.0)).send(make_digest(60))
    assert not result.ok and result.retryable and result.messages_sent == 0
    assert len(server.requests) == 3 and "45009" in result.detail


def test_wecom_40058_resplits_the_chunk_smaller(fake_clock: FakeClock) -> None:
    digest = make_digest(60)
    # The server is stricter than the documented 4096 bytes: every full chunk bounces once.
    with serve(WeComEmulator(clock=fake_clock, max_bytes=2000)) as server:
        result = _wecom(server, fake_clock).send(digest)
    assert result.ok, result
    assert all(len(m.encode("utf-8")) <= 2000 for m in server.accepted)
    _items_per_message(digest.items, server.accepted)
    parts = [_LABEL.match(m).group(1) for m in server.accepted]  # type: ignore[union-attr]
    assert parts[0] == "1.1" and parts[1] == "1.2"  # numbering of the original split stays valid
    rejected = [r for r in server.requests if len(r.json()["markdown"]["content"].encode()) > 2000]
    assert len(server.requests) == len(server.accepted) + len(rejected)


def test_wecom_paces_to_twenty_per_rolling_minute(fake_clock: FakeClock) -> None:
    digest = make_digest(60)
    with serve(WeComEmulator(clock=fake_clock)) as server:
        result = _wecom(server, fake_clock, max_bytes=600).send(digest)  # ~60 messages
    assert result.ok, result
    stamps = server.accepted_at
    assert len(stamps) > 40 and len(server.requests) == len(stamps)  # the server never said 45009
    assert all(sum(s <= t < s + 60 for t in stamps) <= 20 for s in stamps)
    assert fake_clock.now - 1000.0 >= 120  # had to wait two windows, on the fake clock only


def test_wecom_pacer_is_shared_per_key(fake_clock: FakeClock) -> None:
    pacer = SlidingWindowPacer(20, 60.0, clock=fake_clock, sleep=fake_clock.sleep)
    with serve(WeComEmulator(clock=fake_clock)) as server:
        first = _wecom(server, fake_clock, pacer=pacer, max_bytes=600)
        second = _wecom(server, fake_clock, pacer=pacer, max_bytes=600)
        assert first.send(make_digest(15)).ok and second.send(make_digest(15)).ok
    stamps = server.accepted_at
    assert all(sum(s <= t < s + 60 for t in stamps) <= 20 for s in stamps)


def test_wecom_invalid_key_is_not_retryable_and_secret_stays_hidden(
    fake_clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with serve(WeComEmulator(clock=fake_clock, keys=("another-key-0002",))) as server:
        channel = _wecom(server, fake_clock)
        result = channel.send(make_digest(2))
    assert not result.ok and not result.retryable and "93000" in result.detail
    for text in (result.detail, repr(channel), _policywatch_logs(caplog)):
        assert WECOM_KEY not in text


def test_wecom_transport_errors_are_retryable_and_redacted(fake_clock: FakeClock) -> None:
    channel = WeComBotChannel(WECOM_KEY, f"http://127.0.0.1:{free_port()}", fake_clock, fake_clock.sleep,
                              transport=HttpTransport(allow_hosts=["127.0.0.1"]))
    result = channel.send(make_digest(2))
    assert not result.ok and result.retryable
    assert "ConnectionError" in result.detail and WECOM_KEY not in result.detail


@pytest.mark.parametrize("key", ["", "short", "has space in it", "key/with/slash", None])
def test_wecom_bad_key_fails_at_construction(key: object) -> None:
    with pytest.raises(ConfigError):
        WeComBotChannel(key)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# ServerChan


def test_serverchan_sends_title_desp_short() -> None:
    digest = make_digest(3)
    with serve(ServerChanEmulator()) as server:
        result = ServerChanChannel(SC_KEY, server.base_url, transport=server.transport()).send(digest)
    assert result == SendResult(True, False, "serverchan: accepted", 1)
    form = server.accepted[0]
    assert len(form["title"]) <= 32 and form["title"].startswith("【政策速递】3 条新通知")
    assert digest.items[0].url in form["desp"] and form["short"]
    assert server.requests[0].path == f"/{SC_KEY}.send"


def test_serverchan_big_and_hostile_digest_within_limits() -> None:
    items = tuple(make_item(i, title=HOSTILE_TITLES[i % len(HOSTILE_TITLES)] * 3) for i in range(1, 400))
    with serve(ServerChanEmulator()) as server:
        result = ServerChanChannel(SC_KEY, server.base_url, transport=server.transport()).send(make_digest(items))
    assert result.ok, result
    assert "<script" not in server.accepted[0]["desp"]


def test_serverchan_rejection_not_retryable_and_hidden(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    with serve(ServerChanEmulator(keys=("SCTother",))) as server:
        channel = ServerChanChannel(SC_KEY, server.base_url, transport=server.transport())
        result = channel.send(make_digest(1))
    assert not result.ok and not result.retryable and "40001" in result.detail
    assert all(SC_KEY not in t for t in (result.detail, repr(channel), _policywatch_logs(caplog)))


def test_serverchan_sc3_key_uses_its_own_host() -> None:
    channel = ServerChanChannel("sctp12345tABCDEF")
    assert channel._url == "https://12345.push.ft07.com/send/sctp12345tABCDEF.send"


# ---------------------------------------------------------------------------
# PushPlus


def test_pushplus_accepted_and_capped() -> None:
    with serve(PushPlusEmulator()) as server:
        channel = PushPlusChannel(PP_TOKEN, server.base_url, transport=server.transport())
        small, big = channel.send(make_digest(3)), channel.send(make_digest(300))
    assert small.ok and big.ok and "asynchronous" in small.detail
    first, second = server.accepted
    assert first["template"] == "html" and first["token"] == PP_TOKEN
    assert len(second["content"]) <= 20000 and "另有" in second["content"]


def test_pushplus_server_error_retryable_bad_token_not() -> None:
    with serve(PushPlusEmulator(fail_500=1)) as server:
        busy = PushPlusChannel(PP_TOKEN, server.base_url, transport=server.transport()).send(make_digest(1))
        other = PushPlusChannel("ffffffffffffffffffffffffffffffff", server.base_url, transport=server.transport())
        bad = other.send(make_digest(1))
    assert not busy.ok and busy.retryable
    assert not bad.ok and not bad.retryable and "903" in bad.detail
    assert "ffffffffffffffff" not in bad.detail


# ---------------------------------------------------------------------------
# Webhook


def test_webhook_posts_schema_with_idempotency_key() -> None:
    digest = make_digest((make_item(1), make_item(2, change="revised", diff="+ 新")))
    with serve(WebhookSink()) as server:
        result = WebhookChannel(f"{server.base_url}/hook?token=abc123secret", transport=server.transport()).send(digest)
    assert result.ok, result
    request = server.requests[0]
    assert request.headers["Idempotency-Key"] == digest.digest_id
    body = request.json()
    assert body["schema"] == "policywatch.digest/1" and body["digest_id"] == digest.digest_id
    assert [i["notice_id"] for i in body["items"]] == [1, 2]
    assert body["items"][1]["diff"] == "+ 新" and body["items"][0]["date"] == "2019-08-29"
    assert "abc123secret" not in result.detail


@pytest.mark.parametrize(
    ("status", "retryable"), [(500, True), (503, True), (429, True), (404, False), (410, False)]
)
def test_webhook_status_mapping(status: int, retryable: bool) -> None:
    with serve(WebhookSink(statuses=[status])) as server:
        result = WebhookChannel(server.base_url + "/x", transport=server.transport()).send(make_digest(1))
    assert not result.ok and result.retryable is retryable


def test_webhook_down_is_retryable_and_url_secret_hidden() -> None:
    channel = WebhookChannel(f"http://127.0.0.1:{free_port()}/hooks/SECRET-PATH-TOKEN?sig=QUERYSECRET",
                             transport=HttpTransport(allow_hosts=["127.0.0.1"]))
    result = channel.send(make_digest(1))
    assert not result.ok and result.retryable
    for text in (result.detail, repr(channel)):
        assert "SECRET-PATH-TOKEN" not in text and "QUERYSECRET" not in text


@pytest.mark.parametrize("url", ["", "ftp://x.org/h", "javascript:alert(1)", "http://"])
def test_webhook_bad_url_fails_at_construction(url: str) -> None:
    with pytest.raises(ConfigError):
        WebhookChannel(url)
