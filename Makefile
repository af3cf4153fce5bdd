# khabar — the two commands a new machine needs are in README.md:
#   cargo run --release -p khabar-cli -- ...   (run khabar on the bundled seeds)
#   make test                                  (everything CI runs)

VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip

.PHONY: test rust-checks rust-tests python-env python-tests browser bench clean-venv

## Everything CI runs: formatting, lints, Rust tests, the Python package built and tested.
test: rust-checks rust-tests python-tests

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

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	touch $@

## The virtualenv with the package built from this checkout (maturin, release profile).
python-env: $(VENV)/.created
	$(PIP) install --quiet "maturin>=1.9.4,<2"
	VIRTUAL_ENV=$(abspath $(VENV)) PATH="$(abspath $(VENV))/bin:$$PATH" \
		$(VENV)/bin/maturin develop --release --quiet --extras test

python-tests: python-env browser
	$(PY) -m mypy.stubtest khabar._khabar
	$(PY) -m mypy python/khabar
	$(PY) -m pytest -q

## Criterion benchmarks (not part of `make test`: tests never time things).
bench:
	cargo bench -p khabar-benches

clean-venv:
	rm -rf $(VENV)
