"""check-balance --search: the climb never ends worse than it started, rollouts cannot see the real future."""

from __future__ import annotations

import json
import math
import random

import attrs
import pytest

from game.ai.recipes import Recipe, balanced_recipe, mutate
from game.ai.strategies import STRATEGIES
from game.batch.campaign import new_campaign, play_campaign, play_turn
from game.batch.choices import compare_choices
from game.batch.degenerate import SearchOptions, recipe_lines, report_lines, run_search, training_seeds
from game.batch.lookahead import candidate_values, fork
from game.batch.search import Settings, evaluator, hill_climb
from game.batch.stats import mean
from game.cli import main
from game.content.loader import load_scenario
from game.sim.state import state_hash
from tests.conftest import WINDOW_2023, tweak

SHORT = ["--set", "turns=4"]


@pytest.fixture(scope="module")
def short_window(window_2023):
    return tweak(window_2023, turns=6)


def distance_from_neutral(recipe: Recipe, _seeds) -> list[float]:
    """A made-up score that every step away from the neutral recipe lowers."""
    weights = [w for group in (recipe.tags, recipe.actions, recipe.tracks) for _, w in group]
    return [-sum(abs(math.log(w)) if w else 9.0 for w in weights) - abs(recipe.spread - 0.6)]


def test_the_search_never_returns_a_recipe_worse_than_its_start_on_the_training_seeds():
    neutral = Recipe(tags=(("a", 1.0), ("b", 1.0)), actions=(("x", 1.0),), tracks=(("t", 1.0),))

    result = hill_climb(neutral, [1, 2], 25, distance_from_neutral, search_seed=3)

    assert result.best == neutral
    assert result.best_score == result.start_score
    assert len(result.accepted) == 1


def test_the_search_keeps_only_improvements_and_finds_one_when_there_is_one():
    far = Recipe(tags=(("a", 8.0), ("b", 0.25)), actions=(("x", 4.0),), tracks=(("t", 1.0),), spread=0.2)

    result = hill_climb(far, [1], 40, distance_from_neutral, search_seed=1)

    scores = [score for _, score in result.accepted]
    assert scores == sorted(scores) and len(set(scores)) == len(scores)
    assert result.best_score > result.start_score
    assert distance_from_neutral(result.best, [])[0] == result.best_score


def test_mutation_changes_a_recipe_but_never_its_genes():
    recipe = Recipe(tags=(("a", 1.0), ("b", 2.0)), actions=(("x", 1.0),), tracks=(("t", 1.0),))
    rng = random.Random(4)
    neighbours = [mutate(recipe, rng) for _ in range(20)]

    assert any(n != recipe for n in neighbours)
    assert {tuple(name for name, _ in n.tags) for n in neighbours} == {("a", "b")}


def test_the_balanced_recipe_plays_exactly_like_balanced(short_window):
    as_recipe = balanced_recipe(short_window).to_strategy()

    assert play_campaign(short_window, 7, as_recipe).score() == play_campaign(short_window, 7, "balanced").score()


def test_a_recipe_survives_its_json_form(short_window):
    recipe = mutate(balanced_recipe(short_window), random.Random(2), genes=3)

    assert Recipe.from_data(json.loads(json.dumps(recipe.to_data()))) == recipe


def test_rollouts_cannot_read_the_real_futures_draws(short_window):
    sim = new_campaign(short_window, 11)
    for _ in range(2):
        play_turn(sim, STRATEGIES["balanced"])
    other_future = fork(sim, 999)  # the same board, but its own future event draws
    candidates = [STRATEGIES["balanced"], STRATEGIES["trade"], STRATEGIES["diplomacy"]]

    values = candidate_values(sim, candidates, 3, 2, lookahead_seed=5)

    assert candidate_values(other_future, candidates, 3, 2, lookahead_seed=5) == values
    assert candidate_values(sim, candidates, 3, 2, lookahead_seed=6) != values  # rollouts draw
    play_turn(sim, candidates[0])
    play_turn(other_future, candidates[0])
    assert state_hash(sim.state) != state_hash(other_future.state)  # the real futures did differ


def test_looking_ahead_leaves_the_real_game_untouched(short_window):
    sim = new_campaign(short_window, 3)
    play_turn(sim, STRATEGIES["balanced"])
    before, entries = state_hash(sim.state), len(sim.ledger)

    candidate_values(sim, [STRATEGIES["balanced"], STRATEGIES["trade"]], 2, 1, 1)

    assert (state_hash(sim.state), len(sim.ledger), sim.turn) == (before, entries, 2)


def test_every_event_point_has_a_best_choice_so_no_event_loses_all_its_choices(short_window):
    records = compare_choices(short_window, [1, 2], STRATEGIES["balanced"], horizon=2)

    assert records
    for event in {r.event for r in records}:
        mine = [r for r in records if r.event == event]
        assert not all(r.dominated for r in mine)
        assert len({r.offered for r in mine}) == 1  # every choice of a point is played out


