"""Control characters out of page text: they are never content, and some are attacks.

A title carrying ``ESC[2J`` clears the analyst's terminal when ``search`` prints it; bidi overrides
(U+202A-U+202E, U+2066-U+2069) make a line read differently than it is stored. C0 controls (other
than tab and newline), DEL and C1 controls (U+0080-U+009F, which GBK pages mis-decoded as Latin-1
also produce) are dropped from titles, bodies and attachment names when a record is built.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """``text`` without control characters; tab and newline are kept."""
    return _CONTROLS.sub("", text)


def escape_controls(text: str) -> str:
    """For terminal output of rows stored before they were stripped: show them, never obey them."""
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                         else f"\\u{ord(m.group()):04x}", text)
