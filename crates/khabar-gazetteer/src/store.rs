//! Compact storage of entries: a few large vectors and string arenas instead of one
//! allocation per string, so that a gazetteer of a million aliases stays small in memory and
//! saves and loads as a handful of flat arrays.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A string in an arena: `start..start + len`. Length 0 means "absent".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Str {
    pub start: u32,
    pub len: u32,
}

/// One entry, with its strings in [`Store::text`]. Its aliases run from `aliases` to the
/// next entry's (alias 0 is the canonical name), its attributes likewise.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct EntryRec {
    pub id: Str,
    pub label: u32,
    /// Index into [`Store::countries`], or `u32::MAX`.
    pub country: u32,
    pub parent: Str,
    /// Index of the parent entry, or `u32::MAX` when there is none or it is unknown.
    pub parent_index: u32,
    pub wikidata: Str,
    /// NaN when absent.
    pub lat: f64,
    /// NaN when absent.
    pub lon: f64,
    pub priority: i32,
    /// First alias index.
    pub aliases: u32,
    /// First index into [`Store::attrs`].
    pub attrs: u32,
}

/// An entry to add, borrowed: what [`Store::push`] needs, without owning anything.
pub(crate) struct EntryParts<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub label: &'a str,
    pub aliases: &'a [&'a str],
    pub case_sensitive: &'a [&'a str],
    pub country: Option<&'a str>,
    pub parent: Option<&'a str>,
    pub wikidata: Option<&'a str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub priority: i32,
    /// Sorted by key.
    pub attrs: &'a [(&'a str, &'a str)],
}

/// A free attribute: key interned in [`Store::attr_keys`], value in [`Store::text`].
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub(crate) struct AttrRec {
    pub key: u32,
    pub value: Str,
}

/// All entries of a gazetteer.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct Store {
    /// Arena for ids, names, countries, parents, Wikidata ids and attribute values.
    pub text: String,
    pub entries: Vec<EntryRec>,
    pub labels: Vec<String>,
    pub countries: Vec<String>,
    pub attr_keys: Vec<String>,
    pub attrs: Vec<AttrRec>,
    /// Arena for aliases; alias `i` is `alias_text[alias_ends[i]..alias_ends[i + 1]]`.
    pub alias_text: String,
    pub alias_ends: Vec<u32>,
    /// One bit per alias: matched case-sensitively.
    pub alias_cs: Vec<u64>,
    /// Entry indices sorted by id, for [`Store::find_id`].
    pub by_id: Vec<u32>,
}

fn to_u32(n: usize, what: &'static str) -> Result<u32> {
    u32::try_from(n).map_err(|_| Error::TooLarge(what))
}

impl Store {
    pub fn new() -> Store {
        Store {
            alias_ends: vec![0],
            ..Store::default()
        }
    }

    #[inline]
    pub fn str(&self, s: Str) -> &str {
        let start = s.start as usize;
        self.text.get(start..start + s.len as usize).unwrap_or("")
    }

    #[inline]
    pub fn opt_str(&self, s: Str) -> Option<&str> {
        (s.len > 0).then(|| self.str(s))
    }

    #[inline]
    pub fn alias(&self, a: u32) -> &str {
        let a = a as usize;
        match (self.alias_ends.get(a), self.alias_ends.get(a + 1)) {
            (Some(&s), Some(&e)) => self.alias_text.get(s as usize..e as usize).unwrap_or(""),
            _ => "",
        }
    }

    #[inline]
    pub fn alias_is_cs(&self, a: u32) -> bool {
        self.alias_cs
            .get(a as usize / 64)
            .is_some_and(|w| w >> (a % 64) & 1 == 1)
    }

    pub fn alias_count(&self) -> usize {
        self.alias_ends.len().saturating_sub(1)
    }

    /// The aliases of entry `e`.
    #[inline]
    pub fn alias_range(&self, e: u32) -> std::ops::Range<u32> {
        let start = self.entries.get(e as usize).map_or(0, |r| r.aliases);
        let end = self
            .entries
            .get(e as usize + 1)
            .map_or(self.alias_count() as u32, |r| r.aliases);
        start..end.max(start)
    }

    /// The attributes of entry `e`.
    #[inline]
    pub fn attr_range(&self, e: u32) -> std::ops::Range<u32> {
        let start = self.entries.get(e as usize).map_or(0, |r| r.attrs);
        let end = self
            .entries
            .get(e as usize + 1)
            .map_or(self.attrs.len() as u32, |r| r.attrs);
        start..end.max(start)
    }

    /// The entry alias `a` belongs to.
    #[inline]
    pub fn entry_of_alias(&self, a: u32) -> u32 {
        let i = self.entries.partition_point(|r| r.aliases <= a);
        i.saturating_sub(1) as u32
    }

    /// The canonical name of entry `e` (its alias 0).
    #[inline]
    pub fn name(&self, e: u32) -> &str {
        self.alias(self.entries.get(e as usize).map_or(u32::MAX, |r| r.aliases))
    }

    /// The country code of entry `e`.
    #[inline]
    pub fn country(&self, e: u32) -> Option<&str> {
        let r = self.entries.get(e as usize)?;
        self.countries.get(r.country as usize).map(String::as_str)
    }

    fn push_str(&mut self, s: &str) -> Result<Str> {
        let start = to_u32(self.text.len(), "entry text over 4 GiB")?;
        let len = to_u32(s.len(), "entry text over 4 GiB")?;
        self.text.push_str(s);
        to_u32(self.text.len(), "entry text over 4 GiB")?;
        Ok(Str { start, len })
    }

