"""The format reference reads as an author expects: author-facing types, every code, scoring explained."""

from __future__ import annotations

from game.content.docs import readme_text


def test_every_code_the_checker_prints_is_in_the_codes_table():
    assert "| `unknown-id` |" in readme_text()


def test_the_extends_section_says_where_parents_are_looked_for():
    text = readme_text()
    assert "among the game's own scenarios" in text
    assert "Parents must be inside the scenarios folder" not in text
