"""`run_bench_ui()`: the window's speed figures for `python main.py bench`, beside their targets.

Measured under the dummy video driver at 1280×800 so it runs anywhere (CI, a laptop with
no display) and compares like with like: a bare fill+flip loop in the same run gives the
floor the campaign frame is compared with. Figures, not a pass/fail test: machines differ.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

SIZE = (1280, 800)
FRAMES = 300
IDLE_SECONDS = 5.0
TARGETS = {"median": 3.0, "p95": 6.0, "first_frame": 1000.0, "idle_cpu": 5.0, "stall": 100.0}
ROOT = Path(__file__).resolve().parents[2]


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _ok(value: float, target: float) -> str:
    return "ok" if value <= target else "MISSED"


@contextmanager
def _headless() -> Iterator[Path]:
    """Dummy drivers and a throwaway save folder (End Turn autosaves), restored afterwards."""
    keys = ("SDL_VIDEODRIVER", "SDL_AUDIODRIVER", "CROSSROADS_HOME")
    saved = {key: os.environ.get(key) for key in keys}
    with tempfile.TemporaryDirectory(prefix="crossroads-bench-") as home:
        os.environ.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", CROSSROADS_HOME=home)
        try:
            yield Path(home)
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value


def _frames(step: Callable[[], None], count: int = FRAMES) -> list[float]:
    for _ in range(20):  # warm caches first
        step()
    samples = []
    for _ in range(count):
        start = time.perf_counter()
        step()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def first_frame_ms(screen: str = "title") -> float | None:
    """Milliseconds from just before a fresh process starts to its first drawn frame."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env["CROSSROADS_T0"] = repr(time.perf_counter())
    result = subprocess.run(
        [sys.executable, "-m", "game.ui.first_frame", screen],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    lines = result.stdout.strip().splitlines()
    try:
        return float(lines[-1])
    except (IndexError, ValueError):
        return None


def _campaign_app() -> tuple[object, object]:
    import pygame  # noqa: F401 - the display must exist before the app

    from game.ai.doctrine import choose_rival_orders
    from game.content.library import DEFAULT_SCENARIO
    from game.content.loader import load_scenario
    from game.sim.engine import Simulation
    from game.ui.app import make_app
    from game.ui.scene import push
    from game.ui.scenes.campaign import CampaignScene

    app = make_app(argparse.Namespace(seed=1, difficulty=None, screenshot=None), SIZE)
    app.max_fps = 0
    sim = Simulation(
        load_scenario(DEFAULT_SCENARIO), 1, rival_chooser=choose_rival_orders, scenario_path=str(DEFAULT_SCENARIO)
    )
    scene = CampaignScene(app.ctx, sim)
    app.apply(push(scene))
    app.step(wait=False)
    return app, scene


def _idle_cpu(app: object) -> float:
    """CPU share of one core while the real loop idles on the campaign screen."""
    app.last_input = 0.0  # type: ignore[attr-defined]
    app.step(wait=False)  # type: ignore[attr-defined]
    cpu, wall = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall < IDLE_SECONDS:
        app.step(wait=True)  # type: ignore[attr-defined]
    return 100 * (time.process_time() - cpu) / (time.perf_counter() - wall)


def _turn_stall(app: object, scene: object) -> tuple[float, str]:
    """The longest frame while a turn is clicked through with posted events, and what it was."""
    import pygame

    steps: list[tuple[str, Callable[[], None]]] = []

    def click(pos: tuple[int, int]) -> None:
        for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            pygame.event.post(pygame.event.Event(kind, pos=pos, button=1))

    def key(code: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode="", scancode=0))

    def order() -> None:
        label = next(w.text for w in app.top.handlers if w.text.startswith("Education exchanges"))  # type: ignore[attr-defined]
        click(app.top.button_rect(label).center)  # type: ignore[attr-defined]

    steps.append(("select a state on the map", lambda: click(scene.map.screen_point("uzbekistan"))))  # type: ignore[attr-defined]
    steps.append(("queue an order", order))
    steps.append(("switch track", lambda: key(pygame.K_2)))
    steps.append(("next state", lambda: key(pygame.K_TAB)))
    steps.append(("End Turn (resolve, autosave, report)", lambda: key(pygame.K_RETURN)))
    steps.append(("report: next page", lambda: key(pygame.K_RIGHT)))
    steps.append(("close the report", lambda: key(pygame.K_RETURN)))
    for _ in range(4):  # event dialogs and reflection prompts that follow
        steps.append(
            ("answer / skip a dialog", lambda: key(pygame.K_1 if app.top.name == "event" else pygame.K_ESCAPE))
        )  # type: ignore[attr-defined]
    worst, what = 0.0, ""
    for label, post in steps:
        post()
        for _ in range(3):  # the frame that handles the input, and the two after it
            start = time.perf_counter()
            app.step(wait=False)  # type: ignore[attr-defined]
            took = (time.perf_counter() - start) * 1000
            if took > worst:
                worst, what = took, label
    return worst, what


