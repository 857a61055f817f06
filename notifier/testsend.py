"""``policywatch test-channel``: one test message through a channel, and the channel's own answer.

Like urlwatch's ``--test-reporter``: check an SMTP relay, a WeCom key or a webhook before real notices
depend on it. Nothing is planned or recorded in the delivery ledger; the message is marked as a test
in its title and says so in its single item.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Any

from notifier.channels.base import Channel, SendResult
from notifier.digest import Digest, DigestItem
from notifier.subscriptions import CHINA

TEST_TITLE = "【政策速递】通道测试 · channel test"


def probe_digest(name: str, now: dt.datetime) -> Digest:
    item = DigestItem(notice_id=0, change="new", title="这是一条测试消息：policywatch 通道配置正确时您会收到它",
                      url="https://www.most.gov.cn/", source_id="most", source_name="科技部", city="全国",
                      issuers=(), doc_number=None, date=now.astimezone(CHINA).date(), events=())
    return Digest(digest_id="test-" + secrets.token_hex(8), subscription_id=0, subscription_name=name,
                  created_at=now.astimezone(CHINA), items=(item,), title=TEST_TITLE)


def send_test(make_channel: Callable[[Any], Channel], subscription: Any, now: dt.datetime) -> SendResult:
    """Send one test digest through the channel ``subscription`` describes; exceptions become results."""
    channel = make_channel(subscription)
    try:
        return channel.send(probe_digest(f"{subscription.kind} test", now))
    except Exception as exc:  # a channel bug or a refused connection: report it, this is a diagnosis tool
        return SendResult(ok=False, retryable=True, detail=f"{type(exc).__name__}: {exc}")
