"""The Docker Compose file of the worker topology (packaging/compose.workers.yml), read as Compose reads it.

No Docker engine runs here, so this checks what can go wrong without one: every policywatch command
in it is one the real CLI accepts, every queue is one the engine knows, the secrets come only from the
env file (a value under ``environment:`` overrides ``env_file``, so a database URL there would drop
the password), and the env file it names ships as an example carrying every variable it needs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from crawler.registry import QUEUES
from policywatch.cli import build_parser

PACKAGING = Path(__file__).resolve().parent.parent / "packaging"
SECRETS = {"POSTGRES_PASSWORD", "POLICYWATCH_DATABASE_URL", "POLICYWATCH_SECRET", "POLICYWATCH_SMTP_PASSWORD"}


def _compose() -> dict[str, Any]:
    data = yaml.safe_load((PACKAGING / "compose.workers.yml").read_text("utf-8"))  # resolves `<<:` merges
    assert isinstance(data, dict)
    return data


def _ours(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: svc for name, svc in data["services"].items() if svc.get("image", "").startswith("policywatch")}


def _example_keys(name: str) -> set[str]:
    text = (PACKAGING / f"{name}.example").read_text("utf-8")
    return {m.group(1) for m in re.finditer(r"^([A-Z_]+)=", text, re.M)}


def test_every_service_command_is_one_the_cli_accepts() -> None:
    services = _ours(_compose())
    assert {"scheduler", "worker", "worker-cn", "web"} <= set(services)
    parser = build_parser()
    for name, svc in services.items():
        args = parser.parse_args(svc["command"])
        for queue in getattr(args, "queue", None) or ():
            assert queue in QUEUES, (name, queue)


def test_secrets_come_only_from_the_env_file() -> None:
    data = _compose()
    for name, svc in data["services"].items():
        env = svc.get("environment") or {}
        assert not SECRETS & set(env), (name, env)
        assert svc.get("env_file") == "compose.env", name
    assert _example_keys("compose.env") >= SECRETS
    example = (PACKAGING / "compose.env.example").read_text("utf-8")
    assert not re.search(r"^(POSTGRES_PASSWORD|POLICYWATCH_SECRET|POLICYWATCH_SMTP_PASSWORD)=\S", example, re.M)
    gitignored = (PACKAGING.parent / ".gitignore").read_text("utf-8").split()
    assert "/packaging/compose.env" in gitignored


@pytest.mark.parametrize("queue", sorted(QUEUES))
def test_each_queue_has_a_worker_service(queue: str) -> None:
    parser = build_parser()
    served = {q for svc in _ours(_compose()).values() if svc["command"][0] == "worker"
              for q in parser.parse_args(svc["command"]).queue}
    assert queue in served
