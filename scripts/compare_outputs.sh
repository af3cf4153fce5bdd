#!/usr/bin/env bash
# Output identity across a change: runs two `khabar` binaries (before, after) over the seeds
# and the 10 MB benchmark corpus (split into its documents) and compares their JSON Lines
# byte for byte. Exits 1 on any difference and prints the first differing lines.
#
#   scripts/compare_outputs.sh BEFORE_BIN AFTER_BIN
#   scripts/compare_outputs.sh --commits BEFORE_REV AFTER_REV   # builds both (release)
#
# The corpus is benches/data/corpus-10mb.txt (`make bench-data`); without it only the seeds
# are compared, and the script says so.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

build_at() { # REV OUT: the release `khabar` binary at REV (exported with git archive), copied to OUT
  mkdir -p "$work/src-$1"
  git -C "$root" archive "$1" | tar -x -C "$work/src-$1"
  # A target directory of its own: sharing one across source trees confuses cargo's
  # freshness checks (it may keep the other tree's build).
  (cd "$work/src-$1" && CARGO_TARGET_DIR="$work/target-$1" cargo build -q --release -p khabar-cli)
  cp "$work/target-$1/release/khabar" "$2"
}

if [[ "${1:-}" == "--commits" ]]; then
  build_at "$2" "$work/before"
  build_at "$3" "$work/after"
  before="$work/before" after="$work/after"
else
  before="${1:?usage: compare_outputs.sh BEFORE_BIN AFTER_BIN}"
  after="${2:?usage: compare_outputs.sh BEFORE_BIN AFTER_BIN}"
fi

inputs=("$root/seeds")
corpus="$root/benches/data/corpus-10mb.txt"
if [[ -f "$corpus" ]]; then
  mkdir -p "$work/corpus"
  # One file per document (documents are separated by "\n\x1e\n", see benches/src/lib.rs).
  python3 - "$corpus" "$work/corpus" <<'PY'
import sys, pathlib
text = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
for i, doc in enumerate(text.split("\n\x1e\n")):
    pathlib.Path(sys.argv[2], f"{i:06d}.txt").write_text(doc, encoding="utf-8")
PY
  inputs+=("$work/corpus")
else
  echo "compare_outputs: $corpus absent (make bench-data): seeds only" >&2
fi

status=0
for input in "${inputs[@]}"; do
  for ref in auto 2024-03-01; do
    name="$(basename "$input")-$ref"
    "$before" extract "$input" --format jsonl --reference-date "$ref" >"$work/$name.before" 2>>"$work/log"
    "$after" extract "$input" --format jsonl --reference-date "$ref" >"$work/$name.after" 2>>"$work/log"
    if cmp -s "$work/$name.before" "$work/$name.after"; then
      echo "same: $name ($(wc -l <"$work/$name.after") documents, $(wc -c <"$work/$name.after") bytes of JSON)"
    else
      echo "DIFFERENT: $name"
      diff <(tr ',' '\n' <"$work/$name.before") <(tr ',' '\n' <"$work/$name.after") | head -20 || true
      status=1
    fi
  done
done
exit $status
