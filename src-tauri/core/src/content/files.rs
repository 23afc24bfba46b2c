//! Getting a pack's files into memory, from a folder or from the copy built into the binary.
//!
//! Both sources produce the same list of `PackFile`s, sorted by path, so the rest of the
//! loader cannot tell them apart and the built-in pack is validated exactly like one on disk.

use super::problem::{Problem, ProblemKind};
use std::path::Path;

/// Files above this size are refused: no honest node file comes near it, and reading an
/// accidental multi-gigabyte file into memory would hang the app.
pub const MAX_FILE_BYTES: usize = 256 * 1024;

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
    let mut files: Vec<PackFile> = builtin::FILES
        .iter()
        .map(|(path, bytes)| PackFile {
            path: (*path).to_string(),
            bytes: bytes.to_vec(),
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// Reads `framework.toml`, every `.md` below `nodes/` and every `.toml` below `tours/`. Unreadable and oversized files
/// become problems rather than errors so that the author sees them alongside the rest.
pub fn read_dir(root: &Path, problems: &mut Vec<Problem>) -> Vec<PackFile> {
    let mut files = Vec::new();
    if !root.is_dir() {
        problems.push(Problem::new(
            ProblemKind::Unreadable,
            &root.display().to_string(),
            None,
            "the pack folder does not exist or is not a folder".into(),
        ));
        return files;
    }
    let manifest = root.join("framework.toml");
    if manifest.exists() {
        read_one(root, &manifest, &mut files, problems);
    }
    walk(root, &root.join("nodes"), "md", &mut files, problems);
    walk(root, &root.join("tours"), "toml", &mut files, problems);
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn walk(
    root: &Path,
    dir: &Path,
    ext: &str,
    files: &mut Vec<PackFile>,
    problems: &mut Vec<Problem>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => {
            problems.push(Problem::new(
                ProblemKind::Unreadable,
                &relative(root, dir),
                None,
                format!("cannot list this folder: {e}"),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, ext, files, problems);
        } else if path.extension().is_some_and(|e| e == ext) {
            read_one(root, &path, files, problems);
        }
    }
}

fn read_one(root: &Path, path: &Path, files: &mut Vec<PackFile>, problems: &mut Vec<Problem>) {
    let rel = relative(root, path);
    let too_large = |size: u64| {
        Problem::new(
            ProblemKind::TooLarge,
            &rel,
            None,
            format!("the file is {size} bytes; the limit is {MAX_FILE_BYTES} bytes"),
        )
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES as u64 => {
            problems.push(too_large(meta.len()));
            return;
        }
        _ => {}
    }
    match std::fs::read(path) {
        Ok(bytes) if bytes.len() > MAX_FILE_BYTES => problems.push(too_large(bytes.len() as u64)),
        Ok(bytes) => files.push(PackFile { path: rel, bytes }),
        Err(e) => problems.push(Problem::new(
            ProblemKind::Unreadable,
            &rel,
            None,
            format!("cannot read the file: {e}"),
        )),
    }
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
