//! Common English words, for `khabar gazetteer check`: an alias matched case-insensitively
//! that folds to one of these ("Dawn", "Nation", "Hub") will fire on ordinary prose.
//! Hand-kept; function words and frequent nouns, verbs and adjectives of news text.

/// Whether `w` (already case-folded) is a common English word.
pub fn is_common_word(w: &str) -> bool {
    COMMON.binary_search(&w).is_ok()
}

/// Sorted, lower-case.
static COMMON: &[&str] = &[
    "a", "able", "about", "above", "across", "act", "action", "after", "again", "against", "age",
    "ago", "agree", "aid", "air", "all", "allow", "also", "am", "among", "an", "and", "another",
    "any", "area", "arm", "army", "around", "art", "as", "ask", "at", "attack", "away", "back",
    "bad", "bank", "base", "be", "bear", "beat", "because", "become", "bed", "been", "before",
    "began", "being", "below", "best", "better", "between", "big", "bill", "bit", "black", "blue",
    "board", "body", "book", "border", "both", "box", "boy", "break", "bridge", "bring", "brown",
    "build", "burn", "business", "but", "buy", "by", "call", "camp", "can", "cap", "capital",
    "car", "care", "carry", "case", "cause", "cell", "center", "centre", "chance", "change",
    "charge", "check", "chief", "child", "church", "city", "claim", "class", "clear", "close",
    "cold", "come", "common", "control", "cost", "could", "council", "country", "course", "court",
    "cover", "cross", "cut", "dark", "dawn", "day", "dead", "deal", "death", "deep", "defence",
    "defense", "did", "die", "do", "does", "dog", "door", "down", "draw", "drive", "drop",
    "during", "each", "early", "east", "easy", "eat", "effect", "eight", "either", "else", "end",
    "enemy", "enough", "even", "event", "ever", "every", "eye", "face", "fact", "fail", "fall",
    "family", "far", "fast", "father", "fear", "feel", "few", "field", "fight", "figure", "fill",
    "find", "fine", "fire", "first", "five", "flag", "floor", "fly", "follow", "food", "for",
    "force", "foreign", "form", "four", "free", "friend", "from", "front", "full", "game", "gate",
    "gave", "general", "get", "girl", "give", "go", "gold", "good", "got", "great", "green",
    "ground", "group", "grow", "guard", "gun", "had", "half", "hand", "hard", "has", "have", "he",
    "head", "hear", "heart", "heat", "held", "help", "her", "here", "high", "hill", "him", "his",
    "hit", "hold", "home", "hope", "horse", "hospital", "hot", "hour", "house", "how", "hub",
    "human", "hundred", "i", "idea", "if", "in", "into", "iron", "is", "it", "its", "job", "join",
    "just", "keep", "key", "kill", "kind", "king", "know", "land", "large", "last", "late", "law",
    "lead", "leader", "least", "leave", "left", "less", "let", "level", "lie", "life", "light",
    "like", "line", "list", "little", "live", "local", "long", "look", "lose", "lost", "lot",
    "love", "low", "made", "main", "major", "make", "man", "many", "march", "mark", "market",
    "mass", "matter", "may", "me", "mean", "meet", "member", "men", "might", "mile", "military",
    "mind", "mine", "minister", "miss", "model", "money", "month", "more", "morning", "most",
    "mother", "move", "much", "must", "my", "name", "nation", "national", "near", "need",
    "network", "never", "new", "news", "next", "night", "nine", "no", "none", "north", "not",
    "note", "now", "number", "of", "off", "office", "officer", "often", "oil", "old", "on", "once",
    "one", "only", "open", "or", "order", "other", "our", "out", "over", "own", "page", "paper",
    "part", "party", "pass", "past", "pay", "peace", "people", "per", "place", "plan", "play",
    "point", "police", "policy", "port", "post", "power", "press", "price", "prison", "public",
    "pull", "push", "put", "race", "rain", "raise", "ran", "rate", "reach", "read", "ready",
    "real", "record", "red", "report", "rest", "return", "right", "river", "road", "rock", "role",
    "room", "rose", "round", "rule", "run", "safe", "said", "same", "save", "saw", "say", "school",
    "sea", "second", "security", "see", "seem", "send", "sense", "set", "seven", "several",
    "shall", "she", "short", "shot", "should", "show", "side", "sign", "since", "six", "small",
    "so", "some", "son", "soon", "south", "speak", "spring", "staff", "stand", "star", "start",
    "state", "station", "stay", "step", "still", "stop", "store", "story", "street", "strike",
    "strong", "such", "summer", "sun", "support", "sure", "table", "take", "talk", "tank", "team",
    "tell", "ten", "term", "test", "than", "that", "the", "their", "them", "then", "there",
    "these", "they", "thing", "think", "third", "this", "those", "though", "three", "through",
    "time", "to", "today", "together", "too", "top", "total", "town", "trade", "train", "tree",
    "trial", "troop", "true", "try", "turn", "two", "under", "union", "unit", "until", "up",
    "upon", "us", "use", "valley", "very", "view", "village", "visit", "voice", "wait", "walk",
    "wall", "want", "war", "was", "watch", "water", "way", "we", "well", "went", "were", "west",
    "what", "when", "where", "which", "while", "white", "who", "whole", "why", "will", "win",
    "winter", "with", "within", "without", "woman", "women", "word", "work", "world", "would",
    "write", "year", "yes", "yet", "you", "young", "your",
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_list_is_sorted_and_lower_case() {
        assert!(
            super::COMMON.windows(2).all(|w| w[0] < w[1]),
            "COMMON must be sorted for binary search"
        );
        assert!(
            super::COMMON
                .iter()
                .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
        );
        assert!(super::is_common_word("dawn") && !super::is_common_word("kabul"));
    }
}
