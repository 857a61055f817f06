"""Run one coroutine on Twisted's asyncio reactor (the production path, stack.md §2 option a2)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")
REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"


def install() -> None:
    # Must happen before anything imports twisted.internet.reactor.
    from scrapy.utils.reactor import install_reactor

    install_reactor(REACTOR)


def run(main: Callable[[], Awaitable[T]]) -> T:
    """Install the reactor, run ``main()`` to completion, stop the reactor, return the result."""
    install()
    from twisted.internet import defer
    from twisted.internet import reactor as _reactor

    reactor: Any = _reactor  # the installed asyncio reactor; its interface stubs are too narrow

    outcome: dict[str, Any] = {}

    async def wrapper() -> None:
        try:
            outcome["value"] = await main()
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            reactor.callLater(0, reactor.stop)

    def start() -> None:
        # Run as an asyncio Task on the reactor's loop: Scrapy's coroutine APIs await asyncio futures.
        defer.Deferred.fromFuture(asyncio.ensure_future(wrapper()))

    reactor.callWhenRunning(start)
    reactor.run(installSignalHandlers=False)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
