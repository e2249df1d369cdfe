"""Rule parameters, one group per claim of the article; scenario YAML may override any.

Every group has a `strength`: 0 switches the claim's rule off, 1 is the default, 2 doubles
it. The defaults below are the model's calibration; each field says what it does and which
claim (C1–C19, see `../shared/design/claims.md`) it serves.
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen


def param(default: float, claim: str, text: str, lo: float = 0.0, hi: float = 1e6) -> Any:
    """A rule parameter with its claim, meaning and allowed range in metadata."""
    return field(default=default, metadata={"claim": claim, "doc": text, "min": lo, "max": hi})


def strength(claim: str) -> Any:
    return param(1.0, claim, "how strongly the rule acts: 0 switches it off, 1 is the default", 0, 5)


@frozen
class Balancing:
    """C1 multi-vector: states resist any one power's dominance (¶5)."""

    strength: float = strength("C1")
    threshold: float = param(0.42, "C1", "share of a state's total alignment above which balancing starts", 0.34, 1)
    receptivity_drop: float = param(1.6, "C1", "receptivity lost per unit of share above the threshold", 0, 10)
    drift: float = param(
        1.2, "C1", "alignment points per turn pulled from a dominant power, at full multi-vector strength", 0, 20
    )
    repeat_fatigue: float = param(
        0.7,
        "C1",
        "share of effect kept for each consecutive turn a power repeats an action in the same state: a state that balances tires of one lever",
        0,
        1,
    )


@frozen
class ThirdVector:
    """C2 additional partner: the US gains most where both rivals already weigh heavily (¶4, ¶8)."""

    strength: float = strength("C2")
    rival_level: float = param(30.0, "C2", "alignment both rivals must exceed for the premium", 0, 100)
    premium: float = param(0.3, "C2", "extra US receptivity where both rivals are present", 0, 5)
    backlash_margin: float = param(
        15.0,
        "C2",
        "a push that leaves a rival within this many points of its floor is an attempt to replace it",
        0,
        100,
    )
    backlash_alignment: float = param(3.0, "C2", "alignment the pusher loses when it tries to replace a rival", 0, 50)
    backlash_stability: float = param(2.0, "C2", "stability lost in that backlash", 0, 50)


@frozen
class RussiaStrain:
    """C3 strain with Russia: the war strains each state's ties with Moscow, whose influence slides
    toward the floor its structural ties guarantee; Russia works to mend them (¶5, ¶13)."""

    strength: float = strength("C3")
    growth: float = param(
        0.5, "C3", "strain added per turn while war_in_ukraine holds, at full multi-vector strength", 0, 20
    )
    ease: float = param(0.9, "C3", "strain that eases each turn (more when the war is over: see ease_after_war)", 0, 20)
    ease_after_war: float = param(3.0, "C3", "strain that eases each turn once war_in_ukraine is false", 0, 20)
    drift_per_turn: float = param(1.2, "C3", "Russian alignment lost per turn at strain 100", 0, 20)
    receptivity_penalty: float = param(0.6, "C3", "share of Russia's receptivity lost at strain 100", 0, 1)
    floor_per_trade_share: float = param(
        0.55, "C3", "Russian floor points per % of the state's trade with Russia", 0, 5
    )
    floor_per_remittance: float = param(
        0.35, "C3", "Russian floor points per % of GDP in remittances (mostly from Russia)", 0, 5
    )
    floor_per_treaty: float = param(6.0, "C3", "Russian floor points for each bloc membership or Russian base", 0, 50)


@frozen
class ChinaWariness:
    """C4 wariness of China: Chinese economic weight breeds public wariness (¶13)."""

    strength: float = strength("C4")
    per_gain: float = param(0.8, "C4", "wariness added per point of alignment China gains", 0, 10)
    from_weight: float = param(0.03, "C4", "wariness added per turn per point of Chinese alignment above 30", 0, 1)
    decay: float = param(0.8, "C4", "wariness that fades per turn", 0, 20)
    receptivity_penalty: float = param(0.7, "C4", "share of China's receptivity lost at wariness 100", 0, 1)
    us_opening: float = param(0.3, "C4", "extra US receptivity at wariness 100", 0, 5)
    floor_per_trade_share: float = param(0.45, "C4", "Chinese floor points per % of the state's trade with China", 0, 5)
    floor_per_pipeline: float = param(8.0, "C4", "Chinese floor points for a gas pipeline or large Chinese debt", 0, 50)


@frozen
class SoftPowerFirst:
    """C5 soft power first: big economic and political moves need trust built by goodwill (¶6, ¶13)."""

    strength: float = strength("C5")
    trust_needed: float = param(35.0, "C5", "US trust at which trade and diplomacy moves work fully", 1, 100)
    untrusted_effect: float = param(0.65, "C5", "share of a trade or diplomacy move's effect with no trust", 0, 1)
    big_move_trust: float = param(
        20.0, "C5", "US trust a state needs before it accepts a big move (actions tagged big) at all", 0, 100
    )


