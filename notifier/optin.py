"""Self-service subscriptions (issue 19): sign-up with double opt-in, confirmation, preferences.

A visitor's sign-up makes one *pending* subscription per channel given (e-mail, WeCom bot,
ServerChan, PushPlus): inactive, ``confirmed_at`` NULL. Each gets one confirmation message through
its own channel, carrying a link only that channel's owner sees (``/confirm/{token}``); confirming
makes it active from that moment (no back-catalogue). A link that was never confirmed expires after
``[web] confirm_hours`` and the pending row is deleted at the next sign-up.

Nothing a visitor sees depends on whether an address is already subscribed: every accepted form
gets the same answer, and a second sign-up for the same address is simply another pending
subscription (people keep one per set of filters). What bounds abuse is the rate limits, counted
from the ``opt_in`` log so they hold across restarts and several web processes: per client address
per hour (answered 429) and per contact per day (silently not sent, so the limit cannot be used to
probe an address either). Contacts and client addresses are stored as keyed hashes only.

Tokens are scoped (notifier.subscriptions.sign_scoped): the confirm link, the preferences link and
the unsubscribe link of one subscription are three different signatures, and none opens another's
page or another subscription.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from types import SimpleNamespace
from typing import Any

from sqlalchemy import delete, func, select

from notifier.channels.base import Channel, SendResult
from notifier.channels.email import EmailChannel, sender_domain
from notifier.digest import Digest, DigestItem
from notifier.subscriptions import (
    CHINA,
    CONFIRM_SCOPE,
    PREFS_SCOPE,
    build_filters,
    new_token,
    parse_amount,
    parse_schedule,
    sign_scoped,
    verify_scoped,
)
from parsers.facts.events import filter_names, lookup
from parsers.facts.topics import TOPICS
from parsers.facts.zone_reference import place_key
from policywatch.errors import ConfigError
from store.db import transaction
from store.models import OptIn, Subscriber, Subscription

log = logging.getLogger("policywatch.optin")

# The channels a visitor may give on the page, with the form field and the target key of each.
PUSH_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("wecom", "wecom_key", "key"),
    ("serverchan", "serverchan_key", "key"),
    ("pushplus", "pushplus_token", "token"),
)
# The kinds the page offers: (the schedule a new choice gets, what the page calls it).
SCHEDULE_CHOICES: Mapping[str, tuple[str, str]] = {
    "immediate": ("immediate", "即时（有新通知即发送）"),
    "daily": ("daily 08:00", "每日 08:00 汇总"),
    "weekly": ("weekly mon 08:00", "每周一 08:00 汇总"),
}
CONFIRM_TITLE = "【政策速递】请确认订阅"
_EMAIL = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")
_KEY = re.compile(r"^[A-Za-z0-9_\-.]{8,128}$")  # WeCom bot keys are UUIDs, SendKeys/tokens alphanumeric
_MAX_KEYWORDS = 20


class FormError(ValueError):
    """A sign-up or preferences form the visitor must correct; the message is shown on the page."""


class RateLimited(Exception):
    """Too many sign-ups from one client address: the page answers 429."""


@dataclass(frozen=True)
class Choices:
    """What a visitor may filter on: the archive's places, the topic and event vocabularies."""

    places: tuple[str, ...]
    topics: tuple[tuple[str, str], ...] = tuple((t.name, t.label) for t in TOPICS)
    events: tuple[tuple[str, str], ...] = field(
        default_factory=lambda: tuple((name, _event_label(name)) for name in filter_names()))
    schedules: tuple[tuple[str, str], ...] = tuple((kind, label) for kind, (_, label) in SCHEDULE_CHOICES.items())

    @classmethod
    def of(cls, source_cities: Sequence[str]) -> Choices:
        return cls(places=tuple(sorted(set(source_cities), key=place_key)))


def _event_label(name: str) -> str:
    spec = lookup(name)
    return spec.label if spec and spec.label else name


@dataclass(frozen=True)
class Preferences:
    """The filters and schedule a form asks for, validated against `Choices`."""

    cities: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    min_amount: str = ""
    schedule: str = "immediate"  # a SCHEDULE_CHOICES key

    def filters(self) -> dict[str, Any]:
        return build_filters(cities=list(self.cities), sources=[], topics=list(self.topics),
                             events=list(self.events), keywords=list(self.keywords),
                             min_amount=self.min_amount or None)

    @property
    def schedule_text(self) -> str:
        return SCHEDULE_CHOICES[self.schedule][0]

    @classmethod
    def of_subscription(cls, filters: Mapping[str, Any], schedule: str) -> Preferences:
        kind = schedule.split()[0] if schedule else "immediate"
        amount = filters.get("min_amount")
        return cls(cities=tuple(filters.get("city", ())), topics=tuple(filters.get("topic", ())),
                   events=tuple(filters.get("event", ())), keywords=tuple(filters.get("keyword", ())),
                   min_amount=_amount_text(amount) if amount else "",
                   schedule=kind if kind in SCHEDULE_CHOICES else "daily")


