"""Conditions and effects in plain English: what an event, action or rule group does.

One renderer per effect and condition class, registered by class in `EFFECT_TEXT` and
`CONDITION_TEXT` (a test checks every type in the registries has one). `python main.py
explain` prints them for authors; the UI can reuse `describe_effects`/`describe_condition`
for tooltips. Names come from the scenario (state names, project names, event titles), so
the text reads as the game shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import attrs

from game.content import conditions as cond
from game.content import effects as eff
from game.content.scenario import ActionDef, EventDef, Scenario
from game.content.vocabulary import TRACK_NAMES

NAMES = {
    "stability": "stability",
    "economy": "economy",
    "china_wariness": "wariness of China",
    "resilience": "resilience",
    "us_trust": "trust in the US",
    "russia_strain": "strain with Russia",
    "opening": "the opening for the US (it widens the window, C7)",
    "c5plus1_preparation": "C5+1 preparation",
    "backlash": "backlash",
    "western_trade": "western trade",
    "political_capital": "political capital",
    "congress_support": "Congress support",
}
# How a flag reads after "a state that ..."; the field docs in StateFlags say what each means.
FLAG_PHRASES = {
    "pntr": ("has PNTR with the US", "does not have PNTR with the US"),
    "pntr_eligible": ("is covered by the PNTR bill", "is not covered by the PNTR bill"),
    "on_corridor": ("lies on the Trans-Caspian route", "is off the Trans-Caspian route"),
    "afghan_border": ("borders Afghanistan", "does not border Afghanistan"),
    "partnership": ("has a strategic partnership with the US", "has no strategic partnership with the US"),
}


@attrs.frozen
class Context:
    """What the text may name: the scenario, and where country effects land by default."""

    scenario: Scenario
    where: str = "in the target state"
    actor: str = "us"  # whose influence an effect without `power:` raises (events: the US)


def number(value: float) -> str:
    """A signed amount with a real minus sign: +3, −1.5."""
    sign = "−" if value < 0 else "+"
    return f"{sign}{abs(value):g}"


def _name(variable: str) -> str:
    return NAMES.get(variable, variable.replace("_", " "))


def _power(power: str | None, ctx: Context) -> str:
    """'US', 'Russian': the adjective for a power, or for the actor when none is named."""
    return ctx.scenario.power_table.adjective(power or ctx.actor)


def _states(ids: Sequence[str], ctx: Context) -> str:
    names = {s.id: s.name for s in ctx.scenario.states}
    return "in " + _join([names.get(i, i) for i in ids], "and") if ids else ctx.where


def _subject(ids: Sequence[str], ctx: Context) -> str:
    """Who a flag change is about, as the subject of a sentence: 'Kazakhstan', 'each of A and B'."""
    names = {s.id: s.name for s in ctx.scenario.states}
    if len(ids) == 1:
        return names.get(ids[0], ids[0])
    if ids:
        return "each of " + _join([names.get(i, i) for i in ids], "and")
    return ctx.where.removeprefix("in ")


def _flag_phrase(flag: str, value: bool) -> str:
    """'has PNTR with the US'; a scenario's own flag reads 'has the flag ferry_line'."""
    return FLAG_PHRASES.get(flag, (f"has the flag {flag}", f"does not have the flag {flag}"))[0 if value else 1]


def _set_flag(e: eff.SetFlag, ctx: Context) -> tuple[str, str | None]:
    return f"{_subject(e.states, ctx)} now {_flag_phrase(e.flag, e.value)}", None


def _join(items: Sequence[str], word: str) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def _span(low: float, high: float, low_default: float, high_default: float, unit: str = "") -> str:
    """'at least 5', 'at most 70', 'between 20 and 40'."""
    has_low, has_high = low != low_default, high != high_default
    if has_low and has_high:
        return f"between {low:g}{unit} and {high:g}{unit}"
    if has_high:
        return f"at most {high:g}{unit}"
    return f"at least {low:g}{unit}"


# --- Effects: each renderer returns (what changes, where it lands or None) -----------------

EffectText = Callable[[Any, Context], tuple[str, str | None]]


