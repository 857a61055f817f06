"""Which network addresses outgoing requests may reach: the one internal-address rule.

Both the crawler (links and redirects on official pages, ``crawler/siteguard.py``) and the notifier
(webhook URLs typed by subscribers, ``notifier/channels/http.py``) send requests to hosts that
someone outside our control chose. Without a rule, such a request reaches 127.0.0.1:other-port, the
cloud metadata service (169.254.169.254) or a private network and hands our data to it. The rule:
an address is acceptable only when it is globally routable (not private, loopback, link-local,
shared, reserved, multicast or unspecified); an operator may allow named intranet hosts or
networks explicitly (`AllowList`).

This module is foundation: standard library and `policywatch.errors` only, so every room may use it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from policywatch.errors import ConfigError

IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
# host, port -> every address the host resolves to ([] when it does not resolve)
Resolver = Callable[[str, int], list[str]]


def parse_address(text: str) -> IpAddress | None:
    """The IP address in `text` (zone id dropped, IPv4-mapped IPv6 unwrapped); None if not an IP."""
    try:
        address = ipaddress.ip_address(text.split("%")[0].strip("[]"))
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        # ::ffff:127.0.0.1 is 127.0.0.1 on the wire; judge the IPv4 address.
        return address.ipv4_mapped
    return address


def is_global_address(text: str) -> bool:
    """True for a globally routable IP address; False for anything internal or not an address."""
    address = parse_address(text)
    return address is not None and address.is_global and not address.is_multicast


def is_public(addresses: Iterable[str]) -> bool:
    """True when there is at least one address and every one is globally routable."""
    found = list(addresses)
    return bool(found) and all(is_global_address(a) for a in found)


def resolve_host(host: str, port: int) -> list[str]:
    """Every address `host` resolves to (an IP literal resolves to itself); [] when it does not."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):  # gaierror is an OSError; UnicodeError: a label IDNA rejects
        return []
    return [str(info[4][0]) for info in infos]


def normal_host(host: str) -> str:
    return host.strip().strip("[]").lower().rstrip(".")


@dataclass(frozen=True)
class AllowList:
    """Internal destinations an operator allowed: host names (exact, case-insensitive), IP
    addresses and networks in CIDR notation (``10.20.0.0/16``)."""

    names: frozenset[str] = frozenset()
    networks: tuple[IpNetwork, ...] = ()

    @classmethod
    def parse(cls, entries: Iterable[str], what: str = "allow-list") -> AllowList:
        names: set[str] = set()
        networks: list[IpNetwork] = []
        for entry in entries:
            if not isinstance(entry, str) or not normal_host(entry):
                raise ConfigError(f"{what}: entries must be host names, IP addresses or networks, not {entry!r}")
            text = normal_host(entry)
            try:
                networks.append(ipaddress.ip_network(text, strict=False))
                continue
            except ValueError:
                pass
            if "/" in text or any(c.isspace() or not c.isprintable() for c in text):
                raise ConfigError(f"{what}: {entry!r} is neither a host name nor an IP network")
            names.add(text)
        return cls(frozenset(names), tuple(networks))

    def allows_name(self, host: str) -> bool:
        return normal_host(host) in self.names

    def allows_address(self, text: str) -> bool:
        address = parse_address(text)
        return address is not None and any(address in net for net in self.networks)

    def acceptable(self, text: str) -> bool:
        """An address a request may go to: global, or inside an allowed network."""
        return is_global_address(text) or self.allows_address(text)


@dataclass(frozen=True)
class Refusal:
    reason: str
    permanent: bool  # False when trying again later may succeed (the name did not resolve)


def refusal(host: str, port: int, allow: AllowList, resolver: Resolver = resolve_host) -> Refusal | None:
    """Why a request to `host:port` must not be made, or None when it may.

    An allowed host name is trusted whatever it resolves to (that is what allowing an intranet
    host means); otherwise every address the name resolves to must be acceptable, because the
    client may connect to any of them.
    """
    if allow.allows_name(host):
        return None
    if parse_address(host) is not None:
        if allow.acceptable(host):
            return None
        return Refusal(f"{host} is an internal address, not allow-listed", True)
    addresses = resolver(host, port)
    if not addresses:
        return Refusal(f"{host} does not resolve", False)
    internal = sorted({a for a in addresses if not allow.acceptable(a)})
    if internal:
        return Refusal(f"{host} resolves to internal address {', '.join(internal[:3])}, not allow-listed", True)
    return None
