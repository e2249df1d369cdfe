"""Russia and China play to win: they judge each move by their standing against the others.

A rival values a candidate order by what it would do to standing (`game.sim.standing`),
measured from its own side: its own share gained plus the US share it takes away, per
point spent. Its doctrine (scenario YAML) says which actions it likes and where; the
situation it reads from last quarter's ledger says where it must act now:

- contest: the US gained in a state last quarter;
- defend: its lead or its place is slipping (the US or the other rival close behind);
- fill the gap: the US has neglected a state for several quarters (C19);
- answer each other: the other rival gained there last quarter;
- answer a US move of a kind its doctrine names (by action tag);
- bid for a contract: the state has a tender open (C15), won by the best offer.

Difficulty sets how well it plays, not only its budget: `rival_skill` is how sharply it
targets (noise on its valuation), `rival_foresight` how many quarters of maturing US
goodwill it sees coming (C6). Each order carries one sentence naming the situation.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from game.content import effects as e
from game.content.scenario import ActionDef
from game.sim.conditions import holds
from game.sim.legality import check_action, order_cost, out_of_budget, remaining
from game.sim.orders import IllegalOrder, Order, PlannedOrder
from game.sim.receptivity import multiplier, reads_track
from game.sim.rules import contest
from game.sim.world import World

CONTEST_WEIGHT = 1.0  # US share taken away counts as much as own share gained
TENDER_PULL = 1.5  # extra urgency of a state with a tender open, for a rival of full skill
REPEAT_SPREAD = 0.6  # value kept by each further order in the same state this turn


class Situation(NamedTuple):
    """What a rival reads about one state before choosing (per turn, per rival)."""

    us_gain: float  # US alignment change last quarter
    other_gain: float  # the other rivals' largest alignment change last quarter
    own_gain: float  # this rival's alignment change last quarter
    gap: float  # own alignment minus the strongest other's (negative: behind)
    neglect: float  # quarters the US has not engaged the state
    other: str = ""  # the other rival that gained most (the first declared on a tie)
    tender: dict | None = None  # the tender open in the state, if any (C15)


def last_quarter_gains(world: World) -> dict[tuple[str, str], float]:
    """Alignment changes per (state, power) recorded in the previous turn's ledger (do not change it)."""
    return world.ledger.alignment_gains(world.turn - 1)


def read_situation(world: World, power: str) -> dict[str, Situation]:
    gains = last_quarter_gains(world)
    others = [p for p in world.rivals if p != power]  # with three powers, the one other rival
    only = others[0] if len(others) == 1 else ""  # then max() below needs no key call per state
    result = {}
    for state_id, country in world.state.countries.items():
        alignment = country.alignment
        strongest = -math.inf  # the strongest other power's alignment (a loop: no generator per state)
        for other_power, value in alignment.items():
            if other_power != power and value > strongest:
                strongest = value
        other = only or max(others, key=lambda p: gains.get((state_id, p), 0.0), default="")
        result[state_id] = Situation(
            us_gain=gains.get((state_id, "us"), 0.0),
            other_gain=gains.get((state_id, other), 0.0),
            own_gain=gains.get((state_id, power), 0.0),
            gap=alignment[power] - strongest,
            neglect=country.values["neglect_turns"],
            other=other,
            tender=contest.open_tender(world, state_id) if world.state.tenders else None,
        )
    return result


def _foreseen_us(world: World, state_id: str, foresight: int) -> float:
    """US alignment still to come from goodwill maturing within `foresight` quarters (C6)."""
    if foresight <= 0:
        return 0.0
    last = world.state.turn + foresight
    due = sum(amount for turn, amount in world.state.countries[state_id].goodwill_due.items() if int(turn) <= last)
    return due * world.rules.long_game.alignment_per_goodwill * world.rules.long_game.strength


