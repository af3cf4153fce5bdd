#!/usr/bin/env bash
# `make test`, quietly: each stage's output goes to a log under target/test-logs/, and the
# terminal gets one line per stage with its time. A failing stage prints its whole log and
# stops the run (exit status 1). The last line is always the tally of the test suites run,
# summed from the logs of `cargo test` and pytest:
#
#     812 passed, 0 failed, 0 skipped
#
# A stage that fails without a failed test of its own (clippy, a build, a tool install)
# counts as one failure in that line, so it never reads "0 failed" on a red run.
#
#   scripts/test.sh STAGE...       # `make test` passes its TEST_STAGES, in order
#   scripts/test.sh --tally DIR    # only the last line, for the logs in DIR
#
# Each stage is a Makefile target (run as `$MAKE TARGET`, MAKE defaulting to make);
# KHABAR_TEST_LOGS moves the logs. tests/python/test_make_test.py runs it with a stand-in make.
set -uo pipefail
cd "$(dirname "$0")/.."

logs="${KHABAR_TEST_LOGS:-target/test-logs}"
make_cmd="${MAKE:-make}"

if [ $# -eq 0 ]; then
    echo "usage: scripts/test.sh STAGE... (make targets; \`make test\` passes its TEST_STAGES)" >&2
    exit 2
fi
if [ "${1:-}" = "--tally" ]; then
    logs="${2:?usage: scripts/test.sh --tally DIR}"
fi
stages=("$@")

human() {  # seconds -> "41 s" / "3 min 07 s"
    local s=$1
    if [ "$s" -lt 60 ]; then printf '%d s' "$s"; else printf '%d min %02d s' $((s / 60)) $((s % 60)); fi
}

# The tally of every suite whose log is in $logs: cargo's "test result:" lines, pytest's
# closing "N passed, M failed, K skipped in …" line.
tally() {
    local passed=0 failed=0 skipped=0 n
    for f in "$logs"/*.log; do
        [ -e "$f" ] || continue
        while read -r line; do
            n=$(sed -n 's/.* \([0-9][0-9]*\) passed;.*/\1/p' <<<"$line"); passed=$((passed + ${n:-0}))
            n=$(sed -n 's/.* \([0-9][0-9]*\) failed;.*/\1/p' <<<"$line"); failed=$((failed + ${n:-0}))
            n=$(sed -n 's/.* \([0-9][0-9]*\) ignored;.*/\1/p' <<<"$line"); skipped=$((skipped + ${n:-0}))
        done < <(grep -a '^test result: ' "$f")
        # pytest -q: the last line naming counts, e.g. "3 failed, 250 passed, 1 skipped in 61.2s".
        line=$(grep -aE '^(=+ )?[0-9]+ (passed|failed|error|errors|skipped)' "$f" | tail -n 1)
        if [ -n "$line" ]; then
            n=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+'); passed=$((passed + ${n:-0}))
            n=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+'); failed=$((failed + ${n:-0}))
            n=$(grep -oE '[0-9]+ errors?' <<<"$line" | grep -oE '[0-9]+'); failed=$((failed + ${n:-0}))
            n=$(grep -oE '[0-9]+ skipped' <<<"$line" | grep -oE '[0-9]+'); skipped=$((skipped + ${n:-0}))
        fi
    done
    echo "$passed $failed $skipped"
}

if [ "${1:-}" = "--tally" ]; then
    read -r passed failed skipped < <(tally)
    echo "$passed passed, $failed failed, $skipped skipped"
    exit 0
fi

rm -rf "$logs"
mkdir -p "$logs"
start=$SECONDS
status=0
failed_stage=""
echo "make test: one line per stage; logs in $logs/"
for stage in "${stages[@]}"; do
    t0=$SECONDS
    # The stage's name first, so a long stage (a tool install, a release build) shows what it is.
    dots=$(printf '%*s' $((20 - ${#stage})) '' | tr ' ' '.')
    printf '  %s %s ' "$stage" "$dots"
    "$make_cmd" --no-print-directory "$stage" >"$logs/$stage.log" 2>&1
    rc=$?
    took=$(human $((SECONDS - t0)))
    if [ $rc -eq 0 ]; then
        printf 'ok  %s\n' "$took"
    else
        printf 'FAILED  %s (exit %d); its log, %s:\n' "$took" "$rc" "$logs/$stage.log"
        sed 's/^/    | /' "$logs/$stage.log"
        status=1
        failed_stage=$stage
        break
    fi
done
printf '  total %s\n' "$(human $((SECONDS - start)))"
read -r passed failed skipped < <(tally)
if [ $status -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1  # the stage that failed, when it had no failing test to count
fi
if [ -n "$failed_stage" ]; then
    echo "make test: FAILED at stage $failed_stage"
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
