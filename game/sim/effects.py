"""Apply scenario effects to the world through a registry keyed by effect class."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from game.content import effects as e
from game.sim import preview as pv
from game.sim.receptivity import factor_tuples, window_opening
from game.sim.state import CountryState
from game.sim.world import World


class EffectContext(NamedTuple):
    """Who is acting, on which states, why, and any scaling (C5+1 summits, region share).

    A tuple rather than an attrs class: one is built for every order and event resolved.
    """

    actor: str  # a power id, or "event"
    targets: tuple[str, ...]
    cause: str
    claims: tuple[str, ...]
    track: str | None = None
    scale: float = 1.0


def _countries(effect: Any, world: World, ctx: EffectContext) -> list[CountryState]:
    ids = effect.states or ctx.targets
    return [world.state.countries[i] for i in ids]


def _influence(effect: e.Influence, world: World, ctx: EffectContext) -> None:
    power = effect.power or (ctx.actor if ctx.actor != "event" else "us")
    countries = world.state.countries
    amount = effect.amount * ctx.scale
    for state_id in effect.states or ctx.targets:  # `_countries`, without a call and a list (the hottest applier)
        country = countries[state_id]
        if amount >= 0:
            scale, shown = scaled_by(world, country, power, ctx.track)
            gain = world.shift_alignment(country, power, amount * scale, ctx.cause, ctx.claims, factors=shown)
            if not effect.durable and gain > 0:
                world.adjust_fragile(country, power, gain, ctx.cause, (*ctx.claims, "C6"))
            if power == "us" and gain > 0:
                _lock_in(world, country, gain, ctx)
            if power == "china" and gain > 0:  # C4: Chinese economic weight breeds wariness
                wary = world.rules.china_wariness
                world.adjust(country, "china_wariness", wary.strength * wary.per_gain * gain, ctx.cause, ("C4",))
        else:
            _push(world, country, power, amount, ctx)


def _lock_in(world: World, country: CountryState, gain: float, ctx: EffectContext) -> None:
    """C7: ties won while the window stands open outlast it; a share of the gain becomes floor.

    The share grows with how far the window is open, so early engagement leaves structure
    (agreements, institutions, habits) that a later effort through a shut door does not.
    """
    window = world.rules.window
    if not window.strength or not window.lock_in:
        return
    opening = window_opening(world, country.values)
    room = min(world.rules.long_game.roots_cap, country.alignment["us"]) - country.floors["us"]
    locked = min(room, window.strength * window.lock_in * opening * gain)
    if locked > 0:
        world.adjust_floor(country, "us", locked, f"rule:window_lock_in:{ctx.cause}", ("C7",))


def scaled_by(
    world: World, country: CountryState, power: str, track: str | None
) -> tuple[float, tuple[tuple[str, str, float], ...]]:
    """The receptivity multiplier on a gain and, for the ledger, the factors behind it.

    The product is taken in the same order as `receptivity.multiplier`, so it is the same
    number bit for bit; only factors that move a gain by at least 1% are kept for the ledger.
    """
    scale = 1.0
    shown = []
    for claim, label, value in factor_tuples(world, country, power, track):  # plain tuples: a hot path
        scale *= value
        off = value - 1.0  # kept when it moves the gain by 1% or more (abs() without a call)
        if off >= 0.01 or off <= -0.01:
            shown.append((claim, label, round(value, 2)))
    return scale, tuple(shown)


def _push(world: World, country: CountryState, power: str, amount: float, ctx: EffectContext) -> None:
    """Lower a power's alignment; pushing a rival toward its floor backfires on the pusher (C2)."""
    third = world.rules.third_vector
    room = country.alignment[power] - country.floors[power] - third.backlash_margin
    world.shift_alignment(country, power, amount, ctx.cause, ctx.claims)
    fragile = country.fragile[power]
    if fragile > 0:
        world.adjust_fragile(country, power, max(amount, -fragile), ctx.cause, ctx.claims)
    if ctx.actor in world.powers.ids and ctx.actor != power and -amount > room and third.strength:
        cause = f"rule:backlash:{ctx.cause}"
        lost = third.strength * third.backlash_alignment
        if ctx.actor == "us":  # the trust US ties had taken root in burns too, so a floor cannot shield it (C2, C6)
            world.adjust_floor(country, "us", -min(lost, country.floors["us"]), cause, ("C2",))
        world.shift_alignment(country, ctx.actor, -lost, cause, ("C2",))
        world.adjust(country, "stability", -third.strength * third.backlash_stability, cause, ("C2",))
        if ctx.actor == "us":
            world.adjust_region("backlash", third.strength, cause, ("C2",))


