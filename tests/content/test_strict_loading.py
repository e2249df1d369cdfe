"""The strict reader and the structuring that follows it, case by case.

The corpus in `bad/` covers one mistake per file; these tests pin down the rules behind
it: YAML 1.1 traps stay closed, one mistake never causes a second, spurious message, and
problems found before a syntax error are still reported.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content.loader import _CONVERTER, ScenarioError, check_scenario, load_scenario
from game.content.scenario import Scenario
from game.content.structure import structure_all
from game.content.yamlread import Problem, YamlError, parse_yaml_text, read_yaml_bytes

HERE = Path(__file__).parent
REPO = HERE.parents[1]
MINIMAL_PATH = HERE / "good" / "minimal.yaml"
MINIMAL = MINIMAL_PATH.read_text(encoding="utf-8")


def _check(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = check_scenario(path)
    return [(p.line, p.column, p.code, p.message) for p in problems]


def _variant(*edits: tuple[str, str]) -> str:
    text = MINIMAL
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("true", True),
        ("false", False),
        ("yes", "yes"),
        ("no", "no"),
        ("NO", "NO"),
        ("on", "on"),
        ("off", "off"),
        ("True", "True"),
        ("2024-01-01", "2024-01-01"),
        ("012", "012"),
        ("0x10", "0x10"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        (".nan", ".nan"),
        ("1e3", 1000.0),
        ("-2.5", -2.5),
        ("+3", 3),
        ("'true'", "true"),
        ('"12"', "12"),
        ("~", None),
        ("null", None),
        ("", None),
        ("12:30", "12:30"),
    ],
)
def test_yaml_11_traps_stay_closed(written: str, read: object) -> None:
    """Only true/false are booleans, and only plain decimal numbers are numbers."""
    value = parse_yaml_text(f"key: {written}\n", "t.yaml").data["key"]
    assert value == read and type(value) is type(read)


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    document = read_yaml_bytes(b"\xef\xbb\xbfkey: value\n", "t.yaml")
    assert document.data == {"key": "value"}


def test_utf16_without_a_byte_order_mark_is_named() -> None:
    with pytest.raises(YamlError) as refused:
        read_yaml_bytes("key: value\nother: 1\n".encode("utf-16-le"), "t.yaml")
    assert "UTF-16" in refused.value.problem.message


def test_marks_point_at_values_and_keys() -> None:
    document = parse_yaml_text("a:\n  b: [1, 2]\n", "t.yaml")
    assert document.mark(("a", "b", 1)) == (2, 10)
    assert document.mark(("a", "b"), key=True) == (2, 3)
    assert document.mapping_mark(("a",)) == (1, 1)


def test_problems_before_a_syntax_error_are_kept(tmp_path: Path) -> None:
    """Reading stops at bad syntax, but what was found above it is still worth fixing."""
    text = _variant(
        ("    economy: 64\n", "    economy: 64\n    economy: 65\n"), ("    stability: 60\n", "\tstability: 60\n")
    )
    found = _check(tmp_path, text)
    assert [(line, code) for line, _, code, _ in found] == [(24, "duplicate-key"), (33, "syntax")]


def test_a_broken_list_does_not_make_its_ids_unknown(tmp_path: Path) -> None:
    """`states: kazakhstan` is one mistake, not also "unknown state 'kazakhstan'" in an effect."""
    start, end = MINIMAL.index("states:\n"), MINIMAL.index("powers:\n")
    found = _check(tmp_path, MINIMAL[:start] + "states: kazakhstan\n\n" + MINIMAL[end:])
    assert [(line, code) for line, _, code, _ in found] == [(16, "type")]


def test_a_misspelt_power_does_not_break_its_doctrine(tmp_path: Path) -> None:
    """Powers are scenario data: `power: rusia` is an unknown power with a did-you-mean, and the
    doctrine check stays quiet rather than blaming Russia's doctrine for an action it cannot own."""
    found = _check(tmp_path, _variant(("    power: russia\n", "    power: rusia\n")))
    assert [(line, code) for line, _, code, _ in found] == [(69, "reference")]
    assert "did you mean 'russia'?" in found[0][3]


def test_a_wrong_number_does_not_trip_a_comparison(tmp_path: Path) -> None:
    """With victory_score unreadable, "defeat_score must be below victory_score" would be noise."""
    found = _check(tmp_path, _variant(("  victory_score: 40\n", "  victory_score: forty\n")))
    assert [(line, code) for line, _, code, _ in found] == [(109, "type")]


def test_a_null_doctrine_is_one_problem(tmp_path: Path) -> None:
    start = MINIMAL.index("    doctrine:\n      summary: Convert")
    end = MINIMAL.index("\nactions:")
    found = _check(tmp_path, MINIMAL[:start] + "    doctrine:\n" + MINIMAL[end:])
    assert [(line, code) for line, _, code, _ in found] == [(51, "missing-key")]
    assert "china needs a doctrine" in found[0][3]


def test_problems_inside_a_list_are_placed_at_their_item(tmp_path: Path) -> None:
    """cattrs' list errors carry the index, so each bad effect is reported on its own line."""
    text = _variant(
        ("{type: goodwill, amount: 4}", "{type: goodwill, amount: x}"),
        ("{type: influence, amount: 1, states", "{type: influence, amount: y, states"),
    )
    found = _check(tmp_path, text)
    assert [(line, column, code) for line, column, code, _ in found] == [(65, 34, "type"), (66, 35, "type")]
    assert found[1][3].startswith("actions['education_exchanges'].effects[1].amount: ")