    fn push_opt(&mut self, s: Option<&str>) -> Result<Str> {
        match s {
            Some(s) if !s.is_empty() => self.push_str(s),
            _ => Ok(Str::default()),
        }
    }

    fn intern(list: &mut Vec<String>, s: &str) -> Result<u32> {
        if let Some(i) = list.iter().position(|x| x == s) {
            return to_u32(i, "too many labels");
        }
        list.push(s.to_owned());
        to_u32(list.len() - 1, "too many labels")
    }

    fn push_alias(&mut self, alias: &str, cs: bool) -> Result<()> {
        let index = self.alias_count();
        self.alias_text.push_str(alias);
        let end = to_u32(self.alias_text.len(), "alias text over 4 GiB")?;
        self.alias_ends.push(end);
        if index / 64 >= self.alias_cs.len() {
            self.alias_cs.push(0);
        }
        if cs {
            if let Some(w) = self.alias_cs.get_mut(index / 64) {
                *w |= 1 << (index % 64);
            }
        }
        Ok(())
    }

    /// Appends an entry. The canonical name becomes alias 0; duplicate aliases are dropped
    /// (an alias listed as case-sensitive keeps that flag). `auto_cs` decides the default
    /// case-sensitivity of the others. Aliases must already be checked non-empty.
    pub fn push(&mut self, e: &EntryParts<'_>, auto_cs: &dyn Fn(&str) -> bool) -> Result<u32> {
        let index = to_u32(self.entries.len(), "more than 2^32 entries")?;
        let id = self.push_str(e.id)?;
        let label = Self::intern(&mut self.labels, e.label)?;
        let country = match e.country {
            Some(c) if !c.is_empty() => Self::intern(&mut self.countries, c)?,
            _ => u32::MAX,
        };
        let parent = self.push_opt(e.parent)?;
        let wikidata = self.push_opt(e.wikidata)?;
        let alias_start = to_u32(self.alias_count(), "too many aliases")?;
        let all = std::iter::once(e.name)
            .chain(e.aliases.iter().copied())
            .chain(e.case_sensitive.iter().copied());
        // Most entries have a few aliases, deduplicated by a linear scan; a set takes over
        // for the long lists (GeoNames has cities with hundreds of names).
        let many = e.aliases.len() + e.case_sensitive.len() > 16;
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let cs_set: std::collections::HashSet<&str> = if many {
            e.case_sensitive.iter().copied().collect()
        } else {
            std::collections::HashSet::new()
        };
        for (k, a) in all.enumerate() {
            let dup = if many {
                !seen.insert(a)
            } else {
                std::iter::once(e.name)
                    .chain(e.aliases.iter().copied())
                    .chain(e.case_sensitive.iter().copied())
                    .take(k)
                    .any(|b| b == a)
            };
            if dup {
                continue;
            }
            let listed = if many {
                cs_set.contains(a)
            } else {
                e.case_sensitive.contains(&a)
            };
            self.push_alias(a, listed || auto_cs(a))?;
        }
        let attr_start = to_u32(self.attrs.len(), "too many attributes")?;
        for &(k, v) in e.attrs {
            let key = Self::intern(&mut self.attr_keys, k)?;
            let value = self.push_str(v)?;
            self.attrs.push(AttrRec { key, value });
        }
        self.entries.push(EntryRec {
            id,
            label,
            country,
            parent,
            parent_index: u32::MAX,
            wikidata,
            lat: e.lat.unwrap_or(f64::NAN),
            lon: e.lon.unwrap_or(f64::NAN),
            priority: e.priority,
            aliases: alias_start,
            attrs: attr_start,
        });
        Ok(index)
    }

    /// Releases spare capacity.
    pub fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.entries.shrink_to_fit();
        self.attrs.shrink_to_fit();
        self.alias_text.shrink_to_fit();
        self.alias_ends.shrink_to_fit();
        self.alias_cs.shrink_to_fit();
        self.by_id.shrink_to_fit();
    }

    /// Sorts the id index. Returns the first pair of entries sharing an id, if any.
    pub fn index_ids(&mut self) -> Option<(u32, u32)> {
        let mut by_id: Vec<u32> = (0..self.entries.len() as u32).collect();
        let id_of = |i: &u32| self.entries.get(*i as usize).map_or("", |r| self.str(r.id));
        // Stable: equal ids keep insertion order, so the first of a pair is defined first.
        by_id.sort_by(|a, b| id_of(a).cmp(id_of(b)));
        let dup = by_id
            .windows(2)
            .find(|w| id_of(&w[0]) == id_of(&w[1]))
            .map(|w| (w[0], w[1]));
        self.by_id = by_id;
        dup
    }

    /// The entry with this id.
    pub fn find_id(&self, id: &str) -> Option<u32> {
        let i = self.by_id.partition_point(|&e| {
            self.entries
                .get(e as usize)
                .is_some_and(|r| self.str(r.id) < id)
        });
        let e = *self.by_id.get(i)?;
        (self.entries.get(e as usize).map(|r| self.str(r.id)) == Some(id)).then_some(e)
    }

    /// Resolves parent ids to entry indices; returns the first entry whose parent is unknown.
    pub fn link_parents(&mut self) -> Option<u32> {
        let mut unknown = None;
        for i in 0..self.entries.len() {
            let Some(rec) = self.entries.get(i) else {
                continue;
            };
            let Some(parent) = self.opt_str(rec.parent) else {
                continue;
            };
            let found = self.find_id(parent);
            if found.is_none() && unknown.is_none() {
                unknown = Some(i as u32);
            }
            if let Some(rec) = self.entries.get_mut(i) {
                rec.parent_index = found.unwrap_or(u32::MAX);
            }
        }
        unknown
    }
}
