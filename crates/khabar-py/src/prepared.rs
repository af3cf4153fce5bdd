//! What a `Document`'s result lists need that Rust can make without the GIL: the records
//! (with `str` offsets) of its entities, quantities and dates and the `str` spans of its
//! sentences. `Pipeline.pipe` makes them on the worker threads, beside the extraction, so the
//! part of reading every result that must hold the GIL (making the Python objects) is as
//! small as it can be, and two threads scale.

use khabar::tokenize::CharOffsets;
use khabar::{EntityRecord, QuantityRecord, TemporalRecord};
use std::sync::Mutex;

/// Records made ahead of time; each list is taken (once) by the getter that needs it.
#[derive(Debug, Default)]
pub(crate) struct Records {
    pub(crate) entities: Option<Vec<EntityRecord>>,
    pub(crate) quantities: Option<Vec<QuantityRecord>>,
    pub(crate) dates: Option<Vec<TemporalRecord>>,
    /// `(start, end)` of each sentence in `str` indices.
    pub(crate) sentences: Option<Vec<(usize, usize)>>,
}

impl Records {
    /// The records of `doc`: what the lazy getters would make, made now.
    pub(crate) fn of(doc: &khabar::Document) -> Records {
        let conv = CharOffsets::new(&doc.text);
        Records {
            entities: Some(
                doc.entities
                    .iter()
                    .map(|e| EntityRecord::new(&conv, e))
                    .collect(),
            ),
            quantities: Some(
                doc.quantities
                    .iter()
                    .map(|q| QuantityRecord::new(&conv, q))
                    .collect(),
            ),
            dates: Some(
                doc.dates
                    .iter()
                    .map(|t| TemporalRecord::new(&conv, t))
                    .collect(),
            ),
            sentences: Some(
                doc.sentences
                    .iter()
                    .map(|s| conv.char_span(s.span).unwrap_or((0, 0)))
                    .collect(),
            ),
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

/// Takes one list out of the records, if it is still there (the getters fall back to making
/// it from the document otherwise).
pub(crate) fn take<T>(
    records: &Mutex<Records>,
    field: impl FnOnce(&mut Records) -> Option<T>,
) -> Option<T> {
    records.lock().ok().and_then(|mut r| field(&mut r))
}
