//! The date vocabulary: month, weekday and season names, time units, relative and
//! modifier words, small number words.
//!
//! Every word the date grammar reacts to is listed once in [`LEXICON`]. Lookup goes through an
//! open-addressing hash table built from that table on first use, on the lowercased bytes in
//! a stack buffer (the fast path: no allocation); the tests check it against a linear scan of
//! the table (the reference) on random words.

use std::sync::OnceLock;

/// A time unit, as used in durations, relative dates and sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Whether the unit is a clock unit (durations written `PT…`).
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A season of the (northern-hemisphere) year, TIMEX3 codes SP, SU, FA, WI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// A part of the day, TIMEX3 codes MO, AF, EV, NI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    /// Meal times, "breakfast", "lunch(time)", "dinner(time)": read only after "at",
    /// "around", "before", "after" or with a day ("lunch tomorrow"), since a meal is also an
    /// event ("a dinner hosted by").
    Breakfast,
    Lunch,
    Dinner,
    /// "daytime" (TIMEX `TDT`), "night-time" (`TNT`).
    Daytime,
    Nighttime,
}

impl DayPart {
    /// A meal, daytime or night-time: a part of the day that needs a cue before it.
    pub(crate) fn needs_cue(self) -> bool {
        matches!(
            self,
            DayPart::Breakfast
                | DayPart::Lunch
                | DayPart::Dinner
                | DayPart::Daytime
                | DayPart::Nighttime
        )
    }
}

/// What a word means to the date grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum W {
    Month(u8),
    Weekday(u8),
    Season(Season),
    DayPart(DayPart),
    /// A unit word; `true` when plural ("years").
    Unit(Unit, bool),
    /// A cardinal number word: "one" … "ninety", "a dozen" is handled by the grammar. (A
    /// `u16` keeps a token's meaning, stored per token of a document, to four bytes.)
    Card(u16),
    /// An ordinal word: "first" … "thirty-first" (the tens are [`W::Card`]).
    Ord(u16),
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    /// "now", "currently", "nowadays", "presently".
    Now,
    /// "recently", "lately".
    Recently,
    /// "last", "past", "previous".
    Last,
    /// "next", "coming", "following", "upcoming".
    Next,
    /// "this", "current".
    This,
    /// "recent".
    Recent,
    Early,
    Mid,
    Middle,
    Late,
    /// "beginning", "start".
    Beginning,
    End,
    Ago,
    /// "later", "after" (in "two days after").
    Later,
    /// "earlier", "before".
    Earlier,
    Hence,
    The,
    Of,
    A,
    And,
    Or,
    So,
    To,
    From,
    Between,
    /// "through", "thru", "until", "till", "til".
    Until,
    In,
    On,
    Since,
    By,
    During,
    Within,
    Over,
    Under,
    /// "about", "around", "approximately", "roughly", "nearly", "almost", "some".
    About,
    More,
    Less,
    Fewer,
    Than,
    At,
    Least,
    Most,
    Up,
    Just,
    Few,
    Several,
    Many,
    Some,
    Every,
    Each,
    /// "daily", "weekly", …: a set with that unit.
    Periodic(Unit),
    Half,
    Quarter,
    /// "Q1" … "Q4".
    QuarterCode(u8),
    /// "H1", "H2".
    HalfCode(u8),
    Noon,
    Midnight,
    Am,
    Pm,
    /// "GMT", "UTC", "PST", …: a time zone after a clock time.
    Zone,
    /// "will", "'ll", "shall": future tense.
    Will,
    Another,
    All,
    Full,
    Dozen,
    Future,
    Present,
    Fiscal,
    Hundred,
    Thousand,
    Rest,
    Same,
    Once,
    /// "as" in "as little as", "as long as".
    As,
    /// "couple" in "a couple of weeks".
    Couple,
    /// "that" in "that year".
    That,
    /// "w" in "w/c" (week commencing).
    WeekAbbrev,
    /// "o'clock", "oclock".
    OClock,
}

