"""Starting the window: kept apart so headless commands never import pygame.

`run_title_screen` opens the title screen, `run_play` starts a campaign directly (or
autoplays it with screenshots). Both exit 1 with a message when there is no display.
"""

from __future__ import annotations

import argparse
import os
import sys

from game.content.library import DEFAULT_SCENARIO


def _defaults(args: argparse.Namespace) -> argparse.Namespace:
    """The title path gets a bare namespace: fill in what `play` would have parsed."""
    values = {
        "scenario": str(DEFAULT_SCENARIO),
        "seed": None,
        "difficulty": None,
        "load": None,
        "autoplay": None,
        "strategy": "balanced",
        "screenshot": None,
    }
    for name, value in values.items():
        if not hasattr(args, name):
            setattr(args, name, value)
    return args


def _start(args: argparse.Namespace, direct: bool) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # pygame's banner is noise to a player
    try:
        from game.ui.app import run
    except ImportError as error:
        print(f"the game window could not start: {error}", file=sys.stderr)
        return 1
    return run(_defaults(args), direct=direct)


def run_title_screen(args: argparse.Namespace) -> int:
    return _start(args, direct=False)


def run_play(args: argparse.Namespace) -> int:
    return _start(args, direct=True)
