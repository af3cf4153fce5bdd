//! An event's type follows what happened to the counted people (see
//! `tests/events/README.md`): casualties take the violent type cued, custody alone its own.

use khabar_events::{EventExtractor, EventType};

fn event_type(text: &str) -> Option<EventType> {
    let ex = EventExtractor::new().expect("default lexicon");
    ex.extract_text(text).events.first().map(|e| e.event_type)
}

#[test]
fn casualties_take_the_violent_type_over_custody() {
    assert_eq!(
        event_type(
            "Six militants were killed and three were arrested during an operation in Zabul."
        ),
        Some(EventType::Attack)
    );
    assert_eq!(
        event_type("On 2 May 2020, 4 soldiers were killed and 2 abducted in an ambush."),
        Some(EventType::Ambush)
    );
}

#[test]
fn custody_alone_keeps_its_type_whatever_attack_is_named() {
    assert_eq!(
        event_type("Police arrested three suspects over the bombing in Kabul."),
        Some(EventType::Arrest)
    );
    assert_eq!(
        event_type("Two engineers were abducted near a mine-clearing site."),
        Some(EventType::Abduction)
    );
}

#[test]
fn cued_types_of_the_added_cues() {
    for (text, want) in [
        (
            "Two children were wounded when a shell landed in their yard.",
            EventType::Shelling,
        ),
        (
            "One civilian was killed in the crossfire.",
            EventType::ArmedClash,
        ),
        (
            "Eleven civilians were killed in the twin blasts.",
            EventType::Bombing,
        ),
        (
            "A suicide car bomber killed 5 soldiers.",
            EventType::SuicideAttack,
        ),
        (
            "The attacker detonated his vest, killing 4 people.",
            EventType::SuicideAttack,
        ),
        (
            "Two policemen were wounded by sniper fire.",
            EventType::Attack,
        ),
    ] {
        assert_eq!(event_type(text), Some(want), "{text}");
    }
}
