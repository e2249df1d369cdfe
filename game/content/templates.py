"""Starting texts for new scenario files: a complete minimal scenario, and a child of a parent.

`python main.py new-scenario` fills these in. They are text, not dumped data, because their
comments are the point: each one tells a teacher what a section does and how to change it.
Both validate clean as written (tests/authoring/test_new_scenario.py plays them).
"""

from __future__ import annotations

import string
from collections.abc import Sequence

SCHEMA_COMMENT = "# yaml-language-server: $$schema=${schema}\n"

STANDALONE = string.Template(
    SCHEMA_COMMENT
    + """\
# ${title}: a complete, minimal Crossroads scenario.
# Every key is explained in scenarios/README.md. Check your edits with:
#   python main.py validate ${file}
format_version: 1        # the file format's version; `python main.py migrate` upgrades old files
id: ${id}                # lower-case, no spaces: how saves and reports name this scenario

about:
  title: ${title}
  summary: >-
    Two states, three powers, one action each. Describe the situation here in a few
    lines: players read it before the first turn.
  period: Q1 2024 to Q4 2025
  goal: Build US standing without trying to push Russia or China out.
  things_to_try:
    - Spend only soft power for four turns and compare the score with a trade-only game.
  sources:
    - "Claims C1-C19 of the article"
  author: Your name
  licence: CC BY 4.0
  version: "0.1"

start: {year: 2024, quarter: 1}
turns: 8                 # quarterly turns; a 45-minute lesson fits about 8

globals:
  war_in_ukraine: true   # the C3 rule reads this: Russian influence drifts down while it holds

# The states: alignment with each power, 0-100, and the state's own numbers.
states:
  - id: kazakhstan
    name: Kazakhstan
    capital: Astana
    score_weight: 0.6    # share of the US score; the heaviest state is the partnership state (C14)
    alignment: {us: 26, russia: 46, china: 40}
    stability: 64
    economy: 64
    china_wariness: 45
    multivector: 0.9     # 0-1: how strongly the state balances between powers (C1)
    flags: {pntr_eligible: true, on_corridor: true}
  - id: uzbekistan
    name: Uzbekistan
    capital: Tashkent
    score_weight: 0.4
    alignment: {us: 20, russia: 44, china: 42}
    stability: 60
    economy: 46
    china_wariness: 40
    multivector: 0.85
    flags: {afghan_border: true}

# The powers: points per turn on each track. Every power but the US needs a doctrine for the AI;
# a scenario may add a power beside these three (scenarios/README.md, "Another power").
powers:
  - id: us
    name: United States
    budget: {soft_power: 4, trade: 4, diplomacy: 4}
  - id: russia
    name: Russia
    budget: {soft_power: 4, trade: 6, diplomacy: 6}
    doctrine:
      summary: Hold the near abroad.
      priorities:
        - {action: security_guarantee, weight: 1.4, focus: defend, reason: "Russia reassures {state}"}
  - id: china
    name: China
    budget: {soft_power: 4, trade: 10, diplomacy: 5}
    doctrine:
      summary: Convert money into economic weight.
      priorities:
        - {action: trade_deal, weight: 1.2, reason: "China signs a trade package with {state}"}

# Actions: what each power can order. `python main.py explain ${file} --action ID` says what one does.
actions:
  - id: education_exchanges
    name: Education exchanges
    description: Scholarships and university partnerships; slow to mature, long to last.
    power: us
    track: soft_power
    cost: 2
    target: state
    claims: [C5, C6]
    effects:
      - {type: goodwill, amount: 4}
  - id: investment
    name: Private investment
    power: us
    track: trade
    cost: 3
    target: state
    claims: [C13]
    effects:
      - {type: influence, amount: 5}
      - {type: adjust, variable: economy, amount: 2}
  - id: security_guarantee
    name: Security guarantee
    power: russia
    track: diplomacy
    cost: 3
    target: state
    claims: [C3]
    effects:
      - {type: influence, amount: 3, durable: true}
  - id: trade_deal
    name: Trade package
    power: china
    track: trade
    cost: 3
    target: state
    claims: [C4]
    effects:
      - {type: influence, amount: 3.5}

# Events: conditions, a chance per turn, and choices for the US player.
events:
  - id: afghan_spillover
    title: Militants cross from Afghanistan
    text: Armed militants clash with border guards in {state}.
    claims: [C12]
    scope: state                                   # rolled once per state where the condition holds
    condition: {type: flag, flag: afghan_border}
    probability: 0.2
    chance_scales: [{variable: resilience, factor: -0.8}]
    cooldown_turns: 3
    default_choice: stay_out
    effects:
      - {type: adjust, variable: stability, amount: -4}
    choices:
      - id: send_help
        label: Send help
        preview: Costs 2 diplomacy points; the US is seen as a partner in security.
        effects:
          - {type: budget, power: us, track: diplomacy, amount: -2}
          - {type: influence, amount: 2}
      - id: stay_out
        label: Stay out
        preview: Russia's CSTO fills the role.
        effects:
          - {type: shift, power: russia, amount: 2}

# Rules: every claim's parameters have defaults; change only what your scenario is about.
rules:
  balancing: {strength: 1.0}

score:
  victory_score: 40      # the campaign score (mean US position) needed to win
  defeat_score: 22
  grades:
    - {name: A, min_score: 40, label: "A valued partner"}
    - {name: C, min_score: 30, label: "One voice among many"}
    - {name: F, min_score: -1000, label: "On the sidelines"}
"""
)

