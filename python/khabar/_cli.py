"""The ``khabar`` console script: the same command line as the Rust binary, run in-process."""

from __future__ import annotations

import sys

from ._khabar import _cli_main


def main(argv: list[str] | None = None) -> int:
    """Run ``khabar`` with ``argv`` (default ``sys.argv``) and return its exit status.

    >>> main(["khabar", "--version"])  # doctest: +SKIP
    0
    """
    args = list(sys.argv if argv is None else argv)
    sys.stdout.flush()
    sys.stderr.flush()
    code = _cli_main(args)
    if argv is None:
        sys.exit(code)
    return code
