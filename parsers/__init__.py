"""Pure functions from page text + URL to frozen dataclasses. No I/O, no clock.

``parsers.page`` is the vocabulary every module here shares (contexts, requests, entries, detail
pages, the ``Platform`` protocol, count-checked selection); the adapters in ``parsers.platforms``
sit above it and nothing below imports them, so any module can be imported on its own.
"""
