//! Shared inputs for khabar's benchmarks: the bundled seed articles and the large real-text
//! corpus that `make bench-data` (i.e. `benches/make_corpus.py`) writes to `benches/data/`.

pub mod corpus {
    //! Benchmark corpora.

    use std::path::PathBuf;

    /// The repository's `seeds/` directory.
    pub fn seeds_dir() -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds"))
    }

    /// The five seed articles, in file-name order.
    ///
    /// # Panics
    /// If `seeds/` is missing or unreadable: benchmarks cannot run without their input.
    pub fn seeds() -> Vec<String> {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(seeds_dir())
            .expect("seeds/ directory")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("seed article is UTF-8"))
            .collect()
    }

    /// The seeds joined into one text, separated by blank lines.
    pub fn seeds_joined() -> String {
        seeds().join("\n\n")
    }

    /// The real-text corpus files `benches/make_corpus.py` writes, smallest first.
    pub const REAL_CORPUS_FILES: [&str; 2] = ["corpus-10mb.txt", "corpus-20mb.txt"];

    /// The line that separates documents in a corpus file (the ASCII record separator).
    pub const DOCUMENT_SEPARATOR: &str = "\n\u{1e}\n";

    /// `benches/data/`, where `make bench-data` writes the corpus and the large gazetteer.
    pub fn data_dir() -> PathBuf {
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data"))
    }

    /// The documents of a corpus file written by `benches/make_corpus.py`, or `None` when
    /// the file is absent or unreadable.
    pub fn read_corpus_file(path: &std::path::Path) -> Option<Vec<String>> {
        let text = std::fs::read_to_string(path).ok()?;
        Some(text.split(DOCUMENT_SEPARATOR).map(str::to_owned).collect())
    }

    /// The real-text corpus (Debian-shipped English prose, man pages, quotations, licences
    /// and the seeds, mixed and shuffled: see `benches/make_corpus.py` and
    /// `benches/data/SOURCES.md`): its first documents adding up to at least `min_bytes`.
    ///
    /// The smallest corpus file holding `min_bytes` is used; when `min_bytes` exceeds the
    /// largest file, its documents are cycled (said on stderr: a repeated corpus flatters
    /// caches). When no corpus file exists at all, this warns loudly and falls back to
    /// [`synthetic`], the seeds repeated with light variation, which is NOT what the
    /// published figures are measured on: run `make bench-data` first.
    pub fn large(min_bytes: usize) -> Vec<String> {
        let dir = data_dir();
        let mut largest: Option<Vec<String>> = None;
        for name in REAL_CORPUS_FILES {
            if let Some(docs) = read_corpus_file(&dir.join(name)) {
                if bytes(&docs) >= min_bytes as u64 {
                    return take_bytes(&docs, min_bytes);
                }
                largest = Some(docs);
            }
        }
        if let Some(docs) = largest {
            eprintln!(
                "note: {min_bytes} bytes asked for, the largest real corpus holds {}: its \
                 documents are repeated to reach the size",
                bytes(&docs)
            );
            return take_bytes(&docs, min_bytes);
        }
        eprintln!(
            "\n{bar}\nWARNING: no real-text corpus in {dir} — falling back to the SEEDS \
             REPEATED\nwith light variation, which flatters caches and branch predictors.\n\
             These figures are NOT comparable with the published ones. Build the corpus with\n\
             \n    make bench-data        (or: python3 benches/make_corpus.py)\n{bar}\n",
            bar = "=".repeat(78),
            dir = dir.display()
        );
        synthetic(min_bytes)
    }

    /// Documents from `docs` in order, cycling, until they add up to at least `min_bytes`.
    pub(crate) fn take_bytes(docs: &[String], min_bytes: usize) -> Vec<String> {
        let mut out = Vec::new();
        if bytes(docs) == 0 {
            return out;
        }
        let mut total = 0usize;
        for d in docs.iter().cycle() {
            if total >= min_bytes {
                break;
            }
            total += d.len();
            out.push(d.clone());
        }
        out
    }

    /// The fallback corpus: the seed articles repeated with light, deterministic variation
    /// (numbers, names and casing change between copies). Use [`large`] instead: this one
    /// exists so that a bench still runs, loudly, before `make bench-data`.
    pub fn synthetic(min_bytes: usize) -> Vec<String> {
        let seeds = seeds();
        let variants = [
            ("Kabul", "Jalalabad"),
            ("Taliban", "Taleban"),
            ("IS-K", "ISIS-K"),
            ("Jowzjan", "Jawzjan"),
            ("2017", "2019"),
            ("4,000", "3,500"),
            ("fighters", "militants"),
        ];
        let mut out = Vec::new();
        let mut total = 0usize;
        let mut k = 0usize;
        while total < min_bytes {
            let mut doc = seeds[k % seeds.len()].clone();
            let (a, b) = variants[k % variants.len()];
            if k % 2 == 1 {
                doc = doc.replace(a, b);
            }
            if k % 3 == 2 {
                doc = doc.replace("the ", "The ");
            }
            total += doc.len();
            out.push(doc);
            k += 1;
        }
        out
    }

    /// The short-note corpus `benches/make_notes.py` writes (`make bench-data`).
    pub const NOTES_FILE: &str = "notes.txt";

    /// Short notes (~200 bytes: a few sentences of the real-text corpus each, see
    /// `benches/make_notes.py`): the first `count` of `benches/data/notes.txt`, cycled when
    /// it holds fewer. Without the file, this warns and falls back to the seeds' lines of
    /// 60 bytes or more, cycled (news text only: not the published mix).
    pub fn notes(count: usize) -> Vec<String> {
        let docs = read_corpus_file(&data_dir().join(NOTES_FILE))
            .filter(|d| bytes(d) > 0)
            .unwrap_or_else(|| {
                eprintln!(
                    "WARNING: no {NOTES_FILE} in {}: short notes fall back to the seeds' lines. \
                     Build it with `make bench-data` (or: python3 benches/make_notes.py)",
                    data_dir().display()
                );
                seed_lines()
            });
        docs.iter().cycle().take(count).cloned().collect()
    }

    /// The seeds' lines of at least 60 bytes: the fallback for [`notes`].
    fn seed_lines() -> Vec<String> {
        seeds()
            .iter()
            .flat_map(|d| d.lines().filter(|l| l.len() >= 60).map(str::to_owned))
            .collect::<Vec<_>>()
    }

    /// Total bytes of a corpus.
    pub fn bytes(docs: &[String]) -> u64 {
        docs.iter().map(|d| d.len() as u64).sum()
    }

    /// Ten megabytes (10⁷ bytes): the size of the "large corpus" figures, the size of
    /// `benches/data/corpus-10mb.txt`.
    pub const TEN_MB: usize = 10_000_000;
}

