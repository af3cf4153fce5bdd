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

Relative dates are resolved against a reference date. The default, here as on the command
line, is ``reference_date="auto"``: the date the text itself states; ``None`` turns it off
(the policies: README, "Reference dates").

>>> text = "Published November 9th, 2021. IS-K emerged eight years ago."
>>> [(d.text, d.value) for d in khabar.extract(text).dates]
[('November 9th, 2021', '2021-11-09'), ('eight years ago', '2013')]
>>> [(d.text, d.value) for d in khabar.extract(text, reference_date=None).dates]
[('November 9th, 2021', '2021-11-09'), ('eight years ago', 'XXXX')]
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
    NonQuantity,
    Pipeline,
    Quantity,
    ReferenceDateError,
    Sentence,
    Temporal,
    Token,
    __version__,
    extract,
    non_quantities,
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
    "NonQuantity",
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
    "non_quantities",
    "sentences",
    "to_pandas",
    "tokenize",
]
