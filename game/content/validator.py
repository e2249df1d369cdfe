"""Cross-reference and range checks on a structured scenario.

Runs after structuring succeeds (or after the loader repaired what structuring reported).
Yields `Finding`s so the loader can place each problem at its line. Every unknown id gets
a did-you-mean; every range problem says the range and the value found.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from game.content import conditions as cond
from game.content import effects as eff
from game.content import scenario as sc
from game.content.powers import PLAYER, STANDARD
from game.content.scenario import Scenario
from game.content.structure import did_you_mean
from game.content.vocabulary import (
    COUNTRY_FLAGS,
    COUNTRY_VARIABLES,
    REGION_VARIABLES,
    RULE_GLOBALS,
    TRACK_NAMES,
    WASHINGTON_VARIABLES,
)

Path_ = tuple[str | int, ...]

STATE_FLAGS = (*COUNTRY_FLAGS, "pntr_eligible")
PLACEHOLDERS = {"state", "power"}
CLAIMS = tuple(f"C{n}" for n in range(1, 20))
# Global conditions the rules read by name (game.sim.rules.drift, C3); a scenario that
# misspells one in `globals:` would silently switch its rule off.


@attrs.frozen
class Finding:
    """One problem at a path in the scenario.

    `also` is a second place to name (where a duplicate was first used). `refers_to` is the
    collection an unknown id was looked up in: if the loader had to repair that collection,
    the id may well exist in the file and the finding is left out. `relies_on` are values
    the finding compares against; if one of them was repaired, the finding is left out too.
    """

    path: Path_
    message: str
    code: str = "reference"
    severity: str = "error"
    also: Path_ | None = None
    refers_to: Path_ | None = None
    relies_on: tuple[Path_, ...] = ()


def _error(
    path: Path_,
    message: str,
    code: str = "reference",
    *,
    also: Path_ | None = None,
    refers_to: Path_ | None = None,
    relies_on: tuple[Path_, ...] = (),
) -> Finding:
    return Finding(path, message, code, "error", also, refers_to, relies_on)


def _warning(path: Path_, message: str, code: str = "warning", *, relies_on: tuple[Path_, ...] = ()) -> Finding:
    return Finding(path, message, code, "warning", None, None, relies_on)


LIST_AT_MOST = 20  # longer lists of valid names help less than they clutter


def _unknown(path: Path_, kind: str, value: str, known: Iterable[str], refers_to: Path_, hint: str = "") -> Finding:
    """An id that names nothing in its collection, with a did-you-mean or else the valid names."""
    known = list(known)
    guess = did_you_mean(value, known)
    if not guess and 0 < len(known) <= LIST_AT_MOST:
        guess = f"; valid {kind}s: {', '.join(known)}"
    return _error(path, f"unknown {kind} '{value}'{guess}{hint}", refers_to=refers_to)


def _global_hint(value: str, ids: _Ids, fix: str) -> str:
    """When a misplaced name is a declared global condition, say so and how to use it."""
    return f"; '{value}' is a global condition, not a state's: {fix}" if value in ids.globals else ""


def _range(path: Path_, name: str, value: float, low: float, high: float) -> Iterator[Finding]:
    """An out-of-range number, saying the allowed range and the value found."""
    if not low <= value <= high:
        yield _error(path, f"{name} must be between {low:g} and {high:g}; got {value:g}", "range")


def _not_negative(path: Path_, name: str, value: float) -> Iterator[Finding]:
    if value < 0:
        yield _error(path, f"{name} cannot be negative; got {value:g}", "range")


INF = float("inf")
# The allowed range of every bounded field, by (class, field): the validator checks these and
# `game.content.schema` writes them into the JSON Schema, so the two never disagree.
# Rule parameters carry their own range in their metadata (`game.content.rules.param`).
RANGES: dict[tuple[type, str], tuple[float, float]] = {
    (sc.StateDef, "alignment"): (0, 100),  # each power's alignment
    **{(sc.TrackValues, track): (0, INF) for track in ("soft_power", "trade", "diplomacy")},  # budgets
    **{(sc.StateDef, name): (0, 100) for name in COUNTRY_VARIABLES},
    (sc.StateDef, "multivector"): (0, 1),
    (sc.StateDef, "openness"): (0, 1),
    (sc.StateDef, "score_weight"): (0, INF),
    (sc.ActionDef, "cost"): (0, INF),
    (sc.ActionDef, "delay_turns"): (0, INF),
    (sc.EventDef, "probability"): (0, 1),
    (sc.EventDef, "cooldown_turns"): (0, INF),
    (sc.ProjectDef, "progress"): (0, 100),
    (sc.Scenario, "turns"): (1, 400),
    (sc.Start, "quarter"): (1, 4),
    (sc.Difficulty, "rival_skill"): (0, 1),
    (sc.Difficulty, "rival_budget"): (0, INF),
    (eff.Goodwill, "matures_in"): (1, INF),
}


def _bounded(path: Path_, owner: type, field: str, value: float, name: str | None = None) -> Iterator[Finding]:
    """A value checked against its entry in `RANGES`, with the message that fits the range."""
    low, high = RANGES[owner, field]
    name = name or field
    if high != INF:
        yield from _range(path, name, value, low, high)
    elif low == 0:
        yield from _not_negative(path, name, value)
    elif value < low:
        yield _error(path, f"{name} must be at least {low:g}; got {value:g}", "range")


@attrs.frozen
class _Ids:
    states: tuple[str, ...]
    actions: tuple[str, ...]
    events: tuple[str, ...]
    projects: tuple[str, ...]
    globals: tuple[str, ...]
    choices: dict[str, tuple[str, ...]] = attrs.field(factory=dict)  # event id -> its choice ids
    variables: tuple[str, ...] = COUNTRY_VARIABLES  # built in, and the scenario's own state_variables
    flags: tuple[str, ...] = COUNTRY_FLAGS  # flags effects may set: built in, and the scenario's own
    powers: tuple[str, ...] = STANDARD  # the scenario's declared powers


def _own_names(scenario: Scenario) -> dict[str, tuple[str, ...]]:
    """The variable and flag names a scenario's states have: the built-in ones and its own."""
    return {
        "variables": (*COUNTRY_VARIABLES, *scenario.state_variables),
        "flags": (*COUNTRY_FLAGS, *scenario.state_flags),
        "powers": tuple(p.id for p in scenario.powers),
    }


