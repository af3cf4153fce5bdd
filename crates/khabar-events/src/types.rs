//! The vocabulary of the layer: roles, classes, event types, and the records it returns.

use khabar_numdate::CivilDate;
use khabar_tokenize::Span;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::Error;

macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value's name as serialized and written in the lexicon.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = Error;
            fn from_str(s: &str) -> Result<Self, Error> {
                match s {
                    $($text => Ok($name::$variant),)+
                    other => Err(Error::UnknownValue {
                        what: stringify!($name),
                        value: other.to_owned(),
                    }),
                }
            }
        }
    };
}

named_enum! {
    /// What happened to the counted people (or what the count measures).
    Role {
        /// Killed, dead, died, martyred, shot dead, executed…
        Killed = "killed",
        /// Wounded, injured, hurt.
        Wounded = "wounded",
        /// Killed and wounded together, unsplit ("20 casualties").
        Casualties = "casualties",
        /// Missing.
        Missing = "missing",
        /// Abducted, kidnapped, taken hostage.
        Abducted = "abducted",
        /// Arrested, detained.
        Arrested = "arrested",
        /// Released, freed, rescued.
        Released = "released",
        /// Surrendered, laid down arms.
        Surrendered = "surrendered",
        /// Joined, recruited, defected.
        Joined = "joined",
        /// Displaced, fled.
        Displaced = "displaced",
        /// The size of a force, present or estimated.
        Strength = "strength",
        /// A number of incidents ("12 attacks").
        Attacks = "attacks",
        /// Anything else.
        Other = "other",
    }
}

impl Role {
    /// Whether this role reports something that happened to people in an incident (every
    /// role but strength, attacks and other).
    pub fn is_incident(self) -> bool {
        !matches!(self, Role::Strength | Role::Attacks | Role::Other)
    }
}

named_enum! {
    /// The class of the counted people.
    VictimClass {
        /// Civilians: women, children, worshippers, students, officials…
        Civilians = "civilians",
        /// Soldiers, police, ANA, ANP, NDS, arbakis, local police…
        SecurityForces = "security_forces",
        /// Militants, fighters, insurgents, gunmen…
        Militants = "militants",
        /// Foreign nationals and foreign troops.
        Foreigners = "foreigners",
        /// People of no stated class ("people", "others").
        Unknown = "unknown",
    }
}

named_enum! {
    /// The type of an event; when a clause has cues of several types, the most specific (the
    /// first in this list) wins.
    EventType {
        /// A suicide attack or suicide bombing.
        SuicideAttack = "suicide_attack",
        /// An airstrike or drone strike.
        Airstrike = "airstrike",
        /// An ambush.
        Ambush = "ambush",
        /// An execution or beheading.
        Execution = "execution",
        /// Shelling, mortars, rockets.
        Shelling = "shelling",
        /// An IED, roadside bomb, mine or other bombing.
        Bombing = "bombing",
        /// An armed clash or gun battle.
        ArmedClash = "armed_clash",
        /// An abduction or kidnapping.
        Abduction = "abduction",
        /// An arrest or detention.
        Arrest = "arrest",
        /// A surrender.
        Surrender = "surrender",
        /// Any other attack (armed attack, raid, assassination…).
        Attack = "attack",
        /// Anything else.
        Other = "other",
    }
}

impl EventType {
    /// Whether the type is violence done to people (not an arrest, abduction, surrender,
    /// nor `other`).
    pub fn is_violence(self) -> bool {
        !matches!(
            self,
            EventType::Arrest | EventType::Abduction | EventType::Surrender | EventType::Other
        )
    }
}

/// An entity mention handed to the extractor: a gazetteer match, reduced to what the event
/// layer reads. The pipeline builds these from its entities; any caller may build them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is (bytes).
    pub span: Span,
    /// The entry id ("ISKP", "GEO:AF-NAN").
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// The label: ORG, GPE, LOC, FAC, NORP, PERSON…
    pub label: String,
    /// The entry's `type` attribute ("militant_org", "province", "district"…), if any.
    pub kind: Option<String>,
    /// Country code, if known.
    pub country: Option<String>,
    /// The parent entry's name (a district's province), if known.
    pub parent: Option<String>,
    /// The province this place lies in (itself for a province), if known.
    pub province: Option<String>,
}

