"""Closed kinds: every effect and condition kind declares everything the game does with it.

An effect kind has an applier, a preview line and a planner value (the sim's `EFFECT_KINDS`),
the ids it refers to (`REFS`, checked by the validator) and its plain-English text; a condition
kind has an evaluator, `REFS` and text. A kind missing any of them fails here, instead of being
silently skipped (worth 0, a bare type name as its preview, an id left unchecked).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
import yaml
from worlds import make_scenario, make_state, make_world

from game.content import conditions as cond
from game.content import effects as eff
from game.content.explain import CONDITION_TEXT, EFFECT_TEXT
from game.content.scenario import ActionDef, Choice, EventDef
from game.content.structure import make_converter
from game.content.validator import REF_CHECKS, validate_references
from game.sim.conditions import EVALUATORS
from game.sim.effects import EFFECT_KINDS, effect_value, preview_line
from game.sim.preview import Look
from game.ui.preview import effect_lines

EFFECTS = list(eff.EFFECT_TYPES.values())
CONDITIONS = list(cond.CONDITION_TYPES.values())
CONVERTER = make_converter()


def example(cls: type) -> Any:
    """The kind's documented example, structured as the loader would."""
    return CONVERTER.structure(yaml.safe_load(cls.EXAMPLE), cls)


@pytest.mark.parametrize("cls", EFFECTS, ids=lambda c: c.__name__)
def test_every_effect_kind_declares_its_applier_preview_value_refs_and_text(cls):
    kind = EFFECT_KINDS[cls]
    assert callable(kind.apply) and callable(kind.preview) and callable(kind.value)
    assert cls in EFFECT_TEXT
    assert "REFS" in vars(cls), f"{cls.__name__} must declare REFS (an empty dict if it refers to nothing)"


@pytest.mark.parametrize("cls", CONDITIONS, ids=lambda c: c.__name__)
def test_every_condition_kind_declares_its_evaluator_refs_and_text(cls):
    assert cls in EVALUATORS
    assert cls in CONDITION_TEXT
    assert "REFS" in vars(cls), f"{cls.__name__} must declare REFS (an empty dict if it refers to nothing)"


@pytest.mark.parametrize("cls", EFFECTS + CONDITIONS, ids=lambda c: c.__name__)
def test_refs_name_real_fields_and_known_kinds_of_id(cls):
    names = {field.name for field in attrs.fields(cls)}
    for field_name, kind in cls.REFS.items():
        assert field_name in names
        assert kind in REF_CHECKS


def test_the_registries_hold_exactly_the_closed_set():
    assert set(EFFECT_KINDS) == set(EFFECTS)
    assert set(EVALUATORS) == set(CONDITIONS)


@pytest.mark.parametrize("cls", EFFECTS, ids=lambda c: c.__name__)
def test_every_effect_kind_previews_as_a_sentence_not_its_type_name(cls):
    world = make_world()
    action = world.actions["us_visit"]
    line = preview_line(world, example(cls), Look(action, ["kazakhstan"], 1.0, "now"))
    assert line and line != cls.__name__.lower()


def test_an_undeclared_effect_kind_is_an_error_not_worth_zero():
    @attrs.frozen
    class Unknown:
        amount: float = 1.0

    with pytest.raises(KeyError):
        effect_value(make_world(), Unknown(), None, 0.3)


def _with_unknown_ids(item: Any) -> tuple[Any, list[str]]:
    """The item with every id it refers to unknown, and the fields changed.

    A choice is looked up in its event, so for a choice the event stays known (EventFired
    covers an unknown event).
    """
    changes: dict[str, Any] = {}
    for field_name, kind in type(item).REFS.items():
        value = getattr(item, field_name)
        changes[field_name] = ("nowhere_id",) if isinstance(value, tuple) else "nowhere_id"
        if kind == "choice":
            changes["event"] = "summit"
    unknown = [name for name, value in changes.items() if "nowhere_id" in value]
    return attrs.evolve(item, **changes), unknown


def _scenario_with(effects: tuple[Any, ...] = (), eligible: Any = None) -> Any:
    summit = EventDef(
        id="summit",
        title="Summit",
        text="Leaders meet.",
        claims=("C8",),
        choices=(Choice(id="attend", label="Attend"),),
        default_choice="attend",
    )
    action = ActionDef(
        id="probe",
        name="Probe",
        power="us",
        track="diplomacy",
        cost=1,
        target="state",
        effects=effects or (eff.Influence(type="influence", amount=1.0),),
        claims=("C1",),
        eligible=eligible,
    )
    return make_scenario(actions=(action,), events=(summit,))


@pytest.mark.parametrize("cls", [c for c in EFFECTS + CONDITIONS if c.REFS], ids=lambda c: c.__name__)
def test_the_validator_checks_every_reference_a_kind_declares(cls):
    item, unknown = _with_unknown_ids(example(cls))
    if cls in EFFECTS:
        scenario, where = _scenario_with(effects=(item,)), ("actions", 3, "effects", 0)
    else:
        scenario, where = _scenario_with(eligible=item), ("actions", 3, "eligible")
    found = {f.path for f in validate_references(scenario) if "nowhere_id" in f.message}
    assert unknown
    for field_name in unknown:
        value = getattr(item, field_name)
        assert (*where, field_name, 0) in found if isinstance(value, tuple) else (*where, field_name) in found, (
            field_name,
            found,
        )


def test_the_condition_walk_visits_every_node_parents_first_with_its_path():
    tree = example(cond.AllOf)
    inner = cond.NotOf(type="not", of=cond.FlagIs(type="flag", flag="pntr"))
    tree = attrs.evolve(tree, of=(*tree.of, inner))
    walked = [(path, type(node).__name__) for path, node in cond.walk(tree)]
    assert walked == [
        ((), "AllOf"),
        (("of", 0), "TurnIs"),
        (("of", 1), "LeaderIs"),
        (("of", 2), "NotOf"),
        (("of", 2, "of"), "FlagIs"),
    ]
    assert list(cond.walk(None)) == []


def test_region_share_is_one_formula_for_engine_preview_and_planner():
    # C8 switched off: a region-wide action that is not a C5+1 format still reaches every state
    scenario = make_scenario(
        (make_state("kazakhstan"), make_state("uzbekistan")),
        {"c5plus1": {"strength": 0.0, "region_share": 0.5}},
        actions=(
            ActionDef(
                id="regional_fund",
                name="Regional fund",
                power="us",
                track="trade",
                cost=1,
                target="region",
                effects=(eff.Shift(type="shift", power="us", amount=4.0),),
                claims=("C10",),
            ),
        ),
    )
    world = make_world(scenario)
    (line,) = effect_lines(world, world.actions["regional_fund"], None)
    assert line.startswith("United States alignment +2.0 in each state")


def test_a_preview_amount_that_rounds_to_nothing_reads_plus_minus_zero_not_minus_zero():
    from game.sim.preview import _one

    assert _one(-0.04) == "±0"
    assert _one(0.04) == "±0"
    assert _one(-2) == "-2.0"
    assert _one(1.5) == "+1.5"
