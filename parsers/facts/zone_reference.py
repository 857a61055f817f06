"""The eighteen MOST pilot zones as public material records them (`pilot_zone_reference.json`).

Reference facts, not extracted ones: the report shows a zone from the archive once the archive
holds its approval, and from here (marked ``reference``) until then. Unknown values stay None.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
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
