"""The US score (per turn and final), grades and outcomes as the scenario defines them."""

from __future__ import annotations

import attrs

from game.sim.rules.projects import CORRIDOR
from game.sim.standing import regional_standing
from game.sim.world import World


@attrs.frozen
class ScoreBreakdown:
    """The parts of a score, so the end screen can explain it."""

    standing: float
    partnership: float
    corridor: float
    pntr: float
    stability: float
    backlash: float
    projects: float = 0.0  # the scenario's own project_points

    @property
    def total(self) -> float:
        return (
            self.standing
            + self.partnership
            + self.corridor
            + self.pntr
            + self.projects
            + self.stability
            - self.backlash
        )


def score_breakdown(world: World) -> ScoreBreakdown:
    score = world.scenario.score
    countries = world.state.countries.values()
    lead = world.country(world.lead_state)
    mean_stability = sum(c.values["stability"] for c in countries) / max(1, len(world.state.countries))
    projects = world.state.projects
    own = sum(points for project, points in score.project_points.items() if projects.get(project, 0.0) >= 100)
    return ScoreBreakdown(
        standing=regional_standing(world, "us"),
        partnership=score.partnership_points if lead.flags.get("partnership") else 0.0,
        corridor=score.corridor_points if world.state.projects.get(CORRIDOR, 0.0) >= 100 else 0.0,
        pntr=pntr_points(world),
        stability=score.stability_weight * (mean_stability - 50),
        backlash=score.backlash_weight * world.state.region["backlash"],
        projects=own,
    )


def pntr_points(world: World) -> float:
    """PNTR's points (C11): all at once for any eligible state, or shared out by weight when `pntr_by_state`."""
    score = world.scenario.score
    eligible = [s for s in world.scenario.states if world.state.countries[s.id].flags.get("pntr_eligible")]
    passed = [s for s in eligible if world.state.countries[s.id].flags.get("pntr")]
    if not score.pntr_by_state:
        return score.pntr_points if passed else 0.0
    total = sum(s.score_weight for s in eligible) or 1.0
    return score.pntr_points * sum(s.score_weight for s in passed) / total


def current_score(world: World) -> float:
    """This turn's US position: standing plus milestones, stability and backlash."""
    return round(score_breakdown(world).total, 3)


def campaign_score(world: World) -> float:
    """The campaign's score: the mean US position over every turn played so far.

    Influence held in year two counts as much as influence held in year ten, so neglect at
    any time costs (C19) and early engagement pays for longer (C7).
    """
    history = world.state.score_history
    return round(sum(history) / len(history), 3) if history else current_score(world)


def grade_for(world: World, score: float) -> str:
    for grade in world.scenario.score.grades:
        if score >= grade.min_score:
            return grade.name
    return world.scenario.score.grades[-1].name


def collapsed(world: World) -> bool:
    """The US has lost every state: alignment below the collapse line everywhere."""
    line = world.scenario.score.collapse_alignment
    return all(c.alignment["us"] < line for c in world.state.countries.values())


def outcome_for(world: World, score: float) -> str:
    rules = world.scenario.score
    if collapsed(world) or score <= rules.defeat_score:
        return "defeat"
    if score >= rules.victory_score:
        return "victory"
    return "stalemate"
