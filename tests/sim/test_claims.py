"""Every claim is a named rule with its id, and its strength parameter switches it off."""

from __future__ import annotations

import typing

import attrs
import pytest

from game.batch.campaign import play_campaign
from game.content.rules import RuleParams
from game.sim.rules.catalogue import RULES
from tests.conftest import tweak

# Rule group -> the ledger cause its rule writes (C18 is scenario data, not a rule).
RULE_CAUSES = {
    "balancing": "rule:balancing",
    "russia_strain": "rule:russia_strain",
    "neglect": "rule:neglect",
    "leverage": "rule:leverage",
    "multipolar": "rule:multipolar",
    "kazakhstan_leads": "rule:partnership",
    "resources": "rule:resources",
    "third_vector": "rule:backlash",
    "corridor": "rule:corridor",
    "long_game": "rule:goodwill",
    "c5plus1": "rule:summits",
}


def _causes(sim) -> set[str]:
    return {
        change.cause.split(":")[0] + ":" + change.cause.split(":")[1]
        for change in sim.ledger
        if change.cause.startswith("rule:")
    }


def _groups() -> dict[str, type]:
    return typing.get_type_hints(RuleParams)


def test_every_claim_but_c18_has_a_rule_parameter_group_citing_it():
    cited = set()
    for group_type in _groups().values():
        for field in attrs.fields(group_type):
            cited.add(field.metadata["claim"])
    for rule in RULES:
        cited.update(rule.claims)
    assert cited == {f"C{n}" for n in range(1, 20)} - {"C18"}


def test_every_rule_group_has_a_strength_switch():
    for name, group_type in _groups().items():
        assert "strength" in attrs.fields_dict(group_type), name


@pytest.mark.parametrize(("group", "cause"), sorted(RULE_CAUSES.items()))
def test_a_rule_acts_by_default_and_is_silent_at_strength_zero(window_2023, group, cause):
    strategy = "overreach" if group in ("third_vector", "resources") else "balanced"
    switched_off = tweak(window_2023, **{f"rules.{group}.strength": 0.0})
    seeds = (1, 2, 3)
    assert any(cause in _causes(play_campaign(window_2023, seed, strategy)) for seed in seeds)
    assert not any(cause in _causes(play_campaign(switched_off, seed, strategy)) for seed in seeds)
