"""What a debrief reads from one played game, as plain rows: rebuilt from the ledger, never re-simulated.

The why-ledger records every change in time order, so the value of any variable at the end
of any turn is the starting value plus the deltas recorded up to that turn. These helpers
turn a `Simulation` into rows a chart (and its CSV) can use.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from game.report.claims import claim_name
from game.sim.explain import claim_weights, describe_cause, describe_factors, top_causes
from game.sim.facilitator import is_act

ALIGNMENT = "alignment."  # the ledger variables of every power's alignment start with this
WHOLE_REGION = "Region-wide"
WASHINGTON = "Washington"


def turns_played(sim: Any) -> int:
    return len(sim.state.score_history)


def state_name(sim: Any, state_id: str | None) -> str:
    if state_id is None:
        return WHOLE_REGION
    return next((s.name for s in sim.scenario.states if s.id == state_id), state_id)


def action_name(sim: Any, action_id: str) -> str:
    return next((a.name for a in sim.scenario.actions if a.id == action_id), action_id)


def _starting_alignment(sim: Any) -> dict[str, dict[str, float]]:
    """Alignment before turn 1: from `sim.initial`, or (if a save lacks it) the final state minus every delta."""
    if sim.initial is not None:
        return {s: dict(c["alignment"]) for s, c in sim.initial["countries"].items()}
    start = {s: dict(c.alignment) for s, c in sim.state.countries.items()}
    for change in sim.ledger:
        if change.variable.startswith(ALIGNMENT):
            start[change.target][change.variable[len("alignment.") :]] -= change.delta
    return start


def alignment_by_turn(sim: Any) -> list[dict[str, Any]]:
    """One row per state and turn (turn 0 is the start): each power's alignment at the end of the turn."""
    current = _starting_alignment(sim)
    rows = []

    def snapshot(turn: int) -> None:
        for state_id, values in current.items():
            rows.append(
                {
                    "turn": turn,
                    "date": sim.date_label(turn) if turn else "start",
                    "state": state_id,
                    **{p: round(values[p], 3) for p in values},  # every power, in declared order
                }
            )

    snapshot(0)
    ledger, index = sim.ledger, 0
    for turn in range(1, turns_played(sim) + 1):
        while index < len(ledger) and ledger[index].turn <= turn:
            change = ledger[index]
            if change.variable.startswith(ALIGNMENT):
                current[change.target][change.variable[len("alignment.") :]] += change.delta
            index += 1
        snapshot(turn)
    return rows


def positions(sim: Any) -> list[dict[str, Any]]:
    """Per turn: the US position (the per-turn score) and the campaign score so far (their running mean)."""
    rows, total = [], 0.0
    for turn, position in enumerate(sim.state.score_history, start=1):
        total += position
        rows.append(
            {
                "turn": turn,
                "date": sim.date_label(turn),
                "position": round(position, 3),
                "campaign_score": round(total / turn, 3),
            }
        )
    return rows


def us_orders(sim: Any, turn: int) -> list[Any]:
    """The US orders that resolved on a turn (refused ones left out)."""
    return [p.order for p in sim.reports[turn - 1].orders if p.order.power == "us"]


def budget_spent(sim: Any) -> list[dict[str, Any]]:
    """Points the US spent, per turn, track and place.

    The ledger records what each action cost against the US budget; the place comes from the
    turn's resolved orders, matched in order for each action (they are paid in that order).
    """
    spent: dict[tuple[int, str, str], float] = defaultdict(float)
    targets: dict[int, dict[str, list[str]]] = {}
    for turn in range(1, len(sim.reports) + 1):
        by_action: dict[str, list[str]] = defaultdict(list)
        for order in us_orders(sim, turn):
            by_action[order.action].append(place_of(sim, order))
        targets[turn] = by_action
    for change in sim.ledger:
        if change.cause.startswith("action:us:") and change.variable.startswith("budget.") and change.delta < 0:
            action_id = change.cause[len("action:us:") :]
            queue = targets.get(change.turn, {}).get(action_id)
            place = queue.pop(0) if queue else "unattributed"
            spent[(change.turn, change.variable[len("budget.") :], place)] -= change.delta
    return [
        {"turn": turn, "track": track, "place": place, "points": round(points, 3)}
        for (turn, track, place), points in sorted(spent.items())
    ]


