//! The report as Markdown with GitHub tables, for a wiki, a repository or an e-mail.
//!
//! Every text is escaped, so a capability title or a note holding `*`, `|` or `<` reads as
//! written and cannot start a table, a link or raw HTML. Charts become tables of their figures;
//! the sign-off becomes lines to sign on. Markdown has no pages, so a page break writes nothing.

use super::document::{Block, Chart, Document, Inline, Table};

/// Backslash-escapes what Markdown would otherwise read as syntax.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn code(text: &str) -> String {
    // A fence longer than any run of backticks inside keeps the code span whole.
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

fn inlines(runs: &[Inline]) -> String {
    runs.iter()
        .map(|r| match r {
            Inline::Text(t) => escape(t),
            Inline::Strong(t) if t.trim().is_empty() => escape(t),
            Inline::Emphasis(t) if t.trim().is_empty() => escape(t),
            Inline::Strong(t) => format!("**{}**", escape(t)),
            Inline::Emphasis(t) => format!("*{}*", escape(t)),
            Inline::Code(t) => code(t),
            Inline::Link { text, url } => {
                format!(
                    "[{}](<{}>)",
                    escape(text),
                    url.replace(['<', '>', '\n'], "")
                )
            }
        })
        .collect()
}

/// A table cell: one line, its pipes escaped (done by `escape`), its newlines as `<br>`.
fn cell(runs: &[Inline]) -> String {
    inlines(runs).replace("\r\n", "\n").replace('\n', "<br>")
}

fn one_line(text: &str) -> String {
    escape(text).replace('\n', " ")
}

fn table(out: &mut String, t: &Table) {
    if let Some(c) = &t.caption {
        out.push_str(&format!("**{}**\n\n", one_line(c)));
    }
    let header: Vec<String> = t.header.iter().map(|h| one_line(h)).collect();
    out.push_str(&format!("| {} |\n", header.join(" | ")));
    out.push_str(&format!("|{}\n", " --- |".repeat(t.header.len().max(1))));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
}

fn figure(v: Option<f64>, none: &str) -> String {
    v.map_or(none.to_string(), super::words::level)
}

fn chart(out: &mut String, c: &Chart) {
    out.push_str(&format!(
        "**{}** (current against target, on a scale of {} to {})\n\n",
        one_line(&c.title),
        super::words::level(c.min),
        super::words::level(c.max)
    ));
    if c.bars.is_empty() {
        out.push_str("Nothing to draw.\n");
        return;
    }
    out.push_str("| Capability | Current | Target |\n| --- | --- | --- |\n");
    for b in &c.bars {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            one_line(&b.label),
            figure(b.current, "not assessed"),
            figure(b.target, "no target")
        ));
    }
}

/// The report as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        let before = out.len();
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6) as usize;
                out.push_str(&format!("{} {}\n", "#".repeat(level), one_line(text)));
            }
            Block::Paragraph(runs) => {
                out.push_str(&inlines(runs));
                out.push('\n');
            }
            Block::Note(runs) => {
                for line in inlines(runs).lines() {
                    out.push_str(&format!("> {line}\n"));
                }
            }
            Block::List { ordered, items } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", n + 1)
                    } else {
                        "-".into()
                    };
                    out.push_str(&format!("{marker} {}\n", inlines(item).replace('\n', " ")));
                }
            }
            Block::Table(t) => table(&mut out, t),
            Block::Facts(facts) => {
                for (label, value) in facts {
                    out.push_str(&format!(
                        "- **{}:** {}\n",
                        one_line(label),
                        inlines(value).replace('\n', " ")
                    ));
                }
            }
            Block::Chart(c) => chart(&mut out, c),
            Block::SignOff(roles) => {
                for role in roles {
                    out.push_str(&format!(
                        "{}: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_ Date: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\n\n",
                        one_line(role)
                    ));
                }
            }
            Block::PageBreak => {}
        }
        if out.len() > before && !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_and_newlines_in_a_cell_cannot_break_the_table() {
        let doc = Document {
            title: "t".into(),
            subject: "s".into(),
            generated_at: "now".into(),
            blocks: vec![Block::Table(Table {
                caption: None,
                header: vec!["a".into(), "b".into()],
                rows: vec![vec![
                    vec![Inline::Text("x | y\nz".into())],
                    vec![Inline::Text("*w*".into())],
                ]],
            })],
        };
        let md = render(&doc);
        let row = md.lines().nth(2).expect("a header, a rule, a row");
        assert_eq!(row, "| x \\| y<br>z | \\*w\\* |", "{md}");
    }

    #[test]
    fn an_unassessed_bar_says_so_instead_of_showing_the_lowest_level() {
        let doc = Document {
            title: "t".into(),
            subject: "s".into(),
            generated_at: "now".into(),
            blocks: vec![Block::Chart(Chart {
                title: "P".into(),
                min: 0.0,
                max: 5.0,
                bars: vec![super::super::document::Bar {
                    label: "Cap".into(),
                    current: None,
                    target: Some(3.0),
                }],
            })],
        };
        assert!(render(&doc).contains("| Cap | not assessed | 3 |"));
    }
}
