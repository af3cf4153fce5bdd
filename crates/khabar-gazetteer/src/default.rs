//! The default gazetteer for conflict reporting, embedded at compile time.
//!
//! Four CSV files from `data/default/` (built by `scripts/build_gazetteer.py`; sources and
//! licences in `data/SOURCES.md`): organisations, places, NORP groups and persons. It is
//! compiled with diacritic folding on, once, on first use.

use crate::builder::GazetteerBuilder;
use crate::error::{Error, Result};
use crate::gazetteer::Gazetteer;
use std::sync::OnceLock;

/// The embedded files: `(file name, CSV text)`.
pub const DEFAULT_DATA: [(&str, &str); 4] = [
    (
        "data/default/organizations.csv",
        include_str!("../data/default/organizations.csv"),
    ),
    (
        "data/default/places.csv",
        include_str!("../data/default/places.csv"),
    ),
    (
        "data/default/norp.csv",
        include_str!("../data/default/norp.csv"),
    ),
    (
        "data/default/persons.csv",
        include_str!("../data/default/persons.csv"),
    ),
];

impl GazetteerBuilder {
    /// Adds the entries of the default gazetteer, e.g. to extend it with your own.
    ///
    /// ```
    /// use khabar_gazetteer::{Entry, Gazetteer};
    /// let gz = Gazetteer::builder()
    ///     .strip_diacritics(true)
    ///     .add_default_entries()?
    ///     .add(Entry::new("X:BV", "Badakhshan Volunteers", "ORG"))?
    ///     .build()?;
    /// let text = "the Badakhshan Volunteers and ISKP";
    /// let ids: Vec<&str> = gz.find(text).iter().map(|m| m.entry().id()).collect();
    /// assert_eq!(ids, ["X:BV", "ISKP"]);
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn add_default_entries(&mut self) -> Result<&mut Self> {
        for (name, csv) in DEFAULT_DATA {
            self.add_csv_reader(csv.as_bytes(), name)?;
        }
        Ok(self)
    }
}

impl Gazetteer {
    /// The default gazetteer, compiled on first use and shared afterwards.
    ///
    /// It fails only if the embedded data is invalid, which the crate's tests rule out.
    ///
    /// ```
    /// use khabar_gazetteer::Gazetteer;
    /// let gz = Gazetteer::default_gazetteer()?;
    /// let text = "IS-K claimed the attack in Jalalabad.";
    /// let found: Vec<(&str, &str)> =
    ///     gz.find(text).iter().map(|m| (m.as_str(text), m.entry().id())).collect();
    /// assert_eq!(found[0], ("IS-K", "ISKP"));
    /// assert_eq!(found[1].0, "Jalalabad");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// It is decoded from the copy compiled ahead of time (`data/default.kgz`, see
    /// [`crate::precompiled`]) when that copy was made from the embedded data; otherwise
    /// (the data changed since) it is compiled as [`compile_default`](Gazetteer::compile_default)
    /// does. Both give the same gazetteer (tested).
    pub fn default_gazetteer() -> Result<&'static Gazetteer, &'static Error> {
        static DEFAULT: OnceLock<Result<Gazetteer>> = OnceLock::new();
        DEFAULT
            .get_or_init(|| crate::precompiled::load().map_or_else(Gazetteer::compile_default, Ok))
            .as_ref()
    }

    /// Compiles the default gazetteer from its embedded CSV files, as
    /// [`default_gazetteer`](Gazetteer::default_gazetteer) does when it has no precompiled
    /// copy (slower: about a tenth of a second). A fresh gazetteer on each call.
    ///
    /// ```
    /// use khabar_gazetteer::Gazetteer;
    /// let gz = Gazetteer::compile_default()?;
    /// assert!(gz.romanises() && gz.strips_diacritics());
    /// # Ok::<(), khabar_gazetteer::Error>(())
    /// ```
    pub fn compile_default() -> Result<Gazetteer> {
        GazetteerBuilder::new()
            .strip_diacritics(true)
            .romanise(true)
            .add_default_entries()?
            .build()
    }
}
