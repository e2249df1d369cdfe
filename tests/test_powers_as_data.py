"""No module lists the powers by hand: every list of them comes from the power table.

A hand-written ("russia", "china") is how an added power used to go missing silently (its
moves left out of the turn report, its map pattern the same as China's). Rules about Russia or
China alone (C3, C4, C7) name one power by id; only a collection naming both is a list of powers.
"""

from __future__ import annotations

import ast
from pathlib import Path

GAME = Path(__file__).resolve().parents[1] / "game"
TABLE = GAME / "content" / "powers.py"  # the one place the standard powers are listed


def _power_lists(path: Path) -> list[int]:
    """Lines of tuple, list or set literals that hold both 'russia' and 'china'."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            words = {item.value for item in node.elts if isinstance(item, ast.Constant)}
            if {"russia", "china"} <= words:
                lines.append(node.lineno)
    return lines


def test_only_the_power_table_lists_the_powers():
    found = {
        str(path.relative_to(GAME.parent)): lines
        for path in sorted(GAME.rglob("*.py"))
        if path != TABLE and (lines := _power_lists(path))
    }
    assert found == {}


def test_the_check_sees_a_hand_written_list():
    assert _power_lists(TABLE)  # the table itself lists them, so the check can find one