/// The vocabulary: lowercase word → meaning. Abbreviations are listed with and without
/// their period.
pub(crate) const LEXICON: &[(&str, W)] = &[
    ("january", W::Month(1)),
    ("jan", W::Month(1)),
    ("jan.", W::Month(1)),
    ("february", W::Month(2)),
    ("feb", W::Month(2)),
    ("feb.", W::Month(2)),
    ("march", W::Month(3)),
    ("mar", W::Month(3)),
    ("mar.", W::Month(3)),
    ("april", W::Month(4)),
    ("apr", W::Month(4)),
    ("apr.", W::Month(4)),
    ("may", W::Month(5)),
    ("june", W::Month(6)),
    ("jun", W::Month(6)),
    ("jun.", W::Month(6)),
    ("july", W::Month(7)),
    ("jul", W::Month(7)),
    ("jul.", W::Month(7)),
    ("august", W::Month(8)),
    ("aug", W::Month(8)),
    ("aug.", W::Month(8)),
    ("september", W::Month(9)),
    ("sep", W::Month(9)),
    ("sep.", W::Month(9)),
    ("sept", W::Month(9)),
    ("sept.", W::Month(9)),
    ("october", W::Month(10)),
    ("oct", W::Month(10)),
    ("oct.", W::Month(10)),
    ("november", W::Month(11)),
    ("nov", W::Month(11)),
    ("nov.", W::Month(11)),
    ("december", W::Month(12)),
    ("dec", W::Month(12)),
    ("dec.", W::Month(12)),
    ("monday", W::Weekday(1)),
    ("mon", W::Weekday(1)),
    ("mon.", W::Weekday(1)),
    ("tuesday", W::Weekday(2)),
    ("tue", W::Weekday(2)),
    ("tue.", W::Weekday(2)),
    ("tues", W::Weekday(2)),
    ("tues.", W::Weekday(2)),
    ("wednesday", W::Weekday(3)),
    ("wed", W::Weekday(3)),
    ("wed.", W::Weekday(3)),
    ("thursday", W::Weekday(4)),
    ("thu", W::Weekday(4)),
    ("thu.", W::Weekday(4)),
    ("thur", W::Weekday(4)),
    ("thurs", W::Weekday(4)),
    ("thurs.", W::Weekday(4)),
    ("friday", W::Weekday(5)),
    ("fri", W::Weekday(5)),
    ("fri.", W::Weekday(5)),
    ("saturday", W::Weekday(6)),
    ("sat", W::Weekday(6)),
    ("sat.", W::Weekday(6)),
    ("sunday", W::Weekday(7)),
    ("sun", W::Weekday(7)),
    ("sun.", W::Weekday(7)),
    ("mondays", W::Weekday(1)),
    ("tuesdays", W::Weekday(2)),
    ("wednesdays", W::Weekday(3)),
    ("thursdays", W::Weekday(4)),
    ("fridays", W::Weekday(5)),
    ("saturdays", W::Weekday(6)),
    ("sundays", W::Weekday(7)),
    ("spring", W::Season(Season::Spring)),
    ("summer", W::Season(Season::Summer)),
    ("autumn", W::Season(Season::Fall)),
    ("fall", W::Season(Season::Fall)),
    ("winter", W::Season(Season::Winter)),
    ("morning", W::DayPart(DayPart::Morning)),
    ("afternoon", W::DayPart(DayPart::Afternoon)),
    ("evening", W::DayPart(DayPart::Evening)),
    ("night", W::DayPart(DayPart::Night)),
    ("mornings", W::DayPart(DayPart::Morning)),
    ("afternoons", W::DayPart(DayPart::Afternoon)),
    ("evenings", W::DayPart(DayPart::Evening)),
    ("nights", W::DayPart(DayPart::Night)),
    ("breakfast", W::DayPart(DayPart::Breakfast)),
    ("lunch", W::DayPart(DayPart::Lunch)),
    ("lunchtime", W::DayPart(DayPart::Lunch)),
    ("dinner", W::DayPart(DayPart::Dinner)),
    ("dinnertime", W::DayPart(DayPart::Dinner)),
    ("supper", W::DayPart(DayPart::Dinner)),
    ("daytime", W::DayPart(DayPart::Daytime)),
    ("nighttime", W::DayPart(DayPart::Nighttime)),
    ("second", W::Ord(2)),
    ("seconds", W::Unit(Unit::Second, true)),
    ("sec", W::Unit(Unit::Second, false)),
    ("secs", W::Unit(Unit::Second, true)),
    ("minute", W::Unit(Unit::Minute, false)),
    ("minutes", W::Unit(Unit::Minute, true)),
    ("min", W::Unit(Unit::Minute, false)),
    ("mins", W::Unit(Unit::Minute, true)),
    ("hour", W::Unit(Unit::Hour, false)),
    ("hours", W::Unit(Unit::Hour, true)),
    ("hr", W::Unit(Unit::Hour, false)),
    ("hrs", W::Unit(Unit::Hour, true)),
    ("h", W::Unit(Unit::Hour, false)),
    ("day", W::Unit(Unit::Day, false)),
    ("days", W::Unit(Unit::Day, true)),
    ("week", W::Unit(Unit::Week, false)),
    ("weeks", W::Unit(Unit::Week, true)),
    ("fortnight", W::Unit(Unit::Fortnight, false)),
    ("fortnights", W::Unit(Unit::Fortnight, true)),
    ("weekend", W::Unit(Unit::Weekend, false)),
    ("weekends", W::Unit(Unit::Weekend, true)),
    ("month", W::Unit(Unit::Month, false)),
    ("months", W::Unit(Unit::Month, true)),
    ("quarters", W::Unit(Unit::Quarter, true)),
    ("year", W::Unit(Unit::Year, false)),
    ("years", W::Unit(Unit::Year, true)),
    ("yr", W::Unit(Unit::Year, false)),
    ("yrs", W::Unit(Unit::Year, true)),
    ("decade", W::Unit(Unit::Decade, false)),
    ("decades", W::Unit(Unit::Decade, true)),
    ("century", W::Unit(Unit::Century, false)),
    ("centuries", W::Unit(Unit::Century, true)),
    ("zero", W::Card(0)),
    ("one", W::Card(1)),
    ("two", W::Card(2)),
    ("three", W::Card(3)),
    ("four", W::Card(4)),
    ("five", W::Card(5)),
    ("six", W::Card(6)),
    ("seven", W::Card(7)),
    ("eight", W::Card(8)),
    ("nine", W::Card(9)),
    ("ten", W::Card(10)),
    ("eleven", W::Card(11)),
    ("twelve", W::Card(12)),
    ("thirteen", W::Card(13)),
    ("fourteen", W::Card(14)),
    ("fifteen", W::Card(15)),
    ("sixteen", W::Card(16)),
    ("seventeen", W::Card(17)),
    ("eighteen", W::Card(18)),
    ("nineteen", W::Card(19)),
    ("twenty", W::Card(20)),
    ("thirty", W::Card(30)),
    ("forty", W::Card(40)),
    ("fifty", W::Card(50)),
    ("sixty", W::Card(60)),
    ("seventy", W::Card(70)),
    ("eighty", W::Card(80)),
    ("ninety", W::Card(90)),
    ("first", W::Ord(1)),
    ("third", W::Ord(3)),
    ("fourth", W::Ord(4)),
    ("fifth", W::Ord(5)),
    ("sixth", W::Ord(6)),
    ("seventh", W::Ord(7)),
    ("eighth", W::Ord(8)),
    ("ninth", W::Ord(9)),
    ("tenth", W::Ord(10)),
    ("eleventh", W::Ord(11)),
    ("twelfth", W::Ord(12)),
    ("thirteenth", W::Ord(13)),
    ("fourteenth", W::Ord(14)),
    ("fifteenth", W::Ord(15)),
    ("sixteenth", W::Ord(16)),
    ("seventeenth", W::Ord(17)),
    ("eighteenth", W::Ord(18)),
    ("nineteenth", W::Ord(19)),
    ("twentieth", W::Ord(20)),
    ("thirtieth", W::Ord(30)),
    ("today", W::Today),
    ("yesterday", W::Yesterday),
    ("tomorrow", W::Tomorrow),
    ("tmrw", W::Tomorrow),
    ("tonight", W::Tonight),
    ("tonite", W::Tonight),
    ("now", W::Now),
    ("currently", W::Now),
    ("nowadays", W::Now),
    ("presently", W::Now),
    ("recently", W::Recently),
    ("lately", W::Recently),
    ("last", W::Last),
    ("past", W::Last),
    ("previous", W::Last),
    ("next", W::Next),
    ("coming", W::Next),
    ("following", W::Next),
    ("upcoming", W::Next),
    ("this", W::This),
    ("current", W::This),
    ("recent", W::Recent),
    ("early", W::Early),
    ("mid", W::Mid),
    ("middle", W::Middle),
    ("late", W::Late),
    ("beginning", W::Beginning),
    ("start", W::Beginning),
    ("end", W::End),
    ("ago", W::Ago),
    ("later", W::Later),
    ("after", W::Later),
    ("earlier", W::Earlier),
    ("before", W::Earlier),
    ("hence", W::Hence),
    ("the", W::The),
    ("of", W::Of),
    ("a", W::A),
    ("an", W::A),
    ("and", W::And),
    ("or", W::Or),
    ("so", W::So),
    ("to", W::To),
    ("from", W::From),
    ("between", W::Between),
    ("through", W::Until),
    ("thru", W::Until),
    ("until", W::Until),
    ("untill", W::Until),
    ("till", W::Until),
    ("til", W::Until),
    ("in", W::In),
    ("on", W::On),
    ("since", W::Since),
    ("by", W::By),
    ("during", W::During),
    ("within", W::Within),
    ("over", W::Over),
    ("under", W::Under),
    ("about", W::About),
    ("around", W::About),
    ("circa", W::About),
    ("approximately", W::About),
    ("roughly", W::About),
    ("nearly", W::About),
    ("almost", W::About),
    ("some", W::Some),
    ("more", W::More),
    ("less", W::Less),
    ("fewer", W::Fewer),
    ("than", W::Than),
    ("at", W::At),
    ("least", W::Least),
    ("most", W::Most),
    ("up", W::Up),
    ("just", W::Just),
    ("few", W::Few),
    ("several", W::Several),
    ("many", W::Many),
    ("every", W::Every),
    ("each", W::Each),
    ("daily", W::Periodic(Unit::Day)),
    ("everyday", W::Periodic(Unit::Day)),
    ("weekly", W::Periodic(Unit::Week)),
    ("monthly", W::Periodic(Unit::Month)),
    ("annually", W::Periodic(Unit::Year)),
    ("annual", W::Periodic(Unit::Year)),
    ("yearly", W::Periodic(Unit::Year)),
    ("quarterly", W::Periodic(Unit::Quarter)),
    ("hourly", W::Periodic(Unit::Hour)),
    ("half", W::Half),
    ("quarter", W::Quarter),
    ("qtr", W::Quarter),
    ("q1", W::QuarterCode(1)),
    ("q2", W::QuarterCode(2)),
    ("q3", W::QuarterCode(3)),
    ("q4", W::QuarterCode(4)),
    ("h1", W::HalfCode(1)),
    ("h2", W::HalfCode(2)),
    ("noon", W::Noon),
    ("midday", W::Noon),
    ("midnight", W::Midnight),
    ("am", W::Am),
    ("a.m.", W::Am),
    ("a.m", W::Am),
    ("pm", W::Pm),
    ("p.m.", W::Pm),
    ("p.m", W::Pm),
    ("gmt", W::Zone),
    ("utc", W::Zone),
    ("est", W::Zone),
    ("edt", W::Zone),
    ("pst", W::Zone),
    ("pdt", W::Zone),
    ("cet", W::Zone),
    ("ist", W::Zone),
    ("pkt", W::Zone),
    ("cst", W::Zone),
    ("cdt", W::Zone),
    ("bst", W::Zone),
    ("cest", W::Zone),
    ("mst", W::Zone),
    ("mdt", W::Zone),
    ("will", W::Will),
    ("'ll", W::Will),
    ("shall", W::Will),
    ("another", W::Another),
    ("all", W::All),
    ("full", W::Full),
    ("whole", W::Full),
    ("entire", W::Full),
    ("dozen", W::Dozen),
    ("future", W::Future),
    ("present", W::Present),
    ("fiscal", W::Fiscal),
    ("hundred", W::Hundred),
    ("thousand", W::Thousand),
    ("rest", W::Rest),
    ("remainder", W::Rest),
    ("same", W::Same),
    ("once", W::Once),
    ("as", W::As),
    ("couple", W::Couple),
    ("that", W::That),
    ("w", W::WeekAbbrev),
    ("o'clock", W::OClock),
    ("o’clock", W::OClock),
    ("oclock", W::OClock),
];

