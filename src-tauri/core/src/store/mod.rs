//! The per-organisation annotation store (SQLite).
//!
//! People record their organisation's status here over months, so this module's first duty is
//! never to lose it: every write is a transaction under WAL with `synchronous=FULL`, every
//! change is appended to the history (nothing is updated without a trace), a backup is taken
//! before any migration and once a day, and a database that is damaged or newer than this
//! build is refused and left untouched. Input is validated against the loaded `Framework`
//! before it is stored.
//!
//! Files: `schema` (migrations), `model` (records and validation), `organisations`,
//! `assessments`, `bulk` (one field on many capabilities), `layouts` (graph positions per
//! pack), `history` (timeline, undo, redo), `snapshots` (and comparisons),
//! `transfer` (JSON and CSV files, merge), `backup`, `error`.

mod assessments;
mod backup;
mod bulk;
mod csv;
mod error;
mod history;
mod layouts;
mod model;
mod organisations;
mod schema;
mod snapshots;
mod tours;
mod transfer;
mod workshops;

pub use backup::{newest_good_backup, restore, BACKUPS_DIR, DAILY_BACKUPS_KEPT};
pub use bulk::BulkEdit;
pub use error::StoreError;
pub use history::{HistoryEntry, UndoOutcome};
pub use layouts::{Point, SavedLayout};
pub use model::{
    Assessment, AssessmentPatch, Confidence, Evidence, Organisation, Priority, StoreStatus, FIELDS,
};
pub use schema::SCHEMA_VERSION;
pub use snapshots::{CapabilityDiff, Comparison, FieldDiff, Side, Snapshot};
pub use transfer::{Conflict, ImportReport, EXPORT_FORMAT, EXPORT_VERSION};
pub use workshops::Workshop;

use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The database file inside the data folder.
pub const DB_FILE: &str = "atlas.db";

/// An open annotation database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The display name recorded as the author of each change.
    author: String,
    /// Why the store cannot be written, when it cannot.
    read_only: Option<String>,
}

impl Store {
    /// Opens (creating if needed) `<data_dir>/atlas.db`, refusing damaged or newer databases,
    /// backing up before migrating, and keeping the daily backups. If the folder cannot be
    /// written, an existing database is opened read-only instead (see `read_only`).
    pub fn open(data_dir: &Path, author: &str) -> Result<Store, StoreError> {
        let path = data_dir.join(DB_FILE);
        let existed = path.exists();
        let writable = std::fs::create_dir_all(data_dir).is_ok();
        let rw = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let (conn, read_only) = match writable.then(|| Connection::open_with_flags(&path, rw)) {
            Some(Ok(c)) if !probe_read_only(&c) => (c, None),
            other => {
                let detail = match other {
                    Some(Err(e)) => e.to_string(),
                    _ => "the data folder is not writable".to_string(),
                };
                if !existed {
                    return Err(StoreError::ReadOnly { path, detail });
                }
                let c = Connection::open_with_flags(
                    &path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .map_err(|e| corrupt(data_dir, &path, e.to_string()))?;
                (c, Some(detail))
            }
        };
        let mut store = Store {
            conn,
            path: path.clone(),
            author: author.to_string(),
            read_only,
        };
        // Nothing is written before these checks pass: a newer or damaged file stays as found.
        let version = schema::user_version(&store.conn)
            .map_err(|e| corrupt(data_dir, &path, e.to_string()))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if existed {
            let check: String = store
                .conn
                .query_row("PRAGMA quick_check", [], |r| r.get(0))
                .map_err(|e| corrupt(data_dir, &path, e.to_string()))?;
            if check != "ok" {
                return Err(corrupt(data_dir, &path, check));
            }
        }
        store.conn.pragma_update(None, "foreign_keys", "ON")?;
        store.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        if let Some(detail) = &store.read_only {
            if version < SCHEMA_VERSION {
                return Err(StoreError::ReadOnly {
                    path,
                    detail: detail.clone(),
                });
            }
            return Ok(store);
        }
        store.conn.pragma_update(None, "journal_mode", "WAL")?;
        store.conn.pragma_update(None, "synchronous", "FULL")?;
        if version < SCHEMA_VERSION {
            if existed && version > 0 {
                store.backup_to(&backup::pre_migration_path(data_dir, version))?;
            }
            schema::migrate(&mut store.conn, version)?;
        }
        // A failed daily backup must not lock people out of their data; it is retried on the
        // next start.
        let _ = backup::daily(&store, data_dir);
        Ok(store)
    }

    /// A throwaway store in memory, for tests.
    pub fn open_in_memory(author: &str) -> Result<Store, StoreError> {
        let mut conn = Connection::open_in_memory()?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        schema::migrate(&mut conn, 0)?;
        Ok(Store {
            conn,
            path: PathBuf::from(":memory:"),
            author: author.to_string(),
            read_only: None,
        })
    }

    /// Why the store is read-only, or `None` when it can be written.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn set_author(&mut self, author: &str) {
        self.author = author.to_string();
    }

    /// `PRAGMA integrity_check`'s verdict: `"ok"` or the problems found.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Starts a write transaction, refusing early when the store is read-only.
    fn write(&mut self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        if let Some(detail) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                detail: detail.clone(),
            });
        }
        Ok(self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }
}

/// SQLite opens a file on a read-only medium "read-write" and fails only on the first write;
/// asking up front lets the app say so before someone types a note.
fn probe_read_only(conn: &Connection) -> bool {
    conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
}

fn corrupt(data_dir: &Path, path: &Path, detail: String) -> StoreError {
    StoreError::Corrupt {
        path: path.to_path_buf(),
        detail,
        backup: newest_good_backup(data_dir),
    }
}

#[cfg(test)]
mod tests;
