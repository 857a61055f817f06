"""Flatten absurd tag nesting before lxml sees it, so no text is lost.

Old WYSIWYG editors leave thousands of unclosed ``<font>`` tags. libxml2 stops building the tree at
a depth of about 2,000 (256 without ``huge_tree``) and silently drops everything after that point: the
notice body, the attachments, the rest of the page. Here, tags that would open deeper than
``MAX_DEPTH`` are removed (with their matching close tags); their text stays where it was. Formatting
that deep carries no meaning, and the page's structure above that depth (the containers the
selectors look for) is untouched.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

MAX_DEPTH = 256
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                   "source", "track", "wbr", "basefont", "frame", "isindex", "keygen"})
# Raw-text elements: their content is not markup; a "<font>" inside a script is not a tag.
_RAW = re.compile(r"<(script|style|textarea|title)\b.*?</\1\s*>", re.I | re.S)


def may_be_too_deep(html: str, limit: int = MAX_DEPTH) -> bool:
    """A cheap test (two C-speed counts): could any point of the page nest deeper than ``limit``?

    Unclosed tags are the real-world cause: opens minus closes bounds the final depth from above
    (void elements inflate it, which only costs an unneeded scan).
    """
    return html.count("<") - 2 * html.count("</") > limit


def flatten(html: str, limit: int = MAX_DEPTH) -> str:
    """``html`` with every tag that would open deeper than ``limit`` removed, text kept.

    Depth follows the open elements the way an HTML parser closes them: ``</x>`` closes the nearest
    open ``x`` and everything opened inside it. A close tag whose open tag was removed is removed.
    """
    raw_spans = [m.span() for m in _RAW.finditer(html)]
    raw_starts = [a for a, _ in raw_spans]
    out: list[str] = []
    pos = 0
    stack: list[str] = []
    dropped: Counter[str] = Counter()
    for match in _TAG.finditer(html):
        i = bisect.bisect_left(raw_starts, match.start()) - 1
        if i >= 0 and match.end() < raw_spans[i][1]:
            continue  # inside a script/style: not a tag
        if _keep(match, stack, dropped, limit):
            continue
        out.append(html[pos:match.start()])
        pos = match.end()
    out.append(html[pos:])
    return "".join(out)


def _keep(match: re.Match[str], stack: list[str], dropped: Counter[str], limit: int) -> bool:
    closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
    if closing:
        if name in stack:
            del stack[len(stack) - 1 - stack[::-1].index(name):]
            return True
        if dropped[name]:
            dropped[name] -= 1
            return False
        return True  # a stray close tag: the parser's business
    if name in _VOID or self_closing:
        return True
    if len(stack) >= limit:
        dropped[name] += 1
        return False
    stack.append(name)
    return True
