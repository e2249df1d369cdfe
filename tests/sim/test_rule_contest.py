"""The contest rules (C1, C4, C8, C15), given/when/then with explicit parameters."""

from pytest import approx
from worlds import make_scenario, make_world

from game.sim.rules import contest

RULES = {
    "balancing": {"strength": 1.0, "repeat_fatigue": 0.5},  # fatigue is C1's: a balancing state tires of one lever
    "contest": {
        "strength": 1.0,
        "project_capacity": 1,
        "project_turns": 2,
        "preparation_decay": 0.2,
    },
}


def test_a_lever_pulled_again_keeps_a_shrinking_share_of_its_effect():
    world = make_world(make_scenario(rules=RULES))
    action = world.actions["us_visit"]
    uses: dict[str, float] = {}
    assert contest.fatigue(world, "us", action, "kazakhstan", uses) == 1.0
    assert contest.fatigue(world, "us", action, "kazakhstan", uses) == approx(0.5)
    contest.remember_uses(world, uses)
    assert contest.expected_fatigue(world, "us", action, "kazakhstan") == approx(0.25)
    contest.remember_uses(world, {})  # a rested lever is fresh again
    assert contest.expected_fatigue(world, "us", action, "kazakhstan") == 1.0


def test_a_state_hosts_only_so_many_large_projects_until_they_finish():
    world = make_world(make_scenario(rules=RULES))
    action = world.actions["china_visit"]
    big = type(action)(**{**_fields(action), "tags": (contest.LARGE_PROJECT,)})
    contest.host_project(world, "china", big, "kazakhstan")
    assert "hosts as many large projects" in (contest.refusal(world, big, "kazakhstan") or "")
    world.state.turn += 1
    contest.settle(world)  # occupied until turn 2 (project_turns 2), freed at its end
    assert contest.refusal(world, big, "kazakhstan") is None


def test_summit_preparation_fades_when_not_used():
    world = make_world(make_scenario(rules=RULES))
    world.state.region[contest.PREPARATION] = 50.0
    contest.settle(world)
    assert world.state.region[contest.PREPARATION] == approx(40.0)


def _fields(action):
    import attrs

    return attrs.asdict(action, recurse=False)