#[cfg(test)]
mod tests {
    use super::corpus;

    #[test]
    fn corpus_file_round_trip_and_take_bytes_cycles() {
        let dir = std::env::temp_dir().join(format!("khabar-benches-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("corpus.txt");
        let docs = ["first document", "second", "third one"];
        std::fs::write(&path, docs.join(corpus::DOCUMENT_SEPARATOR)).expect("write");
        let read = corpus::read_corpus_file(&path).expect("read back");
        assert_eq!(read, docs);
        // More bytes than the file holds: documents repeat in order.
        let total: usize = docs.iter().map(|d| d.len()).sum();
        let taken = corpus::take_bytes(&read, total + 1);
        assert_eq!(taken.len(), 4);
        assert_eq!(taken[3], "first document");
        assert!(corpus::take_bytes(&[String::new()], 10).is_empty());
        assert!(corpus::read_corpus_file(&dir.join("missing.txt")).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn notes_are_short_and_counted() {
        let notes = corpus::notes(300);
        assert_eq!(notes.len(), 300);
        assert!(notes.iter().all(|n| !n.is_empty() && n.len() < 2_000));
    }

    #[test]
    fn synthetic_fallback_reaches_the_size() {
        let docs = corpus::synthetic(100_000);
        assert!(corpus::bytes(&docs) >= 100_000);
    }
}
