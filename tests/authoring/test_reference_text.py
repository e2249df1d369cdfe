"""The format reference reads as an author expects: author-facing types, every code, scoring explained."""

from __future__ import annotations

from game.content.docs import readme_text


def test_every_code_the_checker_prints_is_in_the_codes_table():
    assert "| `unknown-id` |" in readme_text()


def test_the_extends_section_says_where_parents_are_looked_for():
    text = readme_text()
    assert "among the game's own scenarios" in text
    assert "Parents must be inside the scenarios folder" not in text


def test_optional_conditions_are_shown_as_conditions_not_python_types():
    text = readme_text()
    assert "typing." not in text and "game.content" not in text
    assert "| `when` | [condition](#conditions) or nothing |" in text


def test_the_reference_says_what_earns_milestone_points_and_how_often():
    text = readme_text()
    assert "## Scoring: what earns points, and when" in text
    assert "both** state flags `pntr` and `pntr_eligible`" in text
    assert "counts on every turn it holds" in text
    assert "**starts** at 100" in text


def test_every_example_of_the_format_additions_validates_as_a_child(tmp_path):
    import re
    import shutil

    from game.content.docs import EXPANSIONS
    from game.content.loader import check_scenario
    from tests.conftest import WINDOW_2023

    folder = tmp_path / "scenarios"
    folder.mkdir()
    shutil.copy(WINDOW_2023, folder / WINDOW_2023.name)
    blocks = re.findall(r"```yaml\n(.*?)```", EXPANSIONS, re.DOTALL)
    assert len(blocks) == 5  # numbers, own variables, lasting effects, conditional choices, another power
    for index, block in enumerate(blocks):
        path = folder / f"example-{index}.yaml"
        path.write_text(f"format_version: 1\nextends: window-2023.yaml\nid: example-{index}\n{block}", encoding="utf-8")
        scenario, problems = check_scenario(path)
        assert scenario is not None, [str(p) for p in problems]
        assert [str(p) for p in problems if p.severity == "error"] == []
