//! Table tests for the quantity extractor: every example in the issue.

use khabar_numdate::{Approx, QuantityExtractor, QuantityKind};

use Approx as A;
use QuantityKind as K;

/// (input, span text, kind, low, high, approx, vague, unit, currency)
type Row = (
    &'static str,
    &'static str,
    QuantityKind,
    Option<f64>,
    Option<f64>,
    Approx,
    bool,
    Option<&'static str>,
    Option<&'static str>,
);

const N: Option<f64> = None;

#[rustfmt::skip]
const TABLE: &[Row] = &[
    ("an estimated 4,000-6,000 fighters", "an estimated 4,000-6,000", K::Cardinal, Some(4000.0), Some(6000.0), A::About, false, Some("fighters"), None),
    ("around 5-10 per cent of Talibs", "around 5-10 per cent", K::Percent, Some(5.0), Some(10.0), A::About, false, Some("Talibs"), None),
    ("between 2,200 and even 4,000 ISIS fighters", "between 2,200 and even 4,000", K::Cardinal, Some(2200.0), Some(4000.0), A::None, false, Some("ISIS fighters"), None),
    ("more than 170 people", "more than 170", K::Cardinal, Some(170.0), N, A::MoreThan, false, Some("people"), None),
    ("at least nine Christian worshipers", "at least nine", K::Cardinal, Some(9.0), N, A::AtLeast, false, Some("Christian worshipers"), None),
    ("nearly a dozen female students", "nearly a dozen", K::Cardinal, Some(12.0), Some(12.0), A::Nearly, false, Some("female students"), None),
    ("one fourth of them", "one fourth", K::Fraction, Some(0.25), Some(0.25), A::None, false, Some("them"), None),
    ("as low as 500", "as low as 500", K::Cardinal, Some(500.0), N, A::AsLowAs, false, None, None),
    ("as many as 500 fighters", "as many as 500", K::Cardinal, N, Some(500.0), A::AsManyAs, false, Some("fighters"), None),
    ("several thousand", "several thousand", K::Cardinal, Some(3000.0), Some(9000.0), A::None, true, None, None),
    ("thousands of ISIS-K members", "thousands", K::Cardinal, Some(2000.0), Some(9999.0), A::None, true, Some("ISIS-K members"), None),
    ("hundreds of deaths", "hundreds", K::Cardinal, Some(200.0), Some(999.0), A::None, true, Some("deaths"), None),
    ("dozens of attacks", "dozens", K::Cardinal, Some(24.0), Some(99.0), A::None, true, Some("attacks"), None),
    ("scores of people", "scores", K::Cardinal, Some(40.0), Some(99.0), A::None, true, Some("people"), None),
    ("even a few Europeans", "a few", K::Cardinal, Some(2.0), Some(5.0), A::None, true, Some("Europeans"), None),
    ("tens of thousands of people", "tens of thousands", K::Cardinal, Some(20000.0), Some(99999.0), A::None, true, Some("people"), None),
    ("almost 4,000 civilian casualties", "almost 4,000", K::Cardinal, Some(4000.0), Some(4000.0), A::Nearly, false, Some("civilian casualties"), None),
    ("killed 13 US service members", "13", K::Cardinal, Some(13.0), Some(13.0), A::None, false, Some("US service members"), None),
    ("killed nearly 20 worshippers", "nearly 20", K::Cardinal, Some(20.0), Some(20.0), A::Nearly, false, Some("worshippers"), None),
    ("some 1 234 fighters", "some 1 234", K::Cardinal, Some(1234.0), Some(1234.0), A::About, false, Some("fighters"), None),
    ("1,234.5 tonnes", "1,234.5 tonnes", K::Measure, Some(1234.5), Some(1234.5), A::None, false, None, None),
    ("2 tonnes of explosives", "2 tonnes", K::Measure, Some(2.0), Some(2.0), A::None, false, Some("explosives"), None),
    ("twenty-one soldiers", "twenty-one", K::Cardinal, Some(21.0), Some(21.0), A::None, false, Some("soldiers"), None),
    ("one hundred and five prisoners", "one hundred and five", K::Cardinal, Some(105.0), Some(105.0), A::None, false, Some("prisoners"), None),
    ("a hundred villagers", "a hundred", K::Cardinal, Some(100.0), Some(100.0), A::None, false, Some("villagers"), None),
    ("a dozen attacks", "a dozen", K::Cardinal, Some(12.0), Some(12.0), A::None, false, Some("attacks"), None),
    ("half a dozen raids", "half a dozen", K::Cardinal, Some(6.0), Some(6.0), A::None, false, Some("raids"), None),
    ("1.4 million refugees", "1.4 million", K::Cardinal, Some(1_400_000.0), Some(1_400_000.0), A::None, false, Some("refugees"), None),
    ("26 thousand troops", "26 thousand", K::Cardinal, Some(26_000.0), Some(26_000.0), A::None, false, Some("troops"), None),
    ("a quarter of the budget", "a quarter", K::Fraction, Some(0.25), Some(0.25), A::None, false, Some("budget"), None),
    ("three quarters of them", "three quarters", K::Fraction, Some(0.75), Some(0.75), A::None, false, Some("them"), None),
    ("half of the fighters", "half", K::Fraction, Some(0.5), Some(0.5), A::None, false, Some("fighters"), None),
    ("the 21st attack", "21st", K::Ordinal, Some(21.0), Some(21.0), A::None, false, Some("attack"), None),
    ("the twenty-first raid", "twenty-first", K::Ordinal, Some(21.0), Some(21.0), A::None, false, Some("raid"), None),
    ("rose 11%", "11%", K::Percent, Some(11.0), Some(11.0), A::None, false, None, None),
    ("95 per cent of the group", "95 per cent", K::Percent, Some(95.0), Some(95.0), A::None, false, Some("group"), None),
    ("40 percent of voters", "40 percent", K::Percent, Some(40.0), Some(40.0), A::None, false, Some("voters"), None),
    ("fell 3 percentage points", "3 percentage points", K::Percent, Some(3.0), Some(3.0), A::None, false, None, None),
    ("4,000–6,000 fighters", "4,000–6,000", K::Cardinal, Some(4000.0), Some(6000.0), A::None, false, Some("fighters"), None),
    ("5 to 10 people", "5 to 10", K::Cardinal, Some(5.0), Some(10.0), A::None, false, Some("people"), None),
    ("from 200 to 300 fighters", "from 200 to 300", K::Cardinal, Some(200.0), Some(300.0), A::None, false, Some("fighters"), None),
    ("two or three bombers", "two or three", K::Cardinal, Some(2.0), Some(3.0), A::None, false, Some("bombers"), None),
    ("between 15 and 20 groups", "between 15 and 20", K::Cardinal, Some(15.0), Some(20.0), A::None, false, Some("groups"), None),
    ("4-6 million people", "4-6 million", K::Cardinal, Some(4e6), Some(6e6), A::None, false, Some("people"), None),
    ("$5 million in aid", "$5 million", K::Money, Some(5e6), Some(5e6), A::None, false, None, Some("USD")),
    ("Rs 500 each", "Rs 500", K::Money, Some(500.0), Some(500.0), A::None, false, None, Some("RS")),
    ("5 million dollars", "5 million dollars", K::Money, Some(5e6), Some(5e6), A::None, false, None, Some("USD")),
    ("€3bn in loans", "€3bn", K::Money, Some(3e9), Some(3e9), A::None, false, None, Some("EUR")),
    ("a $5m ransom", "$5m", K::Money, Some(5e6), Some(5e6), A::None, false, None, Some("USD")),
    ("up to 700 workers", "up to 700", K::Cardinal, N, Some(700.0), A::UpTo, false, Some("workers"), None),
    ("fewer than 50 people", "fewer than 50", K::Cardinal, N, Some(50.0), A::LessThan, false, Some("people"), None),
    ("no more than 12 men", "no more than 12", K::Cardinal, N, Some(12.0), A::AtMost, false, Some("men"), None),
    ("500 or more fighters", "500 or more", K::Cardinal, Some(500.0), N, A::AtLeast, false, Some("fighters"), None),
    ("more than a few thousand foreign nationals", "more than a few thousand", K::Cardinal, Some(2000.0), N, A::MoreThan, true, Some("foreign nationals"), None),
    ("a 35-year-old shopkeeper", "35", K::Age, Some(35.0), Some(35.0), A::None, false, Some("shopkeeper"), None),
    ("Nadir, 35, a former trainer", "35", K::Age, Some(35.0), Some(35.0), A::None, false, None, None),
    ("he is thirty years old", "thirty", K::Age, Some(30.0), Some(30.0), A::None, false, None, None),
    // Explicit equality and "or equal (to)" tails.
    ("a toll equal to 170 people", "equal to 170", K::Cardinal, Some(170.0), Some(170.0), A::Exactly, false, Some("people"), None),
    ("the score equals 20.", "equals 20", K::Cardinal, Some(20.0), Some(20.0), A::Exactly, false, None, None),
    ("exactly 100 fighters", "exactly 100", K::Cardinal, Some(100.0), Some(100.0), A::Exactly, false, Some("fighters"), None),
    ("is equal to 5000 or less", "equal to 5000 or less", K::Cardinal, N, Some(5000.0), A::AtMost, false, None, None),
    ("is equal to 5000 or more than", "equal to 5000 or more than", K::Cardinal, Some(5000.0), N, A::AtLeast, false, None, None),
    ("more than or equal to 5 men", "more than or equal to 5", K::Cardinal, Some(5.0), N, A::AtLeast, false, Some("men"), None),
    ("is more than 5000 or equal to it", "more than 5000 or equal to", K::Cardinal, Some(5000.0), N, A::AtLeast, false, None, None),
    ("is less than 5000 or equal", "less than 5000 or equal", K::Cardinal, N, Some(5000.0), A::AtMost, false, None, None),
    ("His score is 200 or greater than", "200 or greater than", K::Cardinal, Some(200.0), N, A::AtLeast, false, None, None),
    // Ordinal ranges and bounds with articles.
    ("ranks between the tenth and the fifteenth.", "between the tenth and the fifteenth", K::Ordinal, Some(10.0), Some(15.0), A::None, false, None, None),
    ("higher than the tenth but lower than the fifteenth", "higher than the tenth but lower than the fifteenth", K::Ordinal, Some(10.0), Some(15.0), A::MoreThan, false, None, None),
    // "percent of N" opening a clause: the value comes after.
    ("per cent of 210", "per cent of 210", K::Percent, Some(210.0), Some(210.0), A::None, false, None, None),
    ("Percents of twenty", "Percents of twenty", K::Percent, Some(20.0), Some(20.0), A::None, false, None, None),
];

