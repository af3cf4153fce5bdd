"""khabar over a Dask bag of files, on a local cluster of two worker processes.

    python docs/recipes/dask_bag.py [CORPUS_DIR]     # a directory of .txt files; default: seeds/

Each worker reads its own files and returns plain fact rows (dicts; `events_bag` does the
same for the events), so the texts never
travel through the client and only small records come back. Each partition's rows travel as
one item (a list): a bag of one item per fact row makes Dask handle every row on its own when
it gathers the result, which took 10 s for the 95,170 rows of the 20 MB corpus against 1.9 s
this way.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, Iterable

import dask
import dask.bag as db
from dask.distributed import Client, LocalCluster

import khabar

N_WORKERS = 2


def facts_of_files(paths: Iterable[str], nlp: khabar.Pipeline) -> list[list[dict[str, Any]]]:
    """The fact rows of one partition of files, as the partition's one item (on a worker)."""
    paths = list(paths)
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    # One thread per call: Dask already runs one task per worker core.
    docs = nlp.pipe(texts, ids=[Path(p).name for p in paths], n_threads=1)
    return [[row for doc in docs for row in doc.facts()]]


def facts_bag(corpus: Path, nlp: khabar.Pipeline) -> db.Bag:
    """A bag of the fact rows of the corpus, one list per partition (lazy: nothing runs
    until `compute`)."""
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    bag = db.from_sequence(paths, npartitions=min(len(paths), 8 * N_WORKERS))
    # Wrapped in dask.delayed, the pipeline is pickled once and sent to each worker
    # once, not embedded in every task.
    return bag.map_partitions(facts_of_files, dask.delayed(nlp, pure=True))


def events_of_files(paths: Iterable[str], nlp: khabar.Pipeline) -> list[list[dict[str, Any]]]:
    """The event rows (``Event.to_dict()`` with the document's id as ``doc``) of one
    partition of files, as the partition's one item (on a worker)."""
    paths = list(paths)
    texts = [Path(p).read_text(encoding="utf-8") for p in paths]
    docs = nlp.pipe(texts, ids=[Path(p).name for p in paths], n_threads=1)
    return [[{"doc": doc.id, **e.to_dict()} for doc in docs for e in doc.events]]


def events_bag(corpus: Path, nlp: khabar.Pipeline) -> db.Bag:
    """A bag of the event rows of the corpus, one list per partition (lazy)."""
    paths = sorted(str(p) for p in corpus.glob("*.txt"))
    bag = db.from_sequence(paths, npartitions=min(len(paths), 8 * N_WORKERS))
    return bag.map_partitions(events_of_files, dask.delayed(nlp, pure=True))


def rows_of(bag: db.Bag) -> list[dict[str, Any]]:
    """Every fact row, in corpus order."""
    return [row for part in bag.compute() for row in part]


def local_cluster() -> LocalCluster:
    return LocalCluster(n_workers=N_WORKERS, threads_per_worker=1, processes=True,
                        dashboard_address=None)


def run(corpus: Path, nlp: khabar.Pipeline) -> list[dict[str, Any]]:
    """Every fact row of the corpus, computed on a local cluster."""
    with local_cluster() as cluster, Client(cluster):
        return rows_of(facts_bag(corpus, nlp))


def run_events(corpus: Path, nlp: khabar.Pipeline) -> list[dict[str, Any]]:
    """Every event row of the corpus, computed on a local cluster."""
    with local_cluster() as cluster, Client(cluster):
        return rows_of(events_bag(corpus, nlp))


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "seeds")
    nbytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    nlp = khabar.Pipeline(reference_date="auto")
    with local_cluster() as cluster, Client(cluster) as client:
        client.wait_for_workers(N_WORKERS)
        start = time.perf_counter()  # the cluster is up: time the work alone
        rows = rows_of(facts_bag(corpus, nlp))
        seconds = time.perf_counter() - start
    print(f"{len(rows)} facts from {nbytes / 1e6:.1f} MB in {seconds:.2f} s "
          f"({nbytes / 1e6 / seconds:.2f} MB/s, {N_WORKERS} workers)")

if __name__ == "__main__":
    main()
