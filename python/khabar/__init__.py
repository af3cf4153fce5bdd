"""khabar: exact, typed facts from conflict reporting.

Tokens and sentences with exact offsets: for every result ``r`` of ``khabar.tokenize(text)``
or ``khabar.sentences(text)``, ``text[r.start:r.end] == r.text``.

>>> import khabar
>>> [t.text for t in khabar.tokenize("ISK-P’s 4,000 fighters")]
['ISK', '-', 'P', '’s', '4,000', 'fighters']
"""

from ._khabar import Sentence, Token, __version__, sentences, tokenize

__all__ = [
    "Sentence",
    "Token",
    "__version__",
    "sentences",
    "tokenize",
]
