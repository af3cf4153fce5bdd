//! Arbitrary text against the default gazetteer and a small one with tricky aliases.
#![no_main]

use khabar_fuzz::{gazetteer::check_find, text};
use khabar_gazetteer::{Entry, Gazetteer};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn small() -> &'static Gazetteer {
    static GZ: OnceLock<Gazetteer> = OnceLock::new();
    GZ.get_or_init(|| {
        let entries = [
            Entry::new("ISKP", "Islamic State Khorasan Province", "ORG")
                .with_aliases(["IS-K", "ISIS-K", "ISKP", "Daesh", "Da’esh"]),
            Entry::new("KUNAR", "Kunar", "GPE").with_aliases(["Kunaṟ", "Konar", "کنړ"]),
            Entry::new("DB", "Dasht-e-Barchi", "LOC").with_alias("Dasht e Barchi"),
            Entry::new("US", "United States", "GPE").with_case_sensitive_alias("US"),
            Entry::new("STRASSE", "Straße", "LOC").with_alias("STRASSE"),
            Entry::new("ONE", "a", "X").with_aliases(["a a", "a a a", "1", "1,"]),
            Entry::new("RTL", "كابل", "GPE").with_aliases(["کابل", "\u{202b}Kabul\u{202c}"]),
        ];
        let mut builder = Gazetteer::builder();
        builder.strip_diacritics(true);
        for e in entries {
            if let Err(e) = builder.add(e) {
                panic!("the fixed gazetteer does not build: {e}");
            }
        }
        match builder.build() {
            Ok(gz) => gz,
            Err(e) => panic!("the fixed gazetteer does not build: {e}"),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    check_find(small(), &text);
    if let Ok(gz) = Gazetteer::default_gazetteer() {
        check_find(gz, &text);
    }
});
