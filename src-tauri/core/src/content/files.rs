//! Getting a pack's files into memory, from a folder or from the copy built into the binary.
//!
//! Both sources produce the same list of `PackFile`s, sorted by path, so the rest of the
//! loader cannot tell them apart and the built-in pack is validated exactly like one on disk.
//!
//! A pack folder may come from anywhere (a download, a shared drive), so reading it is
//! bounded whatever it holds: only regular files inside the pack folder are opened, each read
//! stops one byte past the size limit, and the walk stops at a depth, a file count and a total
//! size (see `limits`). A symlink is followed only when its real target is inside the pack
//! folder: authors may link a shared folder into `nodes/`, but a link out of the pack would
//! load files the author never meant to publish, and one to `/dev/zero` or a pipe would never
//! end. Each folder is read once, by its real path, so links that loop back are read once.
//! Whatever is refused becomes a `Problem` naming the file, listed with the rest.

use super::problem::{Problem, ProblemKind};
use crate::limits::{PACK_FILES, PACK_FILE_BYTES, PACK_FOLDER_DEPTH, PACK_TOTAL_BYTES};
use std::collections::HashSet;
use std::fs::Metadata;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Files above this size are refused (see `limits::PACK_FILE_BYTES`).
pub const MAX_FILE_BYTES: usize = PACK_FILE_BYTES;

/// One file of a pack: its path relative to the pack root (with `/`) and its bytes.
#[derive(Debug, Clone)]
pub struct PackFile {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The pack built into the binary from the repository's `content/` folder.
mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_pack.rs"));
}

pub fn builtin_files() -> Vec<PackFile> {
    embedded(builtin::FILES)
}

/// The companion packs built into the binary, each as (its folder's name, its files).
pub fn companion_files() -> Vec<(&'static str, Vec<PackFile>)> {
    builtin::COMPANIONS
        .iter()
        .map(|(folder, files)| (*folder, embedded(files)))
        .collect()
}

/// The mappings built into the binary: (file name, bytes).
pub fn builtin_mappings() -> &'static [(&'static str, &'static [u8])] {
    builtin::MAPPINGS
}

