//! The embedded default gazetteer on the seed articles.
#![cfg(feature = "default-gazetteer")]

use khabar_gazetteer::{Gazetteer, Match};
use std::collections::BTreeMap;
use std::path::PathBuf;

fn gz() -> &'static Gazetteer {
    Gazetteer::default_gazetteer().unwrap_or_else(|e| panic!("default gazetteer: {e}"))
}

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, text)
        })
        .collect()
}

fn ids_of<'t>(text: &'t str, ms: &[Match<'_>], surface: &str) -> Vec<(&'t str, String)> {
    ms.iter()
        .filter(|m| m.as_str(text) == surface)
        .map(|m| (m.as_str(text), m.entry().id().to_owned()))
        .collect()
}

#[test]
fn iskp_spellings_resolve_to_one_entry() {
    let gz = gz();
    let mut seen = BTreeMap::new();
    for (_, text) in seeds() {
        let ms = gz.find(&text);
        for surface in [
            "ISK-P",
            "IS-K",
            "ISIS-K",
            "Wilayat-e-Khorasan",
            "IS Khorasan Province",
        ] {
            for (s, id) in ids_of(&text, &ms, surface) {
                assert_eq!(id, "ISKP", "{s}");
                *seen.entry(surface).or_insert(0) += 1;
            }
        }
    }
    assert_eq!(
        seen.len(),
        5,
        "every spelling is found in the seeds: {seen:?}"
    );
    for text in [
        "IS –K",
        "IS–K",
        "ISIS K",
        "Islamic State-Khorasan Province",
        "Daesh-Khorasan",
    ] {
        assert_eq!(
            gz.find(text).first().map(|m| m.entry().id()),
            Some("ISKP"),
            "{text}"
        );
    }
}

#[test]
fn jowzjan_spellings_resolve_to_one_province() {
    let gz = gz();
    let mut province = None;
    for (_, text) in seeds() {
        let ms = gz.find(&text);
        for surface in ["Jowzjan", "Jawzjan"] {
            for m in ms.iter().filter(|m| m.as_str(&text) == surface) {
                let e = m.entry();
                assert_eq!(e.country(), Some("AF"));
                assert_eq!(e.label(), "GPE");
                assert_eq!(e.attr("type"), Some("province"));
                assert!(
                    province.is_none() || province == Some(e.id()),
                    "{surface}: {}",
                    e.id()
                );
                province = Some(e.id());
            }
        }
    }
    assert!(province.is_some());
    let p = gz
        .get(province.unwrap_or_default())
        .map(|e| e.parent().map(|p| p.id()));
    assert_eq!(p, Some(Some("GEO:AF")));
}

#[test]
fn longest_names_win() {
    let gz = gz();
    let text = "the Pakistani Taliban and Lashkar-e-Jhangvi al-Alami";
    let found: Vec<(&str, &str)> = gz
        .find(text)
        .iter()
        .map(|m| (m.as_str(text), m.entry().id()))
        .collect();
    assert_eq!(
        found,
        [
            ("Pakistani Taliban", "TTP"),
            ("Lashkar-e-Jhangvi al-Alami", "LEJA")
        ]
    );
    for (_, text) in seeds() {
        for m in gz.find(&text) {
            let s = m.as_str(&text);
            assert!(
                s != "Pakistani" || !text[m.end()..].starts_with(" Taliban"),
                "split TTP"
            );
            if s.starts_with("Lashkar-e-Jhangvi") && text[m.end()..].starts_with(" al-Alami") {
                panic!("split LeJ-A");
            }
        }
    }
}

#[test]
fn lower_case_is_and_us_never_match() {
    let gz = gz();
    for (name, text) in seeds() {
        for m in gz.find(&text) {
            let s = m.as_str(&text);
            assert!(
                s != "is" && s != "us" && s != "un" && s != "in",
                "{name}: {s:?} matched {:?}",
                m.entry()
            );
        }
    }
    assert!(gz.find("this is for us").is_empty());
    assert_eq!(gz.find("the US and IS").len(), 2);
}

#[test]
fn diacritics_fold_in_the_default_gazetteer() {
    let gz = gz();
    for text in ["Kunar", "Kunaṟ", "KUNAR"] {
        let ms = gz.find(text);
        assert_eq!(ms.len(), 1, "{text}");
        assert_eq!(ms[0].entry().country(), Some("AF"), "{text}");
    }
}

#[test]
fn summary_of_the_seeds() {
    let gz = gz();
    println!(
        "default gazetteer: {} entries, {} aliases",
        gz.len(),
        gz.alias_count()
    );
    let mut total = 0;
    for (name, text) in seeds() {
        let ms = gz.find(&text);
        let mut by_label: BTreeMap<&str, usize> = BTreeMap::new();
        let mut distinct: BTreeMap<&str, usize> = BTreeMap::new();
        for m in &ms {
            *by_label.entry(m.entry().label()).or_default() += 1;
            *distinct.entry(m.entry().id()).or_default() += 1;
        }
        let ambiguous = ms.iter().filter(|m| m.is_ambiguous()).count();
        println!(
            "{name}: {} mentions of {} entities ({ambiguous} ambiguous); {by_label:?}",
            ms.len(),
            distinct.len()
        );
        let mut top: Vec<(&str, usize)> = distinct.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        println!("  top: {:?}", &top[..top.len().min(8)]);
        assert!(!ms.is_empty(), "{name} yields entities");
        total += ms.len();
    }
    println!("total: {total} mentions");
}

/// On the seeds, matching on the pipeline's tokens finds what matching on the text finds.
#[test]
fn tokens_given_equal_text_given_on_the_seeds() {
    for (name, text) in seeds() {
        let tokens = khabar_tokenize::tokenize(&text);
        let (a, b) = (gz().find(&text), gz().find_tokens(&text, &tokens));
        assert_eq!(a, b, "{name}");
        assert!(!a.is_empty(), "{name}");
    }
}
