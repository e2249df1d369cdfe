"""Facilitator and class inputs: inject events or news, change a rule mid-game, answer
reflection prompts, undo a turn.

Each is an *act*: applied at once, recorded in the ledger with a `facilitator:` cause where
it changes state, and kept in the turn's history (in order with event answers) so replays
and saves reproduce the game exactly.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from game.content.effects import Effect
from game.content.overrides import OverrideError, apply_override, resolve
from game.content.structure import issues_from, make_converter
from game.sim import events as event_rules
from game.sim.effects import EffectContext, apply_effects
from game.sim.orders import IllegalOrder

if TYPE_CHECKING:
    from game.sim.engine import Simulation

ACTS = ("inject_event", "news", "set_parameter", "reflection")
_CONVERTER = make_converter()


def encode(kind: str, payload: dict[str, Any]) -> tuple[str, str]:
    """An act as a history entry: (kind, canonical JSON). Event answers are (key, choice)."""
    return kind, json.dumps(payload, sort_keys=True, separators=(",", ":"))


def is_act(entry: tuple[str, str]) -> bool:
    return entry[0] in ACTS


def apply_act(sim: Simulation, kind: str, payload: dict[str, Any]) -> None:
    """Apply one act, or raise `IllegalOrder` saying why it cannot be done; nothing is half-applied."""
    handlers = {"inject_event": _inject_event, "news": _news, "set_parameter": _set_parameter, "reflection": _reflect}
    if kind not in handlers:
        raise IllegalOrder(f"unknown facilitator act '{kind}'")
    if sim.state.finished:
        raise IllegalOrder("the campaign is over")
    handlers[kind](sim, payload)


def _inject_event(sim: Simulation, payload: dict[str, Any]) -> None:
    event_id, state_id = payload.get("event"), payload.get("state")
    event = next((e for e in sim.scenario.events if e.id == event_id), None)
    if event is None:
        raise IllegalOrder(f"there is no event '{event_id}'")
    if event.scope == "state" and state_id not in sim.state.countries:
        raise IllegalOrder(f"{event.title} happens in a state: choose one")
    if event.scope == "region":
        state_id = None
    fired = event_rules.fire(event, sim.world, state_id, cause=f"facilitator:event:{event.id}")
    sim.injected.append(fired)
    if fired.decision is not None:
        sim.pending.append(fired.decision)


def _news(sim: Simulation, payload: dict[str, Any]) -> None:
    title = str(payload.get("title", "")).strip()
    if not title:
        raise IllegalOrder("a news item needs a headline")
    try:
        effects = _CONVERTER.structure(payload.get("effects", []), tuple[Effect, ...])
    except Exception as error:
        problems = "; ".join(f"{'.'.join(map(str, i.path)) or 'effects'}: {i.message}" for i in issues_from(error))
        raise IllegalOrder(f"the news item's effects are not valid: {problems}") from None
    targets = tuple(payload.get("states") or sim.world.state_ids)
    unknown = [s for s in targets if s not in sim.state.countries]
    if unknown:
        raise IllegalOrder(f"unknown state {', '.join(unknown)}")
    ctx = EffectContext("event", targets, f"facilitator:news:{title}", ("facilitator",))
    apply_effects(effects, sim.world, ctx)
    sim.state.news.append({"turn": sim.turn, "title": title, "text": str(payload.get("text", ""))})


def _set_parameter(sim: Simulation, payload: dict[str, Any]) -> None:
    path, value = str(payload.get("path", "")), payload.get("value")
    if not path.startswith("rules."):
        raise IllegalOrder("only rule parameters (rules.GROUP.NAME) can change during a game")
    if value is None:
        raise IllegalOrder(f"a new value for {path} is needed")
    try:
        chain, _ = resolve(sim.scenario, path)
        scenario = apply_override(sim.scenario, path, value)
    except OverrideError as error:
        raise IllegalOrder(str(error)) from None
    old = _value(sim.scenario, path)
    sim.replace_scenario(scenario)
    sim.state.rule_overrides[path] = value
    delta = float(value) - float(old)
    claim = chain[-1].metadata.get("claim", "facilitator")
    sim.world.ledger.record(sim.turn, "rules", path, delta, "facilitator:set_parameter", (claim,))


def _reflect(sim: Simulation, payload: dict[str, Any]) -> None:
    reflection = next((r for r in sim.scenario.reflections if r.id == payload.get("id")), None)
    if reflection is None:
        raise IllegalOrder(f"there is no reflection prompt '{payload.get('id')}'")
    answer = str(payload.get("answer", "")).strip()
    if not answer:
        raise IllegalOrder("an empty answer is not saved")
    sim.state.reflections.append({"turn": sim.turn, "id": reflection.id, "prompt": reflection.prompt, "answer": answer})


def _value(scenario: Any, path: str) -> Any:
    obj = scenario
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def due_reflections(sim: Simulation) -> list[Any]:
    """Prompts for this turn (or for an event that fired last turn) not yet answered."""
    answered = {r["id"] for r in sim.state.reflections}
    fired_last_turn = {e for e, turns in sim.state.events_fired.items() if sim.turn - 1 in turns}
    return [
        r
        for r in sim.scenario.reflections
        if r.id not in answered and (r.turn == sim.turn or (r.after_event and r.after_event in fired_last_turn))
    ]


def undo_last_turn(sim: Simulation) -> Simulation:
    """The game as it was before the last End Turn, with that turn's input still queued.

    Rebuilt by replaying the recorded input, so it is exactly the earlier game.
    """
    from game.sim.replay import replay

    if len(sim.history) < 2:
        raise IllegalOrder("there is no earlier turn to go back to")
    history = sim.history[:-1] if not sim.state.finished else list(sim.history)
    rebuilt = replay(
        sim.scenario_at_start,
        sim.seed,
        sim.difficulty_id,
        sim.humans,
        history,
        finished=False,
        rival_chooser=sim.rival_chooser,
    )
    rebuilt.scenario_path = sim.scenario_path
    return rebuilt
