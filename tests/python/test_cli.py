"""The `khabar` console script installed with the package runs the Rust command line."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from conftest import ROOT


def khabar_command() -> list[str]:
    script = Path(sysconfig.get_path("scripts")) / "khabar"
    if script.exists():
        return [str(script)]
    found = shutil.which("khabar")
    return [found] if found else [sys.executable, "-c", "from khabar._cli import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*khabar_command(), *args], capture_output=True, text=True, timeout=300)


def test_extract_jsonl_from_the_console_script() -> None:
    r = run("extract", str(ROOT / "seeds"), "--format", "jsonl", "--reference-date", "2019-08-01")
    assert r.returncode == 0, r.stderr
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(docs) == 5 and all(d["schema"] == "khabar.document/2" for d in docs)
    assert "5 documents (0 failed)" in r.stderr


def test_facts_and_exit_status_on_bad_files(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("IS-K has an estimated 4,000-6,000 fighters.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe not utf-8")
    r = run("facts", str(tmp_path), "--format", "csv")
    assert r.returncode == 1
    assert "bad.txt: not UTF-8" in r.stderr
    assert r.stdout.startswith("doc,reference_date,quantity,")
    assert "4000" in r.stdout and "fighters" in r.stdout


def test_main_returns_the_status() -> None:
    from khabar._cli import main

    assert main(["khabar", "--version"]) == 0
    assert main(["khabar", "no-such-command"]) == 2
