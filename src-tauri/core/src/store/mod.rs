//! The per-organisation annotation store (SQLite).
//!
//! People record their organisation's status here over months, so this module's first duty is
//! never to lose it: every write is a transaction under WAL with `synchronous=FULL`, every
//! change is appended to the history (nothing is updated without a trace), a backup is taken
//! before any migration and once a day, and a database that is damaged or newer than this
//! build, or not a Capability Atlas database at all, is refused and left untouched. Input is
//! validated against the loaded `Framework` before it is stored.
//!
//! Files: `schema` (migrations), `verify` (is a file ours), `lock` (the data folder's lock,
//! which restore needs to itself), `model` (records and validation), `organisations`,
//! `assessments`, `sittings` (typing in one sitting is one change), `bulk` (one field on many
//! capabilities), `layouts` (graph positions per pack), `views` (named views of the graph per
//! pack), `history` (timeline, undo, redo), `words` (a change as a person reads it), `snapshots`
//! (and comparisons), `orphans` (the review of assessments a pack no longer has), `transfer`
//! (JSON and CSV files), `csv_import`, `import_plan` (preview, merge, undo of an import), `files`
//! (where exports may go), `backup`, `catalogue` (what each backup holds, for the Restore list),
//! `error`.

mod actions;
mod assessments;
mod backup;
mod bulk;
mod catalogue;
mod csv;
mod csv_import;
mod error;
mod files;
mod history;
mod import_plan;
mod layouts;
mod lock;
mod model;
mod organisations;
mod orphans;
mod schema;
mod sittings;
mod snapshots;
mod tours;
mod transfer;
mod verify;
mod views;
mod words;
mod workshops;

pub use actions::{is_calendar_date, Action, ActionStatus};
pub use backup::{
    check_restorable, newest_good_backup, restore, Restored, BACKUPS_DIR, DAILY_BACKUPS_KEPT,
};
pub use bulk::BulkEdit;
pub use catalogue::{list_backups, BackupSummary};
pub use error::StoreError;
pub use files::write_export;
pub use history::{HistoryEntry, UndoOutcome};
pub use import_plan::{
    checksum, Changed, ConflictDetail, ImportCounts, ImportPreview, ImportUndo, OrgPreview,
    Resolution, Take,
};
pub use layouts::{Point, SavedLayout};
pub use lock::LOCK_FILE;
pub(crate) use model::{now_secs, timestamp};
pub use model::{
    today, Assessment, AssessmentPatch, Confidence, DeletedOrganisation, Evidence, Organisation,
    Priority, StoreStatus, FIELDS,
};
pub use orphans::{pack_key, OrphanDecision, OrphanRecord};
pub use schema::SCHEMA_VERSION;
pub use snapshots::{CapabilityDiff, Comparison, FieldDiff, Side, Snapshot};
pub(crate) use transfer::read_import_file;
pub use transfer::{Conflict, ImportReport, EXPORT_FORMAT, EXPORT_VERSION};
pub use views::{SavedView, ViewCamera, ViewFilters, ViewFocus};
pub(crate) use words::field_change;
pub use workshops::Workshop;

use lock::DataLock;
use rusqlite::{Connection, OpenFlags};
use schema::{BadVersion, Version};
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
    /// The data folder's shared lock. Declared last so that it is let go only after the
    /// connection has closed.
    _lock: Option<DataLock>,
}

