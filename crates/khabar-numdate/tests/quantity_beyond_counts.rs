//! Quantities beyond head counts (issue 18): measures, ages, money written tight, counted
//! noun phrases, four-digit counted ranges, restatements — and numbers that are neither
//! quantities nor dates. Several variants per class, not only the sentences of the issue.

use khabar_numdate::{
    Approx, DateExtractor, Dimension, NonQuantityReason as R, QuantityExtractor, QuantityKind as K,
    non_quantities,
};

fn quantities(text: &str) -> Vec<khabar_numdate::Quantity> {
    QuantityExtractor::new().extract(text)
}

fn only(text: &str) -> khabar_numdate::Quantity {
    let qs = quantities(text);
    assert_eq!(
        qs.len(),
        1,
        "{text:?}: {:?}",
        qs.iter().map(|q| &q.text).collect::<Vec<_>>()
    );
    qs.into_iter().next().expect("one quantity")
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 1e-9 * b.abs().max(1.0))
}

#[test]
fn measures_have_dimension_and_si_value() {
    let cases: &[(&str, &str, Dimension, f64, &str)] = &[
        (
            "about 12km away",
            "about 12km",
            Dimension::Length,
            12_000.0,
            "m",
        ),
        (
            "spaced about 80m apart",
            "about 80m",
            Dimension::Length,
            80.0,
            "m",
        ),
        ("a 10-km stretch", "10-km", Dimension::Length, 10_000.0, "m"),
        (
            "marched 30 kilometres",
            "30 kilometres",
            Dimension::Length,
            30_000.0,
            "m",
        ),
        (
            "some 5 miles south",
            "some 5 miles",
            Dimension::Length,
            8046.72,
            "m",
        ),
        (
            "2 tonnes of explosives",
            "2 tonnes",
            Dimension::Mass,
            2000.0,
            "kg",
        ),
        ("50 kg of heroin", "50 kg", Dimension::Mass, 50.0, "kg"),
        (
            "a 500-pound bomb",
            "500-pound",
            Dimension::Mass,
            226.796_185,
            "kg",
        ),
        (
            "covers 2.5km2 of land",
            "2.5km2",
            Dimension::Area,
            2.5e6,
            "m2",
        ),
        (
            "burned 300 hectares",
            "300 hectares",
            Dimension::Area,
            3e6,
            "m2",
        ),
        (
            "10,000 litres of fuel",
            "10,000 litres",
            Dimension::Volume,
            10.0,
            "m3",
        ),
        (
            "at 100km/h",
            "100km/h",
            Dimension::Speed,
            100.0 / 3.6,
            "m/s",
        ),
        (
            "sailing at 12 knots",
            "12 knots",
            Dimension::Speed,
            12.0 * 1852.0 / 3600.0,
            "m/s",
        ),
        (
            "Temperatures reached 45°C",
            "45°C",
            Dimension::Temperature,
            318.15,
            "K",
        ),
        (
            "it was 5-10 km away",
            "5-10 km",
            Dimension::Length,
            5000.0,
            "m",
        ),
    ];
    for &(text, span, dim, si, unit) in cases {
        let q = only(text);
        assert_eq!((q.text.as_str(), q.kind), (span, K::Measure), "{text}");
        assert_eq!(q.dimension, Some(dim), "{text}");
        assert!(close(q.si_value, si), "{text}: {:?}", q.si_value);
        assert_eq!(q.si_unit.as_deref(), Some(unit), "{text}");
    }
}

#[test]
fn restated_measures_and_numbers_are_one_quantity() {
    for (text, span) in [
        ("40km (25 miles) north of Kandahar", "40km (25 miles)"),
        ("200m (656ft) from the checkpoint", "200m (656ft)"),
        ("about 3 miles (5 km) away", "about 3 miles (5 km)"),
        ("forty-five (45) recruits", "forty-five (45)"),
        ("45 (forty five) recruits", "45 (forty five)"),
        ("twelve (12) soldiers", "twelve (12)"),
    ] {
        assert_eq!(only(text).text, span, "{text}");
    }
    // A different number in parentheses is its own quantity.
    assert_eq!(quantities("45 (of 60) recruits").len(), 2);
}

#[test]
fn ages_are_not_durations() {
    for (text, span, unit) in [
        ("a 15-year-old boy was killed", "15", Some("boy")),
        ("a 14-year-old", "14", None),
        ("the 35 year old shopkeeper", "35", Some("shopkeeper")),
        ("he was thirty years old", "thirty", None),
        ("a man aged 35 was arrested", "35", None),
        ("Nadir, 35, a former trainer", "35", None),
        ("Gul Ahmad (60) said", "60", None),
    ] {
        let q = only(text);
        assert_eq!((q.text.as_str(), q.kind), (span, K::Age), "{text}");
        assert_eq!(q.unit.as_ref().map(|u| u.text.as_str()), unit, "{text}");
        let dates = DateExtractor::new().extract(text);
        assert!(dates.is_empty(), "{text}: {dates:?}");
    }
}

