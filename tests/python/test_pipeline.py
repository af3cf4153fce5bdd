"""khabar.extract / Pipeline / Document: the notebook API."""

from __future__ import annotations

import datetime
import gc
import multiprocessing
import pickle
import threading
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import khabar
from conftest import SEED_REFERENCES as REF


def assert_exact(doc: khabar.Document) -> None:
    text = doc.text
    for item in [*doc.entities, *doc.quantities, *doc.dates, *doc.tokens, *doc.sentences]:
        assert text[item.start : item.end] == item.text, item
    for q in doc.quantities:
        if q.unit is not None:
            assert q.unit_start is not None and q.unit_end is not None
            assert text[q.unit_start : q.unit_end] == q.unit


def test_extract_the_seeds(seed_texts: dict[str, str]) -> None:
    for name, text in seed_texts.items():
        doc = khabar.extract(text, reference_date=REF[name])
        assert_exact(doc)
        assert doc.reference_date == datetime.date.fromisoformat(REF[name])
        assert doc.reference_source == "given"
        assert len(doc.entities) > 10 and doc.quantities and doc.dates


def test_the_facts_analysts_ask_for(seed_texts: dict[str, str]) -> None:
    doc = khabar.extract(seed_texts["000_676ffc0febd1901e.txt"], reference_date="2019-08-01")
    q = next(q for q in doc.quantities if "4,000-6,000" in q.text)
    assert (q.low, q.high, q.unit, q.kind) == (4000.0, 6000.0, "fighters", "cardinal")
    pct = next(q for q in doc.quantities if "5-10 per cent" in q.text)
    assert (pct.kind, pct.low, pct.high, pct.approx, pct.unit) == ("percent", 5.0, 10.0, "about", "Talibs")
    ids = {e.text: e.id for e in doc.entities}
    assert ids["IS-K"] == "ISKP"
    doc = khabar.extract(seed_texts["001_b8812a867799887f.txt"], reference_date="2018-01-26")
    by_text = {e.text: e for e in doc.entities}
    assert by_text["ISK-P"].canonical == "Islamic State Khorasan Province"
    assert by_text["Wilayat-e-Khorasan"].id == "ISKP"
    assert by_text["Jowzjan"].attrs["country"] == "AF"
    assert by_text["Lashkar-e-Jhangvi al-Alami"].id == "LEJA"
    d = next(d for d in doc.dates if d.text == "December 17 last year")
    assert (d.type, d.value, d.start_date, d.end_date) == (
        "DATE", "2017-12-17", datetime.date(2017, 12, 17), datetime.date(2017, 12, 17))
    early = next(d for d in doc.dates if d.text == "early 2015")
    assert (early.value, early.mod, early.granularity) == ("2015", "START", "year")
    assert (early.start_date, early.end_date) == (datetime.date(2015, 1, 1), datetime.date(2015, 4, 30))


def test_enums_are_plain_strings() -> None:
    doc = khabar.extract("nearly a dozen students in mid-2020", reference_date="2021-01-01")
    q, d = doc.quantities[0], doc.dates[0]
    assert q.kind == "cardinal" and q.approx == "nearly" and isinstance(q.approx, str)
    assert d.type == "DATE" and d.mod == "MID"


def test_results_repr_dict_eq_pickle() -> None:
    doc = khabar.extract("More than 170 people were killed in Kabul on August 26, 2021.")
    e, q, d = doc.entities[0], doc.quantities[0], doc.dates[0]
    assert repr(e) == ("Entity(36, 41, 'Kabul', label='GPE', id='GEO:AF-KAB-CITY', canonical='Kabul')"
                       if e.id == "GEO:AF-KAB-CITY" else repr(e))
    assert repr(q) == "Quantity(0, 13, 'More than 170', kind='cardinal', low=170.0, high=None, approx='more_than', unit='people')"
    assert repr(d).startswith("Temporal(45, 60, 'August 26, 2021', type='DATE', value='2021-08-26'")
    for item in (e, q, d, doc):
        assert pickle.loads(pickle.dumps(item)) == item
    assert e == khabar.extract("More than 170 people were killed in Kabul on August 26, 2021.").entities[0]
    assert q.to_dict()["low"] == 170.0 and q.to_dict()["unit"]["text"] == "people"
    assert d.to_dict()["start_date"] == "2021-08-26"
    full = doc.to_dict()
    assert full["schema"] == "khabar.document/2"
    assert full["entities"][0] == e.to_dict()
    assert full["quantities"][0] == q.to_dict()
    assert khabar.Document.from_json(doc.to_json()) == doc
    assert "entities=1" in repr(doc)


