"""The example notebook runs top to bottom on the seeds (so it can never rot)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_example_notebook_executes() -> None:
    nbformat = pytest.importorskip("nbformat", reason="needs the test extra (nbformat, nbclient)")
    nbclient = pytest.importorskip("nbclient")
    path = ROOT / "examples" / "khabar_seeds.ipynb"
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="kh-entity"' in h for h in html), "the highlighted document is shown"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the charts are drawn"