impl Mention {
    /// A mention with id, name and label; the other fields empty.
    pub fn new(span: Span, id: &str, name: &str, label: &str) -> Mention {
        Mention {
            span,
            id: id.to_owned(),
            name: name.to_owned(),
            label: label.to_owned(),
            ..Mention::default()
        }
    }

    /// Sets the `type` attribute.
    pub fn with_kind(mut self, kind: &str) -> Mention {
        self.kind = Some(kind.to_owned());
        self
    }

    /// Sets the parent's name.
    pub fn with_parent(mut self, parent: &str) -> Mention {
        self.parent = Some(parent.to_owned());
        self
    }

    /// Sets the country code.
    pub fn with_country(mut self, country: &str) -> Mention {
        self.country = Some(country.to_owned());
        self
    }

    pub(crate) fn kind_str(&self) -> &str {
        self.kind.as_deref().unwrap_or("")
    }

    /// Whether this is an armed actor: an ORG whose type names a militant, armed, military,
    /// police or intelligence organisation (or an ORG without type).
    pub fn is_actor(&self) -> bool {
        if self.label != "ORG" {
            return false;
        }
        let k = self.kind_str();
        if k.contains("media") {
            return false;
        }
        k.is_empty()
            || [
                "militant",
                "armed",
                "terror",
                "military",
                "police",
                "intelligence",
                "security",
                "force",
                "army",
            ]
            .iter()
            .any(|w| k.contains(w))
    }

    /// The class of the people of this organisation, when it is an armed actor.
    pub fn actor_class(&self) -> Option<VictimClass> {
        if !self.is_actor() {
            return None;
        }
        let k = self.kind_str();
        if ["militant", "terror", "armed"]
            .iter()
            .any(|w| k.contains(w))
        {
            Some(VictimClass::Militants)
        } else if self.country.as_deref().is_some_and(|c| c != "AF") {
            Some(VictimClass::Foreigners)
        } else {
            Some(VictimClass::SecurityForces)
        }
    }

    /// How specific a place this is: village 4, district/city 3, province 2, country 1,
    /// other places 0; `None` if it is no place.
    pub fn place_level(&self) -> Option<u8> {
        if !matches!(self.label.as_str(), "GPE" | "LOC" | "FAC") {
            return None;
        }
        let k = self.kind_str();
        Some(match k {
            _ if k.contains("village") || k.contains("hamlet") || k.contains("neighbourhood") => 4,
            _ if k.contains("district") || k.contains("city") || k.contains("capital") => 3,
            _ if k.contains("town") || k.contains("base") || k.contains("airport") => 3,
            _ if k.contains("province") => 2,
            _ if k.contains("country") => 1,
            _ => 0,
        })
    }
}

/// An actor of an event or a fact: a gazetteer entry, or a phrase of the cue lexicon
/// ("unidentified gunmen").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// The canonical name (or the phrase as written).
    pub name: String,
    /// The gazetteer id, when the actor is an entry.
    pub id: Option<String>,
    /// Where it is (bytes).
    pub span: Span,
    /// Its class, when known.
    pub class: Option<VictimClass>,
    /// How it was found: `by` (passive agent), `agent` (subject, compound or possessive),
    /// `claim` (claimed responsibility), `target`, `group`, `destination`, `context`.
    pub via: String,
}

