//! The data folder's lock, which every process that opens the database respects.
//!
//! SQLite's own locking keeps writers from corrupting each other, but `atlas restore` does
//! more than write: it swaps the database file and removes its write-ahead log, and a process
//! that still had the old file open would go on saving into a file nobody reads again. So every
//! open store (the app's, each command's) holds a shared lock on `atlas.lock` for its whole
//! life, and a restore takes the exclusive lock or refuses. Shared locks do not exclude each
//! other: the app and any number of commands still write at the same time.
//!
//! The lock is the operating system's (`flock` on Unix, `LockFileEx` on Windows): it is let go
//! when the process ends, however it ends, so a crash never leaves the folder locked.

use super::error::StoreError;
use super::DB_FILE;
use crate::limits::{RESTORE_LOCK_WAIT, STORE_OPEN_WAIT};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

/// The lock file inside the data folder. It holds no data; only its lock matters.
pub const LOCK_FILE: &str = "atlas.lock";

/// A lock on the data folder, held until dropped.
#[derive(Debug)]
pub(crate) struct DataLock {
    _file: File,
}

impl DataLock {
    /// The lock an open store holds. Waits up to `STORE_OPEN_WAIT` for a restore in progress.
    ///
    /// A folder that cannot be written and has no lock file yet gets no lock: nothing can
    /// restore into such a folder either, and refusing would lock people out of data they can
    /// still read.
    pub(crate) fn shared(data_dir: &Path) -> Result<Option<DataLock>, StoreError> {
        let path = data_dir.join(LOCK_FILE);
        let file = match open(&path).or_else(|_| File::open(&path)) {
            Ok(file) => file,
            Err(_) => return Ok(None),
        };
        let deadline = Instant::now() + STORE_OPEN_WAIT;
        loop {
            match file.try_lock_shared() {
                Ok(()) => return Ok(Some(DataLock { _file: file })),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::Restoring {
                        path: data_dir.to_path_buf(),
                        waited: STORE_OPEN_WAIT.as_secs(),
                    })
                }
                // A file system without locks (some network shares): the store still opens,
                // as it did before there was a lock; a restore there refuses instead.
                Err(TryLockError::Error(_)) => return Ok(None),
            }
        }
    }

    /// The lock a restore holds while it swaps the database, or why it cannot have it.
    ///
    /// It waits up to `RESTORE_LOCK_WAIT` before refusing: a window that was just closed, or a
    /// process that was just started and has not yet let go of the descriptors it inherited,
    /// may hold the shared lock for a moment longer.
    pub(crate) fn exclusive(data_dir: &Path) -> Result<DataLock, StoreError> {
        let path = data_dir.join(LOCK_FILE);
        let file = open(&path).map_err(|e| StoreError::File {
            path: path.clone(),
            detail: format!("cannot lock the data folder: {e}"),
        })?;
        let deadline = Instant::now() + RESTORE_LOCK_WAIT;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(DataLock { _file: file }),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(50));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(StoreError::InUse {
                        path: data_dir.join(DB_FILE),
                    })
                }
                Err(TryLockError::Error(e)) => {
                    return Err(StoreError::File {
                        path,
                        detail: format!(
                            "cannot lock the data folder ({e}), so it cannot be known that \
                             nothing has the database open; nothing was changed"
                        ),
                    })
                }
            }
        }
    }
}

fn open(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}
