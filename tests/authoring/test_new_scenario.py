"""`new-scenario` writes a commented file that validates clean and plays; it never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.batch.campaign import play_campaign
from game.content.loader import check_scenario
from tests.authoring.conftest import cli


def _plays_eight_turns(path: Path, warned: tuple[str, ...] = ()) -> None:
    """Valid and playable; `warned` are the only warning codes it may (and must) raise."""
    scenario, problems = check_scenario(path)
    assert scenario is not None and [str(p) for p in problems if p.code not in warned] == []
    assert sorted({p.code for p in problems}) == sorted(warned)
    sim = play_campaign(scenario, 3, "balanced", turns=8)
    assert len(sim.reports) == min(8, scenario.turns)


def test_a_stand_alone_scenario_validates_clean_and_plays(scenarios_dir: Path, capsys) -> None:
    assert cli("new-scenario", "my-lesson", "--out", str(scenarios_dir)) == 0
    path = scenarios_dir / "my-lesson.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "id: my-lesson" in text and text.count("# ") > 15, "the template explains itself in comments"
    _plays_eight_turns(path)
    assert "validates clean" in capsys.readouterr().out


def test_a_child_extends_its_parent_and_shows_how_to_change_it(scenarios_dir: Path) -> None:
    assert cli("new-scenario", "my-variant", "--from", str(scenarios_dir / "window-2023.yaml")) == 0
    path = scenarios_dir / "my-variant.yaml"
    text = path.read_text(encoding="utf-8")
    assert "extends: window-2023.yaml" in text
    for example in (
        "# turns: 20",
        "#   - id: my_new_action",
        "# remove:",
        "#   events: [critical_minerals_dialogue]",
        "# rules:",
    ):
        assert example in text, "the examples name a parent event that nothing else waits on"
    _plays_eight_turns(path)


def test_uncommenting_the_childs_examples_still_validates(scenarios_dir: Path) -> None:
    """The commented examples name the parent's own ids, so using them gives no unknown-id error."""
    assert cli("new-scenario", "my-variant", "--from", str(scenarios_dir / "window-2023.yaml")) == 0
    path = scenarios_dir / "my-variant.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# turns:"))
    # Examples are commented YAML (lower-case or indented after '# '); the prose above each is capitalised.
    uncommented = lines[:start] + [
        line[2:] for line in lines[start:] if line.startswith("# ") and (line[2].islower() or line[2] == " ")
    ]
    path.write_text("\n".join(uncommented) + "\n", encoding="utf-8")
    # `turns: 20` keeps the parent's thresholds: the comment above it says so, and so does validate.
    _plays_eight_turns(path, warned=("shortened",))


def test_an_existing_file_is_never_overwritten(scenarios_dir: Path, capsys) -> None:
    path = scenarios_dir / "window-2023.yaml"
    before = path.read_bytes()
    assert cli("new-scenario", "window-2023", "--out", str(scenarios_dir)) == 1
    assert path.read_bytes() == before
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["My Lesson", "lesson!", "Window"])
def test_a_name_that_cannot_be_an_id_is_a_usage_error(name: str, scenarios_dir: Path, capsys) -> None:
    assert cli("new-scenario", name, "--out", str(scenarios_dir)) == 2
    assert "cannot be a scenario id" in capsys.readouterr().err


def test_an_unknown_parent_gets_a_did_you_mean(tmp_path: Path, capsys) -> None:
    assert cli("new-scenario", "x", "--from", "window-2032", "--out", str(tmp_path)) == 1
    assert "did you mean 'window-2023'?" in capsys.readouterr().err
    assert not (tmp_path / "x.yaml").exists()


def test_a_child_of_a_shipped_scenario_can_be_written_in_any_folder(tmp_path: Path, capsys) -> None:
    own = tmp_path / "my-lessons"
    assert cli("new-scenario", "my-variant", "--from", "classroom-45min", "--out", str(own)) == 0
    path = own / "my-variant.yaml"
    assert "extends: classroom-45min.yaml" in path.read_text(encoding="utf-8")  # by name, as the loader finds it
    assert "validates clean" in capsys.readouterr().out
