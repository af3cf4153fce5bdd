"""The spaCy component, found through the spacy_factories entry point."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install 'khabar[spacy]'")


def test_component_sets_ents_and_extensions() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("khabar", config={"reference_date": "2018-01-26"})
    doc = nlp("In October last year, ISK-P militants in Kabul’s west killed nearly 30 people.")
    ents = [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert ("ISK-P", "ORG", "ISKP") in ents
    assert any(t == "Kabul" and label == "GPE" for t, label, _ in ents)
    assert [q.text for q in doc._.quantities] == ["nearly 30"]
    assert [d.value for d in doc._.dates] == ["2017-10"]
    assert doc._.khabar.reference_date.isoformat() == "2018-01-26"
    # Entities are aligned to spaCy's tokens.
    for e in doc.ents:
        assert doc.text[e.start_char : e.end_char] == e.text


def test_existing_entities_are_kept() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "EVENT", "pattern": "peace talks"}])
    nlp.add_pipe("khabar")
    doc = nlp("IS-K opposed the peace talks in Doha.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels == {"IS-K": "ORG", "peace talks": "EVENT", "Doha": "GPE"}
