"""Subscription management behind ``subscribe``, ``subscriptions`` and ``unsubscribe``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select

from notifier.channels.atom import is_feed_id
from notifier.channels.webhook import masked_url
from notifier.subscriptions import build_filters, new_token, parse_schedule, sign_token, verify_token
from policywatch.errors import ConfigError
from store.db import transaction
from store.models import Subscriber, Subscription

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")


def _target(args: Any) -> tuple[str, dict[str, str], str]:
    if args.email:
        if not _EMAIL.fullmatch(args.email):
            raise ConfigError(f"not an email address: {args.email!r}")
        return "email", {"address": args.email}, args.email
    if args.wecom_key:
        return "wecom", {"key": args.wecom_key}, "wecom bot"
    if args.serverchan_key:
        return "serverchan", {"key": args.serverchan_key}, "serverchan"
    if args.pushplus_token:
        return "pushplus", {"token": args.pushplus_token}, "pushplus"
    if args.webhook:
        if not args.webhook.startswith(("http://", "https://")):
            raise ConfigError("--webhook must be an http(s) URL")
        # The label becomes the subscriber name, shown in every digest: never the token it carries.
        return "webhook", {"url": args.webhook}, masked_url(args.webhook)
    atom = getattr(args, "atom", None)
    if atom:
        # fullmatch: `$` would accept a trailing newline, and the name becomes a file name.
        if not is_feed_id(atom):
            raise ConfigError(f"--atom takes a feed name of letters, digits, '-' and '_', not {atom!r}")
        return "atom", {"feed_id": atom, "title": f"政策速递 · {atom}"}, f"atom feed {atom}"
    return "outbox", {}, "outbox"


def subscribe(app: Any, args: Any) -> tuple[int, str]:
    kind, target, label = _target(args)
    schedule = parse_schedule(args.schedule)
    known = {s.id for s in app.sources}
    unknown = [s for s in args.source if s not in known]
    if unknown:
        raise ConfigError(f"unknown source {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    filters = build_filters(cities=args.city, sources=args.source, topics=args.topic, events=args.event,
                            keywords=args.keyword, min_amount=args.min_amount,
                            remind=getattr(args, "remind", None),
                            deadline_within=getattr(args, "deadline_within", None))
    # Validate the channel now, so a bad key fails at subscribe time, not at 3 a.m.
    from notifier.channels.factory import build_channel

    if kind == "email" and not app.settings.smtp.host:
        # The channel's own message ("smtp host is required") does not say where a newcomer sets it.
        raise ConfigError("e-mail subscriptions need an SMTP relay: set [smtp] host, port, security and sender "
                          "in the config file (policywatch init writes an example) or POLICYWATCH_SMTP_HOST etc.; "
                          "see docs/config.md#smtp")
    build_channel({"kind": kind, **target}, app.settings.smtp if kind == "email" else None,
                  app.channel_options())
    now = app.clock()
    backlog = int(getattr(args, "backlog_days", 7))
    if backlog < 0:
        raise ConfigError("--backlog-days must be 0 or more")
    token = new_token()
    with transaction(app.factory) as session:
        subscriber = Subscriber(name=args.name or label, created_at=now)
        session.add(subscriber)
        session.flush()
        sub = Subscription(subscriber_id=subscriber.id, kind=kind, target=target, filters=filters,
                           schedule=str(schedule), active=True, token=token, created_at=now,
                           confirmed_at=now,  # an operator's subscribe is its own confirmation
                           since=now - dt.timedelta(days=backlog))
        session.add(sub)
        session.flush()
        sub_id = sub.id
    return sub_id, sign_token(token, app.secret())


def mask_target(kind: str, target: dict[str, str]) -> str:
    """Who a subscription reaches, printable: keys and tokens are cut short."""
    if kind == "email":
        return target.get("address", "")
    if kind == "webhook":
        return masked_url(target.get("url", ""))  # userinfo, query and key-like path segments hidden
    secret = target.get("key") or target.get("token") or ""
    return f"{secret[:4]}…" if secret else kind  # keys are credentials: never print them whole


def page_target(kind: str, target: dict[str, str]) -> str:
    """Who a subscription reaches, as a web page may show it: keys cut short and, since a link may be
    forwarded, only the start of an e-mail address."""
    shown = mask_target(kind, target)
    if kind == "email":
        local, _, domain = shown.partition("@")
        shown = f"{local[:2]}…@{domain}" if domain else "…"
    return shown


def list_subscriptions(app: Any) -> list[dict[str, Any]]:
    with app.factory() as session:
        return [{"id": s.id, "kind": s.kind, "target": mask_target(s.kind, s.target or {}), "filters": s.filters,
                 "schedule": s.schedule, "active": s.active, "ops": s.is_ops,
                 # a web sign-up waiting for its owner's confirmation (notifier.optin)
                 "pending": not s.active and s.confirmed_at is None}
                for s in session.scalars(select(Subscription).order_by(Subscription.id))]


def remove_subscription(app: Any, sub_id: int) -> None:
    with transaction(app.factory) as session:
        sub = session.get(Subscription, sub_id)
        if sub is None:
            raise ConfigError(f"no subscription {sub_id}")
        session.delete(sub)


def describe_subscription(app: Any, signed: str) -> dict[str, Any] | None:
    """What an unsubscribe link's holder may see of its subscription (a web page shows it): the
    channel with the address or key masked, the filters, the schedule, whether it is active."""
    token = verify_token(signed, app.secret())
    if token is None:
        return None
    with app.factory() as session:
        sub = session.scalar(select(Subscription).where(Subscription.token == token))
        if sub is None:
            return None
        return {"id": sub.id, "kind": sub.kind, "target": page_target(sub.kind, sub.target or {}),
                "filters": dict(sub.filters or {}),
                "schedule": sub.schedule, "active": bool(sub.active)}


def unsubscribe(app: Any, signed: str) -> int:
    token = verify_token(signed, app.secret())
    if token is None:
        raise ConfigError("invalid unsubscribe token")
    with transaction(app.factory) as session:
        sub = session.scalar(select(Subscription).where(Subscription.token == token))
        if sub is None:
            raise ConfigError("no subscription for this token")
        sub.active = False
        return sub.id


def target_from_args(args: Any) -> tuple[str, dict[str, str], str]:
    """(kind, target, label) from the subscribe-style flags (--email, --wecom-key, ...)."""
    return _target(args)
