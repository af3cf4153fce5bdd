"""Every example in the public docstrings runs and gives what it shows."""

import doctest

import khabar
import khabar._khabar


def test_docstring_examples() -> None:
    tried_total = 0
    for module in (khabar, khabar._khabar):
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        tried_total += result.attempted
    assert tried_total >= 6


def test_public_names_have_docstrings_with_examples() -> None:
    for name in khabar.__all__:
        if name.startswith("__"):
            continue
        obj = getattr(khabar, name)
        assert obj.__doc__, name
        if not (isinstance(obj, type) and issubclass(obj, Exception)):
            assert ">>>" in obj.__doc__, name
