"""docs/scale.md: every recipe runs and gives what one process gives, and the code shown in
the page is the code of docs/recipes/ that this test runs."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd

import khabar

DOCS = Path(__file__).resolve().parents[2] / "docs"
RECIPES = DOCS / "recipes"


def test_recipes_give_the_single_process_results(tmp_path: Path,
                                                 seed_texts: dict[str, str]) -> None:
    """docs/recipes (Dask bag, Dask DataFrame, multiprocessing) on the seeds ×3."""
    # On sys.path for the whole test: the spawned worker processes import the recipes'
    # functions by module name, with the parent's sys.path.
    sys.path.insert(0, str(RECIPES))
    try:
        _run_recipes(tmp_path, seed_texts)
    finally:
        sys.path.remove(str(RECIPES))


def _run_recipes(tmp_path: Path, seed_texts: dict[str, str]) -> None:
    import dask_bag
    import dask_dataframe
    import multiprocessing_pool
    import single_process

    for k in range(3):
        for name, text in seed_texts.items():
            (tmp_path / f"{k}-{name}").write_text(text, encoding="utf-8")
    paths = sorted(tmp_path.glob("*.txt"))
    nlp = khabar.Pipeline(reference_date="auto")
    expected = [row for p in paths
                for row in nlp(p.read_text(encoding="utf-8"), id=p.name).facts()]
    assert single_process.run(tmp_path, nlp, n_threads=2) == expected
    assert multiprocessing_pool.run(tmp_path, nlp) == expected
    assert dask_bag.run(tmp_path, nlp) == expected
    articles = pd.DataFrame({"id": [p.name for p in paths],
                             "text": [p.read_text(encoding="utf-8") for p in paths],
                             "published": [None] * len(paths)})
    want = khabar.facts(nlp.pipe(articles["text"].tolist(), ids=articles["id"].tolist()))
    pd.testing.assert_frame_equal(dask_dataframe.run(articles, nlp), want)
    # events, too
    docs = [nlp(p.read_text(encoding="utf-8"), id=p.name) for p in paths]
    want_rows = [{"doc": d.id, **e.to_dict()} for d in docs for e in d.events]
    assert want_rows and dask_bag.run_events(tmp_path, nlp) == want_rows
    want_events = khabar.events(nlp.pipe(articles["text"].tolist(), ids=articles["id"].tolist()))
    pd.testing.assert_frame_equal(dask_dataframe.run_events(articles, nlp), want_events)


def test_the_page_shows_the_recipes_that_run() -> None:
    page = (DOCS / "scale.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n# docs/recipes/(\S+)\n(.*?)```", page, flags=re.S)
    shown = {name: code for name, code in blocks}
    files = {p.name for p in RECIPES.glob("*.py")}
    assert set(shown) == files >= {"dask_bag.py", "dask_dataframe.py",
                                   "multiprocessing_pool.py", "spark_map_in_pandas.py",
                                   "single_process.py"}
    for name, code in shown.items():
        assert code == (RECIPES / name).read_text(encoding="utf-8"), f"{name} differs from the page"
    # The Spark recipe is run by hand (pyspark is not a test dependency); it must compile.
    for name in files:
        compile((RECIPES / name).read_text(encoding="utf-8"), name, "exec")
