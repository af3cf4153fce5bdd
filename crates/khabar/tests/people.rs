//! People in context on the default gazetteer (issue 16): short forms after a full mention,
//! ambiguous names resolved by the document's organisations, the rest left ambiguous.

use khabar::{Entity, Pipeline};

fn entities(text: &str) -> Vec<Entity> {
    let p = Pipeline::builder()
        .build()
        .unwrap_or_else(|e| panic!("pipeline: {e}"));
    p.process(text).entities
}

fn id_of<'e>(found: &'e [Entity], surface: &str, nth: usize) -> Option<&'e str> {
    found
        .iter()
        .filter(|e| e.text == surface)
        .nth(nth)
        .map(Entity::id)
}

#[test]
fn a_short_form_after_a_full_mention_is_that_person() {
    let text = "Hafiz Saeed Khan, the first emir of ISKP, was killed in Achin. \
                Khan had defected from the Pakistani Taliban in 2014.";
    let found = entities(text);
    assert_eq!(
        id_of(&found, "Hafiz Saeed Khan", 0),
        Some("PER:HAFIZ_SAEED_KHAN")
    );
    assert_eq!(
        id_of(&found, "Khan", 0),
        Some("PER:HAFIZ_SAEED_KHAN"),
        "{found:#?}"
    );
}

#[test]
fn a_short_form_before_any_full_mention_is_nobody() {
    let text = "Khan said the talks failed. Later, Hafiz Saeed Khan spoke.";
    let found = entities(text);
    assert_eq!(id_of(&found, "Khan", 0), None, "{found:#?}");
}

#[test]
fn an_ambiguous_name_follows_the_documents_organisations() {
    let isk = "ISKP fighters mourned Hafiz Saeed after a US drone strike in Nangarhar.";
    assert_eq!(
        id_of(&entities(isk), "Hafiz Saeed", 0),
        Some("PER:HAFIZ_SAEED_KHAN")
    );
    let let_ = "Lashkar-e-Taiba founder Hafiz Saeed was sentenced in Lahore.";
    assert_eq!(
        id_of(&entities(let_), "Hafiz Saeed", 0),
        Some("PER:HAFIZ_SAEED")
    );
    let none = "Hafiz Saeed was mentioned in the report.";
    let found = entities(none);
    let e = found.iter().find(|e| e.text == "Hafiz Saeed");
    assert!(e.is_some_and(Entity::is_ambiguous), "{found:#?}");
}
