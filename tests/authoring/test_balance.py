"""`check-balance` plays every standard strategy over paired seeds and reports what play reveals."""

from __future__ import annotations

from game.ai.strategies import STANDARD_STRATEGIES
from game.batch.balance import RunOutcome, check_balance, summarise
from game.content.loader import load_scenario
from tests.authoring.conftest import MINIMAL, cli


def test_every_standard_strategy_is_played_on_the_same_seeds() -> None:
    report = check_balance(MINIMAL, runs=3, seed=2)
    assert [s.name for s in report.strategies] == list(STANDARD_STRATEGIES)
    assert all(
        s.runs == 3 and 0 <= s.win_rate <= 1 and s.score.low <= s.score.estimate <= s.score.high
        for s in report.strategies
    )
    neglect = next(s for s in report.strategies if s.name == "neglect")
    balanced = next(s for s in report.strategies if s.name == "balanced")
    assert balanced.score.estimate > neglect.score.estimate


def test_it_names_content_that_play_never_reaches() -> None:
    report = check_balance(MINIMAL, runs=2, seed=1, strategies=("neglect",))
    assert report.actions_never_used == ("education_exchanges",), "neglect never orders; the AIs do"
    assert "milestone: the Trans-Caspian route" in report.never_reached  # minimal has no such project


def test_a_dominant_strategy_is_warned_about() -> None:
    scenario = load_scenario(MINIMAL)

    def run(strategy: str, seed: int, score: float) -> RunOutcome:
        return RunOutcome(strategy, seed, score, "stalemate", "F", frozenset(), frozenset(), frozenset())

    outcomes = [run("a", seed, 50 + seed) for seed in range(10)] + [run("b", seed, 40) for seed in range(10)]
    report = summarise(scenario, outcomes, ("a", "b"))
    assert report.dominant == "a" and "'a' beats every other" in report.warnings[0]
    even = [run("a", seed, 40 + (seed % 2) * 2) for seed in range(10)] + [run("b", seed, 41) for seed in range(10)]
    assert summarise(scenario, even, ("a", "b")).dominant is None


def test_the_command_prints_a_table_and_the_findings(capsys) -> None:
    assert cli("check-balance", str(MINIMAL), "--runs", "2", "--seed", "3") == 0
    out = capsys.readouterr().out
    assert "minimal: 2 paired seeds per strategy" in out
    assert "events that never fired:" in out and "never reached:" in out
    for name in STANDARD_STRATEGIES:
        assert f"\n{name} " in out


def test_parallel_jobs_give_the_same_report() -> None:
    one = check_balance(MINIMAL, runs=2, seed=4, strategies=("balanced", "random"))
    two = check_balance(MINIMAL, runs=2, seed=4, jobs=2, strategies=("balanced", "random"))
    assert one == two


def test_bad_usage_exits_2(capsys) -> None:
    assert cli("check-balance", str(MINIMAL), "--runs", "0") == 2
    assert cli("check-balance", str(MINIMAL), "--difficulty", "brutal") == 2
    capsys.readouterr()


def test_projects_never_completed_and_actions_chosen_to_no_effect_are_named() -> None:
    from tests.authoring.conftest import WINDOW

    scenario = load_scenario(WINDOW)
    outcome = RunOutcome(
        "balanced",
        1,
        50.0,
        "stalemate",
        "C",
        frozenset(),
        frozenset({"education_exchanges"}),
        frozenset(),
        us_ordered=frozenset({"education_exchanges", "fund_corridor"}),
        projects_done=frozenset({"pntr"}),
    )
    report = summarise(scenario, [outcome], ("balanced",))
    assert report.projects_never_completed == ("trans_caspian", "ericen")
    assert report.actions_without_effect == ("fund_corridor",)
    us_actions = [a.id for a in scenario.actions if a.power == "us"]
    assert report.us_actions_never_chosen == tuple(
        a for a in us_actions if a not in ("education_exchanges", "fund_corridor")
    )


def test_a_us_action_no_strategy_chooses_is_reported_from_play(capsys) -> None:
    scenario = load_scenario(MINIMAL)
    report = check_balance(MINIMAL, runs=1, seed=1, strategies=("neglect",))
    assert report.us_actions_never_chosen == tuple(a.id for a in scenario.actions if a.power == "us")
    assert cli("check-balance", str(MINIMAL), "--runs", "1") == 0
    out = capsys.readouterr().out
    assert "projects never completed: " in out and "US actions no standard strategy ever chose: " in out
