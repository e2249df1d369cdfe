"""The facilitator's acts of one turn, for the turn report and the debrief.

Acts apply during a turn, before End Turn, so the engine's report (the changes End Turn made)
does not hold them. They are read back from the turn's recorded input, which saves and undo
keep, and their ledger entries from the ledger, so the report can say what the teacher did.
"""

from __future__ import annotations

import json
from typing import Any

from game.sim.engine import Simulation
from game.sim.ledger import Change

SHOWN = ("inject_event", "news", "set_parameter")


def acts_of_turn(sim: Simulation, turn: int) -> list[tuple[str, dict[str, Any]]]:
    """(kind, payload) of each facilitator act recorded in `turn`, in the order they were made."""
    if not 1 <= turn <= len(sim.history):
        return []
    acts = []
    for kind, payload in sim.history[turn - 1].decisions:
        if kind in SHOWN:
            try:
                acts.append((kind, json.loads(payload)))
            except ValueError:
                continue
    return acts


def act_lines(sim: Simulation, turn: int) -> list[str]:
    """One plain line per act: what the facilitator did and what it changed."""
    lines = []
    changes = facilitator_changes(sim, turn)
    rule_changes = [c for c in changes if c.cause == "facilitator:set_parameter"]
    for kind, payload in acts_of_turn(sim, turn):
        if kind == "inject_event":
            event = next((e for e in sim.scenario.events if e.id == payload.get("event")), None)
            title = event.title if event else str(payload.get("event"))
            where = sim.world.state_name(payload["state"]) if payload.get("state") else "the region"
            lines.append(f"Injected event: {title} ({where})")
        elif kind == "news":
            title = str(payload.get("title", ""))
            moved = [c for c in changes if c.cause == f"facilitator:news:{title}"]
            lines.append(f"News: {title}" + (f" — {summary(sim, moved)}" if moved else " (no change)"))
        else:
            value = payload.get("value")
            change = rule_changes.pop(0) if rule_changes else None
            lines.append(_rule_line(str(payload.get("path")), value, change) if isinstance(value, int | float) else "")
    return [line for line in lines if line]


def _rule_line(path: str, value: float, change: Change | None) -> str:
    """'Rule changed: rules.x.y set to 0 (was 1; claim C1)': the class hears what it was and whose claim it is."""
    line = f"Rule changed: {path} set to {value:g}"
    if change is None or change.variable != path:
        return line
    claim = f"; claim {', '.join(change.claims)}" if change.claims else ""
    return f"{line} (was {value - change.delta:g}{claim})"


def facilitator_changes(sim: Simulation, turn: int) -> list[Change]:
    """The ledger entries of `turn` that a facilitator act caused."""
    return [c for c in sim.ledger if c.turn == turn and c.cause.startswith("facilitator:")]


def summary(sim: Simulation, changes: list[Change]) -> str:
    """'Kazakhstan alignment.us +10.96, …' (changes that round to zero are left out)."""
    from game.sim.explain import describe_variable

    parts = []
    for change in changes:
        if abs(change.delta) < 0.005 or change.variable.startswith("fragile"):
            continue
        where = sim.world.state_name(change.target) if change.target in sim.world.state_defs else change.target
        parts.append(f"{where} {describe_variable(change.variable)} {change.delta:+.2f}")
    return ", ".join(parts) or "no change"
