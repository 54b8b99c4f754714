"""``python tests/_stand_in_sayso.py ARGS``: the sayso command line with the store tests' stand-in analysis and
embedder, so that a test can run real ``sayso ingest`` processes side by side without loading a model. The
embedder takes a moment, as a real one does, so that two processes' clustering overlaps."""

from __future__ import annotations

import importlib
import sys
import time
from typing import Any

from _store_helpers import Topics, stand_in
from sayso import pipeline
from sayso.cli import main


class SlowTopics(Topics):
    def encode(self, texts: list[str]) -> Any:
        time.sleep(0.2)
        return super().encode(texts)


# at import, not under __main__: the worker processes of `--workers N` import this file (as __mp_main__) too
pipeline.analyze = stand_in  # type: ignore[assignment]
importlib.import_module("sayso.clusters.embed").default_embedder = SlowTopics  # the module, not the function

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
