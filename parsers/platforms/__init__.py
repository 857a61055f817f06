"""Platform adapters: one per CMS family, shared by every site that runs it."""

from __future__ import annotations

from parsers.page import Platform
from parsers.platforms.anhui import AnhuiPlatform
from parsers.platforms.generic import GenericPlatform
from parsers.platforms.gkmlpt import GkmlptPlatform
from parsers.platforms.jcms import JcmsPlatform
from parsers.platforms.jslist import JsListPlatform
from parsers.platforms.jsonlist import JsonListPlatform
from parsers.platforms.shanghai import ShanghaiPlatform
from parsers.platforms.trs import TrsPlatform
from parsers.platforms.ucap import UcapPlatform

PLATFORMS: dict[str, Platform] = {
    p.name: p for p in (TrsPlatform(), GenericPlatform(), JsListPlatform(), ShanghaiPlatform(),
                        GkmlptPlatform(), JcmsPlatform(), AnhuiPlatform(), UcapPlatform(),
                        JsonListPlatform())
}


def get_platform(name: str) -> Platform:
    try:
        return PLATFORMS[name]
    except KeyError:
        raise KeyError(f"unknown platform {name!r}; known: {', '.join(sorted(PLATFORMS))}") from None
