"""Datasette plugins loaded by ``policywatch browse`` (``--plugins-dir``); not imported by policywatch."""
