//! Print the temporal expressions of texts or files.
//!
//! ```text
//! cargo run -p khabar-numdate --example dates -- 2018-01-26 "in early 2015" @seeds/001_b8812a867799887f.txt
//! ```
//!
//! The first argument is the reference date (`-` for none); each further argument is a text,
//! or `@path` for a file.

use khabar_numdate::DateExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let reference = args.next().unwrap_or_else(|| "-".to_string());
    let mut ex = DateExtractor::new().with_reference_detection(true);
    if reference != "-" {
        ex = ex.with_reference_date(&reference)?;
    }
    for arg in args {
        let text = match arg.strip_prefix('@') {
            Some(path) => std::fs::read_to_string(path)?,
            None => arg,
        };
        for t in ex.extract(&text) {
            let md = t.modifier.map(|m| m.as_str()).unwrap_or("");
            let iv = t
                .interval
                .map(|i| format!("{}..={} {:?}", i.start, i.end, i.granularity))
                .unwrap_or_default();
            println!(
                "{:>6}-{:<6} {:<36} {:<8} {:<20} {:<13} {iv}",
                t.span.start,
                t.span.end,
                format!("{:?}", t.text),
                t.kind.as_str(),
                t.value,
                md
            );
        }
    }
    Ok(())
}
