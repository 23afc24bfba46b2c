//! What an organisation's assessment says, for the dashboard and for the report handed to a
//! board. `figures` computes the numbers; `document` is the format-neutral report that every
//! output format (Markdown, HTML, PDF, Word) is rendered from, so all of them carry the same facts.

pub mod document;
mod figures;
pub mod typst;

pub use figures::*;
