"""Effects: the closed, typed set of things an action, event or project can do.

Each kind is an attrs class tagged by `type`. `states` narrows a country effect to listed
states; left empty it hits the order's target (or all five for a region-wide order).
The simulation applies, previews and values them through `game.sim.effects.EFFECT_KINDS`;
`REFS` on each class names the fields that refer to ids and what kind of id (the validator
checks exactly those), and `game.content.explain.EFFECT_TEXT` words them. A test checks that
every kind has all of these.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from attrs import field, frozen

from game.content.conditions import doc
from game.content.vocabulary import Power, Track, tagged_registry

STATES_DOC = "limit to these state ids (default: the order's target, or all five)"


@frozen
class Influence:
    """Raise a power's alignment, scaled by the state's receptivity (C1, C2, C4, C5, C7), or lower it at face value.

    Durable influence rests on goodwill and decays slowly; non-durable influence is bought
    with cash and fades fast (C6).
    """

    type: Literal["influence"]
    amount: float = field(metadata=doc("alignment points before receptivity"))
    power: Power | None = field(default=None, metadata=doc("whose alignment (default: the actor)"))
    durable: bool = field(default=False, metadata=doc("true if built on goodwill (decays slowly)"))
    states: tuple[str, ...] = field(default=(), metadata=doc(STATES_DOC))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: influence, amount: 3, durable: false}"
    REFS: ClassVar[dict[str, str]] = {"power": "power", "states": "states"}


@frozen
class Goodwill:
    """Put US goodwill into the pipeline: it matures into trust and durable alignment later (C5, C6)."""

    type: Literal["goodwill"]
    amount: float = field(metadata=doc("goodwill points"))
    matures_in: int | None = field(
        default=None, metadata=doc("turns until it matures (default: rules.long_game.mature_turns)")
    )
    states: tuple[str, ...] = field(default=(), metadata=doc(STATES_DOC))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: goodwill, amount: 4}"
    REFS: ClassVar[dict[str, str]] = {"states": "states"}


@frozen
class Shift:
    """Change a power's alignment directly, bypassing receptivity (for events)."""

    type: Literal["shift"]
    power: Power = field(metadata=doc("a power: us, russia, china or one the scenario adds"))
    amount: float = field(metadata=doc("alignment points"))
    states: tuple[str, ...] = field(default=(), metadata=doc(STATES_DOC))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: shift, power: russia, amount: -3}"
    REFS: ClassVar[dict[str, str]] = {"power": "power", "states": "states"}


@frozen
class Adjust:
    """Change a state variable: stability, economy, china_wariness, russia_strain, resilience, us_trust or opening."""

    type: Literal["adjust"]
    variable: str = field(
        metadata=doc("stability, economy, china_wariness, russia_strain, resilience, us_trust or opening")
    )
    amount: float = field(metadata=doc("points (0–100 scale)"))
    states: tuple[str, ...] = field(default=(), metadata=doc(STATES_DOC))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: adjust, variable: resilience, amount: 5}"
    REFS: ClassVar[dict[str, str]] = {"states": "states", "variable": "variable"}


@frozen
class Trait:
    """Change how a state deals with outside powers: its openness or its multi-vector strength (0–1, C1)."""

    type: Literal["trait"]
    trait: Literal["openness", "multivector"] = field(
        metadata=doc("openness: receptivity to every outside power; multivector: how hard it balances (C1)")
    )
    amount: float = field(metadata=doc("change on the 0–1 scale, e.g. 0.05"))
    states: tuple[str, ...] = field(default=(), metadata=doc(STATES_DOC))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: trait, trait: openness, amount: 0.05, states: [turkmenistan]}"
    REFS: ClassVar[dict[str, str]] = {"states": "states"}


@frozen
class Floor:
    """Move a power's structural floor in a state: the alignment its ties guarantee (C3)."""

    type: Literal["floor"]
    power: Power = field(metadata=doc("a power: us, russia, china or one the scenario adds"))
    amount: float = field(metadata=doc("floor points"))
    states: tuple[str, ...] = field(default=(), metadata=doc(STATES_DOC))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: floor, power: russia, amount: -4}"
    REFS: ClassVar[dict[str, str]] = {"power": "power", "states": "states"}


