"""Attachment text extraction in a child process with CPU, memory and output limits.

A 135 KB ``.docx`` took python-docx 63 s and 830 MB; 333 KB took 224 s and 2.1 GB. Parsed on the
reactor thread, that stalls every channel of the crawl and makes a SIGTERM wait for it. So each
attachment is parsed (``parsers.attachments.extract_attachment_text``, pure) in a short-lived child
process forked from a clean fork server, under ``RLIMIT_CPU`` and ``RLIMIT_AS``, with a wall-clock
deadline and a cap on the text sent back; the crawl awaits it from a thread, off the reactor. At most
``MAX_PARALLEL`` children run at once. Any limit hit is a ``ParseError`` naming the limit: the notice
is kept without that attachment's text (as for any unreadable attachment).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import resource
import signal
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from policywatch.errors import ParseError

MAX_PARALLEL = 2


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 20
    memory_bytes: int = 1024 * 1024 * 1024
    wall_seconds: float = 60.0
    max_chars: int = 200_000


_slots = threading.BoundedSemaphore(MAX_PARALLEL)
_context: Any = None


def _mp() -> Any:
    # forkserver: children fork from a small clean process, never from the crawler with its reactor
    # and threads (fork there is unsafe); the parsers are preloaded so a child starts in milliseconds.
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(["parsers.attachments"])
    return _context


def _child(conn: Connection, data: bytes, filename: str, content_type: str | None, limits: Limits) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGXCPU would otherwise dump a core file
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    except (OSError, ValueError):
        # A seccomp filter refusing setrlimit (systemd's ~@resources): the parent's wall-clock
        # deadline still stops a runaway parse; losing every attachment's text would be worse.
        pass
    from parsers.attachments import extract_attachment_text

    try:
        text = extract_attachment_text(data, filename, content_type)
        conn.send(("ok", text[: limits.max_chars]))
    except MemoryError:
        conn.send(("error", f"{filename}: over the memory limit ({limits.memory_bytes // 2**20} MiB)"))
    except Exception as exc:  # ParseError or a library bug: either way, a message, not a crash
        conn.send(("error", str(exc) or type(exc).__name__))
    finally:
        conn.close()


def extract_sandboxed(data: bytes, filename: str, content_type: str | None, limits: Limits) -> str:
    """Blocking: parse one attachment in a limited child process. Call it from a worker thread."""
    with _slots:
        parent, child = _mp().Pipe(duplex=False)
        proc = _mp().Process(target=_child, args=(child, bytes(data), filename, content_type, limits), daemon=True)
        proc.start()
        child.close()
        try:
            if parent.poll(limits.wall_seconds):
                try:
                    status, payload = parent.recv()
                except EOFError:
                    status, payload = "died", None
            else:
                status, payload = "timeout", None
        finally:
            if proc.is_alive():
                proc.kill()
            proc.join(5)
            parent.close()
    if status == "ok":
        return str(payload)
    if status == "error":
        raise ParseError(str(payload))
    raise ParseError(_death(filename, status, proc.exitcode, limits))


def _death(filename: str, status: str, exitcode: int | None, limits: Limits) -> str:
    if status == "timeout":
        return f"{filename}: parsing took longer than {limits.wall_seconds:g} s; stopped"
    if exitcode in (-signal.SIGXCPU, -signal.SIGKILL):
        return f"{filename}: over the CPU limit ({limits.cpu_seconds} s); stopped"
    return f"{filename}: the parser process died (exit code {exitcode})"


async def extract_off_reactor(data: bytes, filename: str, content_type: str | None, limits: Limits) -> str:
    """``extract_sandboxed`` awaited from the crawl's event loop without blocking it."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, extract_sandboxed, data, filename, content_type, limits)
