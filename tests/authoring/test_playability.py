"""The validator warns about what a file promises but can never deliver, at the line to change.

Each file in `playability/` is tests/content/good/minimal.yaml with one kind of dead content.
The warnings never fail `validate` (only `--strict`), and the shipped scenarios have none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.content.loader import check_scenario

HERE = Path(__file__).parent / "playability"
SCENARIOS = sorted((Path(__file__).resolve().parents[2] / "scenarios").glob("*.yaml"))

EXPECTED = {
    "never-fires.yaml": [
        (107, 18, "never-fires", "event 'never_rolled' can never fire: its probability is 0"),
        (112, 16, "never-fires", "'too_late' can never fire: its turn condition never holds during the campaign's 8"),
        (122, 16, "never-fires", "waits for 'once_only' to fire 2 times, but that event can fire at most 1 time"),
        (127, 16, "never-fires", "'after_dead' can never fire: it waits for 'never_rolled', which can never fire"),
        (142, 18, "never-fires", "this question is never asked: event 'too_late' can never fire"),
    ],
    "unaffordable.yaml": [
        (62, 19, "unaffordable", "it needs 40 political capital, but at most 30 can be banked"),
        (72, 11, "unaffordable", "it costs 16 diplomacy points, but russia holds at most 15"),
    ],
    "unreachable.yaml": [
        (109, 18, "unreachable", "victory_score 125 is above the highest possible score 120"),
        (112, 28, "unreachable", "grade A can never be reached: it needs 130"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_dead_promise_is_a_warning_at_its_line(name: str) -> None:
    scenario, problems = check_scenario(HERE / name)
    assert scenario is not None, "warnings never stop a scenario from loading"
    found = [(p.line, p.column, p.code, p.message) for p in problems]
    assert len(found) == len(EXPECTED[name]), found
    for got, (line, column, code, phrase) in zip(found, EXPECTED[name], strict=True):
        assert got[:3] == (line, column, code) and phrase in got[3], got
    assert all(p.severity == "warning" for p in problems)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_warnings_fail_only_under_strict(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(HERE / name)]) == 0
    assert main(["validate", "--strict", str(HERE / name)]) == 1
    capsys.readouterr()


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.stem for p in SCENARIOS])
def test_shipped_scenarios_promise_nothing_they_cannot_deliver(path: Path) -> None:
    _, problems = check_scenario(path)
    assert [str(p) for p in problems if p.code in ("never-fires", "unaffordable", "unreachable")] == []


def test_removing_an_event_a_question_waits_on_is_an_error(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(SCENARIOS[0].parent / "window-2023.yaml", folder)
    child = folder / "child.yaml"
    child.write_text(
        "format_version: 1\nextends: window-2023.yaml\nid: child\nremove:\n  events: [c5plus1_summit]\n",
        encoding="utf-8",
    )
    scenario, problems = check_scenario(child)
    assert scenario is None
    assert [(p.code, Path(p.file).name) for p in problems] == [("reference", "window-2023.yaml")]
    assert "reflections['after_summit'].after_event: unknown event 'c5plus1_summit'" in problems[0].message