/// One count with its role: a fact about what happened to whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleFact {
    /// The count's span (bytes): the quantity, the implicit count ("a policeman") or the
    /// cue of an uncounted or negated fact.
    pub span: Span,
    /// The text under `span`.
    pub text: String,
    /// The role.
    pub role: Role,
    /// The count: `Some(0)` for an explicit zero ("no casualties"), `None` for a role
    /// asserted without a number ("sustained casualties").
    pub count: Option<f64>,
    /// Lower bound (from the quantity).
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// The hedge: `none`, `about`, `at_least`, `up_to`… (the quantity's).
    pub approx: String,
    /// A vague amount ("dozens").
    pub vague: bool,
    /// A sub-count of another fact ("including 5 children"): not added to totals.
    pub subcount: bool,
    /// An explicit zero from negation ("none were hurt").
    pub negated: bool,
    /// The class of the counted people.
    pub class: Option<VictimClass>,
    /// The group the counted people belong to ("4 Taliban militants").
    pub group: Option<Actor>,
    /// Where they went ("joined the Taliban").
    pub destination: Option<Actor>,
    /// The counted noun ("policemen").
    pub noun: Option<String>,
    /// The role cue as written ("were killed").
    pub cue: Option<String>,
    /// Index of the quantity in the input, when the count is one.
    pub quantity: Option<usize>,
    /// Index of the sentence in the input.
    pub sentence: usize,
}

/// Where an event's date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A date in the event's own sentences.
    Sentence,
    /// The nearest earlier date of the document.
    Document,
    /// The document's reference date (a fallback, flagged).
    Reference,
    /// None.
    #[default]
    None,
}

impl DateSource {
    /// The source's name as serialized: `sentence`, `document`, `reference` or `none`.
    ///
    /// ```
    /// use khabar_events::DateSource;
    /// assert_eq!(DateSource::Reference.as_str(), "reference");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            DateSource::Sentence => "sentence",
            DateSource::Document => "document",
            DateSource::Reference => "reference",
            DateSource::None => "none",
        }
    }
}

/// The date of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventDate {
    /// As written (empty for the reference date).
    pub text: String,
    /// TIMEX value ("2019-05-11").
    pub value: String,
    /// First day.
    pub start: Option<CivilDate>,
    /// Last day (inclusive).
    pub end: Option<CivilDate>,
    /// Where it came from.
    pub source: DateSource,
}

/// The place of an event: the most specific gazetteer place in its scope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventPlace {
    /// Canonical name.
    pub name: String,
    /// Gazetteer id.
    pub id: String,
    /// Its `type` ("district").
    pub kind: Option<String>,
    /// The province it lies in.
    pub province: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Where it is mentioned (bytes).
    pub span: Span,
}

/// One reported incident.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Its type.
    #[serde(rename = "type")]
    pub event_type: EventType,
    /// The sentences it spans (bytes).
    pub span: Span,
    /// Indices of those sentences in the input.
    pub sentences: Vec<usize>,
    /// When.
    pub date: Option<EventDate>,
    /// Where.
    pub place: Option<EventPlace>,
    /// Who did it.
    pub perpetrator: Option<Actor>,
    /// Who or what it was aimed at.
    pub target: Option<Actor>,
    /// Totals by role (sums of the non-sub-count facts; zeros from negation).
    pub counts: BTreeMap<Role, f64>,
    /// Whether the figures are one party's claim ("the Taliban claimed to have killed…").
    pub claimed: bool,
    /// Who the figures are attributed to ("according to UNAMA"), as written.
    pub source: Option<String>,
    /// The facts, in text order.
    pub facts: Vec<RoleFact>,
}

impl Event {
    /// The total for `role`, if the event reports one.
    pub fn count(&self, role: Role) -> Option<f64> {
        self.counts.get(&role).copied()
    }

    /// Killed total (an explicit zero when casualties were denied).
    pub fn killed(&self) -> Option<f64> {
        self.count(Role::Killed)
    }

    /// Wounded total.
    pub fn wounded(&self) -> Option<f64> {
        self.count(Role::Wounded)
    }
}

#[cfg(test)]
mod tests {
    use super::DateSource;

    #[test]
    fn date_source_names_are_the_serialized_ones() {
        for s in [
            DateSource::Sentence,
            DateSource::Document,
            DateSource::Reference,
            DateSource::None,
        ] {
            assert_eq!(
                serde_json::to_string(&s).ok(),
                Some(format!("\"{}\"", s.as_str()))
            );
        }
    }
}
