"""Generate scenarios/README.md, the format reference, from the definitions themselves.

Every key, type, range, default and meaning comes from the attrs classes, the validator's
`RANGES`, the rule parameters' metadata and the effect/condition registries, so the
reference cannot drift from the code (`python main.py docs --check` fails when it has).
The hand-written parts — the ten-minute walk-through, the error codes' meanings — live here
as text; the walk-through's final file is `WALKTHROUGH_FILE`, which a test validates and plays.
"""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

import attrs

from game.content import conditions as cond
from game.content import effects as eff
from game.content import inherit
from game.content import scenario as sc
from game.content.rules import RuleParams
from game.content.schema import field_doc
from game.content.validator import INF, RANGES

README = Path(__file__).resolve().parents[2] / "scenarios" / "README.md"

# Every code the checker prints, with what it means and what usually fixes it.
ERROR_CODES: dict[str, str] = {
    "syntax": "The file is not valid YAML: indentation, a missing ':' or quote, a tab. The message names the line to fix.",
    "encoding": "The file is not UTF-8 text (UTF-16, Latin-1, binary, or a control character). Save it as UTF-8.",
    "empty": "The file has nothing in it.",
    "size": "The file is far larger than any scenario (over 2 MB or 50,000 values).",
    "depth": "Nesting deeper than 40 levels.",
    "file": "The file cannot be opened (missing, a folder, no permission).",
    "alias": "A YAML alias (`*name`): write the value out in full.",
    "anchor": "A YAML anchor (`&name`): scenario files do not share values that way.",
    "merge-key": "A YAML merge key (`<<`): write the values out, or use `extends:`.",
    "tag": "A YAML tag (`!!python/...`, `!foo`): files hold plain data only.",
    "duplicate-key": "The same key twice in one mapping; both places are named.",
    "missing-key": "A required key is absent (the message says what it means).",
    "unknown-key": "A key the format does not have, usually a misspelling (did you mean ...?).",
    "type": "A value of the wrong kind: text for a number, a quoted number, `yes` for `true`, one item for a list.",
    "choice": "A word outside a fixed set (a power, a track, a target...).",
    "unknown-type": "An effect or condition `type` that does not exist.",
    "version": "A `format_version` this game does not read; `python main.py migrate` upgrades older files.",
    "range": "A number outside its allowed range, or two numbers in the wrong order (defeat above victory).",
    "reference": "An id that names nothing: a state, action, event, project, choice, claim or global.",
    "duplicate-id": "Two items in one list with the same id; both places are named.",
    "id": "An id with capitals or spaces; ids are lower-case names.",
    "placeholder": "Player text uses a `{placeholder}` the game does not fill ({state} and {power} only).",
    "scope": "A condition looks at a state where there is no state to look at.",
    "extends": "`extends:` or `remove:` is wrong: missing parent (the folders looked in are named), a parent "
    "outside those folders, too deep, bad removal.",
    "unknown-id": "A child item whose id resembles a parent's and which leaves out required keys: most likely a "
    "misspelt change (did you mean ...?). A new item with every required key is simply added.",
    "extends-cycle": "Parents extend each other in a circle.",
    "invalid": "A value the checker could not read for another reason (the message says which).",
    "internal": "The checker itself failed; please report the file.",
    "unused": "Warning: a global condition nothing reads or sets, most likely misspelt.",
    "warning": "Warning: something that works but is probably not what was meant.",
    "never-fires": "Warning: an event can never fire (probability 0, a turn window outside the campaign, "
    "or waiting on an event that cannot fire often enough), or a question waits on one.",
    "unaffordable": "Warning: an action costs more than its power can ever hold on that track "
    "(budget x (1 + carry_over)), or more political capital than can be banked.",
    "unreachable": "Warning: victory_score (or a grade) is above the highest possible score "
    "(100 + milestone points + stability bonus).",
    "preview": "Warning: a choice's preview speaks of points without naming the track and amount its budget "
    "effect gives or costs (the event dialog shows only the preview).",
    "shortened": "Warning: a child sets fewer `turns` than its parent but inherits the parent's victory_score or "
    "grades; a shorter campaign scores lower, so set them from what `check-balance FILE` reports.",
}

