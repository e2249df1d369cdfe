"""`extends:` — a scenario that builds on a parent file and overrides only what differs.

One merge rule, documented in scenarios/README.md:
- mappings merge key by key;
- lists whose items all carry an `id` merge by id (a child item with a parent's id changes
  only the keys it gives; new items are added at the end);
- every other value (numbers, text, plain lists, lists of effects) is replaced whole, and so
  is an effect or condition whose `type` the child changes (its keys would not fit);
- a child item with a new id that has every required key is a new item, even when its id
  resembles a parent's; one that leaves required keys out and resembles a parent's id is
  reported as a misspelt change;
- a top-level `remove: {actions: [id, ...], events: [...], projects: [...], globals: [name]}`
  drops inherited items (any list of items with ids, or names from `globals:`), and a removal
  that matches nothing is an error.
A parent is looked for next to the child (its folder, or anywhere inside the nearest enclosing
folder named `scenarios`) and then, by file name, among the game's own scenarios; a path that
leads anywhere else is refused. Chains are at most `MAX_DEPTH` deep, and a cycle is an error.
Every merged value keeps the file, line and column that set it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from game.content.shortened import shortened_campaign
from game.content.yamlread import Document, Mark, Path_, Problem, YamlError, read_yaml_file

MAX_DEPTH = 5
SHIPPED = Path(__file__).resolve().parents[2] / "scenarios"
# The item class of each id list, so a new item can be told apart from a misspelt change.
ITEM_CLASSES: dict[str, str] = {
    "states": "StateDef",
    "powers": "PowerDef",
    "actions": "ActionDef",
    "events": "EventDef",
    "choices": "Choice",
    "projects": "ProjectDef",
    "difficulties": "Difficulty",
    "reflections": "Reflection",
    "priorities": "Priority",
    "responses": "Response",
}


def read_with_parents(path: str | Path) -> tuple[Document | None, list[Problem]]:
    """Read a file and, if it extends a parent, the merged document; plus the problems found."""
    try:
        document = read_yaml_file(path)
    except YamlError as error:
        return None, list(error.problems)
    return _resolve(document, Path(path), [Path(path).resolve()])


def _resolve(document: Document, path: Path, chain: list[Path]) -> tuple[Document | None, list[Problem]]:
    data = document.data
    if "extends" not in data:
        if "remove" in data:
            return None, [_problem(document, ("remove",), "'remove:' only makes sense with 'extends:'", "extends")]
        return document, []
    parent_name = data["extends"]
    if not isinstance(parent_name, str) or not parent_name.strip():
        return None, [
            _problem(document, ("extends",), "extends: needs the parent file's name, e.g. window-2023.yaml", "extends")
        ]
    parent_path, refusal = _find_parent(parent_name, path)
    if refusal:
        return None, [_problem(document, ("extends",), refusal, "extends")]
    if parent_path in chain:
        names = " -> ".join(p.name for p in [*chain, parent_path])
        return None, [_problem(document, ("extends",), f"extends goes round in a circle: {names}", "extends-cycle")]
    if len(chain) > MAX_DEPTH:
        message = f"extends goes more than {MAX_DEPTH} files deep; build on a closer parent"
        return None, [_problem(document, ("extends",), message, "extends")]
    try:
        parent = read_yaml_file(parent_path, display_name=_display(parent_path, path))
    except YamlError as error:
        return None, [
            _problem(document, ("extends",), f"the parent '{parent_name}' cannot be read (below)", "extends"),
            *error.problems,
        ]
    resolved, problems = _resolve(parent, parent_path, [*chain, parent_path])
    if resolved is None:
        return None, [
            _problem(document, ("extends",), f"the parent '{parent_name}' has problems (below)", "extends"),
            *problems,
        ]
    merged, merge_problems = merge(resolved, document)
    if len(chain) == 1:  # only the file being checked: its parents are checked on their own
        merge_problems += shortened_campaign(resolved, merged)
    return merged, [*problems, *merge_problems]


def _find_parent(name: str, child: Path) -> tuple[Path, str]:
    """The parent's path, or why it cannot be used (naming every folder looked in).

    Next to the child first, then the game's own scenarios by file name, so a teacher's file
    kept anywhere can still say `extends: window-2023.yaml`.
    """
    from game.content.structure import did_you_mean

    root = _scenarios_root(child)
    folders = [root] if SHIPPED.resolve() == root else [root, SHIPPED.resolve()]
    candidate = (child.parent / name).resolve()
    if root not in candidate.parents:
        message = (
            f"the parent '{name}' is outside the folders a parent may come from; "
            f"put it in {' or '.join(str(f) for f in folders)}"
        )
        return candidate, message
    if candidate.is_file():
        return candidate, ""
    shipped = (SHIPPED / name).resolve()
    if SHIPPED.resolve() in shipped.parents and shipped.is_file():
        return shipped, ""
    siblings = sorted({p.name for folder in folders for p in folder.glob("*.yaml") if p.resolve() != child.resolve()})
    looked = " and ".join(str(f) for f in folders)
    return candidate, f"the parent file '{name}' does not exist (looked in {looked}){did_you_mean(name, siblings)}"


def _scenarios_root(path: Path) -> Path:
    """The nearest enclosing folder named 'scenarios', else the file's own folder."""
    resolved = path.resolve()
    for folder in resolved.parents:
        if folder.name == "scenarios":
            return folder
    return resolved.parent


