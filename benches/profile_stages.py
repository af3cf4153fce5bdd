#!/usr/bin/env python3
"""The pipeline's cost per stage, in instructions, from a callgrind profile.

    cargo build --release -p khabar-benches --example seeds_driver
    valgrind --tool=callgrind --callgrind-out-file=/tmp/pipeline.cg \
        target/release/examples/seeds_driver pipeline-large
    python3 benches/profile_stages.py /tmp/pipeline.cg [--label before]

Instruction counts do not depend on the machine's load, unlike wall time. A stage is the
inclusive count of what `Pipeline::process_input` calls for it (`callgrind_annotate
--inclusive=yes --tree=calling`); "document assembly" is what `process_input` spends outside
them. Indented rows are parts of the stage above them (callees of its function).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import defaultdict

TOTAL = "khabar::pipeline::Pipeline::process_input"
QUANT = ("khabar_numdate::quantity::extract::QuantityExtractor::extract_tokens_with",
         "khabar_numdate::quantity::extract::QuantityExtractor::extract_tokens",
         # since the shared token classes: the classified entry point and its body
         "khabar_numdate::quantity::extract::QuantityExtractor::extract_classified",
         "khabar_numdate::quantity::extract::QuantityExtractor::extract_in")
# `extract_tokens_in` is what the `_with` and `_detecting` entry points share (inlined or not).
DATES = ("khabar_numdate::date::extract::DateExtractor::extract_tokens_in",
         "khabar_numdate::date::extract::DateExtractor::extract_classified_in",
         "khabar_numdate::date::extract::DateExtractor::extract_tokens_with",
         "khabar_numdate::date::extract::DateExtractor::extract_tokens")
# (row, caller, callee names, sub-row?)
ROWS: list[tuple[str, tuple[str, ...], tuple[str, ...], bool]] = [
    ("tokenize", (TOTAL,), ("khabar_tokenize::tokenizer::Tokenizer::tokenize_into",), False),
    ("sentences", (TOTAL,), ("khabar_tokenize::sentence::SentenceSplitter::split",
                             "khabar_tokenize::sentence::sentences"), False),
    ("gazetteer (entities)", (TOTAL,), ("khabar::pipeline::EntityMatcher::find_tokens",), False),
    ("non-quantity scan, shared (once)", (TOTAL,),
     # `NonQuantitySpans::of`, or what it calls where it is inlined.
     ("khabar_numdate::nonquant::shared::NonQuantitySpans::of",
      "khabar_numdate::nonquant::non_quantity_spans",
      "khabar_numdate::nonquant::scan"), False),
    # `TokenClasses::new`, or what it calls where it is inlined: the date classification and
    # the number classes with the quantity start flags, shared by the two stages below.
    ("token classes, shared (once)", (TOTAL,),
     ("khabar_numdate::classes::TokenClasses::new",
      "khabar_numdate::classes::classify_into",
      "khabar_numdate::date::grammar::classify",
      "khabar_numdate::classes::number_classes"), False),
    ("numbers + quantities", (TOTAL,), QUANT, False),
    ("  of which number grammar", QUANT, ("khabar_numdate::number::grammar::Grammar::parse",), True),
    ("  of which non-quantity scan (its own)", QUANT,
     ("khabar_numdate::nonquant::non_quantity_spans",), True),
    ("dates", (TOTAL,), DATES, False),
    ("  of which token classification", DATES, ("khabar_numdate::date::grammar::classify",), True),
    ("  of which grammar + resolution", DATES,
     # the scan is called beside `extract_in` since the reference date is detected in it
     ("khabar_numdate::date::extract::DateExtractor::extract_in",
      "khabar_numdate::date::extract::scan"), True),
    ("  of which vetoes: ages, year ranges (and before: the non-quantity scan again)", DATES,
     ("khabar_numdate::nonquant::date_vetoes",), True),
    # `events::run`, or the extractor it calls where it is inlined
    ("events", (TOTAL,), ("khabar::events::run",
                          "khabar_events::extract::EventExtractor::extract_classified"), False),
]

HEAD = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+\*\s+\S*?:(\S.*?)(?: \[[^\]]*\])?$")
CALLEE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+>\s+\S*?:(\S.*?) \([\d,]+x\)(?: \[[^\]]*\])?$")


def calls(path: str) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """Inclusive cost per function, and per caller the inclusive cost of each callee."""
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--tree=calling",
                          "--threshold=100", path], capture_output=True, text=True,
                         check=True).stdout
    total: dict[str, int] = defaultdict(int)
    callees: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    current = None
    for line in out.splitlines():
        if m := HEAD.match(line):
            current = m.group(2)
            total[current] = max(total[current], int(m.group(1).replace(",", "")))
        elif (m := CALLEE.match(line)) and current is not None:
            callees[current][m.group(2)] += int(m.group(1).replace(",", ""))
    return total, callees


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profile")
    ap.add_argument("--label", default="instructions")
    args = ap.parse_args()
    total, callees = calls(args.profile)
    whole = total.get(TOTAL, 0)
    if not whole:
        print(f"{TOTAL} not in the profile", file=sys.stderr)
        return 1
    print(f"| stage | {args.label} (Ir) | share |\n|---|---:|---:|")
    staged = 0
    for name, callers, fns, sub in ROWS:
        n = sum(callees.get(c, {}).get(f, 0) for c in callers for f in fns)
        if not sub:
            staged += n
        print(f"| {name} | {n:,} | {100 * n / whole:.1f}% |")
    rest = whole - staged
    print(f"| document assembly (rest of process_input) | {rest:,} | {100 * rest / whole:.1f}% |")
    print(f"| **whole pipeline** (process_input) | **{whole:,}** | 100% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
