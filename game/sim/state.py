"""The game state: the only mutable thing in a game, referring to content by id.

Every number sits in a plain dict (so the ledger can change and record it uniformly) and
the whole state converts to and from JSON-ready data for saves and hashes.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import attrs

from game.content.powers import STANDARD
from game.content.rules import RuleParams
from game.content.scenario import Scenario, StateDef
from game.content.vocabulary import TRACKS
from game.sim.ledger import quantise


@attrs.define
class CountryState:
    """One Central Asian state during play."""

    id: str
    alignment: dict[str, float]
    floors: dict[str, float]
    fragile: dict[str, float]  # cash-bought influence still fading away (C6)
    values: dict[
        str, float
    ]  # stability, economy, china_wariness, russia_strain, resilience, us_trust, opening, neglect_turns
    goodwill_due: dict[str, float]  # turn number (as text) -> US goodwill maturing then (C5, C6)
    flags: dict[str, float]  # 0/1: pntr, pntr_eligible, on_corridor, afghan_border, partnership

    def leader(self) -> str:
        """The power with the highest alignment (ties go to the power declared first)."""
        order = list(self.alignment)  # in the scenario's declared order
        return max(order, key=lambda p: (self.alignment[p], -order.index(p)))

    def share(self, power: str) -> float:
        total = sum(self.alignment.values())
        return self.alignment[power] / total if total else 1 / len(self.alignment)


@attrs.define
class PowerState:
    """A power's budgets (points available this turn) per track."""

    id: str
    budget: dict[str, float]


@attrs.define
class GameState:
    """Everything that changes during a game."""

    turn: int
    countries: dict[str, CountryState]
    powers: dict[str, PowerState]
    washington: dict[str, float]  # political_capital, congress_support (C11)
    region: dict[str, float]  # c5plus1_preparation, backlash, western_trade
    projects: dict[str, float]  # project id -> progress 0-100
    globals: dict[str, float]  # 0/1 global conditions
    events_fired: dict[str, list[int]] = attrs.field(factory=dict)
    choices_made: dict[str, list[str]] = attrs.field(factory=dict)  # event id -> answers given, in order
    engaged: dict[str, list[str]] = attrs.field(factory=dict)  # power -> states it acted in last turn
    last_us_orders: list[dict[str, Any]] = attrs.field(factory=list)
    scheduled: list[dict[str, Any]] = attrs.field(factory=list)  # delayed actions: due, power, action, target
    lasting: list[dict[str, Any]] = attrs.field(
        factory=list
    )  # income changes: power, track, amount, first, last, cause
    rule_overrides: dict[str, Any] = attrs.field(factory=dict)  # parameters a facilitator changed mid-game
    reflections: list[dict[str, Any]] = attrs.field(factory=list)  # answers: turn, id, prompt, answer
    news: list[dict[str, Any]] = attrs.field(factory=list)  # facilitator news items: turn, title, text
    score_history: list[float] = attrs.field(factory=list)
    # The contest (C1, C15): consecutive turns each power:action:target was used, and the
    # large projects each state hosts (state, power, action, until), and the open tenders
    # (state, opened, closes, bids: power -> points) — see rules/contest.py.
    repeats: dict[str, float] = attrs.field(factory=dict)
    hosted: list[dict[str, Any]] = attrs.field(factory=list)
    tenders: list[dict[str, Any]] = attrs.field(factory=list)
    tender_results: list[dict[str, Any]] = attrs.field(factory=list)  # closed tenders: + turn, winner ("" none)
    finished: bool = False
    outcome: str = ""


