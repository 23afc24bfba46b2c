//! The report as one self-contained HTML file that prints well: CSS inline with print rules
//! (page size and margins, page breaks, table rows never split), charts as inline SVG, no
//! script and no external resource, so it opens the same offline, in a mail client or years
//! later. Light colours only: it is made to be printed.
//!
//! Every text is escaped; the only links are the document's own evidence and note links,
//! which the builder lets through only for `http`, `https` and `mailto` (checked again here).

use super::document::{Block, Chart, Document, Inline, Table};
use super::notes::safe_url;
use super::words::level;
use std::fmt::Write;

const CSS: &str = r#"
@page { size: A4; margin: 18mm 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Source Sans 3", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 11pt;
  line-height: 1.45; color: #1d2430; background: #fff; max-width: 980px; margin: 0 auto;
  padding: 24px 32px; }
h1 { font-size: 24pt; margin: 0.2em 0 0.6em; color: #12213a; }
h2 { font-size: 16pt; margin: 1.6em 0 0.5em; color: #12213a; border-bottom: 2px solid #d5dce6;
  padding-bottom: 4px; }
h3 { font-size: 13pt; margin: 1.2em 0 0.4em; }
h4 { font-size: 11.5pt; margin: 1em 0 0.3em; }
h5, h6 { font-size: 11pt; margin: 0.8em 0 0.3em; }
h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
p { margin: 0.4em 0; }
.note { font-size: 9pt; color: #4a5566; }
code { font-family: "Source Code Pro", Consolas, monospace; font-size: 0.92em;
  background: #f1f4f8; padding: 0 3px; border-radius: 3px; white-space: pre-wrap; }
a { color: #1f5fa8; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10pt; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border: 1px solid #d5dce6; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0.4em 0 1em; }
dl.facts dt { font-weight: 600; color: #3a4658; }
dl.facts dd { margin: 0; }
figure.chart { margin: 0.6em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
figure.chart svg { width: 100%; height: auto; display: block; }
.signoff { margin: 1em 0; }
.signoff .line { display: grid; grid-template-columns: 14em 1fr 8em; gap: 12px; align-items: end;
  margin: 28px 0 0; break-inside: avoid; }
.signoff .blank { border-bottom: 1px solid #1d2430; height: 1.6em; }
.page-break { break-after: page; page-break-after: always; height: 0; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; } }
"#;

/// Colours of the chart: current is the solid bar, target the outlined one behind it.
const CURRENT: &str = "#1f5fa8";
const TARGET: &str = "#9fb8d6";

/// Escapes text for HTML content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn inlines(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => escape(t),
            Inline::Strong(t) => format!("<strong>{}</strong>", escape(t)),
            Inline::Emphasis(t) => format!("<em>{}</em>", escape(t)),
            Inline::Code(t) => format!("<code>{}</code>", escape(t)),
            Inline::Link { text, url } if safe_url(url) => {
                format!("<a href=\"{}\">{}</a>", escape(url.trim()), escape(text))
            }
            Inline::Link { text, url } => format!("{} ({})", escape(text), escape(url)),
        })
        .collect()
}

fn table(out: &mut String, t: &Table) {
    out.push_str("<table>");
    if let Some(c) = &t.caption {
        let _ = write!(out, "<caption>{}</caption>", escape(c));
    }
    out.push_str("<thead><tr>");
    for h in &t.header {
        let _ = write!(out, "<th>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &t.rows {
        out.push_str("<tr>");
        for c in row {
            let _ = write!(out, "<td>{}</td>", inlines(c).replace('\n', "<br>"));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>\n");
}

/// Shortens a label that would run into the bars; the whole label stays in the bar's tooltip.
fn fit(label: &str, chars: usize) -> String {
    match label.char_indices().nth(chars) {
        None => label.to_string(),
        Some((cut, _)) => format!("{}…", &label[..cut]),
    }
}

/// A horizontal bar chart: per item a target bar (light) with the current bar (dark) over it,
/// the scale's levels as gridlines, a legend, and "not assessed" written where there is no
/// current level, so an unassessed item is never drawn as the lowest level.
fn chart(out: &mut String, c: &Chart) {
    const WIDTH: f64 = 760.0;
    const LABEL: f64 = 290.0;
    const ROW: f64 = 22.0;
    const TOP: f64 = 46.0;
    let plot = WIDTH - LABEL - 20.0;
    let span = (c.max - c.min).max(1.0);
    let x = |v: f64| LABEL + (v - c.min).clamp(0.0, span) / span * plot;
    let height = TOP + ROW * c.bars.len().max(1) as f64 + 10.0;
    let _ = write!(
        out,
        "<figure class=\"chart\"><figcaption>{}</figcaption>\
         <svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-label=\"{}: current against target\" \
         font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">",
        escape(&c.title),
        escape(&c.title)
    );
    // Legend.
    let _ = write!(
        out,
        "<rect x=\"{LABEL}\" y=\"4\" width=\"14\" height=\"10\" fill=\"{CURRENT}\"/>\
         <text x=\"{}\" y=\"13\" fill=\"#1d2430\">Current</text>\
         <rect x=\"{}\" y=\"4\" width=\"14\" height=\"10\" fill=\"{TARGET}\"/>\
         <text x=\"{}\" y=\"13\" fill=\"#1d2430\">Target</text>",
        LABEL + 18.0,
        LABEL + 90.0,
        LABEL + 108.0
    );
    // The scale: one gridline and number per level.
    let mut v = c.min;
    while v <= c.max + f64::EPSILON {
        let gx = x(v);
        let _ = write!(
            out,
            "<line x1=\"{gx:.1}\" y1=\"{}\" x2=\"{gx:.1}\" y2=\"{:.1}\" stroke=\"#d5dce6\"/>\
             <text x=\"{gx:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#4a5566\">{}</text>",
            TOP - 6.0,
            height - 8.0,
            TOP - 10.0,
            level(v)
        );
        v += 1.0;
    }
    if c.bars.is_empty() {
        let _ = write!(
            out,
            "<text x=\"{LABEL}\" y=\"{}\" fill=\"#4a5566\">Nothing to draw.</text>",
            TOP + 14.0
        );
    }
    for (i, b) in c.bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let _ = write!(
            out,
            "<g><title>{}: current {}, target {}</title>\
             <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1d2430\">{}</text>",
            escape(&b.label),
            b.current.map_or("not assessed".into(), level),
            b.target.map_or("not set".into(), level),
            LABEL - 8.0,
            y + 14.0,
            escape(&fit(&b.label, 44))
        );
        if let Some(t) = b.target {
            let _ = write!(
                out,
                "<rect x=\"{LABEL}\" y=\"{:.1}\" width=\"{:.1}\" height=\"16\" fill=\"{TARGET}\"/>",
                y + 2.0,
                x(t) - LABEL
            );
        }
        match b.current {
            Some(cur) => {
                let _ = write!(
                    out,
                    "<rect x=\"{LABEL}\" y=\"{:.1}\" width=\"{:.1}\" height=\"10\" fill=\"{CURRENT}\"/>",
                    y + 5.0,
                    (x(cur) - LABEL).max(2.0)
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{:.1}\" fill=\"#1d2430\" font-style=\"italic\">not assessed</text>",
                    b.target.map_or(LABEL, x) + 6.0,
                    y + 14.0
                );
            }
        }
        out.push_str("</g>");
    }
    out.push_str("</svg></figure>\n");
}

/// The report as a self-contained HTML page.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"generator\" content=\"Capability Atlas\">\
         <meta name=\"date\" content=\"{}\">\
         <title>{}</title><style>{CSS}</style></head><body>\n",
        escape(&doc.generated_at),
        escape(&doc.title)
    );
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let l = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{l}>{}</h{l}>", escape(text));
            }
            Block::Paragraph(runs) => {
                let _ = writeln!(out, "<p>{}</p>", inlines(runs));
            }
            Block::Note(runs) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", inlines(runs));
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = write!(out, "<{tag}>");
                for item in items {
                    let _ = write!(out, "<li>{}</li>", inlines(item));
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Table(t) => table(&mut out, t),
            Block::Facts(facts) => {
                out.push_str("<dl class=\"facts\">");
                for (label, value) in facts {
                    let _ = write!(out, "<dt>{}</dt><dd>{}</dd>", escape(label), inlines(value));
                }
                out.push_str("</dl>\n");
            }
            Block::Chart(c) => chart(&mut out, c),
            Block::SignOff(roles) => {
                out.push_str("<div class=\"signoff\">");
                for role in roles {
                    let _ = write!(
                        out,
                        "<div class=\"line\"><span>{}</span><span class=\"blank\" aria-label=\"signature\"></span>\
                         <span class=\"blank\" aria-label=\"date\"></span></div>",
                        escape(role)
                    );
                }
                out.push_str("</div>\n");
            }
            Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
        }
    }
    out.push_str("</body></html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_looks_like_markup_is_escaped_and_unsafe_links_are_not_links() {
        let doc = Document {
            title: "<t>".into(),
            subject: "s".into(),
            generated_at: "now".into(),
            blocks: vec![Block::Paragraph(vec![
                Inline::Text("<script>alert(1)</script>".into()),
                Inline::Link {
                    text: "x".into(),
                    url: "javascript:alert(1)".into(),
                },
            ])],
        };
        let html = render(&doc);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("href=\"javascript"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
    }
}