WALKTHROUGH_NAME = "window-2023-classroom.yaml"
WALKTHROUGH_FILE = """\
# yaml-language-server: $schema=../schema/scenario.schema.json
# The Window, classroom cut: twenty turns, no war strain on Russia, a new US action.
format_version: 1
extends: window-2023.yaml
id: window-2023-classroom

about:
  title: The Window, classroom cut
  summary: >-
    The 2023 situation in twenty turns, in a world where the war does not strain Russia's
    ties. Does the United States still find a way in?
  things_to_try:
    - Compare your score with the full game's.

turns: 20

score:   # check-balance: balanced play scores about 23.7 in twenty turns, forty give about 36
  victory_score: 23.5
  defeat_score: 17
  grades:   # a plain list, replaced whole
    - {name: A, min_score: 26.5, label: "A strategic partner in the making"}
    - {name: B, min_score: 23.5, label: "A valued additional partner"}
    - {name: C, min_score: 20.5, label: "Present, but one voice among many"}
    - {name: D, min_score: 18, label: "On the margins"}
    - {name: F, min_score: -1000, label: "On the sidelines"}

states:
  - id: kazakhstan
    stability: 58            # a rougher start than the parent's 64

actions:
  - id: teacher_exchange
    name: Teacher exchange
    description: Teachers from both countries spend a term in each other's schools.
    power: us
    track: soft_power
    cost: 1
    target: state
    tags: [soft, education]
    claims: [C5, C6]
    effects:
      - {type: goodwill, amount: 2}

remove:
  events: [border_clash]

rules:
  russia_strain: {strength: 0}   # switch claim C3 off
"""

WALKTHROUGH = f"""\
## Write your first scenario in ten minutes

You will make a shorter classroom version of `window-2023` in which Russia's war does not
strain its ties, with one new US action. You never copy the parent: your file says only what
differs, and everything else is inherited.

**1. Create the file.** In the game's folder, run:

```
python main.py new-scenario window-2023-classroom --from window-2023
```

This writes `scenarios/{WALKTHROUGH_NAME}`, already valid. Open it in VS Code (with the
*YAML* extension by Red Hat): the first line links the schema, so the editor completes keys,
shows what each one means when you hover, and underlines mistakes as you type.

**2. Say what it is.** Under `about:`, change `title:` and `summary:`. Keys you leave out
(`period`, `sources`, ...) are inherited from the parent.

**3. Make it shorter.** Add `turns: 20` at the top level. A plain value like this replaces
the parent's. The score is the mean US position over the turns played, and a shorter campaign
leaves less time to build it, so the parent's thresholds (`score.victory_score` and the grades)
are now too high: step 8's `check-balance` prints what balanced play scores on your file; set
the victory score near it (about 60% of its seeds should reach it). Until you do, `validate`
warns at your `turns:` line and names the inherited thresholds.

**4. Change one state.** Lists of items with an `id` merge by id: write the item's id and only
the keys that change, e.g. a less stable Kazakhstan (`stability: 58`).

**5. Add an action.** An item with a new id is added to the parent's list. Copy an action from
the parent, give it a new `id`, and change its cost and effects. `python main.py explain
scenarios/{WALKTHROUGH_NAME} --action teacher_exchange` tells you in plain English what it does.

**6. Remove an event.** `remove: {{events: [border_clash]}}` drops an inherited item.
Naming an id the parent does not have is an error, so a typo cannot go unnoticed.

**7. Change a rule.** Every claim of the article is a rule group under `rules:`; `strength: 0`
switches it off, `2` doubles it. `python main.py explain FILE --rule russia_strain` lists the
group's parameters with their ranges and claims.

**8. Check it.** `python main.py validate scenarios/{WALKTHROUGH_NAME}` names every problem
with its line and a fix; `python main.py resolve scenarios/{WALKTHROUGH_NAME}` prints the merged
scenario with the file and line behind every value; `python main.py check-balance
scenarios/{WALKTHROUGH_NAME} --runs 20` plays every standard strategy and reports win rates,
events that never fired, projects never completed, US actions no strategy chose and actions
ordered to no effect. Then play it: `python main.py play --scenario
scenarios/{WALKTHROUGH_NAME}`.

Your finished file:

```yaml
{WALKTHROUGH_FILE}```
"""


