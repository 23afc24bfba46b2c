//! A report as a sequence of typed blocks, independent of any output format.
//!
//! The report builder decides *what* is said (and what a profile leaves out); renderers decide
//! only *how* it looks in their format. Keeping every fact in this one structure is what lets
//! a test check a fact once and trust that the PDF, the HTML, the Markdown and the Word file
//! all carry it, and that a field a profile omits is absent from every one of them.

use serde::Serialize;

/// A whole report: metadata for the file's properties and the blocks of its body, in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The document's title, e.g. "Acme — CAF-AI assessment".
    pub title: String,
    /// Who or what the report is about, for the file's metadata (the organisation's name).
    pub subject: String,
    /// When it was generated, as the cover shows it ("2026-11-30 14:05 UTC").
    pub generated_at: String,
    pub blocks: Vec<Block>,
}

/// One block of the body. Renderers must handle every variant; none may be dropped silently.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A section heading; level 1 is a chapter (the cover's title is level 1 too).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Inline>),
    /// Small print: attribution, the not-affiliated notice, footnotes to a chart.
    Note(Vec<Inline>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    /// A table with a header row. Every row has as many cells as the header.
    Table(Table),
    /// Label–value pairs, e.g. the cover's facts or one capability's scores.
    Facts(Vec<(String, Vec<Inline>)>),
    /// Current against target for a set of items, drawn as vector graphics.
    Chart(Chart),
    /// A place for people to sign: one line per role.
    SignOff(Vec<String>),
    /// Starts a new page in paged formats (PDF, Word); ignored where there are no pages.
    PageBreak,
}

/// A run of text with at most one style. Formatting does not nest: markdown's nested emphasis
/// is flattened, which loses nothing a reader of a board report needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Strong(String),
    Emphasis(String),
    Code(String),
    /// Only `http`, `https` and `mailto` links reach a document; the store refuses others.
    Link {
        text: String,
        url: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Said above the table ("The largest gaps").
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// A horizontal bar chart of current against target on the maturity scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    pub title: String,
    /// The scale's lowest and highest level; bars are drawn from `min`.
    pub min: f64,
    pub max: f64,
    pub bars: Vec<Bar>,
}

/// One item of a chart. A missing value is drawn as "not assessed" (or "no target"), never as
/// the scale's lowest level: an unassessed capability is not a capability at level 0.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    pub label: String,
    pub current: Option<f64>,
    pub target: Option<f64>,
}

impl Inline {
    /// The text a reader sees, without its styling.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) | Inline::Strong(t) | Inline::Emphasis(t) | Inline::Code(t) => t,
            Inline::Link { text, .. } => text,
        }
    }
}

/// Plain text of a run of inlines, for formats and checks that carry no styling.
pub fn plain(inlines: &[Inline]) -> String {
    inlines.iter().map(Inline::text).collect()
}
