"""Orders are data: a power, an action and a target. Illegal ones raise `IllegalOrder`."""

from __future__ import annotations

from typing import Any

import attrs


@attrs.frozen
class Order:
    """An intent to carry out an action; `target` is a state id, or None for region/Washington."""

    power: str
    action: str
    target: str | None = None

    def to_data(self) -> dict[str, Any]:
        return {"power": self.power, "action": self.action, "target": self.target}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Order:
        return cls(str(data["power"]), str(data["action"]), data.get("target"))


@attrs.frozen
class PlannedOrder:
    """An order with the stated reason its chooser gave (shown in the turn report)."""

    order: Order
    reason: str = ""


@attrs.frozen
class Decision:
    """An event waiting for the US player's choice."""

    event: str
    state: str | None
    turn: int

    @property
    def key(self) -> str:
        return f"{self.event}@{self.state or 'region'}@{self.turn}"


class IllegalOrder(Exception):
    """An order the rules refuse; the message is written for the player."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
