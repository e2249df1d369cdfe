"""The JSON Schema: generated from the definitions, committed current, and in agreement with the loader.

The agreement test feeds every corpus file that is one syntactically valid YAML document to
the independent `jsonschema` package (Draft7Validator) and to the loader. Where a mistake is
structural (types, unknown keys, missing keys, enum values, ranges of single values) both
must call the file valid or both invalid. A few files are broken in ways a schema cannot
express; `SCHEMA_CANNOT_SEE` names them and says why, and a test checks that they really are
schema-valid and loader-invalid (so the list cannot hide a real disagreement).

Files are read with the game's strict reader (as the YAML language server reads YAML 1.2:
`yes` is text, not a boolean); one that the strict reader refuses as a whole (a list, an
empty file) is read with PyYAML instead.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from game.content import conditions as cond
from game.content import effects as eff
from game.content.loader import check_scenario
from game.content.schema import schema_text
from game.content.yamlread import YamlError, read_yaml_file
from tests.authoring.conftest import HERE, ROOT, SCENARIOS, WINDOW, cli

SCHEMA_FILE = ROOT / "schema" / "scenario.schema.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)
BAD = ROOT / "tests" / "content" / "bad"
CORPUS_DIR = HERE / "schema_corpus"

# Broken files the schema cannot see, and why: the loader alone reports them.
SCHEMA_CANNOT_SEE = {
    "bad-default-choice.yaml": "cross-reference: default_choice names a choice id that does not exist",
    "unknown-action.yaml": "cross-reference: an unknown action id",
    "unknown-state.yaml": "cross-reference: an unknown state id",
    "unknown-key-nested.yaml": "cross-reference: alignment is keyed by the scenario's declared powers",
    "wrong-power-action.yaml": "cross-reference: a doctrine names another power's action",
    "duplicate-id.yaml": "uniqueness of ids across list items",
    "bad-placeholder.yaml": "the {placeholders} inside player-facing text",
    "broken-placeholder.yaml": "the {placeholders} inside player-facing text",
    "duplicate-key.yaml": "YAML level: parsed data keeps one of the two keys",
    "custom-tag.yaml": "YAML level: a tag on a plain value leaves valid-looking data",
    "child-new-item-incomplete.yaml": "only the merge knows that an id is new, so that its item must be complete",
}
# Files that are not one YAML document a schema could be applied to (the loader's syntax checks).
NOT_ONE_DOCUMENT = {
    "binary.yaml",
    "colon-in-value.yaml",
    "control-character.yaml",
    "deep-nesting.yaml",
    "inconsistent-indentation-less.yaml",
    "inconsistent-indentation.yaml",
    "latin1.yaml",
    "missing-colon.yaml",
    "second-document.yaml",
    "tab-indentation.yaml",
    "unclosed-brace.yaml",
    "unclosed-quote-runaway.yaml",
    "unclosed-quote.yaml",
    "utf16.yaml",
}


def _data(path: Path) -> tuple[bool, Any]:
    """(is one YAML document, its data)."""
    try:
        return True, read_yaml_file(path).data
    except YamlError:
        pass
    try:
        return True, yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, RecursionError):
        return False, None


def _corpus(scenarios_dir: Path) -> list[Path]:
    """Good, bad and child files; children are copied beside window-2023 so their parent resolves."""
    files = [*sorted((ROOT / "tests" / "content" / "good").glob("*.yaml")), *sorted(SCENARIOS.glob("*.yaml"))]
    files += sorted(BAD.glob("*.yaml"))
    for child in sorted(CORPUS_DIR.glob("*.yaml")):
        files.append(Path(shutil.copy(child, scenarios_dir / child.name)))
    return files


def test_the_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), "run: python main.py schema --out " + str(
        SCHEMA_FILE
    )
    assert cli("schema", "--check") == 0


def test_the_schema_is_a_valid_draft7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)


def _objects(node: Any, where: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            found.append((where, node))
        for key, value in node.items():
            found += _objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _objects(value, f"{where}/{index}")
    return found


def test_every_key_has_a_description_and_no_object_takes_unknown_keys() -> None:
    objects = _objects(SCHEMA)
    assert len(objects) > 50
    for where, node in objects:
        if "oneOf" in node:  # a tagged union: its branches close it
            continue
        assert node.get("additionalProperties") is False, where
        for key, prop in node["properties"].items():
            assert prop.get("description"), f"{where}/properties/{key}"


def test_every_effect_and_condition_type_is_a_tagged_branch() -> None:
    definitions = SCHEMA["definitions"]
    for kind, registry in (("effect", eff.EFFECT_TYPES), ("condition", cond.CONDITION_TYPES)):
        branches = {ref["$ref"].rsplit("/", 1)[1] for ref in definitions[kind]["oneOf"]}
        assert branches == {f"{kind}.{tag}" for tag in registry}
        for tag, cls in registry.items():
            branch = definitions[f"{kind}.{tag}"]
            assert branch["properties"]["type"]["const"] == tag
            assert cls.EXAMPLE in branch["description"]


def test_rule_parameter_ranges_and_claims_reach_the_schema() -> None:
    strength = SCHEMA["definitions"]["Balancing"]["properties"]["strength"]
    assert (strength["minimum"], strength["maximum"], strength["default"]) == (0, 5, 1.0)
    assert "claim C1" in strength["description"]
    alignment = SCHEMA["definitions"]["StateDef"]["properties"]["alignment"]["additionalProperties"]
    assert (alignment["minimum"], alignment["maximum"]) == (0, 100)  # for every power, declared or added


def test_the_schema_and_the_loader_agree_on_every_structural_mistake(scenarios_dir: Path) -> None:
    checked, skipped, disagreements = 0, set(), []
    for path in _corpus(scenarios_dir):
        is_document, data = _data(path)
        if not is_document:
            skipped.add(path.name)
            continue
        schema_ok = not list(VALIDATOR.iter_errors(data))
        scenario, problems = check_scenario(path)
        loader_ok = scenario is not None and not any(p.severity == "error" for p in problems)
        if path.name in SCHEMA_CANNOT_SEE:
            assert schema_ok and not loader_ok, f"{path.name} is listed as invisible to the schema"
            continue
        checked += 1
        if schema_ok != loader_ok:
            disagreements.append((path.name, schema_ok, loader_ok, [str(p) for p in problems][:2]))
    assert disagreements == []
    assert skipped == NOT_ONE_DOCUMENT
    assert checked >= 40


def test_a_child_may_leave_out_what_it_inherits_but_not_misspell_it() -> None:
    assert not list(VALIDATOR.iter_errors({"format_version": 1, "extends": "window-2023.yaml", "turns": 20}))
    errors = list(VALIDATOR.iter_errors({"extends": "window-2023.yaml", "states": [{"stability": 50}]}))
    assert any("'id' is a required property" in e.message for e in errors)
    assert list(VALIDATOR.iter_errors({"format_version": 1, "extends": "window-2023.yaml", "turnz": 20}))


def test_every_shipped_scenario_names_the_schema_on_its_first_line() -> None:
    for path in sorted(SCENARIOS.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=../schema/scenario.schema.json", path.name


def test_the_editor_settings_map_the_schema_to_scenario_files() -> None:
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {"./schema/scenario.schema.json": ["scenarios/**/*.yaml"]}
    assert WINDOW.is_file()


@pytest.mark.parametrize("name", sorted(SCHEMA_CANNOT_SEE))
def test_the_excluded_files_exist(name: str) -> None:
    assert (BAD / name).is_file() or (CORPUS_DIR / name).is_file()