/// An open-addressing table over [`LEXICON`], the extra words of
/// [`crate::date::prefilter::grammar_words`] (without a meaning), the first words of
/// holiday names ([`crate::date::holiday::first_words`]) and the other words the
/// productions read ([`crate::date::prefilter::context_words`]), keyed by the lowercase ASCII bytes
/// zero-padded to [`MAX_WORD`] bytes. Fixed-width keys make hashing and comparing a few
/// word-sized operations whatever the word (every token of every document is looked up
/// once, so this is on the hot path); the words are short and the table fixed, so SipHash's
/// defence against chosen keys buys nothing here.
struct Table {
    /// The entries: a padded word, its length and what it is.
    entries: Vec<(Key, u8, Entry)>,
    /// Power-of-two number of slots, at most half full; each slot an index into `entries`
    /// or `u16::MAX` when empty.
    slots: Vec<u16>,
    /// `log2(slots.len())`: the slot is taken from the top bits of the hash.
    bits: u32,
    /// One bit per (length, first byte, last byte) of the entries ([`shape_bit`]): most
    /// words of a text have a shape no entry has and are rejected before they are copied
    /// and hashed.
    shapes: [u64; SHAPE_WORDS],
}

/// What the table says about a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// [`lookup_word`]'s answer: `Some(meaning)` for a lexicon word, `Some(None)` for a
    /// grammar word, `None` for any other word (a holiday's first word included).
    pub(crate) found: Option<Option<W>>,
    /// Whether a holiday name starts with the word
    /// ([`crate::date::holiday::starts_holiday`]).
    pub(crate) holiday: bool,
    /// Whether some production reads the word by its text
    /// ([`crate::date::prefilter::context_words`]).
    pub(crate) context: bool,
}

