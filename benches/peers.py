"""khabar's gazetteer matching beside the string matchers analysts use from Python.

    pip install flashtext pyahocorasick spacy   # whichever are available; others are skipped
    python benches/peers.py [--corpus DIR]

Every matcher gets the aliases of khabar's default gazetteer and the same texts. The peers
only match strings: they do not fold typography, keep token boundaries only partly
(flashtext), ignore case by lower-casing (pyahocorasick here) and return no canonical entry;
khabar does all of that. The figures are MB/s of text, best of three, one core.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import khabar

from python_bench import corpus, mb


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path)
    args = ap.parse_args()
    texts = corpus(args.corpus)
    size = mb(texts)
    gz = khabar.Gazetteer.default()
    aliases = sorted({a for e in gz for a in e["aliases"]})
    print(f"{len(aliases)} aliases, {size:.1f} MB of text")
    rows: list[tuple[str, float, int]] = []

    n = 0
    def run_khabar() -> None:
        nonlocal n
        n = sum(len(gz.find(t)) for t in texts)
    rows.append(("khabar Gazetteer.find", size / timed(run_khabar), n))

    def run_khabar_batch() -> None:
        nonlocal n
        n = sum(len(x) for x in gz.find_batch(texts, n_threads=1))
    rows.append(("khabar Gazetteer.find_batch (1 thread)", size / timed(run_khabar_batch), n))

    try:
        from flashtext import KeywordProcessor
        kp = KeywordProcessor(case_sensitive=False)
        for a in aliases:
            kp.add_keyword(a)
        def run_flashtext() -> None:
            nonlocal n
            n = sum(len(kp.extract_keywords(t, span_info=True)) for t in texts)
        rows.append(("flashtext", size / timed(run_flashtext), n))
    except ImportError:
        print("flashtext not installed: skipped")

    try:
        import ahocorasick
        A = ahocorasick.Automaton()
        for a in aliases:
            A.add_word(a.lower(), a)
        A.make_automaton()
        def run_pyahocorasick() -> None:
            nonlocal n
            n = sum(sum(1 for _ in A.iter_long(t.lower())) for t in texts)
        rows.append(("pyahocorasick (iter_long, lower-cased)", size / timed(run_pyahocorasick), n))
    except ImportError:
        print("pyahocorasick not installed: skipped")

    try:
        import spacy
        from spacy.matcher import PhraseMatcher
        nlp = spacy.blank("en")
        pm = PhraseMatcher(nlp.vocab, attr="LOWER")
        pm.add("GZ", list(nlp.tokenizer.pipe(aliases)))
        sample = texts[: max(1, len(texts) // 10)]
        def run_spacy() -> None:
            nonlocal n
            n = sum(len(pm(d)) for d in nlp.tokenizer.pipe(sample))
        rows.append(("spaCy PhraseMatcher (LOWER, incl. tokenizer)", mb(sample) / timed(run_spacy), n))
    except ImportError:
        print("spaCy not installed: skipped")

    print(f"{'matcher':<48} {'MB/s':>8} {'matches':>9}")
    for name, speed, count in rows:
        print(f"{name:<48} {speed:8.2f} {count:9d}")


if __name__ == "__main__":
    main()