def _amount_text(yuan: int) -> str:
    if yuan % 100_000_000 == 0:
        return f"{yuan // 100_000_000}亿"
    if yuan % 10_000 == 0:
        return f"{yuan // 10_000}万"
    return str(yuan)


def parse_preferences(form: Mapping[str, Sequence[str]], choices: Choices) -> Preferences:
    """The filter fields of a posted form. Unknown values are refused, not silently dropped: a
    subscriber who ticked a city must get that city or an error."""

    def picked(name: str, allowed: Sequence[str], label: str) -> tuple[str, ...]:
        values = tuple(dict.fromkeys(v.strip() for v in form.get(name, ()) if v.strip()))
        bad = [v for v in values if v not in allowed]
        if bad:
            raise FormError(f"未知的{label}：{'、'.join(bad[:3])}")
        return values

    raw_keywords = " ".join(form.get("keywords", ()))
    keywords = tuple(dict.fromkeys(k for k in re.split(r"[\s,，、;；]+", raw_keywords) if k))
    if len(keywords) > _MAX_KEYWORDS or any(len(k) > 40 for k in keywords):
        raise FormError(f"关键词最多 {_MAX_KEYWORDS} 个，每个不超过 40 字")
    schedule = _first(form, "schedule") or "immediate"
    if schedule not in SCHEDULE_CHOICES:
        raise FormError("请选择发送频率")
    amount = _first(form, "min_amount")[:20]
    if amount:
        try:
            parse_amount(amount)
        except ConfigError:
            raise FormError("最低金额格式有误：请写 5000000、500万 或 1亿") from None
    return Preferences(cities=picked("city", choices.places, "城市"),
                       topics=picked("topic", [t for t, _ in choices.topics], "主题"),
                       events=picked("event", [e for e, _ in choices.events], "事件类型"),
                       keywords=keywords, min_amount=amount, schedule=schedule)


def _first(form: Mapping[str, Sequence[str]], name: str) -> str:
    values = form.get(name, ())
    return values[0].strip() if values else ""


@dataclass(frozen=True)
class SignupRequest:
    targets: tuple[tuple[str, dict[str, str]], ...]  # (kind, target) per channel given
    prefs: Preferences


def parse_signup(form: Mapping[str, Sequence[str]], choices: Choices, *, email_enabled: bool) -> SignupRequest:
    targets: list[tuple[str, dict[str, str]]] = []
    address = _first(form, "email")
    if address:
        if len(address) > 254 or not _EMAIL.fullmatch(address):
            raise FormError("邮箱地址格式有误")
        if not email_enabled:
            raise FormError("本站暂未开通邮件订阅，请使用微信推送渠道")
        targets.append(("email", {"address": address}))
    for kind, name, key in PUSH_FIELDS:
        value = _first(form, name)
        if value:
            if not _KEY.fullmatch(value):
                raise FormError(f"{_KIND_LABELS[kind]}的 key 格式有误")
            targets.append((kind, {key: value}))
    if not targets:
        raise FormError("请至少填写邮箱或一个推送渠道")
    return SignupRequest(tuple(targets), parse_preferences(form, choices))


_KIND_LABELS = {"email": "邮箱", "wecom": "企业微信群机器人", "serverchan": "Server酱", "pushplus": "PushPlus"}


def kind_label(kind: str) -> str:
    return _KIND_LABELS.get(kind, kind)


def keyed_hash(value: str, secret: str) -> str:
    """What the opt-in log keeps of an address or a client IP: enough to count, not to read."""
    return hmac.new(secret.encode(), value.strip().lower().encode("utf-8"), hashlib.sha256).hexdigest()


def _contact(kind: str, target: Mapping[str, str]) -> str:
    return f"{kind}:{target.get('address') or target.get('key') or target.get('token') or ''}"


@dataclass(frozen=True)
class Limits:
    per_client_hour: int
    per_contact_day: int
    confirm_hours: int


