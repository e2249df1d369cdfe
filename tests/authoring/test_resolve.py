"""`resolve` prints the merged scenario with the file and line behind every value."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from game.content.inherit import read_with_parents
from game.content.resolve import resolved_yaml
from game.content.yamlread import parse_yaml_text
from tests.authoring.conftest import HERE, WINDOW, cli

CHILD = HERE / "schema_corpus" / "child-good.yaml"


def _child(scenarios_dir: Path) -> Path:
    return Path(shutil.copy(CHILD, scenarios_dir / CHILD.name))


def _line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_each_value_names_the_file_and_line_that_set_it(scenarios_dir: Path, capsys) -> None:
    child = _child(scenarios_dir)
    assert cli("resolve", str(child)) == 0
    out = capsys.readouterr().out
    assert f"turns: 20  # from child-good.yaml:{_line_of(child, 'turns: 20')}" in out
    assert f"stability: 50  # from child-good.yaml:{_line_of(child, 'stability: 50')}" in out
    assert f"capital: Astana  # from window-2023.yaml:{_line_of(WINDOW, 'capital: Astana')}" in out
    assert "brics_expansion" not in out, "a removed event is gone from the merged scenario"
    assert "id: teacher_exchange  # from child-good.yaml" in out


def test_a_one_line_value_stays_on_one_line(scenarios_dir: Path, capsys) -> None:
    cli("resolve", str(_child(scenarios_dir)))
    out = capsys.readouterr().out
    line = _line_of(WINDOW, "{type: goodwill, amount: 4}")
    assert f"effects: [{{type: goodwill, amount: 4}}]  # from window-2023.yaml:{line}" in out
    # The child changed one key of kazakhstan's alignment: the mapping is split per key.
    assert "us: 30  # from child-good.yaml" in out and "russia: 46  # from window-2023.yaml:" in out


def test_the_printed_yaml_reads_back_as_the_merged_data(scenarios_dir: Path) -> None:
    for path in (_child(scenarios_dir), WINDOW):
        document, problems = read_with_parents(path)
        assert document is not None and [p for p in problems if p.severity == "error"] == []
        assert parse_yaml_text(resolved_yaml(document), "resolved").data == document.data


def test_json_gives_the_data_and_every_origin(scenarios_dir: Path, capsys) -> None:
    child = _child(scenarios_dir)
    assert cli("resolve", str(child), "--format", "json") == 0
    result = json.loads(capsys.readouterr().out)
    assert result["scenario"]["turns"] == 20
    assert result["origins"]["turns"] == f"{child}:{_line_of(child, 'turns: 20')}:8"
    assert result["origins"]["states[0].name"].startswith(str(scenarios_dir / "window-2023.yaml"))


def test_a_broken_parent_chain_exits_1_with_the_problem(scenarios_dir: Path, capsys) -> None:
    child = scenarios_dir / "orphan.yaml"
    child.write_text("format_version: 1\nextends: missing.yaml\nid: orphan\n", encoding="utf-8")
    assert cli("resolve", str(child)) == 1
    assert "the parent file 'missing.yaml' does not exist" in capsys.readouterr().err
