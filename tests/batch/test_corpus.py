"""The regression corpus: speed-ups must leave every recorded campaign bit-for-bit the same.

If the model changed on purpose, re-record with `python tools/record_corpus.py`.
"""

from __future__ import annotations

import pytest

from game.batch import corpus
from game.sim.state import flatten, from_data
from tests.conftest import tweak

TRAITS = ("values.openness", "values.multivector")
RERECORD = "if the model changed on purpose, re-record with: python tools/record_corpus.py"


@pytest.fixture(scope="module")
def scenarios():
    return corpus.shipped_scenarios()


def test_every_corpus_campaign_plays_exactly_as_recorded(scenarios):
    recorded = corpus.read()
    cases = list(corpus.corpus_cases(scenarios))
    assert sorted(c.key for c in cases) == sorted(recorded), f"the corpus's cases changed; {RERECORD}"
    differ = []
    for case in cases:
        now = corpus.fingerprint(corpus.play_case(scenarios[case.scenario], case))
        if now != recorded[case.key]:
            fields = sorted(k for k in now if now[k] != recorded[case.key].get(k))
            differ.append(f"{case.key}: {', '.join(fields)}")
    assert not differ, f"{len(differ)} of {len(cases)} campaigns differ ({RERECORD}):\n" + "\n".join(differ[:20])


def test_the_fingerprint_sees_a_tiny_change_in_a_rule(scenarios):
    case = next(c for c in corpus.corpus_cases(scenarios) if c.scenario == "window-2023.yaml")
    scenario = scenarios[case.scenario]
    base = corpus.fingerprint(corpus.play_case(scenario, case))
    nudged = tweak(scenario, **{"rules.balancing.drift": scenario.rules.balancing.drift * 1.01})
    changed = corpus.fingerprint(corpus.play_case(nudged, case))
    assert changed["ledger"] != base["ledger"]
    assert changed["state"] != base["state"]


def test_initial_state_plus_every_delta_is_the_final_state_in_each_scenario(scenarios):
    for name, scenario in scenarios.items():
        case = next(c for c in corpus.corpus_cases(scenarios) if c.scenario == name and c.rivals == "active")
        sim = corpus.play_case(scenario, case)
        flat = flatten(from_data(sim.initial))
        for change in sim.ledger:
            key = (change.target, change.variable)
            flat[key] = flat.get(key, 0.0) + change.delta
        final = flatten(sim.state)
        # Known gap, reported to the model's owner: a `trait` effect (C1) copies the state's
        # openness or multivector from its definition into the state when first used, outside
        # the ledger, so those two values are compared only where the initial state holds them.
        for key in [k for k in final if k[1] in TRAITS and k not in flat]:
            del final[key]
        assert {k: v for k, v in flat.items() if v != 0.0} == final, name