class Standing(NamedTuple):
    """One state's shares as a rival weighs gains there this turn: the parts no candidate changes.

    `us` includes the US goodwill the rival sees maturing (its foresight); `total` is every
    power's alignment plus that; the shares are capped at the scenario's preferred share.
    """

    own: float
    us: float
    total: float
    own_share: float
    us_share: float


def _standing_now(alignment: dict[str, float], power: str, us_extra: float, cap: float) -> Standing:
    """The candidate-free half of `_standing_gain`, worked out once per state and turn."""
    us = alignment["us"] + us_extra
    own = us if power == "us" else alignment[power]
    total = sum(alignment.values()) + us_extra
    if total <= 0:
        return Standing(own, us, total, 0.0, 0.0)
    return Standing(own, us, total, min(own / total, cap), min(us / total, cap))


def _standing_gain(now: Standing, gain: float, cap: float) -> float:
    """Percentage points of standing a rival wins from `gain` alignment: own share up, US share down."""
    own, us, total, own_share, us_share = now
    if total <= 0:
        return 0.0
    own_after = (own + gain) / (total + gain)
    us_after = us / (total + gain)
    # min(x, cap) written out (it runs per candidate): the same float, without a builtin call
    own_gain = (cap if cap < own_after else own_after) - own_share
    us_loss = us_share - (cap if cap < us_after else us_after)
    return 100 * (own_gain + CONTEST_WEIGHT * us_loss)


def _urgency(situation: Situation, skill: float = 0.0) -> tuple[float, str]:
    """How much the situation in a state calls for action, and the situation to name (before any focus).

    A tender open in the state (C15) pulls as hard as the rival's skill lets it see the prize.
    """
    us, other, gap = situation.us_gain, situation.other_gain, situation.gap
    urgency, kind = 1.0, ""
    if situation.tender is not None and skill > 0:
        urgency, kind = 1 + TENDER_PULL * skill, "tender"
    if us > 0.5:
        urgency, kind = 1 + us / 3, "contest"
    if gap < 6 and (situation.own_gain < 0 or gap < 0):
        threat = 1 + max(0.0, 6 - gap) / 8
        if threat > urgency:
            urgency, kind = threat, "defend"
    if situation.neglect >= 2 and 1 + situation.neglect / 4 > urgency:
        urgency, kind = 1 + situation.neglect / 4, "gap"
    if other > 1.0 and 1 + other / 4 > urgency:
        urgency, kind = 1 + other / 4, "answer"
    return urgency, kind


PRESSED = frozenset({"contest", "defend"})  # the situations a doctrine's focus can press harder


def _focused(urgent: tuple[float, str], focus: str) -> tuple[float, str]:
    """A doctrine focused on contesting or defending presses harder when that is the situation.

    Apart from `_urgency` so a state's urgency is read once per turn, not once per priority.
    """
    urgency, kind = urgent
    if focus == kind and kind in PRESSED:
        return urgency * 1.3, kind
    return urgent


def _situation_text(kind: str, world: World, power: str, state_id: str | None, situation: Situation | None) -> str:
    if state_id is None or situation is None:
        return ""
    name = world.state_name(state_id)
    names = world.powers
    if kind == "contest":
        return f"The US gained {situation.us_gain:.1f} in {name} last quarter"
    if kind == "defend":
        if situation.gap < 0:
            return f"{names.name(power)} trails in {name} by {-situation.gap:.1f}"
        return f"{names.name(power)}'s lead in {name} is down to {situation.gap:.1f}"
    if kind == "gap":
        return f"The US has left {name} alone for {situation.neglect:.0f} quarters"
    if kind == "answer":
        return f"{names.name(situation.other)} gained {situation.other_gain:.1f} in {name} last quarter"
    if kind == "tender" and situation.tender is not None:
        return f"{name}'s tender closes {contest.closing_text(world, situation.tender)}"
    return ""


