"""The contest: rules that make each turn a decision rather than a recipe.

- Repeat fatigue (C1): a multi-vector state tires of one lever pulled again and again; each
  consecutive turn a power repeats an action in the same state keeps a share of its effect.
  Funding a project is building, not repeating a lever, so project actions never tire.
- Contested capacity (C4, C15): a state hosts only so many large projects at once, from any
  power; a Chinese loan and a US investment compete for the same place.
- Preparation that cannot be banked (C8): summit preparation is capped at 100 and fades.
- Tenders (C13, C15): now and then a state puts a contract out for offers; for a few turns
  every point a power spends in that state counts as its offer, and the best offer wins a
  durable gain there. An opportunity that expires, which a rival can take first.
- Trust before big moves (C5): a state refuses a big move until US trust reaches a threshold.
"""

from __future__ import annotations

from typing import NamedTuple

from game.content import effects as e
from game.content.scenario import ActionDef
from game.sim.receptivity import multiplier
from game.sim.world import World

LARGE_PROJECT = "large_project"
BIG_MOVE = "big"
PREPARATION = "c5plus1_preparation"


class Facts(NamedTuple):
    """What the contest rules need to know of an action, worked out once per game (see `_facts`)."""

    action: ActionDef  # the action described (a test's variant with the same id is judged afresh)
    tires: bool  # repeat fatigue applies: not a project (building) nor a Washington order (C1)
    prepares: bool  # it adds summit preparation (C8)
    refusable: bool  # some refusal rule concerns it: a big move, a large project or preparation
    builds: bool = False  # it funds a regional project (building): no offer for a state's tender


def _facts(world: World) -> dict[str, Facts]:
    """Per action id, the action's `Facts`.

    The planners ask for every candidate order, so scanning effects each time would cost more
    than the rest of the question.
    """
    facts = world.facts.get("contest")
    if facts is None:
        facts = world.facts["contest"] = {action.id: _action_facts(action) for action in world.scenario.actions}
    return facts


def _action_facts(action: ActionDef) -> Facts:
    # Funding a project is building, not pulling a lever; Washington orders engage no state.
    builds = any(isinstance(effect, e.Progress) for effect in action.effects)
    prepares = any(isinstance(x, e.RegionAdjust) and x.variable == PREPARATION and x.amount > 0 for x in action.effects)
    return Facts(
        action,
        tires=not builds and action.target != "washington",
        prepares=prepares,
        refusable=prepares or BIG_MOVE in action.tags or LARGE_PROJECT in action.tags,
        builds=builds,
    )


def _fact(world: World, action: ActionDef) -> Facts:
    known = (world.facts.get("contest") or _facts(world)).get(action.id)
    if known is not None and known.action is action:
        return known
    return _action_facts(action)  # an action made outside the scenario (a test's variant)


def _keep(world: World) -> float:
    """The share of effect a repeated lever keeps (C1: 1 when balancing is switched off)."""
    balancing = world.rules.balancing
    return max(0.0, 1 - balancing.strength * (1 - balancing.repeat_fatigue))


def fatigue(world: World, power: str, action: ActionDef, target: str | None, uses: dict[str, float]) -> float:
    """The share of its effect an order keeps, and count it as a use this turn (C1)."""
    keep = _keep(world)
    if keep >= 1 or not _fact(world, action).tires:
        return 1.0
    key = f"{power}:{action.id}:{target or 'region'}"  # the same key `expected_fatigue` reads
    used = uses.get(key, 0.0)
    repeated = world.state.repeats.get(key, 0.0) + used
    uses[key] = used + 1
    return keep**repeated


def expected_fatigue(world: World, power: str, action: ActionDef, target: str | None) -> float:
    """The share of its effect an order placed now would keep (for planners; changes nothing).

    Asked for every candidate order of every planner, so written flat (the same arithmetic as `_keep`).
    Most candidates were not used last turn, and any share to the power 0 is 1, so those answer
    before the action's facts are even looked up.
    """
    repeated = world.state.repeats.get(f"{power}:{action.id}:{target or 'region'}", 0.0)
    if not repeated:
        return 1.0
    known = (world.facts.get("contest") or _facts(world)).get(action.id)  # `_fact`, without a call
    if known is None or known.action is not action:
        known = _action_facts(action)
    if not known.tires:
        return 1.0
    balancing = world.rules.balancing
    keep = 1 - balancing.strength * (1 - balancing.repeat_fatigue)
    if keep >= 1:
        return 1.0
    return (keep if keep > 0.0 else 0.0) ** repeated


