"""Crawl workers as real processes against a private PostgreSQL cluster and a local mirror.

Made-up official hosts (``h00.example.gov.cn`` …) are served by one local mirror (mirror mode: the
host is the first path segment, so the request log tells the hosts apart); every host has its own
source with a few channels. ``Site.publish`` adds a notice to a channel while the workers run.
``Fleet`` starts ``policywatch run --engine procrastinate`` and ``policywatch worker`` processes,
finds which worker runs a job (from the worker's own log line) and SIGKILLs it.
"""

from __future__ import annotations

import itertools
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from crawler.mirror_server import MirrorServer
from tests.conftest import ROOT

_JOB_LINE = re.compile(r"job (\d+): polling (\S+) \S+ on worker (\S+) .*pid (\d+)")


class TimedLog(list[Any]):
    """The mirror's request log with the arrival time of each request."""

    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()

    def append(self, item: Any) -> None:
        with self.lock:
            super().append((time.monotonic(), *item))

    def snapshot(self) -> list[Any]:
        with self.lock:
            return list(self)


def host_gaps(log: list[Any]) -> dict[str, list[float]]:
    """Seconds between consecutive page requests to each host (robots.txt excluded)."""
    times: dict[str, list[float]] = defaultdict(list)
    for t, _method, path, *_ in log:
        host, _, rest = path.lstrip("/").partition("/")
        if rest != "robots.txt":
            times[host].append(t)
    return {h: [b - a for a, b in itertools.pairwise(sorted(ts))] for h, ts in times.items()}


@dataclass
class Site:
    """The mirror tree: ``hosts`` hosts, ``channels`` list pages each, ``details`` notices per list."""

    root: Path
    hosts: int
    channels: int = 2
    details: int = 3
    cn_every: int = 3  # every n-th host needs a mainland egress (queue cn)
    sources_per_host: int = 1  # >1: a host's channels are split among that many sources (one poll job each)
    published: list[str] = field(default_factory=list)  # official URLs of every notice on the lists
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))  # type: ignore[type-arg]
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def host(self, i: int) -> str:
        return f"h{i:02d}.example.gov.cn"

    def build(self) -> None:
        for i in range(self.hosts):
            for c in range(self.channels):
                folder = self.root / self.host(i) / f"c{c}"
                folder.mkdir(parents=True)
                (folder / "index.html").write_text("<html><body><ul class='list'></ul></body></html>", "utf-8")
                for _ in range(self.details):
                    self.publish(i, c)

    def publish(self, i: int, c: int) -> str:
        """A new notice on top of channel c of host i; the list is replaced atomically."""
        with self._lock:
            n = next(self._counter)
            folder = self.root / self.host(i) / f"c{c}"
            name = f"t20261201_{n:05d}.html"
            title = f"关于第{n}号项目申报工作的通知"
            (folder / name).write_text(f"<html><body><h1>{title}</h1><div id='content'>各有关单位：第{n}号通知正文。"
                                       "</div></body></html>", "utf-8")
            index = folder / "index.html"
            row = f"<li><a href='{name}'>{title}</a><span>2026-12-01</span></li>"
            html = index.read_text("utf-8").replace("<ul class='list'>", "<ul class='list'>" + row, 1)
            tmp = index.with_suffix(".tmp")
            tmp.write_text(html, "utf-8")
            tmp.replace(index)
            url = f"http://{self.host(i)}/c{c}/{name}"
            self.published.append(url)
            return url

    def source_id(self, i: int, k: int) -> str:
        return f"s{i:02d}" if self.sources_per_host == 1 else f"s{i:02d}{chr(ord('a') + k)}"

    def source_ids(self) -> dict[str, int]:
        """Source id -> its host's number."""
        return {self.source_id(i, k): i for i in range(self.hosts) for k in range(self.sources_per_host)}

    def sources_toml(self) -> str:
        out = []
        for i in range(self.hosts):
            for k in range(self.sources_per_host):
                out.append(f'[[source]]\nid = "{self.source_id(i, k)}"\nname = "站{i}{k}"\n')
                for c in range(k, self.channels, self.sources_per_host):
                    egress = "needs_egress = true\n" if self.needs_egress(i) else ""
                    out.append(f'[[source.channel]]\nid = "c{c}"\nname = "栏目{c}"\n'
                               f'url = "http://{self.host(i)}/c{c}/"\nlist_item = "ul.list li"\n'
                               f'content = "#content"\n{egress}')
        return "\n".join(out)

    def needs_egress(self, i: int) -> bool:
        return self.cn_every > 0 and i % self.cn_every == self.cn_every - 1


