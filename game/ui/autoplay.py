"""`play --autoplay TURNS --strategy NAME --screenshot DIR`: a strategy plays in the real window.

It goes through the screens a player sees — title, scenario choice, briefing, campaign,
reports, event dialogs, charts, the debrief — acting through the same scene methods the
buttons call, and saves a PNG of each kind of screen the first time it appears.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from game.ai.autopilot import Autopilot
from game.ai.strategies import STRATEGIES
from game.ui import saves
from game.ui.catalogue import check
from game.ui.classroom import ClassroomSetup, Session
from game.ui.scene import pop, push, replace
from game.ui.scenes.briefing import BriefingScene
from game.ui.scenes.campaign import CampaignScene
from game.ui.scenes.charts import ChartsScene
from game.ui.scenes.end import EndScene
from game.ui.scenes.event import EventScene
from game.ui.scenes.facilitator import FacilitatorScene
from game.ui.scenes.handover import PassScreenScene
from game.ui.scenes.help import HelpScene
from game.ui.scenes.launch import start_campaign
from game.ui.scenes.reflection import ReflectionScene
from game.ui.scenes.report import ReportScene
from game.ui.scenes.scenario_choice import ScenarioScene
from game.ui.scenes.setup import SetupScene
from game.ui.scenes.title import TitleScene

if TYPE_CHECKING:
    from game.ui.app import App


class AutoplayError(Exception):
    """Autoplay cannot start or got stuck; the message says why."""


def autoplay_script(app: App, args: argparse.Namespace) -> Iterator[None]:
    """A generator the app's loop advances once per frame."""
    ctx = app.ctx
    name = getattr(args, "strategy", "balanced") or "balanced"
    strategy = STRATEGIES.get(name)
    if strategy is None:
        raise AutoplayError(f"unknown strategy '{name}'; choose one of {', '.join(sorted(STRATEGIES))}")
    if getattr(args, "load", None):
        sim, error = saves.load_path(args.load)
        if sim is None:
            raise AutoplayError(error)
    else:
        entry = check(Path(args.scenario))
        if entry.scenario is None:
            raise AutoplayError(f"{entry.path}: " + "; ".join(entry.problems[:5]))
        sim = start_campaign(
            ctx, entry.scenario, entry.path, getattr(args, "seed", None), getattr(args, "difficulty", None)
        )
    pilot = Autopilot(strategy)  # the same turn loop as batch runs, acting through the screens
    taken: set[str] = set()

    def shot(kind: str, label: str | None = None) -> None:
        if kind not in taken or label:
            taken.add(kind)
            app.screenshot(label or kind)

    app.apply(push(TitleScene(ctx)))
    yield
    shot("title")
    app.apply(push(ScenarioScene(ctx)))
    yield
    shot("scenarios")
    app.apply(replace(SetupScene(ctx, sim.scenario, sim.scenario_path, sim.seed, sim.difficulty_id)))
    yield
    shot("setup")
    app.apply(replace(BriefingScene(ctx, sim)))
    yield
    shot("briefing")
    app.apply(app.top.begin() if isinstance(app.top, BriefingScene) else None)
    yield
    shot("campaign")
    yield from _classroom_shots(app, shot)
    for played in range(max(0, int(args.autoplay))):
        scene = app.top
        if sim.state.finished or not isinstance(scene, CampaignScene):
            break
        orders = pilot.orders(sim)
        for order in orders:
            scene.queue_order(order)
        if orders and orders[0].target:
            scene.select(orders[0].target)
        yield
        shot("campaign-orders")
        app.apply(scene.end_turn())
        yield
        shot("report")
        for _ in range(50):  # report, then any event dialogs, back to the map or on to the debrief
            top = app.top
            if isinstance(top, ReportScene):
                app.apply(top.close())
            elif isinstance(top, EventScene):
                shot("event")
                app.apply(top.choose(pilot.choice(sim, top.decision)))
            elif isinstance(top, ReflectionScene):
                shot("reflection")
                if top.entry is not None:
                    top.entry.set_text(REFLECTION_ANSWER)
                app.apply(top.save())
            elif isinstance(top, CampaignScene) and sim.pending:
                app.apply(top.after_turn())
            else:
                break
            yield
        else:
            raise AutoplayError(f"stuck on the {app.top.name} screen after turn {sim.turn}")
        if isinstance(app.top, EndScene):
            break
        if played == 7:
            app.apply(push(ChartsScene(ctx, sim, sim.world.state_ids[0])))
            yield
            shot("charts")
            app.apply(pop())
            app.apply(push(HelpScene(ctx, sim.scenario)))
            yield
            shot("help")
            app.apply(pop())
            yield
        if (played + 1) % 10 == 0 and isinstance(app.top, CampaignScene):
            shot("campaign", f"campaign-turn{sim.turn}")
    if sim.state.finished:
        if not isinstance(app.top, EndScene):
            app.apply(replace(EndScene(ctx, sim)))
        yield
        shot("end")


REFLECTION_ANSWER = "(autoplay) The strategy keeps its long-term soft-power orders going; they pay off later."


def _classroom_shots(app: App, shot: Callable[..., None]) -> Iterator[None]:
    """The classroom screens a one-player autoplay would not reach: the facilitator view (two
    tabs) and the pass-the-screen step of a hot-seat game, shown and closed again."""
    campaign = app.top
    if not isinstance(campaign, CampaignScene):
        return
    view = FacilitatorScene(app.ctx, campaign.session)
    app.apply(push(view))
    yield
    shot("facilitator")
    view.set_tab("Rules")
    view.rule_path = "rules.russia_strain.strength"
    view.rebuild()
    yield
    shot("facilitator-rules")
    view.set_tab("News")
    view.rebuild()
    yield
    shot("facilitator-news")
    app.apply(pop())
    hot_seat = Session(campaign.sim, ClassroomSetup(humans=("us", "russia")))
    hot_seat.advance()
    app.apply(push(PassScreenScene(app.ctx, hot_seat)))
    yield
    shot("pass-screen")
    app.apply(pop())
    yield
