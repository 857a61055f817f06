"""Platform adapters: one per CMS family, shared by every site that runs it."""

from __future__ import annotations

from parsers.platforms.base import Platform
from parsers.platforms.generic import GenericPlatform
from parsers.platforms.trs import TrsPlatform

PLATFORMS: dict[str, Platform] = {
    p.name: p for p in (TrsPlatform(), GenericPlatform())
}


def get_platform(name: str) -> Platform:
    try:
        return PLATFORMS[name]
    except KeyError:
        raise KeyError(f"unknown platform {name!r}; known: {', '.join(sorted(PLATFORMS))}") from None
