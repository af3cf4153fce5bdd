"""Dates of issue 17 from Python: other calendars, Islamic holidays, tense, year modifiers."""

import khabar


def _dates(text: str, ref: str = "2019-03-12") -> list[khabar.Temporal]:
    return khabar.extract(text, reference_date=ref).dates


def test_hijri_and_solar_hijri_dates_keep_their_calendar() -> None:
    (t,) = _dates("The attack came on 15 Shawwal 1442.")
    assert (t.text, t.value, t.calendar) == (
        "15 Shawwal 1442",
        "2021-05-27",
        "islamic-umalqura:1442-10-15",
    )
    (t,) = _dates("Officials said on Hamal 1, 1398 that talks resume.")
    assert (t.value, t.calendar) == ("2019-03-21", "persian:1398-01-01")
    assert t.to_dict()["calendar"] == "persian:1398-01-01"


def test_islamic_holidays_and_gregorian_dates_without_calendar() -> None:
    eve, eid = _dates("A bomb went off on the eve of Eid al-Fitr in 2018, before Eid al-Adha 2018.")
    assert (eve.value, eve.calendar) == ("2018-06-14", "islamic-umalqura")
    assert eid.value == "2018-08-21"
    (t,) = _dates("He was killed on 5 May 2018.")
    assert t.calendar is None
    assert "calendar" not in t.to_dict()


def test_tense_decides_the_direction() -> None:
    assert _dates("Elections are scheduled for May.")[0].value == "2019-05"
    assert _dates("Elections were held in May.")[0].value == "2018-05"


def test_a_year_as_modifier_is_a_date_not_a_count() -> None:
    doc = khabar.extract("He was killed in a 2011 drone strike.", reference_date="2019-03-12")
    assert [(d.text, d.value) for d in doc.dates] == [("2011", "2011")]
    assert all("2011" not in q.text for q in doc.quantities)
