"""What reading each result list costs from Python, on top of `Pipeline.pipe` itself.

    make bench-data && make python-env
    .venv/bin/python benches/python_objects.py [CORPUS_FILE]

`pipe` returns Documents whose lists (sentences, entities, quantities, dates) are built on
first access; this times one-thread `pipe` over the corpus alone, then with each list read,
and prints the extra milliseconds per MB (best of five passes each).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import khabar

ROOT = Path(__file__).resolve().parents[1]
SEPARATOR = "\n\x1e\n"  # between documents in the corpus files (benches/make_corpus.py)
PASSES = 5  # best of: single passes on a shared VM vary by 10-20%


def best_ms_per_mb(nlp: Any, texts: list[str], mb: float,
                   read: Callable[[Iterable[Any]], object]) -> float:
    best = float("inf")
    for _ in range(PASSES):
        start = time.perf_counter()
        read(nlp.pipe(texts, n_threads=1))
        best = min(best, time.perf_counter() - start)
    return best / mb * 1000


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "benches/data/corpus-10mb.txt"
    texts = path.read_text(encoding="utf-8").split(SEPARATOR)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    nlp = khabar.Pipeline(reference_date="2021-11-09")
    base = best_ms_per_mb(nlp, texts, mb, list)
    print(f"{path.name}: {len(texts)} documents, {mb:.1f} MB")
    print(f"  pipe alone                {base:6.1f} ms/MB")
    lists = ["sentences", "entities", "quantities", "dates"]
    for name in lists:
        def read_one(docs: Iterable[Any], n: str = name) -> object:
            return [len(getattr(d, n)) for d in docs]
        cost = best_ms_per_mb(nlp, texts, mb, read_one)
        print(f"  + reading .{name:<11}    {cost - base:+6.1f} ms/MB")
    every = best_ms_per_mb(nlp, texts, mb,
                           lambda docs: [sum(len(getattr(d, n)) for n in lists) for d in docs])
    print(f"  + reading all four        {every - base:+6.1f} ms/MB")


if __name__ == "__main__":
    main()
