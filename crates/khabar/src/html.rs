//! An HTML rendering of a [`Document`]: the text with entities, quantities and dates
//! highlighted, for notebooks and reports.

use crate::document::Document;
use khabar_tokenize::Span;
use std::fmt::Write;

/// Options for [`Document::to_html_with`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HtmlOptions {
    /// At most this many bytes of text are rendered; the rest is summarised in one line.
    pub max_bytes: usize,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions { max_bytes: 100_000 }
    }
}

/// One highlighted span: where, which layer, what the tooltip says.
struct Mark {
    span: Span,
    class: &'static str,
    label: String,
    title: String,
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

const STYLE: &str = "<style>\
.khabar{font-family:system-ui,sans-serif;line-height:1.9;white-space:pre-wrap;max-width:60em}\
.khabar mark{border-radius:.3em;padding:.05em .25em;}\
.khabar mark small{font-size:.65em;font-weight:600;margin-left:.3em;opacity:.7;text-transform:uppercase}\
.khabar .kh-entity{background:#dbeafe}.khabar .kh-quantity{background:#fde68a}\
.khabar .kh-date{background:#bbf7d0}.khabar .kh-more{color:#666;font-style:italic}\
.khabar .kh-legend{font-size:.8em;color:#444;margin-bottom:.5em;white-space:normal}\
</style>";

impl Document {
    /// Renders the document as a self-contained HTML fragment (see [`Document::to_html_with`]).
    pub fn to_html(&self) -> String {
        self.to_html_with(HtmlOptions::default())
    }

    /// Renders the text with entities (blue), quantities (yellow) and dates (green)
    /// highlighted; each mark's tooltip gives the canonical entry or the resolved value. All
    /// text is HTML-escaped. Where marks overlap, dates win over quantities and quantities over
    /// entities, as in the pipeline. Texts longer than `max_bytes` are cut at a character
    /// boundary with a note saying how much was left out.
    ///
    /// ```
    /// let nlp = khabar::Pipeline::new()?;
    /// let html = nlp.process("<b>IS-K</b> killed 13 people").to_html();
    /// assert!(html.contains("&lt;b&gt;"));
    /// assert!(html.contains(r#"class="kh-entity""#));
    /// # Ok::<(), khabar::Error>(())
    /// ```
    pub fn to_html_with(&self, options: HtmlOptions) -> String {
        let text = self.text.as_str();
        let mut limit = options.max_bytes.min(text.len());
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let mut marks: Vec<(u8, Mark)> = Vec::new();
        for d in &self.dates {
            let mut title = format!("{} {}", d.kind, d.value);
            if let Some(m) = d.modifier {
                let _ = write!(title, " ({m})");
            }
            if let Some(i) = d.interval {
                let _ = write!(title, " · {} … {}", i.start, i.end);
            }
            marks.push((
                0,
                Mark {
                    span: d.span,
                    class: "kh-date",
                    label: d.kind.to_string(),
                    title,
                },
            ));
        }
        for q in &self.quantities {
            let range = match (q.low, q.high) {
                (Some(l), Some(h)) if l == h => fmt_num(l),
                (l, h) => format!(
                    "{}..{}",
                    l.map(fmt_num).unwrap_or_default(),
                    h.map(fmt_num).unwrap_or_default()
                ),
            };
            let mut title = format!("{:?} {range}", q.kind).to_lowercase();
            if q.approx.as_str() != "none" {
                let _ = write!(title, " ({})", q.approx.as_str());
            }
            if q.vague {
                title.push_str(" (vague)");
            }
            if let Some(u) = &q.unit {
                let _ = write!(title, " · {}", u.text);
            }
            marks.push((
                1,
                Mark {
                    span: q.span,
                    class: "kh-quantity",
                    label: "qty".into(),
                    title,
                },
            ));
        }
        for e in &self.entities {
            let mut title = format!("{} · {}", e.canonical, e.id);
            if e.is_ambiguous() {
                let _ = write!(title, " (+{} more)", e.candidates.len() - 1);
            }
            marks.push((
                2,
                Mark {
                    span: e.span,
                    class: "kh-entity",
                    label: e.label().to_owned(),
                    title,
                },
            ));
        }
        // Keep the highest-priority mark where marks overlap, then render in text order.
        marks.sort_by_key(|(p, m)| (*p, m.span.start));
        let mut kept: Vec<Mark> = Vec::new();
        for (_, m) in marks {
            if m.span.end <= limit && !kept.iter().any(|k| k.span.overlaps(m.span)) {
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| m.span.start);

        let mut out = String::with_capacity(limit * 2 + STYLE.len() + 256);
        out.push_str(STYLE);
        out.push_str("<div class=\"khabar\">");
        let _ = write!(
            out,
            "<div class=\"kh-legend\">{} entities · {} quantities · {} dates",
            self.entities.len(),
            self.quantities.len(),
            self.dates.len()
        );
        if let Some(d) = self.reference_date {
            let _ = write!(out, " · reference date {d}");
        }
        out.push_str("</div>");
        let mut pos = 0;
        for m in &kept {
            escape(&text[pos..m.span.start], &mut out);
            let _ = write!(out, "<mark class=\"{}\" title=\"", m.class);
            escape(&m.title, &mut out);
            out.push_str("\">");
            escape(&text[m.span.range()], &mut out);
            out.push_str("<small>");
            escape(&m.label, &mut out);
            out.push_str("</small></mark>");
            pos = m.span.end;
        }
        escape(&text[pos..limit], &mut out);
        if limit < text.len() {
            let _ = write!(
                out,
                "<div class=\"kh-more\">… {} more bytes not shown</div>",
                text.len() - limit
            );
        }
        out.push_str("</div>");
        out
    }
}