impl Entry {
    /// A word the table does not hold.
    pub(crate) const ABSENT: Entry = Entry {
        found: None,
        holiday: false,
        context: false,
    };
}

/// A word of at most [`MAX_WORD`] bytes, zero-padded.
type Key = [u8; MAX_WORD];

/// `u64` words in [`Table::shapes`]: 32 classes of first byte × 32 of last byte × the
/// lengths 1 to [`MAX_WORD`].
const SHAPE_WORDS: usize = 32 * 32 * MAX_WORD / 64;

/// The bit of a non-empty word of at most [`MAX_WORD`] bytes in [`Table::shapes`], from its
/// length and its first and last bytes lowercased (their low five bits: distinct for letters,
/// shared by some punctuation, which only lets a word through to the full lookup).
#[inline]
fn shape_bit(word: &[u8]) -> Option<usize> {
    let (first, last) = (word.first()?, word.last()?);
    let len = word.len().checked_sub(1).filter(|&l| l < MAX_WORD)?;
    let f = usize::from(first.to_ascii_lowercase() & 31);
    let l = usize::from(last.to_ascii_lowercase() & 31);
    Some((len * 32 + f) * 32 + l)
}

/// A padded word's hash: its two halves and its length mixed by multiplication (the top
/// bits of the product depend on every input bit).
fn hash_key(key: &Key, len: usize) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let (lo, hi) = key.split_at(8);
    let word = |half: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(half.get(..8).unwrap_or(&[0; 8]));
        u64::from_le_bytes(w)
    };
    let h = (word(lo) ^ (len as u64).rotate_left(56)).wrapping_mul(K);
    (h ^ word(hi).rotate_left(31)).wrapping_mul(K)
}

