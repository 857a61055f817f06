"""Bytes to text for Chinese government pages.

Order: BOM, then a declared ``<meta charset>``, then the HTTP header, then strict UTF-8, then GB18030.
The header comes *after* the meta tag on purpose: old MOST pages are GB2312 served with an
``ISO-8859-1`` header (sites.md pitfall 11), and w3lib/requests trust that header and produce mojibake.
GB2312 and GBK are decoded as their superset GB18030 so GBK-only characters survive.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "big5": "big5hkscs", "iso-8859-1": "cp1252", "latin-1": "cp1252", "us-ascii": "utf-8"}
# Headers that servers send by default rather than because they know the page's encoding.
_UNTRUSTED_HEADER = {"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"}


def normalise_encoding(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, _SUPERSETS.get(name.strip().lower(), canonical))


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", content_type, re.I)
    return match.group(1).lower() if match else None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding_used)``. Never raises: the last resort replaces bad bytes."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                     (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(enc, errors="replace"), enc
    candidates: list[str] = []
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    declared = header_charset(content_type)
    if declared and declared not in _UNTRUSTED_HEADER:
        candidates.append(declared)
    candidates += ["utf-8", "gb18030"]
    for name in candidates:
        found = normalise_encoding(name)
        if not found:
            continue
        enc = found
        try:
            return body.decode(enc), enc
        except UnicodeDecodeError:
            continue
    return body.decode("gb18030", errors="replace"), "gb18030"
