//! Markdown (assessment notes, action notes) as report blocks, so that every renderer shows a
//! note's paragraphs, lists, tables and links in its own format instead of raw markdown.
//!
//! The same rules as `crate::markdown` apply: raw HTML never survives (its tags are dropped,
//! the text between them is kept), images are not fetched (their alt text stays), and only
//! `http`, `https` and `mailto` links become links; any other link keeps its text only.

use super::document::{Block, Inline, Table};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The deepest heading a note may produce: notes sit under a capability's level-4 heading.
const NOTE_HEADING_BASE: u8 = 4;

/// Whether a URL may become a link in a report.
pub fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// The inlines of the paragraph, heading, item or cell being read.
    inlines: Vec<Inline>,
    strong: u32,
    emphasis: u32,
    /// (url, text so far) while inside a link.
    link: Option<(String, String)>,
    /// Open lists, innermost last: (ordered, items).
    lists: Vec<(bool, Vec<Vec<Inline>>)>,
    table: Option<Table>,
    row: Vec<Vec<Inline>>,
    in_head: bool,
    code_block: Option<String>,
    heading: Option<u8>,
}

impl Builder {
    fn text(&mut self, t: &str) {
        if let Some(code) = &mut self.code_block {
            code.push_str(t);
        } else if let Some((_, text)) = &mut self.link {
            text.push_str(t);
        } else {
            let run = if self.strong > 0 {
                Inline::Strong(t.to_string())
            } else if self.emphasis > 0 {
                Inline::Emphasis(t.to_string())
            } else {
                Inline::Text(t.to_string())
            };
            self.push(run);
        }
    }

    /// Appends a run, joining it to the previous one when both have the same style.
    fn push(&mut self, run: Inline) {
        match (self.inlines.last_mut(), &run) {
            (Some(Inline::Text(a)), Inline::Text(b))
            | (Some(Inline::Strong(a)), Inline::Strong(b))
            | (Some(Inline::Emphasis(a)), Inline::Emphasis(b)) => a.push_str(b),
            _ => self.inlines.push(run),
        }
    }

    fn take(&mut self) -> Vec<Inline> {
        std::mem::take(&mut self.inlines)
    }

    /// Ends a paragraph: into the open list item or cell if there is one, else as a block.
    fn end_paragraph(&mut self) {
        if self.lists.is_empty() && self.table.is_none() {
            let inlines = self.take();
            if !inlines.is_empty() {
                self.blocks.push(Block::Paragraph(inlines));
            }
        } else {
            self.push(Inline::Text(" ".into()));
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Strong => self.strong += 1,
            Tag::Emphasis | Tag::Strikethrough => self.emphasis += 1,
            Tag::Link { dest_url, .. } => self.link = Some((dest_url.to_string(), String::new())),
            Tag::Heading { level, .. } => self.heading = Some(level as u8),
            Tag::CodeBlock(_) => self.code_block = Some(String::new()),
            Tag::List(start) => {
                // A list inside an item: the item so far is kept, the nested items follow it.
                if let Some((_, items)) = self.lists.last_mut() {
                    let so_far = std::mem::take(&mut self.inlines);
                    if !so_far.is_empty() {
                        items.push(so_far);
                    }
                }
                self.lists.push((start.is_some(), Vec::new()));
            }
            Tag::Table(_) => {
                self.table = Some(Table {
                    caption: None,
                    header: Vec::new(),
                    rows: Vec::new(),
                })
            }
            Tag::TableHead => self.in_head = true,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
            TagEnd::Emphasis | TagEnd::Strikethrough => {
                self.emphasis = self.emphasis.saturating_sub(1)
            }
            TagEnd::Link => {
                if let Some((url, text)) = self.link.take() {
                    if safe_url(&url) {
                        self.inlines.push(Inline::Link { text, url });
                    } else {
                        self.push(Inline::Text(text));
                    }
                }
            }
            TagEnd::Paragraph => self.end_paragraph(),
            TagEnd::Heading(_) => {
                let level = self.heading.take().unwrap_or(1);
                let text = super::document::plain(&self.take());
                self.blocks.push(Block::Heading {
                    level: (NOTE_HEADING_BASE + level).min(6),
                    text: text.trim().to_string(),
                });
            }
            TagEnd::CodeBlock => {
                let code = self.code_block.take().unwrap_or_default();
                self.blocks
                    .push(Block::Paragraph(vec![Inline::Code(code.trim_end().into())]));
            }
            TagEnd::Item => {
                let item = self.take();
                if let Some((_, items)) = self.lists.last_mut() {
                    let item = trim_runs(item);
                    if !item.is_empty() {
                        items.push(item);
                    }
                }
            }
            TagEnd::List(_) => {
                if let Some((ordered, items)) = self.lists.pop() {
                    match self.lists.last_mut() {
                        // Nested lists are flattened into their parent; nothing is lost.
                        Some((_, parent)) => parent.extend(items),
                        None => self.blocks.push(Block::List { ordered, items }),
                    }
                }
            }
            TagEnd::TableCell => {
                let cell = trim_runs(self.take());
                self.row.push(cell);
            }
            TagEnd::TableHead => {
                let row = std::mem::take(&mut self.row);
                if let Some(t) = &mut self.table {
                    t.header = row.iter().map(|c| super::document::plain(c)).collect();
                }
                self.in_head = false;
            }
            TagEnd::TableRow => {
                let mut row = std::mem::take(&mut self.row);
                if let Some(t) = &mut self.table {
                    row.resize(t.header.len(), Vec::new());
                    t.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.blocks.push(Block::Table(t));
                }
            }
            _ => {}
        }
    }
}

