# khabar — the two commands a new machine needs are in README.md:
#   cargo run --release -p khabar-cli -- ...   (run khabar on the bundled seeds)
#   make test                                  (everything CI runs)

VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
PIP    := $(VENV)/bin/pip

.PHONY: test rust-checks rust-tests python-env python-tests bench clean-venv

## Everything CI runs: formatting, lints, Rust tests, the Python package built and tested.
test: rust-checks rust-tests python-tests

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

python-tests: python-env
	$(PY) -m pytest -q

## Criterion benchmarks (not part of `make test`: tests never time things).
bench:
	cargo bench -p khabar-benches

clean-venv:
	rm -rf $(VENV)