def test_every_problem_of_a_mapping_is_reported(tmp_path: Path) -> None:
    text = _variant(
        ("    stability: 64\n", "    stability: high\n"),
        ("    economy: 64\n", "    economy: [1]\n"),
        ("    multivector: 0.9\n", "    multivector: 0.9\n    colour: red\n"),
    )
    found = _check(tmp_path, text)
    assert [(line, code) for line, _, code, _ in found] == [(22, "type"), (23, "type"), (26, "unknown-key")]
    assert "the keys allowed here are: id, name, capital" in found[2][3]


def test_structuring_never_changes_the_data() -> None:
    data = parse_yaml_text(_variant(("    stability: 64\n", "    stabilty: 64\n")), "t.yaml").data
    before = copy.deepcopy(data)
    result = structure_all(_CONVERTER, data, Scenario)
    assert result.value is not None and len(result.issues) == 2  # unknown 'stabilty', missing 'stability'
    assert data == before


def test_window_2023_is_valid() -> None:
    scenario, problems = check_scenario(REPO / "scenarios" / "window-2023.yaml")
    assert problems == [] and scenario is not None


def test_load_scenario_raises_with_every_problem() -> None:
    with pytest.raises(ScenarioError) as refused:
        load_scenario(HERE / "bad" / "several-mistakes.yaml")
    assert len(refused.value.problems) == 8
    assert str(refused.value).count("\n") == 7


def test_problem_text_format() -> None:
    problem = Problem("f.yaml", 3, 7, "something is wrong", code="type")
    assert str(problem) == "f.yaml:3:7: error[type]: something is wrong"


def test_an_unreadable_power_does_not_blame_the_doctrine(tmp_path: Path) -> None:
    """With `power: 5` the placeholder power is a guess, so "belongs to us, not russia" would mislead."""
    found = _check(tmp_path, _variant(("    power: russia\n", "    power: 5\n")))
    assert [(line, code) for line, _, code, _ in found] == [(69, "type")]


def test_missing_keys_of_one_mapping_are_one_problem(tmp_path: Path) -> None:
    start, end = MINIMAL.index("about:\n"), MINIMAL.index("start:")
    found = _check(tmp_path, MINIMAL[:start] + "about: {}\n\n" + MINIMAL[end:])
    assert found == [(5, 1, "missing-key", "about: missing required keys 'title', 'summary', 'period'")]


@pytest.mark.parametrize(
    ("written", "phrase"),
    [("1e400", "this number is far too large"), ("9" * 50, "this number is far too long")],
)
def test_absurd_numbers_are_refused(tmp_path: Path, written: str, phrase: str) -> None:
    found = _check(tmp_path, _variant(("    stability: 64\n", f"    stability: {written}\n")))
    assert [(line, column, code) for line, column, code, _ in found] == [(22, 16, "type")]
    assert phrase in found[0][3]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: &x k\n*x : 2\n", [(1, 4, "anchor"), (2, 1, "alias")]),
        ("a: 1\n? [b, c]\n: d\n", [(2, 3, "syntax")]),
        ("a: 1\nitem:\n  <<: *x\n  y: 2\n", [(3, 3, "merge-key")]),
    ],
    ids=["alias-as-key", "complex-key", "merge-of-alias"],
)
def test_reading_goes_on_after_recoverable_problems(text: str, expected: list[tuple[int, int, str]]) -> None:
    document = parse_yaml_text(text, "t.yaml")
    assert [(p.line, p.column, p.code) for p in document.problems] == expected
    assert document.data["a"] is not None


@pytest.mark.parametrize(
    ("text", "where", "phrase"),
    [
        ("a: @home\n", (1, 4), "'@' cannot start a value: put quotes around the value"),
        ("a: 1\n: 2\n", (2, 1), "line 2 starts with ':' but has no key before it"),
        ('a: "C:\\path"\n', (1, 7), "escape in double quotes is not valid"),
        ("a: [1, 2\nb: 3\n", (1, 4), "the '[' opened here is never closed"),
        ("a: {x: 1 y: 2}\n", (1, 11), "a ',' is missing between items here"),
        ("a:\n  b: 1\n   c: 2\n", (3, 4), "the indentation of line 3 looks inconsistent"),
    ],
)
def test_syntax_errors_in_plain_words(text: str, where: tuple[int, int], phrase: str) -> None:
    with pytest.raises(YamlError) as refused:
        parse_yaml_text(text, "t.yaml")
    problem = refused.value.problem
    assert ((problem.line, problem.column), problem.code) == (where, "syntax")
    assert phrase in problem.message


_PIECES = st.sampled_from(
    [
        "a",
        ":",
        "- ",
        "[",
        "]",
        "{",
        "}",
        "'",
        '"',
        "#",
        "&a ",
        "*a",
        "!!",
        "\t",
        "\n",
        "  ",
        ",",
        "true",
        "yes",
        "null",
        "1.5",
        "{type: x}",
        "\x00",
        "\xe9",
        "<<: ",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 6), _PIECES), min_size=1, max_size=4))
def test_mangled_files_never_raise(tmp_path: Path, edits: list[tuple[float, int, str]]) -> None:
    """Whatever an editor does to a file, checking it gives problems with places, never an exception."""
    text = MINIMAL
    for where, cut, piece in edits:
        at = int(where * len(text))
        text = text[:at] + piece + text[at + cut :]
    path = tmp_path / "mangled.yaml"
    path.write_bytes(text.encode("utf-8", errors="surrogateescape"))
    scenario, problems = check_scenario(path)
    assert scenario is not None or problems
    assert all(p.line >= 1 and p.column >= 1 for p in problems)
    assert problems == sorted(problems, key=lambda p: (p.line, p.column, p.message))
