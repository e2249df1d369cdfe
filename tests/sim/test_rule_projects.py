"""C9/C10 projects, given/when/then on a one-state world with explicit parameters."""

from pytest import approx
from worlds import make_scenario, make_world

from game.content import effects as e
from game.content.scenario import ProjectDef
from game.sim.rules import projects


def _scenario(progress: float, rules: dict | None = None):
    corridor = ProjectDef(
        id=projects.CORRIDOR,
        name="Corridor",
        claims=("C9",),
        progress=progress,
        decay_per_turn=5.0,
        on_complete=(e.Shift(type="shift", power="us", amount=3.0),),
    )
    return make_scenario(
        projects=(corridor,), rules=rules or {"corridor": {"strength": 1.0, "western_trade_per_turn": 3.0}}
    )


def test_an_unfunded_project_slips_and_a_funded_one_does_not():
    world = make_world(_scenario(40.0))
    projects.advance_projects(world)
    assert world.state.projects[projects.CORRIDOR] == approx(35.0)
    projects.fund_project(world, projects.CORRIDOR, 10.0, "test", ("C9",))
    projects.advance_projects(world)
    assert world.state.projects[projects.CORRIDOR] == approx(45.0)


def test_completion_fires_its_effects_once_and_the_corridor_then_brings_trade_each_turn():
    world = make_world(_scenario(95.0))
    projects.fund_project(world, projects.CORRIDOR, 10.0, "test", ("C9",))
    assert world.state.countries["kazakhstan"].alignment["us"] == approx(33.0)  # corridor strength 1
    projects.fund_project(world, projects.CORRIDOR, 10.0, "test", ("C9",))
    assert world.state.countries["kazakhstan"].alignment["us"] == approx(33.0)
    projects.advance_projects(world)
    projects.advance_projects(world)
    assert world.state.region["western_trade"] == approx(6.0)


def test_a_funded_ericen_speeds_the_corridor():
    ericen = ProjectDef(id=projects.ERICEN, name="ERICEN", claims=("C10",), progress=100.0)
    scenario = _scenario(0.0, {"ericen": {"strength": 1.0, "corridor_boost": 0.5}})
    world = make_world(type(scenario)(**{**_fields(scenario), "projects": (*scenario.projects, ericen)}))
    projects.fund_project(world, projects.CORRIDOR, 10.0, "test", ("C9",))
    assert world.state.projects[projects.CORRIDOR] == approx(15.0)


def _fields(scenario):
    import attrs

    return attrs.asdict(scenario, recurse=False)
