"""The daemon as ops run it: a subprocess on the production reactor path, against a private mirror.

One daemon life covers the acceptance story in order: first poll and digest; a notice published on
the mirror reaches the subscriber within one poll interval; a redesign that breaks the list selector
shows as failing in `status` and reaches the ops subscription within one poll, then "ok again" when
the page is restored; a Jiasule challenge and a 13-byte 403 show as blocked with their reasons; a
second daemon refuses to start; SIGTERM exits 0 within 10 s with nothing half-written. A restart
then sends no digest twice.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from crawler.mirror_server import MirrorServer
from tests.ops import helpers as h

POLL = 2.0  # seconds between polls of MOST in this test
REG, OPS = "reader@example.org", "ops@example.org"


def _alerts(inbox: h.Inbox, rcpt: str) -> list[str]:
    return [h.body(m) for m in inbox.to(rcpt) if m["X-Policywatch-Alert-Id"]]


def _digests(inbox: h.Inbox, rcpt: str) -> list[str]:
    return [h.body(m) for m in inbox.to(rcpt) if m["X-Policywatch-Digest-Id"]]


def _audit(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM delivery WHERE status = 'sending'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM alert_delivery WHERE status = 'sending'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM crawl_run WHERE finished_at IS NULL").fetchone()[0] == 0
        dupes = conn.execute("SELECT count(*) FROM (SELECT uid FROM notice GROUP BY uid HAVING count(*) > 1)")
        assert dupes.fetchone()[0] == 0


def test_daemon_alerts_ops_and_survives_restart(tmp_path: Path) -> None:
    root = h.copy_mirror(tmp_path / "mirror")
    data, log = tmp_path / "data", tmp_path / "daemon.log"
    with h.SmtpSink() as smtp, MirrorServer(root=root) as mirror:
        cfg = h.write_config(tmp_path / "pw.toml", smtp.port, POLL)
        for args in (["--email", REG], ["--email", OPS, "--ops"]):
            out = h.cli(cfg, data, "subscribe", *args)
            assert out.returncode == 0, out.stderr
        inbox = smtp.inbox
        proc = h.start_daemon(cfg, data, mirror.url, log)
        try:
            h.wait_for("the first digest", lambda: _digests(inbox, REG), timeout=90)

            # A new notice reaches the subscriber within one poll interval (plus the crawl itself).
            published = time.monotonic()
            title = h.publish(root, 1)
            h.wait_for("the new notice", lambda: any(title in b for b in _digests(inbox, REG)), timeout=30)
            latency = time.monotonic() - published
            assert latency < POLL + 15, latency  # generous: a loaded 2-core CI box; benchmarks measure speed

            # A redesign that breaks the list selector: failing at once, ops hears within one poll.
            original = h.redesign(root)
            broke = time.monotonic()
            alert = h.wait_for("the ops alert", lambda: [a for a in _alerts(inbox, OPS) if "most/tztg" in a],
                               timeout=30)[0]
            assert time.monotonic() - broke < POLL + 15
            assert "broken" in alert and "matched 0 node" in alert
            row = h.status(cfg, data)["most/tztg"]
            assert row["state"] == "failing" and "selector" in row["reason"]
            assert row["reason_code"] == "selector_broken"
            assert h.cli(cfg, data, "status", "--check").returncode == 1

            h.serve(root, h.TZTG / "index.html", original)
            h.wait_for("ok again", lambda: any("[ok again] most/tztg" in a for a in _alerts(inbox, OPS)),
                       timeout=30)
            assert h.status(cfg, data)["most/tztg"]["state"] == "ok"

            # Block pages: blocked with their reason, and alerted. (Served with 200 here: a 521 is hidden
            # by the HTTP cache — see test_block_cache.py.)
            h.serve(root, h.TZTG / "index.html", (h.FIXTURES / "jiasule_challenge.html").read_bytes(), 200)
            gfxwj = h.TZTG.parent / "xxgk/xinxifenlei/fdzdgknr/fgzc/gfxwj/index.html"
            gfxwj_page = (root / gfxwj).read_bytes()
            h.serve(root, gfxwj, (h.FIXTURES / "kxjs_403_stub.html").read_bytes(), 403)
            rows = h.wait_for("blocked state", lambda: (
                r if (r := h.status(cfg, data))["most/tztg"]["state"] == "blocked"
                and r["most/gfxwj"]["state"] == "blocked" else None), timeout=30)
            assert "__jsl_clearance" in rows["most/tztg"]["reason"]
            assert "13-byte" in rows["most/gfxwj"]["reason"]
            assert rows["most/gfxwj"]["reason_code"] == rows["most/tztg"]["reason_code"] == "blocked"
            h.wait_for("block alerts", lambda: sum("[blocked]" in a for a in _alerts(inbox, OPS)) >= 1, timeout=30)
            h.serve(root, h.TZTG / "index.html", original)
            h.serve(root, gfxwj, gfxwj_page)

            second = h.cli(cfg, data, "run", "--mirror", mirror.url)
            assert second.returncode == 2 and "already running" in second.stderr

            code, took = h.stop(proc)
            assert code == 0 and took < 10, (code, took, log.read_text()[-3000:])
        finally:
            if proc.poll() is None:
                proc.kill()
        _audit(data / "policywatch.sqlite3")

        # Restart: the recovery of the blocks may still be due, but no digest is sent twice.
        before = len(inbox.messages)
        proc = h.start_daemon(cfg, data, mirror.url, log)
        try:
            time.sleep(3 * POLL)
            code, _took = h.stop(proc)
            assert code == 0
        finally:
            if proc.poll() is None:
                proc.kill()
        _audit(data / "policywatch.sqlite3")

    ids = [m["Message-ID"] for _r, m in inbox.messages]
    assert len(ids) == len(set(ids)), "a digest or alert was sent twice"
    assert not [b for b in _digests(inbox, REG) if "[ok again]" in b]
    assert not _alerts(inbox, REG), "a regular subscription received an alert"
    assert not _digests(inbox, OPS), "the ops subscription received a notice digest"
    assert len(inbox.messages) >= before