@dataclass
class SignupResult:
    sent: list[str] = field(default_factory=list)  # channel kinds a confirmation went to
    failed: list[str] = field(default_factory=list)  # kinds whose confirmation could not be sent
    held: list[str] = field(default_factory=list)  # kinds over their daily limit (not told to the visitor)


@dataclass(frozen=True)
class Links:
    """Where the web service is reached from outside (``[notify] public_url``)."""

    base: str
    secret: str

    def confirm(self, token: str) -> str:
        return f"{self.base.rstrip('/')}/confirm/{sign_scoped(CONFIRM_SCOPE, token, self.secret)}"

    def preferences(self, token: str) -> str:
        return f"{self.base.rstrip('/')}/p/{sign_scoped(PREFS_SCOPE, token, self.secret)}"


def signup(app: Any, request: SignupRequest, client: str, *, limits: Limits, links: Links,
           make_channel: Callable[[Subscription], Channel]) -> SignupResult:
    """Create the pending subscriptions of one accepted form and send their confirmations.

    Raises `RateLimited` before anything is written when the client is over its hourly limit.
    Each channel's subscription is committed before its message is sent, and the send is logged
    after: a crash in between leaves a pending row that simply expires, never a live subscription
    nobody confirmed.
    """
    now = app.clock()
    secret = app.secret()
    client_key = keyed_hash(client, secret)
    with transaction(app.factory) as session:
        _expire_pending(session, now, limits.confirm_hours)
        recent = session.scalar(select(func.count()).select_from(OptIn).where(
            OptIn.client == client_key, OptIn.sent_at > now - dt.timedelta(hours=1))) or 0
        if recent >= limits.per_client_hour:
            raise RateLimited()
    result = SignupResult()
    for kind, target in request.targets:
        contact_key = keyed_hash(_contact(kind, target), secret)
        with transaction(app.factory) as session:
            today = session.scalar(select(func.count()).select_from(OptIn).where(
                OptIn.contact == contact_key, OptIn.sent_at > now - dt.timedelta(days=1))) or 0
            if today >= limits.per_contact_day:
                log.info("sign-up: %s confirmation held (daily limit per contact)", kind)
                result.held.append(kind)
                continue
            sub = _pending(session, kind, target, request.prefs, now)
            session.flush()
            sub_id, token = sub.id, sub.token
        channel = make_channel(SimpleNamespace(kind=kind, target=target))  # type: ignore[arg-type]
        outcome = _send_confirmation(channel, kind, target, links.confirm(token), now)
        with transaction(app.factory) as session:
            session.add(OptIn(subscription_id=sub_id, contact=contact_key, client=client_key, sent_at=now,
                              ok=outcome.ok, detail=outcome.detail[:500]))
        (result.sent if outcome.ok else result.failed).append(kind)
        log.info("sign-up: subscription %s (%s) pending; confirmation %s", sub_id, kind,
                 "sent" if outcome.ok else f"FAILED: {outcome.detail}")
    return result


def _expire_pending(session: Any, now: dt.datetime, hours: int) -> None:
    """Delete sign-ups never confirmed within the link's lifetime (their opt-in rows go with them)."""
    stale = select(Subscription.id).where(Subscription.confirmed_at.is_(None), Subscription.active.is_(False),
                                          Subscription.created_at < now - dt.timedelta(hours=hours))
    ids = list(session.scalars(stale))
    if ids:
        session.execute(delete(Subscription).where(Subscription.id.in_(ids)))
        log.info("sign-up: %d unconfirmed subscription(s) expired", len(ids))


def _pending(session: Any, kind: str, target: dict[str, str], prefs: Preferences, now: dt.datetime) -> Subscription:
    name = target["address"] if kind == "email" else kind_label(kind)
    subscriber = Subscriber(name=name[:200], created_at=now)
    session.add(subscriber)
    session.flush()
    sub = Subscription(subscriber_id=subscriber.id, kind=kind, target=target, filters=prefs.filters(),
                       schedule=prefs.schedule_text, active=False, token=new_token(), created_at=now,
                       since=now, confirmed_at=None)
    session.add(sub)
    return sub


def _send_confirmation(channel: Channel, kind: str, target: Mapping[str, str], url: str,
                       now: dt.datetime) -> SendResult:
    try:
        if isinstance(channel, EmailChannel):
            return channel.send_message(confirmation_email(channel.sender, target["address"], url, now))
        return channel.send(confirmation_digest(url, now))
    except Exception as exc:  # a channel bug or a refused connection: the visitor is told, nothing is lost
        log.warning("sign-up: %s confirmation raised %s", kind, type(exc).__name__)
        return SendResult(ok=False, retryable=True, detail=f"{type(exc).__name__}")


