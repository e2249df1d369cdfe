"""Run many headless campaigns and collect one row per run and one per run and turn.

`run_batch` is a plain function over a list of `RunSpec`s. It takes any
`concurrent.futures.Executor`, so a class that outgrows one machine can pass a Dask or Ray
executor; results are put back in run order, so the CSVs are byte-identical whatever the
executor or the number of jobs.
"""

from __future__ import annotations

import functools
import itertools
import random
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from game.batch.campaign import play_campaign
from game.content.loader import load_scenario
from game.content.overrides import apply_override
from game.content.scenario import Scenario
from game.content.vocabulary import CORRIDOR


@attrs.frozen
class RunSpec:
    """One campaign to play: its index, seed, US strategy and parameter overrides."""

    run: int
    seed: int
    strategy: str
    overrides: tuple[tuple[str, Any], ...] = ()
    difficulty: str | None = None
    rivals: str = "active"  # or "passive": Russia and China issue no orders


@attrs.frozen
class BatchResult:
    runs: list[dict[str, Any]]
    turns: list[dict[str, Any]]
    parameters: tuple[str, ...]


def run_seed(base_seed: int, run_index: int) -> int:
    """The seed of run `run_index`: the same for every strategy, so comparisons are paired."""
    return random.Random(f"{base_seed}:{run_index}").getrandbits(31)


def count_runs(strategies: Sequence[str], runs: int, sweeps: Sequence[tuple[str, Sequence[Any]]] = ()) -> int:
    """How many campaigns `plan_runs` would plan, without planning them."""
    combos = 1
    for _, values in sweeps:
        combos *= len(values)
    return len(strategies) * combos * runs


def iter_runs(
    strategies: Sequence[str],
    runs: int,
    base_seed: int,
    sweeps: Sequence[tuple[str, Sequence[Any]]] = (),
    difficulty: str | None = None,
    rivals: str = "active",
) -> Iterator[RunSpec]:
    """The specs of `plan_runs`, one at a time, so a huge batch is never held as a list."""
    paths = [path for path, _ in sweeps]
    combos = list(itertools.product(*[values for _, values in sweeps])) or [()]
    index = 0
    for strategy in strategies:
        for combo in combos:
            for run in range(runs):
                yield RunSpec(
                    index,
                    run_seed(base_seed, run),
                    strategy,
                    tuple(zip(paths, combo, strict=True)),
                    difficulty,
                    rivals,
                )
                index += 1


def plan_runs(
    strategies: Sequence[str],
    runs: int,
    base_seed: int,
    sweeps: Sequence[tuple[str, Sequence[Any]]] = (),
    difficulty: str | None = None,
    rivals: str = "active",
) -> list[RunSpec]:
    """`runs` campaigns per strategy and per combination of swept values."""
    return list(iter_runs(strategies, runs, base_seed, sweeps, difficulty, rivals))


@functools.lru_cache(maxsize=4)
def _scenario(path: str) -> Scenario:
    return load_scenario(path)


