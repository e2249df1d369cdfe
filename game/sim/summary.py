"""Per-state summaries of a turn's ledger: what moved a power's alignment in one state, by cause.

A student reads "US +2.4 in Kazakhstan: goodwill +1.7, corridor +1.6, upkeep -0.9" at the top
of the turn report, and the window shows the same breakdown when a state's number is hovered.
Pure functions over `Change` records, so the report, the window and the tests share them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from game.content.powers import short_display_name
from game.content.scenario import Scenario
from game.sim.explain import describe_factors
from game.sim.ledger import Change

# Short labels for the rules' causes (rule:<id>), in a student's words.
RULE_LABELS: dict[str, str] = {
    "goodwill": "goodwill",
    "roots": "ties take root",
    "trust_dividend": "trust dividend",
    "balancing": "balancing",
    "russia_strain": "strain with Russia",
    "china_wariness": "wariness of China",
    "openings_fade": "opening passes",
    "window_closes": "window closes",
    "cash_fades": "cash fades",
    "ties_fade": "upkeep",
    "rival_upkeep": "upkeep",
    "trust_fades": "trust fades",
    "neglect": "neglect",
    "absence": "quarters without the US",
    "corridor": "corridor",
    "projects_slip": "projects slip",
    "backlash": "backlash",
    "resources": "resource deal reaction",
    "tender_won": "contract won",
    "summits": "summit",
    "shared_threats": "shared threats",
    "development": "development",
    "partnership": "partnership",
    "multipolar": "multipolar drift",
    "leverage": "leverage",
    "washington": "Washington",
}


def cause_label(cause: str, scenario: Scenario | None = None) -> str:
    """A short label for a ledger cause: an action's or event's name, or the rule's short name."""
    kind, _, rest = cause.partition(":")
    if kind == "action":
        _, _, action_id = rest.partition(":")
        if scenario is not None:
            return next((a.name for a in scenario.actions if a.id == action_id), action_id)
        return action_id.replace("_", " ")
    if kind == "event":
        event_id = rest.partition(":")[0]
        if scenario is not None:
            return next((e.title for e in scenario.events if e.id == event_id), event_id)
        return event_id.replace("_", " ")
    if kind == "project":
        if scenario is not None:
            return next((p.name for p in scenario.projects if p.id == rest), rest)
        return rest.replace("_", " ")
    if kind == "rule":
        rule_id = rest.partition(":")[0]
        return RULE_LABELS.get(rule_id, rule_id.replace("_", " "))
    if kind == "facilitator":
        return "facilitator"
    return cause


def state_summaries(
    changes: Iterable[Change], state_id: str, power: str = "us", scenario: Scenario | None = None
) -> list[tuple[str, float]]:
    """What moved `power`'s alignment in `state_id`, as (cause label, total delta), largest first.

    Causes sharing a label (two Russian upkeep rules, say) are added together; causes that
    cancel out to zero are dropped.
    """
    variable = f"alignment.{power}"
    totals: dict[str, float] = defaultdict(float)
    for change in changes:
        if change.target == state_id and change.variable == variable:
            totals[cause_label(change.cause, scenario)] += change.delta
    rows = [(label, total) for label, total in totals.items() if round(total, 1) != 0.0]
    return sorted(rows, key=lambda row: (-abs(row[1]), row[0]))


def _signed(value: float) -> str:
    """'+1.7' or '−0.9' (a true minus sign, as a student reads it); two decimals where one would
    read '+0.0', and '±0' for nothing at all."""
    digits = 1 if round(abs(value), 1) else 2
    if not round(abs(value), digits):
        return "±0"
    return f"{value:+.{digits}f}".replace("-", "\u2212")


def summary_line(
    changes: Iterable[Change],
    state_id: str,
    power: str = "us",
    scenario: Scenario | None = None,
    limit: int = 4,
) -> str:
    """'US +2.4 in Kazakhstan: goodwill +1.7, corridor +1.6, upkeep −0.9' for one state."""
    changes = list(changes)
    total = sum(c.delta for c in changes if c.target == state_id and c.variable == f"alignment.{power}")
    parts = state_summaries(changes, state_id, power, scenario)
    state_name = state_id.capitalize()
    if scenario is not None:
        state_name = next((s.name for s in scenario.states if s.id == state_id), state_name)
    who = scenario.power_table.short(power) if scenario is not None else short_display_name(power)
    head = f"{who} {_signed(total)} in {state_name}"
    if not parts:
        return f"{head}: no change"
    shown = ", ".join(f"{label} {_signed(delta)}" for label, delta in parts[:limit])
    if len(parts) > limit:
        rest = sum(delta for _, delta in parts[limit:])
        shown += f", other {_signed(rest)}"
    return f"{head}: {shown}"


def factor_line(changes: Iterable[Change], state_id: str, power: str = "us") -> str:
    """'gains scaled ×1.80 window of opportunity, C7; ...' for `power` in one state, or ''."""
    gains = [c for c in changes if c.target == state_id and c.variable == f"alignment.{power}" and c.factors]
    shown = describe_factors(gains)
    return f"gains scaled {shown}" if shown else ""
