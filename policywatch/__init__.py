"""policywatch: the command line, its wiring and the settings shared by every layer.

``policywatch.errors`` and ``policywatch.config`` are the foundation every layer may import;
``policywatch.app`` and ``policywatch.cli`` wire crawler, parsers, store and notifier together and
are imported by nothing below them (tests/test_architecture.py keeps it so).
"""