def validate_references(scenario: Scenario) -> Iterator[Finding]:
    """Every cross-reference, uniqueness and range problem in a scenario."""
    ids = _Ids(
        states=tuple(s.id for s in scenario.states),
        actions=tuple(a.id for a in scenario.actions),
        events=tuple(e.id for e in scenario.events),
        projects=tuple(p.id for p in scenario.projects),
        globals=tuple(scenario.globals),
        choices={e.id: tuple(c.id for c in e.choices) for e in scenario.events},
        **_own_names(scenario),
    )
    collections = (
        ("states", scenario.states),
        ("actions", scenario.actions),
        ("events", scenario.events),
        ("projects", scenario.projects),
        ("difficulties", scenario.difficulties),
        ("powers", scenario.powers),
    )
    for key, items in collections:
        yield from _unique(key, [item.id for item in items])
    yield from _check_powers(scenario)
    yield from _check_states(scenario)
    for index, action in enumerate(scenario.actions):
        yield from _check_action(("actions", index), action, ids)
    for index, event in enumerate(scenario.events):
        yield from _check_event(("events", index), event, ids)
    for index, project in enumerate(scenario.projects):
        path: Path_ = ("projects", index)
        yield from _check_claims((*path, "claims"), project.claims)
        yield from _check_effects((*path, "on_complete"), project.on_complete, ids)
        yield from _bounded((*path, "progress"), sc.ProjectDef, "progress", project.progress)
    yield from _check_score(scenario)
    yield from _check_rules(scenario)
    yield from _check_campaign(scenario)
    yield from _check_globals(scenario)
    yield from _check_own_names(scenario)
    yield from _check_reflections(scenario, ids)
    yield from check_playability(scenario)


def _check_reflections(scenario: Scenario, ids: _Ids) -> Iterator[Finding]:
    """A question asked after an event names an event that exists (it may have been removed by a child)."""
    for index, reflection in enumerate(scenario.reflections):
        if reflection.after_event is not None and reflection.after_event not in ids.events:
            path: Path_ = ("reflections", index, "after_event")
            yield _unknown(path, "event", reflection.after_event, ids.events, ("events",))


BUILT_IN = (*COUNTRY_VARIABLES, *STATE_FLAGS, "neglect_turns")


def _check_own_names(scenario: Scenario) -> Iterator[Finding]:
    """New state variables and flags: lower-case names, no clash with built-in ones, each state's values fit."""
    for key, names in (("state_variables", scenario.state_variables), ("state_flags", scenario.state_flags)):
        for name in names:
            if name in BUILT_IN:
                yield _error((key, name), f"'{name}' is already a built-in state variable or flag", "duplicate-id")
            elif not name or any(c.isspace() or c.isupper() for c in name):
                yield _error((key, name), f"'{name}' must be lower-case with no spaces", "id")
    for name, value in scenario.state_variables.items():
        yield from _range(("state_variables", name), name, value, 0, 100)
    both = (*scenario.state_variables, *scenario.state_flags)
    for index, state in enumerate(scenario.states):
        for name, value in state.own.items():
            path: Path_ = ("states", index, "own", name)
            if name in scenario.state_flags and not isinstance(value, bool):
                yield _error(path, f"'{name}' is a state flag: write true or false", "type")
            elif name in scenario.state_variables:
                if isinstance(value, bool):
                    yield _error(path, f"'{name}' is a state variable: write a number from 0 to 100", "type")
                else:
                    yield from _range(path, name, value, 0, 100)
            elif name not in both:
                hint = " (declare it under 'state_variables:' or 'state_flags:')"
                yield _unknown(path, "state variable or flag", name, both, (), hint)


