"""Help content: the first-turn guide, the claims (paraphrased, with ¶ numbers), actions, keys.

The claims are re-worded from the design's claims table, never quoted from the article.
"""

from __future__ import annotations

import attrs

from game.content.powers import Look, PowerTable
from game.content.scenario import Scenario
from game.content.vocabulary import TRACK_NAMES
from game.sim.phases import turn_order_lines
from game.ui import keymap


@attrs.frozen
class ClaimInfo:
    title: str
    paragraphs: str
    text: str
    in_game: str


CLAIMS: dict[str, ClaimInfo] = {
    "C1": ClaimInfo(
        "Multi-vector",
        "¶5",
        "Kazakhstan balances among several partners rather than joining a camp.",
        "A state resists any power whose share of its alignment grows too large.",
    ),
    "C2": ClaimInfo(
        "Additional partner",
        "¶4, ¶8",
        "The US can be an extra partner in a region ringed by rivals.",
        "US gains are larger where the other powers are present too; pushing them out backfires.",
    ),
    "C3": ClaimInfo(
        "Strain with Russia",
        "¶5, ¶13",
        "The war in Ukraine strains old ties with Moscow, which still endure.",
        "Each state's strain with Moscow lowers Russia's receptivity and slides its alignment toward the floor its ties set; Moscow mends ties with state visits.",
    ),
    "C4": ClaimInfo(
        "Wariness of China",
        "¶13",
        "Chinese projects are large, and public unease about them grows.",
        "Chinese gains add wariness, which weakens China and opens a door for the US.",
    ),
    "C5": ClaimInfo(
        "Soft power first",
        "¶6, ¶13",
        "For now US engagement runs mostly through education, markets and tourism.",
        "Soft power is cheap and slow; trade and diplomacy work fully only once trust is built.",
    ),
    "C6": ClaimInfo(
        "The long game",
        "¶13, ¶14",
        "Lasting investment in the next generation pays off for years.",
        "Goodwill matures over turns; cash-bought influence fades fast, goodwill-built influence lasts.",
    ),
    "C7": ClaimInfo(
        "Window of opportunity",
        "¶13",
        "Strain with Russia and unease about China open a timely window.",
        "A US receptivity bonus, state by state, while strain with Russia and wariness of China both run high; ties won while it is open take root as floor. It narrows as Moscow mends ties or the war ends, and faster where the US stays away. Events announce passing openings (a reform drive, a quarrel with a rival) that widen it in one state for a few quarters.",
    ),
    "C8": ClaimInfo(
        "C5+1",
        "¶12, ¶14",
        "The C5+1 format since 2015 fosters dialogue; summits act as catalysts.",
        "Region-wide actions reach all five; summits pay more the better they were prepared.",
    ),
    "C9": ClaimInfo(
        "Routes around Russia",
        "¶9",
        "The US wants trade and energy routes that bypass Russia; Kazakhstan wants to be a hub.",
        "The Trans-Caspian route: once built it lowers Russia's floor, makes Russia's gains count for less in "
        "the states on the route (its transit leverage is gone) and lifts western trade.",
    ),
    "C10": ClaimInfo(
        "ERICEN",
        "¶9",
        "A US initiative funds growth, corridors and infrastructure in the region.",
        "Funding ERICEN makes US trade actions cheaper and the corridor faster.",
    ),
    "C11": ClaimInfo(
        "PNTR",
        "¶11",
        "A bipartisan bill would end Cold War trade limits for three states.",
        "Spend political capital to pass PNTR; Congress may still fail. Once passed, trade works better.",
    ),
    "C12": ClaimInfo(
        "Shared threats",
        "¶10",
        "Extremism, narcotics and climate stress are common concerns.",
        "Security and climate cooperation build resilience; instability weakens every power's gains.",
    ),
    "C13": ClaimInfo(
        "Win-win",
        "¶11",
        "The states want technology, defence capability and development.",
        "Such offers raise receptivity, and development steadies a state.",
    ),
    "C14": ClaimInfo(
        "Kazakhstan leads",
        "¶5, ¶6",
        "The largest state is keen on closer US ties.",
        "Kazakhstan starts most open, weighs most in the score, and a partnership with it is a milestone.",
    ),
    "C15": ClaimInfo(
        "Resources",
        "¶4",
        "The region holds hydrocarbons and minerals and needs growth.",
        "Resource deals pay well and provoke Russia and China to answer.",
    ),
    "C16": ClaimInfo(
        "Portfolio and leverage",
        "¶4, ¶7, ¶8",
        "Engagement widens US options and gives useful intermediaries.",
        "Regional standing yields extra diplomacy points each turn.",
    ),
    "C17": ClaimInfo(
        "Multipolar drift",
        "¶2, ¶7",
        "A multipolar world and a larger BRICS leave Washington behind.",
        "Bloc events raise rivals' pull; rivals gain budget when the US trails.",
    ),
    "C18": ClaimInfo(
        "The old lens",
        "¶3",
        "Until 2021 Washington saw the region mostly as an Afghan supply route.",
        "Older scenarios start with security-heavy, low-goodwill ties.",
    ),
    "C19": ClaimInfo(
        "Cost of neglect",
        "¶15",
        "Not acting would be a missed chance and sideline America.",
        "Where the US stops engaging, its alignment decays toward its floor.",
    ),
}


