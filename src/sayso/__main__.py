"""``python -m sayso`` is the ``sayso`` command."""

import sys

from sayso.cli import main

sys.exit(main())
