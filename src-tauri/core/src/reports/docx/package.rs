//! The parts of the Word file around the body: page set-up, the named styles a person edits
//! with, list numbering, the footer's page numbers and the file's properties (title, subject),
//! and the final zip package.
//!
//! Styles are named as Word names its built-in ones ("heading 1", "Caption", "Hyperlink"), so
//! Word's navigation pane, table of contents and style gallery treat them as its own.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, Level, LevelJc, LevelOverride, LevelText,
    LineSpacing, NumPages, NumberFormat, Numbering, PageMargin, PageNum, Paragraph, Run, RunFonts,
    Start, Style, StyleType,
};

use super::{clean, DocxError};
use crate::reports::document::Document;

/// A4 in twentieths of a point.
pub(crate) const PAGE_WIDTH: usize = 11906;
const PAGE_HEIGHT: usize = 16838;
/// 2 cm.
pub(crate) const MARGIN: usize = 1134;
/// Tall enough to sign in by hand once printed.
pub(crate) const SIGNATURE_HEIGHT: f32 = 720.0;
pub(crate) const HEADER_FILL: &str = "E7ECF2";

pub(crate) const NOTE: &str = "Note";
pub(crate) const CAPTION: &str = "Caption";
pub(crate) const LIST: &str = "ListParagraph";
pub(crate) const CELL: &str = "TableText";
pub(crate) const LINK: &str = "Hyperlink";
const FOOTER: &str = "Footer";

/// The numbering instance every bullet list shares: bullets have no count to restart.
/// `docx-rs` always defines numbering 1 (decimal) itself; ours start well above it, since two
/// definitions under one id make Word and LibreOffice number a bullet list.
pub(crate) const BULLETS: usize = 10;
const BULLET_ABSTRACT: usize = 10;
const DECIMAL_ABSTRACT: usize = 11;

/// Word's built-in heading style for a level; deeper levels than 3 are shown as level 3,
/// since the report's outline never goes deeper and Word's pane should stay readable.
pub(crate) fn heading_style(level: u8) -> &'static str {
    match level {
        0 | 1 => "Heading1",
        2 => "Heading2",
        _ => "Heading3",
    }
}

/// Numbered lists each restart at 1, so each gets its own numbering instance over one shared
/// definition; they are registered with the file once the body is known.
#[derive(Default)]
pub(crate) struct Lists {
    ordered: Vec<usize>,
}

impl Lists {
    pub(crate) fn ordered(&mut self) -> usize {
        let id = BULLETS + 1 + self.ordered.len();
        self.ordered.push(id);
        id
    }

    pub(crate) fn register(self, out: Docx) -> Docx {
        let bullet = Level::new(
            0,
            Start::new(1),
            NumberFormat::new("bullet"),
            LevelText::new("•"),
            LevelJc::new("left"),
        )
        .indent(
            Some(567),
            Some(docx_rs::SpecialIndentType::Hanging(283)),
            None,
            None,
        );
        let decimal = Level::new(
            0,
            Start::new(1),
            NumberFormat::new("decimal"),
            LevelText::new("%1."),
            LevelJc::new("left"),
        )
        .indent(
            Some(567),
            Some(docx_rs::SpecialIndentType::Hanging(340)),
            None,
            None,
        );
        let out = out
            .add_abstract_numbering(AbstractNumbering::new(BULLET_ABSTRACT).add_level(bullet))
            .add_abstract_numbering(AbstractNumbering::new(DECIMAL_ABSTRACT).add_level(decimal))
            .add_numbering(Numbering::new(BULLETS, BULLET_ABSTRACT));
        self.ordered.into_iter().fold(out, |out, id| {
            out.add_numbering(
                Numbering::new(id, DECIMAL_ABSTRACT).add_override(LevelOverride::new(0).start(1)),
            )
        })
    }
}

/// An empty document with the page set-up, styles and footer in place.
pub(crate) fn start(doc: &Document) -> Docx {
    let margin = MARGIN as i32;
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style(FOOTER)
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(clean(&doc.title)))
            .add_run(Run::new().add_text(" — page "))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(" of "))
            .add_num_pages(NumPages::new()),
    );
    let body_font = RunFonts::new()
        .ascii("Liberation Sans")
        .hi_ansi("Liberation Sans")
        .cs("Liberation Sans");
    styles(Docx::new())
        .page_size(PAGE_WIDTH as u32, PAGE_HEIGHT as u32)
        .page_margin(
            PageMargin::new()
                .top(margin)
                .bottom(margin)
                .left(margin)
                .right(margin)
                .header(567)
                .footer(567),
        )
        .default_fonts(body_font)
        .default_size(21)
        .default_line_spacing(LineSpacing::new().after(120))
        .footer(footer)
}

