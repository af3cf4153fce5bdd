//! The repository's seed articles for Rust tests: one reader shared by the crates' unit and
//! integration tests (each includes this file with `#[path]`), since they all read
//! `seeds/*.txt` from the workspace root.

/// Each seed article (`seeds/*.txt` of the workspace, sorted by name) with its path. Panics
/// when there is none: the seeds are part of the repository.
pub fn articles() -> Vec<(std::path::PathBuf, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed articles in {dir}");
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("UTF-8 seed text");
            (p, text)
        })
        .collect()
}
