//! The report as an editable Word document (.docx), rendered from the format-neutral
//! [`Document`].
//!
//! People asked for Word because a board report gets edited and signed after it leaves the
//! tool, so the file uses Word's own structure rather than looking right by accident: real
//! Heading 1–3 styles (the navigation pane and a table of contents work), tables whose header
//! row repeats on every page, list numbering Word can continue, hyperlinks, page numbers in
//! the footer, and the title and subject in the file's properties. This module decides how
//! each block looks; `chart` draws the current-against-target bars and `package` holds the
//! styles, numbering and the file's properties.
//!
//! Every piece of text goes through `docx-rs` as text, which escapes it, so a name such as
//! `R&D <"Ops">` is shown as written and can never become markup.

mod chart;
mod package;

use docx_rs::{
    AlignmentType, BreakType, Docx, Hyperlink, HyperlinkType, IndentLevel, NumberingId, Paragraph,
    Run, RunFonts, Shading, Table as WTable, TableCell, TableRow, WidthType,
};

use super::document::{plain, Block, Document, Inline, Table};

/// Why a Word file could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// Writing the zip package failed; the text is the archive writer's reason.
    #[error("could not write the Word package: {0}")]
    Package(String),
}

/// The width of the text column in twentieths of a point (A4 less the page margins); tables
/// are laid out against it so Word and LibreOffice agree on their columns.
pub(crate) const TEXT_WIDTH: usize = package::PAGE_WIDTH - 2 * package::MARGIN;

/// Renders a report as the bytes of a `.docx` file.
pub fn render(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let mut out = package::start(doc);
    let mut lists = package::Lists::default();
    for block in &doc.blocks {
        out = block_into(out, block, &mut lists);
    }
    let out = lists.register(out);
    package::finish(out, doc)
}

fn block_into(out: Docx, block: &Block, lists: &mut package::Lists) -> Docx {
    match block {
        Block::Heading { level, text } => {
            let style = package::heading_style(*level);
            out.add_paragraph(
                Paragraph::new()
                    .style(style)
                    .keep_next(true)
                    .add_run(Run::new().add_text(clean(text))),
            )
        }
        Block::Paragraph(inlines) => out.add_paragraph(inlines_into(Paragraph::new(), inlines)),
        Block::Note(inlines) => {
            out.add_paragraph(inlines_into(Paragraph::new().style(package::NOTE), inlines))
        }
        Block::List { ordered, items } => {
            let id = if *ordered {
                lists.ordered()
            } else {
                package::BULLETS
            };
            items.iter().fold(out, |out, item| {
                out.add_paragraph(inlines_into(
                    Paragraph::new()
                        .style(package::LIST)
                        .numbering(NumberingId::new(id), IndentLevel::new(0)),
                    item,
                ))
            })
        }
        Block::Table(table) => table_into(out, table),
        Block::Facts(facts) => out.add_table(facts_table(facts)),
        Block::Chart(c) => chart::into(out, c),
        Block::SignOff(roles) => out.add_table(sign_off(roles)),
        Block::PageBreak => {
            out.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)))
        }
    }
}

/// Appends styled runs to a paragraph. Links become real hyperlinks, so a reader can follow
/// a piece of evidence straight from the file.
pub(crate) fn inlines_into(p: Paragraph, inlines: &[Inline]) -> Paragraph {
    inlines.iter().fold(p, |p, inline| match inline {
        Inline::Text(t) => p.add_run(Run::new().add_text(clean(t))),
        Inline::Strong(t) => p.add_run(Run::new().add_text(clean(t)).bold()),
        Inline::Emphasis(t) => p.add_run(Run::new().add_text(clean(t)).italic()),
        Inline::Code(t) => p.add_run(
            Run::new()
                .add_text(clean(t))
                .fonts(RunFonts::new().ascii("Courier New").hi_ansi("Courier New")),
        ),
        Inline::Link { text, url } => p.add_hyperlink(
            Hyperlink::new(clean(url), HyperlinkType::External)
                .add_run(Run::new().add_text(clean(text)).style(package::LINK)),
        ),
    })
}

/// A report table: an optional caption kept with it, a shaded header row that Word repeats
/// at the top of every page the table runs onto, and one row per item.
fn table_into(out: Docx, table: &Table) -> Docx {
    let out = match &table.caption {
        Some(caption) => out.add_paragraph(
            Paragraph::new()
                .style(package::CAPTION)
                .keep_next(true)
                .add_run(Run::new().add_text(clean(caption))),
        ),
        None => out,
    };
    let widths = column_widths(table);
    let header = header_row(
        table
            .header
            .iter()
            .zip(&widths)
            .map(|(h, &width)| header_cell(h, width))
            .collect(),
    );
    let rows = table.rows.iter().map(|row| {
        TableRow::new(
            row.iter()
                .zip(&widths)
                .map(|(cell, &width)| {
                    TableCell::new()
                        .width(width, WidthType::Dxa)
                        .add_paragraph(inlines_into(Paragraph::new().style(package::CELL), cell))
                })
                .collect(),
        )
    });
    out.add_table(
        WTable::new(std::iter::once(header).chain(rows).collect())
            .set_grid(widths)
            .width(TEXT_WIDTH, WidthType::Dxa),
    )
}

