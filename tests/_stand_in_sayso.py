"""``python tests/_stand_in_sayso.py ARGS``: the sayso command line with the store tests' stand-in analysis and
embedder, so that a test can run real ``sayso ingest`` processes side by side without loading a model."""

from __future__ import annotations

import sys

from _store_helpers import Topics, stand_in
from sayso import pipeline
from sayso.cli import main
from sayso.clusters import embed

if __name__ == "__main__":
    pipeline.analyze = stand_in  # type: ignore[assignment]
    embed.default_embedder = Topics  # type: ignore[assignment]
    sys.exit(main(sys.argv[1:]))
