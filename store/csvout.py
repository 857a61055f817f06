"""CSV that a spreadsheet opens as data, never as formulas (OWASP "CSV injection").

Titles and bodies come from web pages anyone on the path of a plain-HTTP site can write. A cell
starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula by Excel,
LibreOffice and Sheets (``=HYPERLINK(...)``, ``=WEBSERVICE(...)``); such text cells get a leading
``'``, which spreadsheets show as plain text. Numbers are written as they are. Every CSV the project
writes (``export``, ``search --csv``, ``report --format csv``) goes through ``writer``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Excel and WPS on Chinese Windows read a CSV without it as GBK and garble every character. Written at
# the start of CSV *files* (``--no-bom`` turns it off); never on standard output, where it would be
# noise in a pipe.
BOM = "\ufeff"


def cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class SafeWriter:
    """``csv.DictWriter`` with every text cell neutralised."""

    def __init__(self, out: IO[str], fields: Sequence[str]) -> None:
        self._writer = csv.DictWriter(out, list(fields), extrasaction="ignore")

    def writeheader(self) -> None:
        self._writer.writeheader()

    def writerow(self, row: Mapping[str, Any]) -> None:
        self._writer.writerow({k: cell(v) for k, v in row.items()})

    def writerows(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out: IO[str], fields: Sequence[str]) -> SafeWriter:
    return SafeWriter(out, fields)