/// Drops the spaces that joining paragraphs inside an item or a cell left at its ends.
fn trim_runs(mut runs: Vec<Inline>) -> Vec<Inline> {
    if let Some(Inline::Text(t)) = runs.last_mut() {
        let trimmed = t.trim_end().to_string();
        if trimmed.is_empty() {
            runs.pop();
        } else {
            *t = trimmed;
        }
    }
    runs
}

/// A note's markdown as blocks.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut b = Builder::default();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(tag) => b.start(tag),
            Event::End(tag) => b.end(tag),
            Event::Text(t) => b.text(&t),
            Event::Code(c) => {
                if let Some((_, text)) = &mut b.link {
                    text.push_str(&c);
                } else {
                    b.inlines.push(Inline::Code(c.to_string()));
                }
            }
            Event::SoftBreak | Event::HardBreak => b.text(" "),
            // Raw HTML is never carried into a report, as it never reaches the window.
            Event::Html(_) | Event::InlineHtml(_) => {}
            _ => {}
        }
    }
    let rest = b.take();
    if !rest.is_empty() {
        b.blocks.push(Block::Paragraph(rest));
    }
    b.blocks
}

/// A short markdown text (an action's note) as one run of inlines, for a table cell.
pub fn inlines(markdown: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for block in blocks(markdown) {
        if !out.is_empty() {
            out.push(Inline::Text(" ".into()));
        }
        match block {
            Block::Paragraph(i) | Block::Note(i) => out.extend(i),
            Block::Heading { text, .. } => out.push(Inline::Strong(text)),
            Block::List { items, .. } => {
                for (n, item) in items.into_iter().enumerate() {
                    if n > 0 {
                        out.push(Inline::Text("; ".into()));
                    }
                    out.extend(item);
                }
            }
            Block::Table(t) => {
                for row in t.rows {
                    for cell in row {
                        out.extend(cell);
                        out.push(Inline::Text(" ".into()));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_links_become_blocks_and_raw_html_and_unsafe_links_do_not() {
        let b = blocks(
            "Hello **world** and <b>bold</b>.\n\n- one\n- two\n  - nested\n\n\
             [site](https://example.org) [bad](javascript:alert(1))",
        );
        assert_eq!(
            b[0],
            Block::Paragraph(vec![
                Inline::Text("Hello ".into()),
                Inline::Strong("world".into()),
                Inline::Text(" and bold.".into()),
            ])
        );
        let Block::List { items, ordered } = &b[1] else {
            panic!("a list: {b:?}")
        };
        assert!(!ordered);
        assert_eq!(items.len(), 3, "the nested item is kept: {items:?}");
        let Block::Paragraph(last) = &b[2] else {
            panic!("{b:?}")
        };
        assert!(last.contains(&Inline::Link {
            text: "site".into(),
            url: "https://example.org".into()
        }));
        assert!(
            !format!("{last:?}").contains("javascript"),
            "an unsafe link keeps its text only: {last:?}"
        );
    }

    #[test]
    fn a_markdown_table_keeps_its_header_and_cells() {
        let b = blocks("| a | b |\n|---|---|\n| 1 | 2 |\n");
        let Block::Table(t) = &b[0] else {
            panic!("{b:?}")
        };
        assert_eq!(t.header, ["a", "b"]);
        assert_eq!(
            t.rows,
            vec![vec![
                vec![Inline::Text("1".into())],
                vec![Inline::Text("2".into())]
            ]]
        );
    }
}
