"""The regression corpus: fingerprints of many headless campaigns, to prove a speed-up changed nothing.

A fingerprint records a campaign's final state hash, its score, the ledger's length and a
hash of every ledger entry and turn report. Optimisations must leave every fingerprint
identical, bit for bit. When the model changes on purpose (scenario numbers, rule
parameters, doctrine), re-record the one data file with one command:

    python tools/record_corpus.py

The set of campaigns spans every shipped scenario, several US strategies, every difficulty
and active and passive rivals, so a change in any rule or in the rival AI shows up.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from game.batch.campaign import play_campaign
from game.content.loader import load_scenario
from game.content.scenario import Scenario
from game.sim.engine import Simulation
from game.sim.state import state_hash

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "scenarios"
CORPUS_FILE = ROOT / "tests" / "data" / "corpus.json"
STRATEGIES = ("balanced", "neglect", "overreach", "early", "late", "random")
RIVALS = ("active", "passive")


@attrs.frozen
class CorpusCase:
    """One campaign of the corpus: which scenario, strategy, difficulty, rivals and seed."""

    scenario: str  # file name under scenarios/
    strategy: str
    difficulty: str
    rivals: str
    seed: int

    @property
    def key(self) -> str:
        return f"{self.scenario}|{self.strategy}|{self.difficulty}|{self.rivals}|{self.seed}"


def corpus_cases(scenarios: dict[str, Scenario]) -> Iterator[CorpusCase]:
    """Every scenario × strategy × rivals, difficulties taking turns, plus balanced at each difficulty."""
    index = 0
    for name, scenario in scenarios.items():
        difficulties = [d.id for d in scenario.difficulties]
        for strategy in STRATEGIES:
            for rivals in RIVALS:
                yield CorpusCase(name, strategy, difficulties[index % len(difficulties)], rivals, 1000 + index)
                index += 1
        for difficulty in difficulties:
            yield CorpusCase(name, "balanced", difficulty, "active", 7 + index)
            index += 1


def shipped_scenarios() -> dict[str, Scenario]:
    """Every scenario in scenarios/, by file name, in name order."""
    return {path.name: load_scenario(path) for path in sorted(SCENARIOS.glob("*.yaml"))}


def _digest(rows: Any) -> str:
    # repr of floats is exact (shortest round-trip), so equal digests mean bit-identical values.
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def fingerprint(sim: Simulation) -> dict[str, Any]:
    """What must not change: final state, score, and every ledger entry and report line."""
    reports = [
        (
            r.turn,
            [(p.order.power, p.order.action, p.order.target, p.reason) for p in r.orders],
            [(o.power, o.action, o.target, why) for o, why in r.refused],
            [(f.event, f.state, f.title, f.text, f.decision.key if f.decision else None) for f in r.events],
            r.score,
            r.finished,
            r.outcome,
        )
        for r in sim.reports
    ]
    return {
        "state": state_hash(sim.state),
        "score": repr(sim.score()),
        "ledger_length": len(sim.ledger),
        "ledger": _digest([tuple(change) for change in sim.ledger]),
        "reports": _digest(reports),
    }


def play_case(scenario: Scenario, case: CorpusCase) -> Simulation:
    return play_campaign(scenario, case.seed, case.strategy, case.difficulty, rivals=case.rivals)


def record() -> dict[str, dict[str, Any]]:
    """The corpus as it plays now: case key -> fingerprint."""
    scenarios = shipped_scenarios()
    return {case.key: fingerprint(play_case(scenarios[case.scenario], case)) for case in corpus_cases(scenarios)}


def write(corpus: dict[str, dict[str, Any]], path: Path = CORPUS_FILE) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(corpus, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read(path: Path = CORPUS_FILE) -> dict[str, dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))
