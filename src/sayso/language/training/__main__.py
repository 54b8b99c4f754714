"""``python -m sayso.language.training --data DATA --out DIR``: train sayso-nl and print its scores."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from sayso.errors import SaysoError
from sayso.language.training import train_dutch


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sayso.language.training",
        description="Train the Dutch spaCy pipeline sayso-nl from UD Dutch and the Europeana NER corpus. "
        "Run with OMP_NUM_THREADS=1 to keep it on one core.",
    )
    parser.add_argument("--data", type=Path, required=True, help="folder with ud-dutch/ and europeana-ner-nl/")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the trained pipeline to")
    parser.add_argument("--seed", type=int, default=0, help="random seed for training (the data split is fixed)")
    parser.add_argument("--max-minutes", type=float, default=None, help="time budget for the whole run")
    parser.add_argument(
        "--meantime",
        type=Path,
        default=None,
        help="folder with nl-meantime-*.txt/.gold.json for the out-of-domain NER check "
        "(default: DATA/../eval/dev when it has them)",
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("spacy").propagate = False  # spaCy logs through its own handler
    try:
        scores = train_dutch(
            args.data, args.out, seed=args.seed, max_minutes=args.max_minutes, meantime_dir=args.meantime
        )
    except SaysoError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(json.dumps(scores, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
