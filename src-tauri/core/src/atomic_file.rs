//! Writing a file the user asked for so that it is either wholly there or not there at all, and
//! never over an earlier file unless replacing it was asked for.
//!
//! The bytes go to a temporary file in the target's own folder and are flushed to the disk;
//! only then does the file get its name: by `rename` when replacing, by `hard_link` when the
//! name must be free (the link fails when the name is taken, so two writers cannot both win it,
//! and nothing half-written ever carries the name). A full disk or a crash therefore leaves an
//! earlier file exactly as it was and no partial file under the final name. Every export goes
//! through here: the command line's JSON and CSV, and the app's images and reports.

use crate::limits::EXPORT_NAME_TRIES;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What to do when the name asked for is already taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Keep the earlier file and write under the first free name among `name (2).ext`,
    /// `name (3).ext`, …
    NewName,
    /// Replace the earlier file (in one step: it is the old file or the new one, never a mix).
    Replace,
}

/// Why a file could not be written. In every case, whatever was under the name is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The disk refused: full, read-only, no permission, no such folder.
    #[error("{}: {source}; nothing was written under this name", .path.display())]
    Io { path: PathBuf, source: io::Error },
    /// Every numbered name up to `EXPORT_NAME_TRIES` is taken.
    #[error("{} already holds {} files named like `{name}`; choose another name", .folder.display(), EXPORT_NAME_TRIES)]
    NoFreeName { folder: PathBuf, name: String },
}

impl WriteError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            WriteError::Io { path, .. } => path,
            WriteError::NoFreeName { folder, .. } => folder,
        }
    }
}

/// Writes `bytes` at `path` (see `write_with`). Returns the path written.
pub fn write(path: &Path, existing: Existing, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    write_with(path, existing, |file| file.write_all(bytes))
}

/// Writes what `fill` writes into a temporary file, then gives it its name at `path` (or a
/// numbered name beside it, see `Existing`). If `fill` fails, as it does on a full disk, the
/// temporary file is removed and the name is never touched. Returns the path written.
pub fn write_with(
    path: &Path,
    existing: Existing,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<PathBuf, WriteError> {
    let io_error = |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    };
    let name = path.file_name().ok_or_else(|| {
        io_error(io::Error::new(
            io::ErrorKind::InvalidInput,
            "this is not a file name",
        ))
    })?;
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut temp = Temp::create(folder, name).map_err(io_error)?;
    fill(&mut temp.file)
        .and_then(|()| temp.file.sync_all())
        .map_err(io_error)?;
    let written = match existing {
        Existing::Replace => {
            fs::rename(&temp.path, path).map_err(io_error)?;
            path.to_path_buf()
        }
        Existing::NewName => link_under_free_name(&temp.path, folder, name)?,
    };
    drop(temp);
    sync_folder(folder);
    Ok(written)
}

/// `name`, then `stem (2).ext`, `stem (3).ext`, …
fn numbered(name: &std::ffi::OsStr, n: u32) -> String {
    let name = Path::new(name);
    let plain = name.to_string_lossy().into_owned();
    if n == 1 {
        return plain;
    }
    let stem = name
        .file_stem()
        .map_or(plain.clone(), |s| s.to_string_lossy().into_owned());
    match name.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
    }
}

fn link_under_free_name(
    temp: &Path,
    folder: &Path,
    name: &std::ffi::OsStr,
) -> Result<PathBuf, WriteError> {
    for n in 1..=EXPORT_NAME_TRIES {
        let candidate = folder.join(numbered(name, n));
        let io_error = |source| WriteError::Io {
            path: candidate.clone(),
            source,
        };
        match fs::hard_link(temp, &candidate) {
            Ok(()) => return Ok(candidate),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            // Some file systems (FAT, some network shares) have no hard links: claim the
            // name with an empty file, which costs no room on the disk, then move the
            // finished file over our own claim.
            Err(_) => match OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&candidate)
            {
                Ok(_) => {
                    return fs::rename(temp, &candidate)
                        .map(|()| candidate.clone())
                        .map_err(|e| {
                            let _ = fs::remove_file(&candidate);
                            io_error(e)
                        })
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(io_error(e)),
            },
        }
    }
    Err(WriteError::NoFreeName {
        folder: folder.to_path_buf(),
        name: crate::limits::echo(&name.to_string_lossy()),
    })
}

/// The temporary file, removed when dropped (after a rename there is nothing left to remove).
struct Temp {
    path: PathBuf,
    file: File,
}

impl Temp {
    fn create(folder: &Path, name: &std::ffi::OsStr) -> io::Result<Temp> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let path = folder.join(format!(
                ".{}.{}-{n}.partial",
                name.to_string_lossy(),
                std::process::id()
            ));
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => return Ok(Temp { path, file }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// Makes the new name itself survive a power cut. Best effort: not every platform can open a
/// folder, and the file's bytes are already safe.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        all.sort();
        all
    }

    #[test]
    fn a_taken_name_gets_a_number_and_the_earlier_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("acme.json");
        let first = write(&target, Existing::NewName, b"first").unwrap();
        let second = write(&target, Existing::NewName, b"second").unwrap();
        let third = write(&dir.path().join("notes"), Existing::NewName, b"x").unwrap();
        let fourth = write(&dir.path().join("notes"), Existing::NewName, b"y").unwrap();
        assert_eq!(first, target);
        assert_eq!(second, dir.path().join("acme (2).json"));
        assert_eq!(fourth, dir.path().join("notes (2)"), "{third:?}");
        assert_eq!(fs::read(&target).unwrap(), b"first", "never overwritten");
        assert_eq!(
            names(dir.path()),
            ["acme (2).json", "acme.json", "notes", "notes (2)"],
            "no temporary file is left behind"
        );
    }

    #[test]
    fn replacing_swaps_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("acme.csv");
        fs::write(&target, b"an old and longer export").unwrap();
        assert_eq!(write(&target, Existing::Replace, b"new").unwrap(), target);
        assert_eq!(fs::read(&target).unwrap(), b"new");
        assert_eq!(names(dir.path()), ["acme.csv"]);
    }

    #[test]
    fn a_write_that_runs_out_of_room_leaves_the_earlier_file_and_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("acme.json");
        fs::write(&target, b"the earlier export").unwrap();
        for existing in [Existing::Replace, Existing::NewName] {
            let err = write_with(&target, existing, |f| {
                f.write_all(b"half of the new exp")?;
                Err(io::Error::from(io::ErrorKind::StorageFull))
            })
            .unwrap_err();
            assert!(
                err.to_string().contains("nothing was written"),
                "the message says the name was not touched: {err}"
            );
            assert_eq!(
                fs::read(&target).unwrap(),
                b"the earlier export",
                "a failed {existing:?} export must leave the earlier file whole"
            );
            assert_eq!(
                names(dir.path()),
                ["acme.json"],
                "no partial file under any name after a failed {existing:?} export"
            );
        }
    }

    #[test]
    fn a_path_without_a_file_name_is_refused() {
        let err = write(Path::new("/"), Existing::NewName, b"x").unwrap_err();
        assert!(err.to_string().contains("not a file name"), "{err}");
    }
}
