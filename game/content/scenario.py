"""Scenario definitions: the frozen attrs classes a scenario YAML file is structured into.

Definitions never change during play; the game state (`game.sim.state`) refers to them by
id. Field metadata carries the plain-English meaning used by errors and docs.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from attrs import field, frozen, validators

from game.content.conditions import Condition, doc
from game.content.effects import Effect
from game.content.powers import PowerLook, PowerTable, build_table
from game.content.rules import RuleParams
from game.content.vocabulary import Power, Track

FORMAT_VERSION = 1


@frozen
class TrackValues:
    """One number per track of effort."""

    soft_power: float = field(default=0.0, metadata=doc("education, culture, tourism, consumer markets"))
    trade: float = field(default=0.0, metadata=doc("investment, resource deals, corridors, PNTR"))
    diplomacy: float = field(default=0.0, metadata=doc("summits, visits, security, water, technology"))

    def get(self, track: str) -> float:
        return float(getattr(self, track))


@frozen
class Ties:
    """Structural ties that set each power's floor in a state (C3, C4). Calibrated from facts."""

    trade_share_russia: float = field(default=0.0, metadata=doc("% of the state's trade with Russia"))
    trade_share_china: float = field(default=0.0, metadata=doc("% of the state's trade with China"))
    remittances_gdp: float = field(default=0.0, metadata=doc("remittances as % of GDP (mostly from Russia)"))
    russian_treaties: int = field(default=0, metadata=doc("count of CSTO, EAEU membership and Russian bases"))
    chinese_assets: int = field(default=0, metadata=doc("count of Chinese pipelines and large Chinese debts"))
    us_floor: float = field(default=2.0, metadata=doc("US floor (alignment that never decays)"))


@frozen
class StateFlags:
    """What a state is and has, for conditions and rules."""

    pntr: bool = field(default=False, metadata=doc("has permanent normal trade relations with the US (C11)"))
    pntr_eligible: bool = field(default=False, metadata=doc("covered by the PNTR bill in Congress (C11)"))
    on_corridor: bool = field(
        default=False,
        metadata=doc(
            "lies on the Trans-Caspian route (C9): once the route is built, Russia's gains there count for less"
        ),
    )
    afghan_border: bool = field(default=False, metadata=doc("borders Afghanistan (C12)"))
    partnership: bool = field(default=False, metadata=doc("a strategic partnership with the US exists (C14)"))


@frozen
class StateDef:
    """One Central Asian state at the scenario's start."""

    id: str = field(metadata=doc("lower-case id used everywhere else"))
    name: str = field(metadata=doc("name shown to players"))
    capital: str = field(metadata=doc("capital city"))
    score_weight: float = field(metadata=doc("weight in the US score (C14: Kazakhstan weighs most)"))
    alignment: dict[str, float] = field(
        metadata=doc("alignment with each power by power id, 0–100 (a power left out starts at 0)")
    )
    stability: float = field(metadata=doc("domestic stability, 0–100"))
    economy: float = field(metadata=doc("economy and openness, 0–100"))
    china_wariness: float = field(metadata=doc("public wariness of Chinese influence, 0–100 (C4)"))
    multivector: float = field(metadata=doc("strength of multi-vector balancing, 0–1 (C1)"))
    openness: float = field(
        default=1.0, metadata=doc("receptivity to every outside power, 0–1 (Turkmen neutrality is low)")
    )
    resilience: float = field(default=20.0, metadata=doc("readiness against shared threats, 0–100 (C12)"))
    russia_strain: float = field(
        default=0.0, metadata=doc("strain in the state's ties with Russia since the war in Ukraine, 0–100 (C3)")
    )
    us_trust: float = field(default=5.0, metadata=doc("trust in the US built by goodwill, 0–100 (C5, C6)"))
    opening: float = field(
        default=0.0,
        metadata=doc("a passing opening for the US at the start, 0–100; fades each turn (C7)"),
    )
    water: Literal["upstream", "downstream", "none"] = field(
        default="none", metadata=doc("position on the rivers (C12)")
    )
    ties: Ties = field(factory=Ties, metadata=doc("structural ties that set floors"))
    flags: StateFlags = field(factory=StateFlags, metadata=doc("what the state is and has"))
    own: dict[str, bool | float] = field(
        factory=dict,
        metadata=doc("this state's starting values for the scenario's own state_variables and state_flags"),
    )
    about: str = field(default="", metadata=doc("a line for the side panel"))