def guide(table: PowerTable) -> str:
    """The first-turn guide, naming the scenario's own powers (a fourth power is named too)."""
    return f"""Your first turn, step by step.

1. Click a state on the map (or press Tab). The left panel shows where it leans: its alignment with {table.sentence()} (0–100), with a white tick at each power's floor, and last turn's change beside each number. Hover any number to learn what it means and what moves it.
2. On the right, pick a track: Soft power, Trade or Diplomacy (keys 1–3). Each shows the points left this turn. Each action lists its cost, and the line under it says what it is expected to do, already scaled by how receptive the state is. Hover an action for the full reasoning and the claims behind it.
3. Click an action to queue it. Greyed actions say why they cannot be ordered now. Queued orders appear under the map; click one to remove it.
4. Press End turn (Enter). {table.sentence(table.rivals)} {"moves" if len(table.rivals) == 1 else "move"}, the rules run, and the turn report opens with their answers to your moves, then where the US gained or lost in each state and why, then every change. Events may then ask you to decide.

Tips: soft power is cheap and slow but lasts (C5, C6). Trade and diplomacy are weak until trust is built. The window of opportunity shrinks (C7): start early. Do not try to push {table.sentence(table.rivals, joined_by="or")} out: states balance (C1) and backlash costs score (C2). Kazakhstan counts most (C14)."""