@frozen
class LongGame:
    """C6 long game: goodwill matures over turns and keeps paying; cash influence fades (¶13, ¶14)."""

    strength: float = strength("C6")
    mature_turns: int = param(8, "C6", "turns before goodwill matures (default for goodwill effects)", 1, 40)
    trust_per_goodwill: float = param(0.7, "C6", "US trust gained per matured goodwill point", 0, 10)
    alignment_per_goodwill: float = param(0.35, "C6", "durable US alignment per matured goodwill point", 0, 10)
    dividend: float = param(0.012, "C6", "durable US alignment per turn per trust point", 0, 1)
    cash_decay: float = param(0.22, "C6", "share of cash-bought influence that fades each turn", 0, 1)
    durable_decay: float = param(
        0.012, "C6", "share of every power's alignment above its floor that fades each turn", 0, 1
    )
    trust_decay: float = param(0.03, "C6", "share of trust that fades each turn", 0, 1)
    roots: float = param(
        0.05, "C6", "US floor points gained per turn per point of trust: sustained ties take root", 0, 1
    )
    roots_cap: float = param(55.0, "C6", "highest US floor that roots can build", 0, 100)


@frozen
class Window:
    """C7 window of opportunity: strain with Russia plus wariness of China open the door to the US,
    state by state, for as long as both run high (¶13). It closes faster where the US stays away
    (Moscow repairs ties unopposed), and events can announce a passing opening in one state."""

    strength: float = strength("C7")
    bonus: float = param(
        5.0, "C7", "extra US receptivity where strain with Russia and wariness of China are both 100", 0, 10
    )
    threshold: float = param(
        30.0, "C7", "strain and wariness (their geometric mean) below which the window is shut", 0, 100
    )
    lock_in: float = param(
        4.0,
        "C7",
        "share of a US gain that becomes US floor, per unit of window opening (ties won while it is open last)",
        0,
        20,
    )
    opening_fade: float = param(
        8.0, "C7", "points a passing opening (the state variable opening, raised by events) loses each turn", 0, 100
    )
    closes_unopposed: float = param(
        3.0,
        "C7",
        "extra strain with Russia that eases each turn in a state the US has left alone (Moscow repairs ties unopposed)",
        0,
        20,
    )
    unopposed_after: int = param(
        2, "C7", "quarters in a row without US engagement before Moscow repairs ties there unopposed", 0, 40
    )


@frozen
class C5Plus1:
    """C8 C5+1: region-wide diplomacy and summits whose payoff depends on attendance (¶12, ¶14)."""

    strength: float = strength("C8")
    region_share: float = param(0.5, "C8", "share of a region-wide action's effect each state receives", 0, 1)
    preparation_bonus: float = param(1.0, "C8", "summit payoff multiplier at full preparation (100)", 0, 5)


@frozen
class Corridor:
    """C9 bypass routes: the Trans-Caspian route cuts Russian transit leverage (¶9)."""

    strength: float = strength("C9")
    western_trade_per_turn: float = param(2.0, "C9", "western trade gained per turn once the route runs", 0, 20)
    russia_leverage: float = param(
        0.25,
        "C9",
        "share of Russia's receptivity lost in a corridor state once the route runs (transit bypasses it)",
        0,
        1,
    )


@frozen
class Ericen:
    """C10 ERICEN: funding it makes corridor and trade actions cheaper (¶9)."""

    strength: float = strength("C10")
    discount: float = param(0.25, "C10", "share of trade-track cost saved once ERICEN is funded", 0, 0.9)
    corridor_boost: float = param(0.5, "C10", "extra corridor progress per funding once ERICEN is funded", 0, 5)


@frozen
class Pntr:
    """C11 PNTR: a Washington track that, once passed, multiplies US trade (¶11)."""

    strength: float = strength("C11")
    trade_bonus: float = param(0.5, "C11", "extra effect of US trade actions in states with PNTR", 0, 5)
    capital_income: float = param(2.0, "C11", "political capital the US gains each turn", 0, 50)
    capital_cap: float = param(30.0, "C11", "most political capital that can be banked", 0, 500)


@frozen
class SharedThreats:
    """C12 shared threats: cooperation lowers the risk of instability, which erodes all gains (¶10)."""

    strength: float = strength("C12")
    resilience_decay: float = param(1.5, "C12", "resilience that fades per turn", 0, 20)
    mitigation: float = param(0.8, "C12", "share of a threat event's chance removed at resilience 100", 0, 1)
    instability_penalty: float = param(0.5, "C12", "share of every power's gains lost at stability 0", 0, 1)
    recovery: float = param(0.04, "C12", "share of the gap to 60 that stability recovers per turn", 0, 1)


@frozen
class WinWin:
    """C13 win-win: development and technology offers raise receptivity and stability (¶11)."""

    strength: float = strength("C13")
    stability_per_economy: float = param(0.02, "C13", "stability per turn per economy point above 50", 0, 1)
    economy_drift: float = param(0.15, "C13", "economy lost per turn without investment", 0, 10)