def _check_globals(scenario: Scenario) -> Iterator[Finding]:
    """A declared global condition that nothing reads or sets is most likely a misspelling."""
    used = _global_names(scenario)
    for name in scenario.globals:
        if name not in used:
            hint = did_you_mean(name, sorted(used - set(scenario.globals)))
            yield _warning(
                ("globals", name),
                f"global condition '{name}' is not used by any rule, condition or effect{hint}",
                "unused",
            )


def _global_names(scenario: Scenario) -> set[str]:
    """Every global condition the rules, conditions and effects of a scenario name."""
    conditions: list[Any] = []
    effects: list[Any] = []
    for action in scenario.actions:
        conditions += [action.eligible, action.requires]
        effects += action.effects
    for event in scenario.events:
        conditions.append(event.condition)
        effects += event.effects
        for choice in event.choices:
            effects += choice.effects
            conditions.append(choice.when)
    for project in scenario.projects:
        effects += project.on_complete
    for power in scenario.powers:
        if power.doctrine is not None:
            conditions += [getattr(item, "when", None) for item in power.doctrine.priorities]
    names = set(RULE_GLOBALS) | {e.name for e in effects if isinstance(e, eff.SetGlobal | eff.ChangeGlobal)}
    for condition in conditions:
        names.update(
            item.name for _, item in cond.walk(condition) if isinstance(item, cond.GlobalIs | cond.GlobalNumber)
        )
    return names


def _check_campaign(scenario: Scenario) -> Iterator[Finding]:
    """Length, start date and difficulty levels."""
    yield from _bounded(("turns",), sc.Scenario, "turns", scenario.turns)
    yield from _bounded(("start", "quarter"), sc.Start, "quarter", scenario.start.quarter)
    difficulty_ids = [d.id for d in scenario.difficulties]
    if scenario.default_difficulty not in difficulty_ids:
        yield _unknown(
            ("default_difficulty",), "difficulty", scenario.default_difficulty, difficulty_ids, ("difficulties",)
        )
    for index, difficulty in enumerate(scenario.difficulties):
        path: Path_ = ("difficulties", index)
        yield from _bounded((*path, "rival_skill"), sc.Difficulty, "rival_skill", difficulty.rival_skill)
        yield from _bounded((*path, "rival_budget"), sc.Difficulty, "rival_budget", difficulty.rival_budget)


def _check_action(path: Path_, action: Any, ids: _Ids) -> Iterator[Finding]:
    """Costs, who may act where, and the action's effects and conditions."""
    yield from _bounded((*path, "cost"), sc.ActionDef, "cost", action.cost)
    yield from _bounded((*path, "delay_turns"), sc.ActionDef, "delay_turns", action.delay_turns)
    yield from _check_power((*path, "power"), action, action.power, ids)
    if action.target == "washington" and action.power != "us":
        yield _error((*path, "target"), "only the US acts in Washington", "range")
    if action.capital_cost and action.power != "us":
        yield _error((*path, "capital_cost"), "only the US has political capital", "range")
    yield from _check_claims((*path, "claims"), action.claims)
    yield from _check_effects((*path, "effects"), action.effects, ids)
    if action.eligible is not None:
        yield from _check_condition((*path, "eligible"), action.eligible, ids, country_ok=True)
    if action.requires is not None:
        yield from _check_condition((*path, "requires"), action.requires, ids, country_ok=False)
    yield from _check_text((*path, "description"), action.description)


def _unique(key: str, values: list[str]) -> Iterator[Finding]:
    """Ids are unique in their collection and written as lower-case names."""
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            first = seen[value]
            yield _error(
                (key, index, "id"),
                f"duplicate id '{value}': {key}[{first}] already uses it",
                "duplicate-id",
                also=(key, first, "id"),
            )
        else:
            seen[value] = index
        if value != value.strip() or not value or any(c.isspace() or c.isupper() for c in value):
            yield _error((key, index, "id"), f"id '{value}' must be lower-case with no spaces", "id")


