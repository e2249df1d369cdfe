"""The corpus of broken scenarios: every mistake an author makes gets the right message at the right place.

Each file in `bad/` is `good/minimal.yaml` with one mistake (its first line says which).
For each we check the exact problems (line, column, code and a key phrase), that
`python main.py validate FILE` exits 1 with those lines on stdout and no traceback, and
for the hostile ones that time and memory stay bounded.
"""

from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from game.cli import main
from game.content.loader import check_scenario
from game.content.yamlread import MAX_DEPTH

HERE = Path(__file__).parent
BAD = HERE / "bad"
GOOD = HERE / "good"
REPO = HERE.parents[1]
MINIMAL = (GOOD / "minimal.yaml").read_text(encoding="utf-8")

# file -> every problem it must report, in file order: (line, column, code, phrase).
EXPECTED: dict[str, list[tuple[int, int, str, str]]] = {
    "misspelt-key.yaml": [(22, 5, "unknown-key", "unknown key 'stabilty' (did you mean 'stability'?)")],
    "text-for-number.yaml": [(22, 16, "type", "expected a number, got the text 'high'")],
    "quoted-number.yaml": [(61, 11, "type", "remove the quotes")],
    "yes-for-boolean.yaml": [(94, 11, "type", "only true and false are booleans")],
    "fraction-for-whole-number.yaml": [(61, 11, "type", "expected a whole number, got 2.5")],
    "null-required.yaml": [(29, 13, "type", "states['uzbekistan'].capital: expected text, got nothing")],
    "text-for-list.yaml": [(82, 13, "type", "expected a list, got the text 'C4': write it as [C4]")],
    "unknown-state.yaml": [(66, 47, "reference", "unknown state 'kazahkstan' (did you mean 'kazakhstan'?)")],
    "unknown-action.yaml": [(54, 20, "reference", "unknown action 'trade_dea' (did you mean 'trade_deal'?)")],
    "wrong-power-action.yaml": [(54, 20, "reference", "action 'security_guarantee' belongs to russia, not china")],
    "unknown-effect-type.yaml": [(65, 16, "unknown-type", "unknown effect type 'goodwil' (did you mean 'goodwill'?)")],
    "unknown-condition-type.yaml": [
        (92, 23, "unknown-type", "unknown condition type 'variabel' (did you mean 'variable'?)")
    ],
    "unknown-key-in-effect.yaml": [(65, 37, "unknown-key", "unknown key 'mature_in' (did you mean 'matures_in'?)")],
    "unknown-key-in-condition.yaml": [(92, 54, "unknown-key", "unknown key 'at_mots' (did you mean 'at_most'?)")],
    "unknown-key-nested.yaml": [
        (31, 17, "unknown-key", "states['uzbekistan'].alignment.uss: unknown key 'uss' (did you mean 'us'?)")
    ],
    "misspelt-choice.yaml": [(79, 12, "choice", "got the text 'trad' (did you mean 'trade'?)")],
    "globals-not-boolean.yaml": [(14, 19, "type", "globals.war_in_ukraine: expected true, false or a number")],
    "missing-key.yaml": [(27, 5, "missing-key", "states['uzbekistan']: missing required key 'capital'")],
    "missing-key-nested.yaml": [(10, 1, "missing-key", "start: missing required key 'quarter'")],
    "duplicate-key.yaml": [(34, 5, "duplicate-key", "duplicate key 'economy': it is already set at line 33, column 5")],
    "duplicate-id.yaml": [(27, 9, "duplicate-id", "duplicate id 'kazakhstan': states[0] already uses it at line 17")],
    "tab-indentation.yaml": [(32, 1, "syntax", "a tab character is used for indentation")],
    "unclosed-quote.yaml": [(89, 11, "syntax", "a quoted string is never closed")],
    "unclosed-quote-runaway.yaml": [(28, 11, "syntax", "a quoted string is never closed")],
    "unclosed-brace.yaml": [(31, 16, "syntax", "the '{' opened here is never closed")],
    "inconsistent-indentation.yaml": [(29, 6, "syntax", "the indentation of line 29 looks inconsistent")],
    "inconsistent-indentation-less.yaml": [(29, 4, "syntax", "the indentation of line 29 looks inconsistent")],
    "missing-colon.yaml": [(28, 5, "syntax", "line 28 is missing the ':' after its key")],
    "colon-in-value.yaml": [(102, 24, "syntax", "put quotes around the whole value")],
    "second-document.yaml": [(12, 1, "syntax", "only one YAML document per file")],
    "alias.yaml": [
        (21, 16, "anchor", "anchors (&ka) are not allowed"),
        (31, 16, "alias", "aliases (*ka) are not allowed"),
    ],
    "merge-key.yaml": [(33, 5, "merge-key", "merge keys ('<<') are not allowed")],
    "python-tag.yaml": [(3, 5, "tag", "'!!python/object/apply:os.system' are not allowed")],
    "custom-tag.yaml": [(32, 16, "tag", "'!percent' are not allowed")],
    "deep-nesting.yaml": [(11, 8, "depth", "nesting that starts here is deeper than 40 levels")],
    "empty.yaml": [(1, 1, "empty", "the file is empty")],
    "binary.yaml": [(1, 1, "encoding", "this looks like a binary file")],
    "utf16.yaml": [(1, 1, "encoding", "the file is UTF-16 text; save it as UTF-8")],
    "latin1.yaml": [(7, 17, "encoding", "byte 0xe9 here (it looks like Latin-1")],
    "control-character.yaml": [(28, 16, "encoding", "the control character 0x07 is not allowed")],
    "top-level-list.yaml": [(2, 1, "type", "must be a mapping of keys to values (key: value lines), not a list")],
    "no-format-version.yaml": [(1, 1, "missing-key", "missing 'format_version'")],
    "wrong-format-version.yaml": [(2, 17, "version", "it reads format_version 1")],
    "bad-placeholder.yaml": [(89, 11, "placeholder", "unknown placeholder '{stat}' (did you mean 'state'?)")],
    "broken-placeholder.yaml": [(89, 11, "placeholder", "broken placeholder")],
    "alignment-out-of-range.yaml": [(31, 21, "range", "alignment must be between 0 and 100; got 150")],
    "probability-out-of-range.yaml": [(93, 18, "range", "probability must be between 0 and 1; got 1.5")],
    "bad-default-choice.yaml": [(95, 21, "reference", "unknown choice 'mediat' (did you mean 'mediate'?)")],
    "unknown-rule-group.yaml": [(105, 3, "unknown-key", "unknown key 'balancin' (did you mean 'balancing'?)")],
    "unknown-rule-parameter.yaml": [(105, 15, "unknown-key", "unknown key 'strenght' (did you mean 'strength'?)")],
    "rule-out-of-range.yaml": [(105, 25, "range", "strength must be between 0 and 5; got 9")],
    "several-mistakes.yaml": [
        (22, 5, "unknown-key", "did you mean 'stability'?"),
        (34, 5, "duplicate-key", "duplicate key 'economy'"),
        (62, 11, "type", "expected a whole number, got the text 'two'"),
        (67, 47, "reference", "unknown state 'kazahkstan'"),
        (90, 11, "placeholder", "unknown placeholder '{stat}'"),
        (94, 18, "range", "probability must be between 0 and 1; got 1.5"),
        (101, 20, "unknown-type", "unknown effect type 'adjustt' (did you mean 'adjust'?)"),
        (106, 25, "range", "strength must be between 0 and 5; got 9"),
    ],
}
# Files whose first problems are checked but which report more (an alias bomb has many aliases).
AT_LEAST: dict[str, list[tuple[int, int, str, str]]] = {
    "alias-bomb.yaml": [
        (114, 1, "unknown-key", "unknown key 'lol'"),
        (115, 6, "anchor", "anchors (&a) are not allowed"),
        (116, 10, "alias", "aliases (*a) are not allowed"),
    ],
}
# Files that load, with a warning that fails only `validate --strict`.
WARNED: dict[str, list[tuple[int, int, str, str]]] = {
    "misspelt-global.yaml": [
        (
            14,
            18,
            "unused",
            "'war_in_ukrane' is not used by any rule, condition or effect (did you mean 'war_in_ukraine'?)",
        )
    ],
}
HOSTILE = ["alias-bomb.yaml", "deep-nesting.yaml", "binary.yaml", "python-tag.yaml"]
THROUGH_SUBPROCESS = ["python-tag.yaml", "alias-bomb.yaml", "deep-nesting.yaml", "utf16.yaml", "several-mistakes.yaml"]


