"""The format reference is generated, current, complete, and its walk-through ends in a working file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import attrs

from game.batch.campaign import play_campaign
from game.content import conditions as cond
from game.content import effects as eff
from game.content.docs import ERROR_CODES, README, WALKTHROUGH_FILE, WALKTHROUGH_NAME, readme_text
from game.content.loader import check_scenario
from game.content.rules import RuleParams
from tests.authoring.conftest import HERE, ROOT, cli

FIXTURE = HERE / "fixtures" / WALKTHROUGH_NAME


def test_the_committed_readme_is_current(capsys) -> None:
    assert README.read_text(encoding="utf-8") == readme_text(), "run: python main.py docs"
    assert cli("docs", "--check") == 0
    capsys.readouterr()


def test_docs_check_fails_on_a_stale_file(tmp_path: Path, capsys) -> None:
    stale = tmp_path / "README.md"
    stale.write_text("old\n", encoding="utf-8")
    assert cli("docs", "--check", "--out", str(stale)) == 1
    assert cli("docs", "--out", str(stale)) == 0
    assert cli("docs", "--check", "--out", str(stale)) == 0
    capsys.readouterr()


def test_every_rule_parameter_effect_and_condition_is_documented() -> None:
    text = readme_text()
    for group in attrs.fields(RuleParams):
        assert f"### rules.{group.name}" in text
        for field in attrs.fields(type(group.default)):
            assert f"| `{field.name}` |" in text and field.metadata["doc"] in text
    for tag, cls in [*eff.EFFECT_TYPES.items(), *cond.CONDITION_TYPES.items()]:
        assert f"### `type: {tag}`" in text and cls.EXAMPLE in text


def test_every_error_code_the_checker_uses_is_documented() -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "game" / "content").glob("*.py"))
    used = set(re.findall(r'code="([a-z-]+)"', sources))
    used |= set(re.findall(r'_(?:error|warning)\([^()]*?(?:\([^()]*\)[^()]*?)*"([a-z-]+)",?\s*\)', sources, re.DOTALL))
    for folder in (ROOT / "tests" / "content" / "bad", HERE / "playability"):
        for path in folder.glob("*.yaml"):
            used |= {p.code for p in check_scenario(path)[1]}
    assert used - set(ERROR_CODES) == set()


def test_the_walkthroughs_final_file_is_the_fixture_and_in_the_readme() -> None:
    assert FIXTURE.read_text(encoding="utf-8") == WALKTHROUGH_FILE
    assert WALKTHROUGH_FILE in readme_text()


def test_the_walkthroughs_final_file_validates_clean_and_plays(scenarios_dir: Path) -> None:
    path = Path(shutil.copy(FIXTURE, scenarios_dir / FIXTURE.name))
    scenario, problems = check_scenario(path)
    assert scenario is not None and [str(p) for p in problems] == []
    assert scenario.turns == 20 and scenario.rules.russia_strain.strength == 0
    assert "teacher_exchange" in [a.id for a in scenario.actions]
    assert "border_clash" not in [e.id for e in scenario.events]
    sim = play_campaign(scenario, 5, "balanced")
    assert sim.state.finished and len(sim.state.score_history) == 20
