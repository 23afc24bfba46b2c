//! The report as a PDF: a `Document` written as Typst markup, typeset by `atlas-typeset`.
//!
//! This module decides only how the report looks on A4 paper: the cover, headings, tables that
//! break across pages under a repeated header, facts as a two-column grid, charts drawn with
//! Typst's own shapes, sign-off lines, and a footer with the organisation and page numbers.
//! What the report says is the builder's business.
//!
//! No user text is ever written as markup. Every string (organisation names, notes, labels,
//! links) reaches Typst as a string literal inside code, where only `\` and `"` mean anything,
//! and both are escaped; so `#`, `*`, `$`, `[`, `//` and the rest are printed, never obeyed.

use std::fmt::Write as _;

use super::document::{plain, Bar, Block, Chart, Document, Inline, Table};

pub use atlas_typeset::{TypesetError, When};

/// Typesets `doc` as an A4 PDF dated `when` (the PDF's creation date; the cover shows the
/// document's own `generated_at`).
pub fn pdf(doc: &Document, when: When) -> Result<Vec<u8>, TypesetError> {
    atlas_typeset::pdf(&markup(doc), when)
}

/// The whole Typst source of `doc`: the page style, then the cover, then the body.
pub fn markup(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    out.push_str(&preamble(doc));
    // The blocks before the first page break are the cover's: set apart on a page of their own.
    let cover_end = doc
        .blocks
        .iter()
        .position(|b| matches!(b, Block::PageBreak));
    let (cover, body) = doc.blocks.split_at(cover_end.unwrap_or(0));
    let _ = writeln!(
        out,
        "#atlas-cover({}, {})[",
        lit(&doc.title),
        lit(&doc.generated_at)
    );
    for block in cover {
        // The cover already shows the title large; a heading repeating it would say it twice.
        if matches!(block, Block::Heading { level: 1, text } if *text == doc.title) {
            continue;
        }
        write_block(&mut out, block);
    }
    out.push_str("]\n");
    for block in body {
        write_block(&mut out, block);
    }
    out
}

/// The page, the type and the drawing functions the body calls.
fn preamble(doc: &Document) -> String {
    format!(
        "#set document(title: {title}, author: \"Capability Atlas\")\n\
         #let atlas-organisation = {subject}\n{}",
        include_str!("preamble.typ"),
        title = lit(&doc.title),
        subject = lit(&doc.subject),
    )
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let _ = writeln!(
                out,
                "#heading(level: {}, {})\n",
                (*level).clamp(1, 6),
                lit(text)
            );
        }
        Block::Paragraph(inlines) => {
            let _ = writeln!(out, "#par({})\n", inline_run(inlines));
        }
        Block::Note(inlines) => {
            let _ = writeln!(out, "#atlas-note({})\n", inline_run(inlines));
        }
        Block::List { ordered, items } => {
            let kind = if *ordered { "enum" } else { "list" };
            let items: Vec<String> = items.iter().map(|i| inline_run(i)).collect();
            let _ = writeln!(out, "#{kind}({})\n", args(&items));
        }
        Block::Table(table) => write_table(out, table),
        Block::Facts(facts) => {
            let cells: Vec<String> = facts
                .iter()
                .flat_map(|(label, value)| [lit(label), inline_run(value)])
                .collect();
            let _ = writeln!(out, "#atlas-facts({})\n", args(&cells));
        }
        Block::Chart(chart) => write_chart(out, chart),
        Block::SignOff(roles) => {
            let roles: Vec<String> = roles.iter().map(|r| lit(r)).collect();
            let _ = writeln!(out, "#atlas-sign-off({})\n", args(&roles));
        }
        Block::PageBreak => out.push_str("#pagebreak(weak: true)\n"),
    }
}

fn write_table(out: &mut String, table: &Table) {
    let columns = table.header.len().max(1);
    let header: Vec<String> = table.header.iter().map(|h| lit(h)).collect();
    let mut cells = Vec::with_capacity(table.rows.len() * columns);
    for row in &table.rows {
        // The document promises as many cells as the header; a short row is padded rather than
        // letting every later cell slide into the wrong column.
        for i in 0..columns {
            cells.push(
                row.get(i)
                    .map_or_else(|| "[]".to_owned(), |c| inline_run(c)),
            );
        }
    }
    let caption = table
        .caption
        .as_deref()
        .map_or_else(|| "none".to_owned(), lit);
    let _ = writeln!(
        out,
        "#atlas-table({caption}, ({}), ({}), ({}))\n",
        args(&column_widths(table, columns)),
        args(&header),
        args(&cells)
    );
}

