"""One-at-a-time sensitivity: which rule parameters move the campaign score most (a scenario's model card).

Each probe moves one parameter to a low and a high value (a claim's `strength` to 0 and 2;
other parameters to ×0.5 and ×1.5 of the scenario's value, clamped to the field's range)
and plays the same strategy over the same seeds as the unchanged scenario. The change in
mean score is a paired difference with its 95% interval, so a row says both how far the
parameter moves the outcome and how sure we are of it.

A claim can only show in the card if some strategy plays the part of the model it drives
(C19 only bites a side that neglects; C5 only a side that makes big moves early), so the card
plays a wide set of strategies (`MODEL_CARD_STRATEGIES`) and reports, per parameter, the
strategy it moves most. A claim whose strength moves no strategy's score is flagged.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import attrs

from game.batch.stats import Interval, paired_interval
from game.batch.thesis import ArmKey, Arms
from game.content.overrides import resolve
from game.content.scenario import Scenario

# Beyond every group's strength: the parameters the design leans on most (claims C7, C6, C3, C4, C19).
KEY_PARAMETERS = (
    "rules.window.bonus",
    "rules.long_game.mature_turns",
    "rules.russia_strain.drift_per_turn",
    "rules.china_wariness.per_gain",
    "rules.neglect.decay_per_turn",
)
# Ways of playing that between them exercise every claim's rule: balanced (C8, C9, C10, C11,
# C14, C16), neglect (C19, C17), soft power alone (C5, C6), trade alone (C13, C15), pushing
# rivals out (C1, C2, C3, C4, C12) and early effort (C7). Six, not all ten: each strategy
# adds a full set of probes, and the card must stay runnable in a lesson.
MODEL_CARD_STRATEGIES = ("balanced", "neglect", "soft-power", "trade", "overreach", "early")
ZERO = 0.005  # a change below this, at both ends, prints as 0.00: the parameter does nothing for that play
LOW_FACTOR, HIGH_FACTOR = 0.5, 1.5
STRENGTH_LOW, STRENGTH_HIGH = 0.0, 2.0


@attrs.frozen
class Probe:
    """One parameter and the two values it is moved to."""

    path: str
    claim: str
    default: float
    low: float
    high: float


@attrs.frozen
class SensitivityRow:
    """The change in mean score when one parameter moves, for one strategy."""

    probe: Probe
    strategy: str
    at_low: Interval  # score at the low value − score at the scenario's value (paired)
    at_high: Interval

    @property
    def effect(self) -> float:
        """The larger absolute change of the two ends: what the table is sorted by."""
        return max(abs(self.at_low.estimate), abs(self.at_high.estimate))


def _current(scenario: Scenario, path: str) -> Any:
    value: Any = scenario
    for part in path.split("."):
        value = getattr(value, part)
    return value


def make_probe(scenario: Scenario, path: str) -> Probe:
    """A probe for `path`: strength to 0 and 2, else ×0.5 and ×1.5 clamped (and rounded for whole numbers)."""
    chain, kind = resolve(scenario, path)
    field = chain[-1]
    default = _current(scenario, path)
    if field.name == "strength":
        low, high = STRENGTH_LOW, STRENGTH_HIGH
    else:
        low, high = default * LOW_FACTOR, default * HIGH_FACTOR
    lo, hi = field.metadata.get("min", -math.inf), field.metadata.get("max", math.inf)
    low, high = min(max(low, lo), hi), min(max(high, lo), hi)
    if kind is int:
        low, high = round(low), round(high)
    else:
        low, high = float(low), float(high)
    return Probe(path, field.metadata.get("claim", ""), default, low, high)


def default_probes(scenario: Scenario, extra: Sequence[str] = KEY_PARAMETERS) -> list[Probe]:
    """Every rule group's strength, then the key parameters."""
    paths = [f"rules.{group.name}.strength" for group in attrs.fields(type(scenario.rules))]
    return [make_probe(scenario, path) for path in dict.fromkeys([*paths, *extra])]


def sensitivity_arms(probes: Sequence[Probe], strategies: Sequence[str] = ("balanced",)) -> list[ArmKey]:
    """Every arm the table needs: each strategy unchanged, and at each probe's two values."""
    keys: list[ArmKey] = []
    for strategy in strategies:
        keys.append((strategy, ()))
        for probe in probes:
            keys.extend([(strategy, ((probe.path, probe.low),)), (strategy, ((probe.path, probe.high),))])
    return list(dict.fromkeys(keys))


def run_sensitivity(
    arms: Arms, probes: Sequence[Probe], strategies: Sequence[str] = ("balanced",)
) -> list[SensitivityRow]:
    """The table, largest effect first (ties by parameter path, so the order is stable)."""
    arms.prefetch(sensitivity_arms(probes, strategies))
    rows = []
    for strategy in strategies:
        base = arms.values(strategy, "score")
        for probe in probes:
            low = arms.values(strategy, "score", ((probe.path, probe.low),))
            high = arms.values(strategy, "score", ((probe.path, probe.high),))
            rows.append(SensitivityRow(probe, strategy, paired_interval(low, base), paired_interval(high, base)))
    return sorted(rows, key=lambda row: (-row.effect, row.strategy, row.probe.path))


def _evidence(row: SensitivityRow) -> tuple[float, float]:
    """Rank rows by the largest change whose interval excludes zero, then by any change: a noisy
    strategy should not stand for a parameter just because its estimate wobbles furthest."""
    sure = [abs(i.estimate) for i in (row.at_low, row.at_high) if i.excludes_zero()]
    return (max(sure, default=0.0), row.effect)


def card_rows(rows: Sequence[SensitivityRow]) -> list[SensitivityRow]:
    """One row per parameter: the strategy it moves most surely, largest effect first."""
    best: dict[str, SensitivityRow] = {}
    for row in rows:
        if row.probe.path not in best or _evidence(row) > _evidence(best[row.probe.path]):
            best[row.probe.path] = row
    return sorted(best.values(), key=lambda row: (-row.effect, row.probe.path))


def inert_claims(rows: Sequence[SensitivityRow]) -> list[SensitivityRow]:
    """Claims' strength rows that move no strategy's score: a claim that carries no weight."""
    return [
        row for row in card_rows(rows) if row.probe.path.endswith(".strength") and row.probe.claim and row.effect < ZERO
    ]


def sensitivity_rows(rows: Sequence[SensitivityRow]) -> list[dict[str, Any]]:
    """One CSV row per parameter and strategy (sensitivity.csv)."""
    return [
        {
            "strategy": row.strategy,
            "parameter": row.probe.path,
            "claim": row.probe.claim,
            "default": row.probe.default,
            "low": row.probe.low,
            "change_at_low": round(row.at_low.estimate, 4),
            "low_ci_low": round(row.at_low.low, 4),
            "low_ci_high": round(row.at_low.high, 4),
            "high": row.probe.high,
            "change_at_high": round(row.at_high.estimate, 4),
            "high_ci_low": round(row.at_high.low, 4),
            "high_ci_high": round(row.at_high.high, 4),
            "largest_change": round(row.effect, 4),
            "n": row.at_low.n,
        }
        for row in rows
    ]