#[test]
fn money_tight_forms_scales_and_currencies() {
    let cases: &[(&str, &str, f64, &str)] = &[
        ("seized Rs30 lakh in cash", "Rs30 lakh", 3e6, "RS"),
        ("earned Rs3.5bn", "Rs3.5bn", 3.5e9, "RS"),
        ("a PKR500 fine", "PKR500", 500.0, "PKR"),
        ("Rs 30 lakh", "Rs 30 lakh", 3e6, "RS"),
        ("3.5 lakh rupees", "3.5 lakh rupees", 3.5e5, "RS"),
        (
            "three hundred crore rupees",
            "three hundred crore rupees",
            3e9,
            "RS",
        ),
        ("Rs 5 cr", "Rs 5 cr", 5e7, "RS"),
        (
            "two point two million dollars",
            "two point two million dollars",
            2.2e6,
            "USD",
        ),
        ("US$2.2m", "US$2.2m", 2.2e6, "USD"),
        ("5,000 afghanis", "5,000 afghanis", 5000.0, "AFN"),
        ("Afs 1,000", "Afs 1,000", 1000.0, "AFN"),
        ("over $5 million", "over $5 million", 5e6, "USD"),
    ];
    for &(text, span, v, code) in cases {
        let q = only(text);
        assert_eq!((q.text.as_str(), q.kind), (span, K::Money), "{text}");
        assert!(close(q.low.or(q.high), v), "{text}: {:?}", q.low);
        assert_eq!(q.currency.as_deref(), Some(code), "{text}");
    }
    // "point" decimals take the scale as plain numbers too.
    let q = only("two point two million people");
    assert_eq!(q.low, Some(2.2e6));
}

#[test]
fn counted_noun_phrases_skip_coordinated_modifiers() {
    for (text, unit) in [
        (
            "between 15 and 20 small and large groups",
            "small and large groups",
        ),
        (
            "the two main negative and positive variables",
            "main negative and positive variables",
        ),
        ("three old or new bases", "old or new bases"),
        ("12 civilians and soldiers", "civilians"),
    ] {
        let q = &quantities(text)[0];
        assert_eq!(
            q.unit.as_ref().map(|u| u.text.as_str()),
            Some(unit),
            "{text}"
        );
    }
}

#[test]
fn n_member_is_a_modifier_and_n_plus_is_at_least() {
    assert!(quantities("the 83-member Global Coalition").is_empty());
    assert!(quantities("a 15-member delegation").is_empty());
    for text in ["killed 170+ people", "170+ people died"] {
        let q = only(text);
        assert_eq!(
            (q.text.as_str(), q.low, q.high, q.approx),
            ("170+", Some(170.0), None, Approx::AtLeast)
        );
        assert_eq!(q.unit.map(|u| u.text).as_deref(), Some("people"));
    }
}

#[test]
fn four_digit_ranges_are_decided_by_the_counted_noun() {
    for (text, span, lo, hi) in [
        (
            "between 1000 and 1500 members",
            "between 1000 and 1500",
            1000.0,
            1500.0,
        ),
        ("1000 to 1500 members", "1000 to 1500", 1000.0, 1500.0),
        (
            "From 1200 to 1500 fighters",
            "From 1200 to 1500",
            1200.0,
            1500.0,
        ),
        (
            "between 2000 and 3000 fighters",
            "between 2000 and 3000",
            2000.0,
            3000.0,
        ),
        ("1900-2000 foreign fighters", "1900-2000", 1900.0, 2000.0),
    ] {
        let q = only(text);
        assert_eq!(
            (q.text.as_str(), q.low, q.high),
            (span, Some(lo), Some(hi)),
            "{text}"
        );
        let dates = DateExtractor::new()
            .with_reference_date("2021-01-01")
            .expect("date")
            .extract(text);
        assert!(dates.is_empty(), "{text}: {dates:?}");
    }
    // Years stay years; two years before a noun for things too. Before people they count.
    assert_eq!(only("between 1950 and 2000 fighters").low, Some(1950.0));
    for text in [
        "from 2015 to 2017",
        "between 2015 and 2017",
        "in 2016-2017 the group",
        "between 2015 and 2017 attacks rose",
        "from 2015 to 2017, attacks rose",
    ] {
        assert!(quantities(text).is_empty(), "{text}");
        assert!(!DateExtractor::new().extract(text).is_empty(), "{text}");
    }
}