/// Entries up to this many characters make a column sized to its content.
const SHORT_COLUMN: usize = 12;

/// Each column's width, by what it holds: a column of short values (figures, a level, a
/// priority) is as wide as its widest entry, so its header never wraps mid-word; the others
/// share the rest by their mean cell's length, so a column of actions or notes reads as
/// sentences rather than a word per line. Shares are bounded so no column starves another.
fn column_widths(table: &Table, columns: usize) -> Vec<String> {
    (0..columns)
        .map(|i| {
            let header = table.header.get(i).map_or(0, |h| h.chars().count());
            let lengths: Vec<usize> = table
                .rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| plain(c).chars().count())
                .collect();
            let longest = lengths.iter().copied().max().unwrap_or(0);
            if header.max(longest) <= SHORT_COLUMN {
                return "auto".to_owned();
            }
            let mean = lengths.iter().sum::<usize>() / lengths.len().max(1);
            format!("{}fr", header.max(mean).clamp(6, 48))
        })
        .collect()
}

fn write_chart(out: &mut String, chart: &Chart) {
    let (min, max) = if chart.min.is_finite() && chart.max.is_finite() && chart.max > chart.min {
        (chart.min, chart.max)
    } else {
        (0.0, 1.0)
    };
    let bars: Vec<String> = chart
        .bars
        .iter()
        .map(|bar| chart_bar(bar, min, max))
        .collect();
    let _ = writeln!(
        out,
        "#atlas-chart({}, {}, {}, ({}))\n",
        lit(&chart.title),
        number(min),
        number(max),
        args(&bars)
    );
}

/// One bar as `(label, current, target, figures)`: values clamped onto the scale, a missing one
/// as `none`, which the chart writes out in words instead of drawing.
fn chart_bar(bar: &Bar, min: f64, max: f64) -> String {
    let value = |v: Option<f64>| match v.filter(|v| v.is_finite()) {
        Some(v) => number(v.clamp(min, max)),
        None => "none".to_owned(),
    };
    let shown = |v: Option<f64>| v.filter(|v| v.is_finite()).map(figure);
    let figures = match (shown(bar.current), shown(bar.target)) {
        (Some(c), Some(t)) => format!("{c} → {t}"),
        (Some(c), None) => c,
        (None, Some(t)) => format!("– → {t}"),
        (None, None) => String::new(),
    };
    format!(
        "({}, {}, {}, {})",
        lit(&bar.label),
        value(bar.current),
        value(bar.target),
        lit(&figures)
    )
}

/// A level as a reader sees it: whole levels without a decimal point, others to one place.
fn figure(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// A finite number as a Typst float literal (never `NaN` or `inf`, which Typst reads as names).
fn number(v: f64) -> String {
    format!("{v:.3}")
}

/// A run of inlines as one content expression, e.g. `("Owner: " + strong("Ada"))`.
fn inline_run(inlines: &[Inline]) -> String {
    if inlines.is_empty() {
        return "[]".to_owned();
    }
    let parts: Vec<String> = inlines.iter().map(inline).collect();
    format!("[#{}]", parts.join(";#"))
}

fn inline(inline: &Inline) -> String {
    match inline {
        Inline::Text(t) => format!("({})", lit(t)),
        Inline::Strong(t) => format!("strong({})", lit(t)),
        Inline::Emphasis(t) => format!("emph({})", lit(t)),
        Inline::Code(t) => format!("raw({})", lit(t)),
        Inline::Link { text, url } if is_allowed_url(url) => {
            format!("link({}, {})", lit(url), lit(text))
        }
        // A link the document should never hold is shown as its text, not followed.
        Inline::Link { text, .. } => format!("({})", lit(text)),
    }
}

fn is_allowed_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

fn args(items: &[String]) -> String {
    let mut joined = items.join(", ");
    // A one-element array needs its trailing comma in Typst: `(x)` is just `x`.
    if items.len() == 1 {
        joined.push(',');
    }
    joined
}

/// `text` as a Typst string literal, the one way user text enters the markup. Inside a string
/// only the backslash and the quote are special; line breaks and tabs are spelled as escapes so
/// that none can end the line.
pub(crate) fn lit(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Other control characters have no glyph; a box for each would only be noise.
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests;
