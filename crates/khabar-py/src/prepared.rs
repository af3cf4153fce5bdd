//! What a `Document`'s result lists need that Rust can make without the GIL: the records
//! (with `str` offsets) of its entities, quantities and dates and the `str` spans of its
//! sentences. `Pipeline.pipe` makes them on the worker threads, beside the extraction, so the
//! part of reading every result that must hold the GIL (making the Python objects) is as
//! small as it can be, and two threads scale.
//!
//! Each list is shared: a result object holds the list and its index in it ([`Item`]), so
//! making one moves two words into the object and freeing one drops a reference, whatever
//! the record holds.

use khabar::tokenize::CharOffsets;
use khabar::{EntityRecord, QuantityRecord, TemporalRecord};
use std::ops::Deref;
use std::sync::Arc;

/// The records of one document's results, made once.
#[derive(Debug)]
pub(crate) struct Records {
    pub(crate) entities: Arc<Vec<EntityRecord>>,
    pub(crate) quantities: Arc<Vec<QuantityRecord>>,
    pub(crate) dates: Arc<Vec<TemporalRecord>>,
    /// `(start, end)` of each sentence in `str` indices.
    pub(crate) sentences: Vec<(usize, usize)>,
}

impl Records {
    /// The records of `doc`.
    pub(crate) fn of(doc: &khabar::Document) -> Records {
        let conv = CharOffsets::new(&doc.text);
        Records {
            entities: Arc::new(
                doc.entities
                    .iter()
                    .map(|e| EntityRecord::new(&conv, e))
                    .collect(),
            ),
            quantities: Arc::new(
                doc.quantities
                    .iter()
                    .map(|q| QuantityRecord::new(&conv, q))
                    .collect(),
            ),
            dates: Arc::new(
                doc.dates
                    .iter()
                    .map(|t| TemporalRecord::new(&conv, t))
                    .collect(),
            ),
            sentences: doc
                .sentences
                .iter()
                .map(|s| conv.char_span(s.span).unwrap_or((0, 0)))
                .collect(),
        }
    }
}

/// A document with its records, as the worker threads hand it back.
pub(crate) type Prepared = (khabar::Document, Records);

/// `doc` with its records (run on the thread that made `doc`).
pub(crate) fn prepare(doc: khabar::Document) -> Prepared {
    let records = Records::of(&doc);
    (doc, records)
}

/// One record of a shared list: what a result object holds. Dereferences to the record.
#[derive(Debug)]
pub(crate) struct Item<R> {
    list: Arc<Vec<R>>,
    /// Always an index of `list` (see [`Item::all`] and [`Item::one`]).
    index: usize,
}

impl<R> Item<R> {
    /// Every record of `list`, each as an item.
    pub(crate) fn all(list: &Arc<Vec<R>>) -> impl Iterator<Item = Item<R>> + '_ {
        (0..list.len()).map(|index| Item {
            list: Arc::clone(list),
            index,
        })
    }

    /// A record of its own.
    pub(crate) fn one(record: R) -> Item<R> {
        Item {
            list: Arc::new(vec![record]),
            index: 0,
        }
    }
}

impl<R> Deref for Item<R> {
    type Target = R;

    fn deref(&self) -> &R {
        &self.list[self.index]
    }
}

impl<R> Clone for Item<R> {
    fn clone(&self) -> Self {
        Item {
            list: Arc::clone(&self.list),
            index: self.index,
        }
    }
}

impl<R: PartialEq> PartialEq for Item<R> {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}
