"""Why a crawl run was not simply ``ok``: the one vocabulary of health reason codes.

The crawler writes a code (``crawl_run.reason_code``) next to free detail text for humans
(``crawl_run.reason``); every reader (``store.health`` rules, ``policywatch status``, the ops
alerts, the daemon, the crawl report) decides on the code alone, so rewording a message can never
change which alert fires. Codes are stored as their string values: add members, never rename one
(old rows keep the old spelling; unknown values read as ``Reason.UNKNOWN``).

This module imports nothing, so the crawler can use it without pulling in the store's machinery.
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    # The site answered with a block page (WAF, geo-block, JS cookie challenge, stub body).
    BLOCKED = "blocked"
    # A count-checked selector matched nothing (or too much): the layout changed.
    SELECTOR_BROKEN = "selector_broken"
    # The page was read but not understood (bad JSON, no title, ...), other than a selector.
    PARSE_ERROR = "parse_error"
    # A bug of ours while handling a response.
    INTERNAL_ERROR = "internal_error"
    # The channel is declared ``needs_browser`` and no browser fetcher is configured.
    NEEDS_BROWSER = "needs_browser"
    # The poll ended without a single list page being processed (nothing fetched at all).
    NO_LIST_PAGE = "no_list_page"
    # A list page after the first failed: the poll saw only part of the list.
    PAGINATION_SHORT = "pagination_short"
    # The site answered 4xx/5xx (not a block page).
    HTTP_ERROR = "http_error"
    # The site did not answer in time.
    TIMEOUT = "timeout"
    # DNS, refused or reset connection, TLS failure: no HTTP answer at all.
    NETWORK = "network"
    # A response over the size cap was cancelled.
    TOO_LARGE = "too_large"
    # A link or redirect to a host the channel does not own was refused (crawler/siteguard.py).
    OFF_SITE = "off_site"
    # The poll was stopped by a shutdown (SIGTERM): not a verdict on the site.
    SHUTDOWN = "shutdown"
    # A row written before reason codes existed whose prose matched no known pattern.
    UNKNOWN = "unknown"

    @classmethod
    def parse(cls, value: str | None) -> Reason | None:
        """The code stored in a row; a value this version does not know reads as UNKNOWN."""
        if value is None:
            return None
        try:
            return cls(value)
        except ValueError:
            return cls.UNKNOWN


# Failures that no retry will fix: a layout change, our own bug, a channel we cannot crawl.
# They alert at once; every other failure alerts only after ``[alerts] error_streak`` polls.
BROKEN = frozenset({Reason.SELECTOR_BROKEN, Reason.INTERNAL_ERROR, Reason.NEEDS_BROWSER, Reason.NO_LIST_PAGE})

# Network-level failure names (Twisted/Scrapy exception class names) and the code they mean.
_FAILURE_CODES = {
    "TimeoutError": Reason.TIMEOUT,
    "TCPTimedOutError": Reason.TIMEOUT,
    "DownloadTimeoutError": Reason.TIMEOUT,
    "DownloadCancelledError": Reason.TOO_LARGE,
    "OffSiteRequest": Reason.OFF_SITE,
}


def failure_code(exception_name: str, message: str = "") -> Reason:
    """The code for a download that raised instead of answering (connection refused, DNS, timeout...).

    Scrapy cancels an over-``download_maxsize`` body with a message naming the limit, under several
    exception types depending on when the limit is hit; this is where that is recognised, once.
    """
    if "maxsize" in message.lower():
        return Reason.TOO_LARGE
    return _FAILURE_CODES.get(exception_name, Reason.NETWORK)
