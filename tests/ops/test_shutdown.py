"""SIGTERM in the middle of a slow crawl: exit 0 within 10 s, nothing half-written."""

from __future__ import annotations

import sqlite3
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

from crawler.mirror_server import MirrorHandler
from tests.ops import helpers as h


class SlowHandler(MirrorHandler):
    delay = 0.7  # a slow government site: the first poll takes many seconds
    seen: list[str] = []  # noqa: RUF012 - shared on purpose: the test watches the requests

    def _serve(self, body: bytes | None) -> None:
        self.seen.append(self.path)
        time.sleep(self.delay)
        super()._serve(body)


def test_sigterm_stops_a_running_crawl_cleanly(tmp_path: Path) -> None:
    root = h.copy_mirror(tmp_path / "mirror", ["www.most.gov.cn"])
    handler: type[SlowHandler] = type("Handler", (SlowHandler,), {"root": root, "seen": []})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    data, log = tmp_path / "data", tmp_path / "daemon.log"
    try:
        with h.SmtpSink() as smtp:
            cfg = h.write_config(tmp_path / "pw.toml", smtp.port, 60)
            proc = h.start_daemon(cfg, data, f"http://127.0.0.1:{httpd.server_address[1]}", log)
            try:
                # Wait until the crawl is deep in detail pages, then stop the daemon.
                h.wait_for("detail requests", lambda: sum(".html" in p for p in handler.seen) >= 3, timeout=60)
                code, took = h.stop(proc)
            finally:
                if proc.poll() is None:
                    proc.kill()
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert code == 0 and took < 10, (code, took, log.read_text()[-3000:])
    assert "stopped running crawls" in log.read_text()
    with sqlite3.connect(data / "policywatch.sqlite3") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        runs = conn.execute("SELECT channel, status, reason FROM crawl_run WHERE source = 'most'").fetchall()
        codes = conn.execute("SELECT status, reason_code FROM crawl_run WHERE source = 'most'").fetchall()
        assert all(c == "shutdown" for s, c in codes if s == "partial"), codes
        # Every channel of the interrupted poll still got its crawl_run row, marked as interrupted so
        # the health rules do not read it as "fewer items than usual".
        assert {c for c, _s, _r in runs} == {"tztg", "gfxwj", "qtwj", "zcjd"}
        assert all(r == "interrupted by shutdown" for _c, _s, r in runs if _s == "partial"), runs
        assert any(r == "interrupted by shutdown" for _c, _s, r in runs), runs
        # Whatever notices were stored are complete rows with their "new" change.
        orphans = conn.execute("SELECT count(*) FROM notice n WHERE NOT EXISTS "
                               "(SELECT 1 FROM change c WHERE c.notice_id = n.id)").fetchone()[0]
        assert orphans == 0
