"""Secrets never leave the process in clear: not in logs (text and JSON, debug level, failure paths
included), not in ``status``, ``subscriptions list`` or exports.

Every command runs as a real subprocess. Push channels fail on purpose: ``HTTPS_PROXY`` points at a
closed loopback port, so no request leaves 127.0.0.1 and the error messages — the usual place where a
webhook URL with its key leaks — are exercised. SMTP answers 535 to the (wrong) password.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from crawler.mirror_server import MirrorServer
from tests.conftest import ROOT

SECRETS = {
    "smtp password": "Smtp-Pa55word-7f3c91",
    "notify secret": "notify-secret-9d8e7f6a5b4c",
    "wecom key": "693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa",
    "serverchan key": "SCT123456TxyzSecretKeyAbc",
    "pushplus token": "0123456789abcdef0123456789abcdef",
    "webhook token": "whk-token-5e6f7a8b9c",
    "webhook password": "whk-Pa55word-3c2b1a",
    "webhook path token": "whkPATHtoken7d6e5f4a3b",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Sink:
    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        return "250 OK"


@contextmanager
def _rejecting_smtp() -> Iterator[int]:
    port = _free_port()
    controller = Controller(_Sink(), hostname="127.0.0.1", port=port, auth_require_tls=False,
                            authenticator=lambda *args: AuthResult(success=False, handled=False))
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


def _env(tmp_path: Path, smtp_port: int) -> dict[str, str]:
    dead_proxy = f"http://127.0.0.1:{_free_port()}"
    return {**os.environ, "POLICYWATCH_DATA_DIR": str(tmp_path / "data"),
            "POLICYWATCH_DOWNLOAD_DELAY": "0", "POLICYWATCH_SMTP_HOST": "127.0.0.1",
            "POLICYWATCH_SMTP_PORT": str(smtp_port), "POLICYWATCH_SMTP_SECURITY": "none",
            "POLICYWATCH_SMTP_USERNAME": "monitor", "POLICYWATCH_SMTP_SENDER": "monitor@example.org",
            # Plaintext AUTH explicitly allowed: the 535 path (where a password could leak) must still run.
            "POLICYWATCH_SMTP_ALLOW_PLAINTEXT_AUTH": "true",
            "POLICYWATCH_SMTP_PASSWORD": SECRETS["smtp password"], "POLICYWATCH_SECRET": SECRETS["notify secret"],
            "HTTPS_PROXY": dead_proxy, "HTTP_PROXY": dead_proxy, "https_proxy": dead_proxy,
            "http_proxy": dead_proxy, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}


def _pw(env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "policywatch", *args], capture_output=True, text=True,
                          env=env, timeout=300, cwd=ROOT)
    assert "Traceback" not in done.stderr or "***" in done.stderr, done.stderr[-2000:]
    # The command line itself is not checked: the user typed those secrets.
    command = args[3]  # after --log-format FMT -v
    return f"$ policywatch {command} ... -> {done.returncode}\n{done.stdout}\n{done.stderr}"


@pytest.mark.parametrize("log_format", ["text", "json"])
def test_no_secret_in_logs_status_or_exports(tmp_path: Path, log_format: str) -> None:
    with _rejecting_smtp() as smtp_port, MirrorServer() as mirror:
        env = _env(tmp_path, smtp_port)
        log = ["--log-format", log_format, "-v"]
        transcript = [
            _pw(env, *log, "crawl", "--source", "most/qtwj", "--mirror", mirror.url),
            _pw(env, *log, "subscribe", "--wecom-key", SECRETS["wecom key"]),
            _pw(env, *log, "subscribe", "--serverchan-key", SECRETS["serverchan key"]),
            _pw(env, *log, "subscribe", "--pushplus-token", SECRETS["pushplus token"]),
            _pw(env, *log, "subscribe", "--webhook", f"https://hooks.example.org/x?token={SECRETS['webhook token']}"),
            _pw(env, *log, "subscribe", "--webhook",
                f"https://bot:{SECRETS['webhook password']}@hooks.example.org/in/{SECRETS['webhook path token']}"),
            _pw(env, *log, "subscribe", "--email", "analyst@example.org"),
            _pw(env, *log, "notify"),
            _pw(env, *log, "run", "--once", "--mirror", mirror.url),
            _pw(env, *log, "status"),
            _pw(env, *log, "status", "--json"),
            _pw(env, *log, "subscriptions", "list"),
            _pw(env, *log, "subscriptions", "list", "--json"),
            _pw(env, *log, "export", "--format", "jsonl", "--output", str(tmp_path / "out.jsonl")),
            _pw(env, *log, "export", "--format", "csv", "--output", str(tmp_path / "out.csv")),
        ]
    text = "\n".join(transcript)
    text += (tmp_path / "out.jsonl").read_text("utf-8") + (tmp_path / "out.csv").read_text("utf-8")
    assert "notify" in text and "failed" in text  # the failure paths really ran
    leaks = [f"{name} in: {part[:300]}" for part in [*transcript, text] for name, value in SECRETS.items()
             if value in part]
    assert not leaks, "\n".join(leaks)
