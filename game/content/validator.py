"""Cross-reference and range checks on a structured scenario.

Runs after structuring succeeds. Yields `(path, message, code, severity)` so the loader can
place each problem at its line. Every unknown id gets a did-you-mean.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Any

import attrs

from game.content import conditions as cond
from game.content import effects as eff
from game.content.scenario import Scenario
from game.content.structure import did_you_mean
from game.content.vocabulary import COUNTRY_FLAGS, COUNTRY_VARIABLES, POWERS, REGION_VARIABLES, WASHINGTON_VARIABLES

Path_ = tuple[str | int, ...]
Found = tuple[Path_, str, str, str]

STATE_FLAGS = (*COUNTRY_FLAGS, "pntr_eligible")
PLACEHOLDERS = {"state", "power"}


def _error(path: Path_, message: str, code: str = "reference") -> Found:
    return (path, message, code, "error")


def _warning(path: Path_, message: str, code: str = "warning") -> Found:
    return (path, message, code, "warning")


@attrs.frozen
class _Ids:
    states: tuple[str, ...]
    actions: tuple[str, ...]
    events: tuple[str, ...]
    projects: tuple[str, ...]
    globals: tuple[str, ...]


def validate_references(scenario: Scenario) -> Iterator[Found]:
    """Every cross-reference, uniqueness and range problem in a scenario."""
    ids = _Ids(
        states=tuple(s.id for s in scenario.states),
        actions=tuple(a.id for a in scenario.actions),
        events=tuple(e.id for e in scenario.events),
        projects=tuple(p.id for p in scenario.projects),
        globals=tuple(scenario.globals),
    )
    for key, items in (("states", scenario.states), ("actions", scenario.actions), ("events", scenario.events),
                       ("projects", scenario.projects), ("difficulties", scenario.difficulties), ("powers", scenario.powers)):
        yield from _unique(key, [item.id for item in items])
    yield from _check_powers(scenario)
    yield from _check_states(scenario)
    for index, action in enumerate(scenario.actions):
        path: Path_ = ("actions", index)
        if action.cost < 0:
            yield _error((*path, "cost"), "cost cannot be negative", "range")
        if action.delay_turns < 0:
            yield _error((*path, "delay_turns"), "delay_turns cannot be negative", "range")
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
    for index, event in enumerate(scenario.events):
        yield from _check_event(("events", index), event, ids)
    for index, project in enumerate(scenario.projects):
        path = ("projects", index)
        yield from _check_claims((*path, "claims"), project.claims)
        yield from _check_effects((*path, "on_complete"), project.on_complete, ids)
        if not 0 <= project.progress <= 100:
            yield _error((*path, "progress"), "progress must be between 0 and 100", "range")
    yield from _check_score(scenario)
    yield from _check_rules(scenario)
    if scenario.turns < 1 or scenario.turns > 400:
        yield _error(("turns",), "turns must be between 1 and 400", "range")
    if not 1 <= scenario.start.quarter <= 4:
        yield _error(("start", "quarter"), "quarter must be 1, 2, 3 or 4", "range")
    if scenario.default_difficulty not in {d.id for d in scenario.difficulties}:
        yield _error(("default_difficulty",), f"unknown difficulty '{scenario.default_difficulty}'"
                     f"{did_you_mean(scenario.default_difficulty, [d.id for d in scenario.difficulties])}")
    for index, difficulty in enumerate(scenario.difficulties):
        if not 0 <= difficulty.rival_skill <= 1:
            yield _error(("difficulties", index, "rival_skill"), "rival_skill must be between 0 and 1", "range")
        if difficulty.rival_budget < 0:
            yield _error(("difficulties", index, "rival_budget"), "rival_budget cannot be negative", "range")


def _unique(key: str, values: list[str]) -> Iterator[Found]:
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            yield _error((key, index, "id"), f"duplicate id '{value}' (also used by {key}[{seen[value]}])", "duplicate-id")
        else:
            seen[value] = index
        if value != value.strip() or not value or any(c.isspace() or c.isupper() for c in value):
            yield _error((key, index, "id"), f"id '{value}' must be lower-case with no spaces", "id")


def _check_powers(scenario: Scenario) -> Iterator[Found]:
    present = [p.id for p in scenario.powers]
    for power in POWERS:
        if power not in present:
            yield _error(("powers",), f"power '{power}' is missing: every scenario defines us, russia and china", "missing-key")
    for index, power in enumerate(scenario.powers):
        path: Path_ = ("powers", index)
        for track in ("soft_power", "trade", "diplomacy"):
            if power.budget.get(track) < 0:
                yield _error((*path, "budget", track), "a budget cannot be negative", "range")
        if power.id == "us" and power.doctrine is not None:
            yield _warning((*path, "doctrine"), "the US is played by a person or a strategy; its doctrine is ignored")
        if power.id != "us" and power.doctrine is None:
            yield _error((*path,), f"{power.id} needs a doctrine for the AI", "missing-key")
        if power.doctrine is None:
            continue
        for kind, items in (("priorities", power.doctrine.priorities), ("responses", power.doctrine.responses)):
            for item_index, item in enumerate(items):
                item_path: Path_ = (*path, "doctrine", kind, item_index)
                if item.action not in scenario_action_ids(scenario):
                    yield _error((*item_path, "action"), f"unknown action '{item.action}'{did_you_mean(item.action, scenario_action_ids(scenario))}")
                elif scenario.action(item.action).power != power.id:
                    yield _error((*item_path, "action"), f"action '{item.action}' belongs to {scenario.action(item.action).power}, not {power.id}")
                when = getattr(item, "when", None)
                if when is not None:
                    ids = _Ids(tuple(s.id for s in scenario.states), (), tuple(e.id for e in scenario.events),
                               tuple(p.id for p in scenario.projects), tuple(scenario.globals))
                    yield from _check_condition((*item_path, "when"), when, ids, country_ok=True)
                yield from _check_text((*item_path, "reason"), item.reason)


def scenario_action_ids(scenario: Scenario) -> list[str]:
    return [a.id for a in scenario.actions]


def _check_states(scenario: Scenario) -> Iterator[Found]:
    if not scenario.states:
        yield _error(("states",), "a scenario needs at least one state", "missing-key")
    for index, state in enumerate(scenario.states):
        path: Path_ = ("states", index)
        for power in POWERS:
            value = state.alignment.get(power)
            if not 0 <= value <= 100:
                yield _error((*path, "alignment", power), "alignment must be between 0 and 100", "range")
        for name in ("stability", "economy", "china_wariness", "resilience", "us_trust"):
            if not 0 <= getattr(state, name) <= 100:
                yield _error((*path, name), f"{name} must be between 0 and 100", "range")
        for name in ("multivector", "openness"):
            if not 0 <= getattr(state, name) <= 1:
                yield _error((*path, name), f"{name} must be between 0 and 1", "range")
        if state.score_weight < 0:
            yield _error((*path, "score_weight"), "score_weight cannot be negative", "range")


def _check_claims(path: Path_, claims: tuple[str, ...]) -> Iterator[Found]:
    valid = [f"C{n}" for n in range(1, 20)]
    for index, claim in enumerate(claims):
        if claim not in valid:
            yield _error((*path, index), f"unknown claim id '{claim}' (claims are C1 to C19){did_you_mean(claim, valid)}")


def _check_text(path: Path_, text: str) -> Iterator[Found]:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(text) if name is not None]
    except ValueError as error:
        yield _error(path, f"text has a broken placeholder: {error} (write {{{{ for a literal brace)", "placeholder")
        return
    for name in names:
        if name not in PLACEHOLDERS:
            yield _error(path, f"unknown placeholder '{{{name}}}'{did_you_mean(name, PLACEHOLDERS)}; placeholders are {{state}} and {{power}}", "placeholder")


def _check_state_ids(path: Path_, state_ids: tuple[str, ...], ids: _Ids) -> Iterator[Found]:
    for index, state_id in enumerate(state_ids):
        if state_id not in ids.states:
            yield _error((*path, index), f"unknown state '{state_id}'{did_you_mean(state_id, ids.states)}")


def _check_effects(path: Path_, effects: tuple[Any, ...], ids: _Ids) -> Iterator[Found]:
    for index, effect in enumerate(effects):
        here: Path_ = (*path, index)
        if hasattr(effect, "states"):
            yield from _check_state_ids((*here, "states"), effect.states, ids)
        if isinstance(effect, eff.Adjust) and effect.variable not in COUNTRY_VARIABLES:
            yield _error((*here, "variable"), f"unknown variable '{effect.variable}'{did_you_mean(effect.variable, COUNTRY_VARIABLES)}")
        if isinstance(effect, eff.RegionAdjust) and effect.variable not in REGION_VARIABLES:
            yield _error((*here, "variable"), f"unknown region variable '{effect.variable}'{did_you_mean(effect.variable, REGION_VARIABLES)}")
        if isinstance(effect, eff.SetFlag) and effect.flag not in COUNTRY_FLAGS:
            yield _error((*here, "flag"), f"unknown flag '{effect.flag}'{did_you_mean(effect.flag, COUNTRY_FLAGS)}")
        if isinstance(effect, eff.Progress) and effect.project not in ids.projects:
            yield _error((*here, "project"), f"unknown project '{effect.project}'{did_you_mean(effect.project, ids.projects)}")
        if isinstance(effect, eff.SetGlobal) and effect.name not in ids.globals:
            yield _error((*here, "name"), f"unknown global condition '{effect.name}'{did_you_mean(effect.name, ids.globals)} (declare it under 'globals:')")
        if isinstance(effect, eff.Goodwill) and effect.matures_in is not None and effect.matures_in < 1:
            yield _error((*here, "matures_in"), "matures_in must be at least 1", "range")


def _check_condition(path: Path_, condition: Any, ids: _Ids, *, country_ok: bool) -> Iterator[Found]:
    if not country_ok and cond.is_country_condition(condition):
        yield _error(path, "this condition looks at a state, but here there is no state to look at "
                     "(use it under 'eligible' or in a state-scoped event)", "scope")
    stack: list[tuple[Path_, Any]] = [(path, condition)]
    while stack:
        here, item = stack.pop()
        if isinstance(item, cond.AllOf | cond.AnyOf):
            stack.extend(((*here, "of", i), sub) for i, sub in enumerate(item.of))
        elif isinstance(item, cond.NotOf):
            stack.append(((*here, "of"), item.of))
        elif isinstance(item, cond.StateIs):
            yield from _check_state_ids((*here, "ids"), item.ids, ids)
        elif isinstance(item, cond.GlobalIs) and item.name not in ids.globals:
            yield _error((*here, "name"), f"unknown global condition '{item.name}'{did_you_mean(item.name, ids.globals)} (declare it under 'globals:')")
        elif isinstance(item, cond.ProjectIs) and item.project not in ids.projects:
            yield _error((*here, "project"), f"unknown project '{item.project}'{did_you_mean(item.project, ids.projects)}")
        elif isinstance(item, cond.EventFired) and item.event not in ids.events:
            yield _error((*here, "event"), f"unknown event '{item.event}'{did_you_mean(item.event, ids.events)}")
        elif isinstance(item, cond.FlagIs) and item.flag not in STATE_FLAGS:
            yield _error((*here, "flag"), f"unknown flag '{item.flag}'{did_you_mean(item.flag, STATE_FLAGS)}")
        elif isinstance(item, cond.VariableIs) and item.variable not in COUNTRY_VARIABLES:
            yield _error((*here, "variable"), f"unknown variable '{item.variable}'{did_you_mean(item.variable, COUNTRY_VARIABLES)}")
        elif isinstance(item, cond.RegionVariable) and item.variable not in REGION_VARIABLES:
            yield _error((*here, "variable"), f"unknown region variable '{item.variable}'{did_you_mean(item.variable, REGION_VARIABLES)}")


def _check_event(path: Path_, event: Any, ids: _Ids) -> Iterator[Found]:
    yield from _check_claims((*path, "claims"), event.claims)
    if not 0 <= event.probability <= 1:
        yield _error((*path, "probability"), "probability must be between 0 and 1", "range")
    if event.condition is not None:
        yield from _check_condition((*path, "condition"), event.condition, ids, country_ok=event.scope == "state")
    yield from _check_effects((*path, "effects"), event.effects, ids)
    yield from _check_text((*path, "text"), event.text)
    yield from _check_text((*path, "title"), event.title)
    yield from _unique_in((*path, "choices"), [c.id for c in event.choices])
    for index, choice in enumerate(event.choices):
        yield from _check_effects((*path, "choices", index, "effects"), choice.effects, ids)
        yield from _check_text((*path, "choices", index, "preview"), choice.preview)
    choice_ids = [c.id for c in event.choices]
    if event.default_choice is not None and event.default_choice not in choice_ids:
        yield _error((*path, "default_choice"), f"unknown choice '{event.default_choice}'{did_you_mean(event.default_choice, choice_ids)}")
    if event.cooldown_turns < 0:
        yield _error((*path, "cooldown_turns"), "cooldown_turns cannot be negative", "range")
    for index, scale in enumerate(event.chance_scales):
        known = (*COUNTRY_VARIABLES, *WASHINGTON_VARIABLES, *REGION_VARIABLES)
        if scale.variable not in known:
            yield _error((*path, "chance_scales", index, "variable"), f"unknown variable '{scale.variable}'{did_you_mean(scale.variable, known)}")
        elif scale.variable in COUNTRY_VARIABLES and event.scope != "state":
            yield _error((*path, "chance_scales", index), "chance_scales need a state: set 'scope: state'", "scope")


def _unique_in(path: Path_, values: list[str]) -> Iterator[Found]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield _error((*path, index, "id"), f"duplicate id '{value}'", "duplicate-id")
        seen.add(value)


def _check_score(scenario: Scenario) -> Iterator[Found]:
    grades = scenario.score.grades
    if not grades:
        yield _error(("score", "grades"), "at least one grade is needed", "missing-key")
    for index in range(1, len(grades)):
        if grades[index].min_score > grades[index - 1].min_score:
            yield _error(("score", "grades", index, "min_score"), "grades must be listed from best to worst (min_score falling)", "range")
    if scenario.score.defeat_score >= scenario.score.victory_score:
        yield _error(("score", "defeat_score"), "defeat_score must be below victory_score", "range")


def _check_rules(scenario: Scenario) -> Iterator[Found]:
    for group in attrs.fields(type(scenario.rules)):
        params = getattr(scenario.rules, group.name)
        for field in attrs.fields(type(params)):
            value = getattr(params, field.name)
            low, high = field.metadata.get("min", 0), field.metadata.get("max", 1e6)
            if not low <= value <= high:
                yield _error(("rules", group.name, field.name), f"must be between {low:g} and {high:g}; got {value:g}", "range")