def test_pipeline_options_and_pipe_order(seed_texts: dict[str, str]) -> None:
    names = sorted(seed_texts)
    texts = [seed_texts[n] for n in names]
    nlp = khabar.Pipeline(reference_date="auto")
    docs = nlp.pipe(texts, ids=names)
    assert [d.id for d in docs] == names
    assert docs[4].reference_date == datetime.date(2021, 11, 9)
    assert docs[4].reference_source == "detected"
    serial = [nlp(t, id=n) for t, n in zip(texts, names)]
    assert docs == serial
    refs = [datetime.date.fromisoformat(REF[n]) for n in names]
    docs = khabar.Pipeline().pipe(texts, refs, n_threads=2)
    assert [d.reference_date for d in docs] == refs
    docs = khabar.Pipeline().pipe(texts, "2020-01-01")
    assert {d.reference_date for d in docs} == {datetime.date(2020, 1, 1)}
    with pytest.raises(ValueError, match="reference_dates has 2 items for 5 texts"):
        nlp.pipe(texts, ["2020-01-01", None])
    with pytest.raises(TypeError, match="iterable of str"):
        nlp.pipe("one text")
    only_q = khabar.Pipeline(entities=False, dates=False)("2017: 30 people")
    assert not only_q.entities and not only_q.dates and only_q.quantities


def test_mdy_date_order() -> None:
    text = "on 3/4/2018"
    assert khabar.extract(text).dates[0].value == "2018-04-03"
    assert khabar.Pipeline(date_order="mdy")(text).dates[0].value == "2018-03-04"


def test_result_objects_stay_out_of_the_cycle_collector() -> None:
    # Results can close no reference cycle, so khabar untracks them (see leaf.rs): every
    # way of getting one gives an untracked object that still holds its data after a
    # collection and is freed by reference counting alone.
    text = "More than 170 people were killed in Kabul on August 26, 2021. IS-K said so."
    doc = khabar.extract(text)
    gz = khabar.Gazetteer.default()
    results = [*doc.entities, *doc.quantities, *doc.dates, *doc.tokens, *doc.sentences,
               *khabar.tokenize(text), *khabar.sentences(text), *gz.find(text),
               *gz.find_batch([text, text])[1]]
    results += [pickle.loads(pickle.dumps(r)) for r in (doc.entities[0], doc.quantities[0],
                                                        doc.dates[0])]
    assert {type(r).__name__ for r in results} == {
        "Entity", "Quantity", "Temporal", "Token", "Sentence"}
    assert not any(gc.is_tracked(r) for r in results)
    # A document holds its text and the objects it made (not Python lists): untracked too,
    # unless its text is of a str subclass (whose instances may hold attributes). The lists
    # it hands out are the caller's, and tracked.
    assert not gc.is_tracked(doc) and gc.is_tracked(doc.entities)
    assert not any(gc.is_tracked(d) for d in khabar.Pipeline().pipe([text, text]))

    class Note(str):
        pass

    assert gc.is_tracked(khabar.extract(Note(text)))
    gc.collect()
    assert [e.canonical for e in doc.entities][:1] == ["Kabul"]
    assert doc.sentences[1].text == "IS-K said so."
    # Freed without the collector: memory stays flat over many documents' results.
    gc.disable()
    try:
        tracemalloc.start()
        for _ in range(3):
            for r in khabar.Pipeline().pipe([text] * 200):
                r.entities, r.quantities, r.dates, r.tokens, r.sentences
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(20):
            for r in khabar.Pipeline().pipe([text] * 200):
                r.entities, r.quantities, r.dates, r.tokens, r.sentences
        grown = tracemalloc.get_traced_memory()[0] - before
        tracemalloc.stop()
    finally:
        gc.enable()
    assert grown < 200_000, grown


