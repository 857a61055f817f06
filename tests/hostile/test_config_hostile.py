"""Bad configuration is a ConfigError naming the key, never a traceback from deep inside a library.

Each value below crashed somewhere (Scrapy, APScheduler, smtplib, SQLite) before it was validated.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from policywatch.app import App
from policywatch.config import load_settings
from policywatch.errors import ConfigError

BAD = [
    ("POLICYWATCH_LOG_LEVEL", "LOUD", "log_level"),
    ("POLICYWATCH_LOG_LEVEL", "", "log_level"),
    ("POLICYWATCH_DATA_DIR", "/tmp/with\x01ctl", "data_dir"),
]
BAD_TOML = [
    ("[crawl]\nrecheck_hours = 1e300\n", "recheck_hours"),
    ("[crawl]\ntimeout = nan\n", "timeout"),
    ("[crawl]\ntimeout = -1\n", "timeout"),
    ("[crawl]\nmax_pages = 0\n", "max_pages"),
    ("[schedule]\nnotify_seconds = nan\n", "notify_seconds"),
    ("[schedule]\nnotify_seconds = inf\n", "notify_seconds"),
    ("[smtp]\nport = 70000\n", "port"),
    ("[alerts]\ndrop_ratio = 2.5\n", "drop_ratio"),
    ("[notify]\nsecret = \"short\"\n", "secret"),
    ('data_dir = "/tmp/nl\\nhere"\n', "data_dir"),
]


@pytest.mark.parametrize(("var", "value", "key"), BAD)
def test_bad_environment_values_are_config_errors(var: str, value: str, key: str, tmp_path: Path) -> None:
    env = {"POLICYWATCH_DATA_DIR": str(tmp_path), var: value}
    with pytest.raises(ConfigError, match=key):
        load_settings(environ=env)


@pytest.mark.parametrize(("text", "key"), BAD_TOML)
def test_bad_file_values_are_config_errors(text: str, key: str, tmp_path: Path) -> None:
    cfg = tmp_path / "pw.toml"
    cfg.write_text(text, "utf-8")
    with pytest.raises(ConfigError, match=key):
        load_settings(cfg, environ={})


def test_the_cli_reports_them_without_a_traceback(tmp_path: Path) -> None:
    cfg = tmp_path / "pw.toml"
    cfg.write_text("[crawl]\ntimeout = nan\n", "utf-8")
    out = subprocess.run([sys.executable, "-m", "policywatch", "--config", str(cfg), "--data-dir", str(tmp_path),
                          "status"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 2 and "Traceback" not in out.stderr and "timeout" in out.stderr, out.stderr


def test_a_huge_notice_id_is_simply_not_found(tmp_path: Path) -> None:
    out = subprocess.run([sys.executable, "-m", "policywatch", "--data-dir", str(tmp_path), "show",
                          "9" * 40], capture_output=True, text=True, timeout=120)
    assert out.returncode == 1 and "Traceback" not in out.stderr and "no notice" in out.stderr, out.stderr


def test_an_empty_or_truncated_secret_key_is_refused_not_used(tmp_path: Path) -> None:
    settings = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path)})
    app = App.open(settings)
    try:
        key = app.secret()
        assert len(key) == 64 and app.secret() == key  # generated once, then read back
        assert oct((tmp_path / "secret.key").stat().st_mode & 0o777) == "0o600"
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        (tmp_path / "secret.key").write_text("")  # what a full disk used to leave behind
        with pytest.raises(ConfigError, match="empty or damaged"):
            app.secret()
    finally:
        app.engine.dispose()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_leaves_no_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import policywatch.app as app_module

    real_open = os.open

    def full_open(path: str, flags: int, mode: int = 0o777) -> int:
        if str(path).endswith(".tmp"):
            return real_open("/dev/full", os.O_WRONLY)
        return real_open(path, flags, mode)

    monkeypatch.setattr(app_module.os, "open", full_open)
    with pytest.raises(OSError):
        app_module._create_secret(tmp_path / "secret.key")
    assert not (tmp_path / "secret.key").exists()


def test_an_override_for_a_source_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    cfg = tmp_path / "pw.toml"
    cfg.write_text("[sources.hefie]\nmax_pages = 2\n", "utf-8")
    settings = load_settings(cfg, environ={"POLICYWATCH_DATA_DIR": str(tmp_path)})
    with pytest.raises(ConfigError, match=r"\[sources.hefie\]: no source 'hefie' \(did you mean 'hefei'\?\)"):
        App.open(settings)
