//! Backups: online copies through SQLite's backup API, taken before every migration, once a
//! day (the last seven kept) and on demand; and restoring one of them.
//!
//! A backup is written under a temporary name and renamed into place, so a crash mid-backup
//! never leaves a half-written file that looks like a good backup. A restore takes the data
//! folder's exclusive lock (`lock`), so it never swaps the file under a process that has it
//! open, and accepts only a file `verify` recognises as a Capability Atlas database.

use super::error::StoreError;
use super::lock::DataLock;
use super::model::now;
use super::verify;
use super::{Store, DB_FILE};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The folder under the data folder that holds backups.
pub const BACKUPS_DIR: &str = "backups";
/// How many daily backups are kept.
pub const DAILY_BACKUPS_KEPT: usize = 7;

fn stamp() -> String {
    now().replace(':', "-")
}

pub(crate) fn backups_dir(data_dir: &Path) -> PathBuf {
    data_dir.join(BACKUPS_DIR)
}

pub(crate) fn pre_migration_path(data_dir: &Path, version: i64) -> PathBuf {
    unique(backups_dir(data_dir).join(format!("pre-migration-v{version}-{}.db", stamp())))
}

/// Adds `-2`, `-3`, … before the extension when two backups land in the same second.
fn unique(path: PathBuf) -> PathBuf {
    if !path.exists() {
        return path;
    }
    let stem = path.file_stem().unwrap().to_string_lossy().to_string();
    (2..)
        .map(|n| path.with_file_name(format!("{stem}-{n}.db")))
        .find(|p| !p.exists())
        .expect("some name is free")
}

impl Store {
    /// Copies the live database to `dest` with the backup API (consistent even while the app
    /// writes), via a temporary file renamed into place.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::File {
                path: dir.to_path_buf(),
                detail: e.to_string(),
            })?;
        }
        backup_into(&self.conn, dest)
    }

    /// `atlas backup`: a backup now, next to the daily ones. Returns its path.
    pub fn backup_now(&self) -> Result<PathBuf, StoreError> {
        let dir = self
            .path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let dest = unique(backups_dir(&dir).join(format!("manual-{}.db", stamp())));
        self.backup_to(&dest)?;
        Ok(dest)
    }
}

/// Copies `conn`'s database to `dest` through a temporary file renamed into place.
fn backup_into(conn: &Connection, dest: &Path) -> Result<(), StoreError> {
    let tmp = dest.with_extension("db.partial");
    let _ = std::fs::remove_file(&tmp);
    let copied = conn.backup("main", &tmp, None::<fn(rusqlite::backup::Progress)>);
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&tmp);
        return Err(e.into());
    }
    std::fs::rename(&tmp, dest).map_err(io(dest))
}

/// Takes today's backup if there is none yet, and keeps only the newest seven.
pub(crate) fn daily(store: &Store, data_dir: &Path) -> Result<(), StoreError> {
    let dir = backups_dir(data_dir);
    let today = format!("daily-{}.db", &now()[..10]);
    if !dir.join(&today).exists() {
        store.backup_to(&dir.join(&today))?;
    }
    let mut dailies: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    dailies.retain(|p| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        name.starts_with("daily-") && name.ends_with(".db")
    });
    dailies.sort();
    let excess = dailies.len().saturating_sub(DAILY_BACKUPS_KEPT);
    for old in &dailies[..excess] {
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}

/// The most recently written backup that passes the same checks as a file to restore, so the
/// one offered can be restored.
pub fn newest_good_backup(data_dir: &Path) -> Option<PathBuf> {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(backups_dir(data_dir))
        .ok()?
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "db"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort();
    files
        .into_iter()
        .rev()
        .map(|(_, p)| p)
        .find(|p| verify::restorable(p).is_ok())
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    /// The database now in place.
    pub database: PathBuf,
    /// Where the database it replaced was kept, if there was one.
    pub replaced: Option<PathBuf>,
}

/// `atlas restore FILE`: replaces the database with a copy of `file`.
///
/// `file` must be a Capability Atlas database (see `verify`), and nothing may have the
/// database open: the exclusive lock on the data folder is taken or the restore refuses, so no
/// process goes on saving into a file that is about to be replaced. The database being
/// replaced is then copied into the backups folder, write-ahead log included, and only once
/// that copy is safe does its log go and the new file take its place, by a rename.
pub fn restore(data_dir: &Path, file: &Path) -> Result<Restored, StoreError> {
    check_restorable(file)?;
    std::fs::create_dir_all(data_dir).map_err(io(data_dir))?;
    let _lock = DataLock::exclusive(data_dir)?;
    let db = data_dir.join(DB_FILE);
    let staged = Staged(data_dir.join(format!("{DB_FILE}.restoring")));
    let _ = std::fs::remove_file(&staged.0);
    {
        let src = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        src.backup("main", &staged.0, None::<fn(rusqlite::backup::Progress)>)?;
    }
    let replaced = if db.exists() {
        Some(keep_replaced(data_dir, &db)?)
    } else {
        None
    };
    // Left in place, the old write-ahead log would be replayed onto the restored file; its
    // committed changes are in the copy just kept.
    for ext in ["db-wal", "db-shm"] {
        let side = db.with_extension(ext);
        match std::fs::remove_file(&side) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(&side)(e)),
            _ => {}
        }
    }
    std::fs::rename(&staged.0, &db).map_err(io(&db))?;
    if let Ok(dir) = std::fs::File::open(data_dir) {
        let _ = dir.sync_all();
    }
    Ok(Restored {
        database: db,
        replaced,
    })
}

/// Keeps the database about to be replaced in the backups folder, so a restore can itself be
/// undone. Read through SQLite's backup API, the copy includes what only the write-ahead log
/// holds yet; a file too damaged for that is copied byte for byte, log and all.
fn keep_replaced(data_dir: &Path, db: &Path) -> Result<PathBuf, StoreError> {
    let dir = backups_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let keep = unique(dir.join(format!("before-restore-{}.db", stamp())));
    let consistent = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(StoreError::from)
        .and_then(|conn| backup_into(&conn, &keep));
    if consistent.is_ok() {
        return Ok(keep);
    }
    std::fs::copy(db, &keep).map_err(io(&keep))?;
    for ext in ["db-wal", "db-shm"] {
        let side = db.with_extension(ext);
        if side.exists() {
            let to = keep.with_extension(ext);
            std::fs::copy(&side, &to).map_err(io(&to))?;
        }
    }
    Ok(keep)
}

/// Whether `file` is a Capability Atlas database `restore` would accept, saying why not.
pub fn check_restorable(file: &Path) -> Result<(), StoreError> {
    verify::restorable(file)
        .map(|_| ())
        .map_err(|problem| StoreError::File {
            path: file.to_path_buf(),
            detail: format!("cannot restore from this file: {problem}; nothing was changed"),
        })
}

/// A staged copy, removed unless it was renamed into place.
struct Staged(PathBuf);

impl Drop for Staged {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |e| StoreError::File {
        path,
        detail: e.to_string(),
    }
}
