"""What the facilitator view lists and sends, as plain data (testable without a window).

- the rule parameters grouped by claim, with their value, range and meaning (from the
  scenario format's field metadata, so the window and the format reference agree);
- a news item's effect rows turned into the scenario effect format;
- the hidden information a facilitator may reveal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from game.content.effects import EFFECT_TYPES
from game.content.scenario import Scenario
from game.content.vocabulary import TRACKS
from game.sim.engine import Simulation
from game.sim.receptivity import receptivity


@attrs.frozen
class ParamRow:
    """One rule parameter as the facilitator sees it."""

    path: str  # rules.GROUP.NAME, what `set_parameter` takes
    claim: str
    value: Any
    low: float | None
    high: float | None
    doc: str

    @property
    def range_text(self) -> str:
        if self.low is None and self.high is None:
            return "any"
        return f"{'' if self.low is None else f'{self.low:g}'}–{'' if self.high is None else f'{self.high:g}'}"


def _claim_key(claim: str) -> tuple[int, str]:
    digits = claim[1:]
    return (int(digits) if digits.isdigit() else 999, claim)


def rule_rows(scenario: Scenario) -> list[ParamRow]:
    """Every numeric rule parameter, grouped by claim (C1 first), then by path."""
    rows: list[ParamRow] = []
    rules = scenario.rules
    for group in attrs.fields(type(rules)):
        values = getattr(rules, group.name)
        if not attrs.has(type(values)):
            continue
        for field in attrs.fields(type(values)):
            value = getattr(values, field.name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                continue
            meta = field.metadata
            rows.append(
                ParamRow(
                    f"rules.{group.name}.{field.name}",
                    str(meta.get("claim", "—")),
                    value,
                    meta.get("min"),
                    meta.get("max"),
                    str(meta.get("doc", "")),
                )
            )
    return sorted(rows, key=lambda r: (_claim_key(r.claim), r.path))


def parse_number(typed: str) -> float | int:
    """The value typed for a parameter; ValueError with a plain message if it is not a number."""
    cleaned = typed.strip().replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(f"'{typed}' is not a number") from None
    return int(number) if number.is_integer() and "." not in cleaned else number


# --- news items ---------------------------------------------------------------------------------

SUBJECT_FIELDS = ("variable", "flag", "project", "track", "name")
_SUBJECTS = {
    "adjust": ("stability", "economy", "china_wariness", "russia_strain", "resilience", "us_trust", "opening"),
    "region": ("c5plus1_preparation", "backlash", "western_trade"),
    "washington": ("political_capital", "congress_support"),
    "flag": ("pntr", "on_corridor", "afghan_border", "partnership"),
    "budget": TRACKS,
}
NO_EFFECT = "(none)"


def effect_types() -> tuple[str, ...]:
    """The choices of an effect row's type: '(none)' then every scenario effect type."""
    return (NO_EFFECT, *EFFECT_TYPES)


def _field_names(kind: str) -> set[str]:
    return {f.name for f in attrs.fields(EFFECT_TYPES[kind])}


def takes_power(kind: str) -> bool:
    return kind in EFFECT_TYPES and "power" in _field_names(kind)


def subjects(kind: str, scenario: Scenario) -> tuple[str, ...]:
    """What the 'variable' column offers for a type ('' when the type has none)."""
    if kind == "project":
        return tuple(p.id for p in scenario.projects)
    if kind == "global":
        return tuple(scenario.globals)
    return _SUBJECTS.get(kind, ("",))


def effect_payload(kind: str, power: str, subject: str, amount: float) -> dict[str, Any] | None:
    """One effect row as scenario effect data; None for an unused row. For flags and globals an
    amount of 0 means false and anything else true."""
    if kind == NO_EFFECT or kind not in EFFECT_TYPES:
        return None
    names = _field_names(kind)
    data: dict[str, Any] = {"type": kind}
    if "power" in names:
        data["power"] = power
    field = next((n for n in SUBJECT_FIELDS if n in names), None)
    if field:
        data[field] = subject
    if "amount" in names:
        data["amount"] = amount
    if "value" in names:
        data["value"] = amount != 0
    return data


# --- hidden information ---------------------------------------------------------------------------


HIDDEN_ORDERS = (
    "hidden: in a hot-seat game without a facilitator PIN any side can open this view, "
    "so the sides' orders stay hidden here too (set a PIN on the setup screen to see them)"
)


def reveal_lines(sim: Simulation, show_queued: bool = True) -> list[tuple[str, bool]]:
    """(line, is_heading): every side's queued orders (unless `show_queued` is off), the AIs'
    stated reasons, receptivity."""
    world = sim.world
    lines: list[tuple[str, bool]] = [("Orders queued now, all sides", True)]
    if not show_queued:
        lines.append((HIDDEN_ORDERS, False))
    elif not sim.queued:
        lines.append(("none yet", False))
    for order in sim.queued if show_queued else ():
        where = world.state_name(order.target) if order.target else "the region"
        lines.append((f"{world.powers.name(order.power)}: {world.actions[order.action].name} — {where}", False))
    lines.append(("", False))
    lines.append(("What the computer's sides said last turn (doctrine reasons)", True))
    report = sim.reports[-1] if sim.reports else None
    stated = [p for p in report.orders if p.reason] if report else []
    if not stated:
        lines.append(("no turn played yet" if report is None else "no stated reasons last turn", False))
    for planned in stated:
        action = world.actions[planned.order.action]
        lines.append((f"{world.powers.name(planned.order.power)}: {planned.reason} [{action.name}]", False))
    lines.append(("", False))
    lines.append(("Receptivity per state: how much of each power's influence lands (product of factors)", True))
    for state_id in world.state_ids:
        country = world.country(state_id)
        lines.append((world.state_name(state_id), True))
        for power in world.powers.ids:
            factors = receptivity(world, country, power, None)
            product = 1.0
            for factor in factors:
                product *= factor.value
            parts = ", ".join(f"{f.label} ×{f.value:.2f} ({f.claim})" for f in factors)
            lines.append((f"  {world.powers.name(power)} ×{product:.2f}: {parts}", False))
    return lines


def wrap_lines(lines: Sequence[tuple[str, bool]], wrap: Any) -> list[tuple[str, bool]]:
    """Wrap each line with `wrap(text, bold) -> list[str]`, keeping the heading mark."""
    out: list[tuple[str, bool]] = []
    for line, heading in lines:
        out.extend((part, heading) for part in (wrap(line, heading) or [""]))
    return out
