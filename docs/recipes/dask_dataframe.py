"""khabar over a Dask DataFrame of articles (id, text, published): a DataFrame of facts
(`facts_of`) or of events (`events_of`).

    python docs/recipes/dask_dataframe.py [CORPUS_DIR]   # a directory of .txt files; default: seeds/
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import dask
import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import khabar

N_WORKERS = 2


def facts_frame(part: pd.DataFrame, nlp: khabar.Pipeline) -> pd.DataFrame:
    """The facts table of one partition of articles (runs on a worker)."""
    published = [None if pd.isna(d) else str(d) for d in part["published"]]
    docs = nlp.pipe(part["text"].tolist(), published, ids=part["id"].tolist(), n_threads=1)
    # Pass the ids: without them `doc` would be the position within the partition.
    return khabar.facts(docs)


def facts_of(articles: dd.DataFrame, nlp: khabar.Pipeline) -> dd.DataFrame:
    """A Dask DataFrame of the facts of every article (lazy)."""
    return articles.map_partitions(facts_frame, dask.delayed(nlp, pure=True),
                                   meta=khabar.facts([]))


def events_frame(part: pd.DataFrame, nlp: khabar.Pipeline) -> pd.DataFrame:
    """The events table of one partition of articles (runs on a worker)."""
    published = [None if pd.isna(d) else str(d) for d in part["published"]]
    docs = nlp.pipe(part["text"].tolist(), published, ids=part["id"].tolist(), n_threads=1)
    return khabar.events(docs)


def events_of(articles: dd.DataFrame, nlp: khabar.Pipeline) -> dd.DataFrame:
    """A Dask DataFrame of the events of every article (lazy), one row per incident."""
    return articles.map_partitions(events_frame, dask.delayed(nlp, pure=True),
                                   meta=khabar.events([]))


def local_cluster() -> LocalCluster:
    return LocalCluster(n_workers=N_WORKERS, threads_per_worker=1, processes=True,
                        dashboard_address=None)


def run(articles: pd.DataFrame, nlp: khabar.Pipeline) -> pd.DataFrame:
    """The facts of every article, computed on a local cluster."""
    with local_cluster() as cluster, Client(cluster):
        # Real data would come from dd.read_parquet/read_csv: from_pandas puts the texts
        # into the task graph (Dask warns above ~10 MB).
        ddf = dd.from_pandas(articles, npartitions=min(len(articles), 8 * N_WORKERS))
        result: pd.DataFrame = facts_of(ddf, nlp).compute()
    return result.reset_index(drop=True)


def run_events(articles: pd.DataFrame, nlp: khabar.Pipeline) -> pd.DataFrame:
    """The events of every article, computed on a local cluster."""
    with local_cluster() as cluster, Client(cluster):
        ddf = dd.from_pandas(articles, npartitions=min(len(articles), 8 * N_WORKERS))
        result: pd.DataFrame = events_of(ddf, nlp).compute()
    return result.reset_index(drop=True)


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "seeds")
    paths = sorted(corpus.glob("*.txt"))
    articles = pd.DataFrame({
        "id": [p.name for p in paths],
        "text": [p.read_text(encoding="utf-8") for p in paths],
        "published": [None] * len(paths),  # unknown here: the pipeline finds it ('auto')
    })
    nbytes = sum(len(t.encode()) for t in articles["text"])
    nlp = khabar.Pipeline(reference_date="auto")
    with local_cluster() as cluster, Client(cluster) as client:
        client.wait_for_workers(N_WORKERS)
        start = time.perf_counter()  # the cluster is up: time the work alone
        ddf = dd.from_pandas(articles, npartitions=min(len(articles), 8 * N_WORKERS))
        facts = facts_of(ddf, nlp).compute()
        seconds = time.perf_counter() - start
    print(f"{len(facts)} facts from {nbytes / 1e6:.1f} MB in {seconds:.2f} s "
          f"({nbytes / 1e6 / seconds:.2f} MB/s, {N_WORKERS} workers)")

if __name__ == "__main__":
    main()
