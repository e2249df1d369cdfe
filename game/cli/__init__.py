"""The command line: a thin argparse layer over the game's functions (`python main.py --help`).

Exit codes: 0 success, 1 the input is wrong (invalid scenario, damaged save), 2 usage error.
No command prints a traceback for bad input; unexpected failures say where to report them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from game.cli import commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description="Crossroads: US policy in Central Asia, a strategy game and classroom simulation.",
    )
    sub = parser.add_subparsers(dest="command")
    for name, (register, _) in commands.COMMANDS.items():
        # argparse %-formats `help` but prints `description` as written, so only help is escaped.
        text = commands.HELP[name]
        register(sub.add_parser(name, help=text.replace("%", "%%"), description=text))
    return parser


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    command = args.command or "title"
    run: Callable[[argparse.Namespace], int] = commands.COMMANDS[command][1] if args.command else commands.run_title
    try:
        return run(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return 0
    except OSError as error:  # a path the command could not read or write: say which, no traceback
        where = f" {error.filename}" if error.filename else ""
        print(f"python main.py {command}: error: cannot use{where}: {error.strerror or error}", file=sys.stderr)
        return 1
