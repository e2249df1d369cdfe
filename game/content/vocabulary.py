"""The fixed vocabulary every scenario shares: the three tracks and the variables rules read.

Powers are scenario data (`game.content.powers`): the game is about the United States,
Russia and China in Central Asia (the article's framing, ¶4), and a scenario may add more.
"""

from typing import Final, Literal

Power = str  # a power's id, checked against the scenario's declared powers by the validator
Track = Literal["soft_power", "trade", "diplomacy"]

TRACKS: Final[tuple[Track, ...]] = ("soft_power", "trade", "diplomacy")
TRACK_NAMES: Final[dict[str, str]] = {
    "soft_power": "Soft power",
    "trade": "Trade",
    "diplomacy": "Diplomacy",
}

# Per-country numeric variables that effects and conditions may name (all 0–100).
COUNTRY_VARIABLES: Final[tuple[str, ...]] = (
    "stability",
    "economy",
    "china_wariness",
    "russia_strain",
    "resilience",
    "us_trust",
    "opening",
)
# Region-wide numeric variables.
REGION_VARIABLES: Final[tuple[str, ...]] = (
    "c5plus1_preparation",
    "backlash",
    "western_trade",
)
# The US Washington track (C11).
WASHINGTON_VARIABLES: Final[tuple[str, ...]] = ("political_capital", "congress_support")
# Global conditions the rules read by name (the C3 drift reads war_in_ukraine).
RULE_GLOBALS: Final[tuple[str, ...]] = ("war_in_ukraine",)

# The project ids the rules read by name (C9, C10): the Trans-Caspian route and ERICEN.
CORRIDOR: Final = "trans_caspian"
ERICEN: Final = "ericen"
# Per-country boolean flags.
COUNTRY_FLAGS: Final[tuple[str, ...]] = ("pntr", "on_corridor", "afghan_border", "partnership")


def tagged_registry(union: object, namespace: dict[str, object]) -> dict[str, type]:
    """Map each `type:` tag to its attrs class for a union of tagged classes.

    Resolves the classes' string annotations first (cattrs needs them resolved too).
    """
    import typing

    import attrs

    registry: dict[str, type] = {}
    for cls in typing.get_args(union):
        attrs.resolve_types(cls, namespace)
        tag_type = attrs.fields(cls).type.type
        registry[typing.get_args(tag_type)[0]] = cls
    return registry
