"""Pure functions from page text + URL to frozen dataclasses. No I/O, no clock."""