# --- Type and value rendering ------------------------------------------------------------------


def type_text(tp: Any) -> str:
    """A Python type as an author reads it: 'number', 'list of [effect](#effects)', ..."""
    if tp is eff.Effect:
        return "[effect](#effects)"
    if tp is cond.Condition:
        return "[condition](#conditions)"
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = typing.get_args(tp)
        rest = [a for a in args if a is not type(None)]
        # A rebuilt union is a new object: recognise effects and conditions by their members.
        for union, text in ((cond.Condition, "[condition](#conditions)"), (eff.Effect, "[effect](#effects)")):
            if set(rest) == set(typing.get_args(union)):
                return f"{text} or nothing" if len(rest) < len(args) else text
        if len(rest) < len(args):
            inner = typing.Union[tuple(rest)] if len(rest) > 1 else rest[0]  # noqa: UP007 - rebuilding a union
            return f"{type_text(inner)} or nothing"
        return " or ".join(type_text(a) for a in rest)
    simple = {bool: "true/false", int: "whole number", float: "number", str: "text"}
    if tp in simple:
        return simple[tp]
    origin = typing.get_origin(tp)
    if origin is Literal:
        return "one of " + ", ".join(f"`{o}`" for o in typing.get_args(tp))
    if origin is tuple:
        return f"list of {type_text(typing.get_args(tp)[0])}"
    if origin is dict:
        return f"mapping of name to {type_text(typing.get_args(tp)[1])}"
    if attrs.has(tp):
        return f"[{tp.__name__}](#{tp.__name__.lower()})"
    return str(tp)


def _value(value: Any) -> str:
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        value = value.factory()  # type: ignore[union-attr]
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return str(value).lower()
    if attrs.has(type(value)):
        return "(see its keys)"
    if isinstance(value, tuple | list):
        return "[]" if not value else "(see below)" if attrs.has(type(value[0])) else str(list(value))
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, float) and value in (1e9, -1e9):
        return "no limit"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _range(owner: type, field: attrs.Attribute[Any]) -> str:
    low, high = RANGES.get((owner, field.name), (field.metadata.get("min"), field.metadata.get("max")))
    if low is None:
        return ""
    if high in (None, INF):
        return f"≥ {low:g}"
    return f"{low:g} to {high:g}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _doc(cls: type) -> str:
    return " ".join((cls.__doc__ or "").split())


def _table(cls: type, *, skip: tuple[str, ...] = ()) -> list[str]:
    lines = ["| key | type | range | default | meaning |", "|---|---|---|---|---|"]
    for field in attrs.fields(cls):
        if field.name in skip:
            continue
        default = "**required**" if field.default is attrs.NOTHING else f"`{_value(field.default)}`"
        cells = [f"`{field.name}`", type_text(field.type), _range(cls, field), default, field_doc(field)]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


_TAGGED = (*eff.EFFECT_TYPES.values(), *cond.CONDITION_TYPES.values())


def _classes(root: type) -> dict[type, list[str]]:
    """Every attrs class reachable from `root` (except rules, effects, conditions), in reading order,
    with the keys it is written under (`states`, `powers[].doctrine`...)."""
    seen: dict[type, list[str]] = {}

    def visit(tp: Any, where: str) -> None:
        if tp in (eff.Effect, cond.Condition, RuleParams) or tp in _TAGGED:
            return
        if attrs.has(tp):
            if tp in seen:
                seen[tp].append(where)
                return
            seen[tp] = [where] if where else []
            attrs.resolve_types(tp)
            for field in attrs.fields(tp):
                visit(field.type, field.name if tp is root else f"{where}.{field.name}")
            return
        for arg in typing.get_args(tp):
            visit(arg, where + ("[]" if typing.get_origin(tp) is tuple else ""))

    visit(root, "")
    return seen


# --- Sections ------------------------------------------------------------------------------------


def _sections() -> list[str]:
    lines = ["## Every key", ""]
    lines.append(
        "A scenario file is one mapping. Each table lists a part's keys: its type, allowed range, "
        "default (**required** keys have none) and meaning. Ranges are checked by `validate` and by "
        "your editor."
    )
    for cls, places in _classes(sc.Scenario).items():
        under = f" Written under: {', '.join(f'`{p}`' for p in places)}." if places else " The top level of the file."
        lines += ["", f"### {cls.__name__}", "", _doc(cls) + under, "", *_table(cls)]
    return lines


