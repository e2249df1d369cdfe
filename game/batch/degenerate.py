"""`check-balance --search`: look for play that makes the game a solved puzzle (issue 8, item 5).

Four measurements, each on seeds the search never trained on:
1. a recipe hill-climbed for the standard planner, against `balanced` (paired 95% interval);
2. a lookahead player (rollouts on reseeded copies), against that recipe;
3. optionally, a recipe searched on another scenario, against this scenario's own recipe (the
   climb then starts from whichever of `balanced` and that recipe scores higher in training);
4. event choices that are never the better one.
A solved game shows as 1 large and 2 near zero; a game where worlds differ shows 3 above zero.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor

import attrs

from game.ai.recipes import Recipe, balanced_recipe, from_strategy
from game.ai.strategies import STRATEGIES
from game.batch.choices import ChoiceRecord, compare_choices
from game.batch.lookahead import play_lookahead
from game.batch.runner import run_seed
from game.batch.search import SearchResult, Settings, evaluator, hill_climb
from game.batch.stats import Interval, mean, paired_interval, variance
from game.content.scenario import Scenario

HELD_OUT_OFFSET = 100_000  # held-out run indices start here, so they never meet training ones

Progress = Callable[[str], None]


@attrs.frozen
class SearchOptions:
    """The knobs of one search; the defaults fit a 2-core laptop in a few minutes."""

    iterations: int = 30
    train: int = 8
    held_out: int = 30
    depth: int = 3
    candidates: int = 3
    rollouts: int = 1
    choice_seeds: int = 4
    horizon: int | None = 8
    seed: int = 1
    jobs: int = 1


@attrs.frozen
class Transfer:
    """A recipe searched elsewhere, played here, against this scenario's own recipe."""

    source: str
    recipe: Recipe
    scores: tuple[float, ...]
    own_minus_transferred: Interval


@attrs.frozen
class SearchReport:
    """Everything the search prints and writes."""

    scenario: str
    settings: Settings
    options: SearchOptions
    search: SearchResult
    held_out_seeds: tuple[int, ...]
    balanced: tuple[float, ...]
    recipe: tuple[float, ...]
    lookahead: tuple[float, ...]
    recipe_vs_balanced: Interval
    lookahead_vs_recipe: Interval
    transfer: Transfer | None
    start_label: str  # where the climb started: balanced, or the transferred recipe when that was better
    choices: tuple[ChoiceRecord, ...]
    seconds: float

    @property
    def dominated(self) -> list[ChoiceRecord]:
        return [c for c in self.choices if c.dominated]


def training_seeds(options: SearchOptions) -> list[int]:
    return [run_seed(options.seed, i) for i in range(options.train)]


def held_out_seeds(options: SearchOptions) -> list[int]:
    """Seeds for reporting, disjoint from the training seeds."""
    training = set(training_seeds(options))
    seeds = [run_seed(options.seed, HELD_OUT_OFFSET + i) for i in range(options.held_out)]
    return [s for s in seeds if s not in training]


def lookahead_score(settings: Settings, recipes: Sequence[Recipe], options: SearchOptions, seed: int) -> float:
    """One lookahead campaign's score (top level, so worker processes can run it)."""
    strategies = [recipe.to_strategy(f"recipe-{i}") for i, recipe in enumerate(recipes)]
    sim = play_lookahead(
        settings.scenario(),
        seed,
        strategies,
        depth=options.depth,
        rollouts=options.rollouts,
        lookahead_seed=options.seed,
        difficulty=settings.difficulty,
        rivals=settings.rivals,
    )
    return sim.score()


def choice_records(settings: Settings, recipe: Recipe, options: SearchOptions, seed: int) -> list[ChoiceRecord]:
    """Event-choice records of one seed (top level, so worker processes can run it)."""
    return compare_choices(
        settings.scenario(),
        [seed],
        recipe.to_strategy(),
        horizon=options.horizon,
        difficulty=settings.difficulty,
        rivals=settings.rivals,
    )


