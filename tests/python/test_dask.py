"""Scale out: khabar on a real Dask cluster of two worker processes gives what one process gives.

The pipeline (with a custom gazetteer whose source file is gone by the time the workers
run) is pickled to the workers; documents and fact rows are pickled back.
"""

from __future__ import annotations

import os
import pickle
from typing import Any, Iterable, Iterator

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd
import pytest
from dask.distributed import Client, LocalCluster

import khabar
from conftest import SEED_REFERENCES as REF


COPIES = 12  # the seeds ×12: 60 documents over 8 partitions

CUSTOM_CSV = ("id,name,label,aliases\n"
              "X:NSHURA,Nangarhar Shura,ORG,NS|the shura\n"
              "X:ZAMAN,Imam Zaman Mosque,FAC,Imam Zaman\n")


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        c.wait_for_workers(2)
        yield c


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> khabar.Pipeline:
    """The default gazetteer merged with one loaded from a file that no longer exists."""
    path = tmp_path_factory.mktemp("gz") / "mine.csv"
    path.write_text(CUSTOM_CSV, encoding="utf-8")
    custom = khabar.Gazetteer.from_csv(path)
    path.unlink()  # a worker cannot re-read it: the gazetteer must travel compiled
    return khabar.Pipeline([khabar.Gazetteer.default(), custom], reference_date="auto")


@pytest.fixture(scope="module")
def corpus(seed_texts: dict[str, str]) -> list[tuple[str, str, str]]:
    """(id, text, reference date) for the seeds ×COPIES, ids unique."""
    return [(f"{k}/{name}", text, REF[name])
            for k in range(COPIES) for name, text in seed_texts.items()]


def test_pipeline_and_gazetteer_pickle_round_trip(nlp: khabar.Pipeline,
                                                  seed_texts: dict[str, str]) -> None:
    again = pickle.loads(pickle.dumps(nlp))
    assert repr(again) == repr(nlp)
    assert [g.is_default for g in again.gazetteers] == [True, False]
    custom, copy = nlp.gazetteers[1], again.gazetteers[1]
    assert list(copy) == list(custom) and copy.to_bytes() == custom.to_bytes()
    # The default gazetteer travels as a reference to the one compiled into the module.
    assert len(pickle.dumps(khabar.Gazetteer.default())) < 200
    texts = [*seed_texts.values(), "The Nangarhar Shura met at the Imam Zaman Mosque."]
    docs = nlp.pipe(texts)
    assert again.pipe(texts) == docs
    assert "X:NSHURA" in {e.id for e in docs[-1].entities}
    # Results pickle too: a document (with every entity, quantity and date) round-trips.
    assert [pickle.loads(pickle.dumps(d)) for d in docs] == docs
    for d in docs:
        for item in [*d.entities, *d.quantities, *d.dates]:
            assert pickle.loads(pickle.dumps(item)) == item


def test_the_cluster_runs_two_other_processes(client: Client) -> None:
    pids = client.run(os.getpid)
    assert len(pids) == 2 and os.getpid() not in pids.values()


def _documents(part: Iterable[tuple[str, str, str]],
               nlp: khabar.Pipeline) -> list[khabar.Document]:
    part = list(part)
    return nlp.pipe([t for _, t, _ in part], [r for _, _, r in part],
                    ids=[i for i, _, _ in part], n_threads=1)


def _fact_rows(part: Iterable[tuple[str, str, str]],
               nlp: khabar.Pipeline) -> list[dict[str, Any]]:
    return [row for doc in _documents(part, nlp) for row in doc.facts()]


def test_dask_bag_gives_the_single_process_results(
        client: Client, nlp: khabar.Pipeline, corpus: list[tuple[str, str, str]]) -> None:
    expected = _documents(corpus, nlp)
    assert sum(len(d.entities) for d in expected) > 0
    bag = db.from_sequence(corpus, npartitions=8)
    shared = dask.delayed(nlp, pure=True)
    # Documents cross back whole (text, entities, quantities, dates, sentences).
    docs = bag.map_partitions(_documents, shared).compute()
    assert docs == expected
    # And as plain records, the form a pipeline would write out.
    rows = bag.map_partitions(_fact_rows, shared).compute()
    assert rows == [row for d in expected for row in d.facts()]
    # A closure over the pipeline (pickled into the task itself) works as well.
    found = bag.map(lambda item: [e.id for e in nlp(item[1], item[2]).entities]).compute()
    assert found == [[e.id for e in d.entities] for d in expected]


def _facts_frame(part: pd.DataFrame, nlp: khabar.Pipeline) -> pd.DataFrame:
    docs = nlp.pipe(part["text"].tolist(), part["published"].tolist(),
                    ids=part["id"].tolist(), n_threads=1)
    return khabar.facts(docs)


def test_dask_dataframe_gives_the_single_process_results(
        client: Client, nlp: khabar.Pipeline, corpus: list[tuple[str, str, str]]) -> None:
    articles = pd.DataFrame(corpus, columns=["id", "text", "published"])
    expected = _facts_frame(articles, nlp)
    assert len(expected) > COPIES
    ddf = dd.from_pandas(articles, npartitions=8)
    facts = ddf.map_partitions(_facts_frame, dask.delayed(nlp, pure=True),
                               meta=khabar.facts([]))
    got = facts.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, expected)
    # Tidy frames too: the entities of every document, row for row.
    ents = ddf.map_partitions(
        lambda part, p: khabar.to_pandas(p.pipe(part["text"].tolist(), ids=part["id"].tolist(),
                                                n_threads=1)).entities,
        dask.delayed(nlp, pure=True), meta=khabar.to_pandas([]).entities,
    ).compute().reset_index(drop=True)
    want = khabar.to_pandas(nlp.pipe(articles["text"].tolist(),
                                     ids=articles["id"].tolist())).entities
    pd.testing.assert_frame_equal(ents, want)
