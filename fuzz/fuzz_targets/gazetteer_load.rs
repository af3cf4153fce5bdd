//! Arbitrary bytes as a gazetteer file (CSV, TSV, JSON Lines or a compiled gazetteer): the
//! loader returns a gazetteer or an error naming the file, never panics; a loaded gazetteer
//! matches its own aliases and survives a save/load round trip.
#![no_main]

use khabar_fuzz::gazetteer::check_find;
use khabar_gazetteer::{Error, Gazetteer};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let mut builder = Gazetteer::builder();
    builder.check_parents(selector & 0x10 != 0);
    builder.strip_diacritics(selector & 0x20 != 0);
    let (name, loaded) = match selector % 4 {
        0 => (
            "fuzz.csv",
            builder.add_csv_reader(bytes, "fuzz.csv").map(|_| ()),
        ),
        1 => (
            "fuzz.tsv",
            builder.add_tsv_reader(bytes, "fuzz.tsv").map(|_| ()),
        ),
        2 => (
            "fuzz.jsonl",
            builder.add_jsonl_reader(bytes, "fuzz.jsonl").map(|_| ()),
        ),
        _ => {
            // A compiled gazetteer from untrusted bytes.
            if let Ok(gz) = Gazetteer::from_bytes(bytes) {
                check_find(&gz, "Kabul IS-K Nangarhar");
            }
            return;
        }
    };
    let gz = match loaded.and_then(|()| builder.build()) {
        Ok(gz) => gz,
        Err(e) => {
            let msg = e.to_string();
            assert!(!msg.is_empty());
            // Errors about a row name the file and a line number.
            if let Error::Parse { at, .. }
            | Error::EmptyAlias { at, .. }
            | Error::EmptyField { at, .. } = &e
            {
                assert_eq!(at.file.as_deref(), Some(name), "{msg}");
                assert!(at.line.is_some_and(|l| l >= 1), "no line number in {msg:?}");
            }
            return;
        }
    };
    // Every alias of every entry, written as is, is found in a sentence made of it.
    for e in gz.entries().take(8) {
        for alias in e.aliases().take(4) {
            let text = format!("In {alias} today");
            check_find(&gz, &text);
        }
    }
    // Save and load give the same gazetteer.
    if let Ok(bytes) = gz.to_bytes() {
        match Gazetteer::from_bytes(&bytes) {
            Ok(back) => {
                assert_eq!(back.len(), gz.len());
                assert_eq!(back.alias_count(), gz.alias_count());
            }
            Err(e) => panic!("a saved gazetteer does not load: {e}"),
        }
    }
});
