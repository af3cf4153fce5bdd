//! The precompiled default gazetteer (`data/default.kgz`) against its reference, a fresh
//! compile of the embedded data ([`Gazetteer::compile_default`]): the file is current, and
//! the decoded gazetteer finds exactly what the compiled one finds.
#![cfg(feature = "default-gazetteer")]

use khabar_gazetteer::{Gazetteer, precompiled};
use proptest::prelude::*;
use std::sync::OnceLock;

fn compiled() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| Gazetteer::compile_default().unwrap_or_else(|e| panic!("compile: {e}")))
}

fn loaded() -> &'static Gazetteer {
    Gazetteer::default_gazetteer().unwrap_or_else(|e| panic!("default gazetteer: {e}"))
}

/// `(start, end, alias, every candidate entry id)` of each match.
fn found(gz: &Gazetteer, text: &str) -> Vec<(usize, usize, String, Vec<String>)> {
    gz.find(text)
        .iter()
        .map(|m| {
            (
                m.start(),
                m.end(),
                m.alias().to_owned(),
                m.entries().map(|c| c.id().to_owned()).collect(),
            )
        })
        .collect()
}

#[test]
fn the_precompiled_file_is_current() {
    assert!(
        precompiled::is_current(),
        "data/default.kgz was made from other data: run \
         `cargo run --release -p khabar-gazetteer --example precompile_default`"
    );
    let fresh = precompiled::encode(compiled()).unwrap_or_else(|e| panic!("encode: {e}"));
    assert!(
        fresh == precompiled::embedded(),
        "data/default.kgz differs from a fresh compile (the compiling code changed): run \
         `cargo run --release -p khabar-gazetteer --example precompile_default`"
    );
}

#[test]
fn the_decoded_default_equals_a_fresh_compile() {
    let (a, b) = (loaded(), compiled());
    assert_eq!(a.len(), b.len());
    assert_eq!(a.alias_count(), b.alias_count());
    assert_eq!(a.romanises(), b.romanises());
    assert_eq!(a.strips_diacritics(), b.strips_diacritics());
    let d = |g: &'static Gazetteer| -> Vec<(Option<String>, String, String)> {
        g.dropped_variants()
            .iter()
            .map(|x| {
                (
                    x.entry.map(|e| e.id().to_owned()),
                    x.variant.to_owned(),
                    x.reason.to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(d(a), d(b));
    assert!(
        !d(a).is_empty(),
        "the default gazetteer drops some variants"
    );
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut n = 0;
    for f in std::fs::read_dir(&seeds).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(f.path()).unwrap_or_default();
        assert_eq!(found(a, &text), found(b, &text), "{}", f.path().display());
        n += 1;
    }
    assert!(n > 0, "no seeds read from {}", seeds.display());
}

#[test]
fn corrupt_files_give_errors() {
    let bytes = precompiled::embedded();
    for cut in [0, 7, 8, 15, 16, 1000, bytes.len() / 2, bytes.len() - 1] {
        if let Some(b) = bytes.get(..cut) {
            assert!(precompiled::decode(b).is_err(), "cut at {cut}");
        }
    }
}

/// Words from the default gazetteer's aliases and their spellings, with filler.
const WORDS: &[&str] = &[
    "Lashkar",
    "Gah",
    "Lashkargah",
    "Lashkar-Gah",
    "Nangarhar",
    "Ningarhar",
    "Jalalabad",
    "Jalal",
    "Abad",
    "Kabul",
    "Kaboul",
    "Helmand",
    "Hilmand",
    "Mazar",
    "Sharif",
    "Mazar-i-Sharif",
    "Mazar-e-Sharif",
    "Kunduz",
    "Qunduz",
    "Kundoz",
    "Islamic",
    "State",
    "IS-K",
    "ISKP",
    "Taliban",
    "Pakistan",
    "Peshawar",
    "Pishawar",
    "Khost",
    "Khowst",
    "Nad",
    "Ali",
    "Nad-e-Ali",
    "Sangin",
    "Sarkani",
    "Dand",
    "Kiti",
    "Kandahar",
    "Qandahar",
    "Herat",
    "Hirat",
    "the",
    "in",
    "and",
    "of",
    "Province",
    "District",
    "US",
    "us",
    "Is",
    "army",
    "Army",
    "Ghazni",
    "Ghazny",
    "Bagram",
    "Paktia",
    "Paktiya",
    "Zabul",
    "Zabol",
    "Badakhshan",
    "Badakshan",
    "Tora",
    "Bora",
    "Khyber",
    "Pakhtunkhwa",
    "Quetta",
    "Kweta",
    "Waziristan",
    "North",
    "South",
    "Baluchistan",
    "Balochistan",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// On text made of gazetteer words and filler, in any case and punctuation, the decoded
    /// default finds exactly what a fresh compile finds.
    #[test]
    fn decoded_and_compiled_agree(
        words in prop::collection::vec(
            (prop::sample::select(WORDS), 0u8..4, prop::sample::select(&[" ", ", ", ". ", "\n", "’s "][..])),
            1..40,
        )
    ) {
        let mut text = String::new();
        for (w, case, sep) in words {
            match case {
                0 => text.push_str(&w.to_lowercase()),
                1 => text.push_str(&w.to_uppercase()),
                _ => text.push_str(w),
            }
            text.push_str(sep);
        }
        prop_assert_eq!(found(loaded(), &text), found(compiled(), &text));
    }
}
