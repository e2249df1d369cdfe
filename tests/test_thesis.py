"""The article's argument as controlled experiments on the simulation (claims.md, "The thesis").

The checks live in `game.batch.thesis` and are shared with `python main.py experiment thesis`,
so the test and the classroom command cannot drift apart. Each check measures a contrast
between two arms twice, over the same 16 seeds (`run_seed(2023, i)`): with its claims on and
with them switched off (the control arm). Per seed the difference-in-differences is the
contrast on minus the contrast off; its t-based 95% interval (t with 15 degrees of freedom,
2.131) must lie wholly on the predicted side, and so must the claims-on contrast.

The machinery is tested where the answer is known: a scenario whose claim is already switched
off must fail its check (on and off arms are then identical, so the difference is exactly 0),
and a scenario too short for a check reports it as not applicable. On window-2023 the checks
are played in full (run with -s to print the figures); which of them hold is the model's
business (game/sim/rules, receptivity), and the tests say which ones must.
"""

from __future__ import annotations

import os

import attrs
import pytest

from game.batch.stats import Interval
from game.batch.thesis import (
    CHECKS,
    CSV_COLUMNS,
    FAILED,
    HELD,
    NOT_APPLICABLE,
    Arms,
    CheckResult,
    Contrast,
    Measured,
    result_rows,
    run_thesis,
    switched_off,
)
from game.cli.classroom_commands import thesis_lines
from tests.conftest import ROOT, WINDOW_2023

RUNS = 16
CONTROL_ARMS = {1: {"C19"}, 2: {"C1", "C2"}, 3: {"C6"}, 4: {"C7"}, 5: {"C9"}}
# What each check may read: outcomes, never a variable the check's own claims write directly
# (a floor, the backlash counter, a score bonus).
OUTCOMES = {"standing_us", "standing_us_early", "standing_us_mean", "russia_alignment_lead"}
# Checks the model must hold on window-2023 today. Check 2 (balance's lead over overreach is
# larger with C1 and C2 off), check 4 (late effort still wins on final standing) and check 6
# (C3 barely moves what US engagement wins) await the calibration of issue 9 item 2; add each
# here when it holds.
MUST_HOLD = (1, 3, 5)


@pytest.fixture(scope="module")
def checks() -> dict[int, CheckResult]:
    arms = Arms(WINDOW_2023, RUNS, 2023, jobs=min(2, os.cpu_count() or 1))
    results = run_thesis(arms)
    print("\n".join(thesis_lines(results)))
    return {result.number: result for result in results}


# --- the machinery ----------------------------------------------------------------------------


def _strength_claim(scenario, path: str) -> str:
    group = getattr(scenario.rules, path.split(".")[1])
    return attrs.fields_dict(type(group))["strength"].metadata["claim"]


def test_the_control_arm_switches_off_the_rule_groups_of_exactly_the_checks_claims(window_2023):
    off = switched_off(("C1", "C2"), window_2023)
    assert {("rules.balancing.strength", 0.0), ("rules.third_vector.strength", 0.0)} <= set(off)
    assert all(value == 0.0 and _strength_claim(window_2023, path) in ("C1", "C2") for path, value in off)
    every_group = {f"rules.{g.name}.strength" for g in attrs.fields(type(window_2023.rules))}
    cited = {p for p in every_group if _strength_claim(window_2023, p) in ("C1", "C2")}
    assert {path for path, _ in off} == cited  # every rule group citing the claims, and no other
    assert switched_off(("C19",), window_2023) == (("rules.neglect.strength", 0.0),)
    assert switched_off(("C18",), window_2023) == ()  # a claim with no rule of its own


def test_no_check_reads_a_variable_its_own_claims_write():
    for check in CHECKS:
        for contrast in check.contrasts:
            assert contrast.measure in OUTCOMES, (check.number, contrast.measure)


def _measured(on: float, off: float, did: float, sign: int = +1, controlled: bool = True) -> Measured:
    def interval(value: float) -> Interval:
        return Interval(value, value - 0.5, value + 0.5, RUNS)

    contrast = Contrast(("a",), ("b",), "standing_us", "US standing", sign, controlled=controlled)
    return Measured(contrast, ("C1",), interval(on), interval(off), interval(did))


