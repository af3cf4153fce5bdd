"""Events, roles and the events table from Python."""

import khabar
import pytest

REPORT = ("On 11 May 2019, 4 Afghan policemen and 3 civilians were killed and 5 wounded by "
          "Taliban militants in Takhar, including 2 children.")


def test_document_events():
    doc = khabar.extract(REPORT, id="r1")
    (e,) = doc.events
    assert isinstance(e, khabar.Event)
    assert (e.type, e.date, e.date_source) == ("attack", "2019-05-11", "sentence")
    assert (e.place, e.province, e.country) == ("Takhar", "Takhar", "AF")
    assert (e.perpetrator, e.perpetrator_id) == ("Taliban", "TALIBAN")
    assert (e.killed, e.wounded, e.arrested, e.abducted) == (7.0, 5.0, None, None)
    assert e.counts == {"killed": 7.0, "wounded": 5.0}
    assert doc.text[e.start:e.end] == e.text
    assert e.to_dict()["type"] == "attack"
    assert "attack" in repr(e)


def test_role_offsets_are_str_indices():
    text = "Überfall: «Zwei» — 4 Afghan policemen were killed in Kabul."
    doc = khabar.extract(text)
    roles = doc.roles
    assert roles and all(text[r["start"]:r["end"]] == r["text"] for r in roles)
    assert roles[0]["role"] == "killed" and roles[0]["class"] == "security_forces"


def test_events_frame():
    pytest.importorskip("pandas")
    docs = [khabar.extract(REPORT, id="a"),
            khabar.extract("NDS forces arrested 11 ISIS-K members in Kabul.", id="b"),
            khabar.extract("No casualties were reported.", id="c")]
    frame = khabar.events(docs)
    for col in ["doc", "type", "date", "place", "place_id", "province", "country",
                "perpetrator", "target", "killed", "wounded", "arrested", "abducted", "text"]:
        assert col in frame.columns
    rows = frame.set_index("doc")
    assert rows.loc["a", "killed"] == 7 and rows.loc["a", "wounded"] == 5
    assert rows.loc["b", "arrested"] == 11 and rows.loc["b", "type"] == "arrest"
    assert rows.loc["c", "killed"] == 0 and rows.loc["c", "wounded"] == 0


def test_facts_frame_has_roles_and_actors():
    pytest.importorskip("pandas")
    doc = khabar.extract("Dozens of ISIS-K fighters have joined the Taliban in Kunar.")
    row = khabar.facts(doc).iloc[0]
    assert row["role"] == "joined"
    assert row["group"] == "Islamic State Khorasan Province"
    assert row["subject"] == "Islamic State Khorasan Province"
    assert row["destination"] == "Taliban"
