"""The baseline: khabar in one process, on one thread and then on every core (`Pipeline.pipe`).

    python docs/recipes/single_process.py [CORPUS_DIR]   # default: seeds/
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import khabar


def run(corpus: Path, nlp: khabar.Pipeline, n_threads: int | None = None) -> list[dict[str, Any]]:
    paths = sorted(corpus.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    docs = nlp.pipe(texts, ids=[p.name for p in paths], n_threads=n_threads)
    return [row for doc in docs for row in doc.facts()]


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "seeds")
    nbytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    nlp = khabar.Pipeline(reference_date="auto")
    for n_threads in (1, os.cpu_count() or 1):
        start = time.perf_counter()
        rows = run(corpus, nlp, n_threads)
        seconds = time.perf_counter() - start
        print(f"{len(rows)} facts from {nbytes / 1e6:.1f} MB in {seconds:.2f} s "
              f"({nbytes / 1e6 / seconds:.2f} MB/s, one process, {n_threads} thread(s))")


if __name__ == "__main__":
    main()
