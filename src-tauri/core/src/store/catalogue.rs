//! What the backups folder holds, as the Restore list shows it: each backup's date, size and
//! contents (the organisations in it, its last change and who made it), newest first.
//!
//! A backup is read only through a read-only connection and only after `verify` accepts it,
//! so listing never writes to a backup and never runs anything a foreign file carries; a file
//! that is not ours is still listed, with why it cannot be restored, rather than hidden.

use super::backup::backups_dir;
use super::model::timestamp;
use super::verify;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// One backup in the backups folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupSummary {
    /// Its file name in the backups folder: how a restore names it.
    pub name: String,
    /// When it was written (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub written: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// The live organisations it holds, by name.
    pub organisations: Vec<String>,
    /// When its last change was made, if it has any.
    pub last_change: Option<String>,
    /// Who made its last change.
    pub last_author: Option<String>,
    /// Why it cannot be restored, when it cannot; it is listed all the same.
    pub problem: Option<String>,
}

/// Every `.db` file in the backups folder, newest first (by when it was written, to the
/// nanosecond the file system keeps: a backup and the copy a restore keeps are often written
/// in the same second, and the newer must still lead; then by name).
pub fn list_backups(data_dir: &Path) -> Vec<BackupSummary> {
    let mut found: Vec<(std::time::Duration, BackupSummary)> =
        std::fs::read_dir(backups_dir(data_dir))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "db"))
            .filter_map(|e| {
                let meta = e.metadata().ok().filter(|m| m.is_file())?;
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .unwrap_or_default();
                let written = timestamp(modified.as_secs() as i64);
                Some((modified, summarise(&e.path(), written, meta.len())))
            })
            .collect();
    found.sort_by(|(a_at, a), (b_at, b)| (b_at, &b.name).cmp(&(a_at, &a.name)));
    found.into_iter().map(|(_, summary)| summary).collect()
}

fn summarise(path: &Path, written: String, bytes: u64) -> BackupSummary {
    let mut summary = BackupSummary {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        written,
        bytes,
        organisations: Vec::new(),
        last_change: None,
        last_author: None,
        problem: None,
    };
    if let Err(problem) = verify::restorable(path) {
        summary.problem = Some(problem.to_string());
        return summary;
    }
    match read_contents(path) {
        Ok((organisations, last)) => {
            summary.organisations = organisations;
            if let Some((at, author)) = last {
                summary.last_change = Some(at);
                summary.last_author = Some(author);
            }
        }
        Err(e) => summary.problem = Some(e.to_string()),
    }
    summary
}

type Contents = (Vec<String>, Option<(String, String)>);

fn read_contents(path: &Path) -> rusqlite::Result<Contents> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let mut names = conn.prepare(
        "SELECT name FROM organisations WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id",
    )?;
    let organisations = names
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let last = conn
        .query_row(
            "SELECT at, author FROM change_sets ORDER BY at DESC, id DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    Ok((organisations, last))
}
