"""Crossroads: start the game, or run a headless command (`python main.py --help`)."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