def _check_powers(scenario: Scenario) -> Iterator[Finding]:
    """The three standard powers and any added, their budgets, looks and the rivals' AI doctrines."""
    present = [p.id for p in scenario.powers]
    ids = tuple(("powers", index, "id") for index in range(len(present)))
    for power in STANDARD:
        if power not in present:
            yield _error(
                ("powers",),
                f"power '{power}' is missing: every scenario defines us, russia and china (and may add more)",
                "missing-key",
                relies_on=ids,
            )
    yield from _check_looks(scenario)
    action_ids = [a.id for a in scenario.actions]
    for index, power_def in enumerate(scenario.powers):
        path: Path_ = ("powers", index)
        for track in ("soft_power", "trade", "diplomacy"):
            yield from _bounded(
                (*path, "budget", track), sc.TrackValues, track, power_def.budget.get(track), "a budget"
            )
        if power_def.id == PLAYER and power_def.doctrine is not None:
            yield _warning((*path, "doctrine"), "the US is played by a person or a strategy; its doctrine is ignored")
        if power_def.id != PLAYER and power_def.doctrine is None:
            yield _error((*path, "doctrine"), f"{power_def.id} needs a doctrine for the AI", "missing-key")
        if power_def.doctrine is None:
            continue
        for kind, items in (("priorities", power_def.doctrine.priorities), ("responses", power_def.doctrine.responses)):
            yield from _doctrine_ids((*path, "doctrine", kind), [item.id for item in items])
            for item_index, item in enumerate(items):
                yield from _check_doctrine_item(
                    (*path, "doctrine", kind, item_index), item, (*path, "id"), power_def.id, scenario, action_ids
                )


HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def _check_looks(scenario: Scenario) -> Iterator[Finding]:
    """Colours are '#rrggbb', and no two powers share a colour, shape or pattern (or the map lies)."""
    for index, power_def in enumerate(scenario.powers):
        look = power_def.look
        for name in ("colour", "paper_colour"):
            value = getattr(look, name) if look is not None else None
            if value is not None and not HEX_COLOUR.fullmatch(value):
                yield _error(
                    ("powers", index, "look", name), f"{name} must be written '#rrggbb'; got '{value}'", "range"
                )
    table = scenario.power_table
    for part in ("colour", "shape", "pattern"):
        seen: dict[str, str] = {}
        for index, row in enumerate(table):
            value = getattr(row.look, part)
            if value in seen:
                yield _warning(
                    ("powers", index, "id"),
                    f"{row.id} is drawn with the same {part} as {seen[value]} ({value}): "
                    f"players cannot tell them apart on the map; give it its own look.{part}",
                )
            seen.setdefault(value, row.id)


def _doctrine_ids(path: Path_, ids: list[str | None]) -> Iterator[Finding]:
    """Doctrine entries either all have ids (so children merge by id) or none do, and ids are unique."""
    named = [i for i in ids if i is not None]
    if named and len(named) < len(ids):
        first = ids.index(None)
        yield _error(
            (*path, first),
            "give every entry an id or none: a list merges by id only when all its entries have one",
            "missing-key",
        )
    yield from _unique_in(path, [i or "" for i in ids] if named else [])


def _check_doctrine_item(
    path: Path_, item: Any, power_path: Path_, power: str, scenario: Scenario, action_ids: list[str]
) -> Iterator[Finding]:
    """A doctrine's priority or response names one of its own power's actions."""
    if item.action not in action_ids:
        yield _unknown((*path, "action"), "action", item.action, action_ids, ("actions",))
    elif scenario.action(item.action).power not in [p.id for p in scenario.powers]:
        pass  # the action names an unknown power: its own check says so, with a did-you-mean
    elif scenario.action(item.action).power != power:
        index = action_ids.index(item.action)
        owner = scenario.action(item.action).power
        yield _error(
            (*path, "action"),
            f"action '{item.action}' belongs to {owner}, not {power}",
            refers_to=("actions",),
            relies_on=(power_path, ("actions", index, "power")),
        )
    when = getattr(item, "when", None)
    if when is not None:
        ids = _Ids(
            tuple(s.id for s in scenario.states),
            (),
            tuple(e.id for e in scenario.events),
            tuple(p.id for p in scenario.projects),
            tuple(scenario.globals),
            {e.id: tuple(c.id for c in e.choices) for e in scenario.events},
            **_own_names(scenario),
        )
        yield from _check_condition((*path, "when"), when, ids, country_ok=True)
    yield from _check_text((*path, "reason"), item.reason)


