"""Evaluate scenario conditions against the world, through a registry of evaluators."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.content import conditions as c
from game.sim.state import CountryState
from game.sim.world import World

Evaluator = Callable[[Any, World, CountryState | None], bool]


def _need(country: CountryState | None) -> CountryState:
    if country is None:
        raise ValueError("a state condition was evaluated without a state")  # the validator prevents this
    return country


EVALUATORS: dict[type, Evaluator] = {
    c.TurnIs: lambda k, w, s: k.at_least <= w.turn <= k.at_most,
    c.GlobalIs: lambda k, w, s: bool(w.state.globals.get(k.name, 0.0)) == k.value,
    c.GlobalNumber: lambda k, w, s: k.at_least <= w.state.globals.get(k.name, 0.0) <= k.at_most,
    c.RegionVariable: lambda k, w, s: k.at_least <= w.state.region.get(k.variable, 0.0) <= k.at_most,
    c.ProjectIs: lambda k, w, s: w.state.projects.get(k.project, 0.0) >= k.at_least,
    c.WashingtonIs: lambda k, w, s: k.at_least <= w.state.washington[k.variable] <= k.at_most,
    c.EventFired: lambda k, w, s: len(w.state.events_fired.get(k.event, ())) >= k.at_least,
    c.ChoiceMade: lambda k, w, s: k.choice in w.state.choices_made.get(k.event, ()),
    c.StateIs: lambda k, w, s: _need(s).id in k.ids,
    c.FlagIs: lambda k, w, s: bool(_need(s).flags.get(k.flag, 0.0)) == k.value,
    c.WaterIs: lambda k, w, s: w.state_defs[_need(s).id].water == k.position,
    c.AlignmentIs: lambda k, w, s: k.at_least <= _need(s).alignment[k.power] <= k.at_most,
    c.LeaderIs: lambda k, w, s: _need(s).leader() == k.power,
    c.VariableIs: lambda k, w, s: k.at_least <= _need(s).values[k.variable] <= k.at_most,
    c.AllOf: lambda k, w, s: all(holds(sub, w, s) for sub in k.of),
    c.AnyOf: lambda k, w, s: any(holds(sub, w, s) for sub in k.of),
    c.NotOf: lambda k, w, s: not holds(k.of, w, s),
}


def holds(condition: Any, world: World, country: CountryState | None = None) -> bool:
    """Whether a condition (None means always) holds now, for a state if given."""
    if condition is None:
        return True
    return EVALUATORS[type(condition)](condition, world, country)
