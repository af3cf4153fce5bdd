"""A spaCy component: ``nlp.add_pipe("khabar")``.

Registered through the ``spacy_factories`` entry point, so installing khabar is enough
(spaCy itself is an optional extra: ``pip install 'khabar[spacy]'``). The component runs
khabar over ``doc.text`` and sets

* ``doc.ents`` — khabar's gazetteer entities aligned to spaCy's own tokens (label = entity
  label, ``kb_id_`` = entry id), merged with entities already set (the longest span wins);
* ``doc._.quantities`` and ``doc._.dates`` — khabar's ``Quantity`` and ``Temporal`` objects
  (character offsets into ``doc.text``);
* ``doc._.khabar`` — the whole ``khabar.Document``.

``reference_date`` follows khabar's one default policy, ``"auto"`` (README, "Reference
dates"); ``config={"reference_date": "none"}`` turns it off.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("khabar", config={"reference_date": "2019-08-01"})
>>> doc = nlp("IS-K has an estimated 4,000-6,000 fighters in Nangarhar.")
>>> [(e.text, e.label_, e.kb_id_) for e in doc.ents]
[('IS-K', 'ORG', 'ISKP'), ('Nangarhar', 'GPE', 'GEO:AF-NAN')]
>>> [(q.low, q.high, q.unit) for q in doc._.quantities]
[(4000.0, 6000.0, 'fighters')]
"""

from __future__ import annotations

from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ._khabar import Pipeline

for _name in ("quantities", "dates", "khabar"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class KhabarComponent:
    """The pipeline component; made by spaCy from the ``khabar`` factory."""

    def __init__(self, nlp: Language, name: str, reference_date: str | None = "auto",
                 date_order: Literal["dmy", "mdy"] = "dmy") -> None:
        self.name = name
        self.pipeline = Pipeline(reference_date=reference_date, date_order=date_order)

    def __call__(self, doc: Doc) -> Doc:
        kdoc = self.pipeline(doc.text)
        spans = []
        for e in kdoc.entities:
            span = doc.char_span(e.start, e.end, label=e.label, kb_id=e.id,
                                 alignment_mode="contract")
            if span is not None and len(span) > 0:
                spans.append(span)
        doc.ents = filter_spans(list(doc.ents) + spans)
        doc._.quantities = kdoc.quantities
        doc._.dates = kdoc.dates
        doc._.khabar = kdoc
        return doc


@Language.factory(
    "khabar",
    default_config={"reference_date": "auto", "date_order": "dmy"},
)
def make_khabar(nlp: Language, name: str, reference_date: str | None,
                date_order: Literal["dmy", "mdy"]) -> Any:
    """Create the khabar component (see the module docs)."""
    return KhabarComponent(nlp, name, reference_date=reference_date, date_order=date_order)