def _check_states(scenario: Scenario) -> Iterator[Finding]:
    """Every state variable within its scale."""
    if not scenario.states:
        yield _error(("states",), "a scenario needs at least one state", "missing-key")
    for index, state in enumerate(scenario.states):
        path: Path_ = ("states", index)
        powers = [p.id for p in scenario.powers]
        for power, value in state.alignment.items():
            if power not in powers:
                guess = did_you_mean(power, powers) or f"; the powers are {', '.join(powers)}"
                yield Finding(
                    (*path, "alignment", power), f"unknown key '{power}'{guess}", "unknown-key", refers_to=("powers",)
                )
            else:
                yield from _bounded((*path, "alignment", power), sc.StateDef, "alignment", value, "alignment")
        for name in (*COUNTRY_VARIABLES, "multivector", "openness", "score_weight"):
            yield from _bounded((*path, name), sc.StateDef, name, getattr(state, name))


def _check_claims(path: Path_, claims: tuple[str, ...]) -> Iterator[Finding]:
    for index, claim in enumerate(claims):
        if claim not in CLAIMS:
            yield _error(
                (*path, index), f"unknown claim id '{claim}' (claims are C1 to C19){did_you_mean(claim, CLAIMS)}"
            )


def _check_text(path: Path_, text: str) -> Iterator[Finding]:
    """Player-facing text may only use the placeholders the game fills in."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:
        yield _error(path, f"text has a broken placeholder: {error} (write {{{{ for a literal brace)", "placeholder")
        return
    for name in names:
        if name not in PLACEHOLDERS:
            yield _error(
                path,
                f"unknown placeholder '{{{name}}}'{did_you_mean(name, PLACEHOLDERS)}; "
                "placeholders are {state} and {power}",
                "placeholder",
            )


def _check_state_ids(path: Path_, state_ids: tuple[str, ...], ids: _Ids) -> Iterator[Finding]:
    for index, state_id in enumerate(state_ids):
        if state_id not in ids.states:
            yield _unknown((*path, index), "state", state_id, ids.states, ("states",))


def _check_global(here: Path_, item: Any, name: str, ids: _Ids) -> Iterator[Finding]:
    if name not in ids.globals:
        hint = " (declare it under 'globals:')"
        yield _unknown(here, "global condition", name, ids.globals, ("globals",), hint)


def _check_variable(here: Path_, item: Any, name: str, ids: _Ids) -> Iterator[Finding]:
    if name not in ids.variables:
        hint = _global_hint(name, ids, f"write {{type: global, name: {name}}}")
        hint = hint or " (a new one is declared under 'state_variables:')"
        yield _unknown(here, "variable", name, ids.variables, (), hint)


def _check_flag(here: Path_, item: Any, name: str, ids: _Ids, known: tuple[str, ...] = ()) -> Iterator[Finding]:
    known = known or ids.flags
    if name not in known:
        hint = _global_hint(name, ids, f"write {{type: global, name: {name}}}")
        hint = hint or " (a new one is declared under 'state_flags:')"
        yield _unknown(here, "flag", name, known, (), hint)


def _check_choice(here: Path_, item: Any, name: str, ids: _Ids) -> Iterator[Finding]:
    if item.event in ids.events and name not in ids.choices.get(item.event, ()):
        yield _unknown(here, "choice", name, ids.choices.get(item.event, ()), ("events",))


def _check_known(kind: str, known: str, refers_to: Path_ = ()) -> RefCheck:
    def check(here: Path_, item: Any, name: str, ids: _Ids) -> Iterator[Finding]:
        names = getattr(ids, known) if known != "region_variables" else REGION_VARIABLES
        if name not in names:
            yield _unknown(here, kind, name, names, refers_to)

    return check


RefCheck = Callable[[Path_, Any, str, _Ids], Iterator[Finding]]


def _check_power(here: Path_, item: Any, name: str | None, ids: _Ids) -> Iterator[Finding]:
    """A named power is declared (an influence effect without one means the actor)."""
    if name is not None and name not in ids.powers:
        yield _unknown(here, "power", name, ids.powers, ("powers",))


# How each kind of reference an effect or condition declares in its `REFS` is checked.
REF_CHECKS: dict[str, RefCheck] = {
    "states": _check_known("state", "states", ("states",)),
    "power": _check_power,
    "project": _check_known("project", "projects", ("projects",)),
    "event": _check_known("event", "events", ("events",)),
    "region_variable": _check_known("region variable", "region_variables"),
    "choice": _check_choice,
    "global": _check_global,
    "variable": _check_variable,
    "flag": _check_flag,
    "readable_flag": lambda here, item, name, ids: _check_flag(here, item, name, ids, (*ids.flags, "pntr_eligible")),
}


def _check_refs(here: Path_, item: Any, ids: _Ids) -> Iterator[Finding]:
    """Every id an effect or condition refers to, as its class declares in `REFS`."""
    for field_name, kind in type(item).REFS.items():
        value = getattr(item, field_name)
        if isinstance(value, tuple):
            for index, name in enumerate(value):
                yield from REF_CHECKS[kind]((*here, field_name, index), item, name, ids)
        else:
            yield from REF_CHECKS[kind]((*here, field_name), item, value, ids)


def _check_effects(path: Path_, effects: tuple[Any, ...], ids: _Ids) -> Iterator[Finding]:
    """The ids and names effects refer to exist, and their ranges make sense."""
    for index, effect in enumerate(effects):
        here: Path_ = (*path, index)
        yield from _check_refs(here, effect, ids)
        if isinstance(effect, eff.ChangeGlobal) and effect.at_least > effect.at_most:
            yield _error((*here, "at_least"), "at_least must not be above at_most", "range")
        if isinstance(effect, eff.Income) and effect.turns is not None and effect.turns < 1:
            yield _error(
                (*here, "turns"), f"turns must be at least 1 (leave it out for good); got {effect.turns}", "range"
            )
        if isinstance(effect, eff.Goodwill) and effect.matures_in is not None:
            yield from _bounded((*here, "matures_in"), eff.Goodwill, "matures_in", effect.matures_in)


def _check_condition(path: Path_, condition: Any, ids: _Ids, *, country_ok: bool) -> Iterator[Finding]:
    """The ids and names a condition tree refers to exist, and it can be evaluated here."""
    if not country_ok and cond.is_country_condition(condition):
        yield _error(
            path,
            "this condition looks at a state, but here there is no state to look at "
            "(use it under 'eligible' or in a state-scoped event)",
            "scope",
        )
    for below, item in cond.walk(condition):
        yield from _check_refs((*path, *below), item, ids)


def _check_event(path: Path_, event: Any, ids: _Ids) -> Iterator[Finding]:
    """An event's chance, condition, effects, texts and choices."""
    yield from _check_claims((*path, "claims"), event.claims)
    yield from _bounded((*path, "probability"), sc.EventDef, "probability", event.probability)
    if event.condition is not None:
        yield from _check_condition((*path, "condition"), event.condition, ids, country_ok=event.scope == "state")
    yield from _check_effects((*path, "effects"), event.effects, ids)
    yield from _check_text((*path, "text"), event.text)
    yield from _check_text((*path, "title"), event.title)
    yield from _unique_in((*path, "choices"), [c.id for c in event.choices])
    default = event.default_choice or (event.choices[0].id if event.choices else None)
    for index, choice in enumerate(event.choices):
        yield from _check_effects((*path, "choices", index, "effects"), choice.effects, ids)
        yield from _check_text((*path, "choices", index, "preview"), choice.preview)
        if choice.when is not None:
            here: Path_ = (*path, "choices", index, "when")
            yield from _check_condition(here, choice.when, ids, country_ok=event.scope == "state")
            if choice.id == default:
                yield _error(here, "the default choice is taken when nobody answers, so it cannot have 'when'", "scope")
    choice_ids = [c.id for c in event.choices]
    if event.default_choice is not None and event.default_choice not in choice_ids:
        yield _unknown(
            (*path, "default_choice"),
            "choice",
            event.default_choice,
            choice_ids,
            (*path, "choices"),
            f"; this event's choices are: {', '.join(choice_ids) or 'none'}",
        )
    yield from _bounded((*path, "cooldown_turns"), sc.EventDef, "cooldown_turns", event.cooldown_turns)
    known = (*ids.variables, *WASHINGTON_VARIABLES, *REGION_VARIABLES)
    for index, scale in enumerate(event.chance_scales):
        if scale.variable not in known:
            yield _unknown((*path, "chance_scales", index, "variable"), "variable", scale.variable, known, ())
        elif scale.variable in ids.variables and event.scope != "state":
            yield _error((*path, "chance_scales", index), "chance_scales need a state: set 'scope: state'", "scope")


