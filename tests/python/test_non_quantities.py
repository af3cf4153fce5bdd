"""`khabar.non_quantities` and `Document.non_quantities` (issue 18): the numbers set aside as
neither quantities nor dates, with reasons and exact `str` offsets."""

import pickle

import pytest

import khabar

TEXT = "Under Resolution 2593, HMS Dragon (D 35) sailed to 34°31′N 69°10′E; 40 people died."


def test_function_finds_reasons_with_exact_offsets() -> None:
    found = khabar.non_quantities(TEXT)
    assert [(n.text, n.reason) for n in found] == [
        ("2593", "numbered_name"),
        ("35", "hull_number"),
        ("34°31′N 69°10′E", "coordinate"),
    ]
    for n in found:
        assert TEXT[n.start : n.end] == n.text


def test_offsets_are_str_indices_after_non_ascii_text() -> None:
    text = "«Ψ» ‘quote’ — then Resolution 2593 and 😀 Article 370."
    found = khabar.non_quantities(text)
    assert [n.text for n in found] == ["2593", "370"]
    assert all(text[n.start : n.end] == n.text for n in found)


def test_document_property_matches_the_function() -> None:
    doc = khabar.extract(TEXT)
    assert doc.non_quantities == khabar.non_quantities(TEXT)
    # None of them is a quantity or a date of the document.
    spans = {(n.start, n.end) for n in doc.non_quantities}
    assert not any((q.start, q.end) in spans for q in doc.quantities)
    assert [q.text for q in doc.quantities] == ["40"]


def test_document_read_back_from_json_still_has_them() -> None:
    doc = khabar.Document.from_json(khabar.extract(TEXT).to_json())
    assert [n.reason for n in doc.non_quantities] == ["numbered_name", "hull_number", "coordinate"]


def test_value_object_behaviour() -> None:
    n = khabar.non_quantities(TEXT)[0]
    assert repr(n) == "NonQuantity(17, 21, '2593', reason='numbered_name')"
    assert pickle.loads(pickle.dumps(n)) == n
    assert hash(n) == hash(khabar.NonQuantity(17, 21, "2593", "numbered_name"))
    assert n.to_dict() == {"start": 17, "end": 21, "text": "2593", "reason": "numbered_name"}
    with pytest.raises(ValueError, match="unknown non-quantity reason"):
        khabar.NonQuantity(0, 1, "1", "nonsense")


def test_bad_input() -> None:
    with pytest.raises(TypeError):
        khabar.non_quantities(42)  # type: ignore[arg-type]
    with pytest.raises(khabar.InputError):
        khabar.non_quantities("lone \ud800 surrogate")
    assert khabar.non_quantities("") == []
