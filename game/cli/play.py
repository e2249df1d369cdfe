"""Starting the window: kept apart so headless commands never import pygame.

Owned by the UI work (issue 3): `run_title_screen` opens the title screen, `run_play`
starts a campaign directly (or autoplays it with screenshots).
"""

from __future__ import annotations

import argparse
import sys


def run_title_screen(args: argparse.Namespace) -> int:
    return run_play(args)


def run_play(args: argparse.Namespace) -> int:
    try:
        from game.ui.app import run
    except ImportError as error:
        print(f"the game window could not start: {error}", file=sys.stderr)
        return 1
    return run(args)