class Candidate(NamedTuple):
    value: float
    index: int
    action: ActionDef
    target: str | None
    reason: str  # the doctrine's reason template
    kind: str  # the situation it answers


GAIN, PUSH_US, REPAIR = 0, 1, 2  # the effects a rival values, by how it values them


def _valued_effects(world: World, action: ActionDef, power: str) -> tuple[tuple[int, e.Influence | e.Adjust], ...]:
    """The action's effects that `power` values, in order, each with how it values it (found once)."""
    memo = world.facts.setdefault("doctrine_effects", {})
    key = (action.id, power)
    known = memo.get(key)
    if known is not None and known[0] is action:
        return known[1]
    picked: list[tuple[int, e.Influence | e.Adjust]] = []
    for effect in action.effects:
        if isinstance(effect, e.Influence) and effect.power in (None, power) and effect.amount > 0:
            picked.append((GAIN, effect))
        elif isinstance(effect, e.Influence) and effect.power == "us" and effect.amount < 0:
            picked.append((PUSH_US, effect))
        elif (
            isinstance(effect, e.Adjust)
            and effect.amount < 0
            and effect.variable in ("china_wariness", "russia_strain")
        ):
            picked.append((REPAIR, effect))
    found = tuple(picked)
    memo[key] = (action, found)
    return found


class RivalTurn(NamedTuple):
    """What one rival's valuations share for one turn (nothing changes while it chooses).

    `receptive` and `standing` fill as candidates need them: each state's receptivity per
    track and its `Standing`, which many candidates share.
    """

    world: World
    power: str
    foresight: int  # quarters of maturing US goodwill it sees coming (C6)
    cap: float  # the scenario's preferred share
    by_track: bool  # whether this power's receptivity depends on the track (`reads_track`)
    receptive: dict[tuple[str, str], float]
    standing: dict[str, Standing]


def _action_value(
    turn: RivalTurn, action: ActionDef, target: str | None, valued: tuple[tuple[int, e.Influence | e.Adjust], ...]
) -> float:
    """Standing points this action would win, before the doctrine's weight (cheap estimate).

    `valued` is `_valued_effects` of the action (with none, the caller knows the value is 0).
    """
    world, power, foresight, cap, by_track, receptive, standing = turn
    fatigue = contest.expected_fatigue(world, power, action, target)
    if fatigue <= 0:
        return 0.0
    targets = (target,) if target is not None else world.state_ids
    scale = world.rules.c5plus1.region_share if target is None else 1.0
    total = 0.0
    track = action.track if by_track else "any track"  # a rival's factors are the same on every track
    for state_id in targets:
        country = world.state.countries[state_id]
        for how, effect in valued:
            if how == GAIN:
                key = (state_id, track)
                if key not in receptive:
                    receptive[key] = multiplier(world, country, power, action.track)
                now = standing.get(state_id)
                if now is None:  # with the US goodwill the rival sees coming, once per state
                    now = standing[state_id] = _standing_now(
                        country.alignment, power, _foreseen_us(world, state_id, foresight), cap
                    )
                gain = effect.amount * scale * receptive[key] * (1.15 if effect.durable else 1.0)  # type: ignore[union-attr]
                total += _standing_gain(now, gain, cap)
            elif how == PUSH_US:
                push = abs(effect.amount) * scale
                room = country.alignment["us"] - country.floors["us"] - world.rules.third_vector.backlash_margin
                everyone = max(1.0, sum(country.alignment.values()))
                if push > room and world.rules.third_vector.strength:  # C2: it would backfire
                    total -= 100 * world.rules.third_vector.backlash_alignment / everyone
                else:
                    total += 100 * push / everyone
            else:
                # Repairing ties (C3, C4): worth more the more the unease bites.
                total += 0.08 * abs(effect.amount) * scale * country.values.get(effect.variable, 0.0) / 50  # type: ignore[union-attr]
    return total * fatigue