@frozen
class PowerDef:
    """A power: its name and look, its income and, for every power but the US, its AI doctrine."""

    id: Power = field(metadata=doc("us, russia, china, or a power this scenario adds"))
    name: str = field(metadata=doc("name shown to players"))
    budget: TrackValues = field(metadata=doc("points received per turn on each track"))
    carry_over: float = field(default=1.0, metadata=doc("unspent points kept, as a multiple of one turn's income"))
    doctrine: Doctrine | None = field(default=None, metadata=doc("how the AI plays this power"))
    short_name: str = field(default="", metadata=doc("short label for bars and legends (default: the name)"))
    adjective: str = field(default="", metadata=doc("e.g. Turkish, for 'Turkish alignment' (default: the name)"))
    look: PowerLook | None = field(
        default=None, metadata=doc("colour, shape, pattern and chart line (default: an unused look)")
    )


@frozen
class Priority:
    """A standing aim of an AI doctrine: an action it likes, where, and why."""

    action: str = field(metadata=doc("the action's id"))
    weight: float = field(metadata=doc("how much the AI likes it"))
    id: str | None = field(
        default=None, metadata=doc("a name for this entry, so a child scenario can change or add one by id")
    )
    focus: Literal["defend", "expand", "contest", "any"] = field(
        default="any",
        metadata=doc(
            "where: defend = where its alignment fell most, expand = where it is lowest, contest = where the US leads"
        ),
    )
    when: Condition | None = field(default=None, metadata=doc("only in states where this holds"))
    reason: str = field(default="", metadata=doc("the stated reason; {state} and {power} are filled in"))


@frozen
class Response:
    """An AI doctrine's answer to a kind of US move (by action tag) seen last turn."""

    to_tag: str = field(metadata=doc("a tag of US actions, e.g. resources or security"))
    action: str = field(metadata=doc("the action it answers with, in the same state"))
    weight: float = field(metadata=doc("how much it likes answering"))
    id: str | None = field(
        default=None, metadata=doc("a name for this entry, so a child scenario can change or add one by id")
    )
    reason: str = field(default="", metadata=doc("the stated reason; {state} and {power} are filled in"))


@frozen
class Doctrine:
    """How an AI power chooses its orders (read by `game.ai.doctrine`)."""

    summary: str = field(metadata=doc("one line describing the doctrine"))
    priorities: tuple[Priority, ...] = field(metadata=doc("standing aims"))
    responses: tuple[Response, ...] = field(default=(), metadata=doc("answers to US moves"))


@frozen
class ActionDef:
    """An action a power can order: its cost, target, delay and effects."""

    id: str = field(metadata=doc("lower-case id"))
    name: str = field(metadata=doc("name shown to players"))
    power: Power = field(metadata=doc("who can order it"))
    track: Track = field(metadata=doc("the budget it is paid from"))
    cost: int = field(metadata=doc("points"))
    target: Literal["state", "region", "washington"] = field(
        metadata=doc("state: one chosen state; region: all five (C5+1); washington: the US capital")
    )
    effects: tuple[Effect, ...] = field(metadata=doc("what it does"))
    claims: tuple[str, ...] = field(metadata=doc("claim ids it draws on"))
    description: str = field(default="", metadata=doc("a line for players"))
    delay_turns: int = field(default=0, metadata=doc("turns before the effects land"))
    capital_cost: int = field(default=0, metadata=doc("US political capital it also spends (C11)"))
    eligible: Condition | None = field(default=None, metadata=doc("the states it may target"))
    requires: Condition | None = field(default=None, metadata=doc("when it is available at all"))
    tags: tuple[str, ...] = field(
        default=(), metadata=doc("labels AIs and strategies use: soft, resources, pressure …")
    )
    once_per_turn: bool = field(default=True, metadata=doc("at most once per target each turn"))


@frozen
class Choice:
    """One answer to an event."""

    id: str = field(metadata=doc("lower-case id"))
    label: str = field(metadata=doc("the button text"))
    effects: tuple[Effect, ...] = field(default=(), metadata=doc("what choosing it does"))
    preview: str = field(default="", metadata=doc("what the player is told it will do"))
    when: Condition | None = field(
        default=None,
        metadata=doc(
            "offered only while this holds (in the event's state, for state events); the default never has one"
        ),
    )


@frozen
class ChanceScale:
    """Scales an event's probability by a state variable: p × (1 + factor × value/100)."""

    variable: str = field(
        metadata=doc("a state variable (state events), congress_support, political_capital or a region variable")
    )
    factor: float = field(metadata=doc("negative to lower the chance, positive to raise it"))


