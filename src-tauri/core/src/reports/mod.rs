//! What an organisation's assessment says, for the dashboard and for the report handed to a
//! board. `figures` computes the numbers; `builder` decides what the report says per profile, as
//! a format-neutral `document`; `markdown`, `html`, `docx` and `typst` (the PDF) only render it,
//! so every format carries the same facts.

mod appendix;
mod builder;
mod charts;
mod crosswalk;
pub mod document;
pub mod docx;
mod figures;
pub mod html;
pub mod markdown;
pub mod notes;
mod plan;
mod roadmap;
pub mod typst;
mod words;

pub use builder::{build, Profile, ReportInput, ReportRequest, Since};
pub use crosswalk::MappedFramework;
pub use figures::*;
pub use plan::{plan, PlanContext, PlanFigures, PlanItem};
pub use words::document_text;
