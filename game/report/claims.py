"""Short labels for claim ids, in the model's own words (never quoting the article).

The labels come from the rule parameter groups' docstrings ("C3 strain with Russia: ..."),
so a claim is named the same way in `python main.py rules`, the debrief and the docs.
"""

from __future__ import annotations

import functools
import re

import attrs

from game.content.rules import RuleParams

_EXTRA = {"C18": ("old lens", "a security-only view of the region (scenario data)")}
_DOC = re.compile(r"^(C\d+) ([^:]+): (.*?)(?: \(¶[^)]*\))?\.?$")


@functools.cache
def claim_labels() -> dict[str, tuple[str, str]]:
    """claim id -> (short name, one-line summary)."""
    labels = dict(_EXTRA)
    for group in attrs.fields(RuleParams):
        first_line = (type(group.default).__doc__ or "").strip().splitlines()[0]  # types are strings here
        match = _DOC.match(first_line)
        if match:
            labels[match.group(1)] = (match.group(2), match.group(3))
    return dict(sorted(labels.items(), key=lambda item: int(item[0][1:])))


def claim_name(claim: str) -> str:
    """'C3 strain with Russia' (or the bare id when unknown)."""
    label = claim_labels().get(claim)
    return f"{claim} {label[0]}" if label else claim
