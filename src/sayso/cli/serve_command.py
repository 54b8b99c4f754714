"""``sayso serve``: the web workspace over the store (``sayso.web``)."""

from __future__ import annotations

import argparse

from sayso.cli.commands import Command
from sayso.cli.store_commands import DB_HELP
from sayso.errors import SaysoError


def run_serve(args: argparse.Namespace) -> int:
    try:
        from sayso.web import serve
    except ImportError as err:
        raise SaysoError(
            f"the web workspace needs its extra packages ({err.name} is missing): pip install 'sayso[web]'"
        ) from None
    serve(args.db, args.host, args.port)
    return 0


def _serve_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", help=DB_HELP)
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default 127.0.0.1, this machine only; any other needs the token printed)",
    )
    p.add_argument("--port", type=int, default=8000, help="the port to listen on (default 8000)")


SERVE = Command(
    "serve",
    "Open the web workspace: articles with their claims highlighted, clusters, sources and grades, search.",
    run_serve,
    _serve_args,
)