fn embedded(files: &[(&str, &[u8])]) -> Vec<PackFile> {
    let mut files: Vec<PackFile> = files
        .iter()
        .map(|(path, bytes)| PackFile {
            path: (*path).to_string(),
            bytes: bytes.to_vec(),
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Reads `framework.toml`, every `.md` below `nodes/` and every `.toml` below `tours/`.
/// Unreadable, refused and oversized files become problems rather than errors so that the
/// author sees them alongside the rest.
pub fn read_dir(root: &Path, problems: &mut Vec<Problem>) -> Vec<PackFile> {
    let canonical = match root.canonicalize() {
        Ok(c) if c.is_dir() => c,
        _ => {
            problems.push(Problem::new(
                ProblemKind::Unreadable,
                &root.display().to_string(),
                None,
                "the pack folder does not exist or is not a folder".into(),
            ));
            return Vec::new();
        }
    };
    let mut walk = Walk {
        root: root.to_path_buf(),
        canonical,
        files: Vec::new(),
        problems,
        visited: HashSet::new(),
        total_bytes: 0,
        entries: 0,
        full: false,
    };
    for (name, ext) in [
        ("framework.toml", "toml"),
        ("nodes", "md"),
        ("tours", "toml"),
    ] {
        let real = walk.canonical.join(name);
        walk.visit(&root.join(name), &real, ext, 0, true);
    }
    let mut files = walk.files;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

struct Walk<'a> {
    /// The pack folder as given, for the paths problems name.
    root: PathBuf,
    /// Its real path, which every file read must lie inside.
    canonical: PathBuf,
    files: Vec<PackFile>,
    problems: &'a mut Vec<Problem>,
    /// Real paths of the folders already read.
    visited: HashSet<PathBuf>,
    total_bytes: usize,
    /// Files and folders looked at, against `PACK_FILES`.
    entries: usize,
    /// A pack-wide limit was reached (and reported): nothing more is read.
    full: bool,
}

impl Walk<'_> {
    fn refuse(&mut self, kind: ProblemKind, path: &Path, message: String) {
        let rel = relative(&self.root, path);
        self.problems.push(Problem::new(kind, &rel, None, message));
    }

    /// Reads `path` if it is a wanted file, or walks it if it is a folder. `real` is where
    /// it is unless it is a symlink. `top` marks the three places the loader looks, which may
    /// legitimately be absent.
    fn visit(&mut self, path: &Path, real: &Path, ext: &str, depth: usize, top: bool) {
        if self.full {
            return;
        }
        self.entries += 1;
        if self.entries > PACK_FILES {
            self.full = true;
            self.refuse(
                ProblemKind::TooLarge,
                &self.root.clone(),
                format!("the pack holds more than {PACK_FILES} files and folders; the rest were not read"),
            );
            return;
        }
        let Some((real, meta)) = self.resolve(path, real, top) else {
            return;
        };
        if meta.is_dir() {
            self.walk(path, &real, ext, depth);
        } else if path.extension().is_none_or(|e| e != ext) {
            // Not a file the loader reads; whatever it is, it is never opened.
        } else if meta.is_file() {
            self.read(path, &real, meta.len());
        } else {
            self.refuse(
                ProblemKind::Unreadable,
                path,
                "this is not a regular file (a pipe, socket or device), so it is not read".into(),
            );
        }
    }

    /// The real path and metadata of `path`, if it may be read: not missing, and, when it is
    /// a symlink, leading somewhere inside the pack folder.
    fn resolve(&mut self, path: &Path, real: &Path, top: bool) -> Option<(PathBuf, Metadata)> {
        let own = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) if top && e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(e) => {
                self.refuse(ProblemKind::Unreadable, path, format!("cannot read: {e}"));
                return None;
            }
        };
        if !own.file_type().is_symlink() {
            return Some((real.to_path_buf(), own));
        }
        let real = match path.canonicalize() {
            Ok(real) => real,
            Err(e) => {
                self.refuse(
                    ProblemKind::Unreadable,
                    path,
                    format!("this link cannot be followed (it is broken or loops): {e}"),
                );
                return None;
            }
        };
        if !real.starts_with(&self.canonical) {
            self.refuse(
                ProblemKind::Unreadable,
                path,
                "this link leads outside the pack folder, so it is not followed".into(),
            );
            return None;
        }
        match std::fs::metadata(&real) {
            Ok(meta) => Some((real, meta)),
            Err(e) => {
                self.refuse(ProblemKind::Unreadable, path, format!("cannot read: {e}"));
                None
            }
        }
    }

    fn walk(&mut self, path: &Path, real: &Path, ext: &str, depth: usize) {
        if depth > PACK_FOLDER_DEPTH {
            self.refuse(
                ProblemKind::TooLarge,
                path,
                format!("folders nest more than {PACK_FOLDER_DEPTH} levels deep here; this one is not read"),
            );
            return;
        }
        if !self.visited.insert(real.to_path_buf()) {
            self.refuse(
                ProblemKind::Unreadable,
                path,
                "this folder is already read through another path (a link leads back to it)".into(),
            );
            return;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => {
                self.refuse(
                    ProblemKind::Unreadable,
                    path,
                    format!("cannot list this folder: {e}"),
                );
                return;
            }
        };
        for entry in entries.flatten() {
            let inner = real.join(entry.file_name());
            self.visit(&entry.path(), &inner, ext, depth + 1, false);
        }
    }

    fn read(&mut self, path: &Path, real: &Path, size: u64) {
        let too_large =
            |size: String| format!("the file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes");
        if size > MAX_FILE_BYTES as u64 {
            self.refuse(ProblemKind::TooLarge, path, too_large(size.to_string()));
            return;
        }
        let mut bytes = Vec::new();
        // The type was checked before opening (opening a pipe would wait for a writer); the
        // bound on the read holds even if the file changed in between.
        let read = std::fs::File::open(real)
            .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes));
        match read {
            Err(e) => self.refuse(
                ProblemKind::Unreadable,
                path,
                format!("cannot read the file: {e}"),
            ),
            Ok(n) if n > MAX_FILE_BYTES => self.refuse(
                ProblemKind::TooLarge,
                path,
                too_large(format!("over {MAX_FILE_BYTES}")),
            ),
            Ok(n) => {
                self.total_bytes += n;
                if self.total_bytes > PACK_TOTAL_BYTES {
                    self.full = true;
                    self.refuse(
                        ProblemKind::TooLarge,
                        path,
                        format!("the pack's files hold more than {} MB together; this file and the rest were not read", PACK_TOTAL_BYTES / (1024 * 1024)),
                    );
                    return;
                }
                let rel = relative(&self.root, path);
                self.files.push(PackFile { path: rel, bytes });
            }
        }
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    if rel.is_empty() {
        ".".into()
    } else {
        rel
    }
}