CHILD = string.Template(
    SCHEMA_COMMENT
    + """\
# ${title}: a variant of ${parent_name}.
# It `extends` the parent: only what differs is written here, everything else is inherited.
# The merge rule: mappings merge key by key, lists of items with an `id` merge by id (a new id
# is added, a known id changes only the keys given), every other value is replaced whole.
# See what the merged scenario looks like, and where each value comes from:
#   python main.py resolve ${file}
format_version: 1
extends: ${parent}
id: ${id}

about:
  title: ${title}
  summary: >-
    What is different in this variant, and why. (Every other about: key is inherited.)

# Override a value: give the key with its new value. Fewer turns score lower, so a shorter
# campaign also needs a lower score.victory_score and grades: `python main.py check-balance
# ${file}` prints what balanced play reaches (validate warns until you set them).
# turns: 20

# Change one state's numbers: name it by id and give only the keys that change.
# states:
#   - id: ${state}
#     stability: 40

# Add an action: a new id is added to the parent's list.
# actions:
#   - id: my_new_action
#     name: My new action
#     power: us
#     track: diplomacy
#     cost: 2
#     target: state
#     claims: [C8]
#     effects:
#       - {type: influence, amount: 2}

# Remove an inherited event (or action, project...): naming an id the parent lacks is an error.
# remove:
#   events: [${event}]

# Change a rule: switch a claim off (strength 0) or double it (2). `python main.py rules` lists them.
# rules:
#   ${rule}: {strength: 0}
"""
)


def standalone(scenario_id: str, file_name: str, schema_path: str) -> str:
    """A complete minimal scenario with the given id."""
    title = scenario_id.replace("-", " ").replace("_", " ").capitalize()
    return STANDALONE.substitute(id=scenario_id, title=title, file=file_name, schema=schema_path)


def child(
    scenario_id: str,
    file_name: str,
    schema_path: str,
    parent: str,
    parent_title: str,
    examples: Sequence[str],
) -> str:
    """A short child of `parent`, with commented examples naming the parent's own ids.

    `examples` is (a state id, an event id, a rule group) from the parent, so that
    uncommenting an example gives a working change rather than an unknown id.
    """
    state, event, rule = examples
    title = scenario_id.replace("-", " ").replace("_", " ").capitalize()
    return CHILD.substitute(
        id=scenario_id,
        title=title,
        file=file_name,
        schema=schema_path,
        parent=parent,
        parent_name=f"{parent} ({parent_title})",
        state=state,
        event=event,
        rule=rule,
    )
