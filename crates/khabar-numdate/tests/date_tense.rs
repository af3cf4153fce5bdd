//! Tense and modality decide which way an underspecified date points (DATES.md, "Tense and
//! modality"). Reference date: Tuesday 12 March 2019, so "May" is 2018-05 back and 2019-05
//! forward, "Saturday" 2019-03-09 back and 2019-03-16 forward.

use khabar_numdate::{DateExtractor, Direction};

const REF: &str = "2019-03-12";
const MAY_PAST: &str = "2018-05";
const MAY_NEXT: &str = "2019-05";
const SAT_PAST: &str = "2019-03-09";
const SAT_NEXT: &str = "2019-03-16";

fn value_of(ex: &DateExtractor, text: &str, span: &str) -> String {
    let found = ex.extract(text);
    let t = found
        .iter()
        .find(|t| t.text.contains(span))
        .unwrap_or_else(|| panic!("{span:?} not found in {text:?}: {found:?}"));
    t.value.clone()
}

fn check(cases: &[(&str, &str, &str)]) {
    let ex = DateExtractor::new()
        .with_reference_date(REF)
        .expect("valid reference date");
    let mut bad = Vec::new();
    for &(text, span, want) in cases {
        let got = value_of(&ex, text, span);
        if !got.starts_with(want) {
            bad.push(format!("{text:?}: {span} = {got}, want {want}"));
        }
    }
    assert!(bad.is_empty(), "{} wrong:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn future_auxiliaries_and_modals() {
    check(&[
        ("The minister will visit Kabul in May.", "May", MAY_NEXT),
        ("We'll meet again on Saturday.", "Saturday", SAT_NEXT),
        ("They are going to vote in May.", "May", MAY_NEXT),
        ("The court shall rule in May.", "May", MAY_NEXT),
        ("He said he would resign in May.", "May", MAY_NEXT),
        (
            "The report should be ready by Saturday.",
            "Saturday",
            SAT_NEXT,
        ),
        ("Foreign troops must leave by May.", "May", MAY_NEXT),
        ("The vote may slip to May, officials said.", "May", MAY_NEXT),
        ("Voters can register until Saturday.", "Saturday", SAT_NEXT),
        ("In May the council will decide.", "May", MAY_NEXT),
        (
            "On Saturday, the team will play Karachi.",
            "Saturday",
            SAT_NEXT,
        ),
    ]);
}

#[test]
fn schedules_and_plans() {
    check(&[
        ("Elections are scheduled for May.", "May", MAY_NEXT),
        (
            "The match was postponed until 15:00 GMT Saturday.",
            "Saturday",
            SAT_NEXT,
        ),
        ("The vote was delayed until May.", "May", MAY_NEXT),
        (
            "The hearing was deferred to Saturday.",
            "Saturday",
            SAT_NEXT,
        ),
        ("The report is due in May.", "May", MAY_NEXT),
        ("The launch is slated for May.", "May", MAY_NEXT),
        ("A rally is planned for Saturday.", "Saturday", SAT_NEXT),
        (
            "The government plans to hold talks in May.",
            "May",
            MAY_NEXT,
        ),
        ("The verdict is expected on Saturday.", "Saturday", SAT_NEXT),
        ("Talks are to resume in May.", "May", MAY_NEXT),
        ("The envoy is to arrive on Saturday.", "Saturday", SAT_NEXT),
        (
            "Parliament is set to vote on Saturday.",
            "Saturday",
            SAT_NEXT,
        ),
        (
            "The ceasefire was extended until Saturday.",
            "Saturday",
            SAT_NEXT,
        ),
        ("The decision was put off until May.", "May", MAY_NEXT),
        ("The deadline was pushed back to May.", "May", MAY_NEXT),
        (
            "Security was tightened ahead of Saturday prayers.",
            "Saturday",
            SAT_NEXT,
        ),
        ("The upcoming vote in May is contested.", "May", MAY_NEXT),
        (
            "The results, to be announced on Saturday, are awaited.",
            "Saturday",
            SAT_NEXT,
        ),
    ]);
}

#[test]
fn present_tense_announcements() {
    check(&[
        ("Polls open in May, officials said.", "May", MAY_NEXT),
        ("The talks begin on Saturday in Doha.", "Saturday", SAT_NEXT),
        (
            "The tournament kicks off on Saturday.",
            "Saturday",
            SAT_NEXT,
        ),
        ("The law comes into force in May.", "May", MAY_NEXT),
        ("The ban takes effect on Saturday.", "Saturday", SAT_NEXT),
        ("The vote takes place in May.", "May", MAY_NEXT),
        ("The mandate expires in May.", "May", MAY_NEXT),
        ("Schools reopen on Saturday.", "Saturday", SAT_NEXT),
        (
            "Voters head to the polls on Saturday.",
            "Saturday",
            SAT_NEXT,
        ),
        ("The president visits Kabul in May.", "May", MAY_NEXT),
        ("The leaders are meeting in May.", "May", MAY_NEXT),
        (
            "Officials said the envoy is travelling to Doha on Saturday.",
            "Saturday",
            SAT_NEXT,
        ),
    ]);
}

#[test]
fn past_reporting_stays_past() {
    check(&[
        ("Elections were held in May.", "May", MAY_PAST),
        ("The attack happened on Saturday.", "Saturday", SAT_PAST),
        (
            "Militants attacked a checkpoint on Saturday.",
            "Saturday",
            SAT_PAST,
        ),
        (
            "Officials said on Saturday that the vote will be held later.",
            "Saturday",
            SAT_PAST,
        ),
        ("He was killed in May.", "May", MAY_PAST),
        ("The talks began on Saturday.", "Saturday", SAT_PAST),
        ("The minister visited Kabul in May.", "May", MAY_PAST),
        ("The group has been active since May.", "May", MAY_PAST),
        (
            "He is believed to have died on Saturday.",
            "Saturday",
            SAT_PAST,
        ),
        (
            "The attack could have happened on Saturday.",
            "Saturday",
            SAT_PAST,
        ),
        (
            "The vote on Saturday was marred by violence.",
            "Saturday",
            SAT_PAST,
        ),
        ("His visit in May drew protests.", "May", MAY_PAST),
        (
            "On Saturday, gunmen opened fire on a bus.",
            "Saturday",
            SAT_PAST,
        ),
        ("In May, the group claimed an attack.", "May", MAY_PAST),
        ("Sales rose 5 percent in May.", "May", MAY_PAST),
        (
            "The leaders were meeting in May when the news broke.",
            "May",
            MAY_PAST,
        ),
        (
            "Police said the bomb was planted on Saturday.",
            "Saturday",
            SAT_PAST,
        ),
        ("The militants withdrew in May.", "May", MAY_PAST),
    ]);
}

#[test]
fn without_a_cue_the_default_direction_holds() {
    let text = "Saturday's blast in Kabul.";
    let past = DateExtractor::new()
        .with_reference_date(REF)
        .expect("valid reference date");
    assert_eq!(value_of(&past, text, "Saturday"), SAT_PAST);
    let future = past.clone().with_direction(Direction::Future);
    assert_eq!(value_of(&future, text, "Saturday"), SAT_NEXT);
}

#[test]
fn the_switch_turns_cues_off() {
    let ex = DateExtractor::new()
        .with_reference_date(REF)
        .expect("valid reference date")
        .with_tense_cues(false);
    assert_eq!(
        value_of(&ex, "Elections are scheduled for May.", "May"),
        MAY_PAST
    );
    // "will" before the date still reads forward, as before the tense rules.
    assert_eq!(value_of(&ex, "Voting will start in May.", "May"), MAY_NEXT);
}

/// Every cue's own example sentence turns its date the way the cue says.
#[test]
fn every_cue_example_is_read_as_its_cue_says() {
    let ex = DateExtractor::new()
        .with_reference_date(REF)
        .expect("valid reference date");
    for (name, text, dir) in khabar_numdate::date::tense_cue_examples() {
        let found = ex.extract(text);
        let Some(t) = found.first() else {
            panic!("no date in the example {text:?}");
        };
        let iv = t
            .interval
            .unwrap_or_else(|| panic!("{text:?}: {t:?} has no interval"));
        let forward = iv.start.to_string().as_str() > REF;
        assert_eq!(
            forward,
            dir == Direction::Future,
            "cue {name}: {text:?}: {} ({:?})",
            t.value,
            dir
        );
    }
}