def _rules() -> list[str]:
    lines = [
        "## Rules",
        "",
        "Each group under `rules:` is one claim of the article. Every parameter has a default; give only "
        "what your scenario changes, e.g. `rules: {russia_strain: {strength: 0}}`. `strength` is in every "
        "group: 0 switches the rule off, 1 is the default, 2 doubles it.",
    ]
    for group in attrs.fields(RuleParams):
        cls: Any = type(group.default)
        lines += ["", f"### rules.{group.name}", "", _doc(cls), ""]
        lines += ["| parameter | default | range | claim | meaning |", "|---|---|---|---|---|"]
        for field in attrs.fields(cls):
            cells = [
                f"`{field.name}`",
                f"`{_value(field.default)}`",
                _range(cls, field),
                field.metadata["claim"],
                field.metadata["doc"],
            ]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines


def _tagged(title: str, anchor_intro: str, registry: dict[str, type]) -> list[str]:
    lines = [f"## {title}", "", anchor_intro]
    for tag, cls in sorted(registry.items()):
        lines += ["", f"### `type: {tag}`", "", _doc(cls), "", *_table(cls, skip=("type",))]
        lines += ["", f"Example: `{cls.EXAMPLE}`"]  # type: ignore[attr-defined]  # every tagged kind has one
    return lines


def _merge_rule() -> list[str]:
    """The `extends:` rule, quoted from `game.content.inherit`'s docstring (its one statement)."""
    text = inherit.__doc__ or ""
    bullets = re.findall(r"^- (.+?)(?=^- |^\S|\Z)", text, re.MULTILINE | re.DOTALL)
    lines = [
        "## Building on another scenario: `extends`",
        "",
        "A file with `extends: PARENT.yaml` starts from its parent and changes only what it gives:",
        "",
    ]
    lines += ["- " + " ".join(bullet.split()) for bullet in bullets]
    lines += [
        "",
        "A parent is looked for next to the child (in its folder, or anywhere inside the nearest enclosing folder "
        "named `scenarios`) and then, by file name, among the game's own scenarios, so a file kept anywhere can "
        "say `extends: window-2023.yaml`; a path leading anywhere else is refused, and the message names the "
        f"folders looked in. Chains are at most {inherit.MAX_DEPTH} files deep and a "
        "cycle is an error. A problem in a merged value points at the file and line that set it. "
        "`python main.py resolve FILE` prints the merged scenario with the origin of every value.",
        "",
        "In a child file every key is optional, but items of id lists need their `id`, and an item "
        "with a new id must be complete. Effects, conditions and other lists are replaced whole.",
        "",
        "Rival doctrine entries (`priorities`, `responses`) have ids in the shipped scenarios, so a child adds "
        "one answer without restating the others:",
        "",
        "```yaml",
        "powers:",
        "  - id: russia",
        "    doctrine:",
        "      responses:",
        "        - {id: answer_corridor, to_tag: corridor, action: northern_route_discount, weight: 1.7}",
        "```",
    ]
    return lines