def _unique_in(path: Path_, values: list[str]) -> Iterator[Finding]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            first = values.index(value)
            yield _error(
                (*path, index, "id"),
                f"duplicate id '{value}': the entry above already uses it",
                "duplicate-id",
                also=(*path, first, "id"),
            )
        seen.add(value)


def _check_score(scenario: Scenario) -> Iterator[Finding]:
    """Grades from best to worst, and a defeat line below the victory line."""
    grades = scenario.score.grades
    if not grades:
        yield _error(("score", "grades"), "at least one grade is needed", "missing-key")
    for index in range(1, len(grades)):
        if grades[index].min_score > grades[index - 1].min_score:
            yield _error(
                ("score", "grades", index, "min_score"),
                "grades must be listed from best to worst (min_score falling)",
                "range",
            )
    projects = [p.id for p in scenario.projects]
    for project in scenario.score.project_points:
        if project not in projects:
            yield _unknown(("score", "project_points", project), "project", project, projects, ("projects",))
    if scenario.score.defeat_score >= scenario.score.victory_score:
        yield _error(("score", "defeat_score"), "defeat_score must be below victory_score", "range")


def _check_rules(scenario: Scenario) -> Iterator[Finding]:
    """Every rule parameter within the min/max its definition declares."""
    for group in attrs.fields(type(scenario.rules)):
        params = getattr(scenario.rules, group.name)
        for field in attrs.fields(type(params)):
            value = getattr(params, field.name)
            low, high = field.metadata.get("min", 0), field.metadata.get("max", 1e6)
            yield from _range(("rules", group.name, field.name), field.name, value, low, high)


