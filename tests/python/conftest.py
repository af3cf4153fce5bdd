"""Shared fixtures: the bundled seed articles."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    assert SEEDS, "seeds/ holds the five bundled articles"
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
