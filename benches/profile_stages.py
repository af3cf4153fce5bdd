#!/usr/bin/env python3
"""The pipeline's cost per stage, in instructions, from a callgrind profile.

    cargo build --release -p khabar-benches --example seeds_driver
    valgrind --tool=callgrind --callgrind-out-file=/tmp/pipeline.cg \
        target/release/examples/seeds_driver pipeline-large
    python3 benches/profile_stages.py /tmp/pipeline.cg [--label before] [--json out.json]

Instruction counts do not depend on the machine's load, unlike wall time. Each stage is the
inclusive count of the function the pipeline calls for it (`callgrind_annotate --inclusive=yes`);
"document assembly" is what `Pipeline::process_input` spends outside them (reference date,
owned text, the Document itself). Sub-rows (indented) are parts of the stage above them.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys

# (row, function, is a sub-row of the stage above)
STAGES: list[tuple[str, str, bool]] = [
    ("tokenize", "khabar_tokenize::tokenizer::Tokenizer::tokenize_into", False),
    ("sentences", "khabar_tokenize::sentence::SentenceSplitter::split", False),
    ("gazetteer (entities)", "khabar::pipeline::EntityMatcher::find_tokens", False),
    ("numbers + quantities + non-quantity filter",
     "khabar_numdate::quantity::extract::QuantityExtractor::extract_tokens", False),
    ("  of which number grammar", "khabar_numdate::number::grammar::Grammar::parse", True),
    ("  of which non-quantity filter (quantities)",
     "khabar_numdate::nonquant::non_quantity_spans", True),
    ("dates", "khabar_numdate::date::extract::DateExtractor::extract_tokens", False),
    ("  of which token classification", "khabar_numdate::date::grammar::classify", True),
    ("  of which grammar + resolution", "khabar_numdate::date::extract::DateExtractor::extract_in",
     True),
    ("  of which date vetoes (non-quantity filter again + ages, year ranges)",
     "khabar_numdate::nonquant::date_vetoes", True),
    ("  of which date vetoes from the shared non-quantity spans",
     "khabar_numdate::nonquant::date_vetoes_from", True),
    ("events", "khabar::events::run", False),
]
TOTAL = "khabar::pipeline::Pipeline::process_input"

LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*[\d.]+%\)\s+(.*?):(\S.*?)(?: \[[^\]]*\])?$")


def inclusive(path: str) -> dict[str, int]:
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    best: dict[str, int] = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        fn = m.group(3)
        best[fn] = max(best.get(fn, 0), n)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("profile")
    ap.add_argument("--label", default="instructions")
    ap.add_argument("--json")
    args = ap.parse_args()
    inc = inclusive(args.profile)
    total = inc.get(TOTAL, 0)
    if not total:
        print(f"{TOTAL} not in the profile", file=sys.stderr)
        return 1
    rows: dict[str, int] = {}
    staged = 0
    for name, fn, sub in STAGES:
        if fn not in inc:
            continue
        rows[name] = inc[fn]
        if not sub:
            staged += inc[fn]
    rows["document assembly (rest of process_input)"] = total - staged
    rows["whole pipeline (process_input)"] = total
    print(f"| stage | {args.label} (Ir) | share |\n|---|---:|---:|")
    for name, n in rows.items():
        print(f"| {name} | {n:,} | {100 * n / total:.1f}% |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
