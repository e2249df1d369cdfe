"""Every rule the engine runs, with its claim ids and a plain-English summary (for help and docs).

Plain data, importing nothing of the game: `game.sim.phases.turn_order_lines()` joins these to the
phase table the engine loops over, so help lists the rules in the order a turn applies them.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class RuleInfo:
    id: str
    claims: tuple[str, ...]
    title: str
    summary: str


RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        "income",
        ("C16", "C17", "C11"),
        "Income",
        "Each power gets its budget; the US adds leverage from its regional standing; rivals gain when the US trails them; Washington banks political capital.",
    ),
    RuleInfo(
        "receptivity",
        ("C1", "C2", "C4", "C5", "C7", "C11", "C12"),
        "Receptivity",
        "How much of an effort a state takes in: balancing, the additional-partner premium, wariness of China, trust, the window, PNTR and stability.",
    ),
    RuleInfo(
        "backlash",
        ("C2",),
        "Backlash",
        "Pushing a rival against the floor its ties guarantee costs the pusher alignment and the state stability.",
    ),
    RuleInfo(
        "goodwill",
        ("C5", "C6"),
        "Goodwill matures",
        "Goodwill from soft power matures after some turns into trust and durable alignment; trust keeps paying a dividend.",
    ),
    RuleInfo(
        "balancing",
        ("C1",),
        "Multi-vector balancing",
        "A state pulls back from any power whose share of its alignment passes a threshold, toward the others.",
    ),
    RuleInfo(
        "russia_strain",
        ("C3",),
        "Strain with Russia",
        "While the war in Ukraine lasts, Russian alignment drifts down toward the floor its ties guarantee.",
    ),
    RuleInfo(
        "china_wariness",
        ("C4",),
        "Wariness of China",
        "Chinese economic weight adds public wariness, which fades slowly and lowers China's receptivity.",
    ),
    RuleInfo(
        "openings_fade",
        ("C7",),
        "Openings pass",
        "An opening an event announced (a reform drive, a quarrel with a rival) widens the window in one state and fades within a few quarters.",
    ),
    RuleInfo(
        "cash_fades",
        ("C6",),
        "Cash influence fades",
        "Influence bought with money fades quickly; influence built on goodwill lasts.",
    ),
    RuleInfo(
        "ties_fade",
        ("C6",),
        "Ties need upkeep",
        "US alignment above its floor fades slowly unless renewed: the long game is sustained, not one-off.",
    ),
    RuleInfo(
        "rival_upkeep",
        ("C1",),
        "A rival's ties need upkeep",
        "Russian and Chinese alignment above the floor also fades slowly: the states balance and take no partner for granted.",
    ),
    RuleInfo(
        "neglect",
        ("C19",),
        "Cost of neglect",
        "Where the US stops engaging, its alignment decays toward its floor and rivals fill the gap.",
    ),
    RuleInfo(
        "development",
        ("C13", "C12"),
        "Development and stability",
        "A strong economy steadies a state; resilience against shared threats fades without cooperation; stability recovers slowly.",
    ),
    RuleInfo(
        "projects",
        ("C9", "C10"),
        "Regional projects",
        "Projects advance when funded and complete at 100; ERICEN makes trade cheaper and the corridor faster; the finished corridor brings western trade.",
    ),
    RuleInfo(
        "summits",
        ("C8",),
        "C5+1 summits",
        "A summit's payoff grows with the preparation banked before it, which the summit then uses up.",
    ),
    RuleInfo(
        "resources",
        ("C15",),
        "Resource deals provoke rivals",
        "After a US resource deal, Russia and China each push back in that state.",
    ),
    RuleInfo(
        "contest",
        ("C4", "C8", "C13", "C15"),
        "The contest",
        "A state hosts only so many large projects at once, from any power; summit preparation fades if not used; "
        "tenders close, and the best offer (points spent in the state, weighed by how it receives each power) wins "
        "a durable gain there; new tenders open.",
    ),
    RuleInfo(
        "partnership",
        ("C14",),
        "Strategic partnership",
        "When US alignment and trust in Kazakhstan pass their thresholds, a strategic partnership forms.",
    ),
)
