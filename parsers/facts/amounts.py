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


# -- display: shared by digests (notifier) and reports (store) -------------------------------

def format_yuan(amount: float | int | str | Decimal | None) -> str:
    """Format a yuan amount the way notices write it: 2000万元, 20亿元, 1.5亿元, 800元; None -> ""."""
    if amount is None:
        return ""
    value = Decimal(str(amount))
    for unit, scale in (("亿元", Decimal(100_000_000)), ("万元", Decimal(10_000))):
        if abs(value) >= scale:
            return _plain_decimal(value / scale) + unit
    return _plain_decimal(value) + "元"


def format_ratio(ratio: float | int | str | Decimal | None) -> str:
    """0.3 → "30%"; 30 → "30%" (parsers may give either a fraction or a percentage); None -> ""."""
    if ratio is None:
        return ""
    value = Decimal(str(ratio))
    if abs(value) <= 1:
        value *= 100
    return _plain_decimal(value) + "%"


def _plain_decimal(value: Decimal) -> str:
    # Round to 4 places to drop float noise (0.30000000000000004), then strip zeros.
    text = format(value.quantize(Decimal("0.0001")).normalize(), "f")
    return text
