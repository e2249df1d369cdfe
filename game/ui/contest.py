"""What the window shows of the contest: every power's standing per state, tipping, next tier, summaries.

Plain functions over the simulation (no drawing), so the map, the state panel and the turn
report read one model and tests can check it without pixels. Standing comes from
`game.sim.standing` (C1, C2), summaries from `game.sim.summary`.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from game.content.powers import STANDARD
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.sim.explain import describe_factors
from game.sim.ledger import Change
from game.sim.receptivity import window_gain
from game.sim.rules import contest
from game.sim.standing import LEVEL, PREFERRED, state_standing
from game.sim.summary import factor_line, state_summaries, summary_line
from game.ui.history import alignment_series, changes_since_end_turn


@attrs.frozen
class StateLook:
    """What the map shows of one state: who leads, by how much, and every power's share.

    `shares` and `changes` follow `powers` (the scenario's declared order); changes are in share points
    since the player last pressed End Turn. `tipped_from` names the previous leader when the
    lead changed hands in that time.
    """

    leader: str
    margin: float  # leader's share minus the runner-up's, 0–1
    shares: tuple[float, ...] = (1 / 3, 1 / 3, 1 / 3)
    changes: tuple[float, ...] = (0.0, 0.0, 0.0)
    tipped_from: str | None = None
    powers: tuple[str, ...] = STANDARD
    opening: float = 0.0  # how far US efforts go while an event's opening lasts (x2.2), 0 without one (C7)
    tender: int = 0  # turns a tender there stays open for offers, this one included (0: none, C15)


def _leader(alignment: dict[str, float]) -> str:
    """Same rule as CountryState.leader: highest alignment, ties to the power declared first."""
    order = list(alignment)
    return max(order, key=lambda p: (alignment[p], -order.index(p)))


def _shares(alignment: dict[str, float]) -> tuple[float, ...]:
    total = sum(alignment.values())
    if not total:
        return tuple(1 / len(alignment) for _ in alignment)
    return tuple(value / total for value in alignment.values())


def starting_look(declared: dict[str, float], powers: tuple[str, ...] = STANDARD) -> StateLook:
    """A state's look from a scenario's starting alignment, in its powers' order (nothing moved)."""
    alignment = {p: declared.get(p, 0.0) for p in powers}  # a power left out starts at 0
    shares = _shares(alignment)
    ranked = sorted(shares, reverse=True)
    return StateLook(_leader(alignment), ranked[0] - ranked[1], shares, (0.0,) * len(shares), None, tuple(alignment))


def opening_boost(sim: Simulation, state_id: str) -> float:
    """While an event's opening lasts, how far US efforts in the state go: the window's whole C7
    factor, the same one the order preview shows (0 without an opening)."""
    values = sim.state.countries[state_id].values
    return 1 + window_gain(sim.world, values) if values.get("opening", 0.0) > 0 else 0.0


def state_looks(sim: Simulation) -> tuple[tuple[str, StateLook], ...]:
    """Every state's look now, compared with the moment End Turn was last pressed."""
    moved: dict[tuple[str, str], float] = {}
    for change in changes_since_end_turn(sim):
        group, _, power = change.variable.partition(".")
        if group == "alignment":
            key = (change.target, power)
            moved[key] = moved.get(key, 0.0) + change.delta
    looks = []
    for state_id, country in sim.state.countries.items():
        now = dict(country.alignment)
        before = {p: now[p] - moved.get((state_id, p), 0.0) for p in now}
        shares, old = _shares(now), _shares(before)
        ranked = sorted(shares, reverse=True)
        leader, previous = _leader(now), _leader(before)
        looks.append(
            (
                state_id,
                StateLook(
                    leader,
                    ranked[0] - ranked[1],
                    shares,
                    tuple(100 * (new - was) for new, was in zip(shares, old, strict=True)),
                    previous if previous != leader else None,
                    tuple(now),
                    opening_boost(sim, state_id),
                    contest.turns_left(sim.world, state_id),
                ),
            )
        )
    return tuple(looks)


def preferred_share(scenario: Scenario) -> float:
    return scenario.score.preferred_share


def next_tier_lines(sim: Simulation, state_id: str, power: str = "us") -> tuple[str, ...]:
    """How far `power` is from its next standing tier, longest wording first (a narrow panel takes a shorter one).

    'US needs +4.2 alignment to be level with Russia (now rival-led)', then without the tier,
    then without 'alignment'.
    """
    standing = state_standing(sim.state.countries[state_id], power, preferred_share(sim.scenario))
    table = sim.scenario.power_table
    who = table.short(power)
    if standing.next_tier is None:
        return (f"{who} is the preferred partner here: hold it", f"{who} is the preferred partner")
    rival = table.name(standing.strongest_other)
    goal = {
        LEVEL: f"to be level with {rival}",
        PREFERRED: "to be the preferred partner",
    }.get(standing.next_tier, f"to lead {rival}")
    need = f"+{standing.points_needed:.1f}"
    return (
        f"{who} needs {need} alignment {goal} (now {standing.tier})",
        f"{who} needs {need} alignment {goal}",
        f"{who} needs {need} {goal}",
    )


def turn_summaries(sim: Simulation, changes: Iterable[Change], power: str = "us") -> list[str]:
    """The report's per-state lines, biggest net change first (states that did not move are left out).

    A state whose gains were scaled by its receptivity names the strongest factor ('; gains ×1.80
    window of opportunity, C7'): the multipliers are causes too (issue 9.3).
    """
    changes = list(changes)
    totals: dict[str, float] = {}
    for change in changes:
        if change.variable == f"alignment.{power}" and change.target in sim.world.state_defs:
            totals[change.target] = totals.get(change.target, 0.0) + change.delta
    ranked = sorted((s for s, t in totals.items() if abs(t) >= 0.05), key=lambda s: (-abs(totals[s]), s))
    lines = []
    for state_id in ranked:
        gains = [c for c in changes if c.target == state_id and c.variable == f"alignment.{power}" and c.factors]
        scaled = describe_factors(gains, limit=1)  # the strongest only: the hover lists them all
        lines.append(summary_line(changes, state_id, power, sim.scenario) + (f"; gains {scaled}" if scaled else ""))
    return lines


def tipped_in_turn(sim: Simulation, turn: int) -> list[str]:
    """'Kazakhstan: China now leads (was Russia)' for each state whose lead changed hands in `turn`."""
    series = alignment_series(sim)
    lines = []
    for state_id, by_power in series.items():
        if turn >= len(by_power["us"]):
            continue
        before = _leader({p: by_power[p][turn - 1] for p in by_power})
        after = _leader({p: by_power[p][turn] for p in by_power})
        if before != after:
            name, names = sim.world.state_name(state_id), sim.world.powers
            lines.append(f"{name}: {names.name(after)} now leads (was {names.name(before)})")
    return lines


def openings_in_turn(sim: Simulation, changes: Iterable[Change]) -> list[str]:
    """'Turkmenistan: an opening for the US ...' for each state an event opened this turn (C7).

    An opening is the biggest chance on the board while it lasts, so the report names it beside
    the US summaries instead of leaving it among the events.
    """
    window = sim.world.rules.window
    lines = []
    for change in changes:
        if change.variable != "values.opening" or change.delta <= 0:
            continue
        opening = sim.state.countries[change.target].values["opening"]
        boost = opening_boost(sim, change.target)
        quarters = -(-opening // window.opening_fade) if window.opening_fade else 0
        lasting = f" for about {quarters:.0f} more quarters" if quarters else ""
        lines.append(
            f"{sim.world.state_name(change.target)}: an opening for the US — efforts there go about "
            f"×{boost:.1f} as far{lasting} (C7)"
        )
    return lines


def tender_line(sim: Simulation, state_id: str, short: bool = False) -> str | None:
    """The state panel's line while a tender is open there: when it closes and the offers so far (C15).

    `short` is the one-line form a crowded panel takes: 'Tender, 2 turns left: China 3.4, US 1.2'.
    """
    world = sim.world
    tender = contest.open_tender(world, state_id)
    if tender is None:
        return None
    if short:
        offers = contest.offer_list(world, tender) or "no offers yet"
        return f"Tender, {contest.turns_left(world, state_id)} turns left: {offers}"
    return f"Tender: the contract goes to the best offer {contest.closing_text(world, tender)}"


def tenders_in_turn(sim: Simulation, turn: int) -> list[str]:
    """The report's tender lines for `turn`: contracts awarded (and to whom), then tenders opened (C13, C15).

    A tender is an opportunity that expires and a rival can take first, so the report names it
    beside the US summaries, as it does an opening.
    """
    world = sim.world
    prize = contest.prize(world)
    lines = []
    for result in world.state.tender_results:
        if result.get("turn") != turn:
            continue
        name, offers = world.state_name(result["state"]), contest.offers_text(world, result)
        if result["winner"]:
            power = result["winner"]  # 'the US offer', 'the Chinese offer': no article to get wrong
            adjective, winner = world.powers.adjective(power), world.powers.name(power)
            lines.append(
                f"{name} awarded its contract to the {adjective} offer ({offers}): "
                f"{winner} +{prize:.0f} alignment and floor there"
            )
        else:
            lines.append(
                f"{name} awarded no contract: no offer reached {world.rules.contest.tender_min_bid:g} ({offers})"
            )
    for tender in (*world.state.tenders, *world.state.tender_results):
        if tender["opened"] == turn:
            lines.append(
                f"{world.state_name(tender['state'])} opened a tender: every point spent there over the next "
                f"{tender['closes'] - turn} turns counts as an offer, weighed by how the state receives each power; "
                f"the best offer wins +{prize:.0f} alignment and floor there"
            )
    return lines


Block = list[tuple[str, tuple[int, int, int]]]  # one summary line wrapped: its parts, each with its colour


def fit_summary(blocks: list[Block], fits: int, most: int, notice_colours: tuple) -> tuple[Block, bool]:
    """The report summary's wrapped lines that fit in `fits` lines, and whether some were left out.

    When they do not all fit, the notices (blocks in `notice_colours`: an opening, a tender won
    or opened, a tipped state) are news the ledger does not say in words: they come first,
    whole, and may take up to `most` lines; the US lines per state give way (each state's
    filter in the ledger has them). One line is kept for the note that more is below. No line
    is cut off mid-sentence, and what is shown keeps its order.
    """
    if sum(len(block) for block in blocks) <= fits:
        return [part for block in blocks for part in block], False
    notices = [i for i, block in enumerate(blocks) if block[0][1] in notice_colours]
    wanted = sum(len(blocks[i]) for i in notices) + 1  # and the note that more is below
    room, kept = max(fits, min(most, wanted)) - 1, set()
    for i in notices:  # the notices first, in order, while whole ones fit
        if len(blocks[i]) > room:
            break
        kept.add(i)
        room -= len(blocks[i])
    for i, block in enumerate(blocks):  # then the US lines, in order, while whole ones fit
        if i in notices:
            continue
        if len(block) > room:
            break
        kept.add(i)
        room -= len(block)
    return [part for i, block in enumerate(blocks) if i in kept for part in block], True


def hover_breakdown(sim: Simulation, state_id: str, power: str = "us") -> tuple[float, list[tuple[str, float]]]:
    """The alignment change the state panel shows for `power`, and its parts by cause (the same changes)."""
    variable = f"alignment.{power}"
    changes = [c for c in changes_since_end_turn(sim) if c.target == state_id and c.variable == variable]
    return sum(c.delta for c in changes), state_summaries(changes, state_id, power, sim.scenario)


def breakdown_tip(sim: Simulation, state_id: str, power: str = "us") -> str:
    """The hover text of an alignment number: the same breakdown as the turn report's line."""
    total, parts = hover_breakdown(sim, state_id, power)
    if not parts and abs(total) < 0.05:
        name = sim.world.state_name(state_id)
        return f"{sim.scenario.power_table.short(power)} alignment in {name} has not moved since you last pressed End Turn."
    changes = changes_since_end_turn(sim)
    line = summary_line(changes, state_id, power, sim.scenario, limit=6)
    scaled = factor_line(changes, state_id, power)  # receptivity as a cause: '×1.80 window of opportunity, C7'
    return f"{line} (since you last pressed End Turn)." + (f" Its {scaled}." if scaled else "")