@frozen
class KazakhstanLeads:
    """C14 Kazakhstan leads: a strategic partnership with Kazakhstan is a milestone (¶5, ¶6)."""

    strength: float = strength("C14")
    partnership_share: float = param(
        0.37, "C14", "US share of Kazakhstan's alignment with the three powers needed for the partnership", 0, 1
    )
    partnership_trust: float = param(22.0, "C14", "US trust in Kazakhstan needed for the partnership", 0, 100)


@frozen
class Resources:
    """C15 resources: resource deals pay well and provoke rivals (¶4)."""

    strength: float = strength("C15")
    rival_reaction: float = param(
        2.0, "C15", "alignment each rival regains in the state after a US resource deal", 0, 50
    )


@frozen
class Leverage:
    """C16 portfolio and leverage: regional standing yields diplomatic income (¶4, ¶7, ¶8)."""

    strength: float = strength("C16")
    income_per_standing: float = param(
        0.12, "C16", "US diplomacy points per turn per point of regional standing above baseline", 0, 5
    )
    baseline: float = param(
        15.0, "C16", "regional standing (percent share) below which the region yields no leverage", 0, 100
    )


@frozen
class MultipolarDrift:
    """C17 multipolar drift: rivals gain budget when the US falls behind (¶2, ¶7)."""

    strength: float = strength("C17")
    catch_up: float = param(
        0.1, "C17", "rival trade points per turn per point of regional standing the US trails that rival", 0, 5
    )


@frozen
class Neglect:
    """C19 cost of neglect: without sustained engagement US influence decays and rivals fill the gap (¶15)."""

    strength: float = strength("C19")
    grace_turns: int = param(2, "C19", "turns without US engagement before decay starts", 0, 40)
    decay_per_turn: float = param(
        0.01,
        "C19",
        "share of US alignment above its floor lost per turn, for each turn of neglect past the grace",
        0,
        1,
    )
    max_decay: float = param(0.04, "C19", "the most of that share lost in one turn", 0, 1)
    fill_share: float = param(0.5, "C19", "share of the US loss rivals pick up", 0, 1)
    min_engagement: float = param(
        1.5,
        "C19",
        "points the US must spend on a state in a turn for it to count as engaged (a region-wide order counts its cost shared among the states)",
        0,
        100,
    )


@frozen
class Contest:
    """What makes each turn a decision: large projects compete for room in a state, contracts
    go to the best offer, and summit preparation cannot be banked (C15, C13, C8). Repeat
    fatigue belongs to balancing (C1)."""

    strength: float = param(1.0, "C15", "how strongly the contest rules act: 0 switches them off", 0, 5)
    project_capacity: int = param(
        2, "C15", "large projects (actions tagged large_project) a state hosts at once, from any power", 0, 20
    )
    project_turns: int = param(8, "C15", "turns a large project occupies its place in the state", 1, 40)
    preparation_decay: float = param(
        0.1, "C8", "share of C5+1 summit preparation lost each turn (working groups move on)", 0, 1
    )
    tender_chance: float = param(
        0.04,
        "C15",
        "chance per state and turn that it opens a tender: a contract for the best offer; 0: no tenders "
        "(the other contest rules stay)",
        0,
        1,
    )
    tender_turns: int = param(3, "C15", "turns a tender stays open for offers", 1, 20)
    tender_prize: float = param(
        16.0, "C13", "durable alignment (and floor) the winner of a tender gains in that state", 0, 50
    )
    offer_weighting: float = param(
        0.5,
        "C15",
        "how much a state's receptivity to a power weighs its offers: the offer is points x receptivity to this "
        "power (1: fully, 0: points alone)",
        0,
        2,
    )
    tender_min_bid: float = param(
        2.0,
        "C15",
        "the least offer that can win a tender: points spent in the state, weighed as the state receives that power",
        0,
        100,
    )


@frozen
class RuleParams:
    """All rule parameters, by claim. A scenario's `rules:` block overrides any of them."""

    balancing: Balancing = Balancing()
    third_vector: ThirdVector = ThirdVector()
    russia_strain: RussiaStrain = RussiaStrain()
    china_wariness: ChinaWariness = ChinaWariness()
    soft_power_first: SoftPowerFirst = SoftPowerFirst()
    long_game: LongGame = LongGame()
    window: Window = Window()
    c5plus1: C5Plus1 = C5Plus1()
    corridor: Corridor = Corridor()
    ericen: Ericen = Ericen()
    pntr: Pntr = Pntr()
    shared_threats: SharedThreats = SharedThreats()
    win_win: WinWin = WinWin()
    kazakhstan_leads: KazakhstanLeads = KazakhstanLeads()
    resources: Resources = Resources()
    leverage: Leverage = Leverage()
    multipolar: MultipolarDrift = MultipolarDrift()
    neglect: Neglect = Neglect()
    contest: Contest = Contest()
