"""Each library crate packages on its own, with its README, licence files and data.

`cargo package --list` needs no network. Building the `.crate` files offline works when
the crates are packaged together (`-p a -p b …`): cargo resolves their path dependencies
against each other; one crate alone fails offline as soon as it depends on another
unpublished one (cargo looks it up in the crates.io index).
"""

from __future__ import annotations

import filecmp
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CRATES = [
    "khabar-tokenize", "khabar-gazetteer", "khabar-numdate", "khabar-events", "khabar", "khabar-cli",
]
LICENCES = ["LICENSE-MIT", "LICENSE-APACHE"]
# Files a crate needs beyond src/: the bundled default gazetteer and its sources.
DATA = {
    "khabar-gazetteer": [
        "data/SOURCES.md", "data/default/organizations.csv", "data/default/places.csv",
        "data/default/norp.csv", "data/default/persons.csv", "data/english_words.txt",
    ],
    "khabar-events": ["data/cues.tsv", "data/SOURCES.md"],
}


def cargo() -> str:
    found = shutil.which("cargo")
    assert found, "cargo is not on PATH: these tests check the Rust crates' packaging"
    return found


def run_cargo(*args: str, target_dir: Path | None = None) -> str:
    cmd = [cargo(), *args]
    env = None if target_dir is None else {**os.environ, "CARGO_TARGET_DIR": str(target_dir)}
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, f"{' '.join(cmd)}:\n{r.stderr}"
    return r.stdout


@pytest.mark.parametrize("crate", CRATES)
def test_the_package_lists_readme_licences_and_data(crate: str) -> None:
    listed = set(
        run_cargo("package", "-p", crate, "--no-verify", "--offline", "--list", "--allow-dirty")
        .split()
    )
    wanted = {"README.md", "Cargo.toml", "src/lib.rs", *LICENCES, *DATA.get(crate, [])}
    assert wanted <= listed, f"{crate} lacks {sorted(wanted - listed)}"


@pytest.mark.parametrize("crate", CRATES)
def test_the_licence_copies_are_the_workspace_licences(crate: str) -> None:
    for name in LICENCES:
        assert filecmp.cmp(ROOT / name, ROOT / "crates" / crate / name, shallow=False), (
            f"crates/{crate}/{name} differs from {name}: copy it again"
        )


def packages() -> dict[str, dict[str, object]]:
    meta = json.loads(run_cargo("metadata", "--no-deps", "--offline", "--format-version", "1"))
    return {p["name"]: p for p in meta["packages"]}


def test_every_crate_has_the_registry_metadata() -> None:
    found = packages()
    for crate in CRATES:
        p = found[crate]
        for field in ("description", "repository", "readme", "license"):
            assert p.get(field), f"{crate}: Cargo.toml has no {field}"
        assert 1 <= len(p["keywords"]) <= 5, f"{crate}: 1 to 5 keywords (crates.io's limit)"
        assert p["categories"], f"{crate}: no categories"
        assert Path(p["readme"]).is_file(), f"{crate}: readme {p['readme']} is missing"


def test_the_crates_package_together_offline(tmp_path: Path) -> None:
    args = ["package", "--no-verify", "--offline", "--allow-dirty"]
    for crate in CRATES:
        args += ["-p", crate]
    run_cargo(*args, target_dir=tmp_path)
    versions = {name: p["version"] for name, p in packages().items()}
    for crate in CRATES:
        path = tmp_path / "package" / f"{crate}-{versions[crate]}.crate"
        assert path.is_file(), f"no {path.name}"
        with tarfile.open(path) as tar:
            names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
        wanted = {"README.md", *LICENCES, *DATA.get(crate, [])}
        assert wanted <= names, f"{path.name} lacks {sorted(wanted - names)}"
