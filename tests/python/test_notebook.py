"""The example notebook runs top to bottom on the seeds (so it can never rot), and the
committed file holds the outputs of a whole run (a reader on a code host sees them).
Regenerate them with `make notebook` (scripts/run_notebook.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "examples" / "khabar_seeds.ipynb"


def run_notebook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("run_notebook", ROOT / "scripts" / "run_notebook.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_notebook_executes() -> None:
    nb = run_notebook().execute(NOTEBOOK)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="kh-entity"' in h for h in html), "the highlighted document is shown"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the charts are drawn"


def test_the_committed_notebook_holds_the_outputs_of_one_whole_run() -> None:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    counts = [c.get("execution_count") for c in code]
    assert counts == list(range(1, len(code) + 1)), (
        f"cells not executed in one run top to bottom ({counts}): run `make notebook`"
    )
    assert sum(bool(c["outputs"]) for c in code) >= len(code) // 2, "outputs stripped?"
    errors = [o for c in code for o in c["outputs"] if o.get("output_type") == "error"]
    assert not errors, "the committed notebook shows an error"
    assert not any("execution" in c.get("metadata", {}) for c in code), "timings left in"
