"""Measures, ages, money and non-quantities from Python (issue 18): the new Quantity
attributes, their dict form and their to_pandas columns."""

import khabar


def test_measure_attributes() -> None:
    text = "A convoy was ambushed 40km (25 miles) north of Kandahar; 2 tonnes of explosives."
    doc = khabar.extract(text)
    km, tonnes = doc.quantities[0], doc.quantities[1]
    assert (km.text, km.kind, km.dimension, km.si_unit) == ("40km (25 miles)", "measure", "length", "m")
    assert km.si_value == 40_000.0 and text[km.start:km.end] == km.text
    assert (tonnes.dimension, tonnes.si_value, tonnes.si_unit) == ("mass", 2000.0, "kg")
    assert km.to_dict()["si_value"] == 40_000.0


def test_other_kinds_have_no_si_fields() -> None:
    q = khabar.extract("more than 170 people were killed").quantities[0]
    assert (q.dimension, q.si_value, q.si_unit) == (None, None, None)
    # Absent from the dict (and JSON) when not a measure.
    assert "dimension" not in q.to_dict() and "si_value" not in q.to_dict()


def test_ages_and_money() -> None:
    doc = khabar.extract("A 15-year-old boy was among the dead; police seized Rs30 lakh.")
    age, money = doc.quantities
    assert (age.kind, age.text, age.unit) == ("age", "15", "boy")
    assert not doc.dates
    assert (money.kind, money.low, money.currency) == ("money", 3_000_000.0, "RS")


def test_non_quantities_are_neither_quantities_nor_dates() -> None:
    doc = khabar.extract("The Council adopted Resolution 2593; HMS Dragon (D 35) sailed to 34°31′N 69°10′E.")
    assert not doc.quantities
    assert not any("2593" in d.text for d in doc.dates)


def test_to_pandas_measure_columns() -> None:
    frames = khabar.to_pandas([khabar.extract("about 12km away, and 40 people")])
    q = frames.quantities
    assert {"dimension", "si_value", "si_unit"} <= set(q.columns)
    row = q[q["text"] == "about 12km"].iloc[0]
    assert (row["dimension"], row["si_value"], row["si_unit"]) == ("length", 12_000.0, "m")
