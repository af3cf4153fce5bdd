#!/usr/bin/env bash
# Installs the khabar wheel from DIR (default dist/, built by `make wheel`) into a fresh
# virtualenv with no Rust toolchain on PATH, and uses it as a new user would: import khabar,
# extract a text (the default gazetteer is inside the wheel), run the `khabar` console script.
#
#   scripts/wheel_test.sh [DIR]
#
# Installs nothing from the network (`--no-index`: the package has no dependencies).
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-dist}"
python="${PYTHON:-python3}"

shopt -s nullglob
wheels=("$dir"/khabar-*.whl)
if [ ${#wheels[@]} -ne 1 ]; then
    echo "wheel_test.sh: want exactly one khabar wheel in $dir/ (run \`make wheel\`), found ${#wheels[@]}" >&2
    exit 1
fi
wheel="${wheels[0]}"
echo "wheel: $wheel ($(du -k "$wheel" | cut -f1) KiB)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"

# PATH without any Rust toolchain: drop every entry holding cargo or rustc, and ~/.cargo/bin.
clean_path=""
IFS=: read -ra entries <<<"$PATH"
for e in "${entries[@]}"; do
    case "$e" in *"/.cargo/bin"|*"/.rustup/"*) continue ;; esac
    if [ -x "$e/cargo" ] || [ -x "$e/rustc" ]; then continue; fi
    clean_path="${clean_path:+$clean_path:}$e"
done

run() {
    env -u CARGO_HOME -u RUSTUP_HOME -u CARGO_TARGET_DIR PATH="$work/venv/bin:$clean_path" \
        VIRTUAL_ENV="$work/venv" "$@"
}

if run sh -c 'command -v cargo || command -v rustc' >/dev/null; then
    echo "wheel_test.sh: a Rust toolchain is still on PATH" >&2
    exit 1
fi
run pip install --quiet --no-index --no-deps "$wheel"

cd "$work"  # away from the checkout: the import must come from the wheel
run python - <<'PY'
import datetime
import os

import khabar

assert "site-packages" in khabar.__file__, khabar.__file__
text = "Published November 9th, 2021. ISIS-K had an estimated 4,000-6,000 fighters eight years ago."
doc = khabar.extract(text)
assert doc.reference_date == datetime.date(2021, 11, 9), doc.reference_date
assert [e.canonical for e in doc.entities] == ["Islamic State Khorasan Province"], doc.entities
assert [(q.low, q.high, q.unit) for q in doc.quantities] == [(4000.0, 6000.0, "fighters")]
assert "2013" in [d.value for d in doc.dates], doc.dates
print(f"import khabar {khabar.__version__} from {os.path.dirname(khabar.__file__)}: ok")
PY

printf 'ISIS-K fighters attacked Kabul airport in August 2021.\n' >article.txt
out="$(run khabar extract article.txt --format jsonl 2>err.txt)"
grep -q '"canonical":"Islamic State Khorasan Province"' <<<"$out" || { echo "$out"; cat err.txt; exit 1; }
grep -q '^khabar: 1 document (0 failed)' err.txt || { cat err.txt; exit 1; }
run khabar --version
echo "khabar console script: ok"
