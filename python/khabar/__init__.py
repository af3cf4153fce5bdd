"""khabar: exact, typed facts from conflict reporting.

Entities resolved to canonical entries, quantities with ranges and counted nouns, dates
resolved against the article's date, tokens and sentences — every span exact:
``text[x.start:x.end] == x.text`` for every result.

>>> import khabar
>>> doc = khabar.extract("ISK-P had an estimated 4,000-6,000 fighters in early 2019.",
...                      reference_date="2019-08-01")
>>> [(e.text, e.canonical) for e in doc.entities]
[('ISK-P', 'Islamic State Khorasan Province')]
>>> [(q.low, q.high, q.unit) for q in doc.quantities]
[(4000.0, 6000.0, 'fighters')]
>>> [(d.text, d.value, d.mod) for d in doc.dates]
[('early 2019', '2019', 'START')]
"""

from ._frames import Frames, events, facts, to_pandas
from ._khabar import (
    Document,
    DocumentError,
    Entity,
    Event,
    Gazetteer,
    GazetteerError,
    InputError,
    InternalError,
    KhabarError,
    Pipeline,
    Quantity,
    ReferenceDateError,
    Sentence,
    Temporal,
    Token,
    __version__,
    extract,
    sentences,
    tokenize,
)

__all__ = [
    "Document",
    "DocumentError",
    "Entity",
    "Event",
    "Frames",
    "Gazetteer",
    "GazetteerError",
    "InputError",
    "InternalError",
    "KhabarError",
    "Pipeline",
    "Quantity",
    "ReferenceDateError",
    "Sentence",
    "Temporal",
    "Token",
    "__version__",
    "events",
    "extract",
    "facts",
    "sentences",
    "to_pandas",
    "tokenize",
]
