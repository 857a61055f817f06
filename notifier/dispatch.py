"""Who sends when: per-endpoint queues, a bounded thread pool and a circuit breaker per endpoint.

Issue 12 item 7: one hung SMTP relay (accepts TCP, never answers) made every message wait its full
timeout, one after the other, and everything queued behind it waited too. Now:

- due messages are grouped by **endpoint** — the SMTP relay (host:port), the API or webhook host, the
  local folder — and within it by subscription, whose messages keep their order;
- a thread pool sends at most ``workers`` messages at once, at most ``per_endpoint`` through one
  endpoint, so a slow endpoint holds only its own slots;
- each endpoint has a **circuit breaker**: after ``breaker_failures`` retryable failures in a row
  (timeouts, refused connections, 5xx) it opens and the endpoint's remaining messages are skipped —
  left due, untouched, neither attempted nor dead. After ``cooldown`` seconds one message probes the
  endpoint again; a success closes the breaker. Breakers live as long as their `Dispatcher` (the
  daemon keeps one, so an open breaker is not re-tripped on every notify tick; a CLI run starts
  closed).

What sending one message means (claim -> send -> record) is the ledger's business: this module only
calls the function it is given and reads the `SendResult`.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from notifier.channels.base import SendResult

Job = TypeVar("Job")


@dataclass(frozen=True)
class DispatchSettings:
    workers: int = 8
    per_endpoint: int = 2
    breaker_failures: int = 3
    cooldown: float = 300.0  # seconds


class Breaker:
    """Consecutive-failure circuit breaker for one endpoint (thread-safe)."""

    def __init__(self, threshold: int, cooldown: float, clock: Callable[[], float]) -> None:
        self.threshold, self.cooldown, self._clock = threshold, cooldown, clock
        self.failures = 0
        self.open_until: float | None = None
        self._probing = False
        self._changed = threading.Condition()

    def allow(self) -> bool:
        """May a message go to this endpoint now? While open, one probe after the cooldown; the
        endpoint's other workers wait for its verdict (a success lets them all through)."""
        with self._changed:
            while self._probing:
                self._changed.wait()
            if self.open_until is None:
                return True
            if self._clock() < self.open_until:
                return False
            self._probing = True
            return True

    def record(self, ok: bool) -> None:
        with self._changed:
            self._probing = False
            if ok:
                self.failures, self.open_until = 0, None
            else:
                self.failures += 1
                if self.failures >= self.threshold:
                    self.open_until = self._clock() + self.cooldown
            self._changed.notify_all()

    def release(self) -> None:
        """An allowed message turned out to have nothing to send: no verdict on the endpoint."""
        with self._changed:
            self._probing = False
            self._changed.notify_all()


@dataclass
class Outcome(Generic[Job]):
    """What became of one job: its result, or None when it was skipped (breaker open)."""

    job: Job
    endpoint: str
    result: SendResult | None


@dataclass
class _Endpoint(Generic[Job]):
    name: str
    batches: deque[list[Job]] = field(default_factory=deque)  # one batch per subscription, in order
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_batch(self) -> list[Job] | None:
        with self.lock:
            return self.batches.popleft() if self.batches else None


class Dispatcher:
    """Runs send jobs through per-endpoint queues; keeps its breakers between runs."""

    def __init__(self, settings: DispatchSettings | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings or DispatchSettings()
        self._clock = clock
        self._breakers: dict[str, Breaker] = {}
        self._lock = threading.Lock()

    def breaker(self, endpoint: str) -> Breaker:
        with self._lock:
            if endpoint not in self._breakers:
                s = self.settings
                self._breakers[endpoint] = Breaker(s.breaker_failures, s.cooldown, self._clock)
            return self._breakers[endpoint]

    def run(self, jobs: Sequence[Job], endpoint_of: Callable[[Job], str], group_of: Callable[[Job], Hashable],
            send: Callable[[Job], SendResult | None]) -> list[Outcome[Job]]:
        """Send every job; ``send`` returns None when there was nothing to send after all (another
        sender took it). Jobs of one group (a subscription) go in order, through one worker."""
        endpoints = self._queues(jobs, endpoint_of, group_of)
        # Round-robin over endpoints, so the first wave of workers covers every endpoint.
        loops = [ep for i in range(self.settings.per_endpoint) for ep in endpoints if len(ep.batches) > i]
        if not loops:
            return []
        out: list[Outcome[Job]] = []
        out_lock = threading.Lock()

        def work(ep: _Endpoint[Job]) -> None:
            done = self._drain(ep, send)
            with out_lock:
                out.extend(done)

        with ThreadPoolExecutor(max_workers=min(self.settings.workers, len(loops)),
                                thread_name_prefix="notify") as pool:
            for future in [pool.submit(work, ep) for ep in loops]:
                future.result()  # re-raises a bug in `send` instead of losing it
        return out

    @staticmethod
    def _queues(jobs: Sequence[Job], endpoint_of: Callable[[Job], str],
                group_of: Callable[[Job], Hashable]) -> list[_Endpoint[Job]]:
        grouped: dict[str, dict[Hashable, list[Job]]] = {}
        for job in jobs:
            grouped.setdefault(endpoint_of(job), {}).setdefault(group_of(job), []).append(job)
        return [_Endpoint(name, deque(groups.values())) for name, groups in grouped.items()]

    def _drain(self, ep: _Endpoint[Job], send: Callable[[Job], SendResult | None]) -> list[Outcome[Job]]:
        breaker = self.breaker(ep.name)
        done: list[Outcome[Job]] = []
        while (batch := ep.next_batch()) is not None:
            for job in batch:
                if not breaker.allow():
                    done.append(Outcome(job, ep.name, None))
                    continue
                try:
                    result = send(job)
                except BaseException:
                    breaker.release()  # never leave the endpoint's other workers waiting on a probe
                    raise
                if result is None:  # nothing was sent: says nothing about the endpoint
                    breaker.release()
                    continue
                # A rejected message (bad key, refused recipient) is about the message; only retryable
                # failures (timeouts, refused connections, 5xx, rate limits) count against the endpoint.
                breaker.record(ok=result.ok or not result.retryable)
                done.append(Outcome(job, ep.name, result))
        return done