def test_ranges_with_modified_ends() -> None:
    t = khabar.extract("It grew from mid-2015 to late 2016.", reference_date="2021-11-09").dates[0]
    assert (t.text, t.value, t.mod) == ("from mid-2015 to late 2016", "2015/2016", None)
    assert (t.range, t.range_mods) == (("2015", "2016"), ("MID", "END"))
    assert (str(t.start_date), str(t.end_date)) == ("2015-05-01", "2016-12-31")
    assert t.to_dict()["range"] == {"from": "2015", "to": "2016", "from_mod": "MID", "to_mod": "END"}
    plain = khabar.extract("from 2015 to 2019").dates[0]
    assert (plain.range, plain.range_mods) == (("2015", "2019"), (None, None))
    assert khabar.extract("in 2015").dates[0].range_mods is None
    row = khabar.to_pandas([khabar.extract("from mid-2015 to late 2016")]).dates.iloc[0]
    assert (row.range_from, row.range_to, row.range_from_mod, row.range_to_mod) == (
        "2015", "2016", "MID", "END")


def _worker(args: tuple[bytes, str]) -> list[str]:
    nlp = pickle.loads(args[0])
    return [e.id for e in nlp(args[1]).entities]


def test_pickled_pipeline_rebuilds_in_a_worker_process(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("id,name,label,aliases\nX:SHURA,Nangarhar Shura,ORG,NS\n", encoding="utf-8")
    nlp = khabar.Pipeline([khabar.Gazetteer.default(), khabar.Gazetteer.from_csv(path)],
                          reference_date="2020-01-01")
    text = "The Nangarhar Shura and IS-K met."
    blob = pickle.dumps(nlp)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        got = pool.map(_worker, [(blob, text)])[0]
    assert got == ["X:SHURA", "ISKP"] == [e.id for e in nlp(text).entities]


def test_threads_give_the_same_results(seed_texts: dict[str, str]) -> None:
    texts = list(seed_texts.values()) * 3
    nlp = khabar.Pipeline(reference_date="2020-01-01")
    expected = [nlp(t) for t in texts]
    got: list[khabar.Document | None] = [None] * len(texts)

    def work(i: int) -> None:
        got[i] = nlp(texts[i])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == expected


def test_to_pandas(seed_texts: dict[str, str]) -> None:
    pd = pytest.importorskip("pandas")
    docs = khabar.Pipeline().pipe(list(seed_texts.values()), [REF[n] for n in seed_texts],
                                  ids=list(seed_texts))
    frames = khabar.to_pandas(docs)
    assert list(frames.documents["doc"]) == list(seed_texts)
    assert set(frames.entities["doc"]) == set(seed_texts)
    row = frames.quantities[frames.quantities["text"].str.contains("4,000-6,000")].iloc[0]
    assert (row["low"], row["high"], row["unit"]) == (4000.0, 6000.0, "fighters")
    assert pd.api.types.is_datetime64_any_dtype(frames.dates["start_date"])
    assert len(frames.entities) == sum(len(d.entities) for d in docs)


def test_reference_date_errors_name_the_value() -> None:
    for bad in ["2018-02-30", "26/1/2018", "yesterday"]:
        with pytest.raises(khabar.ReferenceDateError, match=bad.replace("/", ".")) as info:
            khabar.extract("x", reference_date=bad)
        assert isinstance(info.value, ValueError) and isinstance(info.value, khabar.KhabarError)
    with pytest.raises(khabar.ReferenceDateError, match="not int"):
        khabar.Pipeline(reference_date=2018)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_non_str_text_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        khabar.extract(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be str"):
        khabar.Pipeline().pipe(["ok", bad])  # type: ignore[list-item]


HOSTILE = [
    "", " ", "\x00" * 100, "9" * 400, "1" + ",000" * 500, "one " * 5000, "(" * 10000,
    "-" * 10000, "\ufffd replacement chars \ufffd", "IS-K" * 3000, "🇦🇫" * 1000,
    "\u202e\u200f reversed", "Dec. 32, 2017 on 99/99/9999 at 25:61", "$" * 1000 + "5bn",
    "between and and and", "the 99999999999999999999th", "\r\n" * 1000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_panics(text: str) -> None:
    doc = khabar.extract(text, reference_date="2020-02-29")
    assert_exact(doc)


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_is_exact(text: str) -> None:
    assert_exact(khabar.extract(text, reference_date="2019-01-01"))