/// `word` padded, or `None` when it is longer than [`MAX_WORD`] bytes.
fn pad(word: &[u8]) -> Option<Key> {
    let mut key = [0u8; MAX_WORD];
    key.get_mut(..word.len())?.copy_from_slice(word);
    Some(key)
}

/// A multiply-rotate hash of a byte string of any length (for [`WordSet`]).
fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h: u64 = 0;
    for &b in key {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    h
}

impl Table {
    fn build() -> Table {
        // Every word fits (a test checks); a longer one could never be looked up.
        let entries: Vec<(Key, u8, Entry)> = table_words()
            .into_iter()
            .filter_map(|(k, entry)| Some((pad(k.as_bytes())?, u8::try_from(k.len()).ok()?, entry)))
            .collect();
        let n = (entries.len() * 2).next_power_of_two().max(2);
        let bits = n.trailing_zeros();
        let mut slots = vec![u16::MAX; n];
        let mut shapes = [0u64; SHAPE_WORDS];
        for (idx, (k, len, _)) in entries.iter().enumerate() {
            let word = k.get(..usize::from(*len)).unwrap_or(&[]);
            if let Some(bit) = shape_bit(word) {
                if let Some(w) = shapes.get_mut(bit / 64) {
                    *w |= 1 << (bit % 64);
                }
            }
            let mut p = (hash_key(k, usize::from(*len)) >> (64 - bits)) as usize;
            loop {
                match slots.get(p).copied() {
                    Some(u16::MAX) => {
                        if let Some(s) = slots.get_mut(p) {
                            *s = u16::try_from(idx).unwrap_or(u16::MAX);
                        }
                        break;
                    }
                    // First entry wins, like the linear scan (lexicon words before grammar
                    // words before holiday words).
                    Some(j)
                        if entries
                            .get(usize::from(j))
                            .is_some_and(|(kj, lj, _)| kj == k && lj == len) =>
                    {
                        break;
                    }
                    _ => p = (p + 1) & (n - 1),
                }
            }
        }
        Table {
            entries,
            slots,
            bits,
            shapes,
        }
    }

