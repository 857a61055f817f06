"""Money amounts: ``2000万元``, ``1.5亿元``, ``三千万元``, ``1,000元`` → int yuan."""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Any

_CN_NUM = "零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟"
# A Chinese numeral must start with a digit-like character (or 十), so that words such as
# 千万 ("by all means") or 百万 in prose are not read as amounts on their own.
_CN_START = "零〇一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"

AMOUNT_RE = re.compile(
    r"(?P<num>\d+(?:,\d{3})*(?:\.\d+)?(?:[千百]|[" + _CN_NUM + r"]*)?"
    r"|[" + _CN_START + r"][" + _CN_NUM + r"万亿]*?)"
    r"\s*(?P<unit>亿元|万元|元|亿(?=[\u4e00-\u9fff]{0,8}基金)|万(?=[\u4e00-\u9fff]{0,8}基金))"
)

AMOUNT_SCALE = {"亿元": 10**8, "万元": 10**4, "元": 1, "亿": 10**8, "万": 10**4}


@functools.cache
def _cn2an() -> Any:
    # cn2an's import costs ~0.3 s; pay it only when a Chinese-numeral amount shows up.
    import cn2an

    return cn2an


def amount_yuan(num: str, unit: str) -> int | None:
    """Value in yuan of a matched number + unit, or None if it cannot be read."""
    clean = num.replace(",", "")
    try:
        return int(Decimal(clean) * AMOUNT_SCALE[unit])
    except (InvalidOperation, KeyError):
        pass
    word = clean + ("" if unit in ("元",) else unit[0])
    try:
        value = _cn2an().cn2an(word, "smart")
    except Exception:
        return None
    return int(Decimal(str(value)))
