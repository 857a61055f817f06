"""The eighteen MOST pilot zones as public material records them (`pilot_zone_reference.json`).

Reference facts, not extracted ones: the report shows a zone from the archive once the archive
holds its approval, and from here (marked ``reference``) until then. Unknown values stay None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

DATE_KINDS = ("letter", "published", "month")  # the letter's date / MOST's publication date / month only


@dataclass(frozen=True)
class ZoneReference:
    number: int  # approval order, 1-18
    city: str  # the extractor's convention: no trailing 市; counties keep 县
    province: str
    approved: str  # ISO date, or YYYY-MM when date_kind is "month"
    date_kind: str
    doc_number: str | None
    letter_url: str | None
    basis: str  # what public material the facts come from
    note: str


@cache
def pilot_zones() -> tuple[ZoneReference, ...]:
    raw = json.loads(resources.files(__package__).joinpath("pilot_zone_reference.json").read_text("utf-8"))
    zones = tuple(ZoneReference(**z) for z in raw["zones"])
    bad = [z.city for z in zones if z.date_kind not in DATE_KINDS]
    if bad or [z.number for z in zones] != list(range(1, len(zones) + 1)):
        raise ValueError(f"pilot_zone_reference.json is inconsistent (date kinds: {bad})")
    return zones


# Provinces (and municipalities) of the reference zones, as filters accept them besides Chinese.
PROVINCE_PINYIN = {"北京": "beijing", "上海": "shanghai", "天津": "tianjin", "重庆": "chongqing",
                   "广东": "guangdong", "浙江": "zhejiang", "安徽": "anhui", "四川": "sichuan", "陕西": "shaanxi",
                   "山东": "shandong", "湖北": "hubei", "江苏": "jiangsu", "湖南": "hunan", "河南": "henan",
                   "辽宁": "liaoning", "黑龙江": "heilongjiang"}


@cache
def _province_map() -> dict[str, str]:
    out = {z.city: z.province for z in pilot_zones()}
    out.update({p: p for p in {z.province for z in pilot_zones()}})  # a province lies in itself
    return out


def province_of(place: str) -> str | None:
    """The province a place lies in: a zone city's province, a province itself, else None.

    Places are written as the archive writes them (no 市 / 省 suffix): ``杭州`` -> ``浙江``,
    ``德清县`` -> ``浙江``, ``北京`` -> ``北京`` (a municipality is its own province)."""
    return _province_map().get(place.removesuffix("市").removesuffix("省"))


# Cached: a notify sorts and heads thousands of digests by the same few dozen places.
@lru_cache(maxsize=4096)
def place_key(city: str) -> tuple[int, str, int, str]:
    """Sort key grouping places by province > city: national (全国) first, then the provinces in pinyin
    order (``PROVINCE_PINYIN``: anhui, beijing, chongqing …), each with its own departments (city = the
    province) before its cities, then places of no known province."""
    if city == "全国":
        return (0, "", 0, "")
    province = province_of(city)
    if province is None:
        return (2, city, 0, city)
    own = province == city.removesuffix("市").removesuffix("省")
    return (1, PROVINCE_PINYIN.get(province, province), 0 if own else 1, city)


@lru_cache(maxsize=4096)
def place_heading(city: str) -> str:
    """The digest's group heading for a place: ``浙江 › 杭州``, ``浙江`` (its departments), ``全国``."""
    province = province_of(city)
    if province is None or province == city.removesuffix("市").removesuffix("省"):
        return city
    return f"{province} › {city}"