def _display(parent: Path, child: Path) -> str:
    """Name the parent as the child's path names it, so messages read naturally."""
    if parent.parent != Path(child).resolve().parent:
        return str(parent)  # found among the game's own scenarios: say exactly which file
    return str(Path(child).parent / parent.name)


def _problem(document: Document, path: Path_, message: str, code: str) -> Problem:
    line, column = document.mark(path)
    return Problem(document.file_for(path), line, column, message, code=code)


class _Merger:
    """Builds the merged data with the marks and file of every value."""

    def __init__(self) -> None:
        self.value_marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.origins: dict[Path_, str] = {}
        self.problems: list[Problem] = []
        self.replaced: set[Path_] = set()  # merged items already reported (the loader says no more there)

    def adopt(self, source: Document, source_path: Path_, target: Path_, value: Any) -> Any:
        """Copy a value from one document into the merged one, re-keying its marks."""
        self.origins[target] = source.file_for(source_path)
        for marks, own in ((self.value_marks, source.value_marks), (self.key_marks, source.key_marks)):
            if source_path in own:
                marks[target] = own[source_path]
        if isinstance(value, dict):
            return {k: self.adopt(source, (*source_path, k), (*target, k), v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.adopt(source, (*source_path, i), (*target, i), v) for i, v in enumerate(value)]
        return value

    def combine(
        self, parent: Document, p_path: Path_, child: Document, c_path: Path_, target: Path_, p_value: Any, c_value: Any
    ) -> Any:
        switched_type = (
            isinstance(p_value, dict)
            and isinstance(c_value, dict)
            and c_value.get("type", p_value.get("type")) != p_value.get("type")
        )
        if switched_type:  # an effect or condition of another kind replaces the parent's whole
            return self.adopt(child, c_path, target, c_value)
        if isinstance(p_value, dict) and isinstance(c_value, dict):
            merged = {}
            for key in p_value:
                if key in c_value:
                    merged[key] = self.combine(
                        parent, (*p_path, key), child, (*c_path, key), (*target, key), p_value[key], c_value[key]
                    )
                else:
                    merged[key] = self.adopt(parent, (*p_path, key), (*target, key), p_value[key])
            for key in c_value:
                if key not in p_value:
                    merged[key] = self.adopt(child, (*c_path, key), (*target, key), c_value[key])
            self._mark_container(child, c_path, target)
            return merged
        if _id_list(p_value) and _id_list(c_value):
            by_id = {item["id"]: index for index, item in enumerate(c_value)}
            merged_list: list[Any] = []
            for index, item in enumerate(p_value):
                here = (*target, len(merged_list))
                if item["id"] in by_id:
                    c_index = by_id[item["id"]]
                    merged_list.append(
                        self.combine(parent, (*p_path, index), child, (*c_path, c_index), here, item, c_value[c_index])
                    )
                else:
                    merged_list.append(self.adopt(parent, (*p_path, index), here, item))
            parent_ids = {item["id"]: item for item in p_value}
            for c_index, item in enumerate(c_value):
                if item["id"] not in parent_ids:
                    here = (*target, len(merged_list))
                    self._check_new_item(child, (*c_path, c_index), here, item, parent_ids)
                    merged_list.append(self.adopt(child, (*c_path, c_index), here, item))
            self._mark_container(child, c_path, target)
            return merged_list
        return self.adopt(child, c_path, target, c_value)

    def _check_new_item(
        self, child: Document, c_path: Path_, target: Path_, item: dict[str, Any], parents: dict[str, Any]
    ) -> None:
        """A 'new' item that looks like a misspelt override: name the parent id it probably meant.

        Without this, `- id: kazakstan` (meant to change kazakhstan) is read as a new state and
        reported as missing every required key, which hides the one-letter mistake.
        """
        from game.content.structure import did_you_mean

        hint = did_you_mean(str(item["id"]), [str(i) for i in parents])
        if not hint:
            return
        meant = parents[hint.split("'")[1]]
        if _complete(c_path, item):  # every required key given: a new item that merely looks alike
            return
        if set(meant) - set(item):  # it leaves out keys its parent has: an override, not a new item
            message = f"the parent has no item '{item['id']}' to change{hint}; a new item would need all its keys"
            self.problems.append(_problem(child, (*c_path, "id"), message, "unknown-id"))
            self.replaced.add(target)

    def _mark_container(self, child: Document, c_path: Path_, target: Path_) -> None:
        self.origins[target] = child.file_for(c_path)
        if c_path in child.value_marks:
            self.value_marks[target] = child.value_marks[c_path]
        if c_path in child.key_marks:
            self.key_marks[target] = child.key_marks[c_path]


def _complete(c_path: Path_, item: dict[str, Any]) -> bool:
    """Whether an item gives every key its kind requires (so it can only be a new item)."""
    import attrs

    from game.content import scenario

    collection = next((part for part in reversed(c_path) if isinstance(part, str)), "")
    name = ITEM_CLASSES.get(collection)
    if name is None:
        return False
    required = {f.name for f in attrs.fields(getattr(scenario, name)) if f.default is attrs.NOTHING}
    return required <= set(item)


def _id_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(i, dict) and "id" in i for i in value)


