"""Pure functions from page text + URL to frozen dataclasses. No I/O, no clock."""

# Import order matters: parsers.detail needs parsers.platforms.base, whose package imports the
# platforms, which import parsers.detail. Loading the platforms first breaks the cycle, so that
# `import parsers.notice` (or parsers.detail) works on its own and not only after other imports.
import parsers.platforms  # noqa: F401