@frozen
class EventDef:
    """A scripted or random event."""

    id: str = field(metadata=doc("lower-case id"))
    title: str = field(metadata=doc("headline"))
    text: str = field(metadata=doc("what happened; {state} is filled in for state events"))
    claims: tuple[str, ...] = field(metadata=doc("claim ids it draws on"))
    scope: Literal["region", "state"] = field(default="region", metadata=doc("region: once; state: per matching state"))
    condition: Condition | None = field(default=None, metadata=doc("when it can fire"))
    probability: float = field(default=1.0, metadata=doc("chance per turn (per state) when the condition holds"))
    chance_scales: tuple[ChanceScale, ...] = field(default=(), metadata=doc("state variables that scale the chance"))
    once: bool = field(default=False, metadata=doc("fires at most once per game"))
    cooldown_turns: int = field(default=0, metadata=doc("turns before it can fire again"))
    effects: tuple[Effect, ...] = field(default=(), metadata=doc("what happens regardless of choice"))
    choices: tuple[Choice, ...] = field(default=(), metadata=doc("the US player's options"))
    default_choice: str | None = field(default=None, metadata=doc("the choice taken if nobody chooses"))
    tags: tuple[str, ...] = field(
        default=(), metadata=doc("labels: 'summit' makes C5+1 preparation scale the choices (C8)")
    )


@frozen
class Reflection:
    """A question put to the class at a turn or after an event; answers go into the debrief."""

    id: str = field(metadata=doc("lower-case id"))
    prompt: str = field(metadata=doc("the question"))
    turn: int | None = field(default=None, metadata=doc("ask at the start of this turn"))
    after_event: str | None = field(default=None, metadata=doc("ask on the turn after this event fires"))


@frozen
class ProjectDef:
    """A multi-turn regional project (C9, C10, C11)."""

    id: str = field(metadata=doc("lower-case id"))
    name: str = field(metadata=doc("name shown to players"))
    claims: tuple[str, ...] = field(metadata=doc("claim ids it draws on"))
    description: str = field(default="", metadata=doc("a line for players"))
    progress: float = field(default=0.0, metadata=doc("progress at the start, 0–100"))
    on_complete: tuple[Effect, ...] = field(default=(), metadata=doc("effects when it reaches 100"))
    decay_per_turn: float = field(default=0.0, metadata=doc("progress lost per turn with no funding"))


@frozen
class Grade:
    """A grade and the final score it needs."""

    name: str = field(metadata=doc("e.g. A, B, C"))
    min_score: float = field(metadata=doc("lowest final score for this grade"))
    label: str = field(default="", metadata=doc("one line shown on the end screen"))


@frozen
class ScoreDef:
    """How the US position is scored (per turn and at the end)."""

    grades: tuple[Grade, ...] = field(metadata=doc("from best to worst"))
    victory_score: float = field(metadata=doc("final score for victory"))
    defeat_score: float = field(metadata=doc("final score at or below which the campaign is lost"))
    preferred_share: float = field(
        default=0.40,
        validator=validators.and_(validators.gt(1 / 3), validators.lt(1.0)),
        metadata=doc(
            "US share of the three powers' alignment in a state at which the US is its preferred additional"
            " partner; standing counts up to this share and no further (C1, C2)"
        ),
    )
    partnership_points: float = field(default=6.0, metadata=doc("score for the Kazakhstan partnership (C14)"))
    corridor_points: float = field(default=5.0, metadata=doc("score for completing the Trans-Caspian route (C9)"))
    pntr_points: float = field(default=4.0, metadata=doc("score for passing PNTR (C11)"))
    pntr_by_state: bool = field(
        default=False,
        metadata=doc(
            "true: pntr_points are shared among the PNTR-eligible states by score_weight, each state earning "
            "its part once it has PNTR; false: all of them once any eligible state has it"
        ),
    )
    project_points: dict[str, float] = field(
        factory=dict,
        metadata=doc("score each turn for each listed project (any id) while it is complete, besides corridor_points"),
    )
    stability_weight: float = field(default=0.1, metadata=doc("score per point of mean stability above 50"))
    backlash_weight: float = field(default=0.5, metadata=doc("score lost per point of backlash"))
    leverage_weight: float = field(default=0.0, metadata=doc("score per point of leverage income banked (C16)"))
    collapse_alignment: float = field(
        default=0.0, metadata=doc("if US alignment falls below this everywhere, the game is lost at once (0: never)")
    )


@frozen
class Difficulty:
    """A difficulty level: the rivals' budgets and skill."""

    id: str = field(metadata=doc("lower-case id"))
    name: str = field(metadata=doc("name shown to players"))
    rival_budget: float = field(metadata=doc("multiplier on every rival's income"))
    rival_skill: float = field(metadata=doc("0 = random moves, 1 = always the doctrine's best"))
    rival_foresight: int = field(
        default=0, metadata=doc("quarters of maturing US goodwill the rivals see coming and answer early (C6)")
    )