def _located(path: Path) -> list[tuple[int, int, str, str]]:
    _, problems = check_scenario(path)
    return [(p.line, p.column, p.code, p.message) for p in problems]


def _matches(found: tuple[int, int, str, str], expected: tuple[int, int, str, str]) -> bool:
    return found[:3] == expected[:3] and expected[3] in found[3]


def test_the_corpus_and_the_table_agree() -> None:
    """Every broken file has expectations and every expectation has a file."""
    assert sorted(p.name for p in BAD.glob("*.yaml")) == sorted([*EXPECTED, *AT_LEAST, *WARNED])


def test_the_minimal_scenario_is_valid() -> None:
    scenario, problems = check_scenario(GOOD / "minimal.yaml")
    assert problems == []
    assert scenario is not None and scenario.id == "minimal"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_mistake_is_reported_exactly(name: str) -> None:
    """Exactly the expected problems, at the expected line and column, in file order."""
    found = _located(BAD / name)
    expected = EXPECTED[name]
    assert len(found) == len(expected), found
    for got, want in zip(found, expected, strict=True):
        assert _matches(got, want), (got, want)


@pytest.mark.parametrize("name", sorted(AT_LEAST))
def test_hostile_files_report_their_first_problems(name: str) -> None:
    found = _located(BAD / name)
    for want in AT_LEAST[name]:
        assert any(_matches(got, want) for got in found), want
    assert found == sorted(found, key=lambda problem: problem[:2])
    assert len(found) < 40, "a hostile file must not flood the author with lines"