@frozen
class SetFlag:
    """Set a state's flag (pntr, on_corridor, afghan_border, partnership)."""

    type: Literal["flag"]
    flag: str = field(metadata=doc("pntr, on_corridor, afghan_border or partnership"))
    value: bool = field(default=True, metadata=doc("the new value"))
    states: tuple[str, ...] = field(default=(), metadata=doc(STATES_DOC))
    COUNTRY: ClassVar[bool] = True
    EXAMPLE: ClassVar[str] = "{type: flag, flag: pntr, states: [kazakhstan, uzbekistan, tajikistan]}"
    REFS: ClassVar[dict[str, str]] = {"states": "states", "flag": "flag"}


@frozen
class Progress:
    """Advance a regional project (100 = complete)."""

    type: Literal["project"]
    project: str = field(metadata=doc("the project's id"))
    amount: float = field(metadata=doc("progress points"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: project, project: trans_caspian, amount: 8}"
    REFS: ClassVar[dict[str, str]] = {"project": "project"}


@frozen
class RegionAdjust:
    """Change a region-wide variable: c5plus1_preparation, backlash or western_trade."""

    type: Literal["region"]
    variable: str = field(metadata=doc("c5plus1_preparation, backlash or western_trade"))
    amount: float = field(metadata=doc("points"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: region, variable: c5plus1_preparation, amount: 10}"
    REFS: ClassVar[dict[str, str]] = {"variable": "region_variable"}


@frozen
class Budget:
    """Change a power's budget on one track this turn (points)."""

    type: Literal["budget"]
    power: Power = field(metadata=doc("a power: us, russia, china or one the scenario adds"))
    track: Track = field(metadata=doc("soft_power, trade or diplomacy"))
    amount: float = field(metadata=doc("points"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: budget, power: china, track: trade, amount: 2}"
    REFS: ClassVar[dict[str, str]] = {"power": "power"}


@frozen
class Income:
    """Change a power's income on one track for some turns, or for good: an effect that lasts.

    It starts with the next turn's income; each turn's change is recorded in the ledger
    with the cause that set it going (sanctions that bite for two years, a budget cut for good).
    """

    type: Literal["income"]
    power: Power = field(metadata=doc("a power: us, russia, china or one the scenario adds"))
    track: Track = field(metadata=doc("soft_power, trade or diplomacy"))
    amount: float = field(metadata=doc("points added to each turn's income (negative to cut it)"))
    turns: int | None = field(default=None, metadata=doc("for how many turns (left out: for the rest of the game)"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: income, power: russia, track: trade, amount: -1, turns: 8}"
    REFS: ClassVar[dict[str, str]] = {"power": "power"}


@frozen
class Washington:
    """Change the US Washington track: political capital or Congress support (C11)."""

    type: Literal["washington"]
    variable: Literal["political_capital", "congress_support"] = field(
        metadata=doc("political_capital or congress_support")
    )
    amount: float = field(metadata=doc("points"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: washington, variable: congress_support, amount: 10}"
    REFS: ClassVar[dict[str, str]] = {}


@frozen
class SetGlobal:
    """Set a global condition such as war_in_ukraine or brics_expanded."""

    type: Literal["global"]
    name: str = field(metadata=doc("the global condition's id"))
    value: bool = field(default=True, metadata=doc("the new value"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: global, name: brics_expanded, value: true}"
    REFS: ClassVar[dict[str, str]] = {"name": "global"}


@frozen
class ChangeGlobal:
    """Raise or lower a number-valued global (a drought's severity), kept within a range."""

    type: Literal["global_number"]
    name: str = field(metadata=doc("the global's id (declare it under 'globals:' with a number)"))
    amount: float = field(metadata=doc("how much to add (negative to lower)"))
    at_least: float = field(default=0.0, metadata=doc("the value never falls below this"))
    at_most: float = field(default=100.0, metadata=doc("the value never rises above this"))
    COUNTRY: ClassVar[bool] = False
    EXAMPLE: ClassVar[str] = "{type: global_number, name: drought, amount: 1}"
    REFS: ClassVar[dict[str, str]] = {"name": "global"}


Effect = (
    Influence
    | Goodwill
    | Shift
    | Adjust
    | Trait
    | Floor
    | SetFlag
    | Progress
    | RegionAdjust
    | Budget
    | Income
    | Washington
    | SetGlobal
    | ChangeGlobal
)

EFFECT_TYPES: dict[str, type] = tagged_registry(Effect, globals())