def merge_choices(parts: Sequence[Sequence[ChoiceRecord]]) -> list[ChoiceRecord]:
    """Records of several seeds added up per event choice."""
    totals: dict[tuple[str, str], list[float]] = {}
    for part in parts:
        for r in part:
            row = totals.setdefault((r.event, r.choice), [0, 0, 0.0])
            row[0] += r.offered
            row[1] += r.best
            row[2] += r.mean_loss * r.offered
    return [
        ChoiceRecord(event, choice, int(n), int(best), loss / n)
        for (event, choice), (n, best, loss) in sorted(totals.items())
    ]


FALLBACKS = ("balanced", "soft-power", "trade", "diplomacy", "overreach")  # when the climb accepted few recipes


def candidates(search: SearchResult, scenario: Scenario, count: int) -> list[Recipe]:
    """The lookahead's order sets: the best recipes found (then standard strategies, all distinct),
    and the best recipe leaning on each state in turn. A fixed recipe cannot tell one state from
    another; a player reading the board can lean where an opening stands or a rival presses."""
    chosen = search.leaders(count)
    for name in FALLBACKS:
        recipe = from_strategy(STRATEGIES[name], scenario)
        if len(chosen) < count and recipe not in chosen:
            chosen.append(recipe)
    states = tuple(state.id for state in scenario.states)
    return chosen + [chosen[0].leaning_on(state, states) for state in states]


def _map(pool: Executor | None, function: Callable[..., object], seeds: Sequence[int]) -> list[object]:
    return list(pool.map(function, seeds)) if pool else [function(seed) for seed in seeds]


def run_search(
    settings: Settings,
    options: SearchOptions,
    *,
    transfer_from: tuple[str, Recipe] | None = None,
    progress: Progress | None = None,
    pool: Executor | None = None,
) -> SearchReport:
    """Search, then measure on held-out seeds; `pool` (or `options.jobs` > 1) plays seeds in parallel."""
    if pool is None and options.jobs > 1:
        with ProcessPoolExecutor(max_workers=options.jobs) as own:
            return run_search(settings, options, transfer_from=transfer_from, progress=progress, pool=own)
    started = time.perf_counter()
    say = progress or (lambda _text: None)
    scenario = settings.scenario()
    evaluate = evaluator(settings, pool)
    training = training_seeds(options)
    start, start_label = balanced_recipe(scenario), "balanced"
    if transfer_from is not None:  # a weak climb must not make the other world's recipe look wrong here
        source, foreign = transfer_from
        if mean(evaluate(foreign, training)) > mean(evaluate(start, training)):
            start, start_label = foreign, f"the recipe from {source}"
    search = hill_climb(
        start,
        training,
        options.iterations,
        evaluate,
        search_seed=options.seed,
        progress=lambda step, best: say(f"search {step}/{options.iterations}: best training mean {best:.2f}"),
    )
    seeds = held_out_seeds(options)
    say(f"held-out: balanced and the recipe on {len(seeds)} seeds")
    balanced = evaluate("balanced", seeds)
    recipe = evaluate(search.best, seeds)
    leaders = candidates(search, scenario, options.candidates)
    say(f"lookahead: depth {options.depth}, {len(leaders)} candidates, {len(seeds)} seeds")
    lookahead = [float(s) for s in _map(pool, functools.partial(lookahead_score, settings, leaders, options), seeds)]  # type: ignore[arg-type]
    transfer = None
    if transfer_from is not None:
        source, foreign = transfer_from
        say(f"transfer: the recipe searched on {source} on {len(seeds)} seeds")
        scores = evaluate(foreign, seeds)
        transfer = Transfer(source, foreign, tuple(scores), paired_interval(recipe, scores))
    choice_seeds = seeds[: options.choice_seeds]
    say(f"event choices: every answer played out on {len(choice_seeds)} seeds")
    parts = _map(pool, functools.partial(choice_records, settings, search.best, options), choice_seeds)
    return SearchReport(
        scenario=scenario.id,
        settings=settings,
        options=options,
        search=search,
        held_out_seeds=tuple(seeds),
        balanced=tuple(balanced),
        recipe=tuple(recipe),
        lookahead=tuple(lookahead),
        recipe_vs_balanced=paired_interval(recipe, balanced),
        lookahead_vs_recipe=paired_interval(lookahead, recipe),
        transfer=transfer,
        start_label=start_label,
        choices=tuple(merge_choices(parts)),  # type: ignore[arg-type]
        seconds=time.perf_counter() - started,
    )


def _reach(scores: Sequence[float], threshold: float) -> int:
    return sum(score >= threshold for score in scores)


