"""Mirror mode: a fixed URL mapping so any static server can stand in for the official sites.

``https://www.most.gov.cn/tztg/index_1.html?a=b`` is requested as
``{mirror}/www.most.gov.cn/tztg/index_1.html?a=b``; stored URLs stay the official ones.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def to_mirror(url: str, mirror: str) -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{mirror.rstrip('/')}/{parts.netloc}{path}{query}"
