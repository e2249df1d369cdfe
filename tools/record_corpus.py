"""Re-record the regression corpus (tests/data/corpus.json) from the code as it is now.

Run it from the repository root after an intended model change (scenario numbers, rule
parameters, doctrine), never to make a speed-up pass: a speed-up must leave the corpus as
it was. One command, one file:

    python tools/record_corpus.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from game.batch import corpus


def main() -> int:
    started = time.perf_counter()
    data = corpus.record()
    corpus.write(data)
    print(f"recorded {len(data)} campaigns in {time.perf_counter() - started:.1f} s to {corpus.CORPUS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
