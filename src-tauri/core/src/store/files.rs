//! The data folder's own files, and writing an export so that it can never land on them.
//!
//! `atlas export -o <data dir>/atlas.db` once wrote JSON over the live database and exited 0.
//! An export is now refused when its target is the database, its journal or write-ahead log,
//! the lock file, or anything in the backups folder, whatever path leads there (`..`, a
//! symbolic link), and even when replacing was asked for. Everything else is written by
//! `atomic_file`: whole or not at all, under a new name unless replacing was asked for.

use super::error::StoreError;
use super::{BACKUPS_DIR, DB_FILE, LOCK_FILE};
use crate::atomic_file::{self, Existing, WriteError};
use std::path::{Path, PathBuf};

/// Writes an export the user asked for at `target`: under a new free name when `target` is
/// taken, unless `replace`, and never over the store's own files. Returns the path written.
pub fn write_export(
    data_dir: &Path,
    target: &Path,
    bytes: &[u8],
    replace: bool,
) -> Result<PathBuf, StoreError> {
    if belongs_to_store(data_dir, target) {
        return Err(StoreError::File {
            path: target.to_path_buf(),
            detail: format!(
                "this is one of Capability Atlas's own files (its database, log, lock or \
                 backups in {}); an export is never written there, even with --force. Choose \
                 another file",
                data_dir.display()
            ),
        });
    }
    let existing = if replace {
        Existing::Replace
    } else {
        Existing::NewName
    };
    atomic_file::write(target, existing, bytes).map_err(|e| match e {
        WriteError::Io { path, source } => StoreError::File {
            path,
            detail: format!("{source}; nothing was written under this name"),
        },
        other => StoreError::File {
            path: other.path().to_path_buf(),
            detail: other.to_string(),
        },
    })
}

/// Whether `target`, once every link on the way is followed, is one of the store's files.
fn belongs_to_store(data_dir: &Path, target: &Path) -> bool {
    let Ok(data) = data_dir.canonicalize() else {
        return false; // no data folder, nothing in it to protect
    };
    let target = resolve(target);
    if target.starts_with(data.join(BACKUPS_DIR)) {
        return true;
    }
    let Some(name) = target.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    // `atlas.db`, `atlas.db-wal`, `atlas.db-shm`, `atlas.db-journal`, `atlas.db.restoring`.
    let database = name
        .strip_prefix(DB_FILE)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '.']));
    target.parent() == Some(data.as_path()) && (database || name == LOCK_FILE)
}

/// The path `target` really names: its folder made canonical, and a symbolic link in its last
/// part followed too, even one that points at a file not there yet.
fn resolve(target: &Path) -> PathBuf {
    let mut path = std::path::absolute(target).unwrap_or_else(|_| target.to_path_buf());
    for _ in 0..40 {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return path.canonicalize().unwrap_or(path);
        };
        let here = parent
            .canonicalize()
            .unwrap_or_else(|_| parent.to_path_buf())
            .join(name);
        match std::fs::read_link(&here) {
            Ok(to) => path = here.parent().map_or(to.clone(), |p| p.join(&to)),
            Err(_) => return here,
        }
    }
    path
}
