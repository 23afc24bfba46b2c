//! What the application can fail with, and how that crosses the boundary to the window.
//!
//! Errors keep their types up to the boundary (a store error stays a `StoreError`), so the
//! command line and tests can match on them; only `From<AtlasError> for ApiError` flattens them
//! to a message, with a code where the window acts on it.

use crate::api::{ApiError, ErrorCode};
use crate::graph::UnknownNode;
use crate::search::SearchError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AtlasError {
    /// The framework pack could not be loaded; the text is its report of every problem.
    #[error("the framework pack could not be loaded:\n{0}")]
    Pack(String),
    /// The store refused or failed; its message says what to do.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The store could not be opened when the app started (damaged, newer, locked by a
    /// restore), or stopped after a panic; every call that needs it says why.
    #[error("{0}")]
    StoreUnavailable(String),
    /// A node id the framework does not have.
    #[error(transparent)]
    UnknownNode(#[from] UnknownNode),
    /// Something else asked for by id or name that does not exist (a tour, a stakeholder).
    #[error("{0}")]
    NotFound(String),
    /// A request the application refuses as it stands (a bad export name, bad image data).
    #[error("{0}")]
    Invalid(String),
    /// The search index is still being built after start-up; ask again in a moment.
    #[error("search is still being prepared; it will be ready in a moment")]
    SearchNotReady,
    /// The search index could not be built at all.
    #[error("search is unavailable: {0}")]
    SearchUnavailable(String),
    /// A search that was refused or failed.
    #[error(transparent)]
    Search(#[from] SearchError),
    /// A report was asked to compare with a snapshot the organisation does not have.
    #[error("`{name}` is not a snapshot of {organisation}; {hint}")]
    UnknownSnapshot {
        organisation: String,
        name: String,
        /// The nearest name, or the names there are, or how to take one.
        hint: String,
    },
    /// A report of an organisation with nothing assessed would be empty charts; refused.
    #[error(
        "{organisation} has no assessments yet; assess a capability first (no report was written)"
    )]
    NothingToReport { organisation: String },
    /// The preferences could not be checked or saved.
    #[error(transparent)]
    Preferences(#[from] crate::preferences::PreferencesError),
    /// An export could not be written.
    #[error(transparent)]
    Write(#[from] crate::atomic_file::WriteError),

    /// The Word renderer could not package the report.
    #[error(transparent)]
    Docx(#[from] crate::reports::docx::DocxError),

    /// The PDF could not be typeset. The markup is ours, so this is a defect, not bad input; the
    /// message says where Typst stopped.
    #[error("typesetting the PDF report: {0}")]
    Typeset(#[from] crate::reports::typst::TypesetError),
}

impl From<AtlasError> for ApiError {
    fn from(e: AtlasError) -> Self {
        let code = match e {
            AtlasError::SearchNotReady => Some(ErrorCode::NotReady),
            _ => None,
        };
        ApiError {
            code,
            message: e.to_string(),
        }
    }
}
