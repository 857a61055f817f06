from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from notifier.channels import (
    AtomFeedChannel,
    Channel,
    EmailChannel,
    OutboxChannel,
    PushPlusChannel,
    ServerChanChannel,
    SlidingWindowPacer,
    WebhookChannel,
    WeComBotChannel,
    build_channel,
)
from policywatch.errors import ConfigError


@dataclass
class Smtp:
    host: str = "smtp.example.org"
    port: int = 587
    username: str | None = "bot"
    password: str | None = "app-code-123"
    security: str = "starttls"
    sender: str = "policywatch@example.org"
    timeout: float = 10.0


@pytest.mark.parametrize(
    ("target", "cls"),
    [
        ({"kind": "email", "address": "a@example.org"}, EmailChannel),
        ({"kind": "wecom", "key": "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"}, WeComBotChannel),
        ({"kind": "serverchan", "key": "SCT123456TtestKey"}, ServerChanChannel),
        ({"kind": "pushplus", "token": "0123456789abcdef0123456789abcdef"}, PushPlusChannel),
        ({"kind": "webhook", "url": "https://hooks.example.org/x"}, WebhookChannel),
        ({"kind": "outbox"}, OutboxChannel),
        ({"kind": "atom", "feed_id": "ai", "title": "AI"}, AtomFeedChannel),
    ],
)
def test_build_each_kind(tmp_path: Path, target: dict[str, str], cls: type) -> None:
    options = {
        "outbox_dir": tmp_path / "o",
        "feed_dir": tmp_path / "f",
        "feed_base_url": "https://pw.example.org/feeds",
    }
    channel = build_channel(target, Smtp(), options)
    assert isinstance(channel, cls) and isinstance(channel, Channel)
    assert channel.kind == target["kind"]


def test_base_urls_and_pacer_come_from_options() -> None:
    pacer = SlidingWindowPacer()
    options = {"wecom_base_url": "http://127.0.0.1:9/", "wecom_pacer": pacer, "http_timeout": (1, 2)}
    channel = build_channel({"kind": "wecom", "key": "test-bot-key-0001"}, None, options)
    assert isinstance(channel, WeComBotChannel)
    assert channel.base_url == "http://127.0.0.1:9" and channel.pacer is pacer and channel.transport.timeout == (1, 2)


@pytest.mark.parametrize(
    ("target", "smtp", "options"),
    [
        ({"kind": "fax"}, None, {}),
        ({"kind": "email", "address": "a@example.org"}, None, {}),
        ({"kind": "email"}, Smtp(), {}),
        ({"kind": "wecom"}, None, {}),
        ({"kind": "wecom", "key": "k"}, None, {}),
        ({"kind": "outbox"}, None, {}),
        ({"kind": "webhook", "url": "file:///etc/passwd"}, None, {}),
        ({"kind": "serverchan", "key": "SCT123456TtestKey"}, None, {"serverchan_url": "typo"}),
        ({"kind": "email", "address": "a@example.org"}, Smtp(security="tls"), {}),
    ],
)
def test_config_errors(target: dict[str, str], smtp: Smtp | None, options: dict[str, str]) -> None:
    with pytest.raises(ConfigError):
        build_channel(target, smtp, options)
