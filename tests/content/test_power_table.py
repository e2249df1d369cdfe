"""Powers as data: one table per power (name, adjective, look, doctrine) that every layer reads.

A scenario may add a power beside the US, Russia and China; the table gives it a look of its own,
and the loader checks every place a power is named against the scenario's declared powers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import check_scenario, load_scenario
from game.content.powers import FALLBACK_LOOKS, STANDARD, PowerLook, build_table, standard_table
from game.content.scenario import PowerDef, TrackValues

ROOT = Path(__file__).resolve().parents[2]
FOURTH = ROOT / "tests" / "scenarios" / "fourth-power.yaml"
FOURTH_TEXT = FOURTH.read_text(encoding="utf-8")


def _power(power_id: str, name: str = "", look: PowerLook | None = None) -> PowerDef:
    return PowerDef(id=power_id, name=name or power_id.title(), budget=TrackValues(1, 1, 1), look=look)


def _problems(tmp_path: Path, *edits: tuple[str, str]) -> list[tuple[int, str, str, str]]:
    """Problems in a copy of the fourth-power scenario with `edits` made (it extends window-2023)."""
    text = FOURTH_TEXT
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = check_scenario(path)
    return [(p.line, p.code, p.severity, p.message) for p in problems]


def test_the_standard_powers_keep_their_names_and_looks_without_saying_so() -> None:
    table = load_scenario(ROOT / "scenarios" / "window-2023.yaml").power_table
    assert table.ids == STANDARD
    assert table.rivals == ("russia", "china")
    assert [(p.short, p.adjective) for p in table] == [("US", "US"), ("Russia", "Russian"), ("China", "Chinese")]
    assert [(p.look.shape, p.look.pattern, p.look.line) for p in table] == [
        ("star", "diagonal hatch", "solid"),
        ("square", "horizontal lines", "dashed"),
        ("triangle", "dots", "dotted"),
    ]
    assert table == standard_table()


def test_an_added_power_without_a_look_never_looks_like_another_power() -> None:
    table = build_table([_power("us"), _power("russia"), _power("china"), _power("turkey")])
    turkey = table["turkey"]
    for other in ("us", "russia", "china"):
        mine, theirs = turkey.look, table[other].look
        assert mine.colour != theirs.colour and mine.shape != theirs.shape and mine.pattern != theirs.pattern
        assert mine.line != theirs.line
    assert turkey.look == FALLBACK_LOOKS[0]
    assert (turkey.name, turkey.short, turkey.adjective, turkey.player) == ("Turkey", "Turkey", "Turkey", False)


def test_a_declared_look_wins_and_the_next_added_power_skips_it() -> None:
    taken = FALLBACK_LOOKS[0]
    table = build_table(
        [
            _power("us"),
            _power("russia"),
            _power("china"),
            _power("eu", "European Union", PowerLook(colour=taken.colour, pattern=taken.pattern, shape="circle")),
            _power("turkey"),
        ]
    )
    eu, turkey = table["eu"].look, table["turkey"].look
    assert (eu.colour, eu.pattern, eu.shape) == (taken.colour, taken.pattern, "circle")
    assert turkey.colour != eu.colour and turkey.pattern != eu.pattern  # the EU took the first fallback's
    assert turkey.colour not in {table[p].look.colour for p in STANDARD}


def test_the_fourth_power_scenario_validates_clean_with_turkey_in_the_table() -> None:
    scenario, problems = check_scenario(FOURTH)
    assert scenario is not None and problems == []
    table = scenario.power_table
    assert table.ids == ("us", "russia", "china", "turkey")
    assert table.rivals == ("russia", "china", "turkey")
    assert table.adjective("turkey") == "Turkish"
    assert scenario.state("tajikistan").alignment == {"us": 10, "russia": 64, "china": 44, "turkey": 6}
    assert scenario.power("turkey").doctrine is not None


def test_a_misspelt_power_in_an_alignment_is_an_unknown_key_with_a_did_you_mean(tmp_path: Path) -> None:
    found = _problems(tmp_path, ("alignment: {turkey: 14}", "alignment: {turky: 14}"))
    assert found == [
        (
            26,
            "unknown-key",
            "error",
            "states['kazakhstan'].alignment.turky: unknown key 'turky' (did you mean 'turkey'?)",
        )
    ]


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("    power: turkey\n    track: trade", "    power: turky\n    track: trade", 66),  # an action's power
        (
            "      - {type: influence, amount: 3}",
            "      - {type: influence, power: turky, amount: 3}",
            62,
        ),  # an effect's
    ],
)
def test_a_misspelt_power_anywhere_else_is_an_unknown_power(tmp_path: Path, old: str, new: str, line: int) -> None:
    found = _problems(tmp_path, (old, new))
    assert [(where, code) for where, code, _, _ in found] == [(line, "reference")]
    assert "unknown power 'turky' (did you mean 'turkey'?)" in found[0][3]


def test_a_power_drawn_like_china_is_a_warning_naming_both(tmp_path: Path) -> None:
    found = _problems(tmp_path, ("    adjective: Turkish\n", "    adjective: Turkish\n    look: {pattern: dots}\n"))
    assert [(code, severity) for _, code, severity, _ in found] == [("warning", "warning")]
    assert "turkey is drawn with the same pattern as china (dots)" in found[0][3]


def test_a_colour_must_be_written_as_hex(tmp_path: Path) -> None:
    found = _problems(tmp_path, ("    adjective: Turkish\n", "    adjective: Turkish\n    look: {colour: red}\n"))
    assert [(code, message) for _, code, _, message in found] == [
        ("range", "powers['turkey'].look.colour: colour must be written '#rrggbb'; got 'red'")
    ]


def test_a_scenario_cannot_drop_a_standard_power(tmp_path: Path) -> None:
    path = tmp_path / "no-china.yaml"
    text = (ROOT / "tests" / "content" / "good" / "minimal.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: china\n")
    end = text.index("\n  - id:", start + 1) if "\n  - id:" in text[start + 1 :] else len(text)
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    _, problems = check_scenario(path)
    assert any("power 'china' is missing" in p.message for p in problems)
