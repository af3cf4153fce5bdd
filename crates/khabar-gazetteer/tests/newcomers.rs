//! The cases a new user met (issue 16), on the default gazetteer: district spellings the
//! press uses, and English words that must not become places.

use khabar_gazetteer::Gazetteer;

fn gz() -> &'static Gazetteer {
    Gazetteer::default_gazetteer().unwrap_or_else(|e| panic!("default gazetteer: {e}"))
}

/// `(surface, id of the best candidate)` of every match.
fn found(text: &str) -> Vec<(&str, String)> {
    gz().find(text)
        .iter()
        .map(|m| (m.as_str(text), m.entry().id().to_owned()))
        .collect()
}

fn best(text: &str, surface: &str) -> Option<String> {
    found(text)
        .into_iter()
        .find(|(s, _)| s.starts_with(surface))
        .map(|(_, id)| id)
}

#[test]
fn district_spellings_of_the_press_meet_their_district() {
    let cases = [
        ("Girishk", "GN:1141540"),
        ("Gereshk", "GN:1141540"),
        ("Nahr-e Saraj", "GEO:AF-HEL:NAHR_E_SARAJ"),
        ("Nahri Sarraj", "GEO:AF-HEL:NAHR_E_SARAJ"),
        ("Nad-e Ali", "GEO:AF-HEL:NAD_ALI"),
        ("Nad Ali", "GEO:AF-HEL:NAD_ALI"),
        ("Puli Alam", "GEO:AF-LOG:PUL_E_ALAM"),
        ("Pul-i-Alam", "GEO:AF-LOG:PUL_E_ALAM"),
        ("Pul-e Alam", "GEO:AF-LOG:PUL_E_ALAM"),
        ("Nawa-e Barakzayi", "GEO:AF-HEL:NAWAH_YE_BARAKZAI"),
        ("Nawa-i-Barakzai", "GEO:AF-HEL:NAWAH_YE_BARAKZAI"),
        ("Lazha Ahmad Khel", "GEO:AF-PIA:LAJAH_AHMAD_KHEL"),
        ("Charbolak", "GEO:AF-BAL:CHAHAR_BOLAK"),
        ("Char Bolak", "GEO:AF-BAL:CHAHAR_BOLAK"),
        ("Deh Rahwod", "GEO:AF-URU:DEH_RAWUD"),
        ("Dehrawud", "GEO:AF-URU:DEH_RAWUD"),
        ("Shahr-e Safa", "GN:1125866"),
        ("Dand Wa Patan", "GEO:AF-PIA:DAND_PATAN"),
        ("Khas Urozgan", "GEO:AF-URU:KHAS_URUZGAN"),
        ("Tarnak Wa Jaldak", "GEO:AF-ZAB:TARNEK_WA_JALDAK"),
        ("Dashti Qala", "GEO:AF-TAK:DASHT_E_QAL_AH"),
        ("Qush Tapa", "GEO:AF-JOW:QUSH_TEPAH"),
        ("Qosh Tepa", "GEO:AF-JOW:QUSH_TEPAH"),
        ("Marjah", "GEO:AF-HEL:MARJAH"),
    ];
    let mut missed = Vec::new();
    for (surface, id) in cases {
        let text = format!("Fighting was reported in {surface} district on Monday.");
        if best(&text, surface).as_deref() != Some(id) {
            missed.push(format!("{surface} → {:?} (want {id})", found(&text)));
        }
    }
    assert!(missed.is_empty(), "{missed:#?}");
}

#[test]
fn camps_bases_prisons_and_crossings() {
    let text = "Families in al-Hol and Roj camp; prisoners of Pul-e-Charkhi and Bagram; trade \
                through Torkham, Hairatan and the Friendship Gate at Chaman; the Abbey Gate.";
    let ids: Vec<String> = found(text).into_iter().map(|(_, id)| id).collect();
    for want in [
        "FAC:AL_HOL_CAMP",
        "FAC:ROJ_CAMP",
        "FAC:PUL_E_CHARKHI",
        "FAC:BAGRAM",
        "GEO:AF-NAN:TORKHAM",
        "FAC:HAIRATAN",
        "FAC:FRIENDSHIP_GATE",
        "FAC:ABBEY_GATE",
    ] {
        assert!(ids.iter().any(|i| i == want), "{want} missing: {ids:?}");
    }
}

