//! The Capability Atlas core.
//!
//! Everything the app knows lives here — the framework model, loading a content pack from
//! disk or from the copy built into the binary, the typed graph and its queries, and markdown
//! rendering — so that it can be tested without a webview. The Tauri shell in `src-tauri/`
//! is a thin adapter over this crate; nothing here may depend on Tauri (a test checks it).

pub mod api;
pub mod atlas;
pub mod atomic_file;
pub mod author;
pub mod content;
pub mod exports;
#[doc(hidden)]
pub mod fuzzing;
pub mod graph;
pub mod limits;
pub mod mapping;
pub mod markdown;
pub mod model;
pub mod preferences;
pub mod reports;
pub mod search;
pub mod store;
pub mod suggest;
pub mod synthetic;
pub mod tours;

pub use atlas::{Atlas, AtlasError};
pub use content::{
    builtin_mappings, load_builtin, load_companions, load_dir, LoadReport, Problem, ProblemKind,
};
pub use graph::Framework;
