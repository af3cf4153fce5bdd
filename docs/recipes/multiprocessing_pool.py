"""khabar over a multiprocessing Pool: the pipeline is built once per worker process.

    python docs/recipes/multiprocessing_pool.py [CORPUS_DIR]   # default: seeds/
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from pathlib import Path
from typing import Any

import khabar

N_WORKERS = 2
_nlp: khabar.Pipeline | None = None  # this worker process's pipeline


def init_worker(nlp: khabar.Pipeline) -> None:
    """Runs once in each worker: `nlp` arrives pickled (gazetteers included)."""
    global _nlp
    _nlp = nlp


def facts_of_file(path: str) -> list[dict[str, Any]]:
    assert _nlp is not None, "init_worker sets the pipeline"
    doc = _nlp(Path(path).read_text(encoding="utf-8"), id=Path(path).name)
    return doc.facts()


def run(corpus: Path, nlp: khabar.Pipeline) -> list[dict[str, Any]]:
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    # "spawn", not "fork": a forked child inherits a copy of the parent's thread-pool state
    # without its threads, which can hang if the parent already ran khabar in parallel.
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(N_WORKERS, initializer=init_worker, initargs=(nlp,)) as pool:
        per_file = pool.imap(facts_of_file, paths, chunksize=16)
        return [row for rows in per_file for row in rows]


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "seeds")
    nbytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    start = time.perf_counter()
    rows = run(corpus, khabar.Pipeline(reference_date="auto"))
    seconds = time.perf_counter() - start
    print(f"{len(rows)} facts from {nbytes / 1e6:.1f} MB in {seconds:.2f} s "
          f"({nbytes / 1e6 / seconds:.2f} MB/s, {N_WORKERS} processes)")


if __name__ == "__main__":
    main()