def test_check_balance_search_prints_and_writes_and_a_written_recipe_transfers(tmp_path, capsys):
    flags = ["--search", "2", "--train", "2", "--held-out", "3", "--choice-seeds", "1", "--horizon", "2", "--jobs", "2"]
    flags += SHORT
    code = main(["check-balance", str(WINDOW_2023), *flags, "--out", str(tmp_path / "a")])
    out = capsys.readouterr().out

    assert code == 0
    for words in ("Best recipe", "recipe - balanced", "victory score", "lookahead - recipe", "Event choices never"):
        assert words in out
    data = json.loads((tmp_path / "a" / "balance.json").read_text())
    assert data["scenario"] == "window-2023" and len(data["scores"]["lookahead"]) == 3
    assert (tmp_path / "a" / "balance.csv").read_text().startswith("measure,estimate,low,high,n")

    code = main(["check-balance", str(WINDOW_2023), *flags, "--recipe-from", str(tmp_path / "a" / "balance.json")])
    assert code == 0
    assert "Transfer: the recipe searched on window-2023" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["--train", "0"], 2, "--train must be at least 1"),
        (["--set", "turns=4,5"], 2, "one value per parameter"),
        (["--recipe-from", "nowhere.json"], 1, "nowhere.json: not a balance.json"),
    ],
)
def test_check_balance_search_refuses_bad_input_with_a_message(arguments, code, message, capsys):
    assert main(["check-balance", str(WINDOW_2023), "--search", "1", *SHORT, *arguments]) == code
    assert message in capsys.readouterr().err


def test_the_printed_recipe_names_what_moved_and_skips_weights_that_change_nothing(window_2023):
    recipe = attrs.evolve(
        balanced_recipe(window_2023),
        actions=(("press_against_china", 4.0), ("culture_and_tourism", 8.0), ("investment", 1.0)),
    )

    lines = recipe_lines(recipe, window_2023)

    assert "  actions: culture_and_tourism x8" in lines  # press_against_china is ruled out by 'never pressure'
    assert any("never pressure" in line for line in lines)
    assert not any("investment" in line for line in lines)


def test_this_worlds_own_recipe_is_never_worse_in_training_than_the_transferred_one():
    settings = Settings(str(WINDOW_2023), overrides=(("turns", 4),))
    options = SearchOptions(iterations=2, train=2, held_out=2, choice_seeds=0, candidates=1)
    scenario = settings.scenario()
    foreign = attrs.evolve(balanced_recipe(scenario), tags=(("soft", 8.0), ("pressure", 0.0)), spread=1.0)
    evaluate = evaluator(settings)
    training = training_seeds(options)

    report = run_search(settings, options, transfer_from=("elsewhere", foreign))

    assert report.search.best_score >= mean(evaluate(foreign, training))
    assert report.search.best_score >= mean(evaluate(balanced_recipe(scenario), training))
    assert report.transfer is not None and len(report.transfer.scores) == 2
    line = next(line for line in report_lines(report) if line.startswith("Transfer:"))
    # the verdict follows the interval: a teacher is never told a world needs its own plan when it does not
    gap = report.transfer.own_minus_transferred
    assert ("needs its own plan" in line) == (gap.low > 0)
    assert ("fell short" in line) == (gap.high < 0)
    assert ("does about as well here" in line) == (gap.low <= 0 <= gap.high)


def test_the_lookahead_also_tries_the_best_recipe_leaning_on_each_state(short_window):
    from game.batch.degenerate import candidates
    from game.batch.search import SearchResult

    best = balanced_recipe(short_window)
    search = SearchResult(best, 1.0, best, 1.0, ((best, 1.0),), 0)
    found = candidates(search, short_window, 2)
    states = [state.id for state in short_window.states]
    leaning = found[-len(states) :]
    assert found[0] == best and len(found) == 2 + len(states)
    for state, recipe in zip(states, leaning, strict=True):
        weights = dict(recipe.focus)
        assert weights[state] == max(weights.values()) > 1
        assert sum(weights.values()) == pytest.approx(len(states))  # region-wide orders keep their place
        assert Recipe.from_data(json.loads(json.dumps(recipe.to_data()))) == recipe
        assert f"leans on {state}" in recipe.describe()


def test_a_recipe_leaning_on_a_state_orders_more_there(short_window):
    from game.ai.strategies import choose_us_orders

    sim = new_campaign(short_window, 5)
    best = balanced_recipe(short_window)
    states = tuple(state.id for state in short_window.states)
    plain = choose_us_orders(sim.world, best.to_strategy(), None)
    leaning = choose_us_orders(sim.world, best.leaning_on("turkmenistan", states, 4.0).to_strategy(), None)
    assert sum(o.target == "turkmenistan" for o in leaning) > sum(o.target == "turkmenistan" for o in plain)


def test_a_choice_not_on_offer_yet_is_neither_played_nor_counted():
    """china-backlash offers 'regional_fund' only once protests have spread (a `when`); the first
    protest of seed 3 (turn 3) waits with two choices, the second (turn 6) with three."""
    scenario = tweak(load_scenario(WINDOW_2023.with_name("china-backlash.yaml")), turns=7)
    records = {(r.event, r.choice): r for r in compare_choices(scenario, [3], STRATEGIES["balanced"], horizon=1)}
    protest = {choice: r.offered for (event, choice), r in records.items() if event == "chinese_project_backlash"}
    assert protest["regional_fund"] == 1 and all(n == 2 for c, n in protest.items() if c != "regional_fund")


@pytest.mark.parametrize(
    ("low", "high", "words"),
    [(0.45, 1.29, "needs its own plan"), (-1.56, -0.26, "fell short"), (-0.16, 0.34, "does about as well here")],
)
def test_the_transfer_verdict_says_only_what_its_interval_shows(low, high, words):
    from game.batch.degenerate import transfer_verdict
    from game.batch.stats import Interval

    assert words in transfer_verdict(Interval((low + high) / 2, low, high, 30))
