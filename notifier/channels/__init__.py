"""Delivery channels behind one interface (`Channel.send(digest) -> SendResult`)."""

from notifier.channels.atom import AtomFeedChannel
from notifier.channels.base import Channel, SendResult
from notifier.channels.email import EmailChannel, build_email_message
from notifier.channels.factory import build_channel
from notifier.channels.outbox import OutboxChannel
from notifier.channels.pacing import SlidingWindowPacer
from notifier.channels.pushplus import PushPlusChannel
from notifier.channels.serverchan import ServerChanChannel
from notifier.channels.webhook import WebhookChannel
from notifier.channels.wecom import WeComBotChannel

__all__ = [
    "AtomFeedChannel",
    "Channel",
    "EmailChannel",
    "OutboxChannel",
    "PushPlusChannel",
    "SendResult",
    "ServerChanChannel",
    "SlidingWindowPacer",
    "WeComBotChannel",
    "WebhookChannel",
    "build_channel",
    "build_email_message",
]
