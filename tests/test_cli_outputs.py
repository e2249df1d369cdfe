"""A command whose output path cannot be written says so at once, before computing anything."""

from __future__ import annotations

import pytest

from game.cli import main
from tests.conftest import ROOT


@pytest.fixture
def a_file(tmp_path):
    path = tmp_path / "taken.json"
    path.write_text("{}", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "arguments",
    [
        ["simulate", "--runs", "1", "--out"],
        ["experiment", "thesis", "--runs", "2", "--out"],
        ["report", str(ROOT / "scenarios"), "--out"],
        ["schema", "--out"],
    ],
    ids=["simulate", "experiment", "report", "schema"],
)
def test_an_output_path_that_is_taken_is_a_usage_error_not_a_traceback(arguments, a_file, tmp_path, capsys):
    target = a_file if arguments[0] != "schema" else tmp_path  # schema writes a file: a folder is in the way
    code = main([*arguments, str(target)])
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot write to" in err and str(target) in err
    assert "Traceback" not in err