def structural_floors(state: StateDef, rules: RuleParams, powers: tuple[str, ...] = STANDARD) -> dict[str, float]:
    """Each power's floor in a state from its structural ties (C3, C4); an added power has none modelled."""
    ties = state.ties
    strain, wary = rules.russia_strain, rules.china_wariness
    russia = (
        ties.trade_share_russia * strain.floor_per_trade_share
        + ties.remittances_gdp * strain.floor_per_remittance
        + ties.russian_treaties * strain.floor_per_treaty
    )
    china = ties.trade_share_china * wary.floor_per_trade_share + ties.chinese_assets * wary.floor_per_pipeline
    floors = {"us": ties.us_floor, "russia": russia, "china": china}  # an added power has no ties modelled
    # A floor never sits above where the state starts: ties hold a power up, they don't lift it.
    return {p: quantise(min(floors.get(p, 0.0), state.alignment.get(p, 0.0))) for p in powers}


def initial_state(scenario: Scenario) -> GameState:
    """The state before turn 1's income."""
    powers_ids = scenario.power_table.ids
    countries = {}
    for definition in scenario.states:
        flags = attrs.asdict(definition.flags)
        countries[definition.id] = CountryState(
            id=definition.id,
            alignment={p: quantise(definition.alignment.get(p, 0.0)) for p in powers_ids},
            floors=structural_floors(definition, scenario.rules, powers_ids),
            fragile={p: 0.0 for p in powers_ids},
            values={
                "stability": quantise(definition.stability),
                "economy": quantise(definition.economy),
                "china_wariness": quantise(definition.china_wariness),
                "russia_strain": quantise(definition.russia_strain),
                "resilience": quantise(definition.resilience),
                "us_trust": quantise(definition.us_trust),
                "opening": quantise(definition.opening),  # a passing opening, raised by events (C7)
                "neglect_turns": 0.0,
                **{
                    name: quantise(float(definition.own.get(name, start)))
                    for name, start in scenario.state_variables.items()
                },
            },
            goodwill_due={},
            flags={
                **{name: 1.0 if value else 0.0 for name, value in flags.items()},
                **{
                    name: 1.0 if definition.own.get(name, start) else 0.0
                    for name, start in scenario.state_flags.items()
                },
            },
        )
    powers: dict[str, PowerState] = {p: PowerState(p, {t: 0.0 for t in TRACKS}) for p in powers_ids}
    return GameState(
        turn=1,
        countries=countries,
        powers=powers,
        washington={
            "political_capital": quantise(scenario.washington.political_capital),
            "congress_support": quantise(scenario.washington.congress_support),
        },
        region={"c5plus1_preparation": 0.0, "backlash": 0.0, "western_trade": 0.0},
        projects={p.id: quantise(p.progress) for p in scenario.projects},
        globals={name: quantise(float(value)) for name, value in scenario.globals.items()},  # true/false: 1/0
    )


def to_data(state: GameState) -> dict[str, Any]:
    """JSON-ready data for saves and hashes (key order is insertion order, which is deterministic)."""
    return attrs.asdict(state)


def from_data(data: dict[str, Any]) -> GameState:
    """Rebuild a state from `to_data` output."""
    fields = dict(data)
    fields["countries"] = {k: CountryState(**v) for k, v in data["countries"].items()}
    fields["powers"] = {k: PowerState(**v) for k, v in data["powers"].items()}
    return GameState(**fields)


def state_hash(state: GameState) -> str:
    """A hash of the whole state: equal hashes mean bit-identical games."""
    text = json.dumps(to_data(state), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def flatten(state: GameState) -> dict[tuple[str, str], float]:
    """Every ledger-tracked number as (target, variable) -> value, zeros left out."""
    flat: dict[tuple[str, str], float] = {}

    def put(target: str, group: str, values: dict[str, float]) -> None:
        for key, value in values.items():
            if value != 0.0:
                flat[(target, f"{group}.{key}")] = value

    for country in state.countries.values():
        for group in ("alignment", "floors", "fragile", "values", "goodwill_due", "flags"):
            put(country.id, group, getattr(country, group))
    for power in state.powers.values():
        put(power.id, "budget", power.budget)
    put("washington", "washington", state.washington)
    put("region", "region", state.region)
    put("region", "projects", state.projects)
    put("region", "globals", state.globals)
    return flat
