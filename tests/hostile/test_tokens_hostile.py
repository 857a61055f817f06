"""Unsubscribe tokens are unguessable and tamper-evident: any change to the token, the signature or
the key is rejected, and ``policywatch unsubscribe`` refuses a forged token."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notifier.admin import subscribe, unsubscribe
from notifier.subscriptions import new_token, sign_token, verify_token
from policywatch.app import App
from policywatch.config import load_settings
from policywatch.errors import PolicywatchError

SECRET = "0f" * 32


def test_tokens_are_long_random_and_distinct() -> None:
    tokens = {new_token() for _ in range(2000)}
    assert len(tokens) == 2000
    assert min(len(t) for t in tokens) >= 24  # 18 random bytes = 144 bits
    signed = sign_token(next(iter(tokens)), SECRET)
    assert len(signed.rpartition(".")[2]) >= 16  # >= 96-bit MAC


URLSAFE = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(token=URLSAFE, index=st.integers(min_value=0), char=st.characters(codec="utf-8"))
def test_any_single_change_is_rejected(token: str, index: int, char: str) -> None:
    signed = sign_token(token, SECRET)
    assert verify_token(signed, SECRET) == token
    pos = index % len(signed)
    tampered = signed[:pos] + char + signed[pos + 1:]
    if tampered.strip() != signed:
        assert verify_token(tampered, SECRET) is None, tampered


@pytest.mark.parametrize("forge", [
    lambda t, s: t,  # no signature
    lambda t, s: s + "A",  # longer signature
    lambda t, s: s[:-1],  # truncated signature
    lambda t, s: "x" + s,  # other token, same signature
    lambda t, s: sign_token(t, "another-secret"),  # signed with another key
    lambda t, s: sign_token(t, ""),  # signed with the empty key
    lambda t, s: ".".join([t, s.rpartition(".")[2], "x"]),
    lambda t, s: "",
    lambda t, s: ".",
    lambda t, s: "'); DROP TABLE subscription;--",
    lambda t, s: s[:-2] + "é\udcff",  # non-ASCII and a lone surrogate: rejected, not a TypeError
])
def test_forged_tokens_are_rejected(forge: object) -> None:
    token = new_token()
    signed = sign_token(token, SECRET)
    assert verify_token(signed, SECRET) == token
    assert verify_token(forge(token, signed), SECRET) is None  # type: ignore[operator]


def test_cli_unsubscribe_refuses_forged_token_and_accepts_real_one(tmp_path: Path) -> None:
    settings_ = load_settings(environ={"POLICYWATCH_DATA_DIR": str(tmp_path), "POLICYWATCH_SECRET": SECRET})
    app = App.open(settings_)
    try:
        args = argparse.Namespace(email=None, wecom_key=None, serverchan_key=None, pushplus_token=None,
                                  webhook=None, outbox=True, city=[], source=[], topic=[], event=[], keyword=[],
                                  min_amount=None, schedule="immediate", name=None, backlog_days=0)
        sub_id, signed = subscribe(app, args)
        token, _, sig = signed.rpartition(".")
        for forged in (token + "." + sig[::-1], token[:-1] + "A." + sig, sign_token(token, "guess")):
            with pytest.raises(PolicywatchError):
                unsubscribe(app, forged)
        assert unsubscribe(app, signed) == sub_id
    finally:
        app.engine.dispose()