def merge(parent: Document, child: Document) -> tuple[Document, list[Problem]]:
    """The child laid over its parent by the merge rule (see the module docstring)."""
    merger = _Merger()
    child_data = {k: v for k, v in child.data.items() if k not in ("extends", "remove")}
    parent_data = dict(parent.data)
    problems = _apply_removals(parent, parent_data, child)
    data = merger.combine(parent, (), child, (), (), parent_data, child_data)
    merged = Document(
        child.file,
        data,
        merger.value_marks,
        merger.key_marks,
        problems=[*parent.problems, *child.problems],
        replaced=set(child.replaced) | merger.replaced,
        incomplete=set(child.incomplete),
        origins=merger.origins,
    )
    return merged, [*problems, *merger.problems]


def _apply_removals(parent: Document, parent_data: dict[str, Any], child: Document) -> list[Problem]:
    """Drop inherited items named under the child's `remove:`; naming nothing is an error."""
    removals = child.data.get("remove")
    if removals is None:
        return []
    if not isinstance(removals, dict):
        return [
            _problem(
                child,
                ("remove",),
                "remove: lists ids per collection, e.g. remove: {events: [brics_expansion]}",
                "extends",
            )
        ]
    problems = []
    for collection, ids in removals.items():
        items = parent_data.get(collection)
        if collection == "globals" and isinstance(items, dict):
            problems += _remove_globals(child, parent_data, ids)
            continue
        if items is None or not _id_list(items):
            from game.content.structure import did_you_mean

            lists = [key for key, value in parent_data.items() if _id_list(value) or key == "globals"]
            message = f"the parent has no list of '{collection}' to remove from{did_you_mean(str(collection), lists)}"
            problems.append(_problem(child, ("remove", collection), message, "extends"))
            continue
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            problems.append(
                _problem(child, ("remove", collection), "list the ids to remove, e.g. [brics_expansion]", "extends")
            )
            continue
        known = [item["id"] for item in items]
        for index, item_id in enumerate(ids):
            if item_id not in known:
                from game.content.structure import did_you_mean

                message = f"remove: the parent has no {collection[:-1] if collection.endswith('s') else collection} '{item_id}'{did_you_mean(item_id, known)}"
                problems.append(_problem(child, ("remove", collection, index), message, "extends"))
        keep = [(i, item) for i, item in enumerate(items) if item["id"] not in ids]
        # Re-key the parent's marks for the surviving items so later lines still point right.
        _rekey(parent, collection, [i for i, _ in keep])
        parent_data[collection] = [item for _, item in keep]
    return problems


def _remove_globals(child: Document, parent_data: dict[str, Any], names: Any) -> list[Problem]:
    """Drop inherited global conditions by name; a name the parent does not declare is an error."""
    from game.content.structure import did_you_mean

    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        return [_problem(child, ("remove", "globals"), "list the names to remove, e.g. [war_in_ukraine]", "extends")]
    known = list(parent_data["globals"])
    problems = [
        _problem(
            child,
            ("remove", "globals", index),
            f"remove: the parent has no global '{name}'{did_you_mean(name, known)}",
            "extends",
        )
        for index, name in enumerate(names)
        if name not in known
    ]
    parent_data["globals"] = {k: v for k, v in parent_data["globals"].items() if k not in names}
    return problems


def _rekey(document: Document, collection: str, kept: list[int]) -> None:
    """After removing items from `document.data[collection]`, move their marks to the new indices."""
    for marks in (document.value_marks, document.key_marks, document.origins):
        moved: dict[Any, Any] = {}
        for path in list(marks):
            if len(path) >= 2 and path[0] == collection and isinstance(path[1], int):
                value = marks.pop(path)
                if path[1] in kept:
                    moved[(collection, kept.index(path[1]), *path[2:])] = value
        marks.update(moved)
