"""``python -m policywatch``: the same entry point as the ``policywatch`` console script."""

from policywatch.cli import main

raise SystemExit(main())