@pytest.mark.parametrize("name", sorted(set(EXPECTED) - set(THROUGH_SUBPROCESS)))
def test_validate_command_in_process(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`validate FILE` exits 1 and prints each problem as file:line:column: error[code]."""
    path = BAD / name
    assert main(["validate", str(path)]) == 1
    out, err = capsys.readouterr()
    for line, column, code, phrase in EXPECTED[name]:
        assert f"{path}:{line}:{column}: error[{code}]: " in out
        assert phrase in out
    assert "Traceback" not in out + err
    assert ": ok (" not in out


@pytest.mark.parametrize("name", THROUGH_SUBPROCESS)
def test_validate_command_as_a_process(name: str) -> None:
    """The real command line, as an author runs it: exit 1, the lines on stdout, no traceback."""
    path = BAD / name
    run = subprocess.run(
        [sys.executable, "main.py", "validate", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 1
    expected = EXPECTED.get(name) or AT_LEAST[name]
    for line, column, code, _ in expected:
        assert f"{path}:{line}:{column}: error[{code}]: " in run.stdout
    assert "Traceback" not in run.stdout + run.stderr


@pytest.mark.parametrize("name", sorted(WARNED))
def test_warnings_fail_only_under_strict(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = BAD / name
    found = _located(path)
    assert len(found) == len(WARNED[name])
    for got, want in zip(found, WARNED[name], strict=True):
        assert _matches(got, want), (got, want)
    assert main(["validate", str(path)]) == 0
    assert main(["validate", "--strict", str(path)]) == 1
    out = capsys.readouterr().out
    line, column, code, _ = WARNED[name][0]
    assert out.count(f"{path}:{line}:{column}: warning[{code}]: ") == 2


def _bounded(path: Path) -> list[tuple[int, int, str, str]]:
    """Check a file, asserting a generous bound on peak memory; the time is printed as a figure, not asserted.

    A wall-clock bound fails on a loaded machine for reasons that have nothing to do with the code;
    the memory bound and the node and size caps it exercises are what keep hostile files cheap.
    """
    check_scenario(GOOD / "minimal.yaml")  # build cattrs' structuring code outside the measurement
    tracemalloc.start()
    started = time.perf_counter()
    try:
        found = _located(path)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    print(f"{path.name}: checked in {elapsed:.2f} s, peak {peak / 1e6:.1f} MB")
    assert peak < 50_000_000, f"{path.name} used {peak / 1e6:.0f} MB"
    return found


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_files_are_cheap(name: str) -> None:
    assert _bounded(BAD / name)


def test_a_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_text(MINIMAL + "# " + "x" * 2_100_000 + "\n", encoding="utf-8")
    assert _bounded(path) == [(1, 1, "size", "the file is larger than 2 MB; a scenario is far smaller")]


def test_a_file_with_too_many_values_stops_early(tmp_path: Path) -> None:
    """Just under the size cap but hundreds of thousands of values: the node cap stops it."""
    path = tmp_path / "many.yaml"
    path.write_text(MINIMAL + "padding: [" + "1," * 850_000 + "1]\n", encoding="utf-8")
    found = _bounded(path)
    assert [(line, code) for line, _, code, _ in found] == [(114, "size")]
    assert "more than 50000 values" in found[0][3]


def test_deep_block_nesting_stops_at_the_cap(tmp_path: Path) -> None:
    """1000 levels of indentation (rather than brackets) stop at our own depth cap."""
    path = tmp_path / "deep.yaml"
    path.write_text(MINIMAL + "".join(" " * level + f"k{level}:\n" for level in range(1000)), encoding="utf-8")
    found = _bounded(path)
    assert len(found) == 1
    line, column, code, message = found[0]
    assert (line, column, code) == (114 + MAX_DEPTH, MAX_DEPTH + 1, "depth")  # level 41 is refused
    assert f"deeper than {MAX_DEPTH} levels" in message


def test_the_pure_python_parser_gives_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml the reader falls back to PyYAML's own parser; authors see the same problems.

    Only the depth problem differs in its column: libyaml stops at its own cap, past ours.
    """
    import yaml

    from game.content import yamlread

    with_libyaml = {name: _located(BAD / name) for name in EXPECTED}
    monkeypatch.setattr(yamlread, "_Loader", yaml.SafeLoader)
    for name, found in with_libyaml.items():
        without = _located(BAD / name)
        if name == "deep-nesting.yaml":
            assert [(line, code) for line, _, code, _ in without] == [(11, "depth")]
        else:
            assert without == found, name