@frozen
class Start:
    """When the campaign starts."""

    year: int = field(metadata=doc("calendar year of the first turn"))
    quarter: int = field(metadata=doc("quarter of the first turn, 1–4"))


@frozen
class Washington:
    """The US Washington track at the start (C11)."""

    political_capital: float = field(default=10.0, metadata=doc("capital banked at the start"))
    congress_support: float = field(default=40.0, metadata=doc("Congress's support, 0–100: the PNTR vote's chance"))


@frozen
class About:
    """What the scenario is, for the scenario list and the briefing."""

    title: str = field(metadata=doc("title"))
    summary: str = field(metadata=doc("a few lines: the situation"))
    period: str = field(metadata=doc("the period it covers"))
    goal: str = field(default="", metadata=doc("what the US player should aim for"))
    how_it_works: str = field(default="", metadata=doc("how the scenario differs from others"))
    things_to_try: tuple[str, ...] = field(default=(), metadata=doc("experiments for players and classes"))
    sources: tuple[str, ...] = field(default=(), metadata=doc("claims and facts it leans on"))
    author: str = field(default="", metadata=doc("who wrote it"))
    licence: str = field(default="", metadata=doc("its licence"))
    version: str = field(default="1", metadata=doc("its own version"))


@frozen
class Scenario:
    """A whole scenario: the world at the start and the rules it is played under."""

    format_version: int = field(metadata=doc("the file format's version (currently 1)"))
    id: str = field(metadata=doc("lower-case id"))
    about: About = field(metadata=doc("title, summary and other descriptive text"))
    start: Start = field(metadata=doc("the first turn's date"))
    turns: int = field(metadata=doc("how many quarterly turns the campaign lasts"))
    states: tuple[StateDef, ...] = field(metadata=doc("the five Central Asian states"))
    powers: tuple[PowerDef, ...] = field(metadata=doc("the US, Russia, China and any power the scenario adds"))
    actions: tuple[ActionDef, ...] = field(metadata=doc("every action any power can order"))
    score: ScoreDef = field(metadata=doc("scoring and grades"))
    events: tuple[EventDef, ...] = field(default=(), metadata=doc("scripted and random events"))
    projects: tuple[ProjectDef, ...] = field(default=(), metadata=doc("regional projects"))
    washington: Washington = field(factory=Washington, metadata=doc("the US Washington track"))
    state_variables: dict[str, float] = field(
        factory=dict,
        metadata=doc(
            "new state variables (0–100) this scenario adds, with the value every state starts at; "
            "effects (adjust) and conditions (variable) use them like stability"
        ),
    )
    state_flags: dict[str, bool] = field(
        factory=dict,
        metadata=doc(
            "new state flags this scenario adds, with the value every state starts at; "
            "flag effects and conditions use them like on_corridor"
        ),
    )
    globals: dict[str, bool | float] = field(
        factory=dict,
        metadata=doc(
            "global conditions at the start: true/false, or a number (a drought's severity) that "
            "`global_number` effects change and conditions test"
        ),
    )
    rules: RuleParams = field(factory=RuleParams, metadata=doc("rule parameters by claim"))
    difficulties: tuple[Difficulty, ...] = field(
        default=(
            Difficulty("easy", "Easy", 0.75, 0.2, 0),
            Difficulty("normal", "Normal", 1.0, 0.7, 2),
            Difficulty("hard", "Hard", 1.3, 1.0, 6),
        ),
        metadata=doc("difficulty levels"),
    )
    default_difficulty: str = field(default="normal", metadata=doc("the difficulty used unless one is chosen"))
    reflections: tuple[Reflection, ...] = field(
        default=(), metadata=doc("questions for a class, by turn or after an event")
    )

    @cached_property
    def power_table(self) -> PowerTable:
        """Every power's name and look, in declared order (built once per scenario)."""
        return build_table(self.powers)

    def state(self, state_id: str) -> StateDef:
        return next(s for s in self.states if s.id == state_id)

    def power(self, power_id: str) -> PowerDef:
        return next(p for p in self.powers if p.id == power_id)

    def action(self, action_id: str) -> ActionDef:
        return next(a for a in self.actions if a.id == action_id)

    def event(self, event_id: str) -> EventDef:
        return next(e for e in self.events if e.id == event_id)

    def difficulty(self, difficulty_id: str) -> Difficulty:
        return next(d for d in self.difficulties if d.id == difficulty_id)
