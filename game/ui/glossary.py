"""What each number on screen means and what moves it, with claim ids (tooltip text).

Meanings come from the scenario format's own field docs where they exist, so the window and
the format reference say the same thing; 'what moves it' names the rules and their claims.
"""

from __future__ import annotations

import attrs

from game.content.scenario import StateDef, StateFlags
from game.content.vocabulary import TRACK_NAMES


def _doc(cls: type, name: str) -> str:
    return str(attrs.fields_dict(cls)[name].metadata.get("doc", name))


MOVED_BY: dict[str, str] = {
    "alignment": "Moved by actions of every power (scaled by receptivity: C1, C2, C4, C5, C7, C12), "
    "goodwill maturing (C5, C6), balancing against a dominant partner (C1), Russia's strain (C3), "
    "cash-bought influence fading (C6) and neglect (C19). It never falls below the power's floor.",
    "stability": "Rises with a strong economy and development offers (C13); falls with shared threats "
    "from Afghanistan and water stress (C12) and with backlash when a rival is pushed too hard (C2).",
    "economy": "Raised by investment, consumer markets, skills training and the finished corridor (C9, C13).",
    "china_wariness": "Grows with every gain in Chinese economic weight and fades slowly (C4). "
    "High wariness lowers China's receptivity and opens the door to the US.",
    "russia_strain": "Strain in the state's ties with Moscow since the war in Ukraine (C3): it lowers "
    "Russia's receptivity and slides Russian alignment toward its floor. Together with wariness of "
    "China it opens the window for the US (C7). Moscow's state visits and a ceasefire ease it, and so "
    "does a US absence: after three quarters in a row without US engagement here, Moscow repairs "
    "ties unopposed and the window narrows.",
    "opening": "A passing opening for the US (C7): a reform drive or a quarrel with a "
    "rival makes the state court Western partners for a few quarters. It widens the window and "
    "fades each turn; efforts there go further while it lasts.",
    "resilience": "Built by security and climate cooperation; fades without it (C12).",
    "us_trust": "Built as goodwill matures (C5, C6); fades slowly. Trade and diplomacy work at full "
    "strength only once trust is built (C5).",
    "neglect_turns": "Counts quarters in a row without US engagement in the state: under 1.5 points "
    "spent there (a region-wide order counts a fifth of its cost in each state). Long neglect makes "
    "US alignment decay toward its floor (C19), and from the third quarter Moscow repairs ties "
    "unopposed, so the window narrows (C7).",
    "goodwill": "Soft power does not pay at once: goodwill waits in a pipeline and matures into "
    "trust and durable alignment on the turn shown (C5, C6).",
    "floors": "Structural ties (trade, migrants' remittances, treaties, pipelines) hold a power's "
    "alignment up: it cannot fall below this floor (C3, C4). Completing the corridor lowers "
    "Russia's floor in Kazakhstan and Turkmenistan (C9).",
    "fragile": "Influence bought with cash that is still fading away (C6).",
}

FLAG_DOCS: dict[str, str] = {name: _doc(StateFlags, name) for name in attrs.fields_dict(StateFlags)}

TRACK_DOCS: dict[str, str] = {
    "soft_power": "Soft power points: education, culture, tourism, consumer markets. Cheap, slow, lasting (C5, C6).",
    "trade": "Trade points: investment, resource deals, the corridor, ERICEN (C9, C10, C13, C15). "
    "Weak until trust is built (C5); cheaper once ERICEN is funded (C10).",
    "diplomacy": "Diplomacy points: summits, visits, security, water, technology (C8, C12, C13). "
    "Region income includes leverage from US standing (C16).",
}

WASHINGTON_DOCS: dict[str, str] = {
    "political_capital": "Political capital in Washington, spent by some actions and to push the PNTR "
    "bill; banked a little each turn (C11).",
    "congress_support": "Congress's support, 0–100: the chance the PNTR vote passes when the bill is "
    "ready (C11). Lobbying raises it; a failed vote lowers it.",
}

