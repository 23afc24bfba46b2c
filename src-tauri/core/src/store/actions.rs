//! The improvement plan: what people will do about a capability. Actions live inside the
//! capability's assessment (the `actions` field), so history, undo, snapshots, compare, export
//! and merge-import treat them like every other field without code of their own.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an action stands. Dropped actions are kept so that a report can say what was given up.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

/// One thing someone will do to close a capability's gap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields, default)]
pub struct Action {
    /// Stable within the capability, so an edit or a merge can tell actions apart when titles change.
    pub id: String,
    pub title: String,
    /// A stakeholder node id, or a person's name when the owner is not a framework role.
    pub owner: Option<String>,
    /// An ISO date (YYYY-MM-DD).
    pub due: Option<String>,
    pub status: ActionStatus,
    /// Markdown; rendered and sanitised by `crate::markdown` before display.
    pub note: String,
}