def test_a_contrast_holds_only_when_it_appears_with_the_claims_on_and_shrinks_without_them():
    assert _measured(on=10, off=2, did=8).held
    assert not _measured(on=10, off=10, did=0).held  # as large with the claim off: not the claim's doing
    assert not _measured(on=-3, off=-11, did=8).held  # the claim helps, but the contrast is the wrong way round
    assert _measured(on=-4, off=-1, did=-3, sign=-1).held
    assert _measured(on=10, off=10, did=0, controlled=False).held  # judged on the claims-on arm alone


def test_a_check_fails_when_its_claim_is_already_switched_off_in_the_scenario():
    """With C7 and C19 already 0, the on and off arms are the same games: the difference is exactly 0."""
    base = (("rules.window.strength", 0.0), ("rules.neglect.strength", 0.0))
    arms = Arms(WINDOW_2023, 3, 2023, jobs=min(2, os.cpu_count() or 1), base=base)
    results = {r.number: r for r in run_thesis(arms, [c for c in CHECKS if c.number in (1, 4)])}
    for number in (1, 4):
        assert results[number].status == FAILED
        for measured in results[number].contrasts:
            assert measured.did.estimate == measured.did.low == measured.did.high == 0.0
            assert measured.effect_on == measured.effect_off


def test_a_check_needing_a_longer_horizon_is_not_applicable_and_says_how_long():
    short = ROOT / "scenarios" / "middle-corridor.yaml"  # 24 turns; patience is judged after 40
    arms = Arms(short, 2, 2023)
    patience = next(c for c in CHECKS if c.number == 3)
    assert patience.arms(arms.scenario) == []  # nothing is played for it
    result = patience.evaluate(arms)
    assert result.status == NOT_APPLICABLE
    assert "needs 40 turns" in result.reason
    row = result_rows([result])[0]
    assert row["status"] == NOT_APPLICABLE and row["did"] == ""
    assert "NOT APPLICABLE" in "\n".join(thesis_lines([result]))


# --- the checks on window-2023 ------------------------------------------------------------------


@pytest.mark.slow  # plays every arm of the thesis checks
def test_every_check_measures_its_contrasts_with_the_claims_on_and_with_its_control_arm(checks):
    assert sorted(checks) == [1, 2, 3, 4, 5, 6]
    for number, result in checks.items():
        assert result.n == RUNS and result.status in (HELD, FAILED)
        assert result.control  # what the control arm shows, for a class
        for measured in result.contrasts:
            expected = CONTROL_ARMS.get(number, set(measured.off_claims))
            assert set(measured.off_claims) == expected
            assert measured.effect_on.n == measured.effect_off.n == measured.did.n == RUNS
    assert {m.off_claims for m in checks[6].contrasts} == {("C3",), ("C4",)}  # each rival's claim on its own


@pytest.mark.slow  # plays every arm of the thesis checks
def test_the_corridor_check_reads_russias_alignment_not_the_floor_its_rule_lowers(checks):
    assert all(ok for _, ok in checks[5].conditions)  # built in every balanced run, never without funding
    assert [m.contrast.measure for m in checks[5].contrasts] == ["russia_alignment_lead"]


@pytest.mark.slow  # plays every arm of the thesis checks
def test_check_4_judges_final_standing_as_well_as_the_campaign(checks):
    assert {m.contrast.measure for m in checks[4].contrasts} == {"standing_us", "standing_us_mean"}


@pytest.mark.slow  # plays every arm of the thesis checks
@pytest.mark.parametrize("number", MUST_HOLD)
def test_the_check_holds_with_its_control_arm(checks, number):
    result = checks[number]
    for measured in result.contrasts:
        print(
            f"{number}. {measured.contrast.label}: on {measured.effect_on}, off {measured.effect_off}, "
            f"did {measured.did}"
        )
    assert result.status == HELD


@pytest.mark.slow  # plays every arm of the thesis checks
def test_thesis_csv_rows_have_exactly_the_agreed_columns_one_per_check(checks):
    rows = result_rows(list(checks.values()))
    assert [list(row) for row in rows] == [list(CSV_COLUMNS)] * 6
    assert list(CSV_COLUMNS) == [
        "check",
        "name",
        "claims",
        "outcome",
        "effect_on",
        "on_low",
        "on_high",
        "effect_off",
        "off_low",
        "off_high",
        "did",
        "did_low",
        "did_high",
        "status",
    ]
    for row in rows:
        assert row["status"] in (HELD, FAILED, NOT_APPLICABLE)
        assert row["on_low"] <= row["effect_on"] <= row["on_high"]
        assert row["did_low"] <= row["did"] <= row["did_high"]
