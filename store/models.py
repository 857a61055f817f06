"""Typed SQLAlchemy 2 models for the archive.

Relationships use ``lazy="raise"`` so that an accidental N+1 load fails in tests
instead of silently slowing a poll.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """A timestamp that is always an aware UTC datetime in Python, on every backend.

    SQLite hands back naive datetimes even for ``DateTime(timezone=True)``; without this every
    reader had to remember to re-attach UTC. Values are converted to UTC on the way in.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        return None if value is None else as_utc(value)


def as_utc(value: dt.datetime) -> dt.datetime:
    """What `UTCDateTime` reads a stored value as (for a column read raw, in bulk)."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


UTC = dt.UTC


class Notice(Base):
    """One official document, identified by its canonical URL."""

    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(40), unique=True)  # sha1 of the canonical URL
    source: Mapped[str] = mapped_column(String(40), index=True)
    channel: Mapped[str] = mapped_column(String(80))
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    doc_number: Mapped[str | None] = mapped_column(String(120), index=True)
    doc_number_raw: Mapped[str | None] = mapped_column(String(200))
    issuers: Mapped[list[Any]] = mapped_column(JSON, default=list)
    written_date: Mapped[dt.date | None] = mapped_column(Date)
    published_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    body: Mapped[str] = mapped_column(Text, default="")
    topics: Mapped[list[Any]] = mapped_column(JSON, default=list)
    events: Mapped[list[Any]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    list_fingerprint: Mapped[str | None] = mapped_column(String(64))  # what the list page showed
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | withdrawn | repealed
    first_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_seen: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_checked: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_changed: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    versions: Mapped[list[NoticeVersion]] = relationship(
        back_populates="notice", lazy="raise", order_by="NoticeVersion.version"
    )
    attachments: Mapped[list[AttachmentRow]] = relationship(back_populates="notice", lazy="raise")

    __table_args__ = (Index("ix_notice_source_channel", "source", "channel"),)


class NoticeVersion(Base):
    """The full history: one row per distinct content of a notice."""

    __tablename__ = "notice_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    attachments: Mapped[list[Any]] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    fetched_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    notice: Mapped[Notice] = relationship(back_populates="versions", lazy="raise")

    __table_args__ = (UniqueConstraint("notice_id", "version", name="uq_notice_version_notice_id_version"),)


class AttachmentRow(Base):
    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    url: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str | None] = mapped_column(Text)

    notice: Mapped[Notice] = relationship(back_populates="attachments", lazy="raise")


class Change(Base):
    """Something a subscriber may be told about: new, revised, withdrawn or repealed."""

    __tablename__ = "change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    detected_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    diff: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)


class CrawlRun(Base):
    """Health of one channel in one poll."""

    __tablename__ = "crawl_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(80))
    started_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(20), default="running")  # ok|partial|failed|blocked|running
    pages: Mapped[int] = mapped_column(Integer, default=0)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)
    new: Mapped[int] = mapped_column(Integer, default=0)
    changed: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    details_fetched: Mapped[int] = mapped_column(Integer, default=0)
    error_count: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[list[Any]] = mapped_column(JSON, default=list)
    http_codes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    reason: Mapped[str | None] = mapped_column(Text)  # detail for humans; rules read reason_code
    reason_code: Mapped[str | None] = mapped_column(String(32))  # a store.reasons.Reason value
    # The crawl worker and queue that ran the poll (policywatch/engine.py); null for the local daemon.
    worker: Mapped[str | None] = mapped_column(String(80))
    queue: Mapped[str | None] = mapped_column(String(20))

    __table_args__ = (Index("ix_crawl_run_source_channel_started", "source", "channel", "started_at"),)


class FetchFailure(Base):
    """A detail page that failed permanently (404/410, over the size cap): retried only with backoff."""

    __tablename__ = "fetch_failure"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(40), unique=True)
    url: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    first_failed: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    next_retry_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class CallLink(Base):
    """A follow-up notice (extension, 公示, final list) threaded to the call it belongs to.

    ``rule`` says how the link was made (store/threading.py) and ``evidence`` quotes what matched,
    so ``show`` can say why two notices are one thread and a wrong link can be argued with.
    """

    __tablename__ = "call_link"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    call_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    follow_id: Mapped[int] = mapped_column(ForeignKey("notice.id", ondelete="CASCADE"), index=True)
    event_type: Mapped[str] = mapped_column(String(40))  # the follow-up's lifecycle event type
    rule: Mapped[str] = mapped_column(String(40))
    evidence: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    # A follow-up belongs to one call: a relink replaces the row instead of adding a second.
    __table_args__ = (UniqueConstraint("follow_id", name="uq_call_link_follow_id"),)


class Subscriber(Base):
    __tablename__ = "subscriber"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class Subscription(Base):
    __tablename__ = "subscription"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("subscriber.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # email | wecom | serverchan | pushplus | webhook | outbox
    target: Mapped[dict[str, Any]] = mapped_column(JSON)  # address / key / token / url (secret)
    filters: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    schedule: Mapped[str] = mapped_column(String(40), default="immediate")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_ops: Mapped[bool] = mapped_column(Boolean, default=False)
    token: Mapped[str] = mapped_column(String(80), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    # Changes detected at or after this moment are for this subscription (no back-catalogue flood).
    since: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_planned_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # The planner's high-water mark: every change up to this id has been considered for this
    # subscription, matched or not (store.planning). NULL: not planned yet, start from ``since``.
    planned_through_change_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # Double opt-in (issue 19): a subscription made on the web page waits, inactive, with this NULL
    # until its owner confirms the link sent to the channel. `active` stays the only gate the planner
    # reads; this tells "never confirmed" (may be confirmed) from "unsubscribed" (stays stopped).
    # Operator-made subscriptions (`policywatch subscribe`) are confirmed when made.
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    # With the mark's index, an idle notify finds "nobody is behind" and "no daily/weekly slot is
    # due" without reading every subscription (docs/ops.md, "Notify cost").
    __table_args__ = (Index("ix_subscription_schedule_planned", "schedule", "last_planned_at"),)


class OptIn(Base):
    """One confirmation message sent for a web sign-up: the evidence of consent, and what the
    sign-up rate limits count (per address: `contact`; per client: `client`; both are keyed
    hashes, never the address or IP itself)."""

    __tablename__ = "opt_in"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscription.id", ondelete="CASCADE"), index=True)
    contact: Mapped[str] = mapped_column(String(64), index=True)
    client: Mapped[str] = mapped_column(String(64), index=True)
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
    ok: Mapped[bool] = mapped_column(Boolean)
    detail: Mapped[str | None] = mapped_column(Text)  # the channel's answer (never the target itself)


class Delivery(Base):
    """The ledger: one row per (subscription, channel, notice, change), written with the decision to send."""

    __tablename__ = "delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscription.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(20))
    # No foreign key of its own: the row's change already references its notice (and a notice deleted
    # cascades through its changes to here). A key checked per row cost PostgreSQL ~0.6 s of a 10k-
    # subscription plan's 3.8 s (migration 0011, benchmarks/README.md#notify).
    notice_id: Mapped[int] = mapped_column(Integer)
    # Indexed: the planner asks which of a few new changes are already in the ledger.
    change_id: Mapped[int] = mapped_column(ForeignKey("change.id", ondelete="CASCADE"), index=True)
    digest_id: Mapped[str] = mapped_column(String(64), index=True)
    # pending | sending | sent | failed | dead | cancelled (notifier/ledger.py moves rows between them);
    # indexed: the sender reads the unsent rows, a few among the whole history of sent ones.
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # The claim lease: who is sending the row and until when nobody else may (see notifier/ledger.py).
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        UniqueConstraint(
            "subscription_id", "channel", "notice_id", "change_id", name="uq_delivery_subscription_change"
        ),
    )


class AlertIncident(Base):
    """One ops incident: a health rule firing on one channel, from first seen until it stops firing."""

    __tablename__ = "alert_incident"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(80))
    rule: Mapped[str] = mapped_column(String(20))  # blocked | failing | errors | empty | drop | pagination | silent
    severity: Mapped[str] = mapped_column(String(20))  # blocked | failing | degraded
    reason: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_alert_incident_source_channel", "source", "channel", "resolved_at"),)


class AlertDelivery(Base):
    """The alert ledger: one row per (ops subscription, incident, open|resolved) — sent once."""

    __tablename__ = "alert_delivery"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscription.id", ondelete="CASCADE"))
    incident_id: Mapped[int] = mapped_column(ForeignKey("alert_incident.id", ondelete="CASCADE"))
    event: Mapped[str] = mapped_column(String(10))  # open | resolved
    digest_id: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)  # as in delivery
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(80))
    lease_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (
        UniqueConstraint("subscription_id", "incident_id", "event", name="uq_alert_delivery_subscription_event"),
    )


class PilotZone(Base):
    """The eighteen MOST pilot zones as public material records them (reference, not extracted):
    seeded by migration 0007 from parsers/facts/pilot_zone_reference.json. ``report pilot-zones``
    prefers the archive's own approval of a city and falls back to this row."""

    __tablename__ = "pilot_zone"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)  # approval order
    city: Mapped[str] = mapped_column(String(40), unique=True)
    province: Mapped[str] = mapped_column(String(40))
    approved: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD, or YYYY-MM when date_kind = 'month'
    date_kind: Mapped[str] = mapped_column(String(12))  # letter | published | month
    doc_number: Mapped[str | None] = mapped_column(String(80), nullable=True)
    letter_url: Mapped[str | None] = mapped_column(Text, nullable=True)
    basis: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)


class HttpCache(Base):
    """The HTTP cache (Scrapy's HTTPCACHE, ``crawler.cache.ArchiveCacheStorage``): one row per request
    fingerprint, the last response stored for it, so any crawl worker revalidates (If-None-Match /
    If-Modified-Since, 304 -> this body) instead of refetching. Written whole in one upsert."""

    __tablename__ = "http_cache"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)  # Scrapy's request fingerprint, hex
    url: Mapped[str] = mapped_column(Text)  # the response URL (after redirects)
    status: Mapped[int] = mapped_column(Integer)
    headers: Mapped[dict[str, Any]] = mapped_column(JSON)  # {name: [values]}, latin-1; never Set-Cookie
    body: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed
    body_bytes: Mapped[int] = mapped_column(Integer)  # uncompressed size
    etag: Mapped[str | None] = mapped_column(Text)  # the validators, as the server sent them
    last_modified: Mapped[str | None] = mapped_column(Text)
    stored_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), index=True)
