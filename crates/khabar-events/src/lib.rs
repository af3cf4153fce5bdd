//! What happened, to whom, by whom: role facts (killed, wounded, arrested, strength…),
//! actors by their part in the clause, and events, from the tokens, quantities, dates and
//! entity mentions the sibling crates find in news text.
//!
//! The layer works on spans others produced ([`EventInput`]) and needs no pipeline; the
//! `khabar` facade runs it for every document. Its cue lexicon — role verbs and nouns,
//! person nouns and their classes, event-type cues, actor cues, negation, sub-count and
//! attribution cues — is a table ([`DEFAULT_CUES`], `data/cues.tsv`) a user can read and
//! extend ([`EventExtractor::with_extra_lexicon`]).
//!
//! ```
//! use khabar_events::{EventExtractor, EventType, Role, VictimClass};
//! let ex = EventExtractor::new()?;
//! let a = ex.extract_text(
//!     "On 11 May 2019, 4 policemen were killed and 5 wounded in an IED blast. \
//!      No civilians were hurt.",
//! );
//! let e = &a.events[0];
//! assert_eq!(e.event_type, EventType::Bombing);
//! assert_eq!((e.killed(), e.wounded()), (Some(4.0), Some(5.0)));
//! assert_eq!(e.date.as_ref().map(|d| d.value.as_str()), Some("2019-05-11"));
//! assert_eq!(a.facts[0].class, Some(VictimClass::SecurityForces));
//! assert_eq!(a.facts[2].role, Role::Wounded);
//! assert_eq!(a.facts[2].count, Some(0.0)); // the explicit zero
//! # Ok::<(), khabar_events::Error>(())
//! ```
//!
//! With entity mentions (as the pipeline passes them), actors are found by their part in
//! the clause: the agent of a passive "by", the subject of an attack verb, a compound
//! ("Taliban-planted"), a claim of responsibility.
//!
//! ```
//! use khabar_events::{EventExtractor, EventInput, Mention};
//! use khabar_tokenize::{Span, sentences, tokenize};
//! let text = "Two soldiers were killed by Taliban militants.";
//! let tokens = tokenize(text);
//! let sents = sentences(text);
//! let qs = khabar_numdate::QuantityExtractor::new().extract_tokens(text, &tokens);
//! let taliban = Mention::new(Span::new(28, 35), "TALIBAN", "Taliban", "ORG").with_kind("militant_org");
//! let input = EventInput {
//!     text, tokens: &tokens, sentences: &sents, quantities: &qs, dates: &[],
//!     mentions: &[taliban], reference_date: None,
//! };
//! let a = EventExtractor::new()?.extract(&input);
//! let perp = a.events[0].perpetrator.as_ref().map(|p| p.name.as_str());
//! assert_eq!(perp, Some("Taliban"));
//! assert_eq!(a.events[0].killed(), Some(2.0));
//! # Ok::<(), khabar_events::Error>(())
//! ```

mod actors;
mod clause;
mod counts;
mod extract;
mod lexicon;
mod types;
mod wordhash;

pub use extract::{Analysis, EventExtractor, EventInput};
pub use lexicon::{Cue, CueKind, CueValue, DEFAULT_CUES, Lexicon};
pub use types::{
    Actor, DateSource, Event, EventDate, EventPlace, EventType, Mention, Role, RoleFact,
    VictimClass,
};

/// What can go wrong building an extractor.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// A line of a cue file is malformed.
    #[error("{file}:{line}: {message}")]
    Lexicon {
        /// The file's name.
        file: String,
        /// The line (1-based).
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A value that names no role, class or event type.
    #[error("unknown {what} {value:?}")]
    UnknownValue {
        /// What was expected.
        what: &'static str,
        /// What was found.
        value: String,
    },
    /// A cue file could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The path.
        path: String,
        /// The system's message.
        message: String,
    },
}

/// The seed articles of the repository, for the unit tests that run the fast paths against
/// their references on real text.
#[cfg(test)]
#[path = "../../../tests/support/seeds.rs"]
mod seeds;
