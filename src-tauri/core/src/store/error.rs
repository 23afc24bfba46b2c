//! What can go wrong with the annotation store, in words a person can act on.
//!
//! Every variant says what happened and, where there is one, what to do next; the IPC layer
//! turns them into `{code, message}` and the CLI prints the message as is.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database file is not a readable SQLite database or fails its integrity check. It is
    /// left exactly as found; `backup` names the newest backup that passed its own check.
    #[error("the database {path} is damaged or unreadable ({detail}); it has not been changed.{}", backup_hint(.backup))]
    Corrupt {
        path: PathBuf,
        detail: String,
        backup: Option<PathBuf>,
    },
    /// The database was written by a newer Capability Atlas; opening it here could damage it.
    #[error("the database {path} was written by a newer version of Capability Atlas (schema {found}, this build knows up to {supported}); it has not been changed. Update the app to open it.")]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The data folder or database cannot be written (permissions, read-only medium). Reading
    /// still works.
    #[error("the database {path} cannot be written ({detail}); the app is read-only until this is fixed")]
    ReadOnly { path: PathBuf, detail: String },
    /// The disk is full; the last change was not saved and nothing was lost.
    #[error("the disk is full; the last change was not saved (nothing already saved was lost)")]
    DiskFull,
    /// Input that the store refuses: out-of-range maturity, unknown capability, bad URL, …
    /// `record` names what was being written and `field` which part of it is wrong.
    #[error("{record}: {field}: {reason}")]
    Invalid {
        record: String,
        field: String,
        reason: String,
    },
    /// An organisation, snapshot or capability assessment that does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A second live organisation with the same name.
    #[error("an organisation named `{0}` already exists")]
    DuplicateOrganisation(String),
    /// Nothing left to undo or redo.
    #[error("{0}")]
    NothingToUndo(String),
    /// An orphan was to be mapped onto a capability that already has an assessment; nothing
    /// was changed, so neither assessment is lost.
    #[error("`{orphan}` cannot be mapped to `{target}`: `{target}` already has an assessment; keep `{orphan}` archived, or clear `{target}` first")]
    MapTargetTaken { orphan: String, target: String },
    /// An import or export file that cannot be read or written.
    #[error("{path}: {detail}")]
    File { path: PathBuf, detail: String },
    /// `atlas restore` found the database open in the app or another command: swapping the
    /// file under them would lose what they save next. Nothing was changed.
    #[error("the database {path} is open in Capability Atlas or in another `atlas` command; close it and try again (nothing was changed)")]
    InUse { path: PathBuf },
    /// An `atlas restore` held the data folder for longer than opening the store waits.
    #[error("the data folder {path} is being restored by `atlas restore` (waited {waited} s for it to finish); try again when it has finished")]
    Restoring { path: PathBuf, waited: u64 },
    /// Any other SQLite failure; the message is SQLite's own.
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
}

fn backup_hint(backup: &Option<PathBuf>) -> String {
    match backup {
        Some(p) => format!(
            " The newest good backup is {}; restore it with `atlas restore {}`.",
            p.display(),
            p.display()
        ),
        None => " No good backup was found.".to_string(),
    }
}

impl From<rusqlite::Error> for StoreError {
    /// Full and read-only disks get their own variants because the UI reacts to them
    /// differently from a bug.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DiskFull) => StoreError::DiskFull,
            Some(C::ReadOnly) | Some(C::PermissionDenied) => StoreError::ReadOnly {
                path: PathBuf::from("atlas.db"),
                detail: e.to_string(),
            },
            _ => StoreError::Sqlite(e),
        }
    }
}

impl StoreError {
    pub(crate) fn invalid(
        record: impl Into<String>,
        field: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        StoreError::Invalid {
            record: record.into(),
            field: field.into(),
            reason: reason.into(),
        }
    }
}
