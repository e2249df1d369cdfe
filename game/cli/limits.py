"""Limits on what one command may ask of the machine, each refused or capped with a message."""

from __future__ import annotations

import os
import sys

LARGE_BATCH = 100_000  # campaigns: above this a batch takes hours, so it must be asked for with --yes
CAMPAIGN_SECONDS = 0.03  # one 40-turn campaign on one core, for the estimate only (see `bench`)


def capped_jobs(jobs: int) -> int:
    """`jobs`, or the number of CPU cores with a warning when more were asked for."""
    cores = os.cpu_count() or 1
    if jobs > cores:
        print(f"warning: --jobs {jobs} is more than the {cores} CPU cores here; using {cores}", file=sys.stderr)
        return cores
    return jobs


def describe_duration(seconds: float) -> str:
    """'3.2 hours', '12 minutes' or '40 seconds'."""
    if seconds >= 3600:
        return f"{seconds / 3600:.1f} hours"
    if seconds >= 60:
        return f"{seconds / 60:.0f} minutes"
    return f"{seconds:.0f} seconds"
