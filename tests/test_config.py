from __future__ import annotations

from pathlib import Path

import pytest

from policywatch.config import EXAMPLE_CONFIG, load_settings, read_toml, redact
from policywatch.errors import ConfigError


def test_defaults_need_no_config(tmp_path: Path) -> None:
    s = load_settings(environ={"XDG_DATA_HOME": str(tmp_path)})
    assert s.database_url == f"sqlite:///{tmp_path / 'policywatch' / 'policywatch.sqlite3'}"
    assert s.outbox_path == tmp_path / "policywatch" / "outbox"
    assert s.crawl.obey_robots and s.crawl.max_page_bytes == 10 * 1024 * 1024


def test_precedence_file_env_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[database]\nurl = "sqlite:////from/file"\n[smtp]\nhost = "smtp.example.org"\nport = 465\n'
                   'security = "ssl"\n[crawl]\ndownload_delay = 3\n', encoding="utf-8")
    s = load_settings(cfg, environ={})
    assert s.database.url == "sqlite:////from/file" and s.smtp.port == 465 and s.crawl.download_delay == 3.0
    s = load_settings(cfg, environ={"POLICYWATCH_DATABASE_URL": "sqlite:////from/env"})
    assert s.database.url == "sqlite:////from/env"
    s = load_settings(cfg, environ={"POLICYWATCH_DATABASE_URL": "sqlite:////from/env"},
                      overrides={"database.url": "sqlite:////from/flag"})
    assert s.database.url == "sqlite:////from/flag"


def test_config_file_from_env_variable(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[outbox]\ndir = "/tmp/x"\n')
    assert str(load_settings(environ={"POLICYWATCH_CONFIG": str(cfg)}).outbox_path) == "/tmp/x"


@pytest.mark.parametrize("text, fragment", [
    ("[crawl]\ndownload_dely = 1\n", "download_dely"),
    ("[smtp]\nport = \"abc\"\n", "[smtp] port"),
    ("[smtp]\nsecurity = \"tls\"\n", "security"),
    ("[database\nurl=1", "c.toml"),
    ("bogus = 1\n", "bogus"),
])
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, fragment: str) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=None) as err:
        load_settings(cfg, environ={})
    assert fragment in str(err.value)


def test_secrets_are_not_in_repr() -> None:
    s = load_settings(environ={"POLICYWATCH_SMTP_PASSWORD": "hunter2", "POLICYWATCH_SECRET": "s3cr3t-unsubscribe-key"})
    assert s.smtp.password == "hunter2"
    assert "hunter2" not in repr(s) and "s3cr3t" not in repr(s)
    assert redact("postgresql+psycopg://u:pw@h/db") == "postgresql+psycopg://u:***@h/db"


def test_example_config_is_valid_toml_with_defaults(tmp_path: Path) -> None:
    cfg = tmp_path / "example.toml"
    cfg.write_text(EXAMPLE_CONFIG)
    read_toml(cfg)
    assert load_settings(cfg, environ={}).crawl.max_pages == 3


def test_delivery_keys_are_checked_at_load_time(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[notify]\nretry_days = 2.5\nlease_seconds = 120\nper_endpoint = 1\nbreaker_cooldown_seconds = 0\n",
                   encoding="utf-8")
    n = load_settings(cfg, environ={}).notify
    assert (n.retry_days, n.lease_seconds, n.per_endpoint, n.breaker_cooldown_seconds, n.max_attempts) == (
        2.5, 120.0, 1, 0.0, 0)
    for bad in ("lease_seconds = 0", "workers = -1", "retry_days = nan", "lease_seconds = 1e309", "max_attempts = -1"):
        cfg.write_text(f"[notify]\n{bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=r"\[notify\]"):
            load_settings(cfg, environ={})