def remember_uses(world: World, uses: dict[str, float]) -> None:
    """Consecutive uses carry into next turn; a lever rested for a turn is fresh again."""
    previous = world.state.repeats
    world.state.repeats = {key: previous.get(key, 0.0) + count for key, count in uses.items()}


def hosted_in(world: World, state_id: str) -> list[dict]:
    """The large projects a state hosts now (each occupies its place until its `until` turn)."""
    return [h for h in world.state.hosted if h["state"] == state_id and h["until"] >= world.turn]


def host_project(world: World, power: str, action: ActionDef, state_id: str | None) -> None:
    rules = world.rules.contest
    if rules.strength and state_id and LARGE_PROJECT in action.tags:
        world.state.hosted.append(
            {"state": state_id, "power": power, "action": action.id, "until": world.turn + rules.project_turns - 1}
        )


def settle(world: World) -> None:
    """End of turn: tenders close and open (C13, C15); finished projects free their place;
    summit preparation fades (C8)."""
    close_tenders(world)
    open_tenders(world)
    world.state.hosted = [h for h in world.state.hosted if h["until"] > world.turn]
    rules = world.rules.contest
    preparation = world.state.region.get(PREPARATION, 0.0)
    if rules.strength and preparation > 0:
        world.adjust_region(PREPARATION, -rules.preparation_decay * preparation, "rule:preparation_fades", ("C8",))


def may_refuse(world: World, action: ActionDef) -> bool:
    """Whether any contest rule concerns the action at all (if not, `refusal` is always None)."""
    return _fact(world, action).refusable


def refusal(world: World, action: ActionDef, state_id: str | None) -> str | None:
    """Why the contest rules refuse this action now (None: they allow it)."""
    facts = (world.facts.get("contest") or _facts(world)).get(action.id)  # `_fact`, without a call
    if facts is None or facts.action is not action:
        facts = _action_facts(action)
    if not facts.refusable:  # neither a big move, a large project nor summit preparation
        return None
    if action.power == "us" and state_id is not None and BIG_MOVE in action.tags:
        first = world.rules.soft_power_first
        trust = world.state.countries[state_id].values["us_trust"]
        if first.strength and trust < first.big_move_trust:
            return (
                f"{world.state_name(state_id)} does not trust the US enough yet for {action.name.lower()}: "
                f"trust {trust:.0f} of {first.big_move_trust:.0f} needed (C5: soft power first)"
            )
    rules = world.rules.contest
    if not rules.strength:
        return None
    if state_id is not None and LARGE_PROJECT in action.tags:
        hosted = hosted_in(world, state_id)
        if len(hosted) >= rules.project_capacity:
            names = ", ".join(
                f"{world.powers.name(h['power'])}'s {world.actions[h['action']].name.lower()}" for h in hosted
            )
            return f"{world.state_name(state_id)} hosts as many large projects as it will take ({names})"
    if facts.prepares and world.state.region.get(PREPARATION, 0.0) >= 100:
        return "the next C5+1 summit is fully prepared; more preparation would be wasted"
    return None


TENDER_CLAIMS = ("C13", "C15")


def open_tender(world: World, state_id: str) -> dict | None:
    """The tender open in a state now, if any."""
    for tender in world.state.tenders:
        if tender["state"] == state_id:
            return tender
    return None


def bid(world: World, power: str, action: ActionDef, state_id: str, points: float) -> None:
    """Count points a power spent in a state as its offer, if the state has a tender open.

    The state weighs each offer by how it receives that power now (`offer_weight`: the
    receptivity that scales every gain, strain with Russia, wariness of China, the window, C3,
    C4, C7), so a dollar from a partner it is wary of counts for less. Funding a regional project (the
    corridor, ERICEN) builds for the region and makes no offer for the state's contract.
    """
    tender = open_tender(world, state_id)
    if tender is not None and makes_offer(world, action):
        bids = tender["bids"]
        bids[power] = bids.get(power, 0.0) + points * offer_weight(world, power, action, state_id)