def _influence(e: eff.Influence, ctx: Context) -> tuple[str, str | None]:
    kind = "durable " if e.durable else ""
    # Only gains are scaled by receptivity (game.sim.effects); a push lands at face value and
    # can provoke backlash (C2), so the text must not claim a scaling that does not happen.
    how = (
        "scaled by receptivity"
        if e.amount >= 0
        else "not scaled by receptivity; pushing a rival to its floor provokes backlash, C2"
    )
    return f"{_power(e.power, ctx)} {kind}influence {number(e.amount)} ({how})", _states(e.states, ctx)


def _goodwill(e: eff.Goodwill, ctx: Context) -> tuple[str, str | None]:
    turns = e.matures_in or ctx.scenario.rules.long_game.mature_turns
    return f"US goodwill {number(e.amount)}, maturing in {turns} turns", _states(e.states, ctx)


EFFECT_TEXT: dict[type, EffectText] = {
    eff.Influence: _influence,
    eff.Goodwill: _goodwill,
    eff.Shift: lambda e, ctx: (f"{_power(e.power, ctx)} alignment {number(e.amount)}", _states(e.states, ctx)),
    eff.Adjust: lambda e, ctx: (f"{_name(e.variable)} {number(e.amount)}", _states(e.states, ctx)),
    eff.Trait: lambda e, ctx: (
        f"{'openness to outside powers' if e.trait == 'openness' else 'multi-vector balancing'} {number(e.amount)}",
        _states(e.states, ctx),
    ),
    eff.Floor: lambda e, ctx: (f"{_power(e.power, ctx)} structural floor {number(e.amount)}", _states(e.states, ctx)),
    eff.SetFlag: _set_flag,
    eff.Progress: lambda e, ctx: (f"{_project(e.project, ctx)} progress {number(e.amount)}", None),
    eff.RegionAdjust: lambda e, ctx: (f"region-wide {_name(e.variable)} {number(e.amount)}", None),
    eff.Budget: lambda e, ctx: (
        f"{_power(e.power, ctx)} {TRACK_NAMES[e.track].lower()} points {number(e.amount)} this turn",
        None,
    ),
    eff.Income: lambda e, ctx: (
        f"{_power(e.power, ctx)} {TRACK_NAMES[e.track].lower()} income {number(e.amount)} a turn "
        + ("for the rest of the game" if e.turns is None else f"for {e.turns} turn{'' if e.turns == 1 else 's'}")
        + ", from next turn",
        None,
    ),
    eff.Washington: lambda e, ctx: (f"{_name(e.variable)} {number(e.amount)}", None),
    eff.SetGlobal: lambda e, ctx: (f"the global '{e.name}' becomes {str(e.value).lower()}", None),
    eff.ChangeGlobal: lambda e, ctx: (
        f"the global '{e.name}' {number(e.amount)} (kept between {e.at_least:g} and {e.at_most:g})",
        None,
    ),
}


def _project(project_id: str, ctx: Context) -> str:
    return next((p.name for p in ctx.scenario.projects if p.id == project_id), project_id)


def describe_effects(effects: Sequence[Any], ctx: Context) -> str:
    """'stability −6, economy −1 in that state; US goodwill +2 in that state'.

    Consecutive effects that land in the same place share one 'in ...'.
    """
    if not effects:
        return "nothing"
    groups: list[tuple[list[str], str | None]] = []
    for effect in effects:
        text, where = EFFECT_TEXT[type(effect)](effect, ctx)
        if groups and groups[-1][1] == where:
            groups[-1][0].append(text)
        else:
            groups.append(([text], where))
    return "; ".join(", ".join(texts) + (f" {where}" if where else "") for texts, where in groups)


# --- Conditions ------------------------------------------------------------------------------

ConditionText = Callable[[Any, Context], str]


def _event_fired(c: cond.EventFired, ctx: Context) -> str:
    title = next((e.title for e in ctx.scenario.events if e.id == c.event), c.event)
    times = "" if c.at_least == 1 else f" at least {c.at_least} times"
    return f"'{title}' has fired{times}"


def _choice_made(c: cond.ChoiceMade, ctx: Context) -> str:
    event = next((e for e in ctx.scenario.events if e.id == c.event), None)
    label = next((ch.label for ch in event.choices if ch.id == c.choice), c.choice) if event else c.choice
    label = label.replace("{state}", "the state").replace("{power}", "the United States")
    return f"the US has answered '{event.title if event else c.event}' with '{label}'"


