"""Cut the real-text corpus into short notes (~200 bytes) for the short-document benchmarks.

    python3 benches/make_notes.py            # benches/data/corpus-10mb.txt -> benches/data/notes.txt

Incident notes, posts and headlines are a few sentences long; a fixed cost per document that
article-sized inputs hide dominates on them. This script makes such notes from the same
bytes as the article corpus (``make_corpus.py``), so they carry the same mix of prose:

* each document is split into paragraphs (blank lines) and each paragraph into sentences
  (after ``.``, ``!`` or ``?`` followed by white space), white space collapsed to one space;
* consecutive sentences are joined (by a space, or a line break where a paragraph ends) until
  the note holds at least ``MIN_NOTE`` bytes; a note that would pass ``MAX_NOTE`` bytes is
  closed before the sentence that would overflow it; notes never cross documents;
* a sentence longer than ``MAX_NOTE`` is cut at the last space before ``MAX_NOTE`` bytes (the
  rest starts the next note); fragments under ``MIN_KEEP`` bytes (headings, code) are dropped;
* the first ``--count`` notes in corpus order are written (deterministic: no randomness).

Same file format as the corpus: UTF-8 notes separated by a line holding only ``\\x1e``.
Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benches" / "data"
SEPARATOR = "\n\x1e\n"
MIN_NOTE, MAX_NOTE, MIN_KEEP = 180, 280, 60
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PARAGRAPH = re.compile(r"\n\s*\n")


def utf8_len(s: str) -> int:
    return len(s.encode("utf-8"))


def cut_long(sentence: str) -> list[str]:
    """A sentence longer than MAX_NOTE bytes, cut at spaces into pieces of at most MAX_NOTE."""
    out = []
    while utf8_len(sentence) > MAX_NOTE:
        head = sentence.encode("utf-8")[:MAX_NOTE].decode("utf-8", "ignore")
        k = head.rfind(" ")
        if k <= 0:
            k = len(head)
        out.append(sentence[:k].strip())
        sentence = sentence[k:].strip()
    if sentence:
        out.append(sentence)
    return out


def notes_of(document: str) -> list[str]:
    """The notes of one document, in order."""
    notes, current = [], ""
    for paragraph in PARAGRAPH.split(document):
        text = " ".join(paragraph.split())
        if not text:
            continue
        glue = "\n"  # between paragraphs; sentences of one paragraph are joined by a space
        for sentence in SENTENCE_END.split(text):
            for piece in cut_long(sentence):
                joined = f"{current}{glue}{piece}" if current else piece
                if current and utf8_len(joined) > MAX_NOTE:
                    notes.append(current)
                    joined = piece
                current = joined
                glue = " "
                if utf8_len(current) >= MIN_NOTE:
                    notes.append(current)
                    current = ""
    if current:
        notes.append(current)
    return [n for n in notes if utf8_len(n) >= MIN_KEEP]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DATA / "corpus-10mb.txt")
    ap.add_argument("--count", type=int, default=20_000, help="notes to write (default 20000)")
    ap.add_argument("--out", type=Path, default=DATA / "notes.txt")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"make_notes: {args.corpus} not found: run `make bench-data` first")
    notes: list[str] = []
    for document in args.corpus.read_text(encoding="utf-8").split(SEPARATOR):
        notes.extend(notes_of(document))
        if len(notes) >= args.count:
            break
    notes = notes[: args.count]
    args.out.write_text(SEPARATOR.join(notes), encoding="utf-8")
    total = sum(utf8_len(n) for n in notes)
    print(f"{args.out}: {len(notes)} notes, {total} bytes, {total / max(len(notes), 1):.0f} bytes on average")


if __name__ == "__main__":
    main()
