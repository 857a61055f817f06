"""`policywatch test-channel`: one test message, the channel's answer, nothing recorded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.ops import helpers as h


def _pw(data: Path, *args: str, smtp_port: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICYWATCH_SMTP_HOST": "127.0.0.1", "POLICYWATCH_SMTP_PORT": str(smtp_port),
           "POLICYWATCH_SMTP_SECURITY": "none", "POLICYWATCH_SMTP_SENDER": "monitor@example.org",
           "POLICYWATCH_SMTP_TIMEOUT": "5"}
    return subprocess.run([sys.executable, "-m", "policywatch", "--data-dir", str(data), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_test_channel_sends_one_message_and_reports_the_answer(tmp_path: Path) -> None:
    data = tmp_path / "d"
    with h.SmtpSink() as smtp:
        out = _pw(data, "test-channel", "--email", "analyst@example.org", smtp_port=smtp.port)
        assert out.returncode == 0 and out.stdout.startswith("email: ok"), (out.stdout, out.stderr)
        made = _pw(data, "subscribe", "--email", "team@example.org", smtp_port=smtp.port)
        sub_id = made.stdout.split()[1]
        again = _pw(data, "test-channel", sub_id, smtp_port=smtp.port)
        assert again.returncode == 0, again.stdout + again.stderr
        messages = list(smtp.inbox.messages)
    assert len(messages) == 2 and all("通道测试" in str(m["Subject"]) for _rcpt, m in messages)
    assert {rcpt for rcpt, _m in messages} == {"analyst@example.org", "team@example.org"}
    with h.SmtpSink() as dead:
        port = dead.port  # closed once the sink stops: nothing listens there any more
    down = _pw(data, "test-channel", "--email", "analyst@example.org", smtp_port=port)
    assert down.returncode == 1 and "FAILED" in down.stdout, down.stdout + down.stderr
    assert _pw(data, "test-channel", smtp_port=port).returncode == 2
    assert _pw(data, "test-channel", "999", smtp_port=port).returncode == 2
