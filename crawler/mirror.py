"""Mirror mode: a fixed URL mapping so any static server can stand in for the official sites.

``https://www.most.gov.cn/tztg/index_1.html?a=b`` is requested as
``{mirror}/www.most.gov.cn/tztg/index_1.html?a=b``; stored URLs stay the official ones.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def from_mirror(url: str, mirror: str, scheme: str = "https") -> str:
    """The official URL a mirror URL stands for; a URL off the mirror is returned unchanged."""
    prefix = mirror.rstrip("/") + "/"
    if not url.startswith(prefix):
        return url
    return f"{scheme}://{url[len(prefix):]}"


def to_mirror(url: str, mirror: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{mirror.rstrip('/')}/{parts.netloc}{path}{query}"
