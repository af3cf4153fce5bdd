//! Same-name districts resolved by the province their sentence names, both ways, and left
//! as the gazetteer ranked them when no province (or another sentence's) is named.

use khabar::Pipeline;

fn place_id(text: &str, name: &str) -> Option<String> {
    let nlp = Pipeline::new().expect("default pipeline");
    let doc = nlp.process(text);
    doc.entities
        .iter()
        .find(|e| e.text.starts_with(name))
        .map(|e| e.id().to_owned())
}

#[test]
fn the_province_in_the_sentence_picks_the_district() {
    let ghazni = place_id(
        "Two policemen were killed in Muqur district of Ghazni province.",
        "Muqur",
    );
    let badghis = place_id(
        "Gunmen attacked a post in Muqur district of Badghis.",
        "Muqur",
    );
    assert!(
        ghazni
            .as_deref()
            .is_some_and(|id| id.starts_with("GEO:AF-GHA")),
        "{ghazni:?}"
    );
    assert!(
        badghis
            .as_deref()
            .is_some_and(|id| id.starts_with("GEO:AF-BDG")),
        "{badghis:?}"
    );
    let before = place_id(
        "In Ghazni province, a roadside bomb hit a car in Muqur.",
        "Muqur",
    );
    assert!(
        before
            .as_deref()
            .is_some_and(|id| id.starts_with("GEO:AF-GHA")),
        "{before:?}"
    );
}

#[test]
fn without_the_province_in_the_sentence_the_ranking_stands() {
    let alone = place_id("Two policemen were killed in Muqur district.", "Muqur");
    let other_sentence = place_id(
        "Ghazni has seen heavy fighting. Two policemen were killed in Muqur district.",
        "Muqur",
    );
    assert!(alone.is_some());
    assert_eq!(other_sentence, alone);
    // a country names no province: the city stays the city
    let city = place_id("A blast hit Kabul.", "Kabul");
    let with_country = place_id("A blast hit Kabul, Afghanistan.", "Kabul");
    assert_eq!(with_country, city);
}