def timeline(sim: Any) -> list[dict[str, Any]]:
    """Per turn, in order: the events that fired, the US decisions on them, and the US orders."""
    rows = []
    for turn in range(1, len(sim.reports) + 1):
        report = sim.reports[turn - 1]
        date = sim.date_label(turn)
        for fired in report.events:
            rows.append(
                {
                    "turn": turn,
                    "date": date,
                    "kind": "event",
                    "what": fired.title,
                    "where": state_name(sim, fired.state),
                }
            )
        record = sim.history[turn - 1] if turn - 1 < len(sim.history) else None
        for key, choice in record.decisions if record else ():
            if is_act((key, choice)):  # a reflection answer or a facilitator act, not an answer to an event
                continue
            event_id, _, rest = key.partition("@")
            where = state_name(sim, None if rest.partition("@")[0] == "region" else rest.partition("@")[0])
            rows.append(
                {
                    "turn": turn,
                    "date": date,
                    "kind": "decision",
                    "what": decision_text(sim, event_id, choice, where),
                    "where": where,
                }
            )
        for order in us_orders(sim, turn):
            rows.append(
                {
                    "turn": turn,
                    "date": date,
                    "kind": "order",
                    "what": action_name(sim, order.action),
                    "where": place_of(sim, order),
                }
            )
    return rows


def decision_text(sim: Any, event_id: str, choice: str, where: str) -> str:
    """'Moscow applies pressure: Stand by Uzbekistan' (choice labels may name the state as {state})."""
    return describe_cause(f"event:{event_id}:{choice}", sim.scenario).replace("{state}", where)


def place_of(sim: Any, order: Any) -> str:
    kind = sim.world.actions[order.action].target
    if kind == "state":
        return state_name(sim, order.target)
    return WASHINGTON if kind == "washington" else WHOLE_REGION


def cause_rows(sim: Any, variable: str = "alignment.us", limit: int = 10) -> list[dict[str, Any]]:
    """The ledger causes that moved a variable most, summed over all states, in plain English."""
    return [
        {"cause": cause, "description": describe_cause(cause, sim.scenario), "total": round(total, 3)}
        for cause, total in top_causes(sim.ledger, variable, limit=limit)
    ]


def causes_per_state(sim: Any, limit: int = 3) -> list[dict[str, Any]]:
    """For each state, the causes that moved US alignment there most, and the receptivity
    factors that scaled their gains ("×1.80 window of opportunity, C7"), as causes in their own right."""
    rows = []
    for state in sim.scenario.states:
        for cause, total in top_causes(sim.ledger, "alignment.us", state.id, limit):
            changes = [
                c for c in sim.ledger if c.cause == cause and c.target == state.id and c.variable == "alignment.us"
            ]
            rows.append(
                {
                    "state": state.name,
                    "cause": cause,
                    "description": describe_cause(cause, sim.scenario),
                    "total": round(total, 3),
                    "scaled_by": describe_factors(changes),
                }
            )
    return rows


def claim_rows(sim: Any) -> list[dict[str, Any]]:
    """How much each claim moved US alignment (absolute points, summed over all changes it took part in)."""
    return [
        {"claim": claim, "name": claim_name(claim), "weight": round(weight, 3)}
        for claim, weight in claim_weights(sim.ledger).items()
    ]


def reflections(sim: Any) -> list[dict[str, Any]]:
    """Reflection answers saved with the game ({turn, prompt, answer}), if the game has any."""
    answers = sim.state.reflections
    return [
        {"turn": item.get("turn", ""), "prompt": item.get("prompt", ""), "answer": item.get("answer", "")}
        for item in answers
        if isinstance(item, dict)
    ]
