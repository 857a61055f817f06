"""One generic list -> detail spider for every channel; platforms differ only by adapter and options."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any, Self

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler.mirror import to_mirror
from crawler.plan import (
    ARCHIVE_ITEMS,
    ArchiveItem,
    ChannelHealth,
    ChannelPlan,
    ChannelPoll,
    FetchFailed,
    NoticeFound,
    NoticeGone,
    Problem,
    SeenOnList,
    fingerprint_hash,
    item_key,
)
from crawler.politeness import slot_key
from crawler.sandbox import Limits, extract_off_reactor
from parsers.blocks import detect_block
from parsers.decode import decode_html
from parsers.model import Attachment
from parsers.notice import build_record
from parsers.page import DetailPage, ListEntry, PageRequest, next_page_request
from parsers.urls import is_http_url, url_uid
from policywatch.errors import ParseError, SelectorError
from store.reasons import Reason, failure_code

log = logging.getLogger(__name__)
PERMANENT_STATUS = {404, 410}
TEXT_ATTACHMENTS = (".pdf", ".docx", ".xlsx")
MAX_ATTACHMENTS = 3
MAX_VANISHED_CHECKS = 5


def _content_type(response: Response) -> str:
    return (response.headers.get(b"Content-Type") or b"").decode("latin-1")


def parse_code(exc: ParseError) -> Reason:
    """A selector that matches nothing means the layout changed; other parse errors may pass."""
    return Reason.SELECTOR_BROKEN if isinstance(exc, SelectorError) else Reason.PARSE_ERROR


class PolicySpider(scrapy.Spider):
    """Reads lists and details and yields archive items; it never writes to the archive itself.

    Each channel's running state (``ChannelPoll``) lives here, keyed by ``source/channel``; requests
    carry only that key. The pipeline stores the items; their outcomes come back through Scrapy's
    ``item_scraped`` / ``item_error`` signals, so the spider is the one writer of a poll's health.
    """

    name = "policywatch"

    def __init__(self, plans: list[ChannelPlan], mirror: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.polls = {plan.key: ChannelPoll(plan, ChannelHealth(started_at=plan.started_at)) for plan in plans}
        self.mirror = mirror

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.item_stored, signal=signals.item_scraped)
        crawler.signals.connect(spider.item_failed, signal=signals.item_error)
        return spider

    def item_stored(self, item: Any) -> None:
        if isinstance(item, NoticeFound):
            self.polls[item_key(item)].health.stored(item.outcome)

    def item_failed(self, item: Any, failure: Failure) -> None:
        # The archive refused a write (disk full, database down): the poll must not read as fine.
        if isinstance(item, ARCHIVE_ITEMS):
            self.polls[item_key(item)].health.error(
                Reason.INTERNAL_ERROR, f"storing {type(item).__name__} failed: {failure.getErrorMessage()}")

    def interrupt(self) -> None:
        """A shutdown is stopping this crawl: mark every channel's poll as interrupted."""
        for poll in self.polls.values():
            poll.health.interrupt()

    # -- requests -------------------------------------------------------------------
    def _request(self, poll: ChannelPoll, page: PageRequest, callback: Any, *, priority: int = 0,
                 cb_kwargs: dict[str, Any] | None = None) -> Request:
        source = poll.plan.source
        official = page.url
        fetch = official
        if source.force_http and fetch.startswith("https://"):
            fetch = "http://" + fetch[len("https://"):]
        # No handle_httpstatus_all here: it also turns off RedirectMiddleware, so moved pages and
        # 302-to-self cookie challenges were never followed. HTTPERROR_ALLOW_ALL (settings) already
        # hands 4xx/5xx to the callbacks.
        # Slotted (paced) by the official host, whatever address is really fetched (crawler.politeness).
        meta: dict[str, Any] = {"pw_official": official, "download_slot": slot_key(official)}
        if self.mirror:
            fetch = to_mirror(fetch, self.mirror)
            meta["pw_mirror"] = self.mirror
        if poll.plan.proxy:  # the channel's egress (crawler/egress.py), also against a mirror
            meta["proxy"] = poll.plan.proxy
        headers = dict(page.headers)
        if source.referer:
            headers.setdefault("Referer", source.referer)
        return Request(fetch, method=page.method, body=page.body, headers=headers, callback=callback,
                       errback=self.on_error, priority=priority, meta=meta, dont_filter=True,
                       cb_kwargs={"key": poll.plan.key, **(cb_kwargs or {})})

    async def start(self) -> AsyncIterator[Request]:
        settings = self.crawler.settings
        for poll in self.polls.values():
            plan = poll.plan
            if plan.channel.needs_browser and not settings.getbool("PW_BROWSER"):
                why = settings.get("PW_BROWSER_OFF") or "no browser tier in this crawl"
                poll.health.failed = Problem(Reason.NEEDS_BROWSER, f"list is built by JS and {why}; not crawled")
                continue
            yield self._list_request(poll, plan.platform.page_request(plan.ctx, 1), 1, priority=10)

    # -- list pages -----------------------------------------------------------------
    def _text(self, poll: ChannelPoll, response: Response) -> str | None:
        """Decode, record the status code, and classify blocks. None means: stop here."""
        poll.health.http_codes[str(response.status)] += 1
        text, _ = decode_html(response.body, _content_type(response))
        reason = detect_block(response.status, response.body, text)
        if reason:
            if "challenge_not_passed" in response.flags:
                reason += ", not passed by the browser tier"
            elif response.meta.get("pw_cleared"):
                reason += ", again after the browser tier's clearance"
            poll.health.blocked = Problem(Reason.BLOCKED, f"{reason} at {response.meta['pw_official']}")
            return None
        return text

    def parse_list(self, response: Response, key: str, page: int) -> Iterator[Any]:
        poll = self.polls[key]
        try:
            yield from self._parse_list(response, poll, page)
        except Exception as exc:  # a bug must reach ops as this channel's failure, not vanish in a log
            log.exception("internal error on %s", response.url)
            self._list_failed(poll, page, Reason.INTERNAL_ERROR, f"internal error: {type(exc).__name__}: {exc}")

    def _list_request(self, poll: ChannelPoll, page: PageRequest, page_no: int, priority: int) -> Request:
        request = self._request(poll, page, self.parse_list, priority=priority, cb_kwargs={"page": page_no})
        if poll.plan.channel.needs_browser:
            request.meta["pw_render"] = True  # the browser tier renders it (crawler/browser.py)
        return request

    def _parse_list(self, response: Response, poll: ChannelPoll, page: int) -> Iterator[Any]:
        plan, official = poll.plan, response.meta["pw_official"]
        text = self._text(poll, response)  # block pages first: a 403 GeoBL is "blocked", not "failed"
        if text is None:
            return
        if response.status >= 400:
            self._list_failed(poll, page, Reason.HTTP_ERROR, f"HTTP {response.status} on list page {page} ({official})")
            return
        try:
            listing = plan.platform.parse_list(text, official, plan.ctx)
        except ParseError as exc:
            self._list_failed(poll, page, parse_code(exc), str(exc))
            return
        poll.health.pages += 1
        poll.health.total_pages = listing.total_pages or poll.health.total_pages
        unknown, seen = 0, []
        for entry in listing.entries:
            request, is_unknown = self._entry_request(poll, entry)
            unknown += is_unknown
            if request is not None:
                yield request
            elif is_http_url(entry.url) and url_uid(entry.url) in plan.known:
                seen.append(url_uid(entry.url))
        if seen:
            yield SeenOnList(plan.source.id, plan.channel.id, tuple(seen))
        if (unknown or plan.backfill) and page < plan.max_pages:
            nxt = self._next_page(plan, listing, page)
            if nxt is not None:
                yield self._list_request(poll, nxt, page + 1, priority=5)
        if page == 1:
            yield from self._vanished_checks(poll, listing.entries)

    def _vanished_checks(self, poll: ChannelPoll, entries: Any) -> Iterator[Request]:
        """Known notices newer than the oldest entry on page 1 but missing from it may have been
        withdrawn. Only a 404/410 on their own URL says so; a page that still answers just moved."""
        dates = [e.date for e in entries if e.date]
        if not dates:
            return
        oldest = min(dates)
        missing = [k for uid, k in poll.plan.known.items()
                   if uid not in poll.seen_uids and k.status == "active" and k.url
                   and k.published is not None and k.published > oldest]
        for known in sorted(missing, key=lambda k: k.url)[:MAX_VANISHED_CHECKS]:
            yield self._request(poll, PageRequest(known.url), self.check_vanished,
                                cb_kwargs={"url": known.url})

    def check_vanished(self, response: Response, key: str, url: str) -> Iterator[Any]:
        poll = self.polls[key]
        poll.health.http_codes[str(response.status)] += 1
        if response.status in PERMANENT_STATUS:
            plan = poll.plan
            yield NoticeGone(plan.source.id, plan.channel.id, url, f"gone from the list and HTTP {response.status}")

    def _next_page(self, plan: ChannelPlan, listing: Any, page: int) -> PageRequest | None:
        # One rule, shared with the parser tests (parsers.page.next_page_request).
        return next_page_request(plan.platform, plan.ctx, listing, page)

    def _list_failed(self, poll: ChannelPoll, page: int, code: Reason, detail: str) -> None:
        if page == 1:
            poll.health.failed = Problem(code, detail)
        else:
            poll.health.partial = Problem(Reason.PAGINATION_SHORT, f"pagination stopped early: {detail}")

    def _entry_request(self, poll: ChannelPoll, entry: ListEntry) -> tuple[Request | None, int]:
        """The detail request an entry needs (None: nothing to fetch) and whether it is unknown."""
        plan = poll.plan
        if not is_http_url(entry.url):
            return None, 0  # file:, data:, ftp: ... links on a list page are never fetched
        uid = url_uid(entry.url)
        if uid in poll.seen_uids:
            return None, 0
        poll.seen_uids.add(uid)
        poll.health.items_seen += 1
        known = plan.known.get(uid)
        if known is None:
            if uid in plan.deferred:
                return None, 0  # permanent failure still in backoff (hours to days)
            return self._detail(poll, entry), 1
        if known.list_fingerprint != fingerprint_hash(entry):
            return self._detail(poll, entry), 0
        if known.last_checked < plan.recheck_before and poll.rechecks_done < plan.max_rechecks:
            poll.rechecks_done += 1
            return self._detail(poll, entry), 0
        poll.health.unchanged += 1
        return None, 0

    def _detail(self, poll: ChannelPoll, entry: ListEntry) -> Request:
        return self._request(poll, PageRequest(entry.url), self.parse_detail, cb_kwargs={"entry": entry})

    # -- detail pages ---------------------------------------------------------------
    def parse_detail(self, response: Response, key: str, entry: ListEntry) -> Iterator[Any]:
        poll = self.polls[key]
        try:
            yield from self._parse_detail(response, poll, entry)
        except Exception as exc:
            log.exception("internal error on %s", response.url)
            poll.health.error(Reason.INTERNAL_ERROR, f"internal error on {entry.url}: {type(exc).__name__}: {exc}")

    def _parse_detail(self, response: Response, poll: ChannelPoll, entry: ListEntry) -> Iterator[Any]:
        official = response.meta["pw_official"]
        poll.health.details_fetched += 1
        if response.status in PERMANENT_STATUS:
            yield self._permanent(poll, entry, Reason.HTTP_ERROR, f"HTTP {response.status}")
            return
        if response.status >= 400:
            poll.health.error(Reason.HTTP_ERROR, f"HTTP {response.status} on {official}")
            return
        text = self._text(poll, response)
        if text is None:
            return
        try:
            detail = poll.plan.platform.parse_detail(text, official, poll.plan.ctx)
        except ParseError as exc:
            poll.health.error(parse_code(exc), f"{official}: {exc}")
            return
        # Amounts often live only in attachments: fetch the readable ones (size-capped) first.
        wanted = [a for a in detail.attachments if a.url.lower().endswith(TEXT_ATTACHMENTS)][:MAX_ATTACHMENTS]
        yield from self._next_attachment(poll, entry, detail, wanted, ())

    def _next_attachment(self, poll: ChannelPoll, entry: ListEntry, detail: DetailPage,
                         pending: list[Attachment], texts: tuple[tuple[str, str], ...]) -> Iterator[Any]:
        plan = poll.plan
        if not pending:
            try:
                record = build_record(detail, entry.url, source=plan.source.id, channel=plan.channel.id,
                                      entry=entry, attachment_texts=texts)
            except ParseError as exc:
                poll.health.error(parse_code(exc), f"{entry.url}: {exc}")
                return
            yield NoticeFound(plan.source.id, plan.channel.id, record, fingerprint_hash(entry))
            return
        att, rest = pending[0], pending[1:]
        request = self._request(poll, PageRequest(att.url), self.parse_attachment,
                                cb_kwargs={"entry": entry, "attachment": (detail, att, rest, texts)})
        request.meta["download_maxsize"] = self.crawler.settings.getint("PW_MAX_ATTACHMENT_BYTES")
        yield request

    async def parse_attachment(self, response: Response, key: str, entry: ListEntry,
                               attachment: tuple[Any, ...]) -> AsyncIterator[Any]:
        detail, att, rest, texts = attachment
        if response.status == 200:
            try:
                # In a limited child process, awaited off the reactor (crawler/sandbox.py): a hostile
                # .docx must not stall every channel of the crawl or a shutdown.
                text = await extract_off_reactor(response.body, att.url, _content_type(response) or None,
                                                 self._attachment_limits())
                texts = (*texts, (att.name, text))
            except ParseError as exc:
                log.info("attachment %s unreadable: %s", att.url, exc)
        for item in self._next_attachment(self.polls[key], entry, detail, rest, texts):
            yield item

    def _attachment_limits(self) -> Limits:
        conf = self.crawler.settings.getdict("PW_ATTACHMENT_LIMITS")
        return Limits(**conf) if conf else Limits()

    def _permanent(self, poll: ChannelPoll, entry: ListEntry, code: Reason, reason: str) -> ArchiveItem:
        """A 404/410 or an oversized page: a known notice is withdrawn, a new one retried with backoff."""
        plan = poll.plan
        poll.health.error(code, f"{reason} on {entry.url}")
        if url_uid(entry.url) in plan.known:
            return NoticeGone(plan.source.id, plan.channel.id, entry.url, reason)
        return FetchFailed(plan.source.id, plan.channel.id, entry.url, reason)

    def on_error(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        poll = self.polls[request.cb_kwargs["key"]]
        if "url" in request.cb_kwargs:
            return  # a vanished-notice check that could not connect proves nothing
        if "attachment" in request.cb_kwargs:
            # A missing or oversized attachment must not cost us the notice itself.
            detail, _att, rest, texts = request.cb_kwargs["attachment"]
            yield from self._next_attachment(poll, request.cb_kwargs["entry"], detail, rest, texts)
            return
        official = request.meta.get("pw_official", request.url)
        name = failure.type.__name__ if failure.type else "error"
        reason = f"{name}: {failure.getErrorMessage()}"
        code = failure_code(name, failure.getErrorMessage())
        poll.health.http_codes[name] += 1
        if "page" in request.cb_kwargs:
            self._list_failed(poll, request.cb_kwargs["page"], code, f"{reason} ({official})")
        elif code is Reason.TOO_LARGE:
            yield self._permanent(poll, request.cb_kwargs["entry"], code, "over the size cap")
        else:
            poll.health.error(code, f"{reason} on {official}")
