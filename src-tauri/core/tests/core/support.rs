//! Shared helpers for the core tests: the built-in pack, and throwaway packs made by copying
//! the small example pack and changing one thing about it.

use atlas_core::{Framework, LoadReport, Problem, ProblemKind};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn caf_ai() -> &'static Framework {
    static FW: OnceLock<Framework> = OnceLock::new();
    FW.get_or_init(|| match atlas_core::load_builtin() {
        Ok(fw) => fw,
        Err(report) => panic!("the built-in CAF-AI pack must load cleanly:\n{report}"),
    })
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn example_pack() -> PathBuf {
    repo_root().join("content/examples/kitchen")
}

/// A copy of the example pack in a temporary folder, for a test to break.
pub struct ScratchPack {
    pub dir: tempfile::TempDir,
}

impl ScratchPack {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&example_pack(), dir.path());
        ScratchPack { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Self {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
        self
    }

    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let p = self.dir.path().join(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(
            text.contains(from),
            "fixture {rel} must contain {from:?} to edit it"
        );
        std::fs::write(p, text.replacen(from, to, 1)).unwrap();
        self
    }

    pub fn load(&self) -> Result<Framework, LoadReport> {
        atlas_core::load_dir(self.path())
    }

    /// Loads the pack, which must fail, and returns its problems.
    pub fn problems(&self) -> Vec<Problem> {
        match self.load() {
            Ok(_) => panic!("a broken pack must not load"),
            Err(report) => report.problems,
        }
    }
}

/// Asserts that exactly one problem of `kind` was reported, at `file`:`line`.
pub fn assert_problem(problems: &[Problem], kind: ProblemKind, file: &str, line: Option<usize>) {
    let hits: Vec<&Problem> = problems.iter().filter(|p| p.kind == kind).collect();
    assert!(
        hits.iter().any(|p| p.file == file && p.line == line),
        "expected a {kind:?} problem at {file}:{line:?}, got:\n{}",
        problems
            .iter()
            .map(|p| format!("  {kind:?} {p}", kind = p.kind))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn copy_dir(from: &Path, to: &Path) {
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

/// Held by tests that measure time and by tests that load the machine heavily, so that on a
/// machine of few cores the one does not time the other's work.
pub fn alone() -> std::sync::MutexGuard<'static, ()> {
    static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `work` on its own thread and returns its result, failing the test if it has not
/// finished within `limit`: a test of a former hang must itself never hang.
pub fn finishes_within<T: Send + 'static>(
    limit: std::time::Duration,
    what: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> T {
    let _alone = alone();
    let (tx, rx) = std::sync::mpsc::channel();
    let started = std::time::Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(work());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what} must finish within {limit:?}, but it was still running")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => panic!(
            "{what} panicked after {:?} (see its message above)",
            started.elapsed()
        ),
    }
}