    /// Whether some entry has the length, first and last bytes (in any ASCII case) of
    /// `word`: if not, the table does not hold it.
    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        shape_bit(word).is_some_and(|bit| {
            self.shapes
                .get(bit / 64)
                .is_some_and(|w| w & (1 << (bit % 64)) != 0)
        })
    }

    /// The entry for the padded word `key` of `len` bytes.
    fn get(&self, key: &Key, len: usize) -> Option<Entry> {
        let n = self.slots.len();
        let mut p = (hash_key(key, len) >> (64 - self.bits)) as usize;
        loop {
            let j = *self.slots.get(p)?;
            if j == u16::MAX {
                return None;
            }
            let (k, l, e) = self.entries.get(usize::from(j))?;
            if usize::from(*l) == len && k == key {
                return Some(*e);
            }
            p = (p + 1) & (n - 1);
        }
    }
}

/// Every word the table holds with what it says about it: the lexicon words, then the
/// grammar words, the holiday first words and the context words, in that order (a word
/// listed twice means what its first listing says). The runtime index of the date and
/// number lexica ([`crate::word_index`]) is built from these too.
pub(crate) fn table_words() -> Vec<(String, Entry)> {
    let holiday = crate::date::holiday::starts_holiday;
    let context: Vec<String> = crate::date::prefilter::context_words().collect();
    let words = LEXICON
        .iter()
        .map(|&(k, w)| (k, Some(Some(w))))
        .chain(crate::date::prefilter::grammar_words().map(|k| (k, Some(None))))
        .chain(crate::date::holiday::first_words().map(|k| (k, None)))
        .chain(context.iter().map(|k| (k.as_str(), None)));
    words
        .map(|(k, found)| {
            let entry = Entry {
                found,
                holiday: holiday(k),
                context: context.iter().any(|c| c == k),
            };
            (k.to_owned(), entry)
        })
        .collect()
}