def _goodwill(effect: e.Goodwill, world: World, ctx: EffectContext) -> None:
    if not world.rules.long_game.strength:  # C6 off: goodwill is not a pipeline at all
        return
    delay = effect.matures_in or world.rules.long_game.mature_turns
    for country in _countries(effect, world, ctx):
        world.add_goodwill(country, world.turn + delay, effect.amount * ctx.scale, ctx.cause, ctx.claims)


def _shift(effect: e.Shift, world: World, ctx: EffectContext) -> None:
    for country in _countries(effect, world, ctx):
        world.shift_alignment(country, effect.power, effect.amount * ctx.scale, ctx.cause, ctx.claims)


def _adjust(effect: e.Adjust, world: World, ctx: EffectContext) -> None:
    countries = world.state.countries
    for state_id in effect.states or ctx.targets:  # `_countries`, without a call and a list (the second hottest)
        world.adjust(countries[state_id], effect.variable, effect.amount * ctx.scale, ctx.cause, ctx.claims)


def _trait(effect: e.Trait, world: World, ctx: EffectContext) -> None:
    """The state's own value starts from its definition; once changed, the rules read it from the state (C1)."""
    for country in _countries(effect, world, ctx):
        start = getattr(world.state_defs[country.id], effect.trait)
        country.values.setdefault(effect.trait, start)  # not a change: the value it already had
        world.ledger.change(
            country.values, effect.trait, country.id, "values", effect.amount * ctx.scale, ctx.cause, ctx.claims, hi=1.0
        )


def _floor(effect: e.Floor, world: World, ctx: EffectContext) -> None:
    for country in _countries(effect, world, ctx):
        world.adjust_floor(country, effect.power, effect.amount, ctx.cause, ctx.claims)


def _flag(effect: e.SetFlag, world: World, ctx: EffectContext) -> None:
    for country in _countries(effect, world, ctx):
        world.set_flag(country, effect.flag, effect.value, ctx.cause, ctx.claims)


def _project(effect: e.Progress, world: World, ctx: EffectContext) -> None:
    from game.sim.rules.projects import fund_project  # projects own completion and ERICEN (C9, C10)

    fund_project(world, effect.project, effect.amount * ctx.scale, ctx.cause, ctx.claims)


def _region(effect: e.RegionAdjust, world: World, ctx: EffectContext) -> None:
    world.adjust_region(effect.variable, effect.amount * ctx.scale, ctx.cause, ctx.claims)


def _budget(effect: e.Budget, world: World, ctx: EffectContext) -> None:
    world.adjust_budget(effect.power, effect.track, effect.amount, ctx.cause, ctx.claims)


def _income(effect: e.Income, world: World, ctx: EffectContext) -> None:
    """Remember the change; `apply_lasting` pays it with each income from next turn on."""
    last = world.turn + effect.turns if effect.turns is not None else None
    world.state.lasting.append(
        {
            "power": effect.power,
            "track": effect.track,
            "amount": effect.amount * ctx.scale,
            "first": world.turn + 1,
            "last": last,
            "cause": ctx.cause,
            "claims": list(ctx.claims),
        }
    )


