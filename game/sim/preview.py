"""What an effect is expected to do before it happens: a line for players and a rough worth for planners.

One function of each per effect kind; `game.sim.effects.EFFECT_KINDS` joins them with the
appliers so a kind cannot be added with one of them missing (a test checks every kind). Nothing
here changes the world.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from game.content import effects as e
from game.content.scenario import ActionDef
from game.sim.explain import describe_variable
from game.sim.receptivity import multiplier
from game.sim.world import World

# Rough worth of one unit of each state variable to the US, for ranking orders (not for resolving them).
VARIABLE_WORTH = {"stability": 0.3, "economy": 0.25, "china_wariness": 0.05, "resilience": 0.15, "us_trust": 0.5}


class Look(NamedTuple):
    """Where and when an order's effects would land, for its preview lines."""

    action: ActionDef
    targets: list[str]
    scale: float  # the C8 region share (1 for a one-state order)
    lands: str  # "now" or "on turn N"

    @property
    def each(self) -> str:
        return " in each state" if len(self.targets) > 1 else ""


def _one(value: float) -> str:
    """A signed amount with one decimal; nothing at all reads '±0', never '-0.0' or '+0.0'."""
    text = f"{value:+.1f}"
    return "±0" if text in ("+0.0", "-0.0") else text


def _words(name: str) -> str:
    return name.replace("_", " ")


# --- preview lines -----------------------------------------------------------------------------


def influence_line(world: World, effect: e.Influence, look: Look) -> str:
    power = effect.power or look.action.power
    if effect.amount >= 0:
        track = look.action.track
        gains = [effect.amount * look.scale * multiplier(world, world.country(t), power, track) for t in look.targets]
        mean = sum(gains) / len(gains)
        kind = "lasting" if effect.durable else "fades (C6)"
        return f"{world.powers.name(power)} alignment +{mean:.1f}{' on average' if look.each else ''} {look.lands} ({kind})"
    return f"{world.powers.name(power)} alignment {_one(effect.amount * look.scale)}{look.each} {look.lands}"


def goodwill_line(world: World, effect: e.Goodwill, look: Look) -> str:
    delay = effect.matures_in or world.rules.long_game.mature_turns
    due = world.turn + look.action.delay_turns + delay
    when = f"on turn {due}" if due <= world.scenario.turns else "after the campaign ends"  # not "turn 46 of 40"
    return f"goodwill +{effect.amount * look.scale:.1f}{look.each}, matures {when} (C5, C6)"


def shift_line(world: World, effect: e.Shift, look: Look) -> str:
    return f"{world.powers.name(effect.power)} alignment {_one(effect.amount * look.scale)}{look.each} {look.lands}"


def adjust_line(world: World, effect: e.Adjust, look: Look) -> str:
    return f"{describe_variable('values.' + effect.variable)} {_one(effect.amount * look.scale)}{look.each}"


def trait_line(world: World, effect: e.Trait, look: Look) -> str:
    return f"{effect.trait} {effect.amount * look.scale:+.2f}{look.each} (C1)"


def floor_line(world: World, effect: e.Floor, look: Look) -> str:
    return f"{world.powers.name(effect.power)}'s floor {_one(effect.amount)}"


def flag_line(world: World, effect: e.SetFlag, look: Look) -> str:
    return f"{_words(effect.flag)} {'granted' if effect.value else 'removed'}"


def progress_line(world: World, effect: e.Progress, look: Look) -> str:
    name = next((p.name for p in world.scenario.projects if p.id == effect.project), effect.project)
    done = world.state.projects.get(effect.project, 0.0)
    return f"{name} +{effect.amount * look.scale:.0f}% (now {done:.0f}%)"


def region_line(world: World, effect: e.RegionAdjust, look: Look) -> str:
    return f"{describe_variable('region.' + effect.variable)} {_one(effect.amount * look.scale)}"  # C5+1, not c5plus1


def budget_line(world: World, effect: e.Budget, look: Look) -> str:
    return f"{world.powers.name(effect.power)} {_words(effect.track)} {_one(effect.amount)}"


def income_line(world: World, effect: e.Income, look: Look) -> str:
    span = f"for {effect.turns} turns" if effect.turns is not None else "for good"
    return f"{world.powers.name(effect.power)} {_words(effect.track)} income {_one(effect.amount * look.scale)} a turn {span}"


def washington_line(world: World, effect: e.Washington, look: Look) -> str:
    return f"{_words(effect.variable)} {_one(effect.amount)}"


def global_line(world: World, effect: e.SetGlobal, look: Look) -> str:
    return f"{_words(effect.name)} {'begins' if effect.value else 'ends'}"


def global_number_line(world: World, effect: e.ChangeGlobal, look: Look) -> str:
    return f"{_words(effect.name)} {_one(effect.amount * look.scale)}"


# --- rough worth to the US, per unit, for planners ----------------------------------------------


def influence_value(world: World, effect: e.Influence, state_id: str | None, pressure: float) -> float:
    if effect.power in (None, "us"):
        return effect.amount * (1.0 if effect.durable else 0.7)
    return -effect.amount * 0.6 * pressure if effect.amount < 0 else 0.0


def goodwill_value(world: World, effect: e.Goodwill, state_id: str | None, pressure: float) -> float:
    return effect.amount * 0.9


def adjust_value(world: World, effect: e.Adjust, state_id: str | None, pressure: float) -> float:
    worth = VARIABLE_WORTH.get(effect.variable, 0.0) * effect.amount
    if effect.variable == "resilience" and state_id and world.country(state_id).flags.get("afghan_border"):
        worth *= 2
    return worth


def progress_value(world: World, effect: e.Progress, state_id: str | None, pressure: float) -> float:
    remaining = 100 - world.state.projects.get(effect.project, 0.0)
    return 0.2 * min(effect.amount, remaining) if remaining > 0 else 0.0


def region_value(world: World, effect: e.RegionAdjust, state_id: str | None, pressure: float) -> float:
    if effect.variable != "c5plus1_preparation":
        return 0.0
    room = 100 - world.state.region["c5plus1_preparation"]
    return 0.06 * min(effect.amount, room)


def washington_value(world: World, effect: e.Washington, state_id: str | None, pressure: float) -> float:
    return 0.15 * effect.amount


def unvalued(world: World, effect: Any, state_id: str | None, pressure: float) -> float:
    """Declared worth nothing to the planner: scenario-event effects, or too indirect to rank orders by."""
    return 0.0
