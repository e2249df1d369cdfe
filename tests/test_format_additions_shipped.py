"""Each format addition is used at least once in a shipped scenario, so authors have a working example."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from game.content import conditions as cond
from game.content import effects as eff
from game.content.loader import load_scenario

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def _everything(value: object):
    """Every attrs instance inside a loaded scenario, depth first."""
    if attrs.has(type(value)):
        yield value
        for field in attrs.fields(type(value)):
            yield from _everything(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _everything(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _everything(item)


@pytest.fixture(scope="module")
def shipped():
    return {path.stem: load_scenario(path) for path in sorted(SCENARIOS.glob("*.yaml"))}


@pytest.mark.parametrize(
    ("what", "found"),
    [
        ("a number-valued global", lambda s: any(type(v) is float for v in s.globals.values())),
        ("a global_number effect", lambda s: any(isinstance(x, eff.ChangeGlobal) for x in _everything(s))),
        ("a global_number condition", lambda s: any(isinstance(x, cond.GlobalNumber) for x in _everything(s))),
        ("a choice offered under 'when'", lambda s: any(c.when for e in s.events for c in e.choices)),
        ("a condition on an earlier choice", lambda s: any(isinstance(x, cond.ChoiceMade) for x in _everything(s))),
        ("a lasting income effect", lambda s: any(isinstance(x, eff.Income) for x in _everything(s))),
        ("a scenario's own state variable", lambda s: bool(s.state_variables)),
        ("a scenario's own state flag", lambda s: bool(s.state_flags)),
        ("a trait effect", lambda s: any(isinstance(x, eff.Trait) for x in _everything(s))),
        ("PNTR scored state by state", lambda s: s.score.pntr_by_state),
        ("points for any project", lambda s: bool(s.score.project_points)),
        ("ids on doctrine entries", lambda s: any(r.id for p in s.powers if p.doctrine for r in p.doctrine.responses)),
    ],
)
def test_a_shipped_scenario_shows_the_addition(what, found, shipped):
    assert any(found(scenario) for scenario in shipped.values()), f"no shipped scenario uses {what}"