fn styles(out: Docx) -> Docx {
    let heading = |id: &str, name: &str, level: usize, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level)
            .size(size)
            .bold()
            .color("1F3A5F")
            .line_spacing(LineSpacing::new().before(240).after(120))
    };
    out.add_style(
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true),
    )
    .add_style(heading("Heading1", "heading 1", 0, 36))
    .add_style(heading("Heading2", "heading 2", 1, 28))
    .add_style(heading("Heading3", "heading 3", 2, 24))
    .add_style(
        Style::new(NOTE, StyleType::Paragraph)
            .name("Note")
            .based_on("Normal")
            .size(17)
            .color("555555"),
    )
    .add_style(
        Style::new(CAPTION, StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .q_format(true)
            .bold()
            .size(20)
            .line_spacing(LineSpacing::new().before(120).after(60)),
    )
    .add_style(
        Style::new(LIST, StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal")
            .line_spacing(LineSpacing::new().after(60)),
    )
    .add_style(
        Style::new(CELL, StyleType::Paragraph)
            .name("Table Text")
            .based_on("Normal")
            .size(19)
            .line_spacing(LineSpacing::new().before(20).after(20)),
    )
    .add_style(
        Style::new(FOOTER, StyleType::Paragraph)
            .name("footer")
            .based_on("Normal")
            .size(16)
            .color("555555"),
    )
    .add_style(
        Style::new(LINK, StyleType::Character)
            .name("Hyperlink")
            .color("0563C1")
            .underline("single"),
    )
}

/// Packs the document, adding what `docx-rs` cannot say itself: the title and subject in the
/// file's properties, and the "repeat as header row" mark on every header row.
pub(crate) fn finish(out: Docx, doc: &Document) -> Result<Vec<u8>, DocxError> {
    let mut xml = out.build();
    xml.doc_props.core = core_properties(doc).into_bytes();
    xml.document = repeat_header_rows(&xml.document);
    let mut stored = Cursor::new(Vec::new());
    xml.pack(&mut stored)
        .map_err(|e| DocxError::Package(e.to_string()))?;
    deflate(stored.into_inner()).map_err(|e| DocxError::Package(e.to_string()))
}

/// `docx-rs` stores its parts uncompressed; a report with an appendix of 49 capabilities is
/// then ten times the size it needs to be in a mail. Re-packing the same parts, in the same
/// order, deflated.
fn deflate(stored: Vec<u8>) -> zip::result::ZipResult<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(stored))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut part = archive.by_index(i)?;
        if part.is_dir() {
            continue;
        }
        out.start_file(part.name().to_owned(), options)?;
        std::io::copy(&mut part, &mut out)?;
    }
    Ok(out.finish()?.into_inner())
}

/// Header rows are the only rows built with "can't split" (see `header_row`), and text is
/// always escaped, so this element name in the body can only be that mark: adding
/// `tblHeader` beside it makes Word and LibreOffice repeat the row on each page.
fn repeat_header_rows(document: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(document)
        .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .into_bytes()
}

/// `docProps/core.xml` with the report's title and subject (shown by File › Properties and
/// used by search and document managers), the generator as author, and the time generated.
fn core_properties(doc: &Document) -> String {
    let created = w3c_time(&doc.generated_at)
        .map(|t| {
            format!(
                r#"<dcterms:created xsi:type="dcterms:W3CDTF">{t}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{t}</dcterms:modified>"#
            )
        })
        .unwrap_or_default();
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            "<dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject>",
            "<dc:creator>Capability Atlas</dc:creator>{created}",
            "</cp:coreProperties>"
        ),
        title = escape(&doc.title),
        subject = escape(&doc.subject),
        created = created,
    )
}

/// "2026-11-30 14:05 UTC" as "2026-11-30T14:05:00Z"; `None` for anything else, in which case
/// the file simply carries no creation time rather than a wrong one.
fn w3c_time(shown: &str) -> Option<String> {
    let (date, rest) = shown.split_once(' ')?;
    let time = rest.strip_suffix(" UTC")?;
    let digits = |s: &str, pattern: &[usize]| {
        let parts: Vec<&str> = s.split(['-', ':']).collect();
        parts.len() == pattern.len()
            && parts
                .iter()
                .zip(pattern)
                .all(|(p, n)| p.len() == *n && p.bytes().all(|b| b.is_ascii_digit()))
    };
    (digits(date, &[4, 2, 2]) && digits(time, &[2, 2])).then(|| format!("{date}T{time}:00Z"))
}

/// Escapes text for the one part written here by hand.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}
