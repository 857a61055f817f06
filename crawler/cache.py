"""The HTTP cache policy: RFC 2616 revalidation, without serving stale pages on errors."""

from __future__ import annotations

from scrapy.extensions.httpcache import RFC2616Policy
from scrapy.http import Request, Response


class MonitorCachePolicy(RFC2616Policy):
    """Conditional requests (ETag / Last-Modified, 304 -> the stored page) exactly as RFC2616Policy.

    RFC2616Policy also hands the spider the *cached* page whenever the server answers 5xx. That is
    right for a browser and wrong for a monitor: a Jiasule challenge (HTTP 521) or an outage would
    look like the old healthy list, and the channel would report "ok". Here only a 304 reuses the
    stored page; every other answer reaches the spider as it is.
    """

    def is_cached_response_valid(self, cachedresponse: Response, response: Response, request: Request) -> bool:
        return response.status == 304
