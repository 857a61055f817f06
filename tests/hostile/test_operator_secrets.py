"""Operators' secrets in what policywatch prints, and names it turns into files (issue 12, minors).

``subscriptions list`` (text and ``--json``) used to show webhook URLs with their userinfo passwords
and secret path segments; ``demo`` printed the database URL with its password; ``--atom`` accepted a
name ending in a newline. Every command here runs in-process through ``cli.main`` and its whole output
is scanned for the secret values.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from notifier.channels.webhook import masked_url
from policywatch import cli
from policywatch.config import redact

SECRETS = {
    "userinfo password": "Hook-Pa55word-8e1d",
    "slack path token": "B0ZZ9XXYY/aBcDeFgHiJkLmNoPqRsTuVwX",
    "discord token": "mFq3TaRl7VhNc2WxYz0PqRsTuVwXyZaBcDeFgHiJkLmN",
    "query token": "qry-tok-51f0c2aa",
    "fragment": "frag-secret-77",
    "wecom key": "693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa",
    "feishu uuid": "8b5e2f0c-1d4a-4c7e-9f3b-2a6d8e0c4b19",
}
WEBHOOKS = [
    f"https://monitor:{SECRETS['userinfo password']}@hooks.example.org/in",
    f"https://hooks.slack.com/services/T0AAAA1111/{SECRETS['slack path token']}",
    f"https://discord.com/api/webhooks/123456789012345678/{SECRETS['discord token']}",
    f"https://hooks.example.org/notify?sig={SECRETS['query token']}&v=2#{SECRETS['fragment']}",
    f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={SECRETS['wecom key']}",
    f"https://open.feishu.cn/open-apis/bot/v2/hook/{SECRETS['feishu uuid']}",
]


@pytest.fixture
def root_logging() -> Iterator[None]:
    """`cli.main` installs its own handler on the root logger (on pytest's captured stderr): undo it."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def _leaks(text: str) -> list[str]:
    return [name for name, value in SECRETS.items() if value in text or value.split("/")[-1] in text]


@pytest.mark.usefixtures("root_logging")
def test_subscriptions_list_masks_webhook_credentials(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "d")]
    for url in WEBHOOKS:
        code, out = _run(capsys, *data, "subscribe", "--webhook", url)
        assert code == 0, out
    _, text = _run(capsys, *data, "subscriptions", "list")
    _, as_json = _run(capsys, *data, "subscriptions", "list", "--json")
    assert not _leaks(text) and not _leaks(as_json), (_leaks(text), _leaks(as_json), text)
    targets = [row["target"] for row in json.loads(as_json)]
    assert targets == [
        "https://monitor:****@hooks.example.org/in",
        "https://hooks.slack.com/services/****/****/****",
        "https://discord.com/api/webhooks/****/****",
        "https://hooks.example.org/notify?sig=****&v=****#****",
        "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****",
        "https://open.feishu.cn/open-apis/bot/v2/hook/****",
    ]


def test_masked_url_never_raises_on_a_stored_bad_url() -> None:
    assert masked_url("http://hooks.example.org:99999/x?token=abc") == "http://**** (unparsable URL)"
    assert masked_url("http://[::1/hook?token=abc") == "http://**** (unparsable URL)"


def test_demo_prints_the_database_url_without_its_password(capsys: pytest.CaptureFixture[str]) -> None:
    password = "Pg-Pa55word-c0ffee"
    url = f"postgresql+psycopg://policywatch:{password}@db.internal:5432/policywatch"
    settings = SimpleNamespace(database_url=url, outbox_path=Path("/tmp/outbox"), data_path=Path("/tmp/demo"))
    app = SimpleNamespace(settings=settings,
                          factory=_EmptySession)
    report = SimpleNamespace(by_source=dict, failed=[], results=[])
    cli._demo_summary(app, report, None, [])
    out = capsys.readouterr().out
    assert password not in out
    assert "database: postgresql+psycopg://policywatch:***@db.internal:5432/policywatch" in out


class _EmptySession:
    """Just enough of a SQLAlchemy session for `_demo_summary`'s one count query."""

    def __enter__(self) -> _EmptySession:
        return self

    def __exit__(self, *_exc: object) -> None:
        pass

    def execute(self, _statement: object) -> SimpleNamespace:
        return SimpleNamespace(all=list)


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql+psycopg://u:pw-secret@h/db", "postgresql+psycopg://u:***@h/db"),
    ("postgresql://u:pa/ss-secret@h/db", "postgresql://u:***@h/db"),  # an unencoded "/" in the password
    ("postgresql://h/db?sslmode=require&password=pw-secret", "postgresql://h/db?sslmode=require&password=***"),
    ("postgresql+psycopg://policywatch@localhost/policywatch", "postgresql+psycopg://policywatch@localhost/policywatch"),
    ("sqlite:////var/lib/policywatch/policywatch.sqlite3", "sqlite:////var/lib/policywatch/policywatch.sqlite3"),
])
def test_redact_hides_userinfo_and_query_passwords(url: str, shown: str) -> None:
    assert redact(url) == shown


@pytest.mark.usefixtures("root_logging")
@pytest.mark.parametrize("name", ["nl\n", "tab\tname", "a\rb", "../up", "x" * 65])
def test_atom_name_with_control_characters_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      name: str) -> None:
    code, out = _run(capsys, "--data-dir", str(tmp_path / "d"), "subscribe", "--atom", name)
    assert code == cli.EXIT_USAGE and "--atom takes a feed name" in out, out
    assert not (tmp_path / "d" / "feeds").exists() or not list((tmp_path / "d" / "feeds").iterdir())


def test_a_webhook_subscription_is_not_named_after_its_secret_url(tmp_path: Path) -> None:
    """The label became the subscriber name, which every digest carries as ``subscription_name``."""
    import subprocess
    import sys

    from sqlalchemy import select

    from policywatch.app import App
    from policywatch.config import load_settings
    from store.models import Subscriber

    token = "hooktoken9f8e7d6c5b4a"
    url = f"https://hooks.example.com/services/{token}?key={token}"
    env = {"PATH": "/usr/bin:/bin"}
    made = subprocess.run([sys.executable, "-m", "policywatch", "--data-dir", str(tmp_path), "subscribe",
                           "--webhook", url], capture_output=True, text=True, timeout=120, env=env)
    assert made.returncode == 0, made.stderr
    app = App.open(load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path)}))
    with app.factory() as session:
        names = list(session.scalars(select(Subscriber.name)))
    app.engine.dispose()
    assert names and all(token not in n for n in names), names
