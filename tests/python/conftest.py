"""Shared fixtures: the bundled seed articles and their reference dates."""

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
# Each seed's reference date (how each was established: tests/gold/README-dates.md).
with open(ROOT / "tests" / "gold" / "reference-dates.csv", encoding="utf-8", newline="") as f:
    SEED_REFERENCES: dict[str, str] = {r["file"]: r["reference_date"] for r in csv.DictReader(f)}


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    assert SEEDS, "seeds/ holds the five bundled articles"
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
