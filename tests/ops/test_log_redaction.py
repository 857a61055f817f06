"""Secrets never reach the logs, in text or JSON lines."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

import policywatch.cli as cli
from policywatch.config import load_settings
from scheduler import register_log_secrets

WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"


@pytest.fixture
def captured(tmp_path: Path) -> Iterator[io.StringIO]:
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    settings = load_settings(environ={
        "POLICYWATCH_DATA_DIR": str(tmp_path), "POLICYWATCH_SMTP_PASSWORD": "smtp-pass-123",
        "POLICYWATCH_SECRET": "notify-secret-abcdef",
        "POLICYWATCH_DATABASE_URL": "postgresql+psycopg://pw:db-pass-987@db.internal/pw"})
    cli.setup_logging("json", "DEBUG")
    cli.SECRETS.add_secrets(cli.settings_secrets(settings))
    stream = io.StringIO()
    root.handlers[0].setStream(stream)  # type: ignore[attr-defined]
    try:
        yield stream
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        cli.SECRETS.secrets.clear()


def _lines(stream: io.StringIO) -> list[dict[str, str]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_settings_and_subscription_secrets_are_masked(captured: io.StringIO) -> None:
    register_log_secrets([WECOM_KEY, "SCT12345abcdef"])  # what the daemon does with subscription keys
    log = logging.getLogger("policywatch.test")
    log.info("smtp login with %s", "smtp-pass-123")
    log.info("token signed with notify-secret-abcdef")
    log.warning("db down: postgresql+psycopg://pw:db-pass-987@db.internal/pw")
    log.info("POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=%s", WECOM_KEY)
    log.info("POST https://sctapi.ftqq.com/SCT12345abcdef.send")
    log.info("GET https://example.org/api?access_token=abc123&page=2 and https://u:pw-inline@host/x")
    text = captured.getvalue()
    for secret in ("smtp-pass-123", "notify-secret-abcdef", "db-pass-987", WECOM_KEY, "SCT12345abcdef",
                   "abc123", "pw-inline"):
        assert secret not in text
    msgs = [line["msg"] for line in _lines(captured)]
    assert "send?key=***" in msgs[3] and "access_token=***&page=2" in msgs[5]
    assert "postgresql+psycopg://pw:***@db.internal/pw" in msgs[2]


def test_tracebacks_are_masked_too(captured: io.StringIO) -> None:
    try:
        raise ConnectionError(f"cannot reach https://qyapi.weixin.qq.com/send?key={WECOM_KEY}")
    except ConnectionError:
        logging.getLogger("policywatch.test").exception("send failed")
    (line,) = _lines(captured)
    assert "ConnectionError" in line["exc"] and WECOM_KEY not in line["exc"]


def test_urllib3_debug_stays_off_even_with_verbose(captured: io.StringIO) -> None:
    assert logging.getLogger("urllib3").getEffectiveLevel() >= logging.INFO
