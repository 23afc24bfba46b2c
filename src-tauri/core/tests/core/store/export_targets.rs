//! Where an export may be written: anywhere but the store's own files, whole or not at all,
//! and over an earlier file only when asked to.

use super::fresh;
use atlas_core::store::{write_export, StoreError, BACKUPS_DIR, DB_FILE, LOCK_FILE};
use std::path::Path;

fn refused(data: &Path, target: &Path) {
    let db = data.join(DB_FILE);
    let before = std::fs::read(&db).unwrap();
    for replace in [false, true] {
        let err = write_export(data, target, b"{\"format\":\"export\"}", replace)
            .expect_err("the store's own files are never an export target");
        assert!(matches!(err, StoreError::File { .. }), "{err:?}");
        assert!(
            err.to_string().contains("never written there"),
            "the refusal says why ({}): {err}",
            target.display()
        );
    }
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database is untouched"
    );
}

#[test]
fn exporting_over_the_live_database_is_refused_even_when_replacing() {
    let (dir, store) = fresh();
    let d = dir.path();
    store.backup_now().unwrap();
    for name in [
        DB_FILE,
        "atlas.db-wal",
        "atlas.db-shm",
        "atlas.db-journal",
        LOCK_FILE,
    ] {
        refused(d, &d.join(name));
    }
    refused(d, &d.join(BACKUPS_DIR).join("manual.db"));
    refused(d, &d.join(BACKUPS_DIR).join("../atlas.db"));
    let backup = std::fs::read_dir(d.join(BACKUPS_DIR))
        .unwrap()
        .flatten()
        .next()
        .unwrap();
    refused(d, &backup.path());
    drop(store);
}

#[cfg(unix)]
#[test]
fn a_link_to_the_database_is_refused_like_the_database() {
    let (dir, _store) = fresh();
    let elsewhere = tempfile::tempdir().unwrap();
    let link = elsewhere.path().join("acme.json");
    std::os::unix::fs::symlink(dir.path().join(DB_FILE), &link).unwrap();
    refused(dir.path(), &link);
    let dangling = elsewhere.path().join("log.json");
    std::os::unix::fs::symlink(dir.path().join("atlas.db-wal"), &dangling).unwrap();
    refused(dir.path(), &dangling);
    let folder_link = elsewhere.path().join("data");
    std::os::unix::fs::symlink(dir.path(), &folder_link).unwrap();
    refused(dir.path(), &folder_link.join(DB_FILE));
}

#[test]
fn an_export_to_a_taken_name_gets_a_new_one_unless_replacing() {
    let (dir, _store) = fresh();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("acme.json");
    std::fs::write(&target, b"the earlier export").unwrap();
    let written = write_export(dir.path(), &target, b"new", false).unwrap();
    assert_eq!(written, out.path().join("acme (2).json"));
    assert_eq!(
        std::fs::read(&target).unwrap(),
        b"the earlier export",
        "without --force an earlier file is never overwritten"
    );
    let replaced = write_export(dir.path(), &target, b"newer", true).unwrap();
    assert_eq!(replaced, target);
    assert_eq!(std::fs::read(&target).unwrap(), b"newer");
    let beside = dir.path().join("acme.json");
    assert_eq!(
        write_export(dir.path(), &beside, b"x", false).unwrap(),
        beside,
        "a file of one's own in the data folder is fine"
    );
}
