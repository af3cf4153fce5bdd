//! English number words: what each word means to the number grammar.

/// The role one word plays in a spelled-out number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    /// "zero", "nought", "naught", "nil".
    Zero,
    /// "one" … "nine" (value 1–9).
    Unit(u8),
    /// "ten" … "nineteen" (value 10–19).
    Teen(u8),
    /// "twenty" … "ninety" (value 20–90).
    Tens(u8),
    /// "hundred" (and "hundreds" when `plural`).
    Hundred,
    /// "thousand", "million", "lakh", …: the power of ten.
    Scale(u8),
    /// "dozen" / "dozens".
    Dozen,
    /// "a" / "an", which counts as one before "hundred", "dozen", "quarter", ….
    Article,
    /// "and".
    And,
    /// "half" / "halves".
    Half,
    /// "quarter" / "quarters".
    Quarter,
    /// "point", for spelled decimals ("five point five").
    Point,
    /// "minus" / "negative".
    Minus,
    /// An ordinal of a unit: "first" … "ninth".
    OrdUnit(u8),
    /// "tenth" … "nineteenth".
    OrdTeen(u8),
    /// "twentieth" … "ninetieth".
    OrdTens(u8),
    /// "hundredth".
    OrdHundred,
    /// "thousandth", "millionth", …: the power of ten.
    OrdScale(u8),
}

/// A looked-up word: its role and whether it was a plural form ("thousands", "fifths").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) lex: Lex,
    pub(crate) plural: bool,
}

/// Looks up one word, ASCII case-insensitively. Words longer than the longest entry or with
/// non-ASCII letters are never number words.
#[inline]
pub(crate) fn lookup(word: &str) -> Option<Entry> {
    // The shape test first, inlined into the callers (the quantity extractor asks for
    // every word of a text, and most are out at once); the rest only for the few that pass.
    let b = word.as_bytes();
    let (first, last) = (b.first()?, b.last()?);
    if b.len() > 14
        || !has_shape(
            b.len(),
            first.to_ascii_lowercase(),
            last.to_ascii_lowercase(),
        )
    {
        return None;
    }
    lookup_shaped(word)
}

/// [`lookup`] for a word whose shape some number word has.
fn lookup_shaped(word: &str) -> Option<Entry> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 14 || !b.is_ascii() {
        return None;
    }
    // Cheap filter first: most words of a text have a (first letter, length) pair that no
    // number word has, singular or plural.
    let first = b.first()?.to_ascii_lowercase();
    let letter = usize::from(first.wrapping_sub(b'a'));
    let mask = LENGTHS.get(letter).copied().unwrap_or(0);
    let singular_len = mask & (1 << b.len()) != 0;
    let plural_len = mask & (1 << (b.len() - 1)) != 0 || b.len() == 6;
    if !singular_len && !plural_len {
        return None;
    }
    let mut buf = [0u8; 14];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    let lower = buf.get(..b.len())?;
    if singular_len {
        if let Some(lex) = singular(lower) {
            return Some(Entry { lex, plural: false });
        }
    }
    // Plurals: "thousands", "fifths", "quarters", "halves", "dozens", "hundreds"; also the
    // abbreviations "dzs", "dozs".
    let stem: &[u8] = if lower == b"halves" {
        b"half"
    } else {
        lower.strip_suffix(b"s")?
    };
    match singular(stem) {
        Some(lex) if takes_plural(lex) => Some(Entry { lex, plural: true }),
        _ => None,
    }
}

/// Every word [`lookup`] finds, in lowercase, with its entry: the words of the table, then
/// the plurals of those that take one ("thousands", "fifths") and "halves". The runtime
/// index of the date and number lexica ([`crate::word_index`]) is built from these.
pub(crate) fn table_words() -> Vec<(String, Entry)> {
    let singulars = WORDS.iter().map(|&(w, lex)| {
        let entry = Entry { lex, plural: false };
        (w.to_owned(), entry)
    });
    let plurals = WORDS
        .iter()
        .filter(|&&(_, lex)| takes_plural(lex))
        .map(|&(w, lex)| (format!("{w}s"), lex))
        .chain([("halves".to_owned(), Lex::Half)])
        .map(|(w, lex)| (w, Entry { lex, plural: true }));
    singulars
        .chain(plurals)
        .filter(|(w, _)| w.len() <= MAX_LEN)
        .collect()
}

/// The longest word [`lookup`] finds, in bytes.
const MAX_LEN: usize = 14;

/// One bit per (length, first letter, last letter) of a word [`lookup`] can find: every
/// singular word, the same with an "s" and "halves". Few words of a text have a shape a
/// number word has, and they are rejected before they are copied and compared.
const SHAPES: [u64; 16 * 26 * 26 / 64 + 1] = {
    let mut out = [0u64; 16 * 26 * 26 / 64 + 1];
    let mut i = 0;
    while i < WORDS.len() + 1 {
        let w = if i < WORDS.len() {
            WORDS[i].0.as_bytes()
        } else {
            b"halves".as_slice()
        };
        let first = (w[0] - b'a') as usize;
        let last = (w[w.len() - 1] - b'a') as usize;
        let bit = (w.len() * 26 + first) * 26 + last;
        out[bit / 64] |= 1 << (bit % 64);
        let plural = ((w.len() + 1) * 26 + first) * 26 + (b's' - b'a') as usize;
        if w.len() + 1 < 16 {
            out[plural / 64] |= 1 << (plural % 64);
        }
        i += 1;
    }
    out
};

