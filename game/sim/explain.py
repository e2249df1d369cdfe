"""Plain-English names for ledger causes and variables: what the turn report and debrief show."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from game.content.powers import display_name
from game.content.scenario import Scenario
from game.sim.ledger import Change
from game.sim.rules.catalogue import RULES

_RULE_TITLES = {rule.id: rule.title for rule in RULES}
_EXTRA_RULES = {
    "trust_fades": "Trust fades",
    "trust_dividend": "Trust pays a dividend",
    "roots": "Sustained ties take root",
    "washington": "Political capital",
    "multipolar": "Multipolar drift",
    "openings_fade": "A passing opening fades",
    "absence": "Quarters without US engagement",
    "window_closes": "Moscow repairs ties unopposed",
    "leverage": "Regional leverage",
    "projects_slip": "Unfunded projects slip",
    "corridor": "Trade on the corridor",
    "shared_threats": "Shared threats",
    "tender_won": "A contract won at tender",
}

POWER_GROUPS = ("alignment", "floors", "fragile", "budget")  # variables keyed by a power
VARIABLE_NAMES = {
    "alignment": "alignment with {key}",
    "floors": "{key}'s structural floor",
    "fragile": "{key}'s cash-bought influence",
    "goodwill_due": "goodwill maturing on turn {key}",
    "budget": "{key} points",
    "flags": "{key}",
    "projects": "{key} progress",
    "region": "{key}",
    "washington": "{key}",
    "globals": "{key}",
}
REGION_NAMES = {"c5plus1_preparation": "C5+1 preparation", "western_trade": "western trade"}
VALUE_NAMES = {
    "stability": "stability",
    "economy": "economy",
    "china_wariness": "wariness of China",
    "resilience": "resilience against shared threats",
    "us_trust": "trust in the US",
    "neglect_turns": "turns without US engagement",
    "russia_strain": "strain with Russia",
    "opening": "a passing opening for the US",
}


def describe_cause(cause: str, scenario: Scenario, state_name: str = "the state") -> str:
    """'Education exchanges (United States)' for 'action:us:education_exchanges', and so on.

    Event titles and choice labels may hold a {state} placeholder: `state_name` fills it.
    """
    return _describe(cause, scenario).replace("{state}", state_name).replace("{power}", "the United States")


def _describe(cause: str, scenario: Scenario) -> str:
    kind, _, rest = cause.partition(":")
    if kind == "action":
        power, _, action_id = rest.partition(":")
        name = next((a.name for a in scenario.actions if a.id == action_id), action_id)
        return f"{name} ({scenario.power_table.name(power)})"
    if kind == "event":
        event_id, _, choice_id = rest.partition(":")
        event = next((e for e in scenario.events if e.id == event_id), None)
        if event is None:
            return rest
        if choice_id:
            label = next((c.label for c in event.choices if c.id == choice_id), choice_id)
            return f"{event.title}: {label}"
        return event.title
    if kind == "project":
        return next((f"{p.name} completed" for p in scenario.projects if p.id == rest), rest)
    if kind == "rule":
        rule_id, _, detail = rest.partition(":")
        title = _RULE_TITLES.get(rule_id) or _EXTRA_RULES.get(rule_id, rule_id.replace("_", " ").capitalize())
        if detail:
            return f"{title} ({_describe(detail, scenario)})"
        return title
    if kind == "income":
        return "Income"
    if kind == "lasting":  # an income change an earlier effect set going (`type: income`)
        return f"{_describe(rest, scenario)} (still paying)"
    if kind == "facilitator":
        return f"Facilitator: {rest}"
    return cause


def describe_variable(variable: str) -> str:
    """'alignment with us' → 'alignment with United States' etc."""
    group, _, key = variable.partition(".")
    if group == "values":
        return VALUE_NAMES.get(key, key.replace("_", " "))  # a scenario's own variable, e.g. port capacity
    if group == "region":
        return REGION_NAMES.get(key, key.replace("_", " "))
    template = VARIABLE_NAMES.get(group)
    if template is None:
        return key.replace("_", " ")
    return template.format(key=display_name(key) if group in POWER_GROUPS else key.replace("_", " "))


def top_causes(
    changes: Iterable[Change], variable: str, target: str | None = None, limit: int = 5
) -> list[tuple[str, float]]:
    """The causes that moved `variable` most (by absolute total), for the report and debrief."""
    totals: dict[str, float] = defaultdict(float)
    for change in changes:
        if change.variable == variable and (target is None or change.target == target):
            totals[change.cause] += change.delta
    return sorted(totals.items(), key=lambda item: (-abs(item[1]), item[0]))[:limit]


def claim_weights(changes: Iterable[Change], variable_prefix: str = "alignment.us") -> dict[str, float]:
    """How much each claim moved a variable (absolute), for 'the claims that mattered'."""
    weights: dict[str, float] = defaultdict(float)
    for change in changes:
        if change.variable.startswith(variable_prefix):
            for claim in change.claims:
                weights[claim] += abs(change.delta)
    return dict(sorted(weights.items(), key=lambda item: -item[1]))


def mean_factors(changes: Iterable[Change]) -> list[tuple[str, str, float]]:
    """The receptivity factors behind some gains, each averaged with the gains' sizes as weights.

    Returns (claim, label, value) sorted by how far each moved the gains, largest first.
    """
    weighted: dict[tuple[str, str], float] = defaultdict(float)
    total = 0.0
    changes = [c for c in changes if c.delta > 0]
    for change in changes:
        total += change.delta
    if not total:
        return []
    for change in changes:
        for claim, label, value in change.factors:
            weighted[(claim, label)] += (value - 1.0) * change.delta / total
    factors = [(claim, label, 1.0 + offset) for (claim, label), offset in weighted.items()]
    return sorted(factors, key=lambda f: (-abs(f[2] - 1.0), f[0], f[1]))


def describe_factors(changes: Iterable[Change], limit: int = 3) -> str:
    """'×1.80 window of opportunity, C7; ×0.85 room to grow, C1' for the gains among `changes`.

    The multipliers are why the same order gains more in one state or turn than another;
    showing them as causes lets a student see the window (C7) or wariness of China (C4) at work.
    """
    shown = [f for f in mean_factors(changes) if abs(f[2] - 1.0) >= 0.01][:limit]
    return "; ".join(f"\u00d7{value:.2f} {label}, {claim}" for claim, label, value in shown)