def _state_weights(world: World) -> dict[str, float]:
    """How much each state counts in a rival's eyes (content only, so worked out once per game)."""
    weights = world.facts.get("doctrine_weights")
    if weights is None:
        weights = world.facts["doctrine_weights"] = {
            state_id: definition.score_weight * 5 for state_id, definition in world.state_defs.items()
        }
    return weights


def choose_rival_orders(world: World, power: str, already: Sequence[Order]) -> list[PlannedOrder]:
    """The orders an AI power gives this turn, each with the situation it answers."""
    doctrine = world.scenario.power(power).doctrine
    if doctrine is None:
        return []
    difficulty = world.difficulty
    rng = world.rng(f"ai:{power}")
    noise = 1 - difficulty.rival_skill
    foresight = difficulty.rival_foresight
    countries = world.state.countries
    situations = read_situation(world, power)
    urgent = {state_id: _urgency(situation, difficulty.rival_skill) for state_id, situation in situations.items()}
    turn = RivalTurn(world, power, foresight, world.scenario.score.preferred_share, reads_track(power), {}, {})
    values: dict[tuple[str, str | None], float] = {}
    costs: dict[str, float] = {}  # per action id: fixed while choosing
    candidates: list[Candidate] = []

    def base(action: ActionDef, target: str | None) -> float:
        key = (action.id, target)
        value = values.get(key)
        if value is None:
            valued = _valued_effects(world, action, power)
            value = values[key] = _action_value(turn, action, target, valued) if valued else 0.0
        return value

    def cost_of(action: ActionDef) -> float:
        cost = costs.get(action.id)
        if cost is None:
            cost = costs[action.id] = order_cost(world, action)
        return cost

    weights = _state_weights(world)
    for priority in doctrine.priorities:
        action = world.actions[priority.action]
        cost = cost_of(action)
        when, focus = priority.when, priority.focus
        reason = priority.reason or f"{action.name} in {{state}}"
        if action.target != "state":
            value = priority.weight * 1.0 * (0.5 + 1.0) * base(action, None) / cost
            candidates.append(Candidate(value, len(candidates), action, None, reason, ""))
            continue
        for target in world.state_ids:
            if when is not None and not holds(when, world, countries[target]):
                continue
            urgency, kind = _focused(urgent[target], focus)
            value = priority.weight * urgency * (0.5 + weights[target]) * base(action, target) / cost
            candidates.append(Candidate(value, len(candidates), action, target, reason, kind))
    for response in doctrine.responses:
        action = world.actions[response.action]
        for us_order in world.state.last_us_orders:
            target = us_order["target"] if action.target == "state" else None
            if response.to_tag in us_order["tags"] and (target or action.target != "state"):
                value = response.weight * 1.5 * (1 + base(action, target)) / cost_of(action)
                reason = response.reason or "answering a US move in {state}"
                candidates.append(Candidate(value, len(candidates), action, target, reason, "response"))
    budget = remaining(world, power, already)
    return _pick(world, power, candidates, costs, situations, budget, noise, rng.random)


NOISE_LOW, NOISE_HIGH = -0.9, 0.9  # the range of a rival's noise draw, as a share of its noise
NOISE_SPAN = NOISE_HIGH - NOISE_LOW  # `random.uniform`'s own arithmetic: low + (high - low) * random()


