"""The ledger's per-turn alignment sums (read by the rivals) equal a scan of its entries, also after a restore.

(A restored game playing on exactly as the uninterrupted one is held by tests/sim/test_restore.py.)
"""

from __future__ import annotations

from game.batch.campaign import play_campaign
from game.sim.ledger import Ledger


def _scanned(entries, turn):
    gains = {}
    for change in entries:
        if change.turn == turn and change.variable.startswith("alignment."):
            key = (change.target, change.variable.removeprefix("alignment."))
            gains[key] = gains.get(key, 0.0) + change.delta
    return gains


def test_each_turns_alignment_sums_equal_a_scan_of_that_turns_entries(window_2023):
    sim = play_campaign(window_2023, 5, "balanced", turns=8)
    for turn in range(1, 10):
        assert sim.world.ledger.alignment_gains(turn) == _scanned(sim.ledger, turn), turn
    assert sim.world.ledger.alignment_gains(3)  # a played turn moves alignment


def test_a_restored_ledger_answers_for_its_old_turns_and_keeps_summing_new_ones(window_2023):
    sim = play_campaign(window_2023, 5, "balanced", turns=6)
    split = len(sim.ledger) - 3  # part of the current turn's entries before the restore
    restored = Ledger(list(sim.ledger[:split]))
    restored.turn = sim.ledger[split].turn
    for change in sim.ledger[split:]:  # the rest of the turn, recorded after the restore
        group, key = change.variable.split(".", 1)
        restored.change({}, key, change.target, group, change.delta, change.cause, change.claims, -1e9, 1e9)
    for turn in range(1, 8):
        assert restored.alignment_gains(turn) == _scanned(restored.entries, turn), turn