def _project_is(c: cond.ProjectIs, ctx: Context) -> str:
    name = _project(c.project, ctx)
    return f"{name} is complete" if c.at_least >= 100 else f"{name} has reached {c.at_least:g}% progress"


def _turn(c: cond.TurnIs, ctx: Context) -> str:
    """A clause with a subject, so it joins others: 'the turn is 4 or later'."""
    if c.at_most >= 10_000:
        return f"the turn is {c.at_least} or later" if c.at_least > 1 else "any turn has come"
    if c.at_least <= 1:
        return f"the turn is {c.at_most} or earlier"
    return f"the turn is between {c.at_least} and {c.at_most}"


def turn_phrase(c: cond.TurnIs) -> str:
    """The same span as an adverbial: 'until turn 1', 'from turn 4 to turn 12'."""
    if c.at_most >= 10_000:
        return f"from turn {c.at_least}" if c.at_least > 1 else "on any turn"
    if c.at_least <= 1:
        return f"until turn {c.at_most}"
    return f"from turn {c.at_least} to turn {c.at_most}"


def _group(items: Sequence[Any], word: str, ctx: Context) -> str:
    parts = []
    for item in items:
        text = describe_condition(item, ctx)
        parts.append(f"({text})" if isinstance(item, cond.AllOf | cond.AnyOf) else text)
    return _join(parts, word)


CONDITION_TEXT: dict[type, ConditionText] = {
    cond.TurnIs: _turn,
    cond.GlobalIs: lambda c, ctx: f"the global '{c.name}' is {str(c.value).lower()}",
    cond.GlobalNumber: lambda c, ctx: f"the global '{c.name}' is {_span(c.at_least, c.at_most, -1e9, 1e9)}",
    cond.RegionVariable: lambda c, ctx: f"region-wide {_name(c.variable)} is {_span(c.at_least, c.at_most, -1e9, 1e9)}",
    cond.ProjectIs: _project_is,
    cond.WashingtonIs: lambda c, ctx: f"{_name(c.variable)} is {_span(c.at_least, c.at_most, -1e9, 1e9)}",
    cond.EventFired: _event_fired,
    cond.ChoiceMade: _choice_made,
    cond.StateIs: lambda c, ctx: (
        "the state is " + _join([next((s.name for s in ctx.scenario.states if s.id == i), i) for i in c.ids], "or")
    ),
    cond.FlagIs: lambda c, ctx: "the state " + _flag_phrase(c.flag, c.value),
    cond.WaterIs: lambda c, ctx: f"the state lies {c.position} on the rivers",
    cond.AlignmentIs: lambda c, ctx: (
        f"{ctx.scenario.power_table.name(c.power)}'s alignment is {_span(c.at_least, c.at_most, 0, 100)}"
    ),
    cond.LeaderIs: lambda c, ctx: f"{ctx.scenario.power_table.name(c.power)} leads the state's alignment",
    cond.VariableIs: lambda c, ctx: f"the state's {_name(c.variable)} is {_span(c.at_least, c.at_most, 0, 100)}",
    cond.AllOf: lambda c, ctx: _group(c.of, "and", ctx),
    cond.AnyOf: lambda c, ctx: _group(c.of, "or", ctx),
    cond.NotOf: lambda c, ctx: f"not ({describe_condition(c.of, ctx)})",
}


def describe_condition(condition: Any, ctx: Context) -> str:
    """A condition tree as one clause: "the state borders Afghanistan and 'war_in_ukraine' is true"."""
    if condition is None:
        return "always"
    return CONDITION_TEXT[type(condition)](condition, ctx)


# --- Whole items -------------------------------------------------------------------------------


def _chance(event: EventDef) -> str:
    text = f"with probability {event.probability * 100:g}% per turn"
    if event.scope == "state":
        text += " in each such state"
    for scale in event.chance_scales:
        rises = f"as {_name(scale.variable)} rises"
        if scale.factor < 0:
            text += f", lowered by up to {min(100.0, -scale.factor * 100):g}% {rises}"
        elif scale.factor >= 1:
            text += f", raised up to {1 + scale.factor:g}× {rises}"
        else:
            text += f", raised by up to {scale.factor * 100:g}% {rises}"
    return text