def _pick(
    world: World,
    power: str,
    candidates: list[Candidate],
    costs: dict[str, float],
    situations: dict[str, Situation],
    budget: dict[str, float],
    noise: float,
    random: Callable[[], float],
) -> list[PlannedOrder]:
    """Take the best candidates the budget allows, in order of noisy value, spreading across states.

    `costs` holds each candidate action's `order_cost`; `random` is the rival's generator, drawn
    once per candidate as `uniform(NOISE_LOW, NOISE_HIGH)` would (the same draws, the same values)
    without a Python call per draw.
    """
    # A lazy max-heap on (-value, index, picks seen): indexes are unique, so the tails are never
    # compared; an entry whose state gained picks since it was pushed is re-pushed, discounted.
    heap = [(-(c.value * (1 + noise * (NOISE_LOW + NOISE_SPAN * random()))), c.index, 0, c) for c in candidates]
    heapq.heapify(heap)
    chosen: set[tuple[str, str | None]] = set()
    sensible: dict[tuple[str, str | None], bool] = {}
    planned: list[PlannedOrder] = []
    picks: dict[str | None, int] = {}
    # The cheapest candidate per track: once no track's budget covers its cheapest, every
    # later pop would be skipped as unaffordable, so the loop stops there (budgets only fall).
    cheapest: dict[str, float] = {}
    for c in candidates:
        cost = costs[c.action.id]
        if cost < cheapest.get(c.action.track, math.inf):
            cheapest[c.action.track] = cost
    texts = _Texts(world, power, situations)
    while heap:
        negative, index, seen, candidate = heapq.heappop(heap)
        action, target = candidate.action, candidate.target
        key = (action.id, target)
        cost = costs[action.id]
        # `affordable`, written out (it runs on every pop): budgets only fall, so a candidate it
        # refuses is dropped for good rather than re-pushed.
        if key in chosen or cost > budget[action.track] + 1e-9 or action.capital_cost > budget["capital"] + 1e-9:
            continue
        now = picks.get(target, 0) if target is not None else 0
        if now != seen:
            heapq.heappush(heap, (negative * REPEAT_SPREAD ** (now - seen), index, now, candidate))
            continue
        order = Order(power, action.id, target)
        if key not in sensible:
            try:
                check_action(world, order)
                sensible[key] = True
            except IllegalOrder:
                sensible[key] = False
        if not sensible[key]:
            continue
        chosen.add(key)
        budget[action.track] -= cost
        picks[target] = now + 1
        planned.append(PlannedOrder(order, texts.reason(candidate)))
        if out_of_budget(budget, cheapest):
            break
    return planned


class _Texts:
    """The sentences of one rival's orders this turn; names and situations are looked up once each."""

    def __init__(self, world: World, power: str, situations: dict[str, Situation]) -> None:
        self.world = world
        self.power = power
        self.power_name = world.powers.name(power)
        self.situations = situations
        self._said: dict[tuple[str, str | None], str] = {}
        # The doctrine's sentence per (template, target, power): content only, so kept for the game.
        self._filled: dict[tuple[str, str | None, str], tuple[str, str, str]] = world.facts.setdefault(
            "doctrine_texts", {}
        )

    def reason(self, candidate: Candidate) -> str:
        """One sentence: the situation the order answers, then what the power does about it."""
        target = candidate.target
        name, text, continuing = self.filled(candidate.reason, target)
        if candidate.kind == "response" and target:
            return f"Answering the US move in {name}: {continuing}"
        situation = self.situation(candidate.kind, target)
        return f"{situation}; {continuing}" if situation else text

    def filled(self, template: str, target: str | None) -> tuple[str, str, str]:
        """The place's name, the template filled in, and the same as a sentence's second half."""
        key = (template, target, self.power_name)
        known = self._filled.get(key)
        if known is None:
            name = self.world.state_name(target) if target else "the region"
            text = template.format(state=name, power=self.power_name)
            known = self._filled[key] = (name, text, _continuing(text))
        return known

    def situation(self, kind: str, target: str | None) -> str:
        """`_situation_text` for a state, remembered: several orders often answer the same one."""
        key = (kind, target)
        said = self._said.get(key)
        if said is None:
            situation = self.situations.get(target) if target else None
            said = self._said[key] = _situation_text(kind, self.world, self.power, target, situation)
        return said


def _continuing(text: str) -> str:
    """The text as the second half of a sentence: 'The Kremlin…' → 'the Kremlin…', names keep their capital."""
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first in ("The", "A", "An") else text
