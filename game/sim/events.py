"""Events: roll the scenario's events each turn, apply them, and queue choices for the US."""

from __future__ import annotations

import attrs

from game.content.scenario import Choice, EventDef
from game.content.vocabulary import COUNTRY_VARIABLES, WASHINGTON_VARIABLES
from game.sim.conditions import holds
from game.sim.effects import EffectContext, apply_effects
from game.sim.orders import Decision
from game.sim.state import CountryState
from game.sim.world import World


@attrs.frozen
class FiredEvent:
    """An event that fired this turn, as the report shows it."""

    event: str
    state: str | None
    title: str
    text: str
    decision: Decision | None


def _chance(event: EventDef, world: World, country: CountryState | None) -> float:
    chance = event.probability
    for scale in event.chance_scales:
        if scale.variable in COUNTRY_VARIABLES:
            value = country.values[scale.variable] if country else 0.0
        elif scale.variable in WASHINGTON_VARIABLES:
            value = world.state.washington[scale.variable]
        else:
            value = world.state.region.get(scale.variable, 0.0)
        chance *= 1 + scale.factor * value / 100
    return min(1.0, max(0.0, chance))


def _ready(event: EventDef, world: World) -> bool:
    fired = world.state.events_fired.get(event.id, [])
    if not fired:
        return True
    if event.once:
        return False
    return world.turn - fired[-1] > event.cooldown_turns


def fill(text: str, world: World, state_id: str | None) -> str:
    """Fill {state} and {power} placeholders (validated at load time)."""
    name = world.state_name(state_id) if state_id else "the region"
    return text.format(state=name, power=world.powers.name("us"))


def roll_events(world: World) -> list[FiredEvent]:
    """Fire every event whose condition holds and whose roll succeeds, in scenario order.

    One draw is taken per event and state whatever happens, so changing one event's
    condition never shifts another event's luck.
    """
    rng = world.rng("events")
    fired: list[FiredEvent] = []
    every_state: list[CountryState | None] = [world.state.countries[s] for s in world.state_ids]
    for event in world.scenario.events:
        slots: list[CountryState | None] = every_state if event.scope == "state" else [None]
        ready = _ready(event, world)  # changes only when the event fires (for the next state)
        for country in slots:
            roll = rng.random()
            if not ready or not holds(event.condition, world, country):
                continue
            if roll >= _chance(event, world, country):
                continue
            fired.append(fire(event, world, country.id if country else None))
            ready = _ready(event, world)
    return fired


def fire(event: EventDef, world: World, state_id: str | None, cause: str | None = None) -> FiredEvent:
    """Fire an event now (the dice, or a facilitator, chose it): apply its effects, queue its choices."""
    world.state.events_fired.setdefault(event.id, []).append(world.turn)
    targets = (state_id,) if state_id else world.state_ids
    apply_effects(event.effects, world, EffectContext("event", targets, cause or f"event:{event.id}", event.claims))
    decision = Decision(event.id, state_id, world.turn) if event.choices else None
    return FiredEvent(
        event.id, state_id, fill(event.title, world, state_id), fill(event.text, world, state_id), decision
    )


def default_choice(event: EventDef) -> str:
    return event.default_choice or event.choices[0].id


def available_choices(world: World, decision: Decision) -> tuple[Choice, ...]:
    """The answers on offer now: a choice with `when` only while it holds (the default always)."""
    event = world.scenario.event(decision.event)
    country = world.state.countries[decision.state] if decision.state else None
    default = default_choice(event)
    return tuple(c for c in event.choices if c.id == default or holds(c.when, world, country))


def resolve_decision(world: World, decision: Decision, choice_id: str) -> None:
    """Apply the chosen answer to an event; summits scale with C5+1 preparation (C8)."""
    event = world.scenario.event(decision.event)
    choice = next(c for c in event.choices if c.id == choice_id)
    targets = (decision.state,) if decision.state else world.state_ids
    scale = 1.0
    summit = "summit" in event.tags and world.rules.c5plus1.strength > 0
    if summit:
        rules = world.rules.c5plus1
        scale = 1 + rules.strength * rules.preparation_bonus * world.state.region["c5plus1_preparation"] / 100
    cause = f"event:{event.id}:{choice.id}"
    world.state.choices_made.setdefault(event.id, []).append(choice.id)  # read by `choice_made` conditions
    apply_effects(choice.effects, world, EffectContext("event", targets, cause, event.claims, scale=scale))
    if summit and world.state.region["c5plus1_preparation"]:
        world.adjust_region("c5plus1_preparation", -world.state.region["c5plus1_preparation"], "rule:summits", ("C8",))
