//! The data model: an [`Entry`] to build with, an [`EntryRef`] to read a compiled one.

use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Well-known labels. A label is any string; these are the ones the default gazetteer uses
/// (the OntoNotes names spaCy also uses).
pub mod label {
    /// Organisations: armed groups, agencies, companies, media.
    pub const ORG: &str = "ORG";
    /// Geo-political entities: countries, provinces, districts, cities.
    pub const GPE: &str = "GPE";
    /// Other locations: regions, valleys, mountain ranges, borders.
    pub const LOC: &str = "LOC";
    /// Nationalities, religious and political groups.
    pub const NORP: &str = "NORP";
    /// Facilities: airports, bases, prisons, buildings.
    pub const FAC: &str = "FAC";
    /// People.
    pub const PERSON: &str = "PERSON";
}

/// One gazetteer entry: a thing with a canonical id and name and the aliases it goes by.
///
/// The canonical `name` is always matched, whether or not it is repeated in `aliases`. An
/// alias listed in `case_sensitive` is matched only with the same letter case (see the
/// crate docs for the default rule for short acronyms); listing it there is enough, it need
/// not be repeated in `aliases`.
///
/// ```
/// use khabar_gazetteer::{Entry, label};
/// let e = Entry::new("ISKP", "Islamic State Khorasan Province", label::ORG)
///     .with_alias("IS-K")
///     .with_case_sensitive_alias("ISK")
///     .with_country("AF")
///     .with_attr("type", "militant_org");
/// assert_eq!(e.aliases, ["IS-K"]);
/// assert_eq!(e.attrs["type"], "militant_org");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Unique id, e.g. `"ISKP"` or `"GEO:AF-JOW"`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Label: `ORG`, `GPE`, `LOC`, `NORP`, `FAC`, `PERSON` or any other string.
    pub label: String,
    /// Other names the entry is found by.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Aliases matched only with their exact letter case.
    #[serde(default)]
    pub case_sensitive: Vec<String>,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(default)]
    pub country: Option<String>,
    /// Id of the parent entry: a district's province, a province's country.
    #[serde(default)]
    pub parent: Option<String>,
    /// Latitude in degrees.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude in degrees.
    #[serde(default)]
    pub lon: Option<f64>,
    /// Wikidata item id, e.g. `"Q1779236"`.
    #[serde(default)]
    pub wikidata: Option<String>,
    /// Higher priority sorts first among the entries of an ambiguous match (default 0).
    #[serde(default)]
    pub priority: i32,
    /// Free key/value attributes.
    #[serde(default)]
    pub attrs: BTreeMap<String, String>,
}

impl Entry {
    /// An entry with an id, a canonical name and a label, and nothing else.
    pub fn new(id: impl Into<String>, name: impl Into<String>, label: impl Into<String>) -> Entry {
        Entry {
            id: id.into(),
            name: name.into(),
            label: label.into(),
            ..Entry::default()
        }
    }

    /// Adds an alias.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Entry {
        self.aliases.push(alias.into());
        self
    }

    /// Adds several aliases.
    pub fn with_aliases<I, S>(mut self, aliases: I) -> Entry
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.aliases.extend(aliases.into_iter().map(Into::into));
        self
    }

    /// Adds an alias that only matches with its exact letter case.
    pub fn with_case_sensitive_alias(mut self, alias: impl Into<String>) -> Entry {
        self.case_sensitive.push(alias.into());
        self
    }

    /// Sets the country code.
    pub fn with_country(mut self, country: impl Into<String>) -> Entry {
        self.country = Some(country.into());
        self
    }

    /// Sets the parent id.
    pub fn with_parent(mut self, parent: impl Into<String>) -> Entry {
        self.parent = Some(parent.into());
        self
    }

    /// Sets latitude and longitude.
    pub fn with_coordinates(mut self, lat: f64, lon: f64) -> Entry {
        self.lat = Some(lat);
        self.lon = Some(lon);
        self
    }

    /// Sets the Wikidata id.
    pub fn with_wikidata(mut self, qid: impl Into<String>) -> Entry {
        self.wikidata = Some(qid.into());
        self
    }

    /// Sets the priority.
    pub fn with_priority(mut self, priority: i32) -> Entry {
        self.priority = priority;
        self
    }

    /// Sets a free attribute.
    pub fn with_attr(mut self, key: impl Into<String>, value: impl Into<String>) -> Entry {
        self.attrs.insert(key.into(), value.into());
        self
    }
}