/// A set of lowercase ASCII words (open addressing, hashed with [`hash`]): membership of a
/// word in any case without allocating.
pub(crate) struct WordSet {
    /// Power-of-two number of slots, at most half full; "" when empty.
    slots: Vec<&'static str>,
}

impl WordSet {
    /// A set of `words` (lowercase ASCII; others are never found).
    pub(crate) fn new(words: impl IntoIterator<Item = &'static str>) -> WordSet {
        let words: Vec<&'static str> = words.into_iter().filter(|w| !w.is_empty()).collect();
        let n = (words.len() * 2).next_power_of_two().max(2);
        let mut slots = vec![""; n];
        for w in words {
            let mut p = (hash(w.as_bytes()) as usize) & (n - 1);
            while let Some(slot) = slots.get_mut(p) {
                if slot.is_empty() {
                    *slot = w;
                    break;
                }
                if *slot == w {
                    break;
                }
                p = (p + 1) & (n - 1);
            }
        }
        WordSet { slots }
    }

    /// Whether `word` (any ASCII case) is in the set.
    pub(crate) fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 24];
        let Some(b) = buf.get_mut(..word.len()) else {
            return false;
        };
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        let key: &[u8] = b;
        let n = self.slots.len();
        let mut p = (hash(key) as usize) & (n - 1);
        loop {
            match self.slots.get(p) {
                Some(&"") => return false,
                Some(w) if w.as_bytes() == key => return true,
                Some(_) => p = (p + 1) & (n - 1),
                None => return false,
            }
        }
    }
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(Table::build)
}

/// The longest word in the lexicon, in bytes: longer tokens are not looked up.
pub(crate) const MAX_WORD: usize = 16;

/// Meaning of `word` (any case; typographic apostrophes folded), if it is in the lexicon.
pub(crate) fn lookup(word: &str) -> Option<W> {
    lookup_word(word).flatten()
}

/// `Some(meaning)` when `word` is a lexicon word (`Some(Some(w))`) or a grammar word the
/// productions compare by text (`Some(None)`), else `None`: one hash lookup for both.
pub(crate) fn lookup_word(word: &str) -> Option<Option<W>> {
    lookup_entry(word).found
}

/// Everything the table says about `word` (any case; typographic apostrophes folded), in
/// one lookup: its [`lookup_word`] answer and whether a holiday name starts with it.
pub(crate) fn lookup_entry(word: &str) -> Entry {
    lookup_entry_known(word, word.is_ascii())
}

/// [`lookup_entry`] for a word the caller already knows to be ASCII (`ascii`) or not.
///
/// The length and shape tests are inlined into the caller: most words of a text fail them,
/// and then the call would cost more than the tests.
#[inline]
pub(crate) fn lookup_entry_known(word: &str, ascii: bool) -> Entry {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD || bytes.is_empty() {
        return Entry::ABSENT;
    }
    let table = table();
    if ascii && !table.may_hold(bytes) {
        return Entry::ABSENT;
    }
    lookup_in(table, word, ascii)
}

