"""URL canonicalisation: one notice, one identity, however a list page spells its link."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

# Query parameters that never change the document (sites.md pitfall 9).
_NOISE_PARAMS = {"jump", "from", "spm", "utm_source", "utm_medium", "utm_campaign"}


def absolute(base: str, href: str) -> str:
    """Resolve a list-page href (relative, ``../../``, protocol-relative) against the page URL."""
    return urljoin(base, href.strip())


def canonical_url(url: str) -> str:
    """Drop the fragment and noise parameters, lower-case the host, and sort the query."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in _NOISE_PARAMS]
    path = parts.path or "/"
    # Haidian serves the same page as t..._hd.shtml; keep one spelling.
    if path.endswith("_hd.shtml"):
        path = path[: -len("_hd.shtml")] + ".shtml"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(sorted(query)), ""))


def url_uid(url: str) -> str:
    """Stable identity of a notice: scheme-independent, so an http/https switch is not a new notice."""
    canon = canonical_url(url)
    key = canon.split("://", 1)[-1]
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


def is_http_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"http", "https"} and bool(parts.netloc)  # "http:/etc/passwd" has no host