@dataclass
class Config:
    database_url: str
    work: Path
    sources_file: Path
    poll_seconds: float = 6.0
    download_delay: float = 0.25
    stall_seconds: float = 4.0
    heartbeat_seconds: float = 1.0
    stall_check_seconds: float = 1.0
    notify_seconds: float = 2.0

    def write(self, sources: list[str], *, idle: list[str] = (), smtp_port: int | None = None) -> Path:  # type: ignore[assignment]
        """The config every process reads; ``idle`` sources poll once in ~4 months (not in the mirror)."""
        path = self.work / "policywatch.toml"
        per_source = "".join(f"[sources.{s}]\npoll_seconds = {self.poll_seconds}\n" for s in sources)
        per_source += "".join(f"[sources.{s}]\npoll_seconds = 10000000\n" for s in idle)
        smtp = (f'[smtp]\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "none"\n'
                f'sender = "monitor@example.org"\ntimeout = 10\n') if smtp_port else ""
        path.write_text(
            f'sources_file = "{self.sources_file}"\n'
            f'[database]\nurl = "{self.database_url}"\n'
            f'[outbox]\ndir = "{self.work / "outbox"}"\n'
            f"[crawl]\ndownload_delay = {self.download_delay}\nautothrottle = false\nrecheck_hours = 1000\n"
            f"[schedule]\njitter_seconds = 0\nnotify_seconds = {self.notify_seconds}\n"
            # A digest claimed by a killed worker is resent after the lease (production: 600 s). Not
            # shorter: a send on a loaded 2-core box once took > 2 s and was resent by the next sender.
            f"[notify]\nlease_seconds = 15\n{smtp}"
            f'[engine]\nkind = "procrastinate"\nstall_seconds = {self.stall_seconds}\n'
            f"heartbeat_seconds = {self.heartbeat_seconds}\nstall_check_seconds = {self.stall_check_seconds}\n"
            + per_source, "utf-8")
        return path


@dataclass
class Proc:
    name: str
    argv: list[str]
    log_path: Path
    popen: subprocess.Popen[bytes] | None = None
    log: IO[bytes] | None = None

    def start(self) -> Proc:
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - a file, never a pipe that could fill up
        self.popen = subprocess.Popen(self.argv, stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT,
                                      env={**os.environ, "PYTHONUNBUFFERED": "1"})
        return self

    @property
    def pid(self) -> int:
        assert self.popen is not None
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def kill(self) -> None:
        if self.alive():
            assert self.popen is not None
            self.popen.send_signal(signal.SIGKILL)
            self.popen.wait(timeout=10)

    def stop(self, timeout: float = 20.0) -> int | None:
        if self.popen is None:
            return None
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=10)
        if self.log:
            self.log.close()
        return self.popen.returncode

    def text(self) -> str:
        return self.log_path.read_text("utf-8", "replace") if self.log_path.exists() else ""


class Fleet:
    """One scheduler and named workers (each its own data dir: a machine of its own)."""

    def __init__(self, config: Path, work: Path, mirror: str) -> None:
        self.config = config
        self.work = work
        self.mirror = mirror
        self.workers: dict[str, Proc] = {}
        self.retired: list[Proc] = []
        self.scheduler: Proc | None = None
        self.queues: dict[str, list[str]] = {}

    def _argv(self, data: str, *args: str) -> list[str]:
        return [sys.executable, "-m", "policywatch", "--config", str(self.config),
                "--data-dir", str(self.work / data), *args]

    def start_scheduler(self) -> None:
        self.scheduler = Proc("scheduler", self._argv("scheduler", "run", "--engine", "procrastinate"),
                              self.work / "scheduler.log").start()

    def start_worker(self, name: str, queues: list[str], concurrency: int = 2) -> Proc:
        self.queues[name] = queues
        argv = self._argv(name, "worker", "--name", name, "--concurrency", str(concurrency),
                          "--mirror", self.mirror, *[a for q in queues for a in ("--queue", q)])
        proc = Proc(name, argv, self.work / f"{name}.log").start()
        self.workers[name] = proc
        return proc

    def restart(self, name: str) -> Proc:
        self.retired.append(self.workers[name])
        return self.start_worker(name, self.queues[name])

    def job_pids(self) -> dict[int, int]:
        """job id -> pid of the worker process that started it (from the workers' own log lines)."""
        out = {}
        for proc in [*self.retired, *self.workers.values()]:
            for m in _JOB_LINE.finditer(proc.text()):
                out[int(m.group(1))] = int(m.group(4))
        return out

    def proc_of(self, pid: int) -> Proc | None:
        return next((p for p in self.workers.values() if p.pid == pid and p.alive()), None)

    def stop(self) -> dict[str, int | None]:
        codes = {}
        for name, proc in self.workers.items():
            codes[name] = proc.stop()
        if self.scheduler:
            codes["scheduler"] = self.scheduler.stop()
        for proc in self.retired:
            if proc.log:
                proc.log.close()
        return codes

    def logs(self) -> str:
        procs = [*self.retired, *self.workers.values(), *([self.scheduler] if self.scheduler else [])]
        return "\n".join(f"== {p.name} ==\n{p.text()[-4000:]}" for p in procs)


def mirror_with_log(root: Path) -> tuple[MirrorServer, TimedLog]:
    server = MirrorServer(root, record=True)
    log = TimedLog()
    server.requests = log
    server.httpd.RequestHandlerClass.log_requests = log  # type: ignore[attr-defined]
    return server, log
