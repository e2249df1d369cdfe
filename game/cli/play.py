"""Starting the window: kept apart so headless commands never import pygame."""

from __future__ import annotations

import argparse
import sys


def run_title_screen(args: argparse.Namespace) -> int:
    try:
        from game.ui.app import run
    except ImportError as error:  # the window is not installed or has no display
        print(f"the game window could not start: {error}", file=sys.stderr)
        return 1
    return run(args)
