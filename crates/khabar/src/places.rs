//! Places in context: a place name that several entries share ("Muqur", a district of
//! Ghazni and one of Badghis; "Nawa", of Helmand and of Ghazni) goes to the candidate whose
//! parent the same sentence names ("in Muqur district of Ghazni", "Ghazni's Muqur
//! district"); where it supports several (a district and a village of the same province),
//! the gazetteer's ranking chooses among them. No parent named leaves the mention as the
//! gazetteer ranked it.
//!
//! ```
//! use khabar_gazetteer::{Entry, Gazetteer};
//! // a province names its districts when it has a parent itself (a country does not)
//! let gz = Gazetteer::from_entries([
//!     Entry::new("AF", "Afghanistan", "GPE"),
//!     Entry::new("GHA", "Ghazni", "GPE").with_parent("AF").with_attr("type", "province"),
//!     Entry::new("BDG", "Badghis", "GPE").with_parent("AF").with_attr("type", "province"),
//!     Entry::new("GHA:MUQ", "Muqur", "GPE").with_parent("GHA").with_priority(1),
//!     Entry::new("BDG:MUQ", "Muqur", "GPE").with_parent("BDG").with_priority(2),
//! ])?;
//! let found = khabar::find_entities(&gz, "Two policemen were killed in Muqur, Ghazni.");
//! assert_eq!(found[0].id(), "GHA:MUQ");
//! let found = khabar::find_entities(&gz, "Two policemen were killed in Muqur.");
//! assert_eq!(found[0].id(), "BDG:MUQ");
//! # Ok::<(), khabar_gazetteer::Error>(())
//! ```

use crate::document::Entity;
use khabar_gazetteer::Gazetteer;
use std::collections::HashSet;

/// Whether every candidate of an ambiguous mention is a place.
fn ambiguous_place(e: &Entity) -> bool {
    e.is_ambiguous()
        && e.candidates
            .iter()
            .all(|c| matches!(c.label.as_str(), "GPE" | "LOC" | "FAC"))
}

/// Whether the document names, anywhere, the parent of a candidate of an ambiguous place
/// (by a mention with one best entry that has a parent itself): what some sentence must do
/// for [`resolve`] to change anything, since a sentence names a subset of the document's
/// entries. Without one, the sentences need not be found. (An entity's attributes hold
/// `parent` exactly when its best entry has one.)
fn any_parent_named(gz: &Gazetteer, entities: &[Entity]) -> bool {
    let mut named: Vec<&str> = entities
        .iter()
        .filter(|o| !o.is_ambiguous() && o.attrs.contains_key("parent"))
        .map(Entity::id)
        .collect();
    if named.is_empty() {
        return false;
    }
    named.sort_unstable();
    entities.iter().filter(|e| ambiguous_place(e)).any(|e| {
        e.candidates.iter().any(|c| {
            gz.get(&c.id)
                .and_then(|entry| entry.parent_id())
                .is_some_and(|p| named.binary_search(&p).is_ok())
        })
    })
}

/// Resolves the document's ambiguous place mentions by the parents their sentences name
/// (entities in text order; one pass over sentences and entities).
pub(crate) fn resolve(gz: &Gazetteer, text: &str, entities: &mut [Entity]) {
    if !entities.iter().any(ambiguous_place) || !any_parent_named(gz, entities) {
        return;
    }
    let mut chosen: Vec<(usize, String)> = Vec::new();
    let mut next = 0;
    for s in khabar_tokenize::sentences(text) {
        while entities
            .get(next)
            .is_some_and(|e| e.span.start < s.span.start)
        {
            next += 1;
        }
        let first = next;
        while entities.get(next).is_some_and(|e| e.span.end <= s.span.end) {
            next += 1;
        }
        let within = entities.get(first..next).unwrap_or_default();
        if !within.iter().any(ambiguous_place) {
            continue;
        }
        // the entries the sentence names, each mention by its best candidate; a country
        // (an entry without a parent) names no province ("Kabul, Afghanistan" stays the
        // city, not the province)
        let named: HashSet<&str> = within
            .iter()
            .filter(|o| !o.is_ambiguous())
            .filter(|o| {
                gz.get(o.id())
                    .is_some_and(|entry| entry.parent_id().is_some())
            })
            .map(Entity::id)
            .collect();
        for (k, e) in within
            .iter()
            .enumerate()
            .filter(|(_, e)| ambiguous_place(e))
        {
            let mut supported = e.candidates.iter().filter(|c| {
                gz.get(&c.id)
                    .and_then(|entry| entry.parent_id())
                    .is_some_and(|p| named.contains(p))
            });
            // candidates come best first: among those the sentence supports, the best
            if let Some(best) = supported.next().filter(|c| c.id != e.id()) {
                chosen.push((first + k, best.id.clone()));
            }
        }
    }
    for (k, id) in chosen {
        if let (Some(e), Some(entry)) = (entities.get_mut(k), gz.get(&id)) {
            crate::people::promote(e, &entry);
        }
    }
}