def play_spec(scenario: Scenario, spec: RunSpec, scenario_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Play one run and turn it into its rows."""
    for path, value in spec.overrides:
        scenario = apply_override(scenario, path, value)
    sim = play_campaign(scenario, spec.seed, spec.strategy, spec.difficulty, rivals=spec.rivals)
    key = {
        "scenario": scenario_id,
        "run": spec.run,
        "seed": spec.seed,
        "strategy": spec.strategy,
        "rivals": spec.rivals,  # before difficulty: the columns between difficulty and score are the overrides
        "difficulty": sim.difficulty_id,
        **dict(spec.overrides),
    }
    state = sim.state
    run_row = {
        **key,
        "score": round(sim.score(), 4),
        "final_position": round(state.score_history[-1], 4),
        "grade": sim.grade(),
        "outcome": state.outcome,
        "turns_played": len(state.score_history),
    }
    for state_id, country in state.countries.items():
        for power in scenario.power_table.ids:
            run_row[f"{state_id}_{power}"] = round(country.alignment[power], 4)
    run_row["backlash"] = state.region["backlash"]
    run_row["corridor_complete"] = state.projects.get(CORRIDOR, 0.0) >= 100
    turn_rows = []
    snapshots = _alignment_by_turn(sim)
    for turn, position in enumerate(state.score_history, start=1):
        row = {**key, "turn": turn, "date": sim.date_label(turn), "position": round(position, 4)}
        row.update(snapshots[turn])
        turn_rows.append(row)
    return run_row, turn_rows


def _alignment_by_turn(sim: Any) -> dict[int, dict[str, float]]:
    """US alignment per state at the end of each turn, rebuilt from the ledger (no per-turn copies)."""
    initial = sim.initial["countries"]
    current = {s: initial[s]["alignment"]["us"] for s in initial}
    by_turn: dict[int, dict[str, float]] = {}
    ledger = sim.ledger
    index = 0
    for turn in range(1, len(sim.state.score_history) + 1):
        while index < len(ledger) and ledger[index].turn <= turn:
            change = ledger[index]
            if change.variable == "alignment.us":
                current[change.target] += change.delta
            index += 1
        by_turn[turn] = {f"{s}_us": round(v, 4) for s, v in current.items()}
    return by_turn


def _play_chunk(scenario_path: str, specs: Sequence[RunSpec]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Worker entry point (top level so any executor can pickle it)."""
    scenario = _scenario(scenario_path)
    return [play_spec(scenario, spec, scenario.id) for spec in specs]


def _chunks(specs: Iterable[RunSpec], size: int) -> Iterator[list[RunSpec]]:
    chunk: list[RunSpec] = []
    for spec in specs:
        chunk.append(spec)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


RowSink = Callable[[dict[str, Any], list[dict[str, Any]]], None]


def run_batch(
    scenario_path: str | Path,
    specs: Iterable[RunSpec],
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = 20,
    on_rows: RowSink | None = None,
) -> BatchResult:
    """Play every spec; with `jobs` > 1 (or an executor) in parallel. Rows come back in run order.

    With `on_rows`, each run's rows go to it in run order as they arrive and are not kept
    (the result's row lists are empty), and only a few chunks are ever in flight, so a
    batch of any size runs in flat memory.
    """
    path = str(Path(scenario_path).resolve())
    runs: list[dict[str, Any]] = []
    turns: list[dict[str, Any]] = []
    parameters: dict[str, None] = {}

    def take(chunk: list[RunSpec], results: list[tuple[dict[str, Any], list[dict[str, Any]]]]) -> None:
        for spec, (run_row, turn_rows) in zip(chunk, results, strict=True):
            parameters.update(dict.fromkeys(p for p, _ in spec.overrides))
            if on_rows is not None:
                on_rows(run_row, turn_rows)
            else:
                runs.append(run_row)
                turns.extend(turn_rows)
        if progress:
            progress(len(chunk))

    if executor is None and jobs <= 1:
        for chunk in _chunks(specs, chunk_size):
            take(chunk, _play_chunk(path, chunk))
    else:
        own = executor is None
        if own:
            _scenario(path)  # load once here: forked workers inherit it instead of each loading it
        pool = executor or ProcessPoolExecutor(max_workers=jobs)
        window = 4 * max(jobs, 2)  # chunks in flight: enough to keep workers busy, few enough to stay small
        pending: deque[tuple[list[RunSpec], Future[Any]]] = deque()
        try:
            for chunk in _chunks(specs, chunk_size):
                pending.append((chunk, pool.submit(_play_chunk, path, chunk)))
                if len(pending) >= window:
                    done, future = pending.popleft()
                    take(done, future.result())
            while pending:
                done, future = pending.popleft()
                take(done, future.result())
        finally:
            for _, future in pending:
                future.cancel()
            if own:
                pool.shutdown()
    return BatchResult(runs, turns, tuple(parameters))
