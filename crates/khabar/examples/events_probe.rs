//! Prints the role facts and events of each line of standard input.
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let nlp = khabar::Pipeline::new()?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let doc = nlp.process(&line);
        println!("# {line}");
        for f in &doc.roles {
            println!(
                "  fact {:?} {} {:?} class={:?} group={:?} sub={} cue={:?} noun={:?}",
                f.text,
                f.role,
                f.count,
                f.class,
                f.group.as_ref().map(|g| &g.name),
                f.subcount,
                f.cue,
                f.noun
            );
        }
        for e in &doc.events {
            println!(
                "  event {} counts={:?} perp={:?} target={:?} place={:?} date={:?}",
                e.event_type,
                e.counts,
                e.perpetrator.as_ref().map(|p| (&p.name, &p.via)),
                e.target.as_ref().map(|p| &p.name),
                e.place.as_ref().map(|p| (&p.name, &p.province)),
                e.date.as_ref().map(|d| (&d.value, d.source))
            );
        }
    }
    Ok(())
}
