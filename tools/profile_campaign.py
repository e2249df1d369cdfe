"""Where a headless campaign spends its time: per turn phase, the US planner, and cProfile's top functions.

For speed work (issue 12): run it before and after a change, from the repository root,

    python tools/profile_campaign.py [--scenario PATH] [--strategy NAME] [--rivals active|passive]
                                     [--campaigns N] [--top N]

(`--strategy neglect --rivals passive` profiles the rules alone: nobody gives an order.)

The phase figures are wall-clock milliseconds per campaign, so compare runs made on an
equally loaded machine; the call counts under cProfile do not depend on the load.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import attrs

from game.ai import autopilot
from game.batch import campaign
from game.content.library import DEFAULT_SCENARIO
from game.content.loader import load_scenario
from game.sim.engine import Simulation
from game.sim.orders import Order
from game.sim.phases import Phase, TurnContext


def _timed_phases(totals: collections.Counter[str]) -> None:
    """Wrap every phase and the US planner so each adds its time to `totals` (this process only)."""

    def wrap(phase: Phase) -> Phase:
        run = phase.run

        def timed(ctx: TurnContext, run: Callable[[TurnContext], None] = run, name: str = phase.name) -> None:
            started = time.perf_counter()
            run(ctx)
            totals[name] += time.perf_counter() - started

        return attrs.evolve(phase, run=timed)

    Simulation.PHASES = tuple(wrap(p) for p in Simulation.PHASES)
    Simulation.OPENING = tuple(wrap(p) for p in Simulation.OPENING)
    choose = autopilot.choose_us_orders  # the US planner, as the shared turn loop calls it

    def planner(*args: Any, **kwargs: Any) -> list[Order]:
        started = time.perf_counter()
        orders = choose(*args, **kwargs)
        totals["US planner"] += time.perf_counter() - started
        return orders

    autopilot.choose_us_orders = planner


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default=str(DEFAULT_SCENARIO))
    parser.add_argument("--strategy", default="balanced")
    parser.add_argument("--rivals", choices=("active", "passive"), default="active")
    parser.add_argument("--campaigns", type=int, default=10)
    parser.add_argument("--top", type=int, default=25, help="functions listed from cProfile (by own time)")
    args = parser.parse_args()
    scenario = load_scenario(args.scenario)
    campaign.play_campaign(scenario, 10_000, args.strategy, rivals=args.rivals)  # warm up
    profiler = cProfile.Profile()
    profiler.enable()
    for seed in range(args.campaigns):
        campaign.play_campaign(scenario, seed, args.strategy, rivals=args.rivals)
    profiler.disable()
    totals: collections.Counter[str] = collections.Counter()
    _timed_phases(totals)
    started = time.perf_counter()
    for seed in range(args.campaigns):
        campaign.play_campaign(scenario, seed, args.strategy, rivals=args.rivals)
    per_campaign = (time.perf_counter() - started) / args.campaigns * 1000
    print(
        f"{scenario.id}, {args.strategy}, {args.rivals} rivals: {per_campaign:.1f} ms per campaign over {args.campaigns}"
    )
    for name, seconds in totals.most_common():
        share = seconds / args.campaigns * 1000
        print(f"  {name:<28} {share:6.2f} ms  {100 * share / per_campaign:4.1f} %")
    print()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