impl Store {
    /// Opens (creating if needed) `<data_dir>/atlas.db`, refusing damaged, foreign or newer
    /// databases, backing up before migrating, and keeping the daily backups. If the folder
    /// cannot be written, an existing database is opened read-only instead (see `read_only`).
    ///
    /// The store holds the data folder's shared lock for its whole life (see `lock`); while an
    /// `atlas restore` holds it exclusively, opening waits up to `limits::STORE_OPEN_WAIT`.
    pub fn open(data_dir: &Path, author: &str) -> Result<Store, StoreError> {
        let path = data_dir.join(DB_FILE);
        let writable = std::fs::create_dir_all(data_dir).is_ok();
        let lock = DataLock::shared(data_dir)?;
        let existed = path.exists();
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
                let c =
                    open_read_only(&path).map_err(|e| corrupt(data_dir, &path, e.to_string()))?;
                (c, Some(detail))
            }
        };
        let mut store = Store {
            conn,
            path: path.clone(),
            author: author.to_string(),
            read_only,
            _lock: lock,
        };
        // Nothing is written before these checks pass: a newer, damaged or foreign file (one
        // with a trigger that would run on our writes, say) stays exactly as found.
        let version = match verify::check(&store.conn, verify::Depth::Open) {
            Ok(version) => version,
            Err(verify::NotOurs::Version(BadVersion::Newer(found))) => {
                return Err(StoreError::NewerSchema {
                    path,
                    found,
                    supported: SCHEMA_VERSION,
                })
            }
            Err(problem) => return Err(corrupt(data_dir, &path, problem.to_string())),
        };
        store.conn.pragma_update(None, "foreign_keys", "ON")?;
        store.conn.busy_handler(Some(wait_for_other_writer))?;
        if let Some(detail) = &store.read_only {
            if version < Version::CURRENT {
                return Err(StoreError::ReadOnly {
                    path,
                    detail: detail.clone(),
                });
            }
            return Ok(store);
        }
        store.conn.pragma_update(None, "journal_mode", "WAL")?;
        store.conn.pragma_update(None, "synchronous", "FULL")?;
        if version < Version::CURRENT {
            if existed && version > Version::EMPTY {
                store.backup_to(&backup::pre_migration_path(data_dir, version.get()))?;
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
        schema::migrate(&mut conn, Version::EMPTY)?;
        Ok(Store {
            conn,
            path: PathBuf::from(":memory:"),
            author: author.to_string(),
            read_only: None,
            _lock: None,
        })
    }

    /// Why the store is read-only, or `None` when it can be written.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Who changes are attributed to.
    pub fn author(&self) -> &str {
        &self.author
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

/// Called by SQLite while another process holds the write lock. SQLite's own handler sleeps
/// longer and longer, up to 100 ms between tries, and a writer saving in a loop (a bulk
/// command, an import) releases the lock for only microseconds between transactions: polled
/// that rarely, the window or a second command could wait for seconds and then fail. Trying
/// every millisecond finds those gaps within tens of milliseconds; after `WRITE_LOCK_WAIT` the
/// write fails with "database is locked" and nothing is changed.
fn wait_for_other_writer(tries: i32) -> bool {
    const PAUSE: std::time::Duration = std::time::Duration::from_millis(1);
    let waited = PAUSE * u32::try_from(tries).unwrap_or(u32::MAX);
    if waited >= crate::limits::WRITE_LOCK_WAIT {
        return false;
    }
    std::thread::sleep(PAUSE);
    true
}

/// SQLite opens a file on a read-only medium "read-write" and fails only on the first write;
/// asking up front lets the app say so before someone types a note.
fn probe_read_only(conn: &Connection) -> bool {
    conn.is_readonly(rusqlite::MAIN_DB).unwrap_or(true)
}

/// Opens the database for reading only.
///
/// A WAL database is read through an index beside it (`atlas.db-shm`), which SQLite cannot
/// create on a read-only medium. When there is no write-ahead log either, every committed change
/// is in the database file itself, so it is opened as immutable: read without that index and
/// without locks, which is safe because nothing can write in a folder nobody can write to.
fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    match schema::user_version(&conn) {
        // SQLite says "unable to open" or "readonly" depending on why the index cannot be made.
        Err(e) if !path.with_extension("db-wal").exists() => {
            let mut uri = String::from("file:");
            for c in path.to_string_lossy().chars() {
                match c {
                    '%' | '?' | '#' => uri.push_str(&format!("%{:02X}", c as u32)),
                    c => uri.push(c),
                }
            }
            uri.push_str("?immutable=1");
            let immutable = Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI)?;
            match schema::user_version(&immutable) {
                Ok(_) => Ok(immutable),
                Err(_) => Err(e),
            }
        }
        _ => Ok(conn),
    }
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
