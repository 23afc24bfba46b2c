//! A data folder that cannot be written (a read-only medium, a locked-down share): the store
//! opens read-only and says so on the first write.
//!
//! Permission bits do not bind root, and CI runs as root, so a test relying on them alone
//! proved nothing there. As root the folder is made read-only for real: by a read-only bind
//! mount in a private mount namespace (the checks then run in a child, this very test run
//! again inside the namespace), or failing that by the immutable flag, always taken off again.

use super::{fresh, two_four};
use crate::support::caf_ai;
use atlas_core::store::{Store, StoreError, DB_FILE};
use std::path::Path;
use std::process::Command;

/// Set in the child that runs inside the read-only mount: the data folder to check.
const CHILD_DIR: &str = "ATLAS_TEST_READ_ONLY_DIR";
const THIS_TEST: &str =
    "store::read_only::a_read_only_data_folder_opens_read_only_and_says_so_on_write";

/// What a person sees with such a folder: their data, and a clear refusal to write.
fn assert_opens_read_only(dir: &Path) {
    let mut store = Store::open(dir, "Ada").expect("a read-only database still opens");
    assert!(
        store.read_only().is_some(),
        "the app must know it is read-only before someone types a note"
    );
    let org = store.find_organisation("Acme").unwrap().id;
    assert_eq!(
        store.assessment(org, "data-curation").unwrap().notes,
        "readable",
        "what was saved can still be read"
    );
    let err = store
        .save_assessment(caf_ai(), org, "data-curation", two_four("x"))
        .unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("read-only"), "{err}");
}

fn folder_is_writable(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let writable = std::fs::write(&probe, b"").is_ok();
    let _ = std::fs::remove_file(probe);
    writable
}

/// Undoes `chmod` and `chattr +i` however the test ends.
struct Restore<'a>(&'a Path);

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        for path in [self.0.join(DB_FILE), self.0.to_path_buf()] {
            let _ = Command::new("chattr").arg("-i").arg(&path).output();
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755));
        }
    }
}

/// Runs this test again in a private mount namespace where `dir` is mounted read-only.
/// `Err` says why that is not possible here; a failed check in the child fails this test.
fn check_under_read_only_mount(dir: &Path) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new("unshare")
        .args(["-m", "sh", "-c"])
        .arg(r#"d=$1; shift; mount --bind "$d" "$d" && mount -o remount,bind,ro "$d" || exit 97; exec "$@""#)
        .arg("sh")
        .arg(dir)
        .arg(exe)
        .args(["--exact", THIS_TEST, "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, dir)
        .output()
        .map_err(|e| format!("unshare cannot run: {e}"))?;
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    match out.status.code() {
        Some(0) if said.contains("1 passed") => Ok(()),
        Some(0) => panic!("the child ran no test, so nothing was checked:\n{said}"),
        Some(101) => panic!("under a read-only mount:\n{said}"),
        _ => Err(format!("no private read-only mount: {}", said.trim())),
    }
}

#[test]
fn a_read_only_data_folder_opens_read_only_and_says_so_on_write() {
    use std::os::unix::fs::PermissionsExt;
    if let Some(dir) = std::env::var_os(CHILD_DIR) {
        let dir = Path::new(&dir);
        assert!(
            !folder_is_writable(dir),
            "the child runs under the read-only mount"
        );
        return assert_opens_read_only(dir);
    }
    let (dir, mut store) = fresh();
    let org = store.create_organisation("Acme").unwrap().id;
    store
        .save_assessment(caf_ai(), org, "data-curation", two_four("readable"))
        .unwrap();
    drop(store);
    let d = dir.path();
    let _undo = Restore(d);

    std::fs::set_permissions(d.join(DB_FILE), std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o555)).unwrap();
    if !folder_is_writable(d) {
        return assert_opens_read_only(d);
    }
    // Root: the permission bits do not bind.
    std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
    let no_mount = match check_under_read_only_mount(d) {
        Ok(()) => return,
        Err(why) => why,
    };
    let immutable = [d.join(DB_FILE), d.to_path_buf()].iter().all(|p| {
        Command::new("chattr")
            .arg("+i")
            .arg(p)
            .status()
            .is_ok_and(|s| s.success())
    });
    if immutable && !folder_is_writable(d) {
        return assert_opens_read_only(d);
    }
    eprintln!(
        "SKIPPED: running as root, the data folder could not be made read-only: {no_mount}; \
         and `chattr +i` did not take"
    );
}
