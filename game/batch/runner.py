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
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from game.batch.campaign import play_campaign
from game.content.loader import load_scenario
from game.content.overrides import apply_override
from game.content.scenario import Scenario
from game.content.vocabulary import POWERS


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


def plan_runs(
    strategies: Sequence[str],
    runs: int,
    base_seed: int,
    sweeps: Sequence[tuple[str, Sequence[Any]]] = (),
    difficulty: str | None = None,
    rivals: str = "active",
) -> list[RunSpec]:
    """`runs` campaigns per strategy and per combination of swept values."""
    paths = [path for path, _ in sweeps]
    combos = list(itertools.product(*[values for _, values in sweeps])) or [()]
    specs = []
    for strategy in strategies:
        for combo in combos:
            for index in range(runs):
                specs.append(
                    RunSpec(
                        len(specs),
                        run_seed(base_seed, index),
                        strategy,
                        tuple(zip(paths, combo, strict=True)),
                        difficulty,
                        rivals,
                    )
                )
    return specs


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
        for power in POWERS:
            run_row[f"{state_id}_{power}"] = round(country.alignment[power], 4)
    run_row["backlash"] = state.region["backlash"]
    run_row["corridor_complete"] = state.projects.get("trans_caspian", 0.0) >= 100
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


def _chunks(specs: Sequence[RunSpec], size: int) -> Iterable[Sequence[RunSpec]]:
    for start in range(0, len(specs), size):
        yield specs[start : start + size]


def run_batch(
    scenario_path: str | Path,
    specs: Sequence[RunSpec],
    *,
    jobs: int = 1,
    executor: Executor | None = None,
    progress: Callable[[int], None] | None = None,
    chunk_size: int = 20,
) -> BatchResult:
    """Play every spec; with `jobs` > 1 (or an executor) in parallel. Rows come back in run order."""
    path = str(Path(scenario_path).resolve())
    results: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    chunks = list(_chunks(specs, chunk_size))
    if executor is None and jobs <= 1:
        for chunk in chunks:
            results.extend(_play_chunk(path, chunk))
            if progress:
                progress(len(chunk))
    else:
        own = executor is None
        if own:
            _scenario(path)  # load once here: forked workers inherit it instead of each loading it
        pool = executor or ProcessPoolExecutor(max_workers=jobs)
        try:
            futures = [pool.submit(_play_chunk, path, chunk) for chunk in chunks]
            for future, chunk in zip(futures, chunks, strict=True):
                results.extend(future.result())
                if progress:
                    progress(len(chunk))
        finally:
            if own:
                pool.shutdown()
    parameters = tuple(dict.fromkeys(p for spec in specs for p, _ in spec.overrides))
    return BatchResult([r for r, _ in results], [t for _, rows in results for t in rows], parameters)