def meters(table: PowerTable) -> str:
    """What each meter means; the map's looks, the share bar and the score name every power in the table."""
    looks = "; ".join(f"{_look_words(row.look)}: {row.short}" for row in table)
    return f"""What the meters mean.

Alignment (0–100 per power): how far the state leans toward each power. The leader colours the map ({looks}).
On the map: a deeper shade means a wider lead. Under each state's name a bar splits it between {table.sentence(short=True)} (their shares of its alignment; the white tick is the preferred-partner share), the numbers give each share's change since End Turn, and an orange "tipped" frame marks a state whose lead just changed hands.
Standing: the US share of a state's alignment, in tiers: rival-led, level, leading, preferred partner. The line under "Leans toward" says how much alignment the US needs for the next tier (C1, C2).
Floor: the alignment a power's structural ties guarantee (trade, remittances, treaties, pipelines). It cannot fall below it (C3, C4).
Stability: domestic calm; instability weakens every power's gains (C12).
Economy: growth and openness; development steadies a state (C13).
Wariness of China: public unease about Chinese influence (C4).
Strain with Russia: how strained the state's ties with Moscow are since the war (C3); with wariness of China it opens the window (C7). Where the US has been absent for three quarters in a row (under 1.5 points a quarter there; a region-wide order counts a fifth of its cost in each state), Moscow repairs ties unopposed and the strain eases faster, so the window narrows.
US opening: a passing opening an event announced (a reform drive, a quarrel with a rival); shown only while it lasts. It widens the window in that state, so US efforts there go up to about twice as far, and fades within about three quarters (C7).
Tender: a contract a state puts out for offers, shown on its map plate ("tender · 2 turns") and in its panel with the offers so far. Every point a power spends on orders there counts as its offer, weighed by how the state receives it (strain, wariness, the window), and each order's line there says what it would offer; the best offer when it closes wins a durable gain there, alignment and floor, and a rival can win it first (C13, C15).
Trust in the US: built by maturing goodwill; trade and diplomacy need it (C5, C6).
Resilience: readiness against shared threats from Afghanistan and water stress (C12).
Goodwill in the pipeline: soft power that will mature into trust and durable alignment on the turn shown (C6).
Political capital and Congress support: the Washington track for the PNTR bill (C11).
Score: the mean, over turns played, of the US position: standing plus milestones and stability, minus backlash. Standing in a state is the US share of the {table.count_word} powers' alignment there (US ÷ all {table.count_word} × 100), counted up to the preferred-partner share (40 by default): every rival gain lowers it, and pulling a state out of its neighbours' orbit earns nothing more (C1, C2). The region's standing weights the states by importance (C14)."""


# The palette's colours as a reader names them (game.content.powers: Okabe–Ito); a colour an
# author chose is described by its shape and pattern alone.
_COLOUR_WORDS = {
    "#0072B2": "blue",
    "#D55E00": "vermillion",
    "#F0E442": "yellow",
    "#009E73": "green",
    "#CC79A7": "pink",
    "#E69F00": "orange",
}


def _look_words(look: Look) -> str:
    """'blue star and diagonal hatch': how the help names a power's look on the map."""
    colour = _COLOUR_WORDS.get(look.colour.upper())
    return f"{colour + ' ' if colour else ''}{look.shape} and {look.pattern}"


KEYS = (
    "Keys.\n\n"
    + "\n".join(keymap.help_lines())
    + "\n\n"
    + """For scenario authors: edit the scenario file while the game runs, save it and press F5 on the campaign screen. The game re-reads the file and replays the same seed and every order and decision so far on it, keeping the selected state and the class's seats and timer. If the file has errors, or the game so far cannot be replayed on it (say an action used earlier was removed), a panel lists each problem with its line and the old version keeps running; Esc closes the panel, F5 tries again."""
)


def claims_text() -> str:
    lines = ["The article's claims, paraphrased (¶ = paragraph of the article), and what each does in the game.", ""]
    for claim_id, info in CLAIMS.items():
        lines.append(f"{claim_id} {info.title} ({info.paragraphs}): {info.text} In the game: {info.in_game}")
    return "\n".join(lines)


def rules_text() -> str:
    lines = ["A turn's phases, in the order the engine runs them, with their rules and claims.", ""]
    lines += turn_order_lines()
    return "\n".join(lines)


def actions_text(scenario: Scenario) -> str:
    lines = [f"Every US action in {scenario.about.title}.", ""]
    for track in TRACK_NAMES:
        lines.append(f"— {TRACK_NAMES[track]} —")
        for action in scenario.actions:
            if action.power == "us" and action.track == track:
                target = {"state": "one state", "region": "all five (C5+1)", "washington": "Washington"}[action.target]
                delay = f", lands after {action.delay_turns} turns" if action.delay_turns else ""
                capital = f", {action.capital_cost} political capital" if action.capital_cost else ""
                lines.append(
                    f"{action.name} — {action.cost} points{capital}, {target}{delay} "
                    f"({', '.join(action.claims)}). {action.description}"
                )
        lines.append("")
    return "\n".join(lines)
