"""Python end-to-end throughput of khabar: extract, pipe, and threads (GIL released).

    python benches/python_bench.py [--corpus DIR]

The 10 MB corpus is the one the criterion benches use, written by
``cargo run --release -p khabar-benches --bin make-corpus -- --dir DIR`` (done for you when
--corpus is not given). Compare the MB/s with ``cargo bench -p khabar-benches --bench pipeline``
(the same work in Rust) to see what the Python layer costs.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import khabar

ROOT = Path(__file__).resolve().parents[1]


def mb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def best_of(n: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def corpus(dir_: Path | None) -> list[str]:
    if dir_ is None:
        dir_ = Path(tempfile.mkdtemp(prefix="khabar-corpus-"))
        subprocess.run(["cargo", "run", "--quiet", "--release", "-p", "khabar-benches", "--bin",
                        "make-corpus", "--", "--dir", str(dir_)], check=True, cwd=ROOT)
    return [p.read_text(encoding="utf-8") for p in sorted(dir_.glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path)
    args = ap.parse_args()
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    large = corpus(args.corpus)
    nlp = khabar.Pipeline(reference_date="2021-11-09")
    nlp(seeds[0])  # build the default gazetteer once

    print(f"{'input':<8} {'what':<44} {'MB/s':>8}")
    for name, texts, reps in (("seeds", seeds, 20), ("large", large, 2)):
        size = mb(texts)
        runs = {
            "extract, one text at a time": lambda: [nlp(t) for t in texts],
            "extract + touch every result": lambda: [
                (d.entities, d.quantities, d.dates) for d in (nlp(t) for t in texts)],
            "pipe, 1 thread": lambda: nlp.pipe(texts, n_threads=1),
            "pipe, all cores": lambda: nlp.pipe(texts),
            "pipe + touch every result": lambda: [
                (d.entities, d.quantities, d.dates) for d in nlp.pipe(texts)],
        }
        for what, fn in runs.items():
            print(f"{name:<8} {what:<44} {size / best_of(reps, fn):8.2f}")

    # Threads: the GIL is released during Rust work, so Python threads run in parallel.
    texts = large[: len(large) // 4]
    size = mb(texts)
    serial = best_of(2, lambda: [nlp(t) for t in texts])

    def threaded() -> None:
        chunks = [texts[i::2] for i in range(2)]
        ts = [threading.Thread(target=lambda c=c: [nlp(t) for t in c]) for c in chunks]
        for t in ts:
            t.start()
        for t in ts:
            t.join()

    par = best_of(2, threaded)
    print(f"threads  extract from 1 Python thread                 {size / serial:8.2f}")
    print(f"threads  extract from 2 Python threads                {size / par:8.2f}"
          f"   (speed-up {serial / par:.2f}x)")


if __name__ == "__main__":
    main()
