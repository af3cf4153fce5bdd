"""khabar in PySpark with `mapInPandas`: a Spark DataFrame of facts from a directory of files.

    pip install 'pyspark[sql]'          # Spark 3.4+ and a Java 17 runtime
    python docs/recipes/spark_map_in_pandas.py [CORPUS_DIR]   # default: seeds/; runs local[2]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Iterator

import pandas as pd
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import khabar

# The columns of `khabar.facts` kept here, as a Spark schema.
FACTS_SCHEMA = (
    "doc string, reference_date timestamp, quantity string, kind string, low double, "
    "high double, unit string, subject string, place string, `when` string, "
    "when_source string, sentence string"
)
COLUMNS = [c.split()[0].strip("`") for c in FACTS_SCHEMA.split(", ")]
# The columns of `khabar.events` kept here: one row per reported incident.
EVENTS_SCHEMA = (
    "doc string, type string, date string, place string, province string, "
    "perpetrator string, target string, killed double, wounded double, arrested double, "
    "abducted double, text string"
)
EVENT_COLUMNS = [c.split()[0] for c in EVENTS_SCHEMA.split(", ")]


def main() -> None:
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).parents[2] / "seeds")
    # Local mode: the Python workers must be this interpreter, the one khabar is installed in.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master("local[2]").appName("khabar")
             .config("spark.ui.enabled", "false").getOrCreate())
    # Built once on the driver, pickled once, cached by each executor's Python worker.
    nlp = spark.sparkContext.broadcast(khabar.Pipeline(reference_date="auto"))

    def facts_of_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            docs = nlp.value.pipe(batch["value"].tolist(), ids=batch["id"].tolist(),
                                  n_threads=1)
            yield khabar.facts(docs)[COLUMNS]

    def events_of_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in batches:
            docs = nlp.value.pipe(batch["value"].tolist(), ids=batch["id"].tolist(),
                                  n_threads=1)
            yield khabar.events(docs)[EVENT_COLUMNS]

    # One row per file: its whole text in `value`, its name in `id`.
    articles = (spark.read.text(str(corpus), wholetext=True)
                .withColumn("id", F.col("_metadata.file_name")))
    start = time.perf_counter()
    facts = articles.mapInPandas(facts_of_batches, schema=FACTS_SCHEMA)
    n = facts.count()
    seconds = time.perf_counter() - start
    facts.groupBy("subject").agg(F.sum("high").alias("high")).orderBy("subject").show(5)
    events = articles.mapInPandas(events_of_batches, schema=EVENTS_SCHEMA)
    events.groupBy("perpetrator").agg(F.sum("killed").alias("killed")).orderBy("perpetrator").show(5)
    nbytes = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    print(f"{n} facts from {nbytes / 1e6:.1f} MB in {seconds:.2f} s "
          f"({nbytes / 1e6 / seconds:.2f} MB/s, local[2])")
    spark.stop()


if __name__ == "__main__":
    main()
