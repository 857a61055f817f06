"""The project's error hierarchy: every failure a user can see is one of these."""

from __future__ import annotations


class PolicywatchError(Exception):
    """Base of every error policywatch raises on purpose."""


class ConfigError(PolicywatchError):
    """A configuration file, environment variable or command-line value is wrong."""


class ParseError(PolicywatchError):
    """A page could not be turned into a record."""


class SelectorError(ParseError):
    """A count-checked selector matched fewer (or more) nodes than declared.

    Raised instead of returning nothing so that a site redesign reaches ops as a
    failure, never as "no news".
    """

    def __init__(self, channel: str, selector: str, found: int, expected: str) -> None:
        self.channel = channel
        self.selector = selector
        self.found = found
        self.expected = expected
        super().__init__(
            f"channel {channel}: selector {selector!r} matched {found} node(s), expected {expected}"
        )


class BlockedError(PolicywatchError):
    """The site answered with a block page (WAF, geo-block, JS challenge, stub body)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)