/// Whether some word [`lookup`] can find has `len` bytes, the lowercase first letter
/// `first` and last byte `last` (lowercased).
fn has_shape(len: usize, first: u8, last: u8) -> bool {
    let (Some(f), Some(l)) = (first.checked_sub(b'a'), last.checked_sub(b'a')) else {
        return false;
    };
    if len >= 16 || f >= 26 || l >= 26 {
        return false;
    }
    let bit = (len * 26 + usize::from(f)) * 26 + usize::from(l);
    SHAPES
        .get(bit / 64)
        .is_some_and(|w| w & (1 << (bit % 64)) != 0)
}

/// For each letter a–z, a bit set of the lengths of the singular words starting with it.
const LENGTHS: [u32; 26] = {
    let mut out = [0u32; 26];
    let mut i = 0;
    while i < WORDS.len() {
        let w = WORDS[i].0.as_bytes();
        let letter = (w[0] - b'a') as usize;
        out[letter] |= 1 << w.len();
        i += 1;
    }
    out
};

/// Every singular number word, sorted by bytes for binary search (a `match` over a hundred
/// strings compares them one after another, and this runs for every word of the text).
const WORDS: &[(&str, Lex)] = {
    use Lex::*;
    &[
        ("a", Article),
        ("an", Article),
        ("and", And),
        ("billion", Scale(9)),
        ("billionth", OrdScale(9)),
        ("cr", Scale(7)),
        ("crore", Scale(7)),
        ("doz", Dozen),
        ("dozen", Dozen),
        ("dz", Dozen),
        ("eight", Unit(8)),
        ("eighteen", Teen(18)),
        ("eighteenth", OrdTeen(18)),
        ("eighth", OrdUnit(8)),
        ("eightieth", OrdTens(80)),
        ("eighty", Tens(80)),
        ("eleven", Teen(11)),
        ("eleventh", OrdTeen(11)),
        ("fifteen", Teen(15)),
        ("fifteenth", OrdTeen(15)),
        ("fifth", OrdUnit(5)),
        ("fiftieth", OrdTens(50)),
        ("fifty", Tens(50)),
        ("first", OrdUnit(1)),
        ("five", Unit(5)),
        ("fortieth", OrdTens(40)),
        ("forty", Tens(40)),
        ("four", Unit(4)),
        ("fourteen", Teen(14)),
        ("fourteenth", OrdTeen(14)),
        ("fourth", OrdUnit(4)),
        ("fourty", Tens(40)),
        ("half", Half),
        ("hundred", Hundred),
        ("hundredth", OrdHundred),
        ("koti", Scale(7)),
        ("krore", Scale(7)),
        ("lac", Scale(5)),
        ("lakh", Scale(5)),
        ("lkh", Scale(5)),
        ("million", Scale(6)),
        ("millionth", OrdScale(6)),
        ("minus", Minus),
        ("naught", Zero),
        ("negative", Minus),
        ("nil", Zero),
        ("nine", Unit(9)),
        ("nineteen", Teen(19)),
        ("nineteenth", OrdTeen(19)),
        ("nineth", OrdUnit(9)),
        ("ninetieth", OrdTens(90)),
        ("ninety", Tens(90)),
        ("ninth", OrdUnit(9)),
        ("nought", Zero),
        ("one", Unit(1)),
        ("point", Point),
        ("quarter", Quarter),
        ("second", OrdUnit(2)),
        ("seven", Unit(7)),
        ("seventeen", Teen(17)),
        ("seventeenth", OrdTeen(17)),
        ("seventh", OrdUnit(7)),
        ("seventieth", OrdTens(70)),
        ("seventy", Tens(70)),
        ("six", Unit(6)),
        ("sixteen", Teen(16)),
        ("sixteenth", OrdTeen(16)),
        ("sixth", OrdUnit(6)),
        ("sixtieth", OrdTens(60)),
        ("sixty", Tens(60)),
        ("ten", Teen(10)),
        ("tenth", OrdTeen(10)),
        ("third", OrdUnit(3)),
        ("thirteen", Teen(13)),
        ("thirteenth", OrdTeen(13)),
        ("thirtieth", OrdTens(30)),
        ("thirty", Tens(30)),
        ("thousand", Scale(3)),
        ("thousandth", OrdScale(3)),
        ("three", Unit(3)),
        ("trillion", Scale(12)),
        ("trillionth", OrdScale(12)),
        ("twelfth", OrdTeen(12)),
        ("twelve", Teen(12)),
        ("twentieth", OrdTens(20)),
        ("twenty", Tens(20)),
        ("two", Unit(2)),
        ("zero", Zero),
    ]
};