/// Columns share the text width in proportion to their longest text, within bounds: a
/// column of actions gets room, a column of levels stays narrow but never too narrow for
/// its header.
fn column_widths(table: &Table) -> Vec<usize> {
    const NARROWEST: usize = 8;
    const WIDEST: usize = 40;
    // A cell's padding, in characters: it is why a short header still needs room.
    const PADDING: usize = 3;
    let weights: Vec<usize> = (0..table.header.len())
        .map(|c| {
            let longest = table
                .rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(|cell| plain(cell).chars().count())
                .chain(std::iter::once(table.header[c].chars().count()))
                .max()
                .unwrap_or(0);
            longest.clamp(NARROWEST, WIDEST) + PADDING
        })
        .collect();
    let total: usize = weights.iter().sum::<usize>().max(1);
    let mut widths: Vec<usize> = weights.iter().map(|w| TEXT_WIDTH * w / total).collect();
    if let Some(last) = widths.last_mut() {
        *last += TEXT_WIDTH
            - weights
                .iter()
                .map(|w| TEXT_WIDTH * w / total)
                .sum::<usize>();
    }
    widths
}

/// A header row: bold on a light shade, and marked (in `package::finish`) to repeat across
/// pages. It is the only kind of row built with "can't split": that is the mark.
pub(crate) fn header_row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// One cell of a header row.
pub(crate) fn header_cell(text: &str, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .shading(Shading::new().fill(package::HEADER_FILL))
        .add_paragraph(
            Paragraph::new()
                .style(package::CELL)
                .add_run(Run::new().add_text(clean(text)).bold()),
        )
}

/// Label–value pairs as a two-column table: labels bold in a narrow shaded column.
fn facts_table(facts: &[(String, Vec<Inline>)]) -> WTable {
    let label_width = TEXT_WIDTH * 3 / 10;
    let value_width = TEXT_WIDTH - label_width;
    let rows = facts
        .iter()
        .map(|(label, value)| {
            TableRow::new(vec![
                TableCell::new()
                    .width(label_width, WidthType::Dxa)
                    .shading(Shading::new().fill(package::HEADER_FILL))
                    .add_paragraph(
                        Paragraph::new()
                            .style(package::CELL)
                            .add_run(Run::new().add_text(clean(label)).bold()),
                    ),
                TableCell::new()
                    .width(value_width, WidthType::Dxa)
                    .add_paragraph(inlines_into(Paragraph::new().style(package::CELL), value)),
            ])
        })
        .collect();
    WTable::new(rows)
        .set_grid(vec![label_width, value_width])
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// One row per role, with room to write a name, sign and date by hand or in Word.
fn sign_off(roles: &[String]) -> WTable {
    let widths = [
        TEXT_WIDTH * 3 / 10,
        TEXT_WIDTH * 25 / 100,
        TEXT_WIDTH * 27 / 100,
    ];
    let widths = [
        widths[0],
        widths[1],
        widths[2],
        TEXT_WIDTH - widths.iter().sum::<usize>(),
    ];
    let header = header_row(
        ["Role", "Name", "Signature", "Date"]
            .into_iter()
            .zip(widths)
            .map(|(text, width)| header_cell(text, width))
            .collect(),
    );
    let rows = roles.iter().map(|role| {
        let cell = |text: &str, width: usize| {
            TableCell::new().width(width, WidthType::Dxa).add_paragraph(
                Paragraph::new()
                    .style(package::CELL)
                    .add_run(Run::new().add_text(clean(text))),
            )
        };
        TableRow::new(vec![
            cell(role, widths[0]),
            cell("", widths[1]),
            cell("", widths[2]),
            cell("", widths[3]),
        ])
        .row_height(package::SIGNATURE_HEIGHT)
        .height_rule(docx_rs::HeightRule::AtLeast)
    });
    WTable::new(std::iter::once(header).chain(rows).collect())
        .set_grid(widths.to_vec())
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A centred paragraph of small text, for labels inside the chart.
pub(crate) fn small_centred(text: &str) -> Paragraph {
    Paragraph::new()
        .style(package::CELL)
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text(clean(text)))
}

/// Drops the characters XML 1.0 cannot carry at all (control characters other than tab and
/// line breaks): a pasted name holding one would otherwise make the whole file unreadable.
pub(crate) fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || !(c < ' ' || ('\u{FFFE}'..='\u{FFFF}').contains(&c))
        })
        .collect()
}
