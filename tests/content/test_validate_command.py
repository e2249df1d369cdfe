"""`python main.py validate FILE... [--format json] [--strict]`: output and exit codes.

0 when every file is valid, 1 when any has errors (or warnings under --strict), 2 for usage
errors. Most cases run in-process; one runs the real command line.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

HERE = Path(__file__).parent
REPO = HERE.parents[1]
MINIMAL = HERE / "good" / "minimal.yaml"
WINDOW = REPO / "scenarios" / "window-2023.yaml"
SEVERAL = HERE / "bad" / "several-mistakes.yaml"
US_LINE = "    budget: {soft_power: 4, trade: 4, diplomacy: 4}\n"


@pytest.fixture
def with_warning(tmp_path: Path) -> Path:
    """A valid scenario with one warning: a doctrine for the US, which a person plays."""
    text = MINIMAL.read_text(encoding="utf-8")
    assert US_LINE in text
    path = tmp_path / "us-doctrine.yaml"
    path.write_text(text.replace(US_LINE, US_LINE + "    doctrine: {summary: Ignored., priorities: []}\n", 1))
    return path


def test_valid_files_exit_0_and_say_ok(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINIMAL), str(WINDOW)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{MINIMAL}: ok (2 states, 3 actions, 1 event)",
        f"{WINDOW}: ok (5 states, 33 actions, 16 events)",
    ]


def test_one_bad_file_fails_the_run_but_every_file_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SEVERAL), str(MINIMAL)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 9
    assert all(line.startswith(f"{SEVERAL}:") for line in out[:8])
    assert out[8] == f"{MINIMAL}: ok (2 states, 3 actions, 1 event)"


def test_several_mistakes_are_all_reported_sorted_by_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SEVERAL)]) == 1
    lines = [int(line.split(":")[1]) for line in capsys.readouterr().out.splitlines()]
    assert lines == sorted(lines) and len(lines) == 8


def test_a_missing_file_is_an_error_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere.yaml"
    assert main(["validate", str(missing)]) == 1
    assert capsys.readouterr().out == f"{missing}:0:0: error[file]: no such file\n"


@pytest.mark.parametrize(
    "argv",
    [["validate"], ["validate", "--bogus", str(MINIMAL)], ["validate", "--format", "xml", str(MINIMAL)]],
    ids=["no-files", "unknown-option", "unknown-format"],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


def test_usage_error_from_the_real_command_line() -> None:
    run = subprocess.run(
        [sys.executable, "main.py", "validate"], cwd=REPO, capture_output=True, text=True, timeout=60, check=False
    )
    assert run.returncode == 2
    assert "the following arguments are required: FILE" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_json_lists_every_problem_with_its_place(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", str(SEVERAL), str(MINIMAL)]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert len(problems) == 8
    assert set(problems[0]) == {"file", "line", "column", "severity", "code", "message"}
    assert problems[0] == {
        "file": str(SEVERAL),
        "line": 22,
        "column": 5,
        "severity": "error",
        "code": "unknown-key",
        "message": "states['kazakhstan'].stabilty: unknown key 'stabilty' (did you mean 'stability'?)",
    }
    assert [p["line"] for p in problems] == sorted(p["line"] for p in problems)


def test_json_for_valid_files_is_an_empty_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(MINIMAL), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_warnings_pass_unless_strict(with_warning: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(with_warning)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{with_warning}:41:") and "warning[warning]: " in out[0]
    assert "its doctrine is ignored" in out[0]
    assert out[1] == f"{with_warning}: ok (2 states, 3 actions, 1 event; 1 warning)"


def test_strict_fails_on_warnings(with_warning: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", str(with_warning)]) == 1
    out = capsys.readouterr().out
    assert "warning[warning]" in out and ": ok (" not in out
    assert main(["validate", "--strict", str(MINIMAL)]) == 0


def test_strict_json_reports_the_warning(with_warning: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--strict", "--format", "json", str(with_warning)]) == 1
    [problem] = json.loads(capsys.readouterr().out)
    assert (problem["severity"], problem["line"]) == ("warning", 41)