fn check(row: &Row) -> Result<(), String> {
    let (input, text, kind, low, high, approx, vague, unit, currency) = *row;
    let qs = QuantityExtractor::new().extract(input);
    let q = qs
        .first()
        .ok_or_else(|| format!("{input:?}: nothing found"))?;
    let got = (
        q.text.as_str(),
        q.kind,
        q.low,
        q.high,
        q.approx,
        q.vague,
        q.unit.as_ref().map(|u| u.text.as_str()),
        q.currency.as_deref(),
    );
    let want = (text, kind, low, high, approx, vague, unit, currency);
    if got != want {
        return Err(format!("{input:?}:\n   want {want:?}\n   got  {got:?}"));
    }
    if input[q.span.range()] != q.text {
        return Err(format!("{input:?}: span does not match text"));
    }
    if let Some(u) = &q.unit {
        if input[u.span.range()] != u.text {
            return Err(format!("{input:?}: unit span does not match unit text"));
        }
    }
    Ok(())
}

#[test]
fn issue_examples() {
    let errors: Vec<String> = TABLE.iter().filter_map(|r| check(r).err()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// Numbers that are not quantities on their own.
#[test]
fn not_quantities() {
    let cases = [
        "in 2017",
        "on December 17 last year",
        "December 17, 2017",
        "at 11:58 GMT",
        "on 26/1/2018",
        "In mid-2020, the group",
        "Since early 2021,they tried",
        "reports said so. [1] Media reports",
        "see https://example.org/page/2021/45 now",
        "is one of the group's strongest franchises",
        "On the one hand, the group",
        "eight years ago",
        "over the past six months",
        "12 years of fighting",
        "the first months of 2019",
        "Volume: 16 Issue: 2",
        "an F-16 jet",
        "call +1-222-2222-2222",
        "in the 1990s",
        "from 2015 to 2019",
        "© 2000 - 2021 Al Bawaba",
        "Published November 9th, 2021 - 11:58 GMT",
        "his first name",
        "since the 9/11 attacks",
        "open 24/7",
        "in the Christian quarter",
        "for half an hour",
        "figures for Q3 2021 show",
    ];
    for text in cases {
        let qs = QuantityExtractor::new().extract(text);
        assert!(
            qs.is_empty(),
            "{text:?} gave {:?}",
            qs.iter().map(|q| &q.text).collect::<Vec<_>>()
        );
    }
}

#[test]
fn huge_numbers_are_rejected_not_rounded() {
    let text = format!("{} fighters", "9".repeat(400));
    assert!(QuantityExtractor::new().extract(&text).is_empty());
}

#[test]
fn complementary_bounds_merge() {
    let qs = QuantityExtractor::new().extract("more than 10 and less than 20 people");
    assert_eq!(qs.len(), 1);
    assert_eq!((qs[0].low, qs[0].high), (Some(10.0), Some(20.0)));
    let qs = QuantityExtractor::new().extract("more than 40 and less than 10");
    assert_eq!(qs.len(), 2);
}

/// The opt-in number readers leave the extractor alone: in running text a ratio is two
/// counts, a relative ordinal is no quantity, a percent word with no number is nothing, and
/// "percent of" inside a clause introduces the whole.
#[test]
fn expression_forms_stay_out_of_quantities() {
    let texts = |t: &str| -> Vec<String> {
        QuantityExtractor::new()
            .extract(t)
            .into_iter()
            .map(|q| q.text)
            .collect()
    };
    assert_eq!(texts("3 out of 5 Afghans"), ["3", "5"]);
    // "over" is a comparison cue here, as in "over 300 people".
    assert_eq!(texts("one over three"), ["one", "over three"]);
    assert!(texts("the last attack and the next raid").is_empty());
    assert!(texts("the penultimate round").is_empty());
    assert!(texts("Only a small percent attain the top ranks").is_empty());
    let qs = QuantityExtractor::new().extract("a small percent of 500 voters");
    assert_eq!(qs.len(), 1);
    assert_eq!((qs[0].kind, qs[0].text.as_str()), (K::Cardinal, "500"));
    // "more than 5000 or equal to 6000": the tail belongs to the next number.
    let qs = QuantityExtractor::new().extract("more than 5000 or equal to 6000");
    let got: Vec<(&str, Approx)> = qs.iter().map(|q| (q.text.as_str(), q.approx)).collect();
    assert_eq!(
        got,
        [
            ("more than 5000", A::MoreThan),
            ("equal to 6000", A::Exactly)
        ]
    );
}
