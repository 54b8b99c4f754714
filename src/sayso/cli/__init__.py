"""The command line: a thin shell over the API. ``sayso --help`` lists the commands."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from sayso import __version__
from sayso.cli import commands
from sayso.cli.render import terminal_safe
from sayso.cli.serve_command import SERVE
from sayso.cli.store_commands import STORE_COMMANDS
from sayso.errors import SaysoError

__all__ = ["build_parser", "main", "run"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sayso", description="On whose say-so? Who claims what in news articles.")
    parser.add_argument("--version", action="version", version=f"sayso {__version__}", help="print the version")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in (*commands.COMMANDS, *STORE_COMMANDS, SERVE):
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code = int(args.run(args) or 0)
        sys.stdout.flush()  # here, not at exit, so that a reader who left is seen below
        return code
    except SaysoError as err:
        print(f"sayso: {terminal_safe(str(err))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("sayso: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader left early (`sayso claims | head -1`): it has what it wanted
        _discard_stdout()
        return 0


def run() -> NoReturn:
    """The ``sayso`` command: ``main``, then exit with its code. What the command loaded is frozen first
    (``gc.freeze``), so the interpreter's last garbage collection does not walk the models' millions of
    objects: measured, exiting after loading both pipelines and the encoder took 0.27-0.30 s, frozen
    0.04 s, on every command that loads them."""
    code = main()
    gc.freeze()
    sys.exit(code)


def _discard_stdout() -> None:
    """Point stdout at the null device, so that Python's last flush at exit does not fail again."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test's capture): nothing is flushed at exit
        pass
