"""`make test` is quiet when green, loud when red, and ends with the tally CI reads
(scripts/test.sh, run here with a stand-in for make so nothing real is built)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "test.sh"

CARGO_LOG = """\
   Compiling khabar v0.1.0
running 3 tests
test a ... ok
test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s
   Doc-tests khabar
test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.30s
"""
PYTEST_LOG = """\
...s.....                                                                [100%]
SKIPPED [1] tests/python/test_html.py:85: no Chromium found on PATH
8 passed, 1 skipped in 3.10s
"""
PYTEST_FAILED_LOG = """\
..F.                                                                     [100%]
FAILED tests/python/test_x.py::test_y - assert 1 == 2
1 failed, 3 passed in 1.00s
"""


def fake_make(tmp_path: Path) -> Path:
    """A `make` that prints the log named like the stage, and fails stages named fail-*."""
    logs = tmp_path / "fixtures"
    logs.mkdir()
    (logs / "rust-tests").write_text(CARGO_LOG)
    (logs / "python-pytest").write_text(PYTEST_LOG)
    (logs / "fail-pytest").write_text(PYTEST_FAILED_LOG)
    (logs / "fail-build").write_text("error[E0425]: cannot find value `x` in this scope\n")
    (logs / "noisy").write_text("Collecting numpy\n" * 240)
    make = tmp_path / "make"
    make.write_text(
        "#!/usr/bin/env bash\n"
        'stage="${@: -1}"\n'
        f'[ -f "{logs}/$stage" ] && cat "{logs}/$stage"\n'
        'case "$stage" in fail-*) exit 2 ;; esac\n'
    )
    make.chmod(0o755)
    return make


def run(tmp_path: Path, *stages: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MAKE": str(fake_make(tmp_path)),
           "KHABAR_TEST_LOGS": str(tmp_path / "logs")}
    return subprocess.run(["bash", str(SCRIPT), *stages], capture_output=True, text=True,
                          env=env, timeout=60)


def test_green_is_one_line_per_stage_and_the_tally_last(tmp_path: Path) -> None:
    r = run(tmp_path, "noisy", "rust-tests", "python-pytest")
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert len(lines) == 1 + 3 + 2, r.stdout  # header, a line per stage, total, tally
    for stage, line in zip(["noisy", "rust-tests", "python-pytest"], lines[1:4]):
        assert re.fullmatch(rf"  {stage} \.+ ok  \d+ s", line), line
    assert "Collecting" not in r.stdout
    assert lines[-1] == "13 passed, 0 failed, 1 skipped"
    assert (tmp_path / "logs" / "noisy.log").read_text().count("Collecting") == 240


def test_a_failing_suite_prints_its_log_stops_and_counts_its_failures(tmp_path: Path) -> None:
    r = run(tmp_path, "rust-tests", "fail-pytest", "python-pytest")
    assert r.returncode == 1
    assert re.search(r"^  fail-pytest \.+ FAILED  \d+ s \(exit 2\)", r.stdout, re.M), r.stdout
    assert "    | FAILED tests/python/test_x.py::test_y - assert 1 == 2" in r.stdout
    assert "python-pytest" not in r.stdout, "the run stops at the first failed stage"
    assert r.stdout.splitlines()[-1] == "8 passed, 1 failed, 0 skipped"


def test_a_failing_stage_without_tests_still_reads_as_a_failure(tmp_path: Path) -> None:
    r = run(tmp_path, "rust-tests", "fail-build")
    assert r.returncode == 1
    assert "    | error[E0425]" in r.stdout
    assert r.stdout.splitlines()[-2] == "make test: FAILED at stage fail-build"
    assert r.stdout.splitlines()[-1] == "5 passed, 1 failed, 0 skipped"


def test_the_tally_alone(tmp_path: Path) -> None:
    run(tmp_path, "rust-tests", "python-pytest")
    r = subprocess.run(["bash", str(SCRIPT), "--tally", str(tmp_path / "logs")],
                       capture_output=True, text=True, timeout=60)
    assert r.stdout == "13 passed, 0 failed, 1 skipped\n"