def makes_offer(world: World, action: ActionDef) -> bool:
    """Whether spending on this action in a state counts as an offer: funding a regional project
    (the corridor, ERICEN) builds for the region, not for the state's contract."""
    return not _fact(world, action).builds


def prize(world: World) -> float:
    """What the best offer wins in the state: alignment, and as much floor (C13, C15)."""
    rules = world.rules.contest
    return rules.strength * rules.tender_prize


def offer_weight(world: World, power: str, action: ActionDef, state_id: str) -> float:
    """How much each point a power spends in a state counts in its tender: its receptivity there,
    softened by `offer_weighting` (a state is warier of some partners' money, not deaf to it)."""
    receptive = multiplier(world, world.state.countries[state_id], power, action.track)
    return receptive**world.rules.contest.offer_weighting


def tender_leader(world: World, tender: dict) -> str | None:
    """The power whose offer leads (at least the minimum bid; a tie goes to the state's closer partner)."""
    bids = tender["bids"]
    country = world.state.countries[tender["state"]]
    least = world.rules.contest.tender_min_bid
    eligible = [p for p in world.powers.ids if bids.get(p, 0.0) >= least]
    if not eligible:
        return None
    return max(eligible, key=lambda p: (bids.get(p, 0.0), country.alignment[p]))


def close_tenders(world: World) -> None:
    """Tenders whose last turn this was go to the best offer: a durable gain (alignment and floor)."""
    rules = world.rules.contest
    still_open = []
    for tender in world.state.tenders:
        if tender["closes"] > world.turn:
            still_open.append(tender)
            continue
        winner = tender_leader(world, tender)
        tender["winner"] = winner or ""
        tender["turn"] = world.turn
        world.state.tender_results.append(tender)
        if winner is None or not rules.strength:
            continue
        country = world.state.countries[tender["state"]]
        won, cause = prize(world), "rule:tender_won"
        world.shift_alignment(country, winner, won, cause, TENDER_CLAIMS)
        room = country.alignment[winner] - country.floors[winner]
        if room > 0:
            world.adjust_floor(country, winner, min(room, won), cause, TENDER_CLAIMS)
    world.state.tenders = still_open


def open_tenders(world: World) -> None:
    """Each state without an open tender may open one, for offers over the next `tender_turns` turns."""
    rules = world.rules.contest
    chance = rules.strength * rules.tender_chance
    if chance <= 0:
        return
    rng = world.rng("tenders")
    for state_id in world.state_ids:
        if rng.random() < chance and open_tender(world, state_id) is None:
            world.state.tenders.append(
                {"state": state_id, "opened": world.turn, "closes": world.turn + rules.tender_turns, "bids": {}}
            )


def _left(world: World, tender: dict) -> int:
    """Turns the tender takes offers for, this one included."""
    return tender["closes"] - world.turn + 1


def turns_left(world: World, state_id: str) -> int:
    """Turns a tender in the state stays open for offers, this one included (0: none open)."""
    tender = open_tender(world, state_id) if world.state.tenders else None
    return _left(world, tender) if tender is not None else 0


def offer_list(world: World, tender: dict) -> str:
    """'China 3.0, US 2.1': the offers as the state weighs them, best first ('' before any)."""
    bids = tender["bids"]
    ranked = sorted((p for p in world.powers.ids if bids.get(p)), key=lambda p: -bids[p])
    return ", ".join(f"{world.powers.short(p)} {bids[p]:.1f}" for p in ranked)


def offers_text(world: World, tender: dict) -> str:
    """'offers so far: China 3.0, US 2.1', or 'no offers yet'; 'offers: …' or 'no offers' once closed."""
    offers, closed = offer_list(world, tender), "winner" in tender
    if not offers:
        return "no offers" if closed else "no offers yet"
    return f"{'offers' if closed else 'offers so far'}: {offers}"


def closing_text(world: World, tender: dict) -> str:
    """When a tender closes and how the offers stand: 'in 2 turns (offers so far: China 3.0)'."""
    left = _left(world, tender)
    when = "at the end of this turn" if left <= 1 else f"in {left} turns"
    return f"{when} ({offers_text(world, tender)})"
