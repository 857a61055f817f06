"""Char-for-char text normalisation: full-width folding and Traditional → Simplified.

Every function here returns a string of exactly the input's length, so offsets found in the
normalised text are valid in the original (the caller keeps the original for display).
"""

from __future__ import annotations

import functools
import re

from opencc import OpenCC

# Characters that exist only in Traditional script and are frequent in policy texts. Their
# presence is the cheap signal that a page needs conversion; Simplified pages (the vast
# majority) then skip OpenCC entirely, which keeps extraction within a few milliseconds.
_TRAD_ONLY = (
    "國關於發號區為試驗與來這會後們說時個東車長門開問間體當現實點對動學頭從產業務經濟專書"
    "數據術設計機構網絡選標準議論處規劃廣財資補貼員聯華衛醫療藥電話臺灣鄉鎮縣廳辦"
    "課題項獎勵費額萬億條級應廠場傳統創權聽請讓認識變邊達運進還過際陽陰隊雙雜難電灣"
    "簡稱復製礎勞務續總線組織結綜繼緊範築節類顯風飛館馬驗鬥齊龍龜壽圖團園圍導將屬歷"
)
_TRAD_RE = re.compile("[" + _TRAD_ONLY + "]")

# Full-width ASCII block U+FF01..U+FF5E maps to U+0021..U+007E; ideographic space to space.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0xA0: 0x20})


@functools.cache
def _converter() -> OpenCC:
    # Built on first use, not at import: importing the package must stay cheap.
    return OpenCC("t2s")


def fold_width(text: str) -> str:
    """Map full-width ASCII (digits, letters, ``（）：％``) and odd spaces to ASCII."""
    return text.translate(_FOLD)


def looks_traditional(text: str) -> bool:
    return _TRAD_RE.search(text) is not None


def to_simplified(text: str) -> str:
    """Convert Traditional to Simplified, guaranteeing the output has the input's length.

    OpenCC's t2s tables map these texts char-for-char; if a phrase rule ever changes the
    length we fall back to converting one character at a time (slower, still aligned).
    """
    if not looks_traditional(text):
        return text
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    return "".join(_one_char(conv, ch) for ch in text)


def _one_char(conv: OpenCC, ch: str) -> str:
    got = conv.convert(ch)
    return got if len(got) == 1 else ch


def normalise(text: str) -> str:
    """The text all rules match against: folded and Simplified, same length as ``text``."""
    return to_simplified(fold_width(text))