def apply_lasting(world: World) -> None:
    """Pay this turn's lasting income changes (after income), dropping those that have run out."""
    turn = world.turn
    for item in world.state.lasting:
        if item["first"] <= turn and (item["last"] is None or turn <= item["last"]):
            cause = f"lasting:{item['cause']}"
            world.adjust_budget(item["power"], item["track"], item["amount"], cause, tuple(item["claims"]))
    world.state.lasting = [i for i in world.state.lasting if i["last"] is None or i["last"] > turn]


def _washington(effect: e.Washington, world: World, ctx: EffectContext) -> None:
    world.adjust_washington(effect.variable, effect.amount, ctx.cause, ctx.claims)


def _global(effect: e.SetGlobal, world: World, ctx: EffectContext) -> None:
    world.set_global(effect.name, effect.value, ctx.cause, ctx.claims)


def _global_number(effect: e.ChangeGlobal, world: World, ctx: EffectContext) -> None:
    """Through the ledger like every change; the range is the author's, not 0-100."""
    world.ledger.change(
        world.state.globals,
        effect.name,
        "region",
        "globals",
        effect.amount * ctx.scale,
        ctx.cause,
        ctx.claims,
        lo=effect.at_least,
        hi=effect.at_most,
    )


class EffectKind(NamedTuple):
    """Everything the game does with one effect kind, declared together (issue 12: closed kinds).

    `apply` changes the world; `preview` is the line a player reads before ordering; `value` is
    the planner's rough worth per unit. The content side declares the rest next to the class:
    the ids it refers to (`REFS`, checked by the validator) and its plain-English text
    (`game.content.explain.EFFECT_TEXT`). A test joins them so no kind can miss one.
    """

    apply: Callable[[Any, World, EffectContext], None]
    preview: Callable[[World, Any, pv.Look], str]
    value: Callable[[World, Any, str | None, float], float]


EFFECT_KINDS: dict[type, EffectKind] = {
    e.Influence: EffectKind(_influence, pv.influence_line, pv.influence_value),
    e.Goodwill: EffectKind(_goodwill, pv.goodwill_line, pv.goodwill_value),
    e.Shift: EffectKind(_shift, pv.shift_line, pv.unvalued),
    e.Adjust: EffectKind(_adjust, pv.adjust_line, pv.adjust_value),
    e.Trait: EffectKind(_trait, pv.trait_line, pv.unvalued),
    e.Floor: EffectKind(_floor, pv.floor_line, pv.unvalued),
    e.SetFlag: EffectKind(_flag, pv.flag_line, pv.unvalued),
    e.Progress: EffectKind(_project, pv.progress_line, pv.progress_value),
    e.RegionAdjust: EffectKind(_region, pv.region_line, pv.region_value),
    e.Budget: EffectKind(_budget, pv.budget_line, pv.unvalued),
    e.Income: EffectKind(_income, pv.income_line, pv.unvalued),
    e.Washington: EffectKind(_washington, pv.washington_line, pv.washington_value),
    e.SetGlobal: EffectKind(_global, pv.global_line, pv.unvalued),
    e.ChangeGlobal: EffectKind(_global_number, pv.global_number_line, pv.unvalued),
}

# The hot path's lookup: one dict read per effect applied.
APPLIERS: dict[type, Callable[[Any, World, EffectContext], None]] = {
    kind: entry.apply for kind, entry in EFFECT_KINDS.items()
}


def preview_line(world: World, effect: Any, look: pv.Look) -> str:
    """The line a player reads about one effect of an order not yet given."""
    return EFFECT_KINDS[type(effect)].preview(world, effect, look)


def effect_value(world: World, effect: Any, state_id: str | None, pressure: float) -> float:
    """The planner's rough worth of one effect to the US (raises KeyError for an undeclared kind)."""
    return EFFECT_KINDS[type(effect)].value(world, effect, state_id, pressure)


def apply_effects(effects: tuple[Any, ...], world: World, ctx: EffectContext) -> None:
    for effect in effects:
        APPLIERS[type(effect)](effect, world, ctx)