REGION_DOCS: dict[str, str] = {
    "c5plus1_preparation": "Preparation banked for the next C5+1 summit; a summit's payoff grows "
    "with it and uses it up (C8).",
    "backlash": "Resentment from trying to push a rival power out of a state; each point costs score (C2).",
    "western_trade": "Trade flowing west on the corridor once it is complete (C9).",
}


def value_tip(name: str) -> str:
    """Tooltip for one of a state's values (stability, us_trust, …)."""
    meaning = _doc(StateDef, name) if name in attrs.fields_dict(StateDef) else name.replace("_", " ")
    return f"{meaning}. {MOVED_BY.get(name, '')}".strip()


STANDING_TIP = (
    "Standing is a power's share of all the powers' alignment in a state. Tiers, worst first: "
    "rival-led, level (within 2 points of the strongest rival), leading, preferred partner (a share "
    "of at least the scenario's preferred share while leading). The score counts standing only up "
    "to the preferred share: the best result is a welcome additional partner, not a state pulled "
    "out of its neighbours' orbit (C1, C2). The points needed assume the rivals stand still."
)


TENDER_TIP = (
    "A tender (C13, C15): the state has put a contract out for offers. For a few turns every point a "
    "power spends on orders in the state counts as its offer (funding the corridor or ERICEN does not), "
    "weighed by how the state receives that power now: strain with Russia and wariness of China make "
    "their money count for less, the window makes US money count for more. When it closes, the best "
    "offer wins a durable gain there, alignment and floor; a rival that wins takes it instead. The "
    "offers are public, and so are the rivals' answers in the turn report."
)


def alignment_tip(name: str, value: float, floor: float, delta: float) -> str:
    """The tooltip on one power's alignment row; `name` is the power's name from the power table."""
    change = f"; {delta:+.1f} since you last pressed End Turn" if abs(delta) >= 0.05 else ""
    return f"Alignment with {name}: {value:.1f} of 100 (floor {floor:.1f}{change}). {MOVED_BY['alignment']}"


def track_name(track: str) -> str:
    return TRACK_NAMES.get(track, track)


SCORE_TIP = (
    "Campaign score: the mean of the US position over every turn so far, so influence held "
    "early counts as much as influence held late (C7, C19). The position is score-weighted "
    "US alignment (Kazakhstan weighs most, C14) plus milestones (partnership, corridor, PNTR), "
    "stability above 50, minus backlash (C2)."
)
GRADE_TIP = "The grade the current score would earn; thresholds come from the scenario."


SCORE_STARTS_LOW = (
    "The score is the average US position over the whole campaign, so it starts low (often grade F "
    "in the first turns) and climbs as you gain ground; the victory and defeat lines are checked "
    "against the final score at the end of the campaign."
)


def grade_bands(rules: object) -> list[tuple[str, str]]:
    """(grade, 'A: 60+  Partner of choice' / 'F: below 28  On the sidelines') for each grade."""
    grades = list(getattr(rules, "grades", ()))
    floors = [g.min_score for g in grades if g.min_score > -100]
    lowest = min(floors) if floors else 0.0
    return [
        (
            g.name,
            f"{g.name}: {g.min_score:g}+  {g.label}"
            if g.min_score > -100
            else f"{g.name}: below {lowest:g}  {g.label}",
        )
        for g in grades
    ]


def grades_sentence(rules: object) -> str:
    """'A from 60, B from 48, …, F below 28' for the briefing."""
    grades = list(getattr(rules, "grades", ()))
    floors = [g.min_score for g in grades if g.min_score > -100]
    lowest = min(floors) if floors else 0.0
    return ", ".join(
        f"{g.name} from {g.min_score:g}" if g.min_score > -100 else f"{g.name} below {lowest:g}" for g in grades
    )
