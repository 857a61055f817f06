"""One generic list -> detail spider for every channel; platforms differ only by adapter and options."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import scrapy
from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler.mirror import to_mirror
from crawler.plan import ChannelJob, CrawlSink, Problem, fingerprint_hash
from crawler.politeness import slot_key
from parsers.attachments import extract_attachment_text
from parsers.blocks import detect_block
from parsers.decode import decode_html
from parsers.model import Attachment
from parsers.notice import build_record
from parsers.page import DetailPage, ListEntry, PageRequest
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


class NoticeItem(dict[str, Any]):
    """Carries a parsed record and its channel job to the store pipeline."""


class PolicySpider(scrapy.Spider):
    name = "policywatch"

    def __init__(self, jobs: list[ChannelJob], sink: CrawlSink, mirror: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.jobs = jobs
        self.sink = sink  # injected: where results go (the store in production)
        self.mirror = mirror

    # -- requests -------------------------------------------------------------------
    def _request(self, job: ChannelJob, page: PageRequest, callback: Any, *, priority: int = 0,
                 cb_kwargs: dict[str, Any] | None = None) -> Request:
        official = page.url
        fetch = official
        if job.source.force_http and fetch.startswith("https://"):
            fetch = "http://" + fetch[len("https://"):]
        # No handle_httpstatus_all here: it also turns off RedirectMiddleware, so moved pages and
        # 302-to-self cookie challenges were never followed. HTTPERROR_ALLOW_ALL (settings) already
        # hands 4xx/5xx to the callbacks.
        # Slotted (paced) by the official host, whatever address is really fetched (crawler.politeness).
        meta: dict[str, Any] = {"pw_official": official, "download_slot": slot_key(official)}
        if self.mirror:
            fetch = to_mirror(fetch, self.mirror)
            meta["pw_mirror"] = self.mirror
        elif job.source.proxy:
            meta["proxy"] = job.source.proxy
        headers = dict(page.headers)
        if job.source.referer:
            headers.setdefault("Referer", job.source.referer)
        return Request(fetch, method=page.method, body=page.body, headers=headers, callback=callback,
                       errback=self.on_error, priority=priority, meta=meta, dont_filter=True,
                       cb_kwargs={"job": job, **(cb_kwargs or {})})

    async def start(self) -> AsyncIterator[Request]:
        for job in self.jobs:
            if job.channel.needs_browser:
                job.health.failed = Problem(Reason.NEEDS_BROWSER, "channel needs a JS-capable browser; not crawled")
                continue
            yield self._request(job, job.platform.page_request(job.ctx, 1), self.parse_list,
                                priority=10, cb_kwargs={"page": 1})

    # -- list pages -----------------------------------------------------------------
    def _text(self, job: ChannelJob, response: Response) -> str | None:
        """Decode, record the status code, and classify blocks. None means: stop here."""
        job.health.http_codes[str(response.status)] += 1
        text, _ = decode_html(response.body, _content_type(response))
        reason = detect_block(response.status, response.body, text)
        if reason:
            job.health.blocked = Problem(Reason.BLOCKED, f"{reason} at {response.meta['pw_official']}")
            return None
        return text

    def parse_list(self, response: Response, job: ChannelJob, page: int) -> Iterator[Any]:
        try:
            yield from self._parse_list(response, job, page)
        except Exception as exc:  # a bug must reach ops as this channel's failure, not vanish in a log
            log.exception("internal error on %s", response.url)
            self._list_failed(job, page, Reason.INTERNAL_ERROR, f"internal error: {type(exc).__name__}: {exc}")

    def _parse_list(self, response: Response, job: ChannelJob, page: int) -> Iterator[Any]:
        official = response.meta["pw_official"]
        text = self._text(job, response)  # block pages first: a 403 GeoBL is "blocked", not "failed"
        if text is None:
            return
        if response.status >= 400:
            self._list_failed(job, page, Reason.HTTP_ERROR, f"HTTP {response.status} on list page {page} ({official})")
            return
        try:
            listing = job.platform.parse_list(text, official, job.ctx)
        except ParseError as exc:
            self._list_failed(job, page, parse_code(exc), str(exc))
            return
        job.health.pages += 1
        job.health.total_pages = listing.total_pages or job.health.total_pages
        unknown = 0
        for entry in listing.entries:
            request, is_unknown = self._entry_request(job, entry)
            unknown += is_unknown
            if request is not None:
                yield request
        if (unknown or job.backfill) and page < job.max_pages:
            nxt = self._next_page(job, listing, page)
            if nxt is not None:
                yield self._request(job, nxt, self.parse_list, priority=5, cb_kwargs={"page": page + 1})
        if page == 1:
            yield from self._vanished_checks(job, listing.entries)

    def _vanished_checks(self, job: ChannelJob, entries: Any) -> Iterator[Request]:
        """Known notices newer than the oldest entry on page 1 but missing from it may have been
        withdrawn. Only a 404/410 on their own URL says so; a page that still answers just moved."""
        dates = [e.date for e in entries if e.date]
        if not dates:
            return
        oldest = min(dates)
        missing = [k for uid, k in job.known.items()
                   if uid not in job.seen_uids and k.status == "active" and k.url
                   and k.published is not None and k.published > oldest]
        for known in sorted(missing, key=lambda k: k.url)[:MAX_VANISHED_CHECKS]:
            yield self._request(job, PageRequest(known.url), self.check_vanished,
                                cb_kwargs={"url": known.url})

    def check_vanished(self, response: Response, job: ChannelJob, url: str) -> None:
        job.health.http_codes[str(response.status)] += 1
        if response.status in PERMANENT_STATUS:
            self.sink.withdrawn(job, url, f"gone from the list and HTTP {response.status}")

    def _next_page(self, job: ChannelJob, listing: Any, page: int) -> PageRequest | None:
        if listing.next_url:
            return PageRequest(listing.next_url)
        if listing.total_pages is not None and page < listing.total_pages:
            return job.platform.page_request(job.ctx, page + 1)
        return None

    def _list_failed(self, job: ChannelJob, page: int, code: Reason, detail: str) -> None:
        if page == 1:
            job.health.failed = Problem(code, detail)
        else:
            job.health.partial = Problem(Reason.PAGINATION_SHORT, f"pagination stopped early: {detail}")

    def _entry_request(self, job: ChannelJob, entry: ListEntry) -> tuple[Request | None, int]:
        if not is_http_url(entry.url):
            return None, 0  # file:, data:, ftp: ... links on a list page are never fetched
        uid = url_uid(entry.url)
        if uid in job.seen_uids:
            return None, 0
        job.seen_uids.add(uid)
        job.health.items_seen += 1
        known = job.known.get(uid)
        if known is None:
            if uid in job.deferred:
                return None, 0  # permanent failure still in backoff (hours to days)
            return self._detail(job, entry), 1
        if known.list_fingerprint != fingerprint_hash(entry):
            return self._detail(job, entry), 0
        if known.last_checked < job.recheck_before and job.rechecks_done < job.max_rechecks:
            job.rechecks_done += 1
            return self._detail(job, entry), 0
        job.health.unchanged += 1
        return None, 0

    def _detail(self, job: ChannelJob, entry: ListEntry) -> Request:
        return self._request(job, PageRequest(entry.url), self.parse_detail, cb_kwargs={"entry": entry})

    # -- detail pages ---------------------------------------------------------------
    def parse_detail(self, response: Response, job: ChannelJob, entry: ListEntry) -> Iterator[Any]:
        try:
            yield from self._parse_detail(response, job, entry)
        except Exception as exc:
            log.exception("internal error on %s", response.url)
            job.health.error(Reason.INTERNAL_ERROR, f"internal error on {entry.url}: {type(exc).__name__}: {exc}")

    def _parse_detail(self, response: Response, job: ChannelJob, entry: ListEntry) -> Iterator[Any]:
        official = response.meta["pw_official"]
        job.health.details_fetched += 1
        if response.status in PERMANENT_STATUS:
            self._permanent(job, entry, Reason.HTTP_ERROR, f"HTTP {response.status}")
            return
        if response.status >= 400:
            job.health.error(Reason.HTTP_ERROR, f"HTTP {response.status} on {official}")
            return
        text = self._text(job, response)
        if text is None:
            return
        try:
            detail = job.platform.parse_detail(text, official, job.ctx)
        except ParseError as exc:
            job.health.error(parse_code(exc), f"{official}: {exc}")
            return
        # Amounts often live only in attachments: fetch the readable ones (size-capped) first.
        wanted = [a for a in detail.attachments if a.url.lower().endswith(TEXT_ATTACHMENTS)][:MAX_ATTACHMENTS]
        yield from self._next_attachment(job, entry, detail, wanted, ())

    def _next_attachment(self, job: ChannelJob, entry: ListEntry, detail: DetailPage, pending: list[Attachment],
                         texts: tuple[tuple[str, str], ...]) -> Iterator[Any]:
        if not pending:
            try:
                record = build_record(detail, entry.url, source=job.source.id, channel=job.channel.id,
                                      entry=entry, attachment_texts=texts)
            except ParseError as exc:
                job.health.error(parse_code(exc), f"{entry.url}: {exc}")
                return
            yield NoticeItem(job=job, record=record, entry=entry)
            return
        att, rest = pending[0], pending[1:]
        request = self._request(job, PageRequest(att.url), self.parse_attachment,
                                cb_kwargs={"entry": entry, "attachment": (detail, att, rest, texts)})
        request.meta["download_maxsize"] = self.crawler.settings.getint("PW_MAX_ATTACHMENT_BYTES")
        yield request

    def parse_attachment(self, response: Response, job: ChannelJob, entry: ListEntry,
                         attachment: tuple[Any, ...]) -> Iterator[Any]:
        detail, att, rest, texts = attachment
        if response.status == 200:
            try:
                texts = (*texts, (att.name, extract_attachment_text(response.body, att.url,
                                                                    _content_type(response) or None)))
            except ParseError as exc:
                log.info("attachment %s unreadable: %s", att.url, exc)
        yield from self._next_attachment(job, entry, detail, rest, texts)

    def _permanent(self, job: ChannelJob, entry: ListEntry, code: Reason, reason: str) -> None:
        uid = url_uid(entry.url)
        job.health.error(code, f"{reason} on {entry.url}")
        if uid in job.known:
            self.sink.withdrawn(job, entry.url, reason)
        else:
            self.sink.failed_permanently(job, entry.url, reason)

    def on_error(self, failure: Failure) -> Iterator[Any]:
        request = failure.request  # type: ignore[attr-defined]
        job: ChannelJob = request.cb_kwargs["job"]
        if "url" in request.cb_kwargs:
            return  # a vanished-notice check that could not connect proves nothing
        if "attachment" in request.cb_kwargs:
            # A missing or oversized attachment must not cost us the notice itself.
            detail, _att, rest, texts = request.cb_kwargs["attachment"]
            yield from self._next_attachment(job, request.cb_kwargs["entry"], detail, rest, texts)
            return
        official = request.meta.get("pw_official", request.url)
        name = failure.type.__name__ if failure.type else "error"
        reason = f"{name}: {failure.getErrorMessage()}"
        code = failure_code(name, failure.getErrorMessage())
        job.health.http_codes[name] += 1
        if "page" in request.cb_kwargs:
            self._list_failed(job, request.cb_kwargs["page"], code, f"{reason} ({official})")
        elif code is Reason.TOO_LARGE:
            self._permanent(job, request.cb_kwargs["entry"], code, "over the size cap")
        else:
            job.health.error(code, f"{reason} on {official}")
