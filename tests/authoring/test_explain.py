"""`explain` renders events, actions and rule groups in plain English, one renderer per type."""

from __future__ import annotations

import pytest

from game.content import conditions as cond
from game.content import effects as eff
from game.content.explain import CONDITION_TEXT, EFFECT_TEXT, Context, describe_condition, describe_effects
from game.content.loader import load_scenario
from game.content.structure import make_converter
from tests.authoring.conftest import WINDOW, cli

CONVERTER = make_converter()


@pytest.fixture(scope="module")
def window():
    return load_scenario(WINDOW)


def test_every_effect_and_condition_type_has_a_renderer() -> None:
    assert set(EFFECT_TEXT) == set(eff.EFFECT_TYPES.values())
    assert set(CONDITION_TEXT) == set(cond.CONDITION_TYPES.values())


@pytest.mark.parametrize("tag", sorted(eff.EFFECT_TYPES))
def test_each_effects_example_reads_as_text(tag: str, window) -> None:
    import yaml

    cls = eff.EFFECT_TYPES[tag]
    effect = CONVERTER.structure(yaml.safe_load(cls.EXAMPLE), eff.Effect)
    text = describe_effects([effect], Context(window))
    assert text and "{" not in text and "None" not in text


@pytest.mark.parametrize("tag", sorted(cond.CONDITION_TYPES))
def test_each_conditions_example_reads_as_text(tag: str, window) -> None:
    import yaml

    cls = cond.CONDITION_TYPES[tag]
    condition = CONVERTER.structure(yaml.safe_load(cls.EXAMPLE), cond.Condition)
    text = describe_condition(condition, Context(window))
    assert text and "{" not in text and "None" not in text


def test_an_event_reads_like_a_sentence(capsys) -> None:
    assert cli("explain", str(WINDOW), "--event", "afghan_spillover") == 0
    out = capsys.readouterr().out
    assert (
        "Fires where the state borders Afghanistan, with probability 9% per turn in each such state, "
        "lowered by up to 80% as resilience rises." in out
    )
    assert "Then: stability −6, economy −1 in that state." in out
    assert "Stay out (the default): Russian alignment +2 in that state." in out


def test_an_action_says_who_pays_what_and_what_it_does(capsys) -> None:
    assert cli("explain", str(WINDOW), "--action", "education_exchanges") == 0
    out = capsys.readouterr().out
    assert "Ordered by United States, for 2 soft power points, on one chosen state." in out
    assert "Does: US goodwill +4, maturing in" in out


def test_a_rule_group_lists_its_parameters(capsys) -> None:
    assert cli("explain", str(WINDOW), "--rule", "shared_threats") == 0
    out = capsys.readouterr().out
    assert out.startswith("rules.shared_threats: C12 shared threats")
    assert "mitigation = 0.8, range 0–1: share of a threat event's chance removed at resilience 100" in out


@pytest.mark.parametrize(
    ("option", "wrong", "right"),
    [
        ("--event", "afghan_spilover", "afghan_spillover"),
        ("--action", "investmnt", "investment"),
        ("--rule", "russia_stran", "russia_strain"),
    ],
)
def test_an_unknown_id_exits_1_with_a_did_you_mean(option: str, wrong: str, right: str, capsys) -> None:
    assert cli("explain", str(WINDOW), option, wrong) == 1
    assert f"(did you mean '{right}'?)" in capsys.readouterr().err


def test_a_region_event_limited_by_turn_reads_as_one_sentence(window) -> None:
    import attrs

    from game.content.explain import explain_event

    event = attrs.evolve(window.event("brics_expansion"), condition=cond.TurnIs("turn", at_most=1))
    assert "Fires for the region until turn 1, with probability" in explain_event(event, window)


def test_a_turn_inside_a_group_is_a_clause_with_a_subject(window) -> None:
    both = cond.AllOf("all", (cond.TurnIs("turn", at_least=4), cond.GlobalIs("global", "war_in_ukraine")))
    text = describe_condition(both, Context(window))
    assert text == "the turn is 4 or later and the global 'war_in_ukraine' is true"


def test_a_flag_change_names_the_state_it_happens_to(window) -> None:
    one = describe_effects([eff.SetFlag("flag", "pntr", states=("kazakhstan",))], Context(window))
    assert one == "Kazakhstan now has PNTR with the US"
    target = describe_effects([eff.SetFlag("flag", "partnership")], Context(window))
    assert target == "the target state now has a strategic partnership with the US"