def run_bench_ui() -> list[str]:
    """The window's figures as lines to print (an explanation instead if pygame cannot run)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        import pygame
    except ImportError as error:
        return [f"window: skipped, pygame is not installed ({error})"]
    with _headless():
        try:
            app, scene = _campaign_app()
        except pygame.error as error:
            return [f"window: skipped, the dummy display could not open ({error})"]
        try:

            def campaign_frame() -> None:
                scene.dirty = True  # type: ignore[attr-defined]
                app.step(wait=False)  # type: ignore[attr-defined]

            campaign = _frames(campaign_frame)
            screen = app.screen  # type: ignore[attr-defined]

            def bare_frame() -> None:
                screen.fill((27, 35, 48))
                pygame.display.flip()

            bare = _frames(bare_frame)
            idle = _idle_cpu(app)
            stall, stall_what = _turn_stall(app, scene)
        finally:
            pygame.quit()
        first_title = first_frame_ms("title")
        first_campaign = first_frame_ms("campaign")
    med, p95 = statistics.median(campaign), _p95(campaign)
    bare_med, bare_p95 = statistics.median(bare), _p95(bare)
    ratio = med / bare_med if bare_med > 0 else float("inf")
    t = TARGETS
    lines = [
        f"window (pygame {pygame.version.ver}, dummy driver, {SIZE[0]}×{SIZE[1]}, {FRAMES} frames each)",
        f"  campaign frame, redrawn every frame: median {med:.2f} ms (target ≤ {t['median']:g}: "
        f"{_ok(med, t['median'])}), p95 {p95:.2f} ms (target ≤ {t['p95']:g}: {_ok(p95, t['p95'])})",
        f"  bare fill+flip: median {bare_med:.2f} ms, p95 {bare_p95:.2f} ms; campaign/bare {ratio:.1f}×",
    ]
    for name, value in (("title screen", first_title), ("campaign (play)", first_campaign)):
        if value is None:
            lines.append(f"  first frame, {name}: could not be measured")
        else:
            lines.append(
                f"  first frame, {name}: {value:.0f} ms from process start (target ≤ {t['first_frame']:g}: "
                f"{_ok(value, t['first_frame'])})"
            )
    lines.append(
        f"  idle CPU on the campaign screen over {IDLE_SECONDS:g} s: {idle:.1f} % of one core "
        f"(target ≤ {t['idle_cpu']:g}: {_ok(idle, t['idle_cpu'])})"
    )
    lines.append(
        f"  longest frame clicking through a turn: {stall:.0f} ms, at '{stall_what}' "
        f"(target ≤ {t['stall']:g}: {_ok(stall, t['stall'])})"
    )
    return lines


if __name__ == "__main__":
    print("\n".join(run_bench_ui()))
