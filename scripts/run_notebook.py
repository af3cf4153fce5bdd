"""Executes a notebook in place, outputs included, so the committed file shows them.

    python scripts/run_notebook.py examples/khabar_seeds.ipynb      # `make notebook`

The notebook runs from the repository root (it finds ``seeds/`` there). What changes from run
to run without the content changing is left out: execution timings, the kernel's version
details; cell ids are kept. ``tests/python/test_notebook.py`` runs the same ``execute``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path, timeout: int = 300) -> Any:
    """The notebook at ``path`` executed top to bottom (``nbclient`` raises on an error)."""
    import nbclient
    import nbformat

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(ROOT)}},
    )
    client.execute()
    return nb


def strip_volatile(nb: Any) -> Any:
    """Drops what differs between two runs of the same notebook."""
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def main(argv: list[str]) -> int:
    import nbformat

    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[1])
    nb = strip_volatile(execute(path))
    nbformat.validate(nb)
    nbformat.write(nb, path)
    print(f"{path}: {sum(c.cell_type == 'code' for c in nb.cells)} code cells executed, "
          f"{path.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
