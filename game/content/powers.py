"""The power table: one row per power (name, adjective, look, doctrine) read by every layer.

A scenario declares its powers; the United States, Russia and China are always there (the
rules C3, C4 and C7 name them) and a scenario may add more. Names and looks of the three
default here, so existing scenarios need no change. Presentation hints (colour, shape,
hatch pattern, chart line) live in content rather than the UI because the window and the
HTML report both draw powers, and content is the one layer both may import; the simulation
never reads them. A power with no declared look gets the next unused one from a fallback
list, so a fourth power never silently looks like China.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Final, Literal

from attrs import field, frozen

from game.content.conditions import doc

if TYPE_CHECKING:
    from game.content.scenario import PowerDef

PLAYER: Final = "us"  # the side a person plays; the Washington track and C5/C7 are its rules
STANDARD: Final[tuple[str, ...]] = ("us", "russia", "china")  # every scenario has these three

Shape = Literal["star", "square", "triangle", "diamond", "circle", "hexagon"]
Pattern = Literal["diagonal hatch", "horizontal lines", "dots", "vertical lines", "crosshatch", "back diagonal"]
LineStyle = Literal["solid", "dashed", "dotted", "dashdot"]
SHAPES: Final[tuple[str, ...]] = ("star", "square", "triangle", "diamond", "circle", "hexagon")
PATTERNS: Final[tuple[str, ...]] = (
    "diagonal hatch",
    "horizontal lines",
    "dots",
    "vertical lines",
    "crosshatch",
    "back diagonal",
)
LINE_STYLES: Final[tuple[str, ...]] = ("solid", "dashed", "dotted", "dashdot")


@frozen
class PowerLook:
    """How a power is drawn: never colour alone, so each also has a shape, pattern and line."""

    colour: str | None = field(default=None, metadata=doc("'#rrggbb' on the dark map"))
    paper_colour: str | None = field(
        default=None, metadata=doc("'#rrggbb' for charts on white paper (default: colour)")
    )
    shape: Shape | None = field(default=None, metadata=doc("badge on the map and in legends"))
    pattern: Pattern | None = field(default=None, metadata=doc("hatching over the states it leads"))
    line: LineStyle | None = field(default=None, metadata=doc("line style in charts"))


@frozen
class Look:
    """A complete look: every field set."""

    colour: str
    paper_colour: str
    shape: str
    pattern: str
    line: str


# The three standard powers in the Okabe–Ito palette, which stays distinguishable under the
# common forms of colour blindness; China's yellow is darkened to read on white paper.
_STANDARD_LOOKS: Final[dict[str, Look]] = {
    "us": Look("#0072B2", "#0072B2", "star", "diagonal hatch", "solid"),
    "russia": Look("#D55E00", "#D55E00", "square", "horizontal lines", "dashed"),
    "china": Look("#F0E442", "#B59B00", "triangle", "dots", "dotted"),
}
# Looks handed in turn to powers that declare none: the rest of Okabe–Ito, new shapes and patterns.
FALLBACK_LOOKS: Final[tuple[Look, ...]] = (
    Look("#009E73", "#009E73", "diamond", "vertical lines", "dashdot"),
    Look("#CC79A7", "#CC79A7", "circle", "crosshatch", "dashdot"),
    Look("#E69F00", "#B87F00", "hexagon", "back diagonal", "dashdot"),
)
_STANDARD_TEXT: Final[dict[str, tuple[str, str, str]]] = {  # name, short name, adjective
    "us": ("United States", "US", "US"),
    "russia": ("Russia", "Russia", "Russian"),
    "china": ("China", "China", "Chinese"),
}


_NUMBER_WORDS: Final[dict[int, str]] = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


@frozen
class PowerInfo:
    """One row of the table: who a power is and how it is drawn."""

    id: str
    name: str  # "United States"
    short: str  # "US": labels, bars and legends
    adjective: str  # "Russian": "Russian alignment"
    player: bool  # the side a person plays (the US)
    look: Look


@frozen
class PowerTable:
    """Every power of a scenario in its declared order (the order of bars, legends and tie-breaks)."""

    rows: tuple[PowerInfo, ...]

    @cached_property
    def ids(self) -> tuple[str, ...]:
        return tuple(row.id for row in self.rows)

    @cached_property
    def rivals(self) -> tuple[str, ...]:
        """The powers the computer plays against the player, in order."""
        return tuple(row.id for row in self.rows if not row.player)

    def __iter__(self) -> Iterator[PowerInfo]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, power: str) -> PowerInfo:
        for row in self.rows:
            if row.id == power:
                return row
        return _unknown_row(power)

    def name(self, power: str) -> str:
        return self[power].name

    def short(self, power: str) -> str:
        return self[power].short

    def adjective(self, power: str) -> str:
        return self[power].adjective

    @cached_property
    def count_word(self) -> str:
        """'three' powers in the standard game, 'four' with one added: how text counts them."""
        return _NUMBER_WORDS.get(len(self.rows), str(len(self.rows)))

    def sentence(self, powers: Iterable[str] | None = None, *, joined_by: str = "and", short: bool = False) -> str:
        """'the United States, Russia and China' (default every power): powers as a sentence lists them."""
        names = [
            ("the " if power == PLAYER else "") + (self.short(power) if short else self.name(power))
            for power in (self.ids if powers is None else powers)
        ]
        return ", ".join(names[:-1]) + f" {joined_by} " + names[-1] if len(names) > 1 else "".join(names)


def _unknown_row(power: str) -> PowerInfo:
    """A readable row for an id outside the table (an old save's text), never a KeyError."""
    name, short, adjective = _STANDARD_TEXT.get(power, (power.replace("_", " ").title(),) * 3)
    look = _STANDARD_LOOKS.get(power, FALLBACK_LOOKS[0])
    return PowerInfo(power, name, short, adjective, power == PLAYER, look)


def _merge(base: Look, declared: PowerLook | None) -> Look:
    if declared is None:
        return base
    colour = declared.colour or base.colour
    return Look(
        colour=colour,
        paper_colour=declared.paper_colour or (colour if declared.colour else base.paper_colour),
        shape=declared.shape or base.shape,
        pattern=declared.pattern or base.pattern,
        line=declared.line or base.line,
    )


def build_table(powers: Iterable[PowerDef]) -> PowerTable:
    """The table for a scenario's declared powers, with defaults for the standard three.

    A power with no look of its own gets the next fallback look, skipping any a declared
    look already uses, so no two powers share a colour or pattern unless an author says so.
    """
    defs = list(powers)
    colours = {d.look.colour for d in defs if d.look is not None and d.look.colour}
    patterns = {d.look.pattern for d in defs if d.look is not None and d.look.pattern}
    unused = [look for look in FALLBACK_LOOKS if look.colour not in colours and look.pattern not in patterns]
    spare = iter(unused or FALLBACK_LOOKS)
    rows = []
    for definition in defs:
        standard = _STANDARD_TEXT.get(definition.id)
        name = definition.name or (standard[0] if standard else definition.id)
        short = definition.short_name or (standard[1] if standard else name)
        adjective = definition.adjective or (standard[2] if standard else name)
        base = _STANDARD_LOOKS.get(definition.id) or next(spare, FALLBACK_LOOKS[-1])
        rows.append(
            PowerInfo(definition.id, name, short, adjective, definition.id == PLAYER, _merge(base, definition.look))
        )
    return PowerTable(tuple(rows))


def display_name(power: str) -> str:
    """A power's name where no scenario is at hand: the standard name, or the id in title case."""
    return _unknown_row(power).name


def standard_table() -> PowerTable:
    """The three standard powers alone: for pictures drawn before a scenario is chosen."""
    rows = tuple(
        PowerInfo(power, *_STANDARD_TEXT[power], power == PLAYER, _STANDARD_LOOKS[power]) for power in STANDARD
    )
    return PowerTable(rows)


def short_display_name(power: str) -> str:
    """A power's short label where no scenario is at hand: 'US', 'Russia', or the id in title case."""
    return _unknown_row(power).short
