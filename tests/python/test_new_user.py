"""What a new user trips over (issue 19): one reference-date policy for Python and the
command line, and a `Gazetteer()` that says how a gazetteer is made."""

from __future__ import annotations

import datetime
import json
import pickle
import subprocess
from pathlib import Path

import pytest

import khabar
from test_cli import khabar_command

TEXT = (
    "Published November 9th, 2021\n"
    "IS-K emerged eight years ago and had 3,000 fighters last year."
)


def values(doc: khabar.Document) -> list[tuple[str, str]]:
    return [(d.text, d.value) for d in doc.dates]


def test_extract_and_pipeline_default_to_auto() -> None:
    by_default = khabar.extract(TEXT)
    assert by_default.reference_date == datetime.date(2021, 11, 9)
    assert ("eight years ago", "2013") in values(by_default)
    assert ("last year", "2020") in values(by_default)
    assert values(khabar.Pipeline()(TEXT)) == values(by_default)
    assert values(khabar.Pipeline().pipe([TEXT])[0]) == values(by_default)
    assert values(khabar.extract(TEXT, reference_date="auto")) == values(by_default)
    assert "reference_date='auto'" in repr(khabar.Pipeline())


@pytest.mark.parametrize("off", [None, "none"])
def test_none_turns_the_reference_date_off(off: str | None) -> None:
    for doc in (khabar.extract(TEXT, reference_date=off), khabar.Pipeline(reference_date=off)(TEXT)):
        assert doc.reference_date is None
        assert ("eight years ago", "XXXX") in values(doc)


def test_a_given_date_wins_over_the_text() -> None:
    doc = khabar.extract(TEXT, reference_date="2019-08-01")
    assert doc.reference_date == datetime.date(2019, 8, 1)
    assert ("eight years ago", "2011") in values(doc)


def test_the_default_policy_survives_pickling() -> None:
    nlp = pickle.loads(pickle.dumps(khabar.Pipeline()))
    assert values(nlp(TEXT)) == values(khabar.extract(TEXT))


def test_the_signatures_show_the_default() -> None:
    assert "reference_date='auto'" in (khabar.extract.__text_signature__ or "")
    assert "reference_date='auto'" in (khabar.Pipeline.__text_signature__ or "")


def test_the_spacy_component_defaults_to_auto() -> None:
    import spacy
    nlp = spacy.blank("en")
    nlp.add_pipe("khabar")
    doc = nlp(TEXT)
    assert doc._.khabar.reference_date == datetime.date(2021, 11, 9)
    assert ("eight years ago", "2013") in [(d.text, d.value) for d in doc._.dates]


def test_python_and_the_command_line_agree(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    r = subprocess.run([*khabar_command(), "extract", str(path), "--format", "jsonl"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    cli = json.loads(r.stdout)
    assert [(d["text"], d["value"]) for d in cli["dates"]] == values(khabar.extract(TEXT))
    assert cli["reference_date"] == "2021-11-09"


def test_gazetteer_without_a_constructor_names_the_ones_there_are() -> None:
    for call in (lambda: khabar.Gazetteer(), lambda: khabar.Gazetteer("places.csv")):
        with pytest.raises(TypeError) as e:
            call()
        message = str(e.value)
        for name in ("Gazetteer.from_csv", "Gazetteer.from_entries", "Gazetteer.load",
                     "Gazetteer.default"):
            assert name in message, message


def test_command_line_errors_are_prefixed_khabar() -> None:
    r = subprocess.run([*khabar_command(), "extract", "x", "--threads", "0"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 2
    assert r.stderr.startswith("khabar: ") and "--threads" in r.stderr, r.stderr
