"""Every screen of the window, for each shipped scenario: pushed, drawn, and what it shows.

`tour` walks a scenario's screens (a campaign on every state and track, every event dialog, a
turn report, charts, the debrief, the classroom screens and the menus) and yields each after
drawing it; `shown_text` lists what a player can read there: hand-drawn lines, button labels,
and button and panel tooltips.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame

from game.ai.doctrine import choose_rival_orders
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.sim.orders import Decision
from game.ui.scene import Scene, push

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


def played(scenario: Scenario, path: Path, turns: int = 3, seed: int = 5) -> Simulation:
    """A game a few turns in, each event answered with its default choice (ledgers and pipelines filled)."""
    sim = Simulation(scenario, seed, scenario_path=str(path), rival_chooser=choose_rival_orders)
    for _ in range(turns):
        sim.end_turn()
        for decision in list(sim.pending):
            sim.decide(decision.key, sim.scenario.event(decision.event).default_choice)
    return sim


def show(app, scene: Scene) -> Scene:
    """Push the scene onto an empty stack (dialogs over a campaign) and draw one frame."""
    app.apply(push(scene))
    app.draw()
    return scene


def leave(app) -> None:
    while app.stack:
        app.stack.pop().on_leave()


def tour(app, scenario: Scenario, path: Path, every_state: bool = True) -> Iterator[tuple[str, Scene]]:
    """Yield (name, scene) for each screen of this scenario, drawn at the app's current size."""
    from game.ui.classroom import ClassroomSetup, Session
    from game.ui.scenes.briefing import BriefingScene
    from game.ui.scenes.campaign import CampaignScene
    from game.ui.scenes.charts import ChartsScene
    from game.ui.scenes.end import EndScene
    from game.ui.scenes.event import EventScene
    from game.ui.scenes.facilitator import FacilitatorScene
    from game.ui.scenes.handover import PassScreenScene
    from game.ui.scenes.help import HelpScene
    from game.ui.scenes.message import quit_confirm
    from game.ui.scenes.report import ReportScene
    from game.ui.scenes.save import SaveScene
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.setup import SetupScene

    ctx = app.ctx
    sim = played(scenario, path)
    campaign = CampaignScene(ctx, sim)
    leave(app)
    show(app, campaign)
    for state_id in sim.world.state_ids if every_state else sim.world.state_ids[:1]:
        campaign.select(state_id)
        for key in (pygame.K_1, pygame.K_2, pygame.K_3):
            campaign.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0))
            app.draw()
            yield f"campaign {state_id} track {key - pygame.K_0}", campaign
    late = played(scenario, path)
    late.state.turn = scenario.turns  # the last quarter, with budgets left at odd fractions
    for track in list(late.state.powers["us"].budget):
        late.state.powers["us"].budget[track] += 1 / 3
    leave(app)
    late_campaign = show(app, CampaignScene(ctx, late))
    for key in (pygame.K_1, pygame.K_2, pygame.K_3):
        late_campaign.handle_event(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0))
        app.draw()
        yield f"last-turn campaign track {key - pygame.K_0}", late_campaign
    leave(app)
    show(app, campaign)
    for event in (e for e in scenario.events if e.choices):  # only events with choices open a dialog
        state = sim.world.state_ids[0] if event.scope == "state" else None
        dialog = show(app, EventScene(ctx, sim, Decision(event.id, state, sim.turn), campaign.set_events_aside))
        yield f"event {event.id}", dialog
        app.apply(pop_scene())
    region_report = ReportScene(ctx, sim, sim.reports[-1])
    region_report.filter = "region"
    for name, scene in (
        ("report", ReportScene(ctx, sim, sim.reports[-1])),
        ("region report", region_report),
        ("charts", ChartsScene(ctx, sim, sim.world.state_ids[0])),
        ("help", HelpScene(ctx, scenario)),
        ("save", SaveScene(ctx, sim)),
        ("settings", SettingsScene(ctx)),
        ("leave", quit_confirm(ctx)),
        ("facilitator", FacilitatorScene(ctx, campaign.session)),
    ):
        yield name, show(app, scene)
        app.apply(pop_scene())
    leave(app)
    class_setup = ClassroomSetup(("us", "russia", "china"), us_desks=True, minutes=5)
    hot_seat = Session(played(scenario, path, turns=1), class_setup)
    yield "pass the screen", show(app, PassScreenScene(ctx, hot_seat))
    leave(app)
    yield "hot-seat campaign", show(app, CampaignScene(ctx, hot_seat.sim, hot_seat))
    yield "hot-seat facilitator", show(app, FacilitatorScene(ctx, hot_seat))
    leave(app)
    yield "setup", show(app, SetupScene(ctx, scenario, path, 7, None))
    leave(app)
    yield "briefing", show(app, BriefingScene(ctx, sim))
    leave(app)
    yield "debrief", show(app, EndScene(ctx, sim))
    leave(app)


def menus(app) -> Iterator[tuple[str, Scene]]:
    """The screens that belong to no scenario."""
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.scenario_choice import ScenarioScene
    from game.ui.scenes.title import TitleScene

    for name, make in (("title", TitleScene), ("scenarios", ScenarioScene), ("load", LoadScene)):
        leave(app)
        yield name, show(app, make(app.ctx))
    leave(app)


def pop_scene():
    from game.ui.scene import pop

    return pop()


def shown_text(scene: Scene) -> list[str]:
    """Button labels and tooltips, and the hover text of every panel zone."""
    found: list[str] = []
    for widget in scene.handlers:
        found.append(widget.text)
        if widget.tool_tip_text:
            found.append(widget.tool_tip_text)
    for rect, tip in scene.tips.zones:
        if callable(tip):
            points = [rect.center]
            view = getattr(scene, "map", None)
            if view is not None and hasattr(scene, "sim"):
                points += [view.screen_point(s) for s in scene.sim.world.state_ids]
            found += [t for t in (tip(p) for p in points) if t]
        else:
            found.append(tip)
    return found
