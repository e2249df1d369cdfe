"""The window and its loop: open, pick the first scene, run scenes until quit.

The loop redraws only when something changed (an event, a scene saying it is dirty, or a
short grace period after input so hover effects and tooltips settle) and otherwise
sleeps in `pygame.event.wait`, so an idle window costs almost no CPU.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pygame

from game.ui import keymap
from game.ui.prefs import load_ui_scale
from game.ui.scene import Context, Scene, Settings, Transition
from game.ui.text import Text

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (1024, 640)
ACTIVE_AFTER_INPUT_S = 1.0
PASS_THROUGH_KEYS = (pygame.K_ESCAPE, pygame.K_F9)
NO_DISPLAY = (
    "the game window could not open: no display is available ({error}).\n"
    "Run it on a desktop, or play headless with: python main.py simulate --help"
)


class App:
    """Owns the window, the scene stack and the loop."""

    def __init__(self, screen: pygame.Surface, ctx: Context) -> None:
        self.screen = screen
        self.ctx = ctx
        self.stack: list[Scene] = []
        self.clock = pygame.time.Clock()
        self.running = True
        self.frames = 0
        self.last_input = 0.0
        self.shots: list[Path] = []
        self.max_fps = 60  # autoplay and tests lift the cap
        # A key that changed the scene also sends its TEXTINPUT; dropped until the next key, it
        # cannot land in a text box the new scene focused (answering "1" typed "1" in a reflection).
        self.drop_text = False

    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def apply(self, transition: Transition | None) -> None:  # noqa: C901 - one branch per key/transition, read top to bottom
        """Change the stack as a scene asked."""
        if transition is None:
            return
        kind = transition.kind
        if kind == "quit":
            self.running = False
        elif kind == "pop":
            self.stack.pop().on_leave()
            if not self.stack:
                self.running = False
            else:
                self.apply(self.top.on_resume())
        elif kind in ("push", "replace", "reset") and transition.scene is not None:
            if self.stack:
                self.top.hide_tooltips()
            if kind == "replace" and self.stack:
                self.stack.pop().on_leave()
            elif kind == "reset":
                for scene in self.stack:
                    scene.on_leave()
                self.stack.clear()
            self.stack.append(transition.scene)
            transition.scene.on_enter()
        elif kind == "rescale":
            self.ctx.text = Text(self.ctx.scale)
            for scene in self.stack:
                scene.ctx = self.ctx
                scene.rebuild(new_theme=True)
        elif kind == "resize" and transition.then is not None:
            self.resize(transition.then())
        self.top.dirty = bool(self.stack)

    def resize(self, size: tuple[int, int]) -> None:
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if size != self.screen.get_size():
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.ctx.size = size
        rescaled = abs(self.ctx.text.scale - self.ctx.scale) > 1e-9  # a larger window draws larger
        if rescaled:
            self.ctx.text = Text(self.ctx.scale)
        for scene in self.stack:
            scene.ctx = self.ctx
            scene.rebuild(new_theme=rescaled)

    def step(self, wait: bool = True) -> None:
        """One pass of the loop: events, update, draw if needed."""
        now = time.monotonic()
        idle = now - self.last_input > ACTIVE_AFTER_INPUT_S and not self.top.dirty
        dt = self.clock.tick(self.max_fps) / 1000
        events = pygame.event.get()
        if not events and idle and wait:
            first = pygame.event.wait(250)
            events = [first] if first.type != pygame.NOEVENT else []
            events += pygame.event.get()
        for event in events:
            self.handle(event)
            if not self.running:
                return
        scene = self.top
        scene.gui.update(dt)
        scene.keep_tooltips_on_screen()
        self.apply(scene.update(dt))
        if not self.running:
            return
        if self.top.dirty or time.monotonic() - self.last_input < ACTIVE_AFTER_INPUT_S:
            self.draw()

    def handle(self, event: pygame.event.Event) -> None:
        if event.type in (
            pygame.MOUSEMOTION,
            pygame.MOUSEBUTTONDOWN,
            pygame.MOUSEBUTTONUP,
            pygame.KEYDOWN,
            pygame.KEYUP,
            pygame.TEXTINPUT,
            pygame.MOUSEWHEEL,
            pygame.WINDOWEXPOSED,
        ):
            self.last_input = time.monotonic()
        if event.type == pygame.QUIT:
            from game.ui.scenes.message import quit_confirm

            if self.top.name == "dialog":
                self.running = False
            else:
                session = next((s.session for s in reversed(self.stack) if hasattr(s, "session")), None)
                self.apply(Transition("push", quit_confirm(self.ctx, session=session)))
            return
        if event.type == pygame.VIDEORESIZE:
            self.resize((event.w, event.h))
            return
        if event.type == pygame.KEYDOWN and keymap.action("anywhere", event.key) == "toggle_size":
            self.resize((1920, 1080) if self.ctx.size[0] < 1920 else DEFAULT_SIZE)
            return
        if event.type == pygame.TEXTINPUT and self.drop_text:
            return
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.drop_text = False  # a new key or a click into a box: typing is meant again
        scene = self.top
        if event.type == pygame.MOUSEMOTION:
            scene.tips.motion(event.pos)
        consumed = scene.gui.process_events(event)
        if consumed and event.type == pygame.KEYDOWN and event.key not in PASS_THROUGH_KEYS:
            return  # typing into a text box is not a shortcut (but Escape and F9 still work)
        self.apply(scene.handle_event(event))
        if event.type == pygame.KEYDOWN and self.stack and self.top is not scene:
            self.drop_text = True

    def draw(self) -> None:
        """Draw from the topmost full-screen scene up through any dialogs over it."""
        start = len(self.stack) - 1
        while start > 0 and self.stack[start].overlay:
            start -= 1
        for scene in self.stack[start:]:
            scene.draw(self.screen)
            scene.dirty = False
        pygame.display.flip()
        self.frames += 1

    def screenshot(self, name: str) -> Path | None:
        """Save what is on screen as DIR/NN-name.png (for --screenshot)."""
        if self.ctx.screenshot_dir is None:
            return None
        self.draw()
        path = self.ctx.screenshot_dir / f"{len(self.shots) + 1:02d}-{name}.png"
        pygame.image.save(self.screen, str(path))
        self.shots.append(path)
        return path

    def loop(self, script: Iterator[None] | None = None) -> int:
        if script is not None:
            next(script, None)  # the script pushes the first scene
        while self.running and self.stack:
            self.step(wait=script is None)
            if script is not None and self.running:
                try:
                    next(script)
                except StopIteration:
                    break
        return 0


HEADLESS_DRIVERS = ("offscreen", "dummy")


def open_window(size: tuple[int, int]) -> pygame.Surface:
    """Open the window; without a screen SDL falls back to an invisible driver, which is refused
    unless asked for (SDL_VIDEODRIVER=dummy for tests and --autoplay), so nobody plays blind."""
    pygame.display.init()
    if pygame.display.get_driver() in HEADLESS_DRIVERS and not os.environ.get("SDL_VIDEODRIVER"):
        driver = pygame.display.get_driver()
        pygame.display.quit()
        raise pygame.error(f"SDL found only its invisible '{driver}' video driver")
    pygame.font.init()
    pygame.display.set_caption("Crossroads")
    pygame.key.set_repeat(400, 40)
    return pygame.display.set_mode(size, pygame.RESIZABLE)


def make_app(args: argparse.Namespace, size: tuple[int, int] = DEFAULT_SIZE) -> App:
    """Open the window and build the app (tests use this too); raises pygame.error without a display."""
    screen = open_window(size)
    shots = getattr(args, "screenshot", None)
    folder = Path(shots) if shots else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    options = {"seed": getattr(args, "seed", None), "difficulty": getattr(args, "difficulty", None)}
    ctx = Context(size, Text(1.0), Settings(load_ui_scale()), options, folder)
    ctx.text = Text(ctx.scale)
    return App(screen, ctx)


def first_scene(app: App, args: argparse.Namespace, direct: bool) -> Scene:
    """The title screen, or for `play` the campaign (a loaded save, or a new one on --scenario)."""
    from game.ui import saves
    from game.ui.catalogue import check
    from game.ui.scenes.launch import campaign, start_campaign
    from game.ui.scenes.title import TitleScene

    ctx = app.ctx
    if not direct:
        return TitleScene(ctx)
    if getattr(args, "load", None):
        sim, error = saves.load_path(args.load)
        if sim is None:
            return _error_over_title(app, "The save could not be loaded", error)
        return campaign(ctx, sim)
    entry = check(Path(args.scenario))
    if entry.scenario is None:
        return _error_over_title(app, f"{entry.path.name} cannot be played", "\n".join(entry.problems[:6]))
    sim = start_campaign(
        ctx, entry.scenario, entry.path, getattr(args, "seed", None), getattr(args, "difficulty", None)
    )
    return campaign(ctx, sim)


def _error_over_title(app: App, title: str, message: str) -> Scene:
    from game.ui.scenes.message import MessageScene
    from game.ui.scenes.title import TitleScene

    app.apply(Transition("push", TitleScene(app.ctx)))
    return MessageScene(app.ctx, title, message)


def check_options(args: argparse.Namespace) -> str | None:
    """A one-line problem with --autoplay or --screenshot, found before the window opens."""
    autoplay = getattr(args, "autoplay", None)
    if autoplay is not None and autoplay < 1:
        return "--autoplay needs a number of turns of at least 1"
    shots = getattr(args, "screenshot", None)
    if shots:
        problem = screenshot_folder_problem(Path(shots))
        if problem:
            return f"cannot write screenshots to {shots}: {problem}"
    return None


def screenshot_folder_problem(folder: Path) -> str | None:
    """Why PNGs cannot be written into `folder` (None if they can). Nothing is left on disk."""
    if folder.exists() and not folder.is_dir():
        return "it is a file, not a folder"
    created = _missing_parents(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".crossroads-write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        return error.strerror or str(error)
    finally:
        remove_if_empty(created)
    return None


def _missing_parents(folder: Path) -> list[Path]:
    """The folders mkdir(parents=True) would create, deepest first."""
    missing = []
    for path in (folder, *folder.parents):
        if path.exists():
            break
        missing.append(path)
    return missing


def remove_if_empty(folders: list[Path]) -> None:
    """Remove folders we created (deepest first) if nothing was written into them."""
    for path in folders:
        try:
            path.rmdir()
        except OSError:
            return


def run(args: argparse.Namespace, direct: bool = True) -> int:
    """Entry point for `python main.py` (direct=False) and `python main.py play` (direct=True)."""
    problem = check_options(args)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    shots = getattr(args, "screenshot", None)
    created = _missing_parents(Path(shots)) if shots else []
    try:
        return _run(args, direct)
    finally:
        remove_if_empty(created)  # a failed autoplay leaves no empty screenshot folder behind


def _run(args: argparse.Namespace, direct: bool) -> int:
    try:
        app = make_app(args)
    except pygame.error as error:
        print(NO_DISPLAY.format(error=error), file=sys.stderr)
        return 1
    from game.ui import crash

    stop_on_sigterm(app)
    try:
        autoplay = getattr(args, "autoplay", None)
        if autoplay is not None:
            return _autoplay(app, args)
        crashed = crash.begin_session()
        app.apply(Transition("push", first_scene(app, args, direct)))
        if not direct:
            _offer_recovery(app, crash.recovery_autosave(crashed))
        code = app.loop()
        crash.end_session()  # only a normal return gets here: anything else leaves the marker
        return code
    finally:
        pygame.quit()


def stop_on_sigterm(app: App) -> None:
    """SIGTERM (`timeout`, `kill`, a shutting-down desktop) ends the game as Quit does.

    SDL turns it into a window-close event, which asks "Quit?" and waits for a click nobody
    at a terminal will make, so the process outlived `timeout 15 python main.py`. Python's
    handler runs between the loop's short waits; the autosave of the last turn is kept.
    """

    def stop(_signum: int, _frame: object) -> None:
        app.running = False

    signal.signal(signal.SIGTERM, stop)


def _offer_recovery(app: App, autosave: Path | None) -> None:
    """'Continue after a crash?' over the title screen, when the last session did not end cleanly."""
    if autosave is None:
        return
    from game.ui.scenes.message import continue_after_crash

    app.apply(Transition("push", continue_after_crash(app.ctx, autosave)))


def _autoplay(app: App, args: argparse.Namespace) -> int:
    from game.ui.autoplay import AutoplayError, autoplay_script

    try:
        app.max_fps = 0
        app.loop(autoplay_script(app, args))
    except AutoplayError as error:
        print(f"autoplay stopped: {error}", file=sys.stderr)
        return 1
    for path in app.shots:
        print(path)
    return 0
