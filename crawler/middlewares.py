"""Downloader middlewares."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from crawler.mirror import to_mirror

if TYPE_CHECKING:
    from scrapy.robotstxt import RobotParser


class SafeRobotsTxtMiddleware(RobotsTxtMiddleware):
    """Scrapy 2.19's robots.txt check with two fixes.

    1. The stock middleware lets every waiter await the *shared* pending Deferred through
       ``Deferred.asFuture``, whose callback returns None: the third and later requests to a new host
       then get None ("allow all") and bypass robots.txt (stack.md §3). Here each waiter hangs its own
       Deferred on the shared one through a relay that passes the result on unchanged.
    2. In mirror mode robots.txt is looked up for the *official* host (``{mirror}/{host}/robots.txt``),
       so the snapshots' robots.txt files are obeyed just like the real sites' would be.
    """

    async def robot_parser(self, request: Request) -> RobotParser | None:
        official = request.meta.get("pw_official", request.url)
        parts = urlsplit(official)
        netloc = parts.netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            robots_url = f"{parts.scheme}://{netloc}/robots.txt"
            mirror = request.meta.get("pw_mirror")
            fetch = to_mirror(robots_url, mirror) if mirror else robots_url
            robots_req = Request(fetch, priority=self.DOWNLOAD_PRIORITY, callback=NO_CALLBACK,
                                 meta={"dont_obey_robotstxt": True, "pw_official": robots_url})
            try:
                resp = await self.crawler.engine.download_async(robots_req)
                await self._parse_robots(resp, netloc, request)
            except Exception as exc:
                self._robots_error(exc, netloc)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            mine: Deferred[Any] = Deferred()

            def relay(result: Any) -> Any:
                mine.callback(result)
                return result  # the shared Deferred keeps its value for the next waiter

            parser.addCallback(relay)
            return await maybe_deferred_to_future(mine)
        return parser

    def process_request_2(self, rp: RobotParser | None, request: Request) -> None:
        if rp is None:
            return
        # Check the official URL: that is what the robots.txt rules are written for.
        official = request.meta.get("pw_official", request.url)
        useragent = (self._robotstxt_useragent or request.headers.get(b"User-Agent")
                     or self._default_useragent)
        if not rp.allowed(official, useragent):
            self._stats.inc_value("robotstxt/forbidden")
            raise IgnoreRequest("Forbidden by robots.txt")
