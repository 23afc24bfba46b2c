//! Backups: online copies through SQLite's backup API, taken before every migration, once a
//! day (the last seven kept) and on demand; and restoring one of them.
//!
//! A backup is written under a temporary name and renamed into place, so a crash mid-backup
//! never leaves a half-written file that looks like a good backup.

use super::error::StoreError;
use super::model::now;
use super::schema::{user_version, SCHEMA_VERSION};
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

fn backups_dir(data_dir: &Path) -> PathBuf {
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
        let tmp = dest.with_extension("db.partial");
        let _ = std::fs::remove_file(&tmp);
        self.conn
            .backup("main", &tmp, None::<fn(rusqlite::backup::Progress)>)?;
        std::fs::rename(&tmp, dest).map_err(|e| StoreError::File {
            path: dest.to_path_buf(),
            detail: e.to_string(),
        })
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

/// Whether `file` is a database this build can open: readable, intact, not newer.
fn check_good(file: &Path) -> Result<(), String> {
    let conn = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| e.to_string())?;
    let version = user_version(&conn).map_err(|e| e.to_string())?;
    if version > SCHEMA_VERSION {
        return Err(format!(
            "it was written by a newer version (schema {version})"
        ));
    }
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if check != "ok" {
        return Err(check);
    }
    Ok(())
}

/// The most recently written backup that passes its own integrity check.
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
        .find(|p| check_good(p).is_ok())
}

/// `atlas restore FILE`: replaces the database with a copy of `file`, after checking it. The
/// database being replaced is kept in the backups folder first (copied byte for byte, since it
/// may be the damaged one), so a restore can itself be undone.
pub fn restore(data_dir: &Path, file: &Path) -> Result<PathBuf, StoreError> {
    check_good(file).map_err(|detail| StoreError::File {
        path: file.to_path_buf(),
        detail: format!("cannot restore from this file: {detail}"),
    })?;
    let db = data_dir.join(DB_FILE);
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| StoreError::File {
            path,
            detail: e.to_string(),
        }
    };
    let dir = backups_dir(data_dir);
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    if db.exists() {
        let keep = unique(dir.join(format!("before-restore-{}.db", stamp())));
        std::fs::copy(&db, &keep).map_err(io(&keep))?;
        for ext in ["db-wal", "db-shm"] {
            let side = db.with_extension(ext);
            if side.exists() {
                std::fs::copy(&side, keep.with_extension(ext)).map_err(io(&side))?;
            }
        }
    }
    let staged = data_dir.join(format!("{DB_FILE}.restoring"));
    let _ = std::fs::remove_file(&staged);
    {
        let src = Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        src.backup("main", &staged, None::<fn(rusqlite::backup::Progress)>)?;
    }
    // A stale write-ahead log would be replayed onto the restored file; it belongs to the
    // database being replaced, which is already saved above.
    for ext in ["db-wal", "db-shm"] {
        let _ = std::fs::remove_file(db.with_extension(ext));
    }
    std::fs::rename(&staged, &db).map_err(io(&db))?;
    Ok(db)
}
