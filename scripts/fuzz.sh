#!/usr/bin/env bash
# Build every fuzz target in fuzz/ and run each for SECONDS (default 60), one after another.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#   scripts/fuzz.sh --install          # install cargo-fuzz if missing, nothing else
#
# cargo-fuzz drives libFuzzer. On stable Rust it works with `--sanitizer none` (the
# sanitizers need nightly's -Zsanitizer); coverage instrumentation and libFuzzer itself need
# nothing unstable. `-a` keeps debug assertions and overflow checks on in the optimised build,
# so an arithmetic overflow on hostile input is a crash here, not a silent wrong answer.
#
# A crash, a timeout (an input taking over 10 s) or an out-of-memory stops the run with a
# non-zero status; libFuzzer prints the input's path under fuzz/artifacts/TARGET/. Reproduce
# with `cargo fuzz run --sanitizer none -O -a TARGET fuzz/artifacts/TARGET/crash-...`, then add
# the input as a regression test in the crate that owns the bug. New inputs the fuzzer finds go
# to fuzz/work/TARGET (git-ignored); the committed seeds are fuzz/corpus/TARGET.
set -euo pipefail

seconds="${1:-60}"
shift || true
cd "$(dirname "$0")/.."

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz from crates.io (once; it goes to ~/.cargo/bin)" >&2
    cargo install --locked --quiet cargo-fuzz --version 0.13.2
fi
# `scripts/fuzz.sh --install`: only the line above (`make fuzz-tool`, a stage of `make test`).
if [ "$seconds" = "--install" ]; then
    exit 0
fi

export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/fuzz/target}"
cargo fuzz build --sanitizer none -O -a
host="$(rustc -vV | sed -n 's/^host: //p')"
bin="$CARGO_TARGET_DIR/$host/release"

# FUZZ_SEED fixes libFuzzer's random seed and FUZZ_RUNS the number of inputs per target: the
# bounded run inside `make test` sets both, so CI runs exactly the inputs that were run here
# (SECONDS is then only a cap for a slow machine, which runs a prefix of the same sequence)
# instead of failing at random on a new finding. Long runs leave both unset.
seed_args=()
if [ -n "${FUZZ_SEED:-}" ]; then
    seed_args+=(-seed="$FUZZ_SEED")
fi
if [ -n "${FUZZ_RUNS:-}" ]; then
    seed_args+=(-runs="$FUZZ_RUNS")
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    mapfile -t targets < <(cargo fuzz list)
fi

for t in "${targets[@]}"; do
    work="fuzz/work/$t"
    if [ -n "${FUZZ_RUNS:-}" ]; then
        # A deterministic run starts from the committed seeds alone, not from what earlier
        # runs on this machine added.
        work="$(mktemp -d)"
    fi
    mkdir -p "$work" "fuzz/artifacts/$t"
    echo "fuzz.sh: $t for ${seconds}s" >&2
    log="$(mktemp)"
    if ! "$bin/$t" "${seed_args[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" \
        "$work" "fuzz/corpus/$t" >"$log" 2>&1; then
        tail -n 40 "$log" >&2
        echo "fuzz.sh: $t FAILED; the input is in fuzz/artifacts/$t/" >&2
        rm -f "$log"
        exit 1
    fi
    grep -E '^stat::number_of_executed_units|^Done ' "$log" | sed "s/^/  $t: /" >&2 || true
    rm -f "$log"
    [ -z "${FUZZ_RUNS:-}" ] || rm -rf "$work"
done
