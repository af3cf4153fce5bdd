//! Counts and durations as a person reads them: "1 document", "3 entities", "45 ms".

use std::time::Duration;

/// `n` with the noun in the right number: `count(1, "document", "documents")` is
/// "1 document", `count(0, …)` "0 documents".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// A run's duration: whole milliseconds under a second ("45 ms"), seconds with one decimal
/// under a minute ("12.3 s"), minutes and seconds beyond ("3 min 07 s").
pub fn duration(d: Duration) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        format!("{ms} ms")
    } else if ms < 60_000 {
        format!("{:.1} s", d.as_secs_f64())
    } else {
        let s = d.as_secs();
        format!("{} min {:02} s", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_agree_with_their_count() {
        assert_eq!(count(0, "document", "documents"), "0 documents");
        assert_eq!(count(1, "document", "documents"), "1 document");
        assert_eq!(count(2, "entity", "entities"), "2 entities");
        assert_eq!(count(1, "quantity", "quantities"), "1 quantity");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(Duration::from_micros(300)), "0 ms");
        assert_eq!(duration(Duration::from_millis(45)), "45 ms");
        assert_eq!(duration(Duration::from_millis(999)), "999 ms");
        assert_eq!(duration(Duration::from_millis(1000)), "1.0 s");
        assert_eq!(duration(Duration::from_millis(12_340)), "12.3 s");
        assert_eq!(duration(Duration::from_secs(187)), "3 min 07 s");
    }
}