# Each block is a complete child of window-2023 (after the three header lines); a test validates them.
EXPANSIONS = """\
## Beyond the basics: numbers, your own variables, lasting effects, conditional choices

Every example below is the body of a child file that starts `format_version: 1`,
`extends: window-2023.yaml`, `id: my-scenario`, and each validates as it stands.

**A number-valued global.** A global can hold a number (a drought's severity) instead of
true/false. `type: global_number` effects raise or lower it within a range, and
`type: global_number` conditions test it (china-backlash counts its protest wave this way).

```yaml
globals:
  drought: 0
events:
  - id: dry_year
    title: A dry year
    text: The rivers run low across the region.
    claims: [C12]
    probability: 0.2
    effects:
      - {type: global_number, name: drought, amount: 1, at_most: 3}
  - id: water_crisis
    condition: {type: all, of: [{type: water, position: downstream}, {type: global_number, name: drought, at_least: 2}]}
```

**Your own state variables and flags.** Declare them with the value every state starts at,
give a state its own start under `own:`, then use them like `stability` and `on_corridor` in
`adjust`/`flag` effects and `variable`/`flag` conditions (middle-corridor tracks port capacity).

```yaml
state_variables: {water_stress: 20}
state_flags: {dam_dispute: false}
states:
  - id: uzbekistan
    own: {water_stress: 60, dam_dispute: true}
events:
  - id: water_crisis
    condition: {type: all, of: [{type: variable, variable: water_stress, at_least: 50}, {type: flag, flag: dam_dispute}]}
```

**An effect that lasts.** `type: income` changes a power's income on one track from the next
turn on, for `turns` turns or, left out, for the rest of the game; every turn's payment is in
the ledger under the cause that set it going (russia-resurgent's sanctions answer uses it).

```yaml
events:
  - id: sanctions_bite
    title: Sanctions bite
    text: New Western sanctions squeeze Russia's trade with the region.
    claims: [C3]
    condition: {type: turn, at_least: 8, at_most: 8}
    effects:
      - {type: income, power: russia, track: trade, amount: -1, turns: 8}
      - {type: income, power: russia, track: diplomacy, amount: -0.5}
```

**A choice offered only under a condition, and a condition on an earlier choice.** A choice
with `when:` is offered only while it holds (in the event's state, for state events); the
default choice never has one, so an unanswered event can always be settled. `choice_made` holds
once the US has given that answer (china-backlash uses both).

```yaml
events:
  - id: russian_pressure
    choices:
      - id: stand_firm
        when: {type: alignment, power: us, at_least: 35}
  - id: border_clash
    condition: {type: choice_made, event: russian_pressure, choice: back_off}
```

**Another power.** The US, Russia and China are always there; a scenario may add a power
beside them (Turkey, the EU). Give it a name, a budget, a doctrine and its own actions, and
an alignment in the states (a state that leaves it out starts it at 0). Every rule that reads
"the rivals" then counts it, the map, charts and reports show it, and unless `look:` says
otherwise it is drawn in a colour, shape and hatch pattern no other power uses (the validator
warns when two powers would look alike). `tests/scenarios/fourth-power.yaml` is a full example.

```yaml
states:
  - id: turkmenistan
    alignment: {turkey: 20}
powers:
  - id: turkey
    name: Turkey
    adjective: Turkish
    budget: {soft_power: 3, trade: 4, diplomacy: 3}
    doctrine:
      summary: Court the Turkic-speaking states.
      priorities:
        - {id: fair, action: turkish_trade_fair, weight: 1.0, reason: "Turkey opens a trade fair in {state}"}
actions:
  - id: turkish_trade_fair
    name: Turkish trade fair
    power: turkey
    track: trade
    cost: 2
    target: state
    claims: [C1]
    effects:
      - {type: influence, amount: 2.5}
```

**Openness and multi-vector strength** change during play with `type: trait` (see
[effects](#effects)); middle-corridor's ferry lines make a shore more open.

**Rival doctrines by id**, and **removing inherited globals**, are described under
[extends](#building-on-another-scenario-extends). Scenarios using only the older keys load
unchanged: these additions are optional keys of format version 1, so nothing needs migrating.
"""


SCORING = """\
## Scoring: what earns points, and when

Each turn the US position is scored: its standing against the rivals (see `score.preferred_share`),
plus the milestones that hold *that turn*, plus `stability_weight` × (mean stability − 50), minus
`backlash_weight` × backlash. The campaign's score is the **mean of every turn's position**, so a
milestone is not paid once: it counts on every turn it holds, and one reached early is worth more
than one reached late.

**Standing against the rivals (C1, C2).** In each state the US standing is its *share* of all
the powers' alignment there, in percent (US ÷ (US + Russia + China) × 100, and any power a
scenario adds counts in the sum), counted only up to
`score.preferred_share` (default 0.40, so at most 40). Every Russian or Chinese gain lowers the US
share, so a rival's gain is a US loss; but a share above the preferred-partner level earns nothing,
because the best result the article describes is a welcome, preferred *additional* partner, not a
state pulled out of its neighbours' orbit (and balancing, C1, pulls a dominant partner back). The
region's standing is the states' standing weighted by `score_weight` (C14). Example: alignment
US 40, Russia 30, China 30 gives a share of 40% and a standing of 40; US 60, Russia 20, China 20
also gives 40 (capped); US 20, Russia 40, China 40 gives 20. The same measure, from their side,
guides Russia's and China's choices, and the map shows each power's share in every state.

| milestone | earns | when it holds |
|---|---|---|
| partnership | `score.partnership_points` | the state with the highest `score_weight` has the state flag `partnership` |
| corridor | `score.corridor_points` | project `trans_caspian` is at 100 |
| PNTR | `score.pntr_points` | at least one state has **both** state flags `pntr` and `pntr_eligible`; the global `pntr_passed` earns nothing by itself (set the flag with `{type: flag, flag: pntr}`). With `score.pntr_by_state: true` the points are shared among the eligible states by `score_weight`, each state earning its part once it has PNTR (classroom-45min) |
| any project | `score.project_points: {id: points}` | that project is at 100 (middle-corridor scores ERICEN this way) |

A project counts as complete whenever its progress is 100, including one that **starts** at 100;
but its `on_complete` effects run only when funding carries it from below 100 to 100, so a project
that starts complete never runs them (put those effects in the scenario's start values instead).
"""


