//! People in context: what a document tells about its persons beyond one mention.
//!
//! Two rules, applied to a document's entities after matching:
//!
//! 1. **Short forms.** After a person's full mention (two words or more: "Hafiz Saeed
//!    Khan"), a later capitalised mention of the last word of the name ("… Khan said") is
//!    that person. Where two persons of the document share the word, it is the one
//!    mentioned last before it, and both stay candidates.
//! 2. **Affiliation.** A mention that several persons share ("Hafiz Saeed": Hafiz Saeed Khan
//!    of ISKP, or Hafiz Muhammad Saeed of Lashkar-e-Taiba) goes to the candidate whose
//!    `affiliation` attribute the document's other entities support: the organisation
//!    itself, one above it or one below it ("IS" supports ISKP) or another person of it. A
//!    tie, or no support, leaves the mention ambiguous as the gazetteer gave it.
//!
//! ```
//! use khabar_gazetteer::{Entry, Gazetteer};
//! let gz = Gazetteer::from_entries([
//!     Entry::new("ISKP", "Islamic State Khorasan Province", "ORG").with_alias("ISKP"),
//!     Entry::new("LET", "Lashkar-e-Taiba", "ORG"),
//!     Entry::new("P:HSK", "Hafiz Saeed Khan", "PERSON")
//!         .with_alias("Hafiz Saeed")
//!         .with_attr("affiliation", "ISKP"),
//!     Entry::new("P:HMS", "Hafiz Muhammad Saeed", "PERSON")
//!         .with_alias("Hafiz Saeed")
//!         .with_attr("affiliation", "LET"),
//! ])?;
//! let text = "ISKP named a new emir after Hafiz Saeed was killed.";
//! let found = khabar::find_entities(&gz, text);
//! assert_eq!(found[1].id(), "P:HSK");
//! let text = "Hafiz Saeed Khan led ISKP. Khan was killed in 2016.";
//! let found = khabar::find_entities(&gz, text);
//! let khan = found.iter().find(|e| e.text == "Khan").map(|e| e.id());
//! assert_eq!(khan, Some("P:HSK"));
//! # Ok::<(), khabar_gazetteer::Error>(())
//! ```

use crate::document::{Candidate, Entity};
use khabar_gazetteer::{EntryRef, Gazetteer};
use khabar_tokenize::Span;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// Applies both rules to `entities` (in text order, as matched in `text`).
pub(crate) fn resolve(gz: &Gazetteer, text: &str, entities: &mut Vec<Entity>) {
    by_affiliation(gz, entities);
    short_forms(gz, text, entities);
}

/// The organisations a person's affiliation is supported by: itself, its parent, its
/// children.
fn support_of<'g>(gz: &'g Gazetteer, org: &str) -> Vec<EntryRef<'g>> {
    let mut out: Vec<EntryRef<'g>> = gz.get(org).into_iter().collect();
    if let Some(p) = out.first().and_then(EntryRef::parent) {
        out.push(p);
    }
    out.extend(gz.entries().filter(|e| e.parent_id() == Some(org)));
    out
}

/// Rule 2: an ambiguous person mention goes to the candidate the document supports.
fn by_affiliation(gz: &Gazetteer, entities: &mut [Entity]) {
    // Only ambiguous person mentions change: without one there is nothing to gather.
    if !entities.iter().any(ambiguous_person) {
        return;
    }
    let mentioned: HashSet<&str> = entities.iter().map(Entity::id).collect();
    // organisations the document's persons belong to count too
    let mut present: HashSet<String> = mentioned.iter().map(|s| (*s).to_owned()).collect();
    for e in entities
        .iter()
        .filter(|e| !e.is_ambiguous() && e.label() == "PERSON")
    {
        if let Some(a) = gz.get(&e.id).and_then(|p| p.attr("affiliation")) {
            present.insert(a.to_owned());
        }
    }
    let mut chosen: Vec<(usize, String)> = Vec::new();
    for (k, e) in entities.iter().enumerate() {
        if !ambiguous_person(e) {
            continue;
        }
        let supported: Vec<&str> = e
            .candidates
            .iter()
            .filter(|c| {
                gz.get(&c.id)
                    .and_then(|p| p.attr("affiliation"))
                    .is_some_and(|org| support_of(gz, org).iter().any(|o| present.contains(o.id())))
            })
            .map(|c| c.id.as_str())
            .collect();
        if let [one] = supported.as_slice() {
            chosen.push((k, (*one).to_owned()));
        }
    }
    for (k, id) in chosen {
        if let (Some(e), Some(entry)) = (entities.get_mut(k), gz.get(&id)) {
            promote(e, &entry);
        }
    }
}

