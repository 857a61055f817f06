"""Item pipeline: the one path from a crawl into the archive.

Every item (a notice, a withdrawal, a permanent fetch failure, notices seen again on a list) is
written in its own transaction through the ``ArchiveSink`` the runner binds to the pipeline class
(``bind``), so a crash mid-crawl loses nothing already stored and never leaves half a notice. An
item the sink refuses raises; Scrapy then emits ``item_error``, which the spider records as this
channel's error (a database outage is never "no news").
"""

from __future__ import annotations

from typing import Any, ClassVar

from crawler.plan import ARCHIVE_ITEMS, ArchiveSink


class StorePipeline:
    # Bound per crawl by ``bind``: Scrapy builds pipelines from classes and deep-copies settings,
    # so the sink cannot travel as a setting or a constructor argument.
    sink: ClassVar[ArchiveSink]

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, ARCHIVE_ITEMS):
            raise TypeError(f"not an archive item: {type(item).__name__}")
        return self.sink.write(item)


def bind(sink: ArchiveSink) -> type[StorePipeline]:
    """A pipeline class writing to ``sink``, for ``ITEM_PIPELINES``."""
    return type("BoundStorePipeline", (StorePipeline,), {"sink": sink})
