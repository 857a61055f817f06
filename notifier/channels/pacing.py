"""Client-side pacing for rate-limited push APIs.

The caller owns the pacer and passes it to every channel that shares a budget
(two subscriptions posting to the same WeCom bot must share one), so there is
no module-level state. Clock and sleep are injectable: tests use a fake clock.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable


class SlidingWindowPacer:
    """At most `limit` sends per rolling `window` seconds, counted per key."""

    def __init__(
        self,
        limit: int = 20,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be >= 1 and window > 0")
        self.limit, self.window = limit, window
        self._clock, self._sleep = clock, sleep
        self._sent: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"SlidingWindowPacer(limit={self.limit}, window={self.window})"

    @staticmethod
    def _slot(key: str) -> str:
        # Keys are bot secrets; keep only a digest of them in memory dumps.
        return hashlib.sha256(key.encode("utf-8")).hexdigest()

    def wait(self, key: str) -> float:
        """Block until one more send fits the window, record it, return seconds slept."""
        with self._lock:
            stamps = self._sent.setdefault(self._slot(key), deque())
            slept = 0.0
            while True:
                now = self._clock()
                while stamps and stamps[0] <= now - self.window:
                    stamps.popleft()
                if len(stamps) < self.limit:
                    stamps.append(now)
                    return slept
                delay = stamps[0] + self.window - now
                self._sleep(delay)
                slept += delay