def _repeat(event: EventDef) -> str:
    if event.once:
        return "At most once per game."
    if event.cooldown_turns:
        return f"After it fires, it waits {event.cooldown_turns} turns before it can fire again."
    return "It can fire every turn."


def explain_event(event: EventDef, scenario: Scenario) -> str:
    """'Fires in a state that borders Afghanistan, with probability 9% per turn...; then: ...'."""
    ctx = Context(scenario, "in that state" if event.scope == "state" else "in every state")
    where = describe_condition(event.condition, ctx)
    if event.scope == "state":
        opening = "Fires in any state" if event.condition is None else f"Fires where {where}"
    elif isinstance(event.condition, cond.TurnIs):
        opening = f"Fires for the region {turn_phrase(event.condition)}"
    else:
        opening = "Fires for the region" + ("" if event.condition is None else f" when {where}")
    lines = [f"{event.title} ({event.id})", f"{opening}, {_chance(event)}. {_repeat(event)}"]
    if event.effects:
        lines.append(f"Then: {describe_effects(event.effects, ctx)}.")
    if event.choices:
        lines.append("Choices:")
        for choice in event.choices:
            default = " (the default)" if choice.id == (event.default_choice or event.choices[0].id) else ""
            offered = "" if choice.when is None else f" (offered only while {describe_condition(choice.when, ctx)})"
            lines.append(f"  - {choice.label}{default}{offered}: {describe_effects(choice.effects, ctx)}.")
            if choice.preview:
                lines.append(f"    The player is told: {choice.preview}")
    if "summit" in event.tags:
        lines.append("A summit: C5+1 preparation scales the choices' effects (C8).")
    lines.append(f"Claims: {', '.join(event.claims) or 'none'}.")
    return "\n".join(lines)


def explain_action(action: ActionDef, scenario: Scenario) -> str:
    """Who orders it, what it costs, where it may go and what it does."""
    where = {"state": "in the target state", "region": "in every state", "washington": "in Washington"}[action.target]
    ctx = Context(scenario, where, action.power)
    target = {
        "state": "one chosen state",
        "region": f"all states at once (each gets {scenario.rules.c5plus1.region_share:g} of the effect, C8)",
        "washington": "Washington",
    }[action.target]
    cost = f"{action.cost} {TRACK_NAMES[action.track].lower()} point{'' if action.cost == 1 else 's'}"
    if action.capital_cost:
        cost += f" and {action.capital_cost} political capital"
    lines = [
        f"{action.name} ({action.id})",
        f"Ordered by {scenario.power_table.name(action.power)}, for {cost}, on {target}.",
    ]
    if action.eligible is not None:
        lines.append(f"Only where {describe_condition(action.eligible, ctx)}.")
    if action.requires is not None:
        lines.append(f"Only while {describe_condition(action.requires, ctx)}.")
    delay = f" after {action.delay_turns} turns" if action.delay_turns else ""
    lines.append(f"Does{delay}: {describe_effects(action.effects, ctx)}.")
    if not action.once_per_turn:
        lines.append("It may be ordered several times on the same target in a turn.")
    if action.tags:
        lines.append(f"Tags: {', '.join(action.tags)}.")
    lines.append(f"Claims: {', '.join(action.claims) or 'none'}.")
    return "\n".join(lines)


def explain_rule(group: str, scenario: Scenario) -> str:
    """A rule group's claim, and each parameter's value, default, range and meaning."""
    params = getattr(scenario.rules, group)
    lines = [f"rules.{group}: {' '.join((type(params).__doc__ or '').split())}"]
    defaults = type(params)()
    for field in attrs.fields(type(params)):
        value, default = getattr(params, field.name), getattr(defaults, field.name)
        changed = "" if value == default else f" (default {default:g})"
        bounds = f"{field.metadata.get('min', 0):g}–{field.metadata.get('max', 1e6):g}"
        lines.append(f"  {field.name} = {value:g}{changed}, range {bounds}: {field.metadata['doc']}")
    return "\n".join(lines)


def rule_groups() -> list[str]:
    from game.content.rules import RuleParams

    return [f.name for f in attrs.fields(RuleParams)]