# --- Playability: what a scenario promises but can never deliver (warnings) -------------------


def check_playability(scenario: Scenario) -> Iterator[Finding]:
    """Events that can never fire, actions nobody can afford, a victory nobody can reach.

    Only what can be decided from the file alone: a warning here is certain, not a guess
    from play (`python main.py check-balance` finds what play shows).
    """
    yield from _check_events_can_fire(scenario)
    yield from _check_affordable(scenario)
    yield from _check_reachable(scenario)
    yield from _check_previews(scenario)


def turn_window(condition: Any) -> tuple[float, float]:
    """The widest span of turns on which a condition could hold, from its `turn` predicates.

    `all` intersects, `any` joins; other predicates (and `not`) could hold on any turn.
    """
    if isinstance(condition, cond.TurnIs):
        return float(condition.at_least), float(condition.at_most)
    if isinstance(condition, cond.AllOf):
        spans = [turn_window(c) for c in condition.of]
        return max((s[0] for s in spans), default=-INF), min((s[1] for s in spans), default=INF)
    if isinstance(condition, cond.AnyOf):
        spans = [s for s in (turn_window(c) for c in condition.of) if s[0] <= s[1]]
        return min((s[0] for s in spans), default=INF), max((s[1] for s in spans), default=-INF)
    return -INF, INF


def _required_events(condition: Any) -> Iterator[cond.EventFired]:
    """`event_fired` predicates that must hold for the condition to hold (reached through `all` only)."""
    if isinstance(condition, cond.EventFired):
        yield condition
    elif isinstance(condition, cond.AllOf):
        for item in condition.of:
            yield from _required_events(item)


def max_fires(event: Any, turns: int) -> int:
    """The most times an event can fire in a campaign: once per turn at most, then its cooldown."""
    if event.once:
        return 1
    return 1 + (turns - 1) // (event.cooldown_turns + 1)


def _waits_in_vain(event: Any, events: dict[str, Any], reasons: dict[str, str], turns: int) -> str | None:
    """Why an event waiting on other events can never fire, if it cannot."""
    for need in _required_events(event.condition):
        other = events.get(need.event)
        if other is None:
            continue
        if other.id in reasons:
            return f"it waits for '{other.id}', which can never fire"
        most = max_fires(other, turns)
        if need.at_least > most:
            return (
                f"it waits for '{other.id}' to fire {need.at_least} times, but that event can fire "
                f"at most {most} time{'' if most == 1 else 's'}"
            )
    return None


def _never_fire(scenario: Scenario) -> dict[str, str]:
    """Event id -> why it can never fire: probability 0, a turn window outside the campaign, or a dead wait."""
    reasons: dict[str, str] = {}
    for event in scenario.events:
        if event.probability == 0:
            reasons[event.id] = "its probability is 0"
        elif event.condition is not None:
            low, high = turn_window(event.condition)
            if max(low, 1) > min(high, scenario.turns):
                reasons[event.id] = f"its turn condition never holds during the campaign's {scenario.turns} turns"
    events = {e.id: e for e in scenario.events}
    changed = True
    while changed:  # an event waiting on a dead event is dead too
        changed = False
        for event in scenario.events:
            if event.id in reasons or event.condition is None:
                continue
            reason = _waits_in_vain(event, events, reasons, scenario.turns)
            if reason is not None:
                reasons[event.id] = reason
                changed = True
    return reasons


def _check_events_can_fire(scenario: Scenario) -> Iterator[Finding]:
    """Probability 0, a turn window outside the campaign, or waiting on an event that cannot fire often enough."""
    reasons = _never_fire(scenario)
    for index, event in enumerate(scenario.events):
        if event.id in reasons:
            where = "probability" if event.probability == 0 else "condition"
            yield _warning(
                ("events", index, where),
                f"event '{event.id}' can never fire: {reasons[event.id]}",
                "never-fires",
                relies_on=(("turns",),),  # a broken `turns` is reported once, not once per event
            )
    for index, reflection in enumerate(scenario.reflections):
        if reflection.after_event in reasons:
            message = f"this question is never asked: event '{reflection.after_event}' can never fire"
            yield _warning(("reflections", index, "after_event"), message, "never-fires", relies_on=(("turns",),))


