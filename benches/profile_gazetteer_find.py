"""Instruction counts of `khabar.Gazetteer.find` from Python, for callgrind (issue 20).

Run once with a mode that calls find and once with `none` (same imports and loading, no
calls); the difference is what find costs:

    valgrind --tool=callgrind --callgrind-out-file=find.out \
        .venv/bin/python benches/profile_gazetteer_find.py seeds list
    valgrind --tool=callgrind --callgrind-out-file=none.out \
        .venv/bin/python benches/profile_gazetteer_find.py seeds none

TEXTS: `seeds` (the five articles, 20 times) or N (the first N MB of documents of
benches/data/corpus-10mb.txt). MODE: `none`, `list` (only the result list), `spans`
(`(m.start, m.end)` of every match, what compare_peers.py times). For function names, build
the package unstripped (pyproject.toml `strip = false`, not committed).
"""
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from compare_peers import DEFAULT_CORPUS, load_corpus, prefix_bytes  # noqa: E402

import khabar  # noqa: E402

which, mode = sys.argv[1], sys.argv[2]
if which == "seeds":
    root = pathlib.Path(__file__).parent.parent / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(root.glob("*.txt"))]
    reps = 20
else:
    texts = prefix_bytes(load_corpus(DEFAULT_CORPUS), int(which) * 1_000_000)
    reps = 1
gz = khabar.Gazetteer.default()
gz.find("warm up ISIS-K in Kabul")
n = 0
nbytes = sum(len(t.encode()) for t in texts) * reps
for _ in range(reps):
    for t in texts:
        if mode == "spans":
            n += len([(m.start, m.end) for m in gz.find(t)])
        elif mode == "list":
            n += len(gz.find(t))
print(mode, "bytes", nbytes, "matches", n, file=sys.stderr)
