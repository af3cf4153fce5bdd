//! The event layer in the pipeline: roles and actors in the facts table, events in the
//! document and its JSON.

use khabar::{Document, EventType, Pipeline, Role, SCHEMA};

fn nlp() -> Pipeline {
    Pipeline::new().expect("default pipeline")
}

#[test]
fn joiners_belong_to_their_group_and_go_to_the_destination() {
    let doc = nlp().process("Dozens of ISIS-K fighters have joined the Taliban in Kunar.");
    let f = &doc.facts()[0];
    assert_eq!(f.role.as_deref(), Some("joined"));
    assert_eq!(f.group.as_deref(), Some("Islamic State Khorasan Province"));
    assert_eq!(
        f.subject.as_deref(),
        Some("Islamic State Khorasan Province")
    );
    assert_eq!(f.destination.as_deref(), Some("Taliban"));
}

#[test]
fn arrested_members_are_the_group_not_the_arresting_force() {
    let doc = nlp().process("The Taliban arrested 250 ISIS-K members in Kabul.");
    let f = &doc.facts()[0];
    assert_eq!(f.role.as_deref(), Some("arrested"));
    assert_eq!(
        f.subject.as_deref(),
        Some("Islamic State Khorasan Province")
    );
    assert_eq!(f.perpetrator.as_deref(), Some("Taliban"));
}

#[test]
fn an_attribute_is_no_place() {
    let doc = nlp().process("Twelve members of the US-trained forces were killed.");
    let f = &doc.facts()[0];
    assert_eq!(f.place, None);
    assert_eq!(f.role.as_deref(), Some("killed"));
    assert_eq!(doc.attribute_entities.len(), 1);
}

#[test]
fn victims_of_an_attack_are_not_strength() {
    let doc = nlp().process(
        "13 US service members were killed in the Kabul airport bombing claimed by ISIS-K. \
         Only about 3,000 IS-K fighters remain.",
    );
    let facts = doc.facts();
    assert_eq!(facts[0].role.as_deref(), Some("killed"));
    assert_eq!(facts[0].victim_class.as_deref(), Some("foreigners"));
    assert_eq!(facts[1].role.as_deref(), Some("strength"));
    let e = &doc.events[0];
    assert_eq!(e.event_type, EventType::Bombing);
    assert_eq!(
        e.perpetrator.as_ref().map(|p| p.name.as_str()),
        Some("Islamic State Khorasan Province")
    );
}

#[test]
fn counts_of_groups_are_not_a_force() {
    for text in [
        "IS-K is one of two jihadist groups active in the province.",
        "The Taliban named four terrorist organizations operating in Kunar.",
        "ISKP fighters joined three militant networks in Nangarhar.",
    ] {
        let doc = nlp().process(text);
        for f in doc.facts() {
            assert_ne!(f.role.as_deref(), Some("strength"), "{text}: {f:?}");
            assert_ne!(
                f.victim_class.as_deref(),
                Some("militants"),
                "{text}: {f:?}"
            );
        }
    }
    // The class survives as a modifier of a person noun.
    let doc = nlp().process("Three militant commanders were killed in Kunduz.");
    assert_eq!(doc.facts()[0].role.as_deref(), Some("killed"));
}

#[test]
fn an_escape_from_prison_frees_people_and_is_no_force() {
    let doc = nlp().process(
        "The recent escape of thousands of ISIS-K members from prison has helped the group.",
    );
    assert_eq!(doc.facts()[0].role.as_deref(), Some("released"));
    let doc = nlp().process("Two policemen escaped unhurt when the bomb went off in Kabul.");
    assert!(
        doc.facts()
            .iter()
            .all(|f| f.role.as_deref() != Some("released"))
    );
}

#[test]
fn a_bare_estimate_beside_a_force_estimate_is_strength() {
    for text in [
        "Estimates of its strength vary from several thousand active fighters to as low as 500.",
        "Its strength is estimated at between 1,500 ISKP fighters and 2,000.",
    ] {
        let doc = nlp().process(text);
        let facts = doc.facts();
        assert!(facts.len() >= 2, "{text}: {facts:?}");
        for f in &facts {
            assert_eq!(f.role.as_deref(), Some("strength"), "{text}: {f:?}");
        }
    }
}

#[test]
fn an_incident_report_becomes_one_event() {
    let nlp = Pipeline::builder()
        .reference_date(khabar::ReferenceDate::parse("2019-06-01").expect("date"))
        .build()
        .expect("pipeline");
    let doc = nlp.process(
        "On 11 May 2019, 4 Afghan policemen were killed and 5 wounded by Taliban militants in \
         Khwaja Ghar district, Takhar. Two civilians were also killed.",
    );
    assert_eq!(doc.events.len(), 1);
    let e = &doc.events[0];
    assert_eq!(e.killed(), Some(6.0));
    assert_eq!(e.wounded(), Some(5.0));
    assert_eq!(e.count(Role::Killed), Some(6.0));
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2019-05-11")
    );
    // The district (as the default gazetteer spells it) is the most specific place; its
    // province comes with it.
    let place = e.place.as_ref().expect("a place");
    assert_eq!(place.name, "Khwajah Ghar");
    assert_eq!(place.province.as_deref(), Some("Takhar"));
    let later = nlp.process("Three soldiers were killed in Kunduz.");
    let d = later.events[0].date.as_ref().expect("a date");
    assert_eq!(
        (d.value.as_str(), d.source),
        ("2019-06-01", khabar::event::DateSource::Reference)
    );
}

#[test]
fn events_round_trip_through_json() {
    let doc = nlp()
        .process("A Taliban-planted IED killed two children in Uruzgan; no one else was hurt.");
    let json = doc.to_json().expect("json");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid");
    assert_eq!(value["schema"], SCHEMA);
    assert_eq!(SCHEMA, "khabar.document/2");
    assert_eq!(value["events"][0]["type"], "bombing");
    assert_eq!(value["events"][0]["perpetrator"]["name"], "Taliban");
    let back = Document::from_json(&json).expect("read back");
    assert_eq!(back, doc);
}

#[test]
fn the_event_layer_can_be_turned_off() {
    let nlp = Pipeline::builder().events(false).build().expect("pipeline");
    let doc = nlp.process("Two soldiers were killed.");
    assert!(doc.events.is_empty() && doc.roles.is_empty());
    assert_eq!(doc.facts()[0].role, None);
}