def _wins(a: Sequence[float], b: Sequence[float]) -> int:
    return sum(x > y for x, y in zip(a, b, strict=True))


def recipe_lines(recipe: Recipe, scenario: Scenario | None = None) -> list[str]:
    """The recipe for a reader: only weights that differ from 1, strongest first.

    With the scenario, an action's own weight is left out when a zero tag or track already
    rules the action out (its weight then changes nothing).
    """
    off = {name for name, w in (*recipe.tags, *recipe.tracks) if w == 0}
    unused = {a.id for a in scenario.actions if off & {a.track, *a.tags}} if scenario else set()
    lines = []
    for label, group in (("tracks", recipe.tracks), ("tags", recipe.tags), ("actions", recipe.actions)):
        moved = sorted(((w, n) for n, w in group if w != 1 and n not in unused), key=lambda item: (-item[0], item[1]))
        if moved:
            shown = ", ".join(f"{name} x{w:g}" if w else f"never {name}" for w, name in moved)
            lines.append(f"  {label}: {shown}")
    timing = f"acts from {recipe.start:.0%} to {recipe.end:.0%} of the campaign"
    lines.append(f"  spread {recipe.spread:g} (value kept by a further order in the same state); {timing}")
    return lines


def transfer_verdict(gap: Interval) -> str:
    """What own recipe - transferred recipe shows, read off its interval (never more than it shows)."""
    if gap.low > 0:
        return "the interval is above zero: this world needs its own plan"
    if gap.high < 0:
        return "the interval is below zero: the search here fell short of the other world's recipe"
    return "the interval reaches zero: the other world's recipe does about as well here"


def report_lines(report: SearchReport) -> list[str]:
    """What `check-balance --search` prints."""
    o, s, n = report.options, report.search, len(report.held_out_seeds)
    sd = variance(report.balanced) ** 0.5
    victory = report.settings.scenario().score.victory_score
    lines = [
        f"Recipe search on {report.scenario} (difficulty {report.settings.difficulty or 'default'}, "
        f"rivals {report.settings.rivals}): {o.iterations} steps on {o.train} training seeds, "
        f"reported on {n} held-out seeds",
        f"Best recipe (training mean {s.best_score:.2f}; it started from {report.start_label} at {s.start_score:.2f}; "
        f"{len(s.accepted) - 1} steps accepted):",
        *recipe_lines(s.best, report.settings.scenario()),
        f"Held out: balanced {mean(report.balanced):.2f} (sd {sd:.2f}, {sd / abs(mean(report.balanced)):.1%} of its mean; "
        f"at or above the victory score {victory:g} on {_reach(report.balanced, victory)}/{n} seeds), "
        f"recipe {mean(report.recipe):.2f} ({_reach(report.recipe, victory)}/{n}); "
        f"recipe - balanced {report.recipe_vs_balanced} (paired 95% interval); "
        f"recipe better on {_wins(report.recipe, report.balanced)}/{n} seeds",
        f"Lookahead (depth {o.depth}, {o.candidates} candidate recipes and the best leaning on each state, "
        f"{o.rollouts} rollout(s), "
        f"reseeded copies): {mean(report.lookahead):.2f}; lookahead - recipe {report.lookahead_vs_recipe}; "
        f"better on {_wins(report.lookahead, report.recipe)}/{n} seeds",
    ]
    if report.transfer is not None:
        t = report.transfer
        verdict = transfer_verdict(t.own_minus_transferred)
        lines.append(
            f"Transfer: the recipe searched on {t.source} scores {mean(t.scores):.2f} here; "
            f"own recipe - transferred {t.own_minus_transferred} ({verdict})"
        )
    dominated = report.dominated
    seeds = min(o.choice_seeds, n)
    horizon = "to the end" if o.horizon is None else f"{o.horizon} turns on"
    lines.append(
        f"Event choices never the better one ({seeds} seeds, each answer played {horizon} by the recipe): "
        + ("none" if not dominated else str(len(dominated)))
    )
    lines += [
        f"  {c.event}: '{c.choice}' (offered {c.offered}x, on average {c.mean_loss:.2f} below the best)"
        for c in dominated
    ]
    lines.append(f"Took {report.seconds:.0f} s.")
    return lines
