"""The command line: a thin shell over the API. ``sayso --help`` lists the commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sayso.cli import commands
from sayso.cli.render import terminal_safe
from sayso.cli.store_commands import STORE_COMMANDS
from sayso.errors import SaysoError

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sayso", description="On whose say-so? Who claims what in news articles.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (*commands.COMMANDS, *STORE_COMMANDS):
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except SaysoError as err:
        print(f"sayso: {terminal_safe(str(err))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sayso: interrupted", file=sys.stderr)
        return 130