def confirmation_email(sender: str, recipient: str, url: str, now: dt.datetime) -> EmailMessage:
    """One plain message: what was asked, the link, and what happens if it is ignored."""
    msg = EmailMessage()
    msg["Subject"] = CONFIRM_TITLE
    msg["From"] = sender
    msg["To"] = recipient
    msg["Date"] = format_datetime(now.astimezone(CHINA))
    msg["Message-ID"] = make_msgid("confirm", domain=sender_domain(sender) or None)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(
        "您好：\n\n有人（希望是您本人）在政策速递订阅了政策通知。请打开下面的链接并点击“确认订阅”：\n\n"
        f"{url}\n\n确认之前不会发送任何通知。如果这不是您的操作，请忽略本邮件，订阅请求会自动失效。\n\n"
        "—— 政策速递 policywatch（请勿直接回复）\n", charset="utf-8")
    return msg


def confirmation_digest(url: str, now: dt.datetime) -> Digest:
    """The push channels' test message: proves the key works and carries the confirm link."""
    item = DigestItem(notice_id=0, change="new", title="请点击确认订阅：确认之前不会推送任何通知（忽略即失效）",
                      url=url, source_id="policywatch", source_name="政策速递", city="全国", issuers=(),
                      doc_number=None, date=now.astimezone(CHINA).date(), events=())
    digest_id = "confirm-" + hashlib.sha256(url.encode()).hexdigest()[:16]
    return Digest(digest_id=digest_id, subscription_id=0, subscription_name="政策速递",
                  created_at=now.astimezone(CHINA), items=(item,), title=CONFIRM_TITLE)


# -- confirm and preferences ---------------------------------------------------------------------

PENDING, ACTIVE, STOPPED, EXPIRED = "pending", "active", "stopped", "expired"


def state_of(sub: Subscription, now: dt.datetime, confirm_hours: int) -> str:
    if sub.active:
        return ACTIVE
    if sub.confirmed_at is not None:
        return STOPPED  # unsubscribed: an old confirm link does not bring it back
    if sub.created_at < now - dt.timedelta(hours=confirm_hours):
        return EXPIRED
    return PENDING


def find(app: Any, purpose: str, signed: str) -> Subscription | None:
    token = verify_scoped(purpose, signed, app.secret())
    if token is None:
        return None
    with app.factory() as session:
        return session.scalar(select(Subscription).where(Subscription.token == token, Subscription.is_ops.is_(False)))


def confirm(app: Any, signed: str, confirm_hours: int) -> tuple[str, Subscription | None]:
    """Activate a pending subscription; (state after the call, subscription). Idempotent."""
    token = verify_scoped(CONFIRM_SCOPE, signed, app.secret())
    if token is None:
        return EXPIRED, None
    now = app.clock()
    with transaction(app.factory) as session:
        sub = session.scalar(select(Subscription).where(Subscription.token == token))
        if sub is None:
            return EXPIRED, None
        state = state_of(sub, now, confirm_hours)
        if state == PENDING:
            # From now on: the changes detected before the confirmation are not this subscriber's.
            sub.active, sub.confirmed_at, sub.since, sub.planned_through_change_id = True, now, now, None
            state = ACTIVE
            log.info("subscription %s confirmed", sub.id)
        session.flush()
        session.expunge(sub)
        return state, sub


def update_preferences(app: Any, signed: str, prefs: Preferences) -> Subscription | None:
    """New filters and schedule for the subscription the preferences link belongs to. The planner's
    mark stays: the new filters apply to changes from now on, nothing already considered is resent."""
    token = verify_scoped(PREFS_SCOPE, signed, app.secret())
    if token is None:
        return None
    filters = prefs.filters()
    parse_schedule(prefs.schedule_text)
    with transaction(app.factory) as session:
        sub = session.scalar(select(Subscription).where(Subscription.token == token, Subscription.is_ops.is_(False)))
        if sub is None:
            return None
        # Reminder settings are not on the page: keep what `subscribe --remind` set.
        kept = {k: v for k, v in (sub.filters or {}).items() if k in ("source", "remind", "deadline_within")}
        sub.filters = {**filters, **kept}
        # The page offers kinds, not times: a `daily 18:00` set by an operator stays 18:00 while daily.
        if prefs.schedule != sub.schedule.split()[0]:
            sub.schedule = prefs.schedule_text
        session.flush()
        session.expunge(sub)
        log.info("subscription %s preferences updated", sub.id)
        return sub
