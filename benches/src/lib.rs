//! Shared inputs for khabar's benchmarks: the bundled seed articles and a large corpus
//! generated from them.

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

    /// A corpus of at least `min_bytes`, made of the seed articles repeated with light,
    /// deterministic variation (numbers, names and casing change between copies so that
    /// caches and branch predictors do not see one text over and over).
    pub fn large(min_bytes: usize) -> Vec<String> {
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

    /// Total bytes of a corpus.
    pub fn bytes(docs: &[String]) -> u64 {
        docs.iter().map(|d| d.len() as u64).sum()
    }

    /// Ten mebibytes: the size of the "large corpus" figures in the issues.
    pub const TEN_MB: usize = 10 * 1024 * 1024;
}