def most_points(scenario: Scenario, power: Any, track: str) -> float:
    """The most points a power can hold on a track from its income: budget × (1 + carry_over).

    Rivals' income is scaled by the most generous difficulty.
    """
    scale = max((d.rival_budget for d in scenario.difficulties), default=1.0) if power.id != "us" else 1.0
    return power.budget.get(track) * scale * (1 + power.carry_over)


def _check_affordable(scenario: Scenario) -> Iterator[Finding]:
    """An action whose cost is above what its power can ever hold on that track."""
    powers = {p.id: p for p in scenario.powers}
    has_ericen = any(p.id == "ericen" for p in scenario.projects)
    for index, action in enumerate(scenario.actions):
        power = powers.get(action.power)
        if power is None:
            continue
        cost = float(action.cost)
        if action.power == "us" and action.track == "trade" and has_ericen:  # C10: ERICEN's discount
            cost *= max(0.0, 1 - scenario.rules.ericen.strength * scenario.rules.ericen.discount)
        most = most_points(scenario, power, action.track)
        if cost > most + 1e-9:
            scale = most / (power.budget.get(action.track) * (1 + power.carry_over) or 1)
            rivals = f" × the largest rival_budget {scale:g}" if power.id != "us" and scale != 1 else ""
            yield _warning(
                ("actions", index, "cost"),
                f"no one can afford action '{action.id}': it costs {cost:g} {action.track} points, but {power.id} "
                f"holds at most {most:g} (budget {power.budget.get(action.track):g} × (1 + carry_over "
                f"{power.carry_over:g}){rivals}); lower the cost or raise the budget",
                "unaffordable",
            )
        capital = max(scenario.rules.pntr.capital_cap, scenario.washington.political_capital)
        if action.power == "us" and action.capital_cost > capital:
            yield _warning(
                ("actions", index, "capital_cost"),
                f"no one can afford action '{action.id}': it needs {action.capital_cost} political capital, "
                f"but at most {capital:g} can be banked (rules.pntr.capital_cap)",
                "unaffordable",
            )


def _points_phrases(effect: Any) -> tuple[str, ...]:
    """How a preview names a budget effect: '3 diplomacy points', '1 soft power point' (or 'soft-power')."""
    amount = abs(float(effect.amount))
    unit = "point" if amount == 1 else "points"
    track = TRACK_NAMES[effect.track].lower()
    return tuple(f"{amount:g} {words} {unit}" for words in dict.fromkeys((track, track.replace(" ", "-"))))


def _check_previews(scenario: Scenario) -> Iterator[Finding]:
    """A choice's preview that speaks of points must say which and how many, as its effects do.

    The event dialog shows only the preview, so '(+3 points)' leaves the player guessing which
    track gains them, and a cost changed in the effects but not in the text misleads.
    """
    for e_index, event in enumerate(scenario.events):
        for c_index, choice in enumerate(event.choices):
            budgets = [e for e in choice.effects if isinstance(e, eff.Budget) and e.power == PLAYER]
            text = choice.preview.lower()
            if not budgets or "point" not in text:
                continue
            for effect in budgets:
                phrases = _points_phrases(effect)
                if not any(phrase in text for phrase in phrases):
                    change = "costs" if effect.amount < 0 else "gives"
                    yield _warning(
                        ("events", e_index, "choices", c_index, "preview"),
                        f"the preview speaks of points but not as the choice's effects do: it {change} the US "
                        f"{phrases[0]}; write '{phrases[0]}' so the player knows which and how many",
                        "preview",
                    )


def max_score(scenario: Scenario) -> float:
    """The highest score a campaign could reach: full standing (100), every milestone, full stability."""
    score = scenario.score
    milestones = score.partnership_points + score.corridor_points + score.pntr_points
    return 100 + milestones + sum(max(0.0, p) for p in score.project_points.values()) + score.stability_weight * 50


def _check_reachable(scenario: Scenario) -> Iterator[Finding]:
    """A victory line or a grade above the highest possible score."""
    best = max_score(scenario)
    if scenario.score.victory_score > best:
        yield _warning(
            ("score", "victory_score"),
            f"victory can never be reached: victory_score {scenario.score.victory_score:g} is above the highest "
            f"possible score {best:g} (100 + milestone points + stability bonus)",
            "unreachable",
        )
    for index, grade in enumerate(scenario.score.grades):
        if grade.min_score > best:
            yield _warning(
                ("score", "grades", index, "min_score"),
                f"grade {grade.name} can never be reached: it needs {grade.min_score:g}, above the highest "
                f"possible score {best:g}",
                "unreachable",
            )
