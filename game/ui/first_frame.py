"""`python -m game.ui.first_frame [title|campaign]`: open the window, draw one frame, print how long it took.

The bench starts this in a fresh process with `CROSSROADS_T0` set to its own
`time.perf_counter()`; on Linux and macOS that clock is system-wide (monotonic), so the
printed figure is the time from just before the process started to the first flip,
interpreter start-up and imports included — what a player waits for.
"""

from __future__ import annotations

import argparse
import os
import sys
import time


def main(argv: list[str] | None = None) -> int:
    screen = (argv if argv is not None else sys.argv[1:] or ["title"])[0]
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    start = float(os.environ.get("CROSSROADS_T0", time.perf_counter()))
    import pygame

    from game.content.library import DEFAULT_SCENARIO
    from game.ui.app import first_scene, make_app
    from game.ui.scene import Transition

    args = argparse.Namespace(seed=1, difficulty=None, screenshot=None, load=None, scenario=str(DEFAULT_SCENARIO))
    app = make_app(args, (1280, 800))
    app.apply(Transition("push", first_scene(app, args, direct=screen == "campaign")))
    app.draw()
    print(f"{(time.perf_counter() - start) * 1000:.0f}")
    pygame.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