#[test]
fn post_2018_pakistani_districts() {
    for (surface, id) in [
        ("Bajaur", "GEO:PK-KP:BAJAUR"),
        ("Khyber District", "GEO:PK-KP:KHYBER"),
        ("Kurram", "GEO:PK-KP:KURRAM"),
        ("Orakzai", "GEO:PK-KP:ORAKZAI"),
        ("Mohmand Agency", "GEO:PK-KP:MOHMAND"),
        ("North Waziristan", "GEO:PK-KP:NORTH_WAZIRISTAN"),
        ("Upper South Waziristan", "GEO:PK-KP:UPPER_SOUTH_WAZIRISTAN"),
        ("Lower South Waziristan", "GEO:PK-KP:LOWER_SOUTH_WAZIRISTAN"),
        ("Lower Chitral", "GEO:PK-KP:LOWER_CHITRAL"),
        ("Keamari", "GEO:PK-SD:KEAMARI"),
        ("Duki", "GEO:PK-BA:DUKI"),
    ] {
        let text = format!("An attack in {surface} killed two.");
        assert_eq!(
            best(&text, surface).as_deref(),
            Some(id),
            "{surface}: {:?}",
            found(&text)
        );
    }
}

#[test]
fn english_words_are_not_places() {
    let quiet = [
        "Former Afghan Spies and Soldiers Turn to Islamic State",
        "they turn to ISIS when the money runs out",
        "A Turk was arrested at the border.",
        "The rest of the fighters fled.",
        "The Rest of the Story Is Still Untold",
        "Police searched some northern areas overnight.",
        "a male suicide bomber",
        "Male Bombers Hit Market in Town",
    ];
    for text in quiet {
        let places: Vec<(&str, String)> = found(text)
            .into_iter()
            .filter(|(_, id)| id.starts_with("GN:") || id.starts_with("GEO:") && id.len() > 6)
            .collect();
        assert!(places.is_empty(), "{text}: {places:?}");
    }
    // The names themselves still work where they are names.
    let t = "Officials in Rasht and Angren, and in the Northern Areas, now Gilgit-Baltistan.";
    let ids: Vec<String> = found(t).into_iter().map(|(_, id)| id).collect();
    assert!(ids.contains(&"GN:118743".to_owned()), "{ids:?}");
    assert!(ids.contains(&"GN:1514581".to_owned()), "{ids:?}");
    assert_eq!(
        ids.iter().filter(|i| *i == "GEO:PK-GB").count(),
        2,
        "{ids:?}"
    );
}

#[test]
fn a_village_never_beats_its_district() {
    // Nad Ali is a district and a GeoNames town: the district comes first.
    let text = "Clashes in Nad Ali.";
    let ms = gz().find(text);
    let ids: Vec<&str> = ms[0].entries().map(|e| e.id()).collect();
    assert_eq!(ids.first(), Some(&"GEO:AF-HEL:NAD_ALI"), "{ids:?}");
    // Every AF/PK town or village ranks below districts (1) and provinces (2).
    for e in gz().entries() {
        if e.attr("type") == Some("town") {
            assert!(e.priority() < 1, "{}", e.id());
        }
    }
}

#[test]
fn the_default_gazetteer_drops_what_would_collide() {
    let d = gz().dropped_variants();
    assert!(d.iter().all(|d| !d.reason.is_empty()));
    // every dropped English word is one indeed
    for x in d.iter().filter(|x| x.reason == "common English word") {
        assert!(
            khabar_gazetteer::is_english_phrase(x.variant),
            "{}",
            x.variant
        );
    }
}
