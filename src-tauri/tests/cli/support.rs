//! Running the `atlas` binary as a user runs it, and reading what it printed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn atlas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_atlas"))
        .args(args)
        .env(
            "ATLAS_DATA_DIR",
            std::env::temp_dir().join("atlas-cli-tests"),
        )
        .output()
        .expect("the atlas binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Runs `atlas` against its own data folder.
pub fn atlas_in(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["--data-dir", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    atlas(&all)
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Asserts that the command failed and said `words` on stderr (shown whole when not).
pub fn fails_saying(out: &Output, words: &str) {
    assert!(
        !out.status.success() && stderr(out).contains(words),
        "expected a failure saying {words:?}; got: {}",
        stderr(out)
    );
}
