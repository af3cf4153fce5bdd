//! Helpers the command-line suites share: running `khabar` in-process and the seed articles.

// Each suite is its own crate and uses only some of these.
#![allow(dead_code)]

use khabar_cli::{Terminal, run_with};

/// A terminal on stdout (tables by default), none on stderr (no progress bar).
pub const TERMINAL: Terminal = Terminal {
    stdout: true,
    stderr: false,
};

/// Runs `khabar ARGS` with no terminal: (exit code, stdout, stderr).
pub fn khabar(args: &[&str]) -> (i32, String, String) {
    khabar_on(args, Terminal::default())
}

/// Runs `khabar ARGS` as if on `terminal`: (exit code, stdout, stderr).
pub fn khabar_on(args: &[&str], terminal: Terminal) -> (i32, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let argv = std::iter::once("khabar").chain(args.iter().copied());
    let code = run_with(argv, &mut out, &mut err, terminal);
    (
        code,
        String::from_utf8(out).unwrap_or_default(),
        String::from_utf8(err).unwrap_or_default(),
    )
}

/// The seed articles' directory.
pub fn seeds() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds").to_owned()
}

/// The path of the seed article `name`.
pub fn seed(name: &str) -> String {
    format!("{}/{name}", seeds())
}
