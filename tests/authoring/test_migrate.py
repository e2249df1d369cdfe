"""`migrate` upgrades old files in place, keeping every comment and the layout byte for byte.

Version 1 is the only format so far, so the machinery is tested with a test-only step
(0 -> 1: the key 'quarters' was renamed 'turns').
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content import migrate
from game.content.loader import check_scenario
from tests.authoring.conftest import MINIMAL, WINDOW, cli

OLD = """\
# An old scenario: comments like this one must survive.
format_version: 0   # written before 'turns' was called that
id: old
quarters: 8         # eight quarters [SOURCE, A]
start: {year: 2024, quarters_note: keep, quarter: 1}
"""


@pytest.fixture
def rename_step(monkeypatch: pytest.MonkeyPatch) -> migrate.Migration:
    step = migrate.Migration(0, "the key 'quarters' is now 'turns'", migrate.rename_key("quarters", "turns", indent=0))
    monkeypatch.setitem(migrate.MIGRATIONS, 0, step)
    return step


def test_a_current_file_is_already_at_version_1(tmp_path: Path, capsys) -> None:
    path = Path(shutil.copy(WINDOW, tmp_path / WINDOW.name))
    before = path.read_bytes()
    assert cli("migrate", str(path)) == 0
    assert cli("migrate", "--check", str(path)) == 0
    assert path.read_bytes() == before
    assert capsys.readouterr().out.count("already at version 1") == 2


def test_a_step_changes_only_what_it_must(tmp_path: Path, rename_step: migrate.Migration, capsys) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(OLD, encoding="utf-8")
    assert cli("migrate", str(path)) == 0
    expected = OLD.replace("format_version: 0", "format_version: 1").replace("\nquarters: 8", "\nturns: 8")
    assert path.read_text(encoding="utf-8") == expected, "comments and layout survive byte for byte"
    out = capsys.readouterr().out
    assert "migrated from version 0 to 1" in out and "0 -> 1: the key 'quarters' is now 'turns'" in out


def test_check_reports_but_never_writes(tmp_path: Path, rename_step: migrate.Migration, capsys) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(OLD, encoding="utf-8")
    assert cli("migrate", "--check", str(path)) == 1
    assert path.read_text(encoding="utf-8") == OLD
    assert "needs migrating from version 0 to 1" in capsys.readouterr().out


def test_a_migrated_file_loads(tmp_path: Path, rename_step: migrate.Migration) -> None:
    old = MINIMAL.read_text(encoding="utf-8").replace("format_version: 1", "format_version: 0")
    old = old.replace("turns: 8", "quarters: 8  # a comment to keep")
    path = tmp_path / "minimal.yaml"
    path.write_text(old, encoding="utf-8")
    assert cli("migrate", str(path)) == 0
    scenario, problems = check_scenario(path)
    assert scenario is not None and problems == [] and scenario.turns == 8
    assert "turns: 8  # a comment to keep" in path.read_text(encoding="utf-8")


def test_a_version_without_a_step_is_refused(tmp_path: Path, capsys) -> None:
    path = tmp_path / "old.yaml"
    path.write_text(OLD, encoding="utf-8")
    assert cli("migrate", str(path)) == 1
    assert "no migration from format_version 0" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == OLD


def test_a_newer_or_missing_version_is_refused(tmp_path: Path, capsys) -> None:
    newer, missing = tmp_path / "newer.yaml", tmp_path / "missing.yaml"
    newer.write_text("format_version: 9\n", encoding="utf-8")
    missing.write_text("id: x\n", encoding="utf-8")
    assert cli("migrate", str(newer), str(missing)) == 1
    err = capsys.readouterr().err
    assert "newer than this game reads" in err and "no top-level 'format_version:' line" in err


def test_rename_key_handles_flow_mappings_and_leaves_other_keys() -> None:
    rename = migrate.rename_key("amount", "points")
    text = "effects:\n  - {type: goodwill, amount: 4}\n  - type: adjust\n    amount: 2  # keep\namounts: 1\n"
    assert (
        rename(text)
        == "effects:\n  - {type: goodwill, points: 4}\n  - type: adjust\n    points: 2  # keep\namounts: 1\n"
    )


def test_every_registered_step_goes_up_by_one() -> None:
    for version, step in migrate.MIGRATIONS.items():
        assert step.from_version == version and step.description