#[test]
fn one_as_pronoun_or_idiom_is_no_count() {
    for text in [
        "For one, he had read the reports",
        "for one he had read",
        "In one hand he held a flag",
        "on one hand",
        "At one point the convoy stopped",
        "one of the guards fled",
        "No one was arrested",
        "One day later, a device was found",
        "all are united one Islam",
        "they spoke as one.",
        "one way or another",
        "a one-on-one meeting",
        "a one-sided war",
        "a one-off payment",
        "they left one by one",
        "paid in one go",
    ] {
        let qs = quantities(text);
        assert!(
            !qs.iter().any(|q| q.text.eq_ignore_ascii_case("one")),
            "{text:?}: {:?}",
            qs.iter().map(|q| &q.text).collect::<Vec<_>>()
        );
    }
    // "a second report …, and a third": no fraction (an ordinal at most); "a third of
    // them" is one.
    let qs = quantities("a second report gave the site, and a third");
    assert!(qs.iter().all(|q| q.kind != K::Fraction), "{qs:?}");
    assert_eq!(only("and a third of them fled").text, "a third");
    assert_eq!(only("cut by a third").text, "a third");
    // "at one point three gunmen": three gunmen, not 1.3.
    assert_eq!(only("at one point three gunmen opened fire").text, "three");
    // Counts of one stay.
    for text in [
        "killed one soldier",
        "one policeman was wounded",
        "only one survivor",
    ] {
        assert_eq!(only(text).low, Some(1.0), "{text}");
    }
}

#[test]
fn non_quantities_are_neither_quantities_nor_dates() {
    let cases: &[(&str, R)] = &[
        ("struck 34°31′N 69°10′E at dawn", R::Coordinate),
        ("at 34° 31' N, 69° 10' E", R::Coordinate),
        ("the site at 34.5553° N, 69.2075° E", R::Coordinate),
        ("lat/long 33.9391, 67.7100 for the depot", R::Coordinate),
        ("located at 31.6289, 65.7372 near", R::Coordinate),
        ("call +93 20 210 1234 now", R::Phone),
        ("the passcode 4471 for the call", R::Identifier),
        ("HMS Dragon (D 35) sailed", R::HullNumber),
        ("UN Resolution 2593 was adopted", R::NumberedName),
        ("under Article 41 of the Charter", R::NumberedName),
        ("exercise Steppe Eagle 19 ended", R::NumberedName),
        ("troops of the 3rd Infantry Division", R::UnitName),
        ("the 101st Airborne Division", R::UnitName),
        ("the link used FEC: 3/4 today", R::TechnicalSpec),
        ("a 155mm howitzer fired", R::TechnicalSpec),
        ("the end.\n1320\nThe next", R::PageFurniture),
        ("Lat: 34.5553 Long: 69.2075", R::Coordinate),
        ("at 34.52528; 69.17833 today", R::Coordinate),
        ("at 34 31 N 69 10 E today", R::Coordinate),
        ("Share 0 Tweet 0", R::PageFurniture),
        ("Comments (12)", R::PageFurniture),
        ("Image 3 of 10", R::PageFurniture),
        ("Read more 5 min read", R::PageFurniture),
        ("1 2 3 4 5 Next", R::PageFurniture),
        // Numbered names before a noun (issue 18).
        ("Many World War 2 veterans attended", R::NumberedName),
        ("she watched a Formula 1 race in Bahrain", R::NumberedName),
        ("The Apollo 11 mission landed", R::NumberedName),
        ("many Windows 10 users were hit", R::NumberedName),
        ("a Boeing 737 jet crashed near Tehran", R::NumberedName),
        ("the abrogation of Article 370 in Kashmir", R::NumberedName),
        ("under Section 8 rules", R::NumberedName),
    ];
    for &(text, reason) in cases {
        let qs = quantities(text);
        assert!(
            qs.is_empty(),
            "{text:?}: {:?}",
            qs.iter().map(|q| &q.text).collect::<Vec<_>>()
        );
        let nq = non_quantities(text);
        assert!(nq.iter().any(|n| n.reason == reason), "{text:?}: {nq:?}");
        let ex = DateExtractor::new()
            .with_reference_date("2021-09-01")
            .expect("date");
        let dates: Vec<String> = ex.extract(text).into_iter().map(|d| d.text).collect();
        assert!(
            dates.iter().all(|d| nq
                .iter()
                .all(|n| !n.text.contains(d.as_str()) && !d.contains(&n.text))),
            "{text:?}: dates {dates:?} overlap {nq:?}"
        );
    }
    // "Resolution 2593" is not the year 2593; "FEC: 3/4" is not a date.
    let ex = DateExtractor::new()
        .with_reference_date("2021-09-01")
        .expect("date");
    assert!(ex.extract("the Council adopted Resolution 2593").is_empty());
    assert!(ex.extract("FEC: 3/4").is_empty());
}

/// The other side of the numbered-name rules: a place or a group before a count leaves it a
/// count (issue 18).
#[test]
fn counts_after_names_stay_counts() {
    for (text, value, unit) in [
        ("In Kandahar 12 people were killed", 12.0, "people"),
        ("in Helmand 30 militants died", 30.0, "militants"),
        ("Police killed 2 Taliban in Helmand", 2.0, "Taliban"),
        ("In Nangarhar province 5 soldiers died", 5.0, "soldiers"),
        ("World War II ended; 40 veterans came", 40.0, "veterans"),
    ] {
        let qs = quantities(text);
        let got: Vec<(Option<f64>, Option<&str>)> = qs
            .iter()
            .map(|q| (q.low, q.unit.as_ref().map(|u| u.text.as_str())))
            .collect();
        assert_eq!(got, [(Some(value), Some(unit))], "{text:?}");
    }
}