/// [`lookup_entry_known`] once the word has passed its tests.
fn lookup_in(table: &Table, word: &str, ascii: bool) -> Entry {
    let bytes = word.as_bytes();
    let mut buf = [0u8; MAX_WORD];
    let mut n = 0;
    if ascii {
        // Lower-cased into the zero padding byte by byte: no call to copy a few bytes.
        for (d, c) in buf.iter_mut().zip(bytes) {
            *d = c.to_ascii_lowercase();
        }
        n = bytes.len();
    } else {
        for c in word.chars() {
            let c = if c == '\u{2019}' { '\'' } else { c };
            if !c.is_ascii() {
                return Entry::ABSENT;
            }
            let Some(slot) = buf.get_mut(n) else {
                return Entry::ABSENT;
            };
            *slot = c.to_ascii_lowercase() as u8;
            n += 1;
        }
    }
    table.get(&buf, n).unwrap_or(Entry::ABSENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference: a linear scan of the table on the lowercased word.
    fn lookup_slow(word: &str) -> Option<W> {
        let w = word.replace('\u{2019}', "'").to_lowercase();
        LEXICON.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
    }

    /// Reference for [`lookup_entry`]: linear scans of the lexicon, the grammar words and
    /// the holiday set on the lowercased word.
    fn lookup_entry_slow(word: &str) -> Entry {
        let w = word.replace('\u{2019}', "'").to_lowercase();
        let found = LEXICON
            .iter()
            .find(|(k, _)| *k == w)
            .map(|&(_, v)| Some(v))
            .or_else(|| {
                crate::date::prefilter::grammar_words()
                    .any(|k| k == w)
                    .then_some(None)
            });
        Entry {
            found,
            holiday: crate::date::holiday::starts_holiday(word),
            context: crate::date::prefilter::context_words().any(|c| c == w),
        }
    }

    #[test]
    fn every_table_word_is_found_in_any_case() {
        let words: Vec<String> = LEXICON
            .iter()
            .map(|(k, _)| *k)
            .chain(crate::date::prefilter::grammar_words())
            .chain(crate::date::holiday::first_words())
            .map(str::to_string)
            .chain(crate::date::prefilter::context_words())
            .collect();
        for k in &words {
            let title: String = k
                .char_indices()
                .map(|(n, c)| if n == 0 { c.to_ascii_uppercase() } else { c })
                .collect();
            for v in [k.to_string(), k.to_uppercase(), title] {
                assert_eq!(lookup_entry(&v), lookup_entry_slow(&v), "{v}");
            }
        }
    }

    #[test]
    fn every_entry_is_found() {
        assert!(LEXICON.iter().all(|(k, _)| k.len() <= MAX_WORD));
        for (k, _) in LEXICON {
            assert_eq!(lookup(k), lookup_slow(k), "{k}");
            assert_eq!(lookup(&k.to_uppercase()), lookup_slow(k), "{k}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_set_matches_linear_scan(w in "[a-zA-Z.'-]{0,12}|\\PC{0,6}") {
            let words = ["may", "semi-annually", "o'clock", "x", "christmas", "fy", "the"];
            let set = WordSet::new(words);
            let slow = w.is_ascii() && words.iter().any(|k| k.eq_ignore_ascii_case(&w));
            proptest::prop_assert_eq!(set.contains(&w), slow);
            for k in words {
                proptest::prop_assert!(set.contains(k) && set.contains(&k.to_uppercase()));
            }
        }

        #[test]
        fn entry_lookup_matches_linear_scans(w in "[a-zA-Z.'’-]{0,17}|\\PC{0,6}") {
            // As below: non-ASCII letters may lowercase into ASCII, which the table never
            // holds.
            if w.chars().all(|c| c.is_ascii() || c == '\u{2019}') {
                proptest::prop_assert_eq!(lookup_entry(&w), lookup_entry_slow(&w));
            } else {
                proptest::prop_assert_eq!(lookup_entry(&w).found, None);
                proptest::prop_assert_eq!(lookup_entry(&w).holiday, crate::date::holiday::starts_holiday(&w));
            }
        }

        #[test]
        fn fast_lookup_matches_linear_scan(w in "[a-zA-Z.'’]{0,12}|\\PC{0,6}") {
            // Non-ASCII letters may lowercase into ASCII (e.g. the Kelvin sign); the lexicon is
            // ASCII-only and the fast path rejects non-ASCII input, so compare on ASCII input.
            if w.chars().all(|c| c.is_ascii() || c == '\u{2019}') {
                proptest::prop_assert_eq!(lookup(&w), lookup_slow(&w));
            } else {
                proptest::prop_assert_eq!(lookup(&w), None);
            }
        }
    }
}