/// A read-only view of one entry of a compiled [`Gazetteer`](crate::Gazetteer).
///
/// Cheap to copy; borrows the gazetteer.
///
/// ```
/// use khabar_gazetteer::{Entry, Gazetteer};
/// let gz = Gazetteer::builder()
///     .entry(Entry::new("AF", "Afghanistan", "GPE"))
///     .entry(Entry::new("AF-KAB", "Kabul", "GPE").with_parent("AF").with_country("AF"))
///     .build()?;
/// let kabul = gz.get("AF-KAB").unwrap();
/// assert_eq!(kabul.parent().map(|p| p.name()), Some("Afghanistan"));
/// assert_eq!(kabul.country(), Some("AF"));
/// # Ok::<(), khabar_gazetteer::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct EntryRef<'g> {
    pub(crate) store: &'g Store,
    pub(crate) index: u32,
}

impl<'g> EntryRef<'g> {
    fn rec(&self) -> Option<&'g crate::store::EntryRec> {
        self.store.entries.get(self.index as usize)
    }

    /// Position of the entry in the gazetteer (the order entries were added in).
    pub fn index(&self) -> usize {
        self.index as usize
    }

    /// The id.
    pub fn id(&self) -> &'g str {
        self.rec().map_or("", |r| self.store.str(r.id))
    }

    /// The canonical name.
    pub fn name(&self) -> &'g str {
        self.store.name(self.index)
    }

    /// The label.
    pub fn label(&self) -> &'g str {
        self.rec()
            .and_then(|r| self.store.labels.get(r.label as usize))
            .map_or("", String::as_str)
    }

    /// Every alias (the canonical name first), as written in the source.
    pub fn aliases(&self) -> impl Iterator<Item = &'g str> + 'g {
        let store = self.store;
        store.alias_range(self.index).map(move |a| store.alias(a))
    }

    /// The aliases matched only with their exact letter case (listed or by the default
    /// acronym rule).
    pub fn case_sensitive_aliases(&self) -> impl Iterator<Item = &'g str> + 'g {
        let store = self.store;
        store
            .alias_range(self.index)
            .filter(move |&a| store.alias_is_cs(a))
            .map(move |a| store.alias(a))
    }

    /// The country code.
    pub fn country(&self) -> Option<&'g str> {
        self.store.country(self.index)
    }

    /// The parent id.
    pub fn parent_id(&self) -> Option<&'g str> {
        self.rec().and_then(|r| self.store.opt_str(r.parent))
    }

    /// The parent entry, if the parent id names an entry of this gazetteer.
    pub fn parent(&self) -> Option<EntryRef<'g>> {
        let r = self.rec()?;
        (r.parent_index != u32::MAX).then_some(EntryRef {
            store: self.store,
            index: r.parent_index,
        })
    }

    /// Latitude.
    pub fn lat(&self) -> Option<f64> {
        self.rec().map(|r| r.lat).filter(|x| !x.is_nan())
    }

    /// Longitude.
    pub fn lon(&self) -> Option<f64> {
        self.rec().map(|r| r.lon).filter(|x| !x.is_nan())
    }

    /// The Wikidata id.
    pub fn wikidata(&self) -> Option<&'g str> {
        self.rec().and_then(|r| self.store.opt_str(r.wikidata))
    }

    /// The priority.
    pub fn priority(&self) -> i32 {
        self.rec().map_or(0, |r| r.priority)
    }

    /// A free attribute.
    pub fn attr(&self, key: &str) -> Option<&'g str> {
        self.attrs().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// All free attributes, sorted by key.
    pub fn attrs(&self) -> impl Iterator<Item = (&'g str, &'g str)> + 'g {
        let store = self.store;
        store.attr_range(self.index).filter_map(move |i| {
            let a = store.attrs.get(i as usize)?;
            let k = store.attr_keys.get(a.key as usize)?;
            Some((k.as_str(), store.str(a.value)))
        })
    }

    /// An owned copy, e.g. to edit it and build another gazetteer. Aliases made
    /// case-sensitive by the default acronym rule are listed in `case_sensitive`.
    pub fn to_entry(&self) -> Entry {
        let name = self.name();
        Entry {
            id: self.id().to_owned(),
            name: name.to_owned(),
            label: self.label().to_owned(),
            aliases: self
                .aliases()
                .filter(|a| *a != name)
                .map(str::to_owned)
                .collect(),
            case_sensitive: self.case_sensitive_aliases().map(str::to_owned).collect(),
            country: self.country().map(str::to_owned),
            parent: self.parent_id().map(str::to_owned),
            lat: self.lat(),
            lon: self.lon(),
            wikidata: self.wikidata().map(str::to_owned),
            priority: self.priority(),
            attrs: self
                .attrs()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        }
    }
}

impl fmt::Debug for EntryRef<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntryRef")
            .field("id", &self.id())
            .field("name", &self.name())
            .field("label", &self.label())
            .finish()
    }
}

impl PartialEq for EntryRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.store, other.store) && self.index == other.index
    }
}

impl Eq for EntryRef<'_> {}
