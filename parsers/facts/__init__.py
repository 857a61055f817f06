"""Deterministic fact extraction from notice text: 文号, issuers, dates, topics, events.

No network, no model, no clock: every function is pure. See docs/extraction.md.
"""

from .api import explain, extract_facts
from .model import DocText, Evidence, Facts

__all__ = ["DocText", "Evidence", "Facts", "explain", "extract_facts"]
