"""Small statistics for batch summaries and the thesis checks (no numpy needed)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

# Two-sided 95% critical values of Student's t by degrees of freedom (normal beyond 120).
_T95 = {
    1: 12.706,
    2: 4.303,
    3: 3.182,
    4: 2.776,
    5: 2.571,
    6: 2.447,
    7: 2.365,
    8: 2.306,
    9: 2.262,
    10: 2.228,
    12: 2.179,
    15: 2.131,
    20: 2.086,
    25: 2.060,
    30: 2.042,
    40: 2.021,
    60: 2.000,
    120: 1.980,
}


def t95(df: float) -> float:
    """The t critical value for a 95% interval (conservative: rounds df down to the table)."""
    if df < 1:
        return float("nan")
    usable = [d for d in _T95 if d <= df]
    return _T95[max(usable)] if df <= 120 else 1.960


@attrs.frozen
class Interval:
    """A mean (or difference of means) with its 95% confidence interval."""

    estimate: float
    low: float
    high: float
    n: int

    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0

    def __str__(self) -> str:
        return f"{self.estimate:.2f} [{self.low:.2f}, {self.high:.2f}]"


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else float("nan")


def variance(values: Sequence[float]) -> float:
    if len(values) < 2:
        return 0.0
    centre = mean(values)
    return sum((v - centre) ** 2 for v in values) / (len(values) - 1)


def mean_interval(values: Sequence[float]) -> Interval:
    """The mean with a t-based 95% interval."""
    n = len(values)
    centre = mean(values)
    if n < 2:
        return Interval(centre, centre, centre, n)
    half = t95(n - 1) * math.sqrt(variance(values) / n)
    return Interval(centre, centre - half, centre + half, n)


def paired_interval(a: Sequence[float], b: Sequence[float]) -> Interval:
    """Mean of a[i] − b[i] (same seeds) with a t-based 95% interval."""
    return mean_interval([x - y for x, y in zip(a, b, strict=True)])
