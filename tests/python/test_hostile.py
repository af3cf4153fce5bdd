"""Giant and hostile input through the Python API, against the release build.

The modest cases live beside the code in each crate's tests/hostile.rs (debug build); these
are the big ones: a 50 MB document without a newline, a million "1," and "one ", a
100,000-character token, a million gazetteer aliases, lone surrogates. Each asserts the
exact outcome, not only that nothing crashed.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import khabar

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_676ffc0febd1901e.txt"
MILLION = 1_000_000


@pytest.fixture(scope="module")
def nlp() -> khabar.Pipeline:
    return khabar.Pipeline(reference_date="2019-08-01")


def test_fifty_megabytes_without_a_newline(nlp: khabar.Pipeline) -> None:
    # The article on one line, repeated to 50 MB: what the line yields is exactly what its
    # pieces yield, shifted.
    piece = " ".join(SEED.read_text(encoding="utf-8").split()) + " "
    copies = 50_000_000 // len(piece) + 1
    line = piece * copies
    assert len(line) >= 50_000_000 and "\n" not in line
    one = nlp(piece)
    doc = nlp(line)
    assert len(one.entities) > 10 and one.quantities
    n = len(piece)
    ents = [(e.start, e.end, e.id) for e in doc.entities]
    assert ents == [(e.start + k * n, e.end + k * n, e.id) for k in range(copies) for e in one.entities]
    qs = [(q.start, q.end, q.low, q.high) for q in doc.quantities]
    assert qs == [(q.start + k * n, q.end + k * n, q.low, q.high) for k in range(copies) for q in one.quantities]
    # Spot checks that offsets are str indices into the whole line.
    for e in doc.entities[:: max(1, len(doc.entities) // 50)]:
        assert line[e.start : e.end] == e.text


def test_a_million_one_comma(nlp: khabar.Pipeline) -> None:
    # "1,1,…,1," is one digit token; a comma list is not a number (documented in
    # khabar-numdate: "22,24,26,31" is rejected), so no quantity and no date.
    text = "1," * MILLION
    doc = nlp(text)
    assert doc.quantities == [] and doc.dates == [] and doc.entities == []
    tokens = khabar.tokenize(text)
    assert [(t.start, t.end, t.kind) for t in tokens] == [(0, 2 * MILLION - 1, "number"), (2 * MILLION - 1, 2 * MILLION, "punct")]
    # With spaces it is a list: a million quantities of 1 at exact offsets.
    text = "1, " * MILLION
    qs = nlp(text).quantities
    assert len(qs) == MILLION
    assert all(q.start == 3 * i and q.end == 3 * i + 1 and q.low == q.high == 1.0 for i, q in enumerate(qs))


def test_a_million_one(nlp: khabar.Pipeline) -> None:
    text = "one " * MILLION
    doc = nlp(text)
    qs = doc.quantities
    assert len(qs) == MILLION
    assert all(
        q.start == 4 * i and q.end == 4 * i + 3 and q.low == q.high == 1.0 and q.kind == "cardinal"
        for i, q in enumerate(qs)
    )
    assert doc.dates == [] and len(doc.sentences) == 1


def test_a_hundred_thousand_character_token(nlp: khabar.Pipeline) -> None:
    for piece, kind in [("a", "word"), ("9", "number"), ("ب", "word")]:
        token = piece * 100_000
        text = f"IS-K in {token} Kabul"
        tokens = khabar.tokenize(text)
        assert [t.text for t in tokens] == ["IS", "-", "K", "in", token, "Kabul"]
        assert (tokens[4].start, tokens[4].end, tokens[4].kind) == (8, 100_008, kind)
        doc = nlp(text)
        assert [(e.start, e.text) for e in doc.entities] == [(0, "IS-K"), (100_009, "Kabul")]
        assert doc.entities[0].id == "ISKP"
        # A 100,000-digit number is beyond exact integers: no quantity rather than a wrong one.
        assert doc.quantities == []


def test_and_and_and(nlp: khabar.Pipeline) -> None:
    text = "and " * 200_000
    doc = nlp(text)
    assert len(doc.tokens) == 200_000
    assert doc.entities == [] and doc.quantities == [] and doc.dates == []


def test_nul_bytes_spaces_dashes_and_right_to_left(nlp: khabar.Pipeline) -> None:
    text = "IS-K\x00killed 5\u2009people\x00in \u200fKabul\u200e, ننګرهار, on 26/1/2018 \u2014 4,000\u20126,000 fighters"
    doc = nlp(text)
    for item in [*doc.entities, *doc.quantities, *doc.dates, *doc.tokens, *doc.sentences]:
        assert text[item.start : item.end] == item.text
    assert [e.id for e in doc.entities][:1] == ["ISKP"]
    # Direction marks glued to a name do not hide it.
    assert any(e.text.strip("\u200e\u200f") == "Kabul" for e in doc.entities)
    assert [(q.low, q.high, q.unit) for q in doc.quantities] == [(5.0, 5.0, "people"), (4000.0, 6000.0, "fighters")]
    assert [d.value for d in doc.dates] == ["2018-01-26"]
    assert doc.dates[0].start == text.index("26/1/2018")


@pytest.mark.parametrize(
    ("text", "index"),
    [("\ud800", 0), ("IS-K in Kabul \udfff", 14), ("a\U0001f1e6\ud83c", 2), ("ok" * 50_000 + "\udc00", 100_000)],
)
def test_lone_surrogates_are_an_input_error(nlp: khabar.Pipeline, text: str, index: int) -> None:
    # Every entry point that takes text refuses it with the index of the first surrogate.
    gz = khabar.Gazetteer.default()
    calls = [
        khabar.tokenize, khabar.sentences, khabar.extract, nlp, gz.find,
        lambda t: nlp.pipe(["fine", t]), lambda t: gz.find_batch([t]),
    ]
    for call in calls:
        with pytest.raises(khabar.InputError, match=rf"lone surrogate U\+D[89A-F][0-9A-F]{{2}} at index {index}\b") as info:
            call(text)
        assert isinstance(info.value, ValueError) and isinstance(info.value, khabar.KhabarError)
        assert isinstance(info.value.__cause__, UnicodeEncodeError)
    # A surrogate pair written as one astral character is fine.
    assert khabar.tokenize("\U0001f1e6")[0].text == "\U0001f1e6"


def test_a_million_aliases(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("\ufeffid,name,label,aliases\r\n")
        for i in range(100_000):
            aliases = "|".join(f"p{i}q{j}" for j in range(10))
            f.write(f"E{i},Entry {i},GPE,{aliases}\r\n")
    gz = khabar.Gazetteer.from_csv(path)
    assert len(gz) == 100_000
    assert gz.alias_count == 1_100_000  # ten aliases and the name per entry
    found = gz.find("at p99999q9 and p0q0, not p100000q0; Entry 5")
    assert [(e.text, e.id) for e in found] == [("p99999q9", "E99999"), ("p0q0", "E0"), ("Entry 5", "E5")]


def test_gazetteer_file_errors_name_file_and_line(tmp_path: Path) -> None:
    cases = {
        "bad_utf8.csv": (b"id,name,label\nA,Alpha,ORG\nB,B\xffeta,ORG\n", r"bad_utf8\.csv:3\b.*UTF-8"),
        "dup.csv": (b"id,name,label\nA,Alpha,ORG\nA,Again,ORG\n", r'duplicate id "A" at .*dup\.csv:3 \(first defined at .*dup\.csv:2\)'),
        "empty_alias.csv": (b"id,name,label,aliases\nA,Alpha,ORG,x||y\n", r"empty_alias\.csv:2:4\b.*empty alias"),
        "long.csv": (b"id,name,label,aliases\nA,Alpha,ORG," + b"k" * 10_000 + b"\n", None),
    }
    for name, (body, pattern) in cases.items():
        path = tmp_path / name
        path.write_bytes(body)
        if pattern is None:
            gz = khabar.Gazetteer.from_csv(path)
            assert [e.text for e in gz.find("x " + "k" * 10_000 + " y")] == ["k" * 10_000]
            continue
        with pytest.raises(khabar.GazetteerError, match=pattern):
            khabar.Gazetteer.from_csv(path)


def test_no_panic_reaches_python(nlp: khabar.Pipeline) -> None:
    # Hostile values at every entry point are errors or results, never PanicException.
    bad_calls = [
        lambda: khabar.Gazetteer.from_bytes(b"\x00" * 64),
        lambda: khabar.Gazetteer.from_bytes(b""),
        lambda: khabar.Document.from_json('{"text": "x", "entities": [{"start": 5, "end": 1}]}'),
        lambda: khabar.Document.from_json("[" * 100_000),
        lambda: khabar.extract("x", reference_date="2019-02-29"),
        lambda: khabar.extract("x", reference_date=datetime.date.max),
        lambda: khabar.Gazetteer.from_entries([{"id": "A", "name": "", "label": "X"}]),
    ]
    for call in bad_calls:
        try:
            call()
        except BaseException as e:  # noqa: BLE001 - the point is to see what escapes
            assert isinstance(e, (ValueError, TypeError, OSError)), repr(e)
            assert type(e).__name__ != "PanicException", repr(e)