/// Whether a word's plural is a number word too ("hundreds", "dozens", "halves",
/// "thirds", "millionths").
fn takes_plural(lex: Lex) -> bool {
    matches!(
        lex,
        Lex::Hundred
            | Lex::Scale(_)
            | Lex::Dozen
            | Lex::Half
            | Lex::Quarter
            | Lex::OrdUnit(_)
            | Lex::OrdTeen(_)
            | Lex::OrdTens(_)
            | Lex::OrdHundred
            | Lex::OrdScale(_)
    )
}

fn singular(w: &[u8]) -> Option<Lex> {
    // Scan only the words with the same first letter, comparing lengths before bytes: this
    // runs for most words of a text, and a binary search pays a `memcmp` call per probe.
    let letter = usize::from(w.first()?.wrapping_sub(b'a'));
    let &(start, end) = BUCKETS.get(letter)?;
    WORDS
        .get(usize::from(start)..usize::from(end))?
        .iter()
        .find(|(k, _)| k.len() == w.len() && k.as_bytes() == w)
        .map(|&(_, lex)| lex)
}

/// For each letter a–z, the range of `WORDS` starting with it (`WORDS` is sorted).
const BUCKETS: [(u8, u8); 26] = {
    let mut out = [(0u8, 0u8); 26];
    let mut i = 0;
    while i < WORDS.len() {
        let letter = (WORDS[i].0.as_bytes()[0] - b'a') as usize;
        if out[letter].1 == 0 {
            out[letter].0 = i as u8;
        }
        out[letter].1 = i as u8 + 1;
        i += 1;
    }
    out
};

/// Multipliers written as a suffix of digits ("5bn", "10k") or as a separate abbreviation
/// after digits ("2.33 k", "10 bln"): the power of ten. Lower-case "m" is left out on
/// purpose: "1m" is far more often a metre than a million outside money (the quantity
/// extractor reads "$5m" as money itself).
pub(crate) fn suffix_scale(s: &str) -> Option<u8> {
    Some(match s {
        "k" | "K" => 3,
        "M" | "MM" | "mn" | "mln" | "mil" | "Mn" => 6,
        "bn" | "bln" | "Bn" | "BN" => 9,
        "tn" | "tln" | "Tn" | "trn" => 12,
        _ => return None,
    })
}

/// Ordinal suffixes on digits: "1st", "2nd", "3rd", "4th" (and "1th" typos are rejected).
pub(crate) fn ordinal_suffix_ok(value: u64, suffix: &str) -> bool {
    let s = suffix.to_ascii_lowercase();
    let last_two = value % 100;
    let expected = if (11..=13).contains(&last_two) {
        "th"
    } else {
        match value % 10 {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        }
    };
    // "2d"/"3d" appear in older military style ("3d Battalion").
    s == expected || (s == "d" && matches!(value % 10, 2 | 3) && !(11..=13).contains(&last_two))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference for [`lookup`]: the word lowercased, then the singular table scanned, then
    /// the plural forms, with no filter.
    fn lookup_slow(word: &str) -> Option<Entry> {
        if word.is_empty() || word.len() > 14 || !word.is_ascii() {
            return None;
        }
        let w = word.to_ascii_lowercase();
        let find = |k: &str| WORDS.iter().find(|(x, _)| *x == k).map(|&(_, lex)| lex);
        if let Some(lex) = find(&w) {
            return Some(Entry { lex, plural: false });
        }
        let stem = if w == "halves" {
            "half"
        } else {
            w.strip_suffix('s')?
        };
        match find(stem)? {
            lex if takes_plural(lex) => Some(Entry { lex, plural: true }),
            _ => None,
        }
    }

    #[test]
    fn every_word_and_plural_is_found() {
        for (w, _) in WORDS {
            for v in [
                w.to_string(),
                format!("{w}s"),
                w.to_uppercase(),
                format!("{w}S"),
            ] {
                assert_eq!(lookup(&v), lookup_slow(&v), "{v}");
            }
        }
        for v in ["halves", "Halves", "dzs", "dozs", "a", "s", ""] {
            assert_eq!(lookup(v), lookup_slow(v), "{v}");
        }
    }

    proptest::proptest! {
        #[test]
        fn filtered_lookup_matches_reference(w in "[a-zA-Z]{1,15}|[a-z]{2,8}s|[a-z0-9'’-]{1,6}|\\PC{1,4}") {
            proptest::prop_assert_eq!(lookup(&w), lookup_slow(&w));
        }
    }

    #[test]
    fn table_is_sorted_and_found() {
        assert!(
            WORDS
                .windows(2)
                .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes())
        );
        for (w, lex) in WORDS {
            assert_eq!(singular(w.as_bytes()), Some(*lex), "{w}");
            assert_eq!(lookup(w).map(|e| e.lex), Some(*lex), "{w}");
        }
        assert_eq!(
            lookup("Thousands").map(|e| (e.lex, e.plural)),
            Some((Lex::Scale(3), true))
        );
        assert_eq!(lookup("fifths").map(|e| e.plural), Some(true));
        assert_eq!(lookup("halves").map(|e| e.lex), Some(Lex::Half));
        assert!(lookup("people").is_none());
    }
}