/// Whether every one of the several candidates of `e` is a person (what rule 2 resolves).
fn ambiguous_person(e: &Entity) -> bool {
    e.is_ambiguous() && e.candidates.iter().all(|c| c.label == "PERSON")
}

/// Makes `entry` the entity's best candidate (the others stay, after it).
pub(crate) fn promote(e: &mut Entity, entry: &EntryRef<'_>) {
    let mut cands: Vec<Candidate> = e.candidates.to_vec();
    if let Some(i) = cands.iter().position(|c| c.id == entry.id()) {
        let c = cands.remove(i);
        cands.insert(0, c);
    }
    e.candidates = Arc::from(cands);
    e.id = Arc::from(entry.id());
    e.canonical = Arc::from(entry.name());
    e.label = Arc::from(entry.label());
    e.attrs = Arc::new(crate::pipeline::attributes(entry));
}

/// The last word of a name, if it can stand for the person: capitalised, three letters or
/// more.
fn last_word(name: &str) -> Option<&str> {
    let w = name.split_whitespace().last()?;
    let ok = name.split_whitespace().count() >= 2
        && w.chars().count() >= 3
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(char::is_alphabetic);
    ok.then_some(w)
}

/// Every whole-word occurrence of `word` in `text` from byte `from` on.
fn occurrences(text: &str, word: &str, from: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = from;
    while let Some(i) = text.get(at..).and_then(|t| t.find(word)) {
        let (s, e) = (at + i, at + i + word.len());
        let before = text.get(..s).and_then(|t| t.chars().next_back());
        let after = text.get(e..).and_then(|t| t.chars().next());
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            out.push(Span::new(s, e));
        }
        at = e;
    }
    out
}

/// Rule 1: short forms of the persons fully mentioned before.
fn short_forms(gz: &Gazetteer, text: &str, entities: &mut Vec<Entity>) {
    // word → (mention end, person id) of every full mention, in text order
    let mut claims: BTreeMap<String, Vec<(usize, String)>> = BTreeMap::new();
    for e in entities
        .iter()
        .filter(|e| e.label() == "PERSON" && !e.is_ambiguous())
    {
        for name in [e.text.as_str(), e.canonical()] {
            if let Some(w) = last_word(name) {
                let v = claims.entry(w.to_owned()).or_default();
                if !v.iter().any(|(end, id)| *end == e.span.end && id == e.id()) {
                    v.push((e.span.end, e.id().to_owned()));
                }
            }
        }
    }
    let mut added: Vec<Entity> = Vec::new();
    for (word, holders) in &claims {
        let first = holders
            .iter()
            .map(|(end, _)| *end)
            .min()
            .unwrap_or(usize::MAX);
        for span in occurrences(text, word, first) {
            let taken = entities
                .iter()
                .chain(&added)
                .any(|x| x.span.start < span.end && span.start < x.span.end);
            if taken {
                continue;
            }
            // the persons claiming the word before it, the most recent first
            let mut before: Vec<&(usize, String)> = holders
                .iter()
                .filter(|(end, _)| *end <= span.start)
                .collect();
            before.sort_by_key(|h| std::cmp::Reverse(h.0));
            let mut ids: Vec<&str> = Vec::new();
            for (_, id) in before {
                if !ids.contains(&id.as_str()) {
                    ids.push(id);
                }
            }
            let entries: Vec<EntryRef<'_>> = ids.iter().filter_map(|id| gz.get(id)).collect();
            let Some(best) = entries.first() else {
                continue;
            };
            added.push(Entity {
                span,
                text: word.clone(),
                alias: Arc::from(word.as_str()),
                id: Arc::from(best.id()),
                canonical: Arc::from(best.name()),
                label: Arc::from(best.label()),
                candidates: entries.iter().map(crate::pipeline::candidate).collect(),
                attrs: Arc::new(crate::pipeline::attributes(best)),
            });
        }
    }
    if !added.is_empty() {
        entities.extend(added);
        entities.sort_by_key(|e| (e.span.start, e.span.end));
    }
}