def _codes() -> list[str]:
    lines = [
        "## Messages and their codes",
        "",
        "`python main.py validate FILE` prints every problem as `file:line:column: error[code]: message`. "
        "Errors exit 1; warnings only fail with `--strict`.",
        "",
        "| code | meaning |",
        "|---|---|",
    ]
    lines += [f"| `{code}` | {_cell(text)} |" for code, text in sorted(ERROR_CODES.items())]
    return lines


_HEAD = """\
<!-- Generated by `python main.py docs` from game/content; edit docs.py or the definitions, not this file. -->
# Scenario files: the format reference

A scenario is one YAML file in this folder: the five states at the start, the powers (the
US, Russia, China and any the scenario adds) and their actions, events, projects, the rules (one group per claim of the article) and how
the US is scored. Files are plain data: no expressions, anchors, aliases or tags, and only
`true`/`false` are booleans. Every file starts with `format_version: {version}`.

**Editor support.** Each file's first line, `# yaml-language-server: $schema=../schema/scenario.schema.json`,
links the JSON Schema (generated by `python main.py schema`); `.vscode/settings.json` maps it to
`scenarios/**/*.yaml` too. With the YAML extension, VS Code completes keys, explains them on
hover and underlines mistakes.

**Tools.** `validate` (every problem with line and fix), `new-scenario NAME [--from PARENT]`,
`resolve FILE` (the merged scenario), `explain FILE --event ID | --action ID | --rule GROUP`
(plain English), `check-balance FILE` (win rates and dead content; with `--search N` it hill-climbs a
recipe, plays a lookahead player and lists event choices that are never the better one), `migrate FILE`
(upgrade an old format), `docs` (this file), `schema`.

Contents: [first scenario](#write-your-first-scenario-in-ten-minutes) ·
[extends](#building-on-another-scenario-extends) ·
[numbers, own variables, lasting effects, conditional choices](#beyond-the-basics-numbers-your-own-variables-lasting-effects-conditional-choices) ·
[every key](#every-key) · [rules](#rules) ·
[effects](#effects) · [conditions](#conditions) · [scoring](#scoring-what-earns-points-and-when) ·
[messages](#messages-and-their-codes)
"""


def readme_text() -> str:
    """The whole reference, as committed at scenarios/README.md."""
    parts = [
        _HEAD.format(version=sc.FORMAT_VERSION),
        WALKTHROUGH,
        "\n".join(_merge_rule()),
        EXPANSIONS,
        "\n".join(_sections()),
        "\n".join(_rules()),
        "\n".join(
            _tagged(
                "Effects",
                "What actions, event choices and completed projects do. Effects with `states` act on the "
                "listed states; left out, on the order's target (or every state for a region-wide order).",
                eff.EFFECT_TYPES,
            )
        ),
        "\n".join(
            _tagged(
                "Conditions",
                "When an event can fire, which states an action may target (`eligible`), when it is available "
                "(`requires`). Combine them with `all`, `any` and `not`.",
                cond.CONDITION_TYPES,
            )
        ),
        SCORING,
        "\n".join(_codes()),
    ]
    return "\n\n".join(part.rstrip("\n") for part in parts) + "\n"
